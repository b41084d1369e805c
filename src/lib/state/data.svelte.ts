/**
 * The one owner of the browser database: starts DuckDB, loads the reference
 * and the dataset (demo by default), and tells pages when data changes.
 * Pages never write tables; they read through queries.
 */
import type { Engine } from '../db/engine';
import { cachingEngine, type CachingEngine } from '../db/cache';
import { isTableName, type TableName } from '../model/schema';
import { loadDataset, type PreparedFile } from '../import/dataset';
import { restoreSnapshot, type Snapshot } from '../import/snapshot';
import type { DatasetReport } from '../import/report';
import { initDatabase } from '../reference/load';
import { bundledReferenceTexts } from '../reference/bundled-files';
import { readTerritory, type Territory } from '../reference/territory';
import { dataSpan } from '../cli/indicators-json';

/** The demo dataset, imported at build time by scripts/demo-snapshot.ts (same pipeline, in Node). */
const demoTableUrls = import.meta.glob('/data/demo/snapshot/*.arrow', { query: '?url', import: 'default', eager: true }) as Record<
	string,
	string
>;
const demoReports = import.meta.glob('/data/demo/snapshot/rapport.json', { import: 'default', eager: true }) as Record<
	string,
	DatasetReport
>;

export type DataStatus = 'demarrage' | 'chargement' | 'pret' | 'erreur';

class DataStore {
	status = $state<DataStatus>('demarrage');
	/** French message when status is 'erreur'. */
	error = $state<string | null>(null);
	/** Incremented each time the dataset changes: queries depend on it. */
	version = $state(0);
	source = $state<'demo' | 'import'>('demo');
	span = $state<{ du: string; au: string } | null>(null);
	territory = $state<Territory | null>(null);
	report = $state<DatasetReport | null>(null);
	#engine: Promise<CachingEngine> | null = null;
	#started = false;

	/** The engine (with a result cache), started on first use. */
	engine(): Promise<CachingEngine> {
		this.#engine ??= (async () => {
			const { createBrowserEngine } = await import('../db/browser-engine');
			const engine = await createBrowserEngine();
			await initDatabase(engine, bundledReferenceTexts());
			return cachingEngine(engine);
		})();
		return this.#engine;
	}

	/** Starts the engine and loads the demo dataset (once). */
	async start(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		try {
			performance.mark('obs:start');
			const files = this.#fetchDemo().then((f) => (performance.mark('obs:demo-fetched'), f));
			const engine = await this.engine();
			performance.mark('obs:engine-ready');
			this.territory = await readTerritory(engine);
			this.status = 'chargement';
			await this.#restore(engine, await files, 'demo');
			performance.mark('obs:data-loaded');
		} catch (error) {
			this.status = 'erreur';
			this.error = error instanceof Error ? error.message : String(error);
		}
	}

	async #fetchDemo(): Promise<Snapshot> {
		const report = Object.values(demoReports)[0];
		const entries = Object.entries(demoTableUrls);
		if (!report || !entries.length) {
			throw new Error('Jeu de démonstration absent du build : lancez « npm run demo » puis reconstruisez.');
		}
		const tables: Snapshot['tables'] = {};
		await Promise.all(
			entries.map(async ([path, url]) => {
				const table = path.split('/').pop()!.replace(/\.arrow$/, '');
				if (!isTableName(table)) return;
				tables[table as TableName] = new Uint8Array(await (await fetch(url)).arrayBuffer());
			})
		);
		return { tables, report };
	}

	async #restore(engine: CachingEngine, snapshot: Snapshot, source: 'demo' | 'import'): Promise<void> {
		engine.clear();
		this.report = await restoreSnapshot(engine, snapshot);
		engine.clear();
		await this.#loaded(engine, source);
	}

	async #loaded(engine: CachingEngine, source: 'demo' | 'import'): Promise<void> {
		this.span = await dataSpan(engine);
		this.source = source;
		this.version++;
		this.status = 'pret';
		document.body.dataset.lignesChargees = String(this.report!.tables.reduce((n, t) => n + t.lignes_chargees, 0));
	}

	async #replace(engine: CachingEngine, files: PreparedFile[], source: 'demo' | 'import'): Promise<void> {
		engine.clear();
		this.report = await loadDataset(engine, files);
		engine.clear();
		await this.#loaded(engine, source);
	}
}

/** The application's data store. */
export const data = new DataStore();
