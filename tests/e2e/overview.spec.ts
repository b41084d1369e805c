/**
 * The overview in Chromium on the demo data: KPI tiles equal the CLI's
 * numbers, filters live in the URL, nothing leaves the origin, screenshots.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { cli, parseFrenchNumber, recordRequests, SCREENSHOTS, waitForMap, waitForPanels } from './helpers';

test('KPI tiles show the CLI’s numbers for the default period (2025)', async ({ page, baseURL }) => {
	const requests = recordRequests(page);
	await page.goto('/');
	await expect(page.locator('[data-demo-banner]')).toBeVisible();
	await waitForPanels(page);
	await expect(page.locator('[data-period]')).toHaveText('année 2025');

	const json = cli(['--data', 'data/demo', '--from', '2025-01-01', '--to', '2025-12-31']);
	const tile = (key: string) => page.locator(`[data-kpi="${key}"] .value`).innerText().then(parseFrenchNumber);
	expect(await tile('file_active')).toBe(json.indicateurs.file_active);
	expect(await tile('nouveaux_accueillis')).toBe(json.indicateurs.nouveaux_accueillis);
	expect(await tile('sorties')).toBe(json.indicateurs.sorties);
	expect(await tile('taux_sorties_dynamiques')).toBeCloseTo(json.indicateurs.taux_sorties_dynamiques, 3);
	expect(await tile('taux_emploi_durable')).toBeCloseTo(json.indicateurs.taux_emploi_durable, 3);
	expect(await tile('delai_entree_median_jours')).toBeCloseTo(json.indicateurs.delai_entree_median_jours, 1);
	expect(await tile('duree_accompagnement_mediane_jours')).toBeCloseTo(json.indicateurs.duree_accompagnement_mediane_jours, 1);

	await page.screenshot({ path: join(SCREENSHOTS, 'vue-ensemble.png'), fullPage: true });
	const foreign = requests.filter((u) => !u.startsWith(baseURL!) && !u.startsWith('data:') && !u.startsWith('blob:'));
	expect(foreign).toEqual([]);
});

test('a territory filter is in the URL, recomputes every panel and matches the CLI', async ({ page }) => {
	await page.goto('/?du=2024-01-01&au=2024-12-31&province=PN');
	await waitForPanels(page);
	const json = cli(['--data', 'data/demo', '--from', '2024-01-01', '--to', '2024-12-31', '--territoire', 'PN']);
	const fileActive = parseFrenchNumber(await page.locator('[data-kpi="file_active"] .value').innerText());
	expect(fileActive).toBe(json.indicateurs.file_active);

	await page.locator('select[name="commune"]').selectOption('98801');
	await expect(page).toHaveURL(/commune=98801/);
	await waitForPanels(page);
	await expect(page.locator('h1')).toContainText('Belep');
	await page.screenshot({ path: join(SCREENSHOTS, 'vue-ensemble-belep.png'), fullPage: true });
});

test('small counts show « s » with an explanation, and the page says secrecy applies', async ({ page }) => {
	await page.goto('/?du=2025-01-01&au=2025-12-31');
	await waitForPanels(page);
	const secret = page.locator('[data-panel="territoires"] .secret[data-secret="effectif"]').first();
	await expect(secret).toHaveText('s');
	await expect(secret).toHaveAttribute('title', /Secret statistique/);
	await expect(page.locator('[data-secrecy-notice]')).toContainText('secret statistique appliqué', { ignoreCase: true });
});

test('every page answers in French; pages not built yet say so', async ({ page, baseURL }) => {
	const requests = recordRequests(page);
	for (const [path, name] of [
		['/carte', 'carte'],
		['/competences', 'competences'],
		['/secteurs', 'secteurs'],
		['/territoires', 'territoires'],
		['/donnees', 'donnees']
	]) {
		await page.goto(path);
		await expect(page.locator('h1')).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		// Only the Territoires page is still to build; the others must not say so.
		await expect(page.locator('[data-not-yet]')).toHaveCount(path === '/territoires' ? 1 : 0);
		if (path === '/territoires') await expect(page.locator('[data-not-yet]')).toContainText('pas encore disponible');
		await page.waitForLoadState('networkidle');
		if (path === '/carte') await waitForMap(page);
		else if (path === '/competences' || path === '/secteurs') await waitForPanels(page);
		await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
	}
	const foreign = requests.filter((u) => !u.startsWith(baseURL!) && !u.startsWith('data:') && !u.startsWith('blob:'));
	expect(foreign).toEqual([]);
});
