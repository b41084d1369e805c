/**
 * The one owner of the browser database: starts DuckDB, loads the reference
 * and the dataset (the user's kept data, else the demo), imports new files,
 * and tells pages when data changes. Pages never write tables.
 */
import { cachingEngine, type CachingEngine } from '../db/cache';
import { isTableName, type TableName } from '../model/schema';
import { ANALYSIS_TABLES } from '../model/ddl';
import { loadDataset, type LoadOptions, type PreparedFile } from '../import/dataset';
import { restoreSnapshot, takeSnapshot, type Snapshot } from '../import/snapshot';
import type { DatasetReport } from '../import/report';
import { newPseudonymKey } from '../import/pseudonym';
import { workerPseudonymiser } from '../import/identifier-client';
import { initDatabase } from '../reference/load';
import { bundledReferenceTexts } from '../reference/bundled-files';
import { readTerritory, type Territory } from '../reference/territory';
import { dataSpan } from '../cli/indicators-json';
import { hasSnapshot, readSnapshot, readStored, wipeStored, writeSnapshot, writeStored } from './storage';

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
export type DataSource = 'demo' | 'import';

class DataStore {
	status = $state<DataStatus>('demarrage');
	/** French message when status is 'erreur'. */
	error = $state<string | null>(null);
	/** Incremented each time the dataset changes: queries depend on it. */
	version = $state(0);
	source = $state<DataSource>('demo');
	span = $state<{ du: string; au: string } | null>(null);
	territory = $state<Territory | null>(null);
	report = $state<DatasetReport | null>(null);
	/** An import or a switch of dataset is running: panels wait. */
	busy = $state(false);
	/** The user has imported data kept in this browser. */
	hasOwnData = $state(false);
	/** When the kept data was imported (ISO date-time). */
	importedAt = $state<string | null>(null);
	/** The imported dataset is being written to the browser's storage. */
	saving = $state(false);
	/** French message when keeping the data in the browser failed. */
	saveError = $state<string | null>(null);
	#engine: Promise<CachingEngine> | null = null;
	#key: Promise<Uint8Array> | null = null;
	#started = false;

	/** The engine (with a result cache), started on first use. */
	engine(): Promise<CachingEngine> {
		this.#engine ??= (async () => {
			const { createBrowserEngine } = await import('../db/browser-engine');
			const engine = await createBrowserEngine();
			performance.mark('obs:duckdb-instancie');
			await initDatabase(engine, bundledReferenceTexts());
			return cachingEngine(engine);
		})();
		return this.#engine;
	}

	/** Starts the engine and loads the kept dataset, or the demo (once). */
	async start(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		try {
			performance.mark('obs:start');
			const kept = this.#readKept();
			const demo = this.#fetchDemo().then((f) => (performance.mark('obs:demo-fetched'), f));
			demo.catch(() => undefined);
			const engine = await this.engine();
			performance.mark('obs:engine-ready');
			this.territory = await readTerritory(engine);
			this.status = 'chargement';
			const own = await kept;
			if (own) await this.#restore(engine, own, 'import');
			else await this.#restore(engine, await demo, 'demo');
			performance.mark('obs:data-loaded');
		} catch (error) {
			this.status = 'erreur';
			this.error = error instanceof Error ? error.message : String(error);
		}
	}

	/** The user's kept dataset when it is the active one. */
	async #readKept(): Promise<Snapshot | null> {
		try {
			const [active, kept, at] = await Promise.all([readStored('actif'), hasSnapshot(), readStored('importe_le')]);
			this.hasOwnData = kept;
			this.importedAt = at ?? null;
			return active === 'import' && kept ? ((await readSnapshot()) ?? null) : null;
		} catch {
			return null; // storage unavailable (private mode…): start on the demo
		}
	}

	async #fetchDemo(): Promise<Snapshot> {
		const report = Object.values(demoReports)[0];
		const entries = Object.entries(demoTableUrls);
		if (!report || !entries.length) {
			throw new Error('Jeu de démonstration absent du build : lancez « npm run demo » puis reconstruisez.');
		}
		const tables: Snapshot['tables'] = {};
		const analyses: NonNullable<Snapshot['analyses']> = {};
		await Promise.all(
			entries.map(async ([path, url]) => {
				const name = path.split('/').pop()!.replace(/\.arrow$/, '');
				const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
				if (isTableName(name)) tables[name as TableName] = bytes;
				else if ((ANALYSIS_TABLES as readonly string[]).includes(name)) analyses[name as keyof typeof analyses] = bytes;
			})
		);
		return { tables, report, analyses };
	}

	async #restore(engine: CachingEngine, snapshot: Snapshot, source: DataSource): Promise<void> {
		engine.clear();
		this.report = await restoreSnapshot(engine, snapshot);
		engine.clear();
		await this.#loaded(engine, source);
	}

	async #loaded(engine: CachingEngine, source: DataSource): Promise<void> {
		this.span = await dataSpan(engine);
		this.source = source;
		this.version++;
		this.status = 'pret';
		document.body.dataset.lignesChargees = String(this.report!.tables.reduce((n, t) => n + t.lignes_chargees, 0));
		document.body.dataset.source = source;
	}

	/** Runs a dataset change with panels paused; errors keep the previous data. */
	async #exclusive<T>(work: (engine: CachingEngine) => Promise<T>): Promise<T> {
		const engine = await this.engine();
		this.busy = true;
		try {
			return await work(engine);
		} finally {
			this.busy = false;
		}
	}

	/**
	 * Imports prepared files (replace, or update by identifier), in one
	 * transaction: on any error the previous data stays. The result is kept in
	 * this browser with the profile; person identifiers get the local key's pseudonyms.
	 */
	async importFiles(files: PreparedFile[], options: Pick<LoadOptions, 'mode' | 'valueMaps'>): Promise<DatasetReport> {
		return this.#exclusive(async (engine) => {
			const key = await this.pseudonymKey();
			engine.clear();
			let report: DatasetReport;
			try {
				report = await loadDataset(engine, files, { ...options, pseudonym: workerPseudonymiser(key), transaction: true });
			} finally {
				engine.clear();
			}
			this.report = report;
			await this.#loaded(engine, 'import');
			void this.#keep(engine, report);
			return report;
		});
	}

	/**
	 * The key of this browser's pseudonyms, created on first use (the first
	 * file read for an import) and kept until « Supprimer mes données ».
	 */
	pseudonymKey(): Promise<Uint8Array> {
		// One promise, so that files read at once do not each create a key.
		this.#key ??= (async () => {
			let key = await readStored('cle').catch(() => undefined);
			if (!key) {
				key = newPseudonymKey();
				await writeStored('cle', key);
			}
			return key;
		})();
		this.#key.catch(() => (this.#key = null)); // storage refused: asked again next time
		return this.#key;
	}

	/** Writes the imported dataset to the browser's storage (after the results are on screen). */
	async #keep(engine: CachingEngine, report: DatasetReport): Promise<void> {
		this.saving = true;
		this.saveError = null;
		try {
			const snapshot = await takeSnapshot(engine, report);
			const at = new Date().toISOString();
			await writeSnapshot(snapshot);
			await Promise.all([writeStored('actif', 'import'), writeStored('importe_le', at)]);
			this.hasOwnData = true;
			this.importedAt = at;
		} catch (error) {
			this.saveError = `Les données sont affichées mais n’ont pas pu être conservées dans ce navigateur (${error instanceof Error ? error.message : String(error)}) : il faudra les réimporter après un rechargement.`;
		} finally {
			this.saving = false;
		}
	}

	/** Shows the demo dataset (the user's data stays kept). */
	async useDemo(): Promise<void> {
		await this.#exclusive(async (engine) => {
			await this.#restore(engine, await this.#fetchDemo(), 'demo');
			await writeStored('actif', 'demo').catch(() => undefined);
		});
	}

	/** Shows the user's kept dataset. */
	async useOwnData(): Promise<void> {
		await this.#exclusive(async (engine) => {
			const snapshot = await readSnapshot();
			if (!snapshot) throw new Error('Aucune donnée importée n’est conservée dans ce navigateur.');
			await this.#restore(engine, snapshot, 'import');
			await writeStored('actif', 'import');
		});
	}

	/** Deletes everything kept in this browser (data, profile, key) and goes back to the demo. */
	async wipe(): Promise<void> {
		await this.#exclusive(async (engine) => {
			await wipeStored();
			this.#key = null;
			this.hasOwnData = false;
			this.importedAt = null;
			await this.#restore(engine, await this.#fetchDemo(), 'demo');
		});
	}
}

/** The application's data store. */
export const data = new DataStore();
