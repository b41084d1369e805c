/** Shared helpers of the browser tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENSHOTS = join(process.cwd(), 'tests', 'output', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** Reads a French-formatted number from the page: `1 234` → 1234, `12,5 %` → 0.125, `45 j` → 45. */
export function parseFrenchNumber(text: string): number | 's' | null {
	const t = text.replace(/[\s\u00a0\u202f]/g, '');
	if (t === 's') return 's';
	if (t === '–' || t === '') return null;
	const percent = t.endsWith('%');
	const n = Number(t.replace(/[%‰j]|XPF/g, '').replace(',', '.').replace('−', '-'));
	return percent ? n / 100 : n;
}

/** Runs the CLI and returns its JSON. */
export function cli(args: string[]): Record<string, any> {
	return JSON.parse(execFileSync('npx', ['tsx', 'scripts/indicators.ts', ...args], { encoding: 'utf8', timeout: 180_000 }));
}

/** Waits until every panel on the page shows data for the current filters. */
export async function waitForPanels(page: Page): Promise<void> {
	await page.waitForSelector('[data-panel]');
	await page.waitForFunction(() => {
		const panels = [...document.querySelectorAll('[data-panel]')];
		return panels.length > 0 && panels.every((p) => p.getAttribute('data-panel-state') !== 'loading');
	});
}

/** Collects every request the page makes, to check none leaves the app's origin. */
export function recordRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (r) => urls.push(r.url()));
	return urls;
}

/** Waits until a map shows a paint for the current filters. */
export async function waitForMap(page: Page, id = 'principale'): Promise<void> {
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
