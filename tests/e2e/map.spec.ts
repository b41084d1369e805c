/**
 * The map in Chromium on the demo data: 33 communes painted as the legend
 * says, a click filters every page, levels and compare mode (screenshots),
 * recolour timing on a filter change, the table and the exports, and no
 * request leaving the origin.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, parseFrenchNumber, recordRequests, SCREENSHOTS, waitForMap, waitForPanels } from './helpers';

/** Rendered territories with the colour and class their feature state gives them (what the fill layer paints). */
async function renderedColours(page: Page, id = 'principale') {
	return page.evaluate((mapId) => {
		const el = document.querySelector(`[data-map="${mapId}"]`) as HTMLElement & { maplibre: any };
		const m = el.maplibre;
		const codes = [...new Set<string>(m.queryRenderedFeatures({ layers: ['territoire-remplissage'] }).map((f: any) => f.properties.code))].sort();
		const states = codes.map((code) => m.getFeatureState({ source: 'territoires', id: code }));
		return { codes, colours: states.map((s: any) => s.couleur ?? null), hatched: codes.filter((_, i) => states[i].classe === -1) };
	}, id);
}

/** Colour of the map canvas at a territory's anchor (a point inside it), as #rrggbb. */
async function pixelAt(page: Page, code: string, id = 'principale'): Promise<string> {
	return page.evaluate(
		([mapId, c]) => {
			const el = document.querySelector(`[data-map="${mapId}"]`) as HTMLElement & { maplibre: any; anchors: any[] };
			const m = el.maplibre;
			const anchor = el.anchors.find((a) => a.code === c);
			const p = m.project(anchor.lngLat);
			const canvas = m.getCanvas() as HTMLCanvasElement;
			const ratio = canvas.width / canvas.clientWidth;
			const copy = document.createElement('canvas');
			copy.width = canvas.width;
			copy.height = canvas.height;
			const ctx = copy.getContext('2d')!;
			ctx.drawImage(canvas, 0, 0);
			const [r, g, b] = ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data;
			return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
		},
		[id, code]
	);
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
	await expect(page.locator('h1')).toContainText('Carte — Taux de sorties dynamiques par commune');

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
	// The canvas itself shows those colours (big communes, anchor inside the territory, no hatch).
	for (const code of ['98818', '98811', '98814', '98829']) {
		const i = rendered.codes.indexOf(code);
		if (rendered.hatched.includes(code)) continue;
		expect(await pixelAt(page, code), code).toBe(rendered.colours[i]);
	}
	// Small communes under secrecy read « s » on the map.
	await expect(page.locator('[data-map="principale"] [data-label] strong.secret-value').first()).toHaveText('s');

	// The attribution line of shared/geo/README.md is on the map.
	await expect(page.locator('[data-map="principale"] .maplibregl-ctrl-attrib')).toContainText(
		'Limites communales : Gouvernement de la Nouvelle-Calédonie (DTSI/Georep), via contours.nc (CC BY 4.0)'
	);

	// Hover: value, numerator / denominator, rank.
	const point = await labelPixel(page, '98818');
	await page.mouse.move(point.x, point.y);
	const tooltip = page.locator('[data-map-tooltip]');
	await expect(tooltip).toContainText('Nouméa');
	await expect(tooltip).toContainText(/\d+ sorties dynamiques \/ \d+ sorties retenues/);
	await expect(tooltip).toContainText(/Rang : \d+(er|e) sur \d+/);
	await page.mouse.move(5, 5);
	// A full-page capture of a scrolled page draws the sticky filter bar mid-page.
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: join(SCREENSHOTS, 'carte-communes.png'), fullPage: true });
	const foreign = requests.filter((u) => !u.startsWith(baseURL!) && !u.startsWith('data:') && !u.startsWith('blob:'));
	expect(foreign).toEqual([]);
});

/** Page coordinates of a territory's anchor (a point inside the territory). */
async function labelPixel(page: Page, code: string, id = 'principale') {
	await page.locator(`[data-map="${id}"]`).scrollIntoViewIfNeeded();
	const box = (await page.locator(`[data-map="${id}"] canvas`).boundingBox())!;
	const p = await page.evaluate(
		([mapId, c]) => {
			const el = document.querySelector(`[data-map="${mapId}"]`) as HTMLElement & { maplibre: any; anchors: any[] };
			const pt = el.maplibre.project(el.anchors.find((a) => a.code === c).lngLat);
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
	await page.mouse.move(5, 5);
	await page.evaluate(() => window.scrollTo(0, 0));
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
	await expect(page.locator('section[aria-label^="Écart"] h3')).toHaveText('Écart (année 2025 − année 2023)');
	await expect(page.locator('[data-attribution]')).toContainText('Limites communales : Gouvernement de la Nouvelle-Calédonie');
	await page.screenshot({ path: join(SCREENSHOTS, 'carte-comparaison.png'), fullPage: true });
	const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter PNG' }).click()]);
	expect(png.suggestedFilename()).toBe('carte-taux_emploi_durable-commune-2023-vs-2025.png');
	await png.saveAs(join(SCREENSHOTS, 'carte-comparaison-export.png'));
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
	await page.goto('/carte?du=2025-01-01&au=2025-12-31');
	await waitForMap(page);
	const button = page.getByRole('button', { name: 'Tableau des données' });
	await button.focus();
	await page.keyboard.press('Enter');
	const table = page.locator('[data-map-table]');
	await expect(table).toBeVisible();
	const outside = await table.locator('tr[data-code="hors-carte"]').count();
	await expect(table.locator('tbody tr')).toHaveCount(33 + outside);
	const json = cli(['--data', 'data/demo', '--from', '2025-01-01', '--to', '2025-12-31', '--territoire', '98818']);
	const noumea = table.locator('tr[data-code="98818"] td');
	expect(parseFrenchNumber(await noumea.nth(1).innerText())).toBeCloseTo(json.indicateurs.taux_sorties_dynamiques, 3);
	expect(parseFrenchNumber(await noumea.nth(2).innerText())).toBe(json.indicateurs.sorties_dynamiques);
	const retained = Math.round(json.indicateurs.sorties_dynamiques / json.indicateurs.taux_sorties_dynamiques);
	expect(parseFrenchNumber(await noumea.nth(3).innerText())).toBe(retained);
	await expect(table.locator('tr[data-code="98801"] td').nth(1)).toHaveText('s');
	// Keyboard: a territory name in the table is a button that filters the dashboard.
	await table.locator('tr[data-code="98818"] button').focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/commune=98818/);

	const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter CSV' }).click()]);
	expect(csv.suggestedFilename()).toBe('carte-taux_sorties_dynamiques-commune-2025.csv');
	const text = readFileSync((await csv.path())!, 'utf8');
	expect(text.startsWith('\uFEFFCode;Territoire;Taux de sorties dynamiques (%);Numérateur (sorties dynamiques);Dénominateur (sorties retenues);Rang;Classe\r\n')).toBe(true);
	expect(text).toMatch(/\r\n98818;Nouméa;\d+(,\d+)?;\d+;\d+;\d+;/);
	expect(text).toContain('\r\n98801;Belep;s;');
	expect(text).toContain('Secret statistique appliqué');
	expect(text).toContain('Limites communales : Gouvernement de la Nouvelle-Calédonie (DTSI/Georep)');

	const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter PNG' }).click()]);
	const bytes = readFileSync((await png.path())!);
	expect(bytes.subarray(1, 4).toString()).toBe('PNG');
	expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000);
	await png.saveAs(join(SCREENSHOTS, 'carte-export.png'));
});
