/**
 * How the benchmark's page scripts wait for the app: on DOM mutations, not
 * on every animation frame. A loop of `requestAnimationFrame` makes Chromium
 * produce a frame every 16 ms for the whole wait; on a 2-core machine that
 * work competes with the DuckDB worker whose answer is being timed (measured:
 * Secteurs p50 ≈ 128 → 100 ms on the same build).
 */

/**
 * Page-script statements that run `then` (code; `reject` is in scope) once
 * the expression `done` is true, checking now and after every DOM change,
 * and reject after `timeoutMs`.
 */
export function whenDom(done: string, then: string, timeoutMs = 30_000): string {
	return `{
	const isDone = () => (${done});
	let finished = false;
	const finish = () => { finished = true; observer.disconnect(); clearTimeout(timer); ${then} };
	const observer = new MutationObserver(() => { if (!finished && isDone()) finish(); });
	observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
	const timer = setTimeout(() => { observer.disconnect(); if (!finished) reject(new Error('délai dépassé')); }, ${timeoutMs});
	if (isDone()) finish();
}`;
}
