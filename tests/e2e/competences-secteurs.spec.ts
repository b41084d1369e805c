/**
 * The Compétences essentielles and Secteurs pages in Chromium on the demo
 * data: numbers on the page equal the CLI's, page filters live in the URL,
 * the actions CSV is exported with secrecy, nothing leaves the origin,
 * screenshots of both pages.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, parseFrenchNumber, recordRequests, SCREENSHOTS, waitForPanels } from './helpers';

const YEAR = ['--data', 'data/demo', '--from', '2025-01-01', '--to', '2025-12-31'];
let json: Record<string, any>;
test.beforeAll(() => {
	json = cli(YEAR);
});

const read = async (page: Page, selector: string) => parseFrenchNumber(await page.locator(selector).first().innerText());

test('compétences: the progression table shows the CLI’s numbers; screenshot', async ({ page, baseURL }) => {
	const requests = recordRequests(page);
	await page.goto('/competences?du=2025-01-01&au=2025-12-31');
	await waitForPanels(page);
	await expect(page.locator('h1')).toHaveText('Compétences essentielles');
	for (const id of ['chaine', 'annees', 'objectifs', 'progression', 'flux', 'territoires-competences']) {
		await expect(page.locator(`[data-panel="${id}"]`)).toHaveAttribute('data-panel-state', 'ready');
	}
	const expected = json.competences.find((r: any) => r.referentiel === 'ANLCI' && r.domaine === 'lire');
	const row = '[data-table="domaines"] tr[data-referentiel="ANLCI"][data-domaine="lire"]';
	expect(await read(page, `${row} td:nth-of-type(2)`)).toBe(expected.personnes_evaluees);
	expect(await read(page, `${row} td:nth-of-type(3)`)).toBe(expected.personnes_initial_et_final);
	expect(await read(page, `${row} td:nth-of-type(5)`)).toBeCloseTo(expected.part_progression, 3);
	expect(await read(page, `${row} td:nth-of-type(6) > span:first-child`)).toBeCloseTo(expected.part_niveau_cible, 3);
	expect(await read(page, `${row} td:nth-of-type(7)`)).toBe(expected.attrition);

	// The chain and the targets are there, with an on-track / behind signal and « s » for small communes.
	await expect(page.locator('[data-panel="chaine"] svg').first()).toBeVisible();
	await expect(page.locator('[data-panel="objectifs"] [data-signal]').first()).toBeVisible();
	await expect(page.locator('[data-panel="territoires-competences"] .secret').first()).toHaveText('s');
	await expect(page.locator('[data-panel="flux"] svg').first()).toBeVisible();
	await page.screenshot({ path: join(SCREENSHOTS, 'competences-essentielles.png'), fullPage: true });

	const foreign = requests.filter((u) => !u.startsWith(baseURL!) && !u.startsWith('data:') && !u.startsWith('blob:'));
	expect(foreign).toEqual([]);
});

test('compétences: a referential chosen on the page is in the URL and recomputes every panel', async ({ page }) => {
	await page.goto('/competences?du=2025-01-01&au=2025-12-31&province=PN');
	await waitForPanels(page);
	await page.locator('select[name="referentiel"]').selectOption('CCE');
	await expect(page).toHaveURL(/referentiel=CCE/);
	await expect(page).toHaveURL(/province=PN/);
	await waitForPanels(page);
	const keys = await page.locator('[data-panel]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-for')))]);
	expect(keys).toHaveLength(1);
	expect(keys[0]).toContain('referentiel=CCE');
	await expect(page.locator('[data-panel="chaine"]')).toContainText('non calculé');
	const pn = cli([...YEAR, '--territoire', 'PN']);
	const rows = page.locator('[data-table="domaines"] tbody tr');
	await expect(rows.first()).toHaveAttribute('data-referentiel', 'CCE');
	const expected = pn.competences.find((r: any) => r.referentiel === 'CCE' && r.domaine === 'ecrire');
	expect(await read(page, '[data-table="domaines"] tr[data-domaine="ecrire"] td:nth-of-type(3)')).toBe(expected.personnes_initial_et_final);
	await page.screenshot({ path: join(SCREENSHOTS, 'competences-cce-pn.png'), fullPage: true });
});

test('secteurs: the sector table shows the CLI’s numbers, XPF amounts formatted; screenshot', async ({ page, baseURL }) => {
	const requests = recordRequests(page);
	await page.goto('/secteurs?du=2025-01-01&au=2025-12-31');
	await waitForPanels(page);
	await expect(page.locator('h1')).toHaveText('Secteurs et commande publique');
	const expected = json.secteurs.find((r: any) => r.secteur === 'agriculture_peche_aquaculture');
	const row = '[data-panel="secteurs"] tr[data-secteur="agriculture_peche_aquaculture"]';
	expect(await read(page, `${row} td[data-col="actions"]`)).toBe(expected.actions);
	expect(await read(page, `${row} td[data-col="places_prevues"]`)).toBe(expected.places_prevues);
	expect(await read(page, `${row} td[data-col="entrees"]`)).toBe(expected.entrees);
	expect(await read(page, `${row} td[data-col="taux_remplissage"]`)).toBeCloseTo(expected.taux_remplissage, 3);
	expect(await read(page, `${row} td[data-col="taux_abandon"]`)).toBeCloseTo(expected.taux_abandon, 3);
	expect(await read(page, `${row} td[data-col="sorties_dynamiques"]`)).toBe(expected.sorties_dynamiques);
	expect(await read(page, `${row} td[data-col="projets"]`)).toBe(expected.projets);
	const cost = await page.locator(`${row} td[data-col="cout_realise_xpf"]`).innerText();
	expect(cost).toMatch(/^\d{1,3}([\u202f\u00a0 ]\d{3})*\u00a0XPF$/);
	expect(parseFrenchNumber(cost)).toBe(expected.cout_realise_xpf);
	expect(await read(page, `${row} td[data-col="cout_par_sortie_dynamique_xpf"]`)).toBe(Math.round(expected.cout_par_sortie_dynamique_xpf));
	await expect(page.locator('[data-panel="tension"]')).toHaveAttribute('data-panel-state', 'empty');
	await expect(page.locator('[data-panel="tension"]')).toContainText('offres d’emploi');
	await expect(page.locator('[data-panel="besoins"] tbody tr').first()).toBeVisible();
	await page.screenshot({ path: join(SCREENSHOTS, 'secteurs-commande-publique.png'), fullPage: true });

	const foreign = requests.filter((u) => !u.startsWith(baseURL!) && !u.startsWith('data:') && !u.startsWith('blob:'));
	expect(foreign).toEqual([]);
});

test('secteurs: page filters in the URL, search and sort of the actions, CSV export with secrecy', async ({ page }) => {
	await page.goto('/secteurs?du=2025-01-01&au=2025-12-31');
	await waitForPanels(page);
	// A long list draws its first 25 rows, the others on demand.
	const rows = page.locator('[data-panel="actions"] tbody tr');
	const year = Number(await page.locator('[data-count]').getAttribute('data-count'));
	expect(year).toBeGreaterThan(25);
	await expect(rows).toHaveCount(25);
	await expect(page.locator('[data-panel="actions"]')).toContainText(`25 actions affichées sur ${year}`);
	await page.locator('[data-show-all]').click();
	await expect(rows).toHaveCount(year);
	await page.locator('select[name="financeur"]').selectOption('Province Nord');
	await expect(page).toHaveURL(/financeur=Province\+Nord|financeur=Province%20Nord/);
	await waitForPanels(page);
	const all = Number(await page.locator('[data-count]').getAttribute('data-count'));
	expect(all).toBeGreaterThan(0);
	await page.locator('input[name="recherche"]').fill('savoirs');
	const found = Number(await page.locator('[data-count]').getAttribute('data-count'));
	expect(found).toBeGreaterThan(0);
	expect(found).toBeLessThan(all);
	const actions = page.locator('[data-panel="actions"]');
	await actions.locator('th button', { hasText: 'Coût réalisé' }).click();
	const costs = await actions.locator('td[data-col="cout_realise_xpf"]').allInnerTexts();
	const values = costs.map(parseFrenchNumber).filter((v): v is number => typeof v === 'number');
	expect(values).toEqual([...values].sort((a, b) => b - a));

	const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="csv"]').click()]);
	const text = readFileSync((await download.path())!, 'utf8');
	expect(text.startsWith('\uFEFFIdentifiant;Intitulé;Type;Secteur;')).toBe(true);
	expect(text.split('\r\n').filter((l) => /^A\d+;/.test(l))).toHaveLength(found);
	expect(text).toMatch(/secret statistique appliqué/i);
});
