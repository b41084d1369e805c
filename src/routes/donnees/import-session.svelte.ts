/**
 * One import on the Données page: the files being read (with progress),
 * the drafts the mapping screen edits, the profile, and the last report.
 */
import { data } from '$lib/state/data.svelte';
import { readStored, writeStored } from '$lib/state/storage';
import { prepareReader, readFileInWorker, releaseReader } from '$lib/import/worker-client';
import { RawRows } from '$lib/import/raw-rows';
import { IdentifierWorker, prepareIdentifierWorker, releaseIdentifierWorker } from '$lib/import/identifier-client';
import type { EarlyIdentifiers } from '$lib/import/source';
import { draftsFromRead, preparedFromDraft, withColumn, withTable, type ImportDraft } from '$lib/import/drafts';
import { EMPTY_PROFILE, parseProfile, rememberMapping, type MappingProfile } from '$lib/import/mapping';
import type { DatasetReport } from '$lib/import/report';
import type { TableName } from '$lib/model/schema';

export interface FileProgress {
	name: string;
	size: number;
	rowsRead: number;
	state: 'lecture' | 'lu' | 'erreur';
	message?: string;
}

export class ImportSession {
	files = $state<FileProgress[]>([]);
	drafts = $state.raw<ImportDraft[]>([]);
	profile = $state.raw<MappingProfile>(EMPTY_PROFILE);
	mode = $state<'remplacer' | 'mettre_a_jour'>('remplacer');
	running = $state(false);
	report = $state.raw<DatasetReport | null>(null);
	/** The files of the last import (references, not copies), kept so it can be re-run with corrected values. */
	lastFiles = $state.raw<File[]>([]);
	#picked = new Map<string, File>();
	/** Per file name: its rows, inserted into DuckDB while it was read (dropped when the file leaves the import). */
	#raw = new Map<string, RawRows>();
	/** Per file name: the read in progress, cancelled when the file leaves the import or is dropped again. */
	#reads = new Map<string, AbortController>();
	/** French message of the last failed import (the previous data is intact). */
	error = $state<string | null>(null);

	constructor() {
		void readStored('profil')
			.then((p) => p && (this.profile = p))
			.catch(() => undefined);
		// The reader of the first file gets ready while the user chooses it.
		prepareReader();
		prepareIdentifierWorker();
	}

	/** True while a file is being read. */
	get reading(): boolean {
		return this.files.some((f) => f.state === 'lecture');
	}

	/** Drafts whose table is unknown: the import waits for the user's choice. */
	get undecided(): ImportDraft[] {
		return this.drafts.filter((d) => !d.table);
	}

	/**
	 * Reads dropped files in workers and adds their tables as drafts. The rows
	 * go into DuckDB as they are read (see import/raw-rows).
	 */
	async addFiles(list: FileList | File[]): Promise<void> {
		this.report = null;
		this.error = null;
		const engine = await data.engine();
		// Without a key (storage refused), the import computes the pseudonyms itself, and reports the failure.
		const key = await data.pseudonymKey().catch(() => null);
		await Promise.all(
			[...list].map(async (file) => {
				this.#picked.set(file.name, file);
				this.#dropRaw(file.name);
				const read = new AbortController();
				this.#reads.set(file.name, read);
				const current = () => this.#reads.get(file.name) === read;
				const raw = new RawRows(engine);
				this.#raw.set(file.name, raw);
				const progress: FileProgress = { name: file.name, size: file.size, rowsRead: 0, state: 'lecture' };
				this.files = [...this.files.filter((f) => f.name !== file.name), progress];
				const update = (changes: Partial<FileProgress>) =>
					(this.files = this.files.map((f) => (f.name === file.name ? { ...f, ...changes } : f)));
				// The pseudonyms and the key check, on the second core while the file is read (see import/identifiers).
				let early: { worker: IdentifierWorker; columns: EarlyIdentifiers['columns'] } | undefined;
				read.signal.addEventListener('abort', () => early?.worker.cancel());
				try {
					const result = await readFileInWorker(file, {
						onProgress: (rowsRead) => current() && update({ rowsRead }),
						onRows: (table, ipc, firstLine) => raw.add(table, ipc, firstLine),
						signal: read.signal,
						identifiers: key
							? {
									profile: this.profile,
									onColumns: (columns) => (early = { worker: new IdentifierWorker(key, columns), columns }),
									onPiece: (ipc) => early?.worker.add(ipc)
								}
							: undefined
					});
					if (!current()) return; // removed meanwhile: its raw rows were dropped with it
					const identifiers = early && key ? { pseudonymKey: key, columns: early.columns, result: early.worker.finish() } : undefined;
					identifiers?.result.catch(() => undefined); // the import falls back to computing them
					const drafts = draftsFromRead(raw.attach(result, identifiers), this.profile);
					this.drafts = [...this.drafts.filter((d) => d.fileName !== file.name), ...drafts];
					update({ state: 'lu', rowsRead: drafts.reduce((n, d) => n + d.rowCount, 0) });
				} catch (error) {
					early?.worker.cancel();
					if (!current()) return; // cancelled: the file left the import, or a new copy of it is being read
					this.#dropRaw(file.name);
					update({ state: 'erreur', message: error instanceof Error ? error.message : String(error) });
					prepareReader(); // for the corrected file
					prepareIdentifierWorker();
				} finally {
					if (current()) this.#reads.delete(file.name);
				}
			})
		);
	}

	/** Cancels the reading of a file, if any, and drops its raw rows from DuckDB (not during an import, which drops those it loads itself). */
	#dropRaw(name: string): void {
		this.#reads.get(name)?.abort();
		this.#reads.delete(name);
		const raw = this.#raw.get(name);
		this.#raw.delete(name);
		if (raw && !this.running) void raw.drop();
	}

	/** Empties the import: drafts, files and their raw rows. */
	#clearDrafts(): void {
		for (const name of [...this.#raw.keys()]) this.#dropRaw(name);
		this.drafts = [];
		this.files = [];
	}

	/** Removes a file and its drafts from the import. */
	removeFile(name: string): void {
		prepareReader(); // for the file that replaces it
		prepareIdentifierWorker();
		this.files = this.files.filter((f) => f.name !== name);
		this.#picked.delete(name);
		this.#dropRaw(name);
		this.drafts = this.drafts.filter((d) => d.fileName !== name);
	}

	setTable(id: string, table: TableName | null): void {
		this.drafts = this.drafts.map((d) => (d.id === id ? withTable(d, table, this.profile) : d));
	}

	setColumn(id: string, index: number, target: string | null): void {
		this.drafts = this.drafts.map((d) => (d.id === id ? withColumn(d, index, target) : d));
	}

	/** Loads a profile file chosen by the user, and re-applies it to the drafts. */
	async loadProfile(file: File): Promise<void> {
		this.profile = parseProfile(await file.text());
		this.drafts = this.drafts.map((d) => withTable(d, d.table, this.profile));
		await writeStored('profil', this.profile).catch(() => undefined);
	}

	/** The profile as a JSON file to download. */
	profileJson(): string {
		return JSON.stringify(this.profile, null, 2) + '\n';
	}

	/** Imports the drafts; the profile remembers this month's choices for the next export. */
	async run(): Promise<void> {
		this.running = true;
		this.error = null;
		try {
			let profile = this.profile;
			for (const d of this.drafts) if (d.table) profile = rememberMapping(profile, d.id, d.table, d.decisions);
			const report = await data.importFiles(this.drafts.map(preparedFromDraft), { mode: this.mode, valueMaps: profile.valeurs });
			this.profile = profile;
			await writeStored('profil', profile).catch(() => undefined);
			this.report = report;
			this.lastFiles = [...new Set(this.drafts.map((d) => d.fileName))].flatMap((n) => this.#picked.get(n) ?? []);
			this.#picked.clear();
			this.#raw.clear(); // the import dropped the raw rows it loaded
			this.drafts = [];
			this.files = [];
		} catch (error) {
			this.error = `L’import n’a pas abouti : ${error instanceof Error ? error.message : String(error)} Les données précédentes sont inchangées.`;
		} finally {
			this.running = false;
			// The next file's reader: not as soon as a file is read, when it would compete with the import that usually follows.
			prepareReader();
			prepareIdentifierWorker();
		}
	}

	/**
	 * Adds value corrections (source value → code) to the profile (« valeurs »),
	 * so this and next month's exports read them; stored at once.
	 */
	async saveValueMaps(table: string, column: string, map: Record<string, string>): Promise<void> {
		const key = `${table}.${column}`;
		const valeurs = { ...this.profile.valeurs, [key]: { ...(this.profile.valeurs[key] ?? {}), ...map } };
		this.profile = { ...this.profile, valeurs };
		await writeStored('profil', this.profile).catch(() => undefined);
	}

	/**
	 * Re-runs the last import (same files, same mode) with the profile as it
	 * is now: the files are read again, their tables and columns come from
	 * the profile, which remembered the last choices.
	 */
	async rerun(): Promise<void> {
		const files = this.lastFiles;
		if (!files.length) return;
		this.#clearDrafts();
		await this.addFiles(files);
		if (this.drafts.length && !this.undecided.length && !this.files.some((f) => f.state === 'erreur')) await this.run();
	}

	/** After « Supprimer mes données »: nothing of the previous imports stays in the page either. */
	forget(): void {
		this.profile = EMPTY_PROFILE;
		this.report = null;
		this.lastFiles = [];
		this.#picked.clear();
		this.#clearDrafts();
	}

	/** The page is left: nothing read stays in DuckDB. */
	dispose(): void {
		this.#clearDrafts();
		releaseReader();
		releaseIdentifierWorker();
	}
}
