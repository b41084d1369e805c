/** Test helpers: a Node engine (same duckdb-wasm as the browser) loaded with a fixture folder. */
import { join } from 'node:path';
import { createNodeEngine } from '../../src/lib/db/node-engine';
import type { Engine } from '../../src/lib/db/engine';
import { initDatabase } from '../../src/lib/reference/load';
import { readReferenceTexts } from '../../src/lib/reference/node-files';
import { loadCanonicalFolder } from '../../src/lib/cli/folder';
import type { DatasetReport } from '../../src/lib/import/report';

export const FIXTURES = join(process.cwd(), 'tests', 'fixtures');

/** A fresh engine with the reference tables and empty canonical tables. */
export async function emptyEngine(): Promise<Engine> {
	const engine = await createNodeEngine();
	await initDatabase(engine, readReferenceTexts());
	return engine;
}

/** A fresh engine loaded with `tests/fixtures/<name>/`. */
export async function fixtureEngine(name: string): Promise<{ engine: Engine; report: DatasetReport }> {
	const engine = await emptyEngine();
	const report = await loadCanonicalFolder(engine, join(FIXTURES, name));
	return { engine, report };
}
