/**
 * Identifier work done while a file is read, on the second core: the
 * pseudonyms of its person identifiers, and whether its key can repeat.
 * The import worker picks the columns the mapping screen will propose
 * (same profile, same rules), sends them piece by piece to the identifier
 * worker, and the import uses the results when the user kept that mapping
 * (load-table); otherwise it computes them itself, as before.
 *
 * Measured in Chromium on a million parcours: after the click, the
 * pseudonyms (0.9–1.2 s in a worker, after 0.2–0.3 s reading the distinct
 * identifiers back from DuckDB) and the search for repeated identifiers
 * (0.4–0.5 s of DuckDB) were on the critical path.
 */
import { DataType, Table, tableFromIPC, type Data, type LargeUtf8, type Utf8 } from 'apache-arrow';
import { tableDef } from '../model/schema';
import { proposeMapping, recogniseTable, toColumnMapping, type MappingProfile } from './mapping';
import { ByteDictionary } from './column-codes';
import { isTextColumn, PseudonymTable } from './pseudonym-map';
import { hmacSha256Words } from './hmac-sha256';
import { newPseudonymKey, PSEUDONYM_HEX_LENGTH } from './pseudonym';
import { textTableIPC } from './arrow-staging';

/** The source columns (headers) of a table's identifiers. */
export interface IdentifierColumns {
	/** Person identifiers: pseudonymised. */
	person: string[];
	/** The table's key: checked for repeats. */
	key?: string;
}

/** What the identifier work found. */
export interface IdentifierResult {
	/** `(v, p)` IPC of the pseudonyms of the person columns' values (see pseudonym-map); null when a column was not text. */
	pseudonyms: Uint8Array | null;
	/** False when no two key values can be equal once trimmed; true when some may; null when unknown (no key, or not text). */
	keyRepeated: boolean | null;
}

/**
 * The identifier columns the mapping screen will propose for a file of one
 * table (its name and header, the user's profile), or null when it has none
 * or its table is not recognised.
 */
export function identifierColumns(fileName: string, header: string[], profile: MappingProfile): IdentifierColumns | null {
	const table = recogniseTable(fileName, header, profile);
	if (!table) return null;
	const def = tableDef(table);
	const { mapping } = toColumnMapping(proposeMapping(table, header, profile));
	const person = def.columns.filter((c) => c.person && mapping[c.name] !== undefined).map((c) => header[mapping[c.name]]);
	const key = def.key !== undefined && mapping[def.key] !== undefined ? header[mapping[def.key]] : undefined;
	return person.length || key ? { person, key } : null;
}

/**
 * Bytes trimmed from both ends before comparing keys: those of every
 * character that DuckDB's `trim` (Unicode space separators) or
 * `String.prototype.trim` can remove — ASCII up to the space, and every
 * non-ASCII byte. Two values equal once trimmed are equal once stripped of
 * these, so values all different once stripped cannot repeat as keys
 * (the check may see a repeat where there is none: the import then looks
 * for them in SQL, as without this check).
 */
const strippable = (byte: number) => byte <= 0x20 || byte >= 0x80;

const isText = (data: Data) => DataType.isUtf8(data.type) || DataType.isLargeUtf8(data.type);

/** A text chunk's offsets as 32-bit integers (large text, as Parquet readers give: one conversion per chunk). */
const offsetsOf = (data: Data<Utf8 | LargeUtf8>): Int32Array =>
	data.valueOffsets instanceof Int32Array ? data.valueOffsets : Int32Array.from(data.valueOffsets, Number);

/** Whether a key column can hold the same value twice, once trimmed (see `strippable`). */
export class KeyRepeats {
	#seen = new ByteDictionary(1 << 16);
	#values = 0;
	/** Set when the column is not text: nothing can be said. */
	unknown = false;

	add(data: Data): void {
		if (DataType.isDictionary(data.type)) {
			// (as Parquet readers give): each row's value is its dictionary entry's
			const entries = (data.dictionary?.data ?? []) as Data[];
			if (!entries.every(isText)) this.unknown = true;
			else this.#addDictionary(data, entries as Data<Utf8 | LargeUtf8>[]);
		} else if (!isText(data)) this.unknown = true;
		else {
			const text = data as Data<Utf8 | LargeUtf8>;
			const offsets = offsetsOf(text);
			for (let i = 0; i < text.length; i++) if (text.getValid(i)) this.#addValue(text.values, offsets[i], offsets[i + 1]);
		}
	}

	#addDictionary(data: Data, entries: Data<Utf8 | LargeUtf8>[]): void {
		const chunkOf: number[] = [];
		const indexIn: number[] = [];
		entries.forEach((chunk, c) => {
			for (let i = 0; i < chunk.length; i++) chunkOf.push(c), indexIn.push(i);
		});
		const offsets = entries.map(offsetsOf);
		const indices = data.values as ArrayLike<number | bigint>;
		for (let i = 0; i < data.length; i++) {
			if (!data.getValid(i)) continue;
			const e = Number(indices[i]);
			const chunk = entries[chunkOf[e]];
			if (!chunk.getValid(indexIn[e])) continue;
			const at = indexIn[e];
			this.#addValue(chunk.values, offsets[chunkOf[e]][at], offsets[chunkOf[e]][at + 1]);
		}
	}

	#addValue(bytes: Uint8Array, start: number, end: number): void {
		let spaces = true;
		for (let j = start; j < end && spaces; j++) spaces = bytes[j] === 0x20;
		if (spaces) return; // empty or spaces only: no key (the row is rejected as such)
		while (start < end && strippable(bytes[start])) start++;
		while (end > start && strippable(bytes[end - 1])) end--;
		this.#seen.code(bytes, start, end);
		this.#values++;
	}

	/** See {@link IdentifierResult.keyRepeated}. */
	get repeated(): boolean | null {
		return this.unknown ? null : this.#seen.size < this.#values;
	}
}

/** The identifier work of one file: pieces in, {@link IdentifierResult} out (the identifier worker runs it). */
export class IdentifierWork {
	#pseudonyms: PseudonymTable;
	#textOnly = true;
	#repeats: KeyRepeats | null;

	/** `columns.person` null: every column of the pieces is a person column. */
	constructor(
		key: Uint8Array,
		private readonly columns: { person: string[] | null; key?: string }
	) {
		this.#pseudonyms = new PseudonymTable(hmacSha256Words(key), PSEUDONYM_HEX_LENGTH);
		this.#repeats = columns.key ? new KeyRepeats() : null;
	}

	/** Adds a piece of rows (its identifier columns at least). */
	add(piece: Table): void {
		const names = piece.schema.fields.map((f) => f.name);
		const person = this.columns.person ?? names;
		const vectors = person.map((name) => piece.getChild(name));
		if (vectors.some((v) => !v || !isTextColumn(v.type))) this.#textOnly = false;
		else if (this.#textOnly && vectors.length) this.#pseudonyms.add(new Table(Object.fromEntries(person.map((n, i) => [n, vectors[i]!]))));
		if (this.#repeats && this.columns.key) {
			const key = piece.getChild(this.columns.key);
			if (!key) this.#repeats.unknown = true;
			else for (const data of key.data) this.#repeats.add(data);
		}
	}

	finish(): IdentifierResult {
		return { pseudonyms: this.#textOnly ? this.#pseudonyms.toIPC() : null, keyRepeated: this.#repeats?.repeated ?? null };
	}
}

/** Identifiers of the warm-up: enough for the JIT to optimise the per-value loops. */
const WARM_UP_IDS = 20_000;

/**
 * Runs the identifier work on generated identifiers with a throw-away key,
 * so that a worker made ahead has its code optimised before a file comes:
 * cold, its first pieces compete with the read for the second core.
 */
export function warmUpIdentifierWork(): void {
	const ids = Array.from({ length: WARM_UP_IDS }, (_, i) => `P${i >> 1}`);
	const work = new IdentifierWork(newPseudonymKey(), { person: ['p'], key: 'k' });
	work.add(tableFromIPC(textTableIPC({ p: ids, k: ids.map((_, i) => ` A${i}`) })));
	work.finish();
}
