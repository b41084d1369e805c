/**
 * Loads one parsed file into its canonical table: staging (text, via Arrow) →
 * typed and checked (SQL of model/validation) → accepted rows inserted,
 * rejected rows kept with their reason. Rows read = loaded + rejected.
 */
import type { Engine } from '../db/engine';
import type { TableDef } from '../model/schema';
import {
	adoptCheckedSql,
	checkedTableSql,
	distinctValuesSql,
	dropCheckedSql,
	duplicatesSql,
	insertAcceptedSql,
	lookupTablesSql,
	mergeAcceptedSql,
	mergeSummarySql,
	valuesTable,
	keyCastIsOneToOne,
	LIST_LOOKUP_ROWS,
	type CastOptions
} from '../model/validation';
import { ident } from '../queries/sql';
import type { SourceTable } from './source';
import type { TableReport } from './report';
import { columnWarnings } from './warnings';
import { birthDateToYear, dropStagingSql, loadPseudonymMap, personColumns, rejectedValues, sourcePersonIds, stage, stagedPersonIds } from './staging';
import { readCommuneColumns } from './communes';
import { valueSynonymsOf } from './synonyms';
import type { Pseudonymiser } from './pseudonym';
import { identifiersAhead } from './identifiers-ahead';

/** canonical column → index of the source column it is read from. */
export type ColumnMapping = Record<string, number>;

export interface LoadTableOptions {
	fileName: string;
	mapping: ColumnMapping;
	loadedTables: ReadonlySet<string>;
	/** Turns person identifiers into pseudonyms (keyed HMAC); none = kept as is. */
	pseudonym?: Pseudonymiser;
	/** The mapped `annee_naissance` is a full date of birth: keep the year only. */
	birthDateColumn?: boolean;
	/** Update the loaded rows by identifier instead of loading into an empty table. */
	merge?: boolean;
	/** Exact source value → code, per canonical column (from the user's profile). */
	valueMaps?: Record<string, Record<string, string>>;
	droppedColumns?: string[];
	ignoredColumns?: string[];
	encoding?: string;
	delimiter?: string;
	/** Rows from which coded columns are cast through lists (default LIST_LOOKUP_ROWS; tests set it to try both ways). */
	listLookupRows?: number;
}

const MAX_REASON_KEY = 80;

/** Groups reasons by their text before the first quoted value, for the summary. */
function reasonKey(motif: string): string {
	return motif.replace(/[«:].*$/, '').trim().slice(0, MAX_REASON_KEY);
}

async function isEmpty(engine: Engine, table: string): Promise<boolean> {
	const [r] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${ident(table)} LIMIT 1)`);
	return r.n === 0;
}

/** Loads `source` into `def`'s canonical table and returns the file's report. */
export async function loadTable(
	engine: Engine,
	def: TableDef,
	source: SourceTable,
	opts: LoadTableOptions
): Promise<TableReport> {
	const checked = `chk_${def.name}`;
	const rowCount = source.kind === 'text' ? source.lines.length : source.rowCount;
	const malformed = source.malformed ?? [];
	const persons = opts.pseudonym ? personColumns(def, opts.mapping) : [];
	// The identifier work done while the file was read, if it applies to this mapping and key.
	const ahead = identifiersAhead(source, def, opts.mapping, persons, opts.pseudonym);
	// Started before staging when the identifiers come from the source: in the browser the pseudonyms are
	// computed in a worker while DuckDB stages the rows.
	const early = persons.length && !ahead.pseudonyms ? sourcePersonIds(source, opts.mapping, persons) : null;
	const earlyPseudonyms = early ? opts.pseudonym!.mapIds(early) : null;
	earlyPseudonyms?.catch(() => undefined); // awaited below; a failure before then must not go unhandled
	await engine.exec(`${dropStagingSql(def)} ${dropCheckedSql(def, checked)}`);
	const staged = await stage(engine, def, source, opts.mapping, !!opts.birthDateColumn);
	const staging = staged.name;
	const present = new Set(staged.columns);
	// Otherwise (rows already in DuckDB) they are read back, and computed while DuckDB reads the communes and builds the lookup tables.
	const computed = () => earlyPseudonyms ?? stagedPersonIds(engine, staging, persons).then((ids) => opts.pseudonym!.mapIds(ids));
	const pseudonyms = persons.length ? (ahead.pseudonyms?.then((p) => p ?? computed()) ?? computed()) : null;
	pseudonyms?.catch(() => undefined);
	if (opts.birthDateColumn && present.has('annee_naissance')) await birthDateToYear(engine, staging);
	// A commune column's distinct values are counted once: read to decide how to read the column, then cast in its lookup table.
	const communeColumns = new Set(def.columns.filter((c) => c.commune && present.has(c.name)).map((c) => c.name));
	if (communeColumns.size) await engine.exec([...communeColumns].map((c) => distinctValuesSql(staging, checked, c, staged)).join('\n'));
	const communes = await readCommuneColumns(engine, def, present, (column) => valuesTable(checked, column));
	const castOpts: CastOptions = {
		present,
		loadedTables: opts.loadedTables,
		communeExpr: communes.expr,
		valueMaps: opts.valueMaps,
		valueSynonyms: valueSynonymsOf(def.name),
		coded: staged.coded,
		listLookups: rowCount >= (opts.listLookupRows ?? LIST_LOOKUP_ROWS)
	};
	await engine.exec(lookupTablesSql(def, staging, checked, castOpts, communeColumns));
	// Repeated identifiers are looked for while the pseudonyms are computed, unless the key is one of them,
	// or the identifier work of the read found the keys all different.
	castOpts.distinctKeys = keyCastIsOneToOne(def, castOpts) && (await ahead.distinctKeys);
	const keyIsPerson = persons.includes(def.key ?? '');
	const findDuplicates = async () => {
		const sql = castOpts.distinctKeys ? '' : duplicatesSql(def, staging, checked, castOpts);
		if (sql) await engine.exec(sql);
	};
	if (!keyIsPerson) await findDuplicates();
	if (pseudonyms) castOpts.personMap = await loadPseudonymMap(engine, await pseudonyms);
	if (keyIsPerson) await findDuplicates();
	await engine.exec(checkedTableSql(def, staging, checked, castOpts));

	const rejectedRows = await engine.query<{ _ligne: number; _motif: string }>(
		`SELECT _ligne, _motif FROM ${ident(checked)} WHERE _motif IS NOT NULL ORDER BY _ligne`
	);
	const values = await rejectedValues(engine, source, staged.raw?.name, rejectedRows.map((r) => r._ligne));
	const rejets = rejectedRows.map((r) => ({ ligne: r._ligne, motif: r._motif, valeurs: values.get(r._ligne) ?? [] }));
	for (const m of malformed) {
		rejets.push({ ligne: m.line, motif: m.message, valeurs: [m.raw] });
	}
	rejets.sort((a, b) => a.ligne - b.ligne);
	const motifs: Record<string, number> = {};
	for (const r of rejets) motifs[reasonKey(r.motif)] = (motifs[reasonKey(r.motif)] ?? 0) + 1;
	const warnings = await columnWarnings(engine, def, staging, checked, castOpts, rejectedRows.length > 0);

	let miseAJour: TableReport['mise_a_jour'];
	if (opts.merge) {
		[miseAJour] = await engine.query<{ ajoutees: number; modifiees: number; inchangees: number }>(mergeSummarySql(def, checked));
		await engine.exec(mergeAcceptedSql(def, checked));
	} else if (await isEmpty(engine, def.name)) {
		await engine.exec(adoptCheckedSql(def, checked));
	} else {
		await engine.exec(insertAcceptedSql(def, checked));
	}

	const unknownCommunes = warnings
		.filter((w) => w.probleme === 'commune non reconnue')
		.reduce((sum, w) => sum + w.lignes, 0);
	const loaded = rowCount - rejectedRows.length;
	await engine.exec(`${dropStagingSql(def, staged)} ${dropCheckedSql(def, checked)} DROP TABLE IF EXISTS pseudo_map;`);

	return {
		table: def.name,
		fichier: opts.fileName,
		encodage: opts.encoding,
		separateur: opts.delimiter,
		lignes_lues: rowCount + malformed.length,
		lignes_chargees: loaded,
		lignes_rejetees: rejets.length,
		lignes_vides_ignorees: source.blankLines ?? 0,
		communes_non_reconnues: unknownCommunes,
		lecture_communes: communes.reports,
		mise_a_jour: miseAJour,
		motifs_rejet: motifs,
		avertissements: warnings,
		colonnes_ecartees: opts.droppedColumns ?? [],
		date_naissance_reduite: opts.birthDateColumn && present.has('annee_naissance') ? true : undefined,
		colonnes_ignorees: opts.ignoredColumns ?? [],
		colonnes_absentes: def.columns.filter((c) => !present.has(c.name)).map((c) => c.name),
		rejets: { entete: source.header, lignes: rejets }
	};
}
