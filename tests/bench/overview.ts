/**
 * Overview benchmark in Chromium: cold navigation → first KPI value painted,
 * and filter change → every panel updated (in-page clock, next frame painted).
 */
import type { Browser, Page } from '@playwright/test';
import { BASE } from './server';
import { median, quantile, round } from './stats';
import { CHANGE_SCRIPT } from './pages';
import { whenDom } from './wait';

// Page scripts are strings: tsx's name-keeping helpers (`__name`) don't exist in the page.
const FIRST_KPI_SCRIPT = `new Promise((resolve, reject) => {
	const value = () => document.querySelector('[data-kpi="file_active"] .value');
	${whenDom(
		`value() !== null && /\\d/.test(value().textContent || '')`,
		`requestAnimationFrame(() => {
			const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('obs:')).map((m) => [m.name.slice(4), Math.round(m.startTime)]));
			resolve({ ms: performance.now(), marks });
		});`,
		60_000
	)}
})`;

const phases: Record<string, number>[] = [];

/** Milliseconds from navigation start to the first KPI value in the DOM and painted. */
async function firstKpi(browser: Browser): Promise<number> {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	await page.goto(`${BASE}/`, { waitUntil: 'commit' });
	const { ms, marks } = (await page.evaluate(FIRST_KPI_SCRIPT)) as { ms: number; marks: Record<string, number> };
	phases.push(marks);
	await context.close();
	return ms;
}

/** Changes one select of the filter bar and waits until every panel shows the new filters. */
async function timedChange(page: Page, name: string, value: string): Promise<number> {
	return (await page.evaluate(CHANGE_SCRIPT(name, value))) as number;
}

/** The 20 filter changes: territories, dispositifs, sexes and years, each different from the previous. */
export const FILTER_CHANGES: [string, string][] = [
	['province', 'PN'], ['dispositif', 'accompagnement_long'], ['province', 'PS'], ['sexe', 'F'],
	['periode', '2024'], ['province', 'PIL'], ['dispositif', ''], ['eth', 'espace_ouest'],
	['sexe', 'M'], ['periode', '2023'], ['commune', '98811'], ['age', 'moins_26'],
	['province', ''], ['periode', '2025'], ['structure', 'DEFIJ_PN'], ['age', ''],
	['structure', ''], ['dispositif', 'jeunes'], ['sexe', ''], ['dispositif', '']
];

export interface OverviewFigures {
	first_kpi_ms: number;
	first_kpi_runs_ms: number[];
	/** Median time (ms from navigation) of each start-up step. */
	first_kpi_phases_ms: Record<string, number>;
	filter_change_p50_ms: number;
	filter_change_p95_ms: number;
	filter_changes: number;
	rows_loaded: number;
}

/** Runs the overview benchmark: `coldRuns` cold loads, then the 20 filter changes. */
export async function benchOverview(browser: Browser, coldRuns = 5): Promise<OverviewFigures> {
	const cold: number[] = [];
	for (let i = 0; i < coldRuns; i++) cold.push(await firstKpi(browser));
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	await page.goto(`${BASE}/`);
	await page.waitForSelector('[data-panel-state="ready"][data-panel="territoires"]', { timeout: 60_000 });
	const rows = Number(await page.getAttribute('body', 'data-lignes-chargees'));
	const changes: number[] = [];
	for (const [name, value] of FILTER_CHANGES) changes.push(await timedChange(page, name, value));
	await context.close();
	return {
		first_kpi_ms: round(median(cold)),
		first_kpi_runs_ms: cold.map((v) => round(v)),
		first_kpi_phases_ms: Object.fromEntries(Object.keys(phases[0] ?? {}).map((k) => [k, round(median(phases.map((p) => p[k])))])),
		filter_change_p50_ms: round(median(changes)),
		filter_change_p95_ms: round(quantile(changes, 0.95)),
		filter_changes: changes.length,
		rows_loaded: rows
	};
}
