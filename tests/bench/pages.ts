/**
 * Filter-change latency of any dashboard page in Chromium (in-page clock):
 * change one select, wait until every panel shows the new filters
 * (`data-for`) and is no longer loading, then the next frame is painted.
 * Used for the Compétences essentielles and Secteurs pages.
 */
import type { Browser } from '@playwright/test';
import { BASE } from './server';
import { median, quantile, round } from './stats';
import { whenDom } from './wait';

// Page scripts are strings: tsx's name-keeping helpers (`__name`) don't exist in the page.
const READY_SCRIPT = `(() => {
	const panels = [...document.querySelectorAll('[data-panel]')];
	return panels.length > 0 && panels.every((p) => p.getAttribute('data-panel-state') !== 'loading');
})()`;

/** Page script: changes one select, resolves with the ms until every panel shows the new filters, painted. */
export const CHANGE_SCRIPT = (name: string, value: string) => `new Promise((resolve, reject) => {
	const panels = () => [...document.querySelectorAll('[data-panel]')];
	const before = panels()[0] ? panels()[0].getAttribute('data-for') : '';
	const select = document.querySelector('select[name="${name}"]');
	if (!select) return reject(new Error('filtre ${name} absent'));
	if (![...select.options].some((o) => o.value === ${JSON.stringify(value)})) return reject(new Error('valeur ${value} absente du filtre ${name}'));
	const t0 = performance.now();
	select.value = ${JSON.stringify(value)};
	select.dispatchEvent(new Event('change', { bubbles: true }));
	${whenDom(
		`panels().length > 0 && new Set(panels().map((p) => p.getAttribute('data-for'))).size === 1 && panels()[0].getAttribute('data-for') !== before && panels().every((p) => p.getAttribute('data-panel-state') !== 'loading')`,
		'requestAnimationFrame(() => resolve(performance.now() - t0));'
	)}
})`;

/** 20 changes of the Compétences essentielles page: filter bar and page filters (public, référentiel). */
export const COMPETENCES_CHANGES: [string, string][] = [
	['province', 'PN'], ['public', 'insertion'], ['periode', '2024'], ['referentiel', 'ANLCI'], ['sexe', 'F'],
	['eth', 'espace_ouest'], ['referentiel', 'CCE'], ['public', ''], ['periode', '2023'], ['commune', '98811'],
	['sexe', ''], ['province', ''], ['referentiel', ''], ['periode', '2025'], ['dispositif', 'competences_essentielles'],
	['public', 'scolaire'], ['dispositif', ''], ['public', ''], ['age', 'moins_26'], ['age', '']
];

/** 20 changes of the Secteurs page: filter bar and page filters (financeur, type d'action). */
export const SECTEURS_CHANGES: [string, string][] = [
	['province', 'PN'], ['financeur', 'Province Nord'], ['periode', '2024'], ['type_action', 'qualifiante'], ['sexe', 'F'],
	['eth', 'espace_ouest'], ['type_action', ''], ['financeur', ''], ['periode', '2023'], ['commune', '98811'],
	['sexe', ''], ['province', ''], ['type_action', 'savoirs_de_base'], ['periode', '2025'], ['structure', 'DEFIJ_PN'],
	['financeur', 'Province Sud'], ['structure', ''], ['financeur', ''], ['type_action', ''], ['province', 'PS']
];

/**
 * Opens `path` (e.g. `/competences`), waits for every panel, then — at
 * once, or after `readingMs` of a user reading the page — applies `changes`
 * one after the other (each `[selectName, value]` must differ from the
 * select's current value) and returns the median and 95th percentile of the
 * change → all panels updated and painted times (ms).
 */
export async function benchPage(
	browser: Browser,
	path: string,
	changes: [string, string][],
	base: string = BASE,
	readingMs = 0
): Promise<{ p50: number; p95: number }> {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	try {
		const page = await context.newPage();
		await page.goto(`${base}${path}`);
		await page.waitForFunction(READY_SCRIPT, undefined, { timeout: 60_000 });
		if (readingMs > 0) await page.waitForTimeout(readingMs);
		const times: number[] = [];
		for (const [name, value] of changes) times.push((await page.evaluate(CHANGE_SCRIPT(name, value))) as number);
		return { p50: round(median(times)), p95: round(quantile(times, 0.95)) };
	} finally {
		await context.close();
	}
}
