/**
 * Import benchmark in Chromium: a large parcours export (CSV and Parquet) is
 * dropped on the Données page; times to read it (worker) and to load and check
 * it (DuckDB), and the longest main-thread task meanwhile (a frozen page
 * would show a long one).
 */
import { resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { BASE } from './server';
import { bigParcoursFiles } from './big-files';
import { round } from './stats';

const LONG_TASKS = `window.__longest = 0; new PerformanceObserver((list) => {
	for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
}).observe({ type: 'longtask', buffered: true });`;

export interface ImportFigures {
	read_ms: number;
	load_ms: number;
	total_ms: number;
	rows_loaded: number;
	longest_main_thread_task_ms: number;
}

async function importOnce(browser: Browser, path: string): Promise<ImportFigures> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	await page.goto(`${BASE}/donnees`);
	await page.waitForSelector('[data-dataset-status]', { timeout: 60_000 }).catch(async (error) => {
		await page.screenshot({ path: 'tests/output/bench/echec.png' });
		throw new Error(`${error.message}\n${errors.join('\n')}`);
	});
	await page.waitForSelector('[data-file-input]', { state: 'attached' });
	await page.evaluate(LONG_TASKS);
	const t0 = Date.now();
	await page.locator('[data-file-input]').setInputFiles(resolve(path));
	await page.waitForSelector('[data-draft]', { timeout: 300_000 });
	const t1 = Date.now();
	await page.locator('[data-run-import]').click();
	await page.waitForSelector('[data-import-report]', { timeout: 600_000 });
	const t2 = Date.now();
	const rows = Number((await page.locator('[data-report="parcours"] [data-chargees]').innerText()).replace(/\D/g, ''));
	const longest = (await page.evaluate('window.__longest')) as number;
	await page.waitForSelector('[data-saved]', { timeout: 600_000 }).catch(() => undefined);
	await context.close();
	return { read_ms: t1 - t0, load_ms: t2 - t1, total_ms: t2 - t0, rows_loaded: rows, longest_main_thread_task_ms: round(longest) };
}

/** Imports `n`-row parcours files (CSV then Parquet) and returns the figures by format. */
export async function benchImport(browser: Browser, n: number): Promise<Record<string, ImportFigures>> {
	const files = await bigParcoursFiles(n);
	return { csv: await importOnce(browser, files.csv), parquet: await importOnce(browser, files.parquet) };
}
