import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cachingEngine, WARM_UP_IDLE_MS, WARM_UP_RUNS } from './cache';
import type { Engine, Row } from './engine';

/** A fake engine whose queries answer when the test says so, recording each SQL it runs. */
function fakeEngine() {
	const ran: string[] = [];
	const pending: (() => void)[] = [];
	const engine: Engine = {
		kind: 'browser',
		query: <T extends Row>(sql: string) => {
			ran.push(sql);
			return new Promise<T[]>((resolve, reject) =>
				pending.push(() => (sql.startsWith('FAIL') ? reject(new Error('échec')) : resolve([{ sql } as unknown as T])))
			);
		},
		exec: async () => undefined,
		registerFile: async () => undefined,
		dropFile: async () => undefined,
		insertArrowIPC: async () => undefined,
		queryIPC: async () => new Uint8Array()
	};
	/** Answers every query asked so far. */
	const answer = async () => {
		for (const done of pending.splice(0)) done();
		await vi.advanceTimersByTimeAsync(0);
	};
	return { engine, ran, answer };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('result cache', () => {
	it('runs the same SQL once while its answer is in flight or kept', async () => {
		const { engine, ran, answer } = fakeEngine();
		const cached = cachingEngine(engine);
		const [a, b] = [cached.query('SELECT 1'), cached.query('SELECT 1')];
		await answer();
		expect(await a).toEqual(await b);
		await cached.query('SELECT 1');
		expect(ran).toEqual(['SELECT 1']);
	});
});

describe('warm-up queries', () => {
	it('wait until no query has been asked for the idle delay, then run one at a time, in turn', async () => {
		const { engine, ran, answer } = fakeEngine();
		const cached = cachingEngine(engine);
		const page = cached.query('PAGE');
		cached.warmUp('p', ['A', 'B']);
		await vi.advanceTimersByTimeAsync(WARM_UP_IDLE_MS * 3);
		expect(ran).toEqual(['PAGE']); // the page's own query is still running
		await answer();
		await page;
		await vi.advanceTimersByTimeAsync(WARM_UP_IDLE_MS - 10);
		expect(ran).toEqual(['PAGE']);
		await vi.advanceTimersByTimeAsync(10);
		expect(ran).toEqual(['PAGE', 'A']);
		await vi.advanceTimersByTimeAsync(WARM_UP_IDLE_MS * 3);
		expect(ran).toEqual(['PAGE', 'A']); // one at a time: B waits for A's answer
		await answer();
		await vi.advanceTimersByTimeAsync(WARM_UP_IDLE_MS);
		await answer();
		await vi.advanceTimersByTimeAsync(WARM_UP_IDLE_MS);
		expect(ran).toEqual(['PAGE', 'A', 'B', 'A']);
	});

	it('step aside for a query a user asks, and do not fill the result cache', async () => {
		const { engine, ran, answer } = fakeEngine();
		const cached = cachingEngine(engine);
		cached.warmUp('p', ['A']);
		await vi.advanceTimersByTimeAsync(WARM_UP_IDLE_MS);
		expect(ran).toEqual(['A']);
		const user = cached.query('USER'); // asked while A runs: waits for A only
		await answer();
		expect(await user).toEqual([{ sql: 'USER' }]);
		await vi.advanceTimersByTimeAsync(WARM_UP_IDLE_MS - 10);
		expect(ran).toEqual(['A', 'USER']);
		await vi.advanceTimersByTimeAsync(10);
		expect(ran).toEqual(['A', 'USER', 'A']);
		await answer();
		const before = ran.length;
		const again = cached.query('A'); // a warm-up answer is not kept: the user's query runs
		expect(ran.slice(before)).toEqual(['A']);
		await answer();
		expect(await again).toEqual([{ sql: 'A' }]);
	});

	it(`stop after ${WARM_UP_RUNS} runs per page, ignore failures, and forget the list when the data changes or the page is left`, async () => {
		const { engine, ran, answer } = fakeEngine();
		const cached = cachingEngine(engine);
		cached.warmUp('p', ['FAIL A', 'B']);
		for (let i = 0; i < WARM_UP_RUNS + 5; i++) {
			await vi.advanceTimersByTimeAsync(WARM_UP_IDLE_MS);
			await answer();
		}
		expect(ran).toHaveLength(WARM_UP_RUNS);
		cached.warmUp('p', ['C']);
		await vi.advanceTimersByTimeAsync(WARM_UP_IDLE_MS * 3);
		expect(ran).toHaveLength(WARM_UP_RUNS);

		cached.warmUp('q', ['D']);
		cached.clear();
		await vi.advanceTimersByTimeAsync(WARM_UP_IDLE_MS * 3);
		expect(ran).not.toContain('D');

		cached.warmUp('r', ['E']);
		cached.warmUp('q', []); // a page left after another took over: the other's list stays
		await vi.advanceTimersByTimeAsync(WARM_UP_IDLE_MS);
		expect(ran.at(-1)).toBe('E');
		cached.warmUp('r', []); // left while E runs: nothing after it
		await answer();
		await vi.advanceTimersByTimeAsync(WARM_UP_IDLE_MS * 3);
		expect(ran.filter((sql) => sql === 'E')).toHaveLength(1);
	});
});
