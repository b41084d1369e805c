/**
 * SQL that turns a staging table (all text, canonical column names, `_ligne`)
 * into typed canonical rows, with the reason a row is rejected (domain rules of
 * the import: missing/repeated identifier, missing/invalid required date,
 * exit before entry, reference to something not loaded).
 */
import { mergeKeyOf, type ColumnDef, type TableDef } from './schema';
import { ident, lit } from '../queries/sql';

/** Per-column options decided by the import (e.g. how to read communes). */
export interface CastOptions {
	/** Columns present in the staging table; the others are NULL. */
	present: ReadonlySet<string>;
	/** SQL expression reading a commune column; defaults to the INSEE code as is. */
	communeExpr?: (raw: string, column: string) => string;
	/** Referenced tables that are loaded (a reference is checked only then). */
	loadedTables: ReadonlySet<string>;
	/** Per column: exact source value → canonical code (from the user's profile). */
	valueMaps?: Record<string, Record<string, string>>;
	/** Per column: normalised value (`code_key`) → canonical code (built-in synonyms). */
	valueSynonyms?: Record<string, Record<string, string>>;
	/** Table (v → p) of the pseudonyms of the person identifiers in the staging table (v as staged). */
	personMap?: string;
	/**
	 * Staged columns holding integer codes instead of text (import/column-codes):
	 * column → its dictionary table (k = code, v = value, n = rows). They are
	 * cast through a lookup table keyed by code (`_k`).
	 */
	coded?: ReadonlyMap<string, string>;
	/**
	 * Coded columns are cast by indexing lists with their codes ({@link codedLists})
	 * instead of a hash join each: faster on a large import, slower on a small
	 * one (building the lists costs 0.1–0.3 s).
	 */
	listLookups?: boolean;
	/**
	 * The staged keys are known to be all different (import/identifiers, for a
	 * key whose cast is one-to-one: {@link keyCastIsOneToOne}): no search for
	 * repeated identifiers.
	 */
	distinctKeys?: boolean;
}

/**
 * Rows from which an import's coded columns are cast through lists. In Node,
 * the checked table of 1M Parquet rows took 1.2–1.7 s with lists and 2.4–2.8 s
 * with joins; of 100k rows, 0.49–0.56 s with lists and 0.32–0.34 s with joins.
 */
export const LIST_LOOKUP_ROWS = 200_000;

/** Columns whose values are codes of a reference table of `data/`. */
const REFERENCE_CODES: Record<string, string> = {
	motif_sortie: 'SELECT motif_sortie FROM ref_motifs',
	secteur: 'SELECT code FROM ref_secteurs',
	secteur_sortie: 'SELECT code FROM ref_secteurs',
	projet_secteur: 'SELECT code FROM ref_secteurs'
};

/** A DuckDB MAP literal of text → text. */
function mapLiteral(entries: [string, string][]): string {
	return `MAP {${entries.map(([k, v]) => `${lit(k)}: ${lit(v)}`).join(', ')}}`;
}

/**
 * Text column: the user's exact value map, then codes and synonyms after
 * normalisation (one `code_key` per value, looked up in a MAP), then the
 * codes of a reference table of `data/`.
 */
function textExpr(col: ColumnDef, raw: string, opts: CastOptions): string {
	const key = `code_key(${raw})`;
	let expr = `clean_text(${raw})`;
	const known = new Map<string, string>();
	for (const c of col.codes ?? []) known.set(c.toLowerCase(), c);
	for (const [k, c] of Object.entries(opts.valueSynonyms?.[col.name] ?? {})) if (!known.has(k)) known.set(k, c);
	if (REFERENCE_CODES[col.name]) {
		expr = `coalesce((SELECT r.code FROM (${REFERENCE_CODES[col.name]}) r(code) WHERE r.code = ${key}), ${expr})`;
	} else if (known.size) {
		expr = `coalesce(${mapLiteral([...known])}[${key}], ${expr})`;
	}
	const exact = Object.entries(opts.valueMaps?.[col.name] ?? {}).map(([from, to]): [string, string] => [from.trim(), to]);
	if (exact.length) expr = `coalesce(${mapLiteral(exact)}[clean_text(${raw})], ${expr})`;
	return expr;
}

/** Expression casting one raw text column to its canonical type. */
export function castExpr(col: ColumnDef, raw: string, opts: CastOptions): string {
	if (col.commune) {
		if (opts.communeExpr) return opts.communeExpr(raw, col.name);
		return `CASE WHEN clean_text(${raw}) IN (SELECT code_insee FROM ref_communes) THEN clean_text(${raw}) END`;
	}
	switch (col.type) {
		case 'DATE':
			// ISO dates take DuckDB's fast cast; the other forms go through parse_date.
			return `CASE WHEN TRY_CAST(${raw} AS DATE) IS NOT NULL AND length(trim(${raw})) = 10 THEN TRY_CAST(${raw} AS DATE) ELSE parse_date(${raw}) END`;
		case 'INTEGER':
			return `TRY_CAST(round(parse_number(${raw})) AS INTEGER)`;
		case 'BIGINT':
			return `TRY_CAST(round(parse_number(${raw})) AS BIGINT)`;
		case 'DOUBLE':
			return `parse_number(${raw})`;
		case 'BOOLEAN':
			return `parse_bool(${raw})`;
		default:
			return textExpr(col, raw, opts);
	}
}

function rawRef(col: ColumnDef, opts: CastOptions): string {
	return opts.present.has(col.name) ? `s.${ident(col.name)}` : 'NULL::VARCHAR';
}

/** Reason texts (French), with the offending value where it helps. */
function rejectReasons(def: TableDef, opts: CastOptions): string[] {
	const reasons: string[] = [];
	const raw = (name: string) => `r.${ident('_raw_' + name)}`;
	const val = (name: string) => `r.${ident(name)}`;
	if (def.key) {
		reasons.push(`WHEN ${val(def.key)} IS NULL THEN 'identifiant manquant (${def.key})'`);
		if (!opts.distinctKeys) reasons.push(
			`WHEN r._premiere <> r._ligne THEN 'identifiant en double : ' || ${val(def.key)} || ' déjà présent ligne ' || r._premiere`
		);
	}
	for (const col of def.columns) {
		if (!col.required || col.name === def.key) continue;
		if (col.type === 'DATE') {
			reasons.push(`WHEN ${raw(col.name)} IS NULL THEN '${col.name} manquante'`);
			reasons.push(`WHEN ${val(col.name)} IS NULL THEN '${col.name} invalide : «' || ${raw(col.name)} || '»'`);
		} else {
			reasons.push(`WHEN ${val(col.name)} IS NULL THEN '${col.name} manquant'`);
		}
	}
	if (def.columns.some((c) => c.name === 'date_sortie') && def.columns.some((c) => c.name === 'date_entree')) {
		reasons.push(
			`WHEN r.date_sortie < r.date_entree THEN 'date_sortie (' || strftime(r.date_sortie, '%d/%m/%Y') || ') antérieure à date_entree (' || strftime(r.date_entree, '%d/%m/%Y') || ')'`
		);
	}
	(def.references ?? []).forEach((fk, i) => {
		if (!opts.loadedTables.has(fk.table)) return;
		const isPerson = def.columns.find((c) => c.name === fk.column)?.person;
		// A person identifier is already a pseudonym here: the row itself shows the original.
		const shown = isPerson ? `'${fk.column}'` : `'${fk.column} «' || ${val(fk.column)} || '»'`;
		reasons.push(`WHEN ${val(fk.column)} IS NOT NULL AND f${i}._fk IS NULL THEN ${shown} || ' absent de la table ${fk.table}'`);
	});
	return reasons;
}

/**
 * Whether a column is cast through a lookup of its distinct values (dates,
 * numbers, codes, communes, booleans, pseudonyms: few distinct values, costly
 * expressions) rather than row by row. Every column that can load with a
 * warning is a lookup: the warnings are counted on its lookup table.
 */
export function castByLookup(col: ColumnDef, opts: CastOptions): boolean {
	if (!opts.present.has(col.name)) return false;
	if (opts.coded?.has(col.name)) return true;
	if (col.person) return !!opts.personMap;
	return col.type !== 'VARCHAR' || !!col.commune || !!col.codes || col.name in REFERENCE_CODES || !!opts.valueMaps?.[col.name] || !!opts.valueSynonyms?.[col.name];
}

/** The lookup table of one column of a checked import: each distinct staged value `_v`, its cast `c`, and its row count `n` (and its code `_k`, for a coded column). */
export function lookupTable(checked: string, column: string): string {
	return `${checked}__${column}`;
}

/** The columns of a checked table that are not canonical: line number and reason. */
const HELPER_COLUMNS = ['_ligne', '_motif'];

/** The columns cast through a lookup table of their own (not the person identifiers: the pseudonym map is theirs). */
function lookupColumns(def: TableDef, opts: CastOptions): ColumnDef[] {
	return def.columns.filter((c) => castByLookup(c, opts) && !c.person);
}

/** The distinct staged values of a column and their row counts (`_v`, `n`), counted ahead of its lookup table ({@link distinctValuesSql}). */
export function valuesTable(checked: string, column: string): string {
	return `${checked}__${column}__valeurs`;
}

/**
 * Counts a column's distinct staged values into {@link valuesTable}, when
 * they must be looked at before the cast is known (how to read a commune
 * column): its lookup table is then made from them, not from another scan.
 */
export function distinctValuesSql(staging: string, checked: string, column: string, opts: Pick<CastOptions, 'coded'> = {}): string {
	return `CREATE OR REPLACE TEMP TABLE ${ident(valuesTable(checked, column))} AS SELECT * FROM ${countedValues(staging, column, opts)};`;
}

/**
 * A column's distinct staged values `_v` and row counts `n`. A coded column's
 * are its dictionary's, with their codes `_k` and the rows the import worker
 * counted (no scan of the staged rows); values of no row are left out.
 */
function countedValues(staging: string, column: string, opts: Pick<CastOptions, 'coded'>): string {
	const dictionary = opts.coded?.get(column);
	if (dictionary) return `(SELECT k AS _k, v AS _v, CAST(n AS BIGINT) AS n FROM ${ident(dictionary)} WHERE n > 0)`;
	return `(SELECT ${ident(column)} AS _v, count(*) AS n FROM ${ident(staging)} GROUP BY 1)`;
}

/**
 * The lookup tables of a checked import ({@link lookupTable}): each distinct
 * staged value of a costly column, its cast and its row count (from the
 * values already counted for the columns of `counted`). They do not need the
 * pseudonyms: the import builds them while those are computed.
 */
export function lookupTablesSql(def: TableDef, staging: string, target: string, opts: CastOptions, counted: ReadonlySet<string> = new Set()): string {
	return lookupColumns(def, opts)
		.map((c) => {
			const values = counted.has(c.name) ? ident(valuesTable(target, c.name)) : countedValues(staging, c.name, opts);
			const code = opts.coded?.has(c.name) ? '_k, ' : '';
			return `CREATE OR REPLACE TEMP TABLE ${ident(lookupTable(target, c.name))} AS SELECT ${code}_v, ${castExpr(c, '_v', opts)} AS c, n FROM ${values};`;
		})
		.join('\n');
}

/**
 * Whether the typed key is the staged key trimmed (or its pseudonym): two
 * typed keys are then equal only when the staged ones are, once trimmed — a
 * text key not read through codes, communes or value maps, which may make
 * two values one.
 */
export function keyCastIsOneToOne(def: TableDef, opts: CastOptions): boolean {
	const key = def.columns.find((c) => c.name === def.key);
	if (!key || key.type !== 'VARCHAR') return false;
	if (key.person) return true;
	return !key.commune && !key.codes && !(key.name in REFERENCE_CODES) && !opts.valueMaps?.[key.name] && !opts.valueSynonyms?.[key.name];
}

/** The table of the identifiers repeated in a checked import: typed key `k` and the first line `premiere` it is on ({@link duplicatesSql}). */
export function duplicatesTable(checked: string): string {
	return `${checked}__doublons`;
}

/**
 * One column of the checked table: its typed expression over the staging rows
 * `s`, and what it reads besides them: a lookup join, or (coded column) the
 * select item of its lookup lists ({@link codedLists}).
 */
interface TypedColumn {
	expr: string;
	join?: string;
	lists?: string;
}

/**
 * A coded column's lookup as lists indexed by code: `c[code + 1]` is the cast
 * of the value of code `code`, `_v[code + 1]` the value. Codes run from 0 (a
 * dictionary's entries of no row are missing from the lookup table: their
 * places hold NULL). In DuckDB-wasm, indexing a list of a few thousand values
 * per row cost the checked table of a million rows about half what a hash
 * join per column did.
 */
function codedLists(table: string, alias: string, withValues: boolean): string {
	const list = (column: string) =>
		`(SELECT list(l.${column} ORDER BY r.k) FROM range(0, (SELECT coalesce(max(_k) + 1, 0) FROM ${table})) r(k) LEFT JOIN ${table} l ON l._k = r.k)`;
	return `${list('c')} AS ${alias}_c` + (withValues ? `, ${list('_v')} AS ${alias}_v` : '');
}

/** Whether the checked table quotes a column's raw value (a required date's, in its reason). */
const quotesRaw = (c: ColumnDef) => !!c.required && c.type === 'DATE';

/** Whether a column is cast by indexing its lookup lists ({@link codedLists}). */
const castByList = (c: ColumnDef, opts: CastOptions) => !!opts.listLookups && !!opts.coded?.has(c.name);

/** The relation of every coded column's lookup lists, cross-joined to the staging rows. */
const LISTS = 'll';

function typedColumn(def: TableDef, c: ColumnDef, target: string, opts: CastOptions): TypedColumn {
	const i = def.columns.indexOf(c);
	const typed = (expr: string) => `CAST(${expr} AS ${c.type})`;
	if (!opts.present.has(c.name)) return { expr: typed(castExpr(c, 'NULL::VARCHAR', opts)) };
	if (c.person && castByLookup(c, opts)) {
		return { expr: typed(`l${i}.p`), join: `LEFT JOIN ${ident(opts.personMap!)} l${i} ON l${i}.v = s.${ident(c.name)}` };
	}
	if (!castByLookup(c, opts)) return { expr: typed(castExpr(c, `s.${ident(c.name)}`, opts)) };
	if (castByList(c, opts)) {
		return { expr: typed(codedValue(i, 'c', c)), lists: codedLists(ident(lookupTable(target, c.name)), `l${i}`, quotesRaw(c)) };
	}
	const key = opts.coded?.has(c.name) ? '_k' : '_v';
	return { expr: typed(`l${i}.c`), join: `LEFT JOIN ${ident(lookupTable(target, c.name))} l${i} ON l${i}.${key} = s.${ident(c.name)}` };
}

/** A coded column's cast (`c`) or value (`v`) for the staging row `s`, from its lookup lists. */
function codedValue(i: number, which: 'c' | 'v', c: ColumnDef): string {
	return `${LISTS}.l${i}_${which}[s.${ident(c.name)} + 1]`;
}

/** The joins of some typed columns: their lookup joins, and one cross join of all their lookup lists. */
function lookupJoins(typed: TypedColumn[]): string[] {
	const lists = typed.flatMap((t) => t.lists ?? []);
	return [...(lists.length ? [`CROSS JOIN (SELECT ${lists.join(', ')}) ${LISTS}`] : []), ...typed.flatMap((t) => t.join ?? [])];
}

/**
 * Finds the identifiers repeated in the staged rows (usually none) into
 * {@link duplicatesTable}, before the checked table, which then reads its
 * rows once: found inside it, they made DuckDB keep a copy of every typed
 * row for a second pass. Needs what the key is cast through: its lookup
 * table, or the pseudonyms when the key is a person identifier. Empty SQL
 * for a table without key.
 */
export function duplicatesSql(def: TableDef, staging: string, target: string, opts: CastOptions): string {
	const keyColumn = def.columns.find((c) => c.name === def.key);
	if (!keyColumn) return '';
	const key = typedColumn(def, keyColumn, target, opts);
	return `CREATE OR REPLACE TEMP TABLE ${ident(duplicatesTable(target))} AS
SELECT k, min(_ligne) AS premiere FROM (SELECT ${key.expr} AS k, s._ligne FROM ${ident(staging)} s ${lookupJoins([key]).join(' ')})
WHERE k IS NOT NULL GROUP BY 1 HAVING count(*) > 1;`;
}

/**
 * Builds the checked table `target` once the lookup tables and the repeated
 * identifiers are found ({@link lookupTablesSql}, {@link duplicatesSql}):
 * `_ligne`, the typed canonical columns, and `_motif` (NULL when the row
 * loads). `staging` must have `_ligne`. The raw dates and first lines the
 * reasons quote are not stored: every stored text column costs about 50 ms
 * per million rows to write. Costly casts run once per distinct value, in
 * the lookup tables joined back.
 */
export function checkedTableSql(def: TableDef, staging: string, target: string, opts: CastOptions): string {
	const typed = def.columns.map((c) => typedColumn(def, c, target, opts));
	const lookups = lookupJoins(typed);
	const casts = def.columns.map((c, i) => `${typed[i].expr} AS ${ident(c.name)}`);
	// (a coded column's raw value is in its lookup table or lists)
	const raw = (c: ColumnDef, i: number) => (castByList(c, opts) ? codedValue(i, 'v', c) : opts.coded?.has(c.name) ? `l${i}._v` : rawRef(c, opts));
	const raws = def.columns.filter(quotesRaw).map((c) => `clean_text(${raw(c, def.columns.indexOf(c))}) AS ${ident('_raw_' + c.name)}`);
	const keyIndex = def.columns.findIndex((c) => c.name === def.key);
	if (keyIndex >= 0 && !opts.distinctKeys) {
		lookups.push(`LEFT JOIN ${ident(duplicatesTable(target))} d ON d.k = ${typed[keyIndex].expr}`);
		raws.push('coalesce(d.premiere, s._ligne) AS _premiere');
	}
	const joins = (def.references ?? [])
		.map((fk, i) =>
			opts.loadedTables.has(fk.table)
				? `LEFT JOIN (SELECT DISTINCT ${ident(fk.column)} AS _fk FROM ${ident(fk.table)}) f${i} ON f${i}._fk = r.${ident(fk.column)}`
				: ''
		)
		.join('\n');
	const reasons = rejectReasons(def, opts);
	const motif = reasons.length ? `CASE ${reasons.join('\n ')} END` : 'NULL::VARCHAR';
	return `CREATE OR REPLACE TABLE ${ident(target)} AS
WITH typed AS (SELECT s._ligne, ${[...casts, ...raws].join(', ')} FROM ${ident(staging)} s
${lookups.join('\n')})
SELECT r._ligne, ${def.columns.map((c) => `r.${ident(c.name)}`).join(', ')}, ${motif} AS _motif FROM typed r
${joins};`;
}

/** Drops a checked table, its lookup tables and its repeated identifiers. */
export function dropCheckedSql(def: TableDef, checked: string): string {
	return [checked, duplicatesTable(checked), ...def.columns.flatMap((c) => [lookupTable(checked, c.name), valuesTable(checked, c.name)])]
		.map((t) => `DROP TABLE IF EXISTS ${ident(t)};`)
		.join(' ');
}

/**
 * Makes the checked table the canonical table, when that one is empty: the
 * rejected rows and the helper columns go, and no accepted row is copied
 * (the same result as {@link insertAcceptedSql}, whose copy of a million rows
 * costs most of a second).
 */
export function adoptCheckedSql(def: TableDef, checked: string, table: string = def.name): string {
	return [
		`DELETE FROM ${ident(checked)} WHERE _motif IS NOT NULL;`,
		...HELPER_COLUMNS.map((c) => `ALTER TABLE ${ident(checked)} DROP COLUMN ${ident(c)};`),
		`DROP TABLE ${ident(table)};`,
		`ALTER TABLE ${ident(checked)} RENAME TO ${ident(table)};`
	].join('\n');
}

/** Inserts the accepted rows of a checked table into the canonical table. */
export function insertAcceptedSql(def: TableDef, checked: string, table: string = def.name): string {
	const cols = def.columns.map((c) => ident(c.name)).join(', ');
	return `INSERT INTO ${ident(table)} (${cols}) SELECT ${cols} FROM ${ident(checked)} WHERE _motif IS NULL;`;
}

/**
 * Update mode: counts how the accepted rows compare with the loaded ones
 * (added / updated / unchanged, by the table's merge key)…
 */
export function mergeSummarySql(def: TableDef, checked: string, table: string = def.name): string {
	const key = mergeKeyOf(def).map(ident);
	const all = def.columns.map((c) => ident(c.name)).join(', ');
	const on = key.map((k) => `n.${k} IS NOT DISTINCT FROM o.${k}`).join(' AND ');
	return `
WITH n AS (SELECT ${key.join(', ')}, hash(${all}) AS h FROM ${ident(checked)} WHERE _motif IS NULL),
o AS (SELECT ${key.join(', ')}, hash(${all}) AS h, TRUE AS present FROM ${ident(table)})
SELECT count_if(o.present IS NULL) AS ajoutees,
  count_if(o.present AND o.h <> n.h) AS modifiees,
  count_if(o.present AND o.h = n.h) AS inchangees
FROM n LEFT JOIN o ON ${on}`;
}

/** …then replaces the loaded rows that share a merge key with accepted rows, and inserts them. */
export function mergeAcceptedSql(def: TableDef, checked: string, table: string = def.name): string {
	const key = mergeKeyOf(def).map(ident);
	const match = key.map((k) => `c.${k} IS NOT DISTINCT FROM t.${k}`).join(' AND ');
	return `DELETE FROM ${ident(table)} t WHERE EXISTS (SELECT 1 FROM ${ident(checked)} c WHERE c._motif IS NULL AND ${match});
${insertAcceptedSql(def, checked, table)}`;
}
