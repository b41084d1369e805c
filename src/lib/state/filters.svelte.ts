/**
 * Filters live in the URL (so any view can be linked and shared); this module
 * reads them with defaults and writes changes back with `goto`.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { Filters } from '../queries/filters';
import { data } from './data.svelte';

/** URL parameter of each filter. */
export const FILTER_PARAMS = {
	du: 'du',
	au: 'au',
	province: 'province',
	eth: 'eth',
	commune: 'commune',
	structure: 'structure',
	dispositif: 'dispositif',
	sexe: 'sexe',
	tranche_age: 'age'
} as const satisfies Record<keyof Filters, string>;

/** The latest complete calendar year of the data span, or the whole span. */
export function defaultPeriod(span: { du: string; au: string } | null): { du: string; au: string } {
	if (!span) {
		const y = new Date().getUTCFullYear() - 1;
		return { du: `${y}-01-01`, au: `${y}-12-31` };
	}
	const lastYear = span.au.endsWith('-12-31') ? Number(span.au.slice(0, 4)) : Number(span.au.slice(0, 4)) - 1;
	if (`${lastYear}-01-01` < span.du) return span;
	return { du: `${lastYear}-01-01`, au: `${lastYear}-12-31` };
}

/** Reads filters from URL parameters, with the default period when absent or invalid. */
export function filtersFromParams(params: URLSearchParams, span: { du: string; au: string } | null): Filters {
	const period = defaultPeriod(span);
	const iso = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
	const du = iso(params.get('du')) ?? period.du;
	const au = iso(params.get('au')) ?? period.au;
	const f: Filters = du <= au ? { du, au } : { du: au, au: du };
	for (const [key, param] of Object.entries(FILTER_PARAMS)) {
		if (key === 'du' || key === 'au') continue;
		const value = params.get(param);
		if (value) (f as unknown as Record<string, string>)[key] = value;
	}
	return f;
}

/** A stable text key of filters (for `data-for` and caching). */
export function filtersKey(f: Filters): string {
	return Object.entries(FILTER_PARAMS)
		.map(([key]) => `${key}=${(f as unknown as Record<string, string | undefined>)[key] ?? ''}`)
		.join('&');
}

/** The current filters, from the page URL. */
export function currentFilters(): Filters {
	return filtersFromParams(page.url.searchParams, data.span);
}

/**
 * Changes some filters (null removes one) and navigates, keeping the page.
 * Choosing a territory at one level clears the finer ones that no longer fit.
 */
export async function setFilters(changes: Partial<Record<keyof Filters, string | null>>, path?: string): Promise<void> {
	const params = new URLSearchParams(page.url.searchParams);
	if ('province' in changes) {
		params.delete('eth');
		params.delete('commune');
	}
	if ('eth' in changes) params.delete('commune');
	for (const [key, value] of Object.entries(changes)) {
		const param = FILTER_PARAMS[key as keyof Filters];
		if (value === null || value === undefined || value === '') params.delete(param);
		else params.set(param, value);
	}
	const query = params.toString();
	await goto(`${path ?? page.url.pathname}${query ? `?${query}` : ''}`, {
		keepFocus: true,
		noScroll: true,
		replaceState: false
	});
}

/** Removes every filter except the period; a page's own settings in the URL (map level…) stay. */
export async function resetFilters(): Promise<void> {
	const params = new URLSearchParams(page.url.searchParams);
	for (const [key, param] of Object.entries(FILTER_PARAMS)) if (key !== 'du' && key !== 'au') params.delete(param);
	await goto(`${page.url.pathname}${params.size ? `?${params}` : ''}`, { keepFocus: true, noScroll: true });
}
