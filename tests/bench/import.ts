/**
 * Import benchmark in Chromium: a large parcours export (CSV and Parquet) is
 * dropped on the Données page; times to read it (worker) and to load and check
 * it (DuckDB), and the longest main-thread task meanwhile (a frozen page
 * would show a long one).
 *
 * The times are taken in the page: file chosen → mapping screen drawn, and
 * click on « Importer » → report drawn (the frame after the element appears).
 * Playwright itself notices an element 0.2–0.5 s after it is drawn when the
 * machine's two cores are busy, and clicks only then: its wall-clock total
 * is given too (`observed_total_ms`).
 */
import { resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { BASE } from './server';
import { bigParcoursFiles } from './big-files';
import { round } from './stats';

const LONG_TASKS = `window.__longest = 0; new PerformanceObserver((list) => {
	for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
}).observe({ type: 'longtask', buffered: true });`;

/** Page-side clock (window.__t): file chosen, mapping screen drawn, click, report drawn. */
const PAGE_TIMES = `window.__t = {};
document.querySelector('[data-file-input]').addEventListener('change', () => (window.__t.start ??= performance.now()), { capture: true });
document.addEventListener('click', (e) => e.target.closest('[data-run-import]') && (window.__t.click ??= performance.now()), { capture: true });
const drawn = (selector, key) => {
	let pending = false;
	const observer = new MutationObserver(() => {
		if (pending || !document.querySelector(selector)) return;
		pending = true;
		observer.disconnect();
		requestAnimationFrame(() => (window.__t[key] = performance.now()));
	});
	observer.observe(document.body, { subtree: true, childList: true });
};
drawn('[data-draft]', 'draft');
drawn('[data-import-report]', 'report');`;

export interface ImportFigures {
	/** File chosen → mapping screen drawn. */
	read_ms: number;
	/** Click on « Importer » → report drawn. */
	load_ms: number;
	total_ms: number;
	/** File chosen → report seen by Playwright (includes its latency in noticing the screens). */
	observed_total_ms: number;
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
	await page.evaluate(PAGE_TIMES);
	const t0 = Date.now();
	await page.locator('[data-file-input]').setInputFiles(resolve(path));
	await page.waitForSelector('[data-draft]', { timeout: 300_000 });
	await page.locator('[data-run-import]').click();
	await page.waitForSelector('[data-import-report]', { timeout: 600_000 });
	const t2 = Date.now();
	await page.waitForFunction(() => (window as unknown as { __t: { report?: number } }).__t.report !== undefined);
	const t = (await page.evaluate('window.__t')) as Record<'start' | 'draft' | 'click' | 'report', number>;
	const rows = Number((await page.locator('[data-report="parcours"] [data-chargees]').innerText()).replace(/\D/g, ''));
	const longest = (await page.evaluate('window.__longest')) as number;
	await page.waitForSelector('[data-saved]', { timeout: 600_000 }).catch(() => undefined);
	await context.close();
	const [read, load] = [t.draft - t.start, t.report - t.click];
	return {
		read_ms: round(read, 0),
		load_ms: round(load, 0),
		total_ms: round(read + load, 0),
		observed_total_ms: t2 - t0,
		rows_loaded: rows,
		longest_main_thread_task_ms: round(longest)
	};
}

/** Imports `n`-row parcours files (CSV then Parquet) and returns the figures by format. */
export async function benchImport(browser: Browser, n: number): Promise<Record<string, ImportFigures>> {
	const files = await bigParcoursFiles(n);
	return { csv: await importOnce(browser, files.csv), parquet: await importOnce(browser, files.parquet) };
}
