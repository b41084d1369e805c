/**
 * Loads one parsed file into its canonical table: staging (text, via Arrow) →
 * typed and checked (SQL of model/validation) → accepted rows inserted,
 * rejected rows kept with their reason. Rows read = loaded + rejected.
 */
import type { Engine } from '../db/engine';
import type { TableDef } from '../model/schema';
import { checkedTableSql, insertAcceptedSql, type CastOptions } from '../model/validation';
import { ident } from '../queries/sql';
import { textTableIPC } from './arrow-staging';
import type { ParsedTable } from './csv';
import type { TableReport } from './report';
import { columnWarnings } from './warnings';

/** canonical column → index of the source column it is read from. */
export type ColumnMapping = Record<string, number>;

export interface LoadTableOptions {
	fileName: string;
	mapping: ColumnMapping;
	loadedTables: ReadonlySet<string>;
	communeExpr?: CastOptions['communeExpr'];
	/** SQL expression turning a raw person identifier into its pseudonym. */
	personIdExpr?: (raw: string) => string;
	droppedColumns?: string[];
	ignoredColumns?: string[];
	encoding?: string;
	delimiter?: string;
}

const MAX_REASON_KEY = 80;

/** Groups reasons by their text before the first quoted value, for the summary. */
function reasonKey(motif: string): string {
	return motif.replace(/[«:].*$/, '').trim().slice(0, MAX_REASON_KEY);
}

/** Loads `source` into `def`'s canonical table and returns the file's report. */
export async function loadTable(
	engine: Engine,
	def: TableDef,
	source: ParsedTable,
	opts: LoadTableOptions
): Promise<TableReport> {
	const staging = `stg_${def.name}`;
	const checked = `chk_${def.name}`;
	const rowCount = source.lines.length;
	const stagingColumns: Record<string, (string | null)[]> = {
		_ligne: source.lines.map(String)
	};
	for (const col of def.columns) {
		const idx = opts.mapping[col.name];
		if (idx === undefined) continue;
		stagingColumns[col.name] = source.columns[idx].map((v) => (v.trim() === '' ? null : v));
	}
	const present = new Set(Object.keys(stagingColumns).filter((c) => c !== '_ligne'));
	await engine.exec(`DROP TABLE IF EXISTS ${ident(staging)}; DROP TABLE IF EXISTS ${ident(checked)};`);
	await engine.insertArrowIPC(staging, textTableIPC(stagingColumns), true);
	await engine.exec(`ALTER TABLE ${ident(staging)} ALTER _ligne TYPE INTEGER;`);
	if (opts.personIdExpr) {
		const sets = def.columns
			.filter((c) => c.person && present.has(c.name))
			.map((c) => `${ident(c.name)} = ${opts.personIdExpr!(ident(c.name))}`);
		if (sets.length) await engine.exec(`UPDATE ${ident(staging)} SET ${sets.join(', ')};`);
	}
	const castOpts: CastOptions = { present, loadedTables: opts.loadedTables, communeExpr: opts.communeExpr };
	await engine.exec(checkedTableSql(def, staging, checked, castOpts));
	await engine.exec(insertAcceptedSql(def, checked));

	const rejectedRows = await engine.query<{ _ligne: number; _motif: string }>(
		`SELECT _ligne, _motif FROM ${ident(checked)} WHERE _motif IS NOT NULL ORDER BY _ligne`
	);
	const indexByLine = new Map<number, number>();
	if (rejectedRows.length) source.lines.forEach((l, i) => indexByLine.set(l, i));
	const rejets = rejectedRows.map((r) => {
		const idx = indexByLine.get(r._ligne)!;
		return { ligne: r._ligne, motif: r._motif, valeurs: source.columns.map((c) => c[idx]) };
	});
	for (const m of source.malformed) {
		rejets.push({ ligne: m.line, motif: m.message, valeurs: [m.raw] });
	}
	rejets.sort((a, b) => a.ligne - b.ligne);
	const motifs: Record<string, number> = {};
	for (const r of rejets) motifs[reasonKey(r.motif)] = (motifs[reasonKey(r.motif)] ?? 0) + 1;

	const warnings = await columnWarnings(engine, def, staging, checked, present);
	const unknownCommunes = warnings
		.filter((w) => w.probleme === 'commune non reconnue')
		.reduce((sum, w) => sum + w.lignes, 0);
	const loaded = rowCount - rejectedRows.length;
	await engine.exec(`DROP TABLE IF EXISTS ${ident(staging)}; DROP TABLE IF EXISTS ${ident(checked)};`);

	return {
		table: def.name,
		fichier: opts.fileName,
		encodage: opts.encoding,
		separateur: opts.delimiter,
		lignes_lues: rowCount + source.malformed.length,
		lignes_chargees: loaded,
		lignes_rejetees: rejets.length,
		lignes_vides_ignorees: source.blankLines,
		communes_non_reconnues: unknownCommunes,
		motifs_rejet: motifs,
		avertissements: warnings,
		colonnes_ecartees: opts.droppedColumns ?? [],
		colonnes_ignorees: opts.ignoredColumns ?? [],
		colonnes_absentes: def.columns.filter((c) => !present.has(c.name)).map((c) => c.name),
		rejets: { entete: source.header, lignes: rejets }
	};
}
