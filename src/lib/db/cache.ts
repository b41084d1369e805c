/**
 * A result cache in front of the engine: panels asking the same SQL for the
 * same data share one execution (in flight or done). Cleared whenever the
 * dataset changes; bounded, least recently used first out.
 *
 * It also runs warm-up queries while nobody waits: the browser compiles
 * DuckDB's WebAssembly to fast code only for the parts that have already run
 * many times, so a page's first filter changes are two to three times slower
 * than later ones. A page hands over the queries of its likely next filters;
 * they run one at a time, in turn, once no query has been asked for
 * `WARM_UP_IDLE_MS`; their results are thrown away, and each page gets
 * `WARM_UP_RUNS` of them per session at most.
 */
import type { Engine, Row } from './engine';

export interface CachingEngine extends Engine {
	/** Forgets every cached result (call after any write). */
	clear(): void;
	/** Replaces the warm-up queries with `page`'s (see the module comment); an empty list stops `page`'s. */
	warmUp(page: string, sqls: string[]): void;
}

export const WARM_UP_IDLE_MS = 300;
export const WARM_UP_RUNS = 30;

/** Wraps `engine` so identical queries run once. */
export function cachingEngine(engine: Engine, maxEntries = 64): CachingEngine {
	const cache = new Map<string, Promise<Row[]>>();
	const warm = { queue: [] as string[], page: '', runs: new Map<string, number>(), busy: 0, last: 0, timer: 0 as unknown, running: false };

	const scheduleWarmUp = () => {
		if (warm.running || warm.timer || !warm.queue.length || (warm.runs.get(warm.page) ?? 0) >= WARM_UP_RUNS) return;
		const wait = Math.max(0, warm.last + WARM_UP_IDLE_MS - performance.now());
		warm.timer = setTimeout(() => {
			warm.timer = 0;
			if (warm.busy > 0 || performance.now() - warm.last < WARM_UP_IDLE_MS) return scheduleWarmUp();
			const sql = warm.queue.shift();
			if (!sql) return;
			warm.runs.set(warm.page, (warm.runs.get(warm.page) ?? 0) + 1);
			warm.running = true;
			engine
				.query(sql)
				.catch(() => undefined)
				.finally(() => {
					warm.running = false;
					scheduleWarmUp();
				});
		}, wait);
	};
	const track = <T>(work: Promise<T>): Promise<T> => {
		warm.busy++;
		warm.last = performance.now();
		const done = () => {
			warm.busy--;
			warm.last = performance.now();
			scheduleWarmUp();
		};
		work.then(done, done);
		return work;
	};

	return {
		...engine,
		kind: engine.kind,
		insertArrowIPC: (table, ipc, create) => track(engine.insertArrowIPC(table, ipc, create)),
		queryIPC: (sql) => track(engine.queryIPC(sql)),
		query<T extends Row = Row>(sql: string): Promise<T[]> {
			const hit = cache.get(sql);
			if (hit) {
				cache.delete(sql);
				cache.set(sql, hit);
				return hit as Promise<T[]>;
			}
			const start = performance.now();
			const result = track(engine.query<T>(sql));
			// Timings are kept as User Timing entries (obs:requete) so the benchmark can separate query and rendering time.
			result.then(() => performance.measure('obs:requete', { start, end: performance.now(), detail: sql.slice(0, 80) })).catch(() => undefined);
			cache.set(sql, result);
			result.catch(() => cache.delete(sql));
			if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
			return result;
		},
		async exec(sql: string) {
			cache.clear();
			warm.queue = [];
			await track(engine.exec(sql));
		},
		clear() {
			cache.clear();
			warm.queue = [];
		},
		warmUp(page: string, sqls: string[]) {
			if (!sqls.length && warm.page !== page) return; // another page's list stays
			// The list is cycled: each query runs several times, up to the page's allowance.
			const left = sqls.length ? WARM_UP_RUNS - (warm.runs.get(page) ?? 0) : 0;
			warm.page = page;
			warm.queue = Array.from({ length: Math.max(0, left) }, (_, i) => sqls[i % sqls.length]);
			scheduleWarmUp();
		}
	};
}
