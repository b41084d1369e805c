/**
 * The map in Chromium on the demo data: 33 communes painted as the legend
 * says, a click filters every page, levels and compare mode (screenshots),
 * recolour timing on a filter change, the table and the exports, and no
 * request leaving the origin.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, parseFrenchNumber, recordRequests, SCREENSHOTS, waitForPanels } from './helpers';

/** Waits until a map shows a paint for the current filters. */
async function waitForMap(page: Page, id = 'principale'): Promise<void> {
	await waitForPanels(page);
	await page.waitForSelector(`[data-map="${id}"][data-map-state="pret"]`);
	await page.waitForFunction(
		(mapId) => {
			const el = document.querySelector(`[data-map="${mapId}"]`) as HTMLElement & { maplibre?: { loaded(): boolean } };
			const panel = document.querySelector('[data-panel="carte"]');
			return !!el?.maplibre?.loaded() && el.dataset.for === panel?.getAttribute('data-for');
		},
		id
	);
}

/** Rendered communes with the colour the map's paint expression gives them, and the hatched ones. */
async function renderedColours(page: Page, id = 'principale') {
	return page.evaluate((mapId) => {
		const el = document.querySelector(`[data-map="${mapId}"]`) as HTMLElement & { maplibre: any };
		const m = el.maplibre;
		const expr = m.getPaintProperty('territoire-remplissage', 'fill-color') as unknown[];
		const colourOf = new Map<string, string>();
		for (let i = 2; i < expr.length - 1; i += 2) for (const code of expr[i] as string[]) colourOf.set(code, expr[i + 1] as string);
		const codes = new Set<string>(m.queryRenderedFeatures({ layers: ['territoire-remplissage'] }).map((f: any) => f.properties.code));
		const hatched = new Set<string>(m.queryRenderedFeatures({ layers: ['territoire-secret'] }).map((f: any) => f.properties.code));
		return { codes: [...codes].sort(), colours: [...codes].map((c) => colourOf.get(c) ?? String(expr[expr.length - 1])), hatched: [...hatched] };
	}, id);
}

async function legend(page: Page, id: string) {
	return page.locator(`[data-legend="${id}"] li[data-legend-count]`).evaluateAll((items) =>
		items.map((li) => ({
			kind: li.getAttribute('data-legend-kind'),
			color: li.getAttribute('data-legend-color'),
			count: Number(li.getAttribute('data-legend-count'))
		}))
	);
}

test('la carte dessine les 33 communes aux couleurs de la légende, sans requête hors de l’application', async ({ page, baseURL }) => {
	const requests = recordRequests(page);
	await page.goto('/carte');
	await waitForMap(page);
	await expect(page.locator('h1')).toContainText('Carte — Taux de couverture');

	const rendered = await renderedColours(page);
	expect(rendered.codes).toHaveLength(33);
	const rows = await legend(page, 'valeurs');
	expect(rows.reduce((s, r) => s + r.count, 0)).toBe(33);
	for (const r of rows.filter((r) => r.kind === 'class' || r.kind === 'nodata')) {
		expect(rendered.colours.filter((c) => c === r.color).length, `${r.kind} ${r.color}`).toBe(r.count);
	}
	const secret = rows.find((r) => r.kind === 'secret')?.count ?? 0;
	expect(rendered.hatched).toHaveLength(secret);
	expect(secret).toBeGreaterThan(0);

	// The attribution line of shared/geo/README.md is on the map.
	await expect(page.locator('[data-map="principale"] .maplibregl-ctrl-attrib')).toContainText(
		'Limites communales : Gouvernement de la Nouvelle-Calédonie (DTSI/Georep), via contours.nc (CC BY 4.0)'
	);

	// Hover: value, numerator / denominator, rank.
	const point = await labelPixel(page, '98818');
	await page.mouse.move(point.x, point.y);
	const tooltip = page.locator('[data-map-tooltip]');
	await expect(tooltip).toContainText('Nouméa');
	await expect(tooltip).toContainText('personnes en file active /');
	await expect(tooltip).toContainText(/Rang : \d+(er|e) sur \d+/);
	await page.mouse.move(5, 5);

	await page.screenshot({ path: join(SCREENSHOTS, 'carte-communes.png'), fullPage: true });
	const foreign = requests.filter((u) => !u.startsWith(baseURL!) && !u.startsWith('data:') && !u.startsWith('blob:'));
	expect(foreign).toEqual([]);
});

/** Page coordinates of a territory's label point (always inside the territory). */
async function labelPixel(page: Page, code: string, id = 'principale') {
	const box = (await page.locator(`[data-map="${id}"] canvas`).boundingBox())!;
	const p = await page.evaluate(
		([mapId, c]) => {
			const m = (document.querySelector(`[data-map="${mapId}"]`) as any).maplibre;
			const f = m.querySourceFeatures('etiquettes').find((x: any) => x.properties.code === c);
			const pt = m.project(f.geometry.coordinates);
			return { x: pt.x, y: pt.y };
		},
		[id, code]
	);
	return { x: box.x + p.x, y: box.y + p.y };
}

test('cliquer une commune filtre le tableau de bord, la carte garde toutes les communes', async ({ page }) => {
	await page.goto('/carte?du=2025-01-01&au=2025-12-31');
	await waitForMap(page);
	const point = await labelPixel(page, '98811');
	await page.mouse.click(point.x, point.y);
	await expect(page).toHaveURL(/\/carte\?.*commune=98811/);
	await expect(page.locator('select[name="commune"]')).toHaveValue('98811');
	await waitForMap(page);
	expect(await page.locator('[data-map="principale"]').getAttribute('data-for')).toContain('commune=98811');
	expect((await renderedColours(page)).codes).toHaveLength(33);
	await expect(page.locator('.title')).toContainText('Koohnê / Koné (filtre en cours) est entouré');
	await page.screenshot({ path: join(SCREENSHOTS, 'carte-commune-choisie.png'), fullPage: true });

	await page.getByRole('link', { name: 'Vue d’ensemble' }).click();
	await waitForPanels(page);
	await expect(page.locator('h1')).toContainText('Koohnê / Koné');
	const json = cli(['--data', 'data/demo', '--from', '2025-01-01', '--to', '2025-12-31', '--territoire', '98811']);
	expect(parseFrenchNumber(await page.locator('[data-kpi="file_active"] .value').innerText())).toBe(json.indicateurs.file_active);
});

test('niveaux ETH et province, et mode comparaison (captures)', async ({ page }) => {
	await page.goto('/carte?niveau=eth&indicateur=taux_sorties_dynamiques');
	await waitForMap(page);
	expect((await legend(page, 'valeurs')).reduce((s, r) => s + r.count, 0)).toBe(4);
	expect((await renderedColours(page)).codes.sort()).toEqual(['cote_oceanienne', 'espace_ouest', 'grand_nord', 'sud_minier']);
	await expect(page.locator('[data-legend="valeurs"]')).toContainText('Hors ETH');
	await page.screenshot({ path: join(SCREENSHOTS, 'carte-eth.png'), fullPage: true });

	await page.locator('input[name="niveau"][value="province"]').check();
	await expect(page).toHaveURL(/niveau=province/);
	await waitForMap(page);
	expect((await renderedColours(page)).codes.sort()).toEqual(['PIL', 'PN', 'PS']);
	await page.screenshot({ path: join(SCREENSHOTS, 'carte-provinces.png'), fullPage: true });

	await page.goto('/carte?du=2025-01-01&au=2025-12-31&indicateur=taux_emploi_durable&comparer=2023');
	for (const id of ['avant', 'apres', 'ecart']) await waitForMap(page, id);
	const before = await legend(page, 'before');
	const after = await legend(page, 'after');
	expect(before.filter((r) => r.kind === 'class').map((r) => r.color)).toEqual(after.filter((r) => r.kind === 'class').map((r) => r.color));
	expect(before.reduce((s, r) => s + r.count, 0)).toBe(33);
	const diff = await legend(page, 'difference');
	expect(diff.reduce((s, r) => s + r.count, 0)).toBe(33);
	await expect(page.locator('[data-map="ecart"]').locator('..').locator('..')).toContainText('Écart');
	await page.screenshot({ path: join(SCREENSHOTS, 'carte-comparaison.png'), fullPage: true });
});

test('un filtre recolore la carte et donne le temps de recoloriage', async ({ page }) => {
	await page.goto('/carte?du=2025-01-01&au=2025-12-31');
	await waitForMap(page);
	const times: number[] = [];
	for (const [name, value] of [['sexe', 'F'], ['sexe', 'M'], ['dispositif', 'jeunes'], ['sexe', ''], ['dispositif', '']]) {
		await page.locator(`select[name="${name}"]`).selectOption(value);
		await page.waitForFunction(
			([n, v]) => {
				const el = document.querySelector('[data-map="principale"]') as HTMLElement;
				return new RegExp(`${n}=${v}(&|$)`).test(el.dataset.for ?? '') && el.dataset.recolourMs !== undefined;
			},
			[name === 'sexe' ? 'sexe' : 'dispositif', value]
		);
		times.push(Number(await page.locator('[data-map="principale"]').getAttribute('data-recolour-ms')));
	}
	console.log(`Recoloriage après changement de filtre (ms) : ${times.join(', ')}`);
	for (const t of times) expect(t).toBeGreaterThan(0);
});

test('le tableau derrière la carte au clavier, exports CSV et PNG', async ({ page }) => {
	await page.goto('/carte?du=2025-01-01&au=2025-12-31&indicateur=file_active');
	await waitForMap(page);
	const button = page.getByRole('button', { name: 'Tableau des données' });
	await button.focus();
	await page.keyboard.press('Enter');
	const table = page.locator('[data-map-table]');
	await expect(table).toBeVisible();
	await expect(table.locator('tbody tr')).toHaveCount(33 + (await table.locator('tr[data-code="hors-carte"]').count()));
	const json = cli(['--data', 'data/demo', '--from', '2025-01-01', '--to', '2025-12-31', '--territoire', '98818']);
	const noumea = await table.locator('tr[data-code="98818"] td').nth(1).innerText();
	expect(parseFrenchNumber(noumea)).toBe(json.indicateurs.file_active);
	await expect(table.locator('td.secret-cell').first()).toHaveText('s');

	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter CSV' }).click()]);
	expect(csv.suggestedFilename()).toBe('carte-file_active-commune-2025.csv');
	const text = readFileSync((await csv.path())!, 'utf8');
	expect(text.startsWith('\uFEFFCode;Territoire;File active;Rang;Classe')).toBe(true);
	expect(text).toMatch(/\r\n98818;Nouméa;\d+;/);
	expect(text).toContain('Secret statistique appliqué');

	const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter PNG' }).click()]);
	const bytes = readFileSync((await png.path())!);
	expect(bytes.subarray(1, 4).toString()).toBe('PNG');
	const width = bytes.readUInt32BE(16);
	expect(width).toBeGreaterThan(1000);
	await png.saveAs(join(SCREENSHOTS, 'carte-export.png'));
});
