/**
 * The URL the filters are read from. A filter change on the same page makes
 * the new URL current at once, so the panels' queries start while SvelteKit
 * carries out the navigation (history, scroll state) instead of after it.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { tick } from 'svelte';

let pending = $state<URL | null>(null);

/** The page's URL, or the one being navigated to on the same page. */
export function currentUrl(): URL {
	return pending ?? page.url;
}

/** Navigates to `href` keeping focus and scroll; on the same page, the new URL is current before the navigation ends. */
export async function navigateTo(href: string, replaceState = false): Promise<void> {
	const target = new URL(href, page.url);
	const samePage = target.pathname === page.url.pathname;
	if (samePage) {
		pending = target;
		await tick();
	}
	try {
		await goto(href, { keepFocus: true, noScroll: true, replaceState });
	} finally {
		if (pending === target) pending = null;
	}
}
