/**
 * The staging step of an import: a source's mapped columns as text in a
 * DuckDB table (`_ligne` = line number), then the value-level preparations
 * done before checking: pseudonyms for person identifiers, birth dates
 * reduced to the year.
 */
import type { Engine } from '../db/engine';
import type { TableDef } from '../model/schema';
import { ident } from '../queries/sql';
import { textTableIPC } from './arrow-staging';
import type { SourceTable } from './source';
import type { ColumnMapping } from './load-table';

/** Puts the mapped columns of a source into the text staging table; returns the staged columns. */
export async function stage(engine: Engine, def: TableDef, source: SourceTable, mapping: ColumnMapping, staging: string): Promise<string[]> {
	const mapped = def.columns.filter((c) => mapping[c.name] !== undefined);
	if (source.kind === 'text') {
		const stagingColumns: Record<string, (string | null)[]> = { _ligne: source.lines.map(String) };
		for (const col of mapped) {
			stagingColumns[col.name] = source.columns[mapping[col.name]].map((v) => (v.trim() === '' ? null : v));
		}
		await engine.insertArrowIPC(staging, textTableIPC(stagingColumns), true);
		await engine.exec(`ALTER TABLE ${ident(staging)} ALTER _ligne TYPE INTEGER;`);
	} else {
		const raw = `raw_${def.name}`;
		await engine.exec(`DROP TABLE IF EXISTS ${ident(raw)};`);
		await engine.insertArrowIPC(raw, source.ipc, true);
		const cols = mapped.map((c) => `CAST(${ident(source.header[mapping[c.name]])} AS VARCHAR) AS ${ident(c.name)}`);
		const line = source.lineColumn ? `CAST(${ident(source.lineColumn)} AS INTEGER)` : 'CAST(row_number() OVER () AS INTEGER)';
		await engine.exec(`CREATE TABLE ${ident(staging)} AS SELECT ${line} AS _ligne${cols.map((c) => ', ' + c).join('')} FROM ${ident(raw)};`);
	}
	return mapped.map((c) => c.name);
}

/** The rejected rows as read (all source columns as text), by line number. */
export async function rejectedValues(engine: Engine, def: TableDef, source: SourceTable, lines: number[]): Promise<Map<number, string[]>> {
	const out = new Map<number, string[]>();
	if (!lines.length) return out;
	if (source.kind === 'text') {
		const wanted = new Set(lines);
		source.lines.forEach((l, i) => {
			if (wanted.has(l)) out.set(l, source.columns.map((c) => c[i]));
		});
		return out;
	}
	const cols = source.header.map((h) => `CAST(${ident(h)} AS VARCHAR) AS ${ident(h)}`).join(', ');
	const line = source.lineColumn ? `CAST(${ident(source.lineColumn)} AS INTEGER)` : 'row_number() OVER ()';
	const rows = await engine.query(
		`SELECT * FROM (SELECT ${line} AS _l, ${cols} FROM ${ident('raw_' + def.name)}) WHERE _l IN (${lines.join(',')})`
	);
	for (const r of rows) out.set(r._l as number, source.header.map((h) => (r[h] === null ? '' : String(r[h]))));
	return out;
}

/**
 * Replaces every person identifier of the staging table by its pseudonym
 * (computed once per distinct identifier).
 */
export async function pseudonymiseStaging(
	engine: Engine,
	def: TableDef,
	staging: string,
	present: ReadonlySet<string>,
	pseudonym: (id: string) => string
): Promise<void> {
	const columns = def.columns.filter((c) => c.person && present.has(c.name)).map((c) => c.name);
	if (!columns.length) return;
	const union = columns.map((c) => `SELECT trim(${ident(c)}) AS v FROM ${ident(staging)}`).join(' UNION ');
	const ids = await engine.query<{ v: string }>(`SELECT DISTINCT v FROM (${union}) WHERE v IS NOT NULL AND v <> ''`);
	const from = ids.map((r) => r.v);
	await engine.exec('DROP TABLE IF EXISTS pseudo_map;');
	await engine.insertArrowIPC('pseudo_map', textTableIPC({ v: from, p: from.map(pseudonym) }), true);
	const sets = columns.map((c) => `${ident(c)} = (SELECT m.p FROM pseudo_map m WHERE m.v = trim(${ident(staging)}.${ident(c)}))`);
	await engine.exec(`UPDATE ${ident(staging)} SET ${sets.join(', ')}; DROP TABLE pseudo_map;`);
}

/** Keeps only the year of a full date of birth read into `annee_naissance`. */
export async function birthDateToYear(engine: Engine, staging: string): Promise<void> {
	await engine.exec(
		`UPDATE ${ident(staging)} SET annee_naissance = CAST(year(parse_date(annee_naissance)) AS VARCHAR) WHERE parse_date(annee_naissance) IS NOT NULL;`
	);
}
