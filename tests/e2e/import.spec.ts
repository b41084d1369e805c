/**
 * The Données page in Chromium: a messy export is read in a worker, mapped,
 * imported (personal columns dropped, counts add up), kept across a reload,
 * and gives the same indicators as its clean equivalent; bad files get a
 * French message and change nothing; rejected rows download; wipe.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { cli, parseFrenchNumber, recordRequests, SCREENSHOTS, waitForPanels } from './helpers';

const BRUT = join('tests', 'fixtures', 'export-brut');
const brutFiles = () => readdirSync(BRUT).filter((f) => f.endsWith('.csv')).map((f) => join(BRUT, f));

async function importFiles(page: Page, files: string[] | { name: string; mimeType: string; buffer: Buffer }[]) {
	await page.goto('/donnees');
	await expect(page.locator('[data-dataset-status]')).toBeVisible();
	await page.locator('[data-file-input]').setInputFiles(files);
}

test('a messy export imports with the right counts, drops personal data and survives a reload', async ({ page, baseURL }) => {
	const requests = recordRequests(page);
	await importFiles(page, brutFiles());
	await expect(page.locator('[data-draft]')).toHaveCount(3);
	await expect(page.locator('[data-draft="Export beneficiaires.csv"] select[name="table"]')).toHaveValue('personnes');
	await expect(page.locator('[data-draft="export_parcours_2024.csv"] select[name="table"]')).toHaveValue('parcours');
	await expect(page.locator('[data-draft="rdv.csv"] select[name="table"]')).toHaveValue('evenements');
	await expect(page.locator('[data-draft="Export beneficiaires.csv"] tr.donnee_personnelle')).toHaveCount(3);
	await page.screenshot({ path: join(SCREENSHOTS, 'donnees-correspondance.png'), fullPage: true });

	await page.locator('[data-run-import]').click();
	const report = page.locator('[data-import-report]');
	await expect(report).toBeVisible({ timeout: 60_000 });
	const counts = async (table: string) =>
		Promise.all(['lues', 'chargees', 'rejetees'].map(async (k) => parseFrenchNumber(await report.locator(`[data-report="${table}"] [data-${k}]`).innerText())));
	expect(await counts('personnes')).toEqual([6, 6, 0]);
	expect(await counts('parcours')).toEqual([9, 9, 0]);
	expect(await counts('evenements')).toEqual([12, 12, 0]);
	// Keys all different once trimmed, found so while the files were read: no search for repeated keys in SQL.
	expect(await sqlRun(page, /__doublons" AS SELECT/)).toBe(false);
	await expect(report.locator('[data-report="personnes"]')).toContainText('Nom, Prénom, Téléphone');
	await expect(page.locator('[data-demo-banner]')).toHaveCount(0);
	await expect(page.locator('[data-saved]')).toBeVisible({ timeout: 60_000 });
	await page.screenshot({ path: join(SCREENSHOTS, 'donnees-rapport.png'), fullPage: true });

	await page.reload();
	await expect(page.locator('body')).toHaveAttribute('data-source', 'import', { timeout: 60_000 });
	await page.goto('/?du=2024-01-01&au=2024-12-31');
	await waitForPanels(page);
	const json = cli(['--data', join('tests', 'fixtures', 'cas-limites'), '--from', '2024-01-01', '--to', '2024-12-31', '--secret']);
	expect(parseFrenchNumber(await page.locator('[data-kpi="sorties"] .value').innerText())).toBe(json.indicateurs.sorties);
	expect(parseFrenchNumber(await page.locator('[data-kpi="file_active"] .value').innerText())).toBe(json.indicateurs.file_active);
	const foreign = requests.filter((u) => !u.startsWith(baseURL!) && !u.startsWith('data:') && !u.startsWith('blob:'));
	expect(foreign).toEqual([]);
});

test('rejected rows are counted, explained and downloadable', async ({ page }) => {
	const csv = 'id_parcours;id_personne;date_entree;date_sortie\nA1;P1;01/02/2024;\nA1;P2;01/03/2024;\nA3;P3;;\nA4;P4;10/05/2024;01/05/2024\n';
	await importFiles(page, [{ name: 'parcours.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') }]);
	await page.locator('[data-run-import]').click();
	const card = page.locator('[data-import-report] [data-report="parcours"]');
	await expect(card).toBeVisible({ timeout: 60_000 });
	await expect(card.locator('[data-lues]')).toHaveText('4');
	await expect(card.locator('[data-chargees]')).toHaveText('1');
	await expect(card.locator('[data-rejetees]')).toHaveText('3');
	const download = page.waitForEvent('download');
	await card.locator('[data-download-rejects]').click();
	const file = await (await download).path();
	const text = readFileSync(file!, 'utf8');
	expect(text).toContain('ligne;motif;id_parcours;id_personne;date_entree;date_sortie');
	expect(text).toContain('3;identifiant en double : A1 déjà présent ligne 2;A1;P2;01/03/2024;');
	expect(text).toContain('4;date_entree manquante;A3;P3;;');
	expect(text).toContain('5;date_sortie (01/05/2024) antérieure à date_entree (10/05/2024);A4;P4;10/05/2024;01/05/2024');
});

test('an empty file, a binary file, a header-only file and a broken quote are refused in French, changing nothing', async ({ page }) => {
	await importFiles(page, [
		{ name: 'vide.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
		{ name: 'image.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]) },
		{ name: 'cassé.csv', mimeType: 'text/csv', buffer: Buffer.from('id_personne;sexe\nP1;"F\nP2;M\n') }
	]);
	await expect(page.locator('[data-file="vide.csv"] [role="alert"]')).toContainText('Le fichier est vide');
	await expect(page.locator('[data-file="image.csv"] [role="alert"]')).toContainText('pas un fichier texte');
	await expect(page.locator('[data-file="cassé.csv"] [role="alert"]')).toContainText('Guillemet non fermé à partir de la ligne 2');
	await expect(page.locator('[data-draft]')).toHaveCount(0);
	await page.locator('[data-file-input]').setInputFiles([{ name: 'personnes.csv', mimeType: 'text/csv', buffer: Buffer.from('id_personne;sexe\n') }]);
	await page.locator('[data-run-import]').click();
	await expect(page.locator('[data-import-error]')).toContainText('ne contient que la ligne d’en-tête');
	await expect(page.locator('[data-import-error]')).toContainText('Les données précédentes sont inchangées');
	await page.screenshot({ path: join(SCREENSHOTS, 'donnees-erreurs.png'), fullPage: true });
});

test('a Parquet export goes to DuckDB in pieces while it is read: samples, counts and line numbers are those of the file', async ({ page }) => {
	// 300,000 rows: three pieces; line 300 000 repeats line 3's identifier, line 150 000 has an unreadable date.
	const n = 300_000;
	const ids = Array.from({ length: n }, (_, i) => `A${i + 1}`);
	ids[n - 1] = 'A3';
	const dates: string[] = ids.map((_, i) => (i % 2 ? '2024-01-15' : '15/01/2024'));
	dates[149_999] = 'bientôt';
	const table = tableFromArrays({ id_parcours: ids, id_personne: ids.map((id) => 'P' + id), date_entree: dates });
	const parquet = createRequire(import.meta.url)('parquet-wasm/node');
	const bytes: Uint8Array = parquet.writeParquet(parquet.Table.fromIPCStream(tableToIPC(table, 'stream')));
	await importFiles(page, [{ name: 'parcours.parquet', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) }]);
	const draft = page.locator('[data-draft="parcours.parquet"]');
	await expect(draft.locator('select[name="table"]')).toHaveValue('parcours');
	await expect(draft).toContainText('PA1');
	await page.locator('[data-run-import]').click();
	const card = page.locator('[data-import-report] [data-report="parcours"]');
	await expect(card).toBeVisible({ timeout: 120_000 });
	expect(await Promise.all(['lues', 'chargees', 'rejetees'].map(async (k) => parseFrenchNumber(await card.locator(`[data-${k}]`).innerText())))).toEqual([
		n,
		n - 2,
		2
	]);
	const download = page.waitForEvent('download');
	await card.locator('[data-download-rejects]').click();
	const text = readFileSync((await (await download).path())!, 'utf8');
	expect(text).toContain('150000;date_entree invalide : «bientôt»;A150000;PA150000;bientôt');
	expect(text).toContain('300000;identifiant en double : A3 déjà présent ligne 3;A3;PA3;2024-01-15');
	// The pseudonyms were computed while the file was read (identifier worker), not read back from DuckDB after the click;
	// the key check saw the repeat, so the import looked for it in SQL.
	expect(await sqlRun(page, /^SELECT DISTINCT v FROM/)).toBe(false);
	expect(await sqlRun(page, /^CREATE OR REPLACE TEMP TABLE "chk_parcours__doublons"/)).toBe(true);
	expect(await page.evaluate(() => performance.getEntriesByName('obs:identifiants').length)).toBe(1);
});

/** Whether the page's DuckDB ran a statement matching `pattern` (the engine keeps each one as a User Timing entry). */
function sqlRun(page: Page, pattern: RegExp): Promise<boolean> {
	return page.evaluate(
		(source) => performance.getEntriesByName('obs:sql').some((e) => new RegExp(source).test(String((e as PerformanceMeasure).detail))),
		pattern.source
	);
}

test('a file removed while it is read leaves nothing behind: no draft when its reading would have ended, the next import unaffected', async ({ page }) => {
	const rows = Array.from({ length: 400_000 }, (_, i) => `PA${i};P${i};2024-01-15`).join('\n');
	await importFiles(page, [{ name: 'gros.csv', mimeType: 'text/csv', buffer: Buffer.from(`id_parcours;id_personne;date_entree\n${rows}\n`) }]);
	await expect(page.getByLabel('Lecture de gros.csv')).toBeVisible();
	await page.getByRole('button', { name: 'Retirer gros.csv' }).click();
	await page.locator('[data-file-input]').setInputFiles([{ name: 'personnes.csv', mimeType: 'text/csv', buffer: Buffer.from('id_personne;sexe\nP1;F\nP2;H\n') }]);
	await expect(page.locator('[data-draft="personnes.csv"]')).toBeVisible();
	await page.waitForTimeout(3000); // longer than reading gros.csv takes
	await expect(page.locator('[data-draft]')).toHaveCount(1);
	await expect(page.locator('main')).not.toContainText('gros.csv');
	await page.locator('[data-run-import]').click();
	const card = page.locator('[data-import-report] [data-report="personnes"]');
	await expect(card).toBeVisible({ timeout: 60_000 });
	expect(await Promise.all(['lues', 'chargees', 'rejetees'].map(async (k) => parseFrenchNumber(await card.locator(`[data-${k}]`).innerText())))).toEqual([2, 2, 0]);
	await expect(page.locator('[data-import-report] [data-report]')).toHaveCount(1);
});

test('« Supprimer mes données » wipes the data and goes back to the demo', async ({ page }) => {
	await importFiles(page, brutFiles());
	await page.locator('[data-run-import]').click();
	await expect(page.locator('[data-import-report]')).toBeVisible({ timeout: 60_000 });
	await expect(page.locator('[data-saved]')).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Supprimer mes données' }).click();
	await page.getByRole('button', { name: 'Oui, tout supprimer' }).click();
	await expect(page.locator('body')).toHaveAttribute('data-source', 'demo', { timeout: 60_000 });
	await page.reload();
	await expect(page.locator('[data-demo-banner]')).toBeVisible({ timeout: 60_000 });
	await expect(page.getByRole('button', { name: 'Afficher mes données' })).toHaveCount(0);
});

test('unknown codes are corrected from the report: saved in the profile and applied by a re-import', async ({ page }) => {
	const csv =
		'id_parcours;id_personne;dispositif;date_entree;projet_secteur\nA1;P1;Accomp. long;01/02/2024;Bâtiment\nA2;P2;Accomp. long;01/03/2024;btp\nA3;P3;jeunes;01/04/2024;\n';
	await importFiles(page, [{ name: 'parcours.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') }]);
	await page.locator('[data-run-import]').click();
	const card = page.locator('[data-import-report] [data-report="parcours"]');
	await expect(card).toBeVisible({ timeout: 60_000 });
	await expect(card).toContainText('code inconnu');
	const fixes = card.locator('[data-value-fixes]');
	await expect(fixes).toContainText('« Accomp. long »');
	await fixes.locator('[data-fix-value="dispositif:Accomp. long"]').selectOption('accompagnement_long');
	await fixes.locator('[data-fix-value="projet_secteur:Bâtiment"]').selectOption('btp');
	await page.screenshot({ path: join(SCREENSHOTS, 'donnees-corriger-valeurs.png'), fullPage: true });
	await fixes.locator('[data-fix-rerun]').click();
	await expect(card.locator('[data-value-fixes]')).toHaveCount(0, { timeout: 60_000 });
	await expect(card).not.toContainText('code inconnu');
	await expect(card).not.toContainText('secteur inconnu');
	await expect(card.locator('[data-chargees]')).toHaveText('3');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Exporter le profil (JSON)' }).click();
	const profile = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
	expect(profile.valeurs['parcours.dispositif']).toEqual({ 'Accomp. long': 'accompagnement_long' });
	expect(profile.valeurs['parcours.projet_secteur']).toEqual({ Bâtiment: 'btp' });
});
