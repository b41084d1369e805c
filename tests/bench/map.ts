/**
 * Map recolour benchmark in Chromium: change a filter of the bar, wait until
 * the main map answers the new filters (`data-for` changes), and read the
 * time it reports from the change to the map painted (`data-recolour-ms`).
 * The sequence runs twice: first-time filter states, then states already
 * computed (the engine's result cache).
 */
import type { Browser } from '@playwright/test';
import { BASE } from './server';
import { FILTER_CHANGES } from './overview';
import { median, quantile, round } from './stats';
import { whenDom } from './wait';

const CHANGE_SCRIPT = (name: string, value: string) => `new Promise((resolve, reject) => {
	const map = document.querySelector('[data-map="principale"]');
	const before = map.getAttribute('data-for');
	const select = document.querySelector('select[name="${name}"]');
	if (!select) return reject(new Error('filtre ${name} absent'));
	const t0 = performance.now();
	select.value = ${JSON.stringify(value)};
	select.dispatchEvent(new Event('change', { bubbles: true }));
	${whenDom(
		`map.getAttribute('data-for') && map.getAttribute('data-for') !== before && map.getAttribute('data-recolour-ms')`,
		`resolve(Number(map.getAttribute('data-recolour-ms')));`
	)}
})`;

export interface MapFigures {
	recolour_first_p50_ms: number;
	recolour_first_p95_ms: number;
	recolour_cached_p50_ms: number;
	recolour_cached_p95_ms: number;
	/** The same first-time changes with a count indicator (file active), which reads the whole query. */
	recolour_count_first_p50_ms: number;
	recolour_count_first_p95_ms: number;
}

/** Runs the 20 filter changes twice on the map page. */
export async function benchMap(browser: Browser): Promise<MapFigures> {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	await page.goto(`${BASE}/carte`);
	await page.waitForSelector('[data-map="principale"][data-for]', { timeout: 60_000 });
	const run = async () => {
		const times: number[] = [];
		for (const [name, value] of FILTER_CHANGES) times.push((await page.evaluate(CHANGE_SCRIPT(name, value))) as number);
		return times;
	};
	const first = await run();
	const cached = await run();
	await page.goto(`${BASE}/carte?indicateur=file_active`);
	await page.waitForSelector('[data-map="principale"][data-for]', { timeout: 60_000 });
	const counts = await run();
	await context.close();
	return {
		recolour_first_p50_ms: round(median(first)),
		recolour_first_p95_ms: round(quantile(first, 0.95)),
		recolour_cached_p50_ms: round(median(cached)),
		recolour_cached_p95_ms: round(quantile(cached, 0.95)),
		recolour_count_first_p50_ms: round(median(counts)),
		recolour_count_first_p95_ms: round(quantile(counts, 0.95))
	};
}
