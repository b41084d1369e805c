import { browser } from '$app/environment';
import { data } from '$lib/state/data.svelte';

// The app runs entirely in the browser (DuckDB-wasm, MapLibre): no server rendering.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';

/** Starts DuckDB and the dataset as early as possible: before the first render, not after it. */
export function load(): void {
	if (browser) void data.start();
}
