// The app runs entirely in the browser (DuckDB-wasm, MapLibre): no server rendering.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';
