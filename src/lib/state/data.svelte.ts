/**
 * The one owner of the browser database: starts DuckDB, loads the reference
 * and the dataset (demo by default), and tells pages when data changes.
 * Pages never write tables; they read through queries.
 */
import type { Engine } from '../db/engine';
import { isTableName } from '../model/schema';
import { loadDataset, prepareCanonicalCsv, type PreparedFile } from '../import/dataset';
import type { DatasetReport } from '../import/report';
import { initDatabase } from '../reference/load';
import { bundledReferenceTexts } from '../reference/bundled-files';
import { readTerritory, type Territory } from '../reference/territory';
import { dataSpan } from '../cli/indicators-json';

const demoUrls = import.meta.glob('/data/demo/*.csv', { query: '?url', import: 'default', eager: true }) as Record<
	string,
	string
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
	#engine: Promise<Engine> | null = null;
	#started = false;

	/** The engine, started on first use. */
	engine(): Promise<Engine> {
		this.#engine ??= (async () => {
			const { createBrowserEngine } = await import('../db/browser-engine');
			const engine = await createBrowserEngine();
			await initDatabase(engine, bundledReferenceTexts());
			return engine;
		})();
		return this.#engine;
	}

	/** Starts the engine and loads the demo dataset (once). */
	async start(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		try {
			const files = this.#fetchDemo();
			const engine = await this.engine();
			this.territory = await readTerritory(engine);
			this.status = 'chargement';
			await this.#replace(engine, await files, 'demo');
		} catch (error) {
			this.status = 'erreur';
			this.error = error instanceof Error ? error.message : String(error);
		}
	}

	async #fetchDemo(): Promise<PreparedFile[]> {
		const entries = Object.entries(demoUrls);
		if (!entries.length) throw new Error('Jeu de démonstration absent du build : lancez « npm run demo » puis reconstruisez.');
		return Promise.all(
			entries.map(async ([path, url]) => {
				const name = path.split('/').pop()!;
				const table = name.replace(/\.csv$/, '');
				if (!isTableName(table)) throw new Error(`Fichier de démonstration inattendu : ${name}`);
				const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
				return prepareCanonicalCsv(table, name, bytes);
			})
		);
	}

	async #replace(engine: Engine, files: PreparedFile[], source: 'demo' | 'import'): Promise<void> {
		this.report = await loadDataset(engine, files);
		this.span = await dataSpan(engine);
		this.source = source;
		this.version++;
		this.status = 'pret';
	}
}

/** The application's data store. */
export const data = new DataStore();
