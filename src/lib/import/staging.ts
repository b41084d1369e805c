/**
 * The staging step of an import: a source's mapped columns as text in a
 * DuckDB table (`_ligne` = line number), then the value-level preparations
 * done before checking: pseudonyms for person identifiers (the raw values,
 * taken from the source before staging), birth dates reduced to the year.
 */
import type { Engine } from '../db/engine';
import type { TableDef } from '../model/schema';
import { ident } from '../queries/sql';
import { Table, tableFromIPC, tableToIPC, type Vector } from 'apache-arrow';
import { isTextColumn } from './pseudonym-map';
import { textTableIPC } from './arrow-staging';
import { dropRawRowsSql } from './raw-rows';
import type { ArrowSource, SourceTable } from './source';
import type { ColumnMapping } from './load-table';

/** What `stage` made: the staging relation, its canonical columns, whether it is a view (no copy), and the raw rows it reads. */
export interface Staged {
	name: string;
	columns: string[];
	view: boolean;
	/** The relation of the raw rows (an Arrow source's), and the SQL dropping them. */
	raw?: { name: string; dropSql: string };
	/** The staged columns holding codes (see column-codes): canonical column → its dictionary table (k, v, n). */
	coded?: ReadonlyMap<string, string>;
}

/** The staging relation of a table: a view (over the raw rows) and a table have different names, so either drops without asking which it is. */
function stagingName(def: TableDef, view: boolean): string {
	return `${view ? 'stgv' : 'stg'}_${def.name}`;
}

/** The raw table of an Arrow source inserted by the loader itself. */
const rawTable = (def: TableDef) => `raw_${def.name}`;

/** Drops a table's staging relation, and its raw rows (those of `staged`, else those the loader inserts). */
export function dropStagingSql(def: TableDef, staged?: Staged): string {
	const raw = staged?.raw?.dropSql ?? `DROP TABLE IF EXISTS ${ident(rawTable(def))};`;
	return `DROP VIEW IF EXISTS ${ident(stagingName(def, true))}; DROP TABLE IF EXISTS ${ident(stagingName(def, false))}; ${raw}`;
}

/**
 * Puts the mapped columns of a source into the text staging relation. An
 * Arrow table of text with line numbers (what the import worker sends) is
 * staged as a view over the inserted rows — no copy of a million rows;
 * `writable` forces a table (for value rewrites before checking).
 */
export async function stage(
	engine: Engine,
	def: TableDef,
	source: SourceTable,
	mapping: ColumnMapping,
	writable = false
): Promise<Staged> {
	const mapped = def.columns.filter((c) => mapping[c.name] !== undefined);
	if (source.kind === 'text') {
		const staging = stagingName(def, false);
		const stagingColumns: Record<string, (string | null)[]> = { _ligne: source.lines.map(String) };
		for (const col of mapped) {
			stagingColumns[col.name] = source.columns[mapping[col.name]].map((v) => (v.trim() === '' ? null : v));
		}
		await engine.insertArrowIPC(staging, textTableIPC(stagingColumns), true);
		await engine.exec(`ALTER TABLE ${ident(staging)} ALTER _ligne TYPE INTEGER;`);
		return { name: staging, columns: mapped.map((c) => c.name), view: false };
	}
	let raw = { name: rawTable(def), dropSql: `DROP TABLE IF EXISTS ${ident(rawTable(def))};` };
	if (source.staged) {
		// Inserted in the page while the file was read.
		await source.staged.ready;
		raw = { name: source.staged.view, dropSql: dropRawRowsSql(source.staged.view, source.staged.pieces) };
	} else {
		// (a leftover raw table was dropped by the loader with the staging relation: dropStagingSql)
		if (!source.ipc) throw new Error(`${def.name} : les lignes lues ne sont plus disponibles, relisez le fichier.`);
		await engine.insertArrowIPC(raw.name, source.ipc, true);
	}
	const view = !!source.lineColumn && !writable;
	// A coded column stays coded, cast through its dictionary by the checks, unless it is rewritten or pseudonymised: it is then decoded here.
	const dictionaries = source.staged?.codes ?? {};
	const coded = new Map<string, string>();
	const decoded = new Set<string>();
	for (const c of mapped) {
		const dictionary = dictionaries[source.header[mapping[c.name]]];
		if (!dictionary) continue;
		if (view && !c.person) coded.set(c.name, dictionary);
		else decoded.add(source.header[mapping[c.name]]);
	}
	const text = decodedText(source, [...decoded], 'r');
	const cols = mapped.map((c) =>
		coded.has(c.name) ? `r.${ident(source.header[mapping[c.name]])} AS ${ident(c.name)}` : `${text.column(source.header[mapping[c.name]])} AS ${ident(c.name)}`
	);
	const name = stagingName(def, view);
	// Rows are numbered before any join.
	await engine.exec(
		`CREATE ${view ? 'VIEW' : 'TABLE'} ${ident(name)} AS SELECT r.${LINE} AS _ligne${cols.map((c) => ', ' + c).join('')} FROM ${numberedRows(source, raw.name)} r ${text.joins};`
	);
	return { name, columns: mapped.map((c) => c.name), view, raw, coded };
}

/** The line number of each raw row, as `numberedRows` gives it. */
const LINE = '"__ligne_lue"';

/** The raw rows of an Arrow source with their line number (`LINE`): its line column, else their position. */
function numberedRows(source: ArrowSource, raw: string): string {
	const line = source.lineColumn ? `CAST(${ident(source.lineColumn)} AS INTEGER)` : 'CAST(row_number() OVER () AS INTEGER)';
	return `(SELECT ${line} AS ${LINE}, * FROM ${ident(raw)})`;
}

/**
 * Source columns as text over the raw rows (alias `alias`): a coded column
 * (see column-codes) is read from its dictionary, joined on its code.
 */
function decodedText(source: ArrowSource, columns: string[], alias: string): { column: (header: string) => string; joins: string } {
	const codes = source.staged?.codes ?? {};
	const joined = columns.filter((h) => codes[h]);
	const joins = joined
		.map((h, i) => `LEFT JOIN ${ident(codes[h])} ${alias}_d${i} ON ${alias}_d${i}.k = ${alias}.${ident(h)}`)
		.join(' ');
	return {
		column: (h) => (joined.includes(h) ? `${alias}_d${joined.indexOf(h)}.v` : `CAST(${alias}.${ident(h)} AS VARCHAR)`),
		joins
	};
}

/** The rejected rows as read (all source columns as text), by line number; `raw`: the raw rows of an Arrow source. */
export async function rejectedValues(engine: Engine, source: SourceTable, raw: string | undefined, lines: number[]): Promise<Map<number, string[]>> {
	const out = new Map<number, string[]>();
	if (!lines.length) return out;
	if (source.kind === 'text') {
		const wanted = new Set(lines);
		source.lines.forEach((l, i) => {
			if (wanted.has(l)) out.set(l, source.columns.map((c) => c[i]));
		});
		return out;
	}
	const text = decodedText(source, source.header, 'r');
	const cols = source.header.map((h) => `${text.column(h)} AS ${ident(h)}`).join(', ');
	const rows = await engine.query(
		`SELECT r.${LINE} AS _l, ${cols} FROM (SELECT * FROM ${numberedRows(source, raw!)} WHERE ${LINE} IN (${lines.join(',')})) r ${text.joins}`
	);
	for (const r of rows) out.set(r._l as number, source.header.map((h) => (r[h] === null ? '' : String(r[h]))));
	return out;
}

/** The person-identifier columns of `def` that the mapping reads. */
export function personColumns(def: TableDef, mapping: ColumnMapping): string[] {
	return def.columns.filter((c) => c.person && mapping[c.name] !== undefined).map((c) => c.name);
}

/**
 * The person identifiers of a source as read (Arrow IPC of its mapped person
 * columns), taken before staging so their pseudonyms can be computed while
 * DuckDB stages the rows. Null when a column is not text (a typed Parquet
 * column), or when the rows are already in DuckDB (read in the page): the
 * values are then read back from DuckDB as staged.
 */
export function sourcePersonIds(source: SourceTable, mapping: ColumnMapping, columns: string[]): Uint8Array | null {
	if (source.kind === 'text') return textTableIPC(Object.fromEntries(columns.map((c) => [c, source.columns[mapping[c]]])));
	if (!source.ipc) return null; // already in DuckDB
	const table = tableFromIPC(source.ipc);
	const vectors: Record<string, Vector> = {};
	for (const c of columns) {
		const vector = table.getChild(source.header[mapping[c]]);
		if (!vector || !isTextColumn(vector.type)) return null;
		vectors[c] = vector;
	}
	return tableToIPC(new Table(vectors), 'stream');
}

/** The staged person identifiers (distinct), when they could not be taken from the source. */
export function stagedPersonIds(engine: Engine, staging: string, columns: string[]): Promise<Uint8Array> {
	const union = columns.map((c) => `SELECT ${ident(c)} AS v FROM ${ident(staging)}`).join(' UNION ');
	return engine.queryIPC(`SELECT DISTINCT v FROM (${union}) WHERE v IS NOT NULL`);
}

/**
 * Loads `pseudo_map` (v → p): the pseudonym of every distinct person
 * identifier as staged. The checked-table SQL reads person columns through it.
 */
export async function loadPseudonymMap(engine: Engine, map: Uint8Array): Promise<string> {
	await engine.exec('DROP TABLE IF EXISTS pseudo_map;');
	await engine.insertArrowIPC('pseudo_map', map, true);
	return 'pseudo_map';
}

/** Keeps only the year of a full date of birth read into `annee_naissance`. */
export async function birthDateToYear(engine: Engine, staging: string): Promise<void> {
	await engine.exec(
		`UPDATE ${ident(staging)} SET annee_naissance = CAST(year(parse_date(annee_naissance)) AS VARCHAR) WHERE parse_date(annee_naissance) IS NOT NULL;`
	);
}
