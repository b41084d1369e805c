/**
 * The overview's queries timed on the same data in duckdb-wasm (Node, the
 * browser's engine) and in native DuckDB (@duckdb/node-api, one thread): the
 * wasm_vs_native ratio. Both must return the same rows.
 */
import { join } from 'node:path';
import { createNodeEngine } from '../../src/lib/db/node-engine';
import { createNativeEngine } from '../../src/lib/db/native-engine';
import type { Engine } from '../../src/lib/db/engine';
import { COMMUNE_KEYS_SQL, MACROS_SQL, REFERENCE_DDL, VIEWS_SQL, createSchemaSql } from '../../src/lib/model/ddl';
import { TABLES } from '../../src/lib/model/schema';
import { REFERENCE_FILES } from '../../src/lib/reference/load';
import { initDatabase } from '../../src/lib/reference/load';
import { readReferenceTexts } from '../../src/lib/reference/node-files';
import { loadCanonicalFolder } from '../../src/lib/cli/folder';
import { parcoursIndicatorsSql } from '../../src/lib/queries/parcours';
import { previousPeriod, type Filters } from '../../src/lib/queries/filters';
import { trendSql } from '../../src/lib/queries/trend';
import { median, round } from './stats';

const FILTERS: Filters = { du: '2025-01-01', au: '2025-12-31' };

/** The SQL a first view of the overview runs. */
export function overviewQueries(dataEnd: string): string[] {
	return [
		parcoursIndicatorsSql(FILTERS, 'total'),
		parcoursIndicatorsSql({ ...FILTERS, ...previousPeriod(FILTERS) }, 'total'),
		parcoursIndicatorsSql(FILTERS, 'province'),
		parcoursIndicatorsSql(FILTERS, 'eth'),
		parcoursIndicatorsSql(FILTERS, 'commune'),
		trendSql(FILTERS, 'quarter', dataEnd)
	];
}

/** Loads the canonical demo CSVs straight into native DuckDB (they are clean: ISO dates, canonical headers). */
async function nativeWithDemo(dir: string): Promise<Engine> {
	const engine = await createNativeEngine();
	await engine.exec(MACROS_SQL + REFERENCE_DDL);
	for (const [table, file] of Object.entries(REFERENCE_FILES)) {
		await engine.exec(`INSERT INTO ${table} BY NAME SELECT * FROM read_csv('${join('data', file)}', header=true, all_varchar=true)`);
	}
	await engine.exec(COMMUNE_KEYS_SQL + createSchemaSql());
	for (const def of TABLES) {
		const types = def.columns.map((c) => `'${c.name}': '${c.type}'`).join(', ');
		await engine.exec(`INSERT INTO ${def.name} SELECT * FROM read_csv('${join(dir, def.name + '.csv')}', header=true, columns={${types}})`);
	}
	await engine.exec(VIEWS_SQL);
	return engine;
}

async function timeQueries(engine: Engine, queries: string[], runs: number): Promise<{ ms: number; results: unknown[] }> {
	let results: unknown[] = [];
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		results = [];
		for (const q of queries) results.push(await engine.query(q));
		times.push(performance.now() - t0);
	}
	return { ms: median(times), results };
}

export interface NativeFigures {
	wasm_node_ms: number;
	native_ms: number;
	wasm_vs_native: number;
	same_results: boolean;
}

/** Times the overview queries in both engines (median of `runs`). */
export async function benchNative(dir = 'data/demo', dataEnd = '2026-10-31', runs = 10): Promise<NativeFigures> {
	const wasm = await createNodeEngine();
	await initDatabase(wasm, readReferenceTexts());
	await loadCanonicalFolder(wasm, dir);
	const native = await nativeWithDemo(dir);
	const queries = overviewQueries(dataEnd);
	const w = await timeQueries(wasm, queries, runs);
	const n = await timeQueries(native, queries, runs);
	const normalise = (x: unknown) => JSON.stringify(x, (_, v) => (typeof v === 'number' ? round(v, 9) : v));
	return {
		wasm_node_ms: round(w.ms),
		native_ms: round(n.ms),
		wasm_vs_native: round(w.ms / n.ms, 2),
		same_results: normalise(w.results) === normalise(n.results)
	};
}
