/**
 * Page-local filters kept in the URL next to the filter bar's (so a view can
 * be shared): reading them, writing a change, and the key every panel of the
 * page shows in `data-for` (filter bar + page filters).
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';

/** The values of `names` in the current URL (null when absent or empty). */
export function readPageParams<K extends string>(names: readonly K[]): Record<K, string | null> {
	const out = {} as Record<K, string | null>;
	for (const name of names) out[name] = page.url.searchParams.get(name) || null;
	return out;
}

/** Sets (or removes, with null or '') page parameters, keeping every other one. */
export async function setPageParams(changes: Record<string, string | null>): Promise<void> {
	const params = new URLSearchParams(page.url.searchParams);
	for (const [name, value] of Object.entries(changes)) {
		if (value) params.set(name, value);
		else params.delete(name);
	}
	const query = params.toString();
	await goto(`${page.url.pathname}${query ? `?${query}` : ''}`, { keepFocus: true, noScroll: true });
}

/** The panels' key: the filter bar's key and the page filters, in a stable order. */
export function pageKey(filtersKey: string, local: Record<string, string | null>): string {
	const extra = Object.keys(local)
		.sort()
		.map((k) => `${k}=${local[k] ?? ''}`)
		.join('&');
	return extra ? `${filtersKey}&${extra}` : filtersKey;
}
