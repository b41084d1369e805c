/**
 * SQL listing, for the accepted rows of a checked import, the values that load
 * with a warning: unreadable dates/numbers/booleans, unknown codes, unknown
 * communes, exit motifs that give no category, unknown sectors.
 */
import type { TableDef } from './schema';
import { castByLookup, lookupTable, type CastOptions } from './validation';
import { ident, lit, litList } from '../queries/sql';

/** Values listed per warning: enough to map every unknown code of an export in one go. */
export const MAX_EXAMPLES = 20;

const SECTOR_COLUMNS = ['secteur', 'secteur_sortie', 'projet_secteur'];

const TYPE_PROBLEM: Record<string, string> = {
	DATE: 'date illisible',
	INTEGER: 'nombre illisible',
	BIGINT: 'nombre illisible',
	DOUBLE: 'nombre illisible',
	BOOLEAN: 'oui/non illisible'
};

/**
 * One SELECT per warning kind, unioned and grouped by column and problem.
 * A column's warnings depend on its value only: they are counted on its
 * lookup table (rows per distinct value), less the rows rejected; warnings
 * about several columns of a row join the staging and checked tables.
 */
export function warningsSql(def: TableDef, staging: string, checked: string, opts: CastOptions, anyRejected = true): string | null {
	const parts: string[] = [];
	// A coded column (see CastOptions.coded) is staged as codes: its rejected rows are matched on code, its values read from its dictionary.
	const key = (column: string) => (opts.coded?.has(column) ? '_k' : '_v');
	const byValue = (column: string, problem: string, condition: (raw: string, val: string) => string) =>
		parts.push(
			`SELECT ${lit(column)} AS colonne, ${lit(problem)} AS probleme, l._v AS valeur, l.n - coalesce(r.n, 0) AS n ` +
				`FROM ${ident(lookupTable(checked, column))} l LEFT JOIN (SELECT ${ident(column)} AS v, count(*) AS n FROM rejected GROUP BY 1) r ON r.v = l.${key(column)} ` +
				`WHERE ${condition('clean_text(l._v)', 'l.c')} AND l.n > coalesce(r.n, 0)`
		);
	// The accepted rows that match are found in the checked table first; their staged values are then picked by line.
	const byRow = (column: string, problem: string, condition: string) =>
		parts.push(
			`SELECT ${lit(column)} AS colonne, ${lit(problem)} AS probleme, ${stagedText(column)} AS valeur, 1 AS n ` +
				`FROM ${ident(staging)} s WHERE s._ligne IN (SELECT c._ligne FROM ${ident(checked)} c WHERE c._motif IS NULL AND ${condition})`
		);
	const stagedText = (column: string) => {
		const dictionary = opts.coded?.get(column);
		return dictionary ? `(SELECT d.v FROM ${ident(dictionary)} d WHERE d.k = s.${ident(column)})` : `s.${ident(column)}`;
	};
	const present = opts.present;
	for (const col of def.columns) {
		if (!castByLookup(col, opts) || col.person) continue;
		if (col.commune) byValue(col.name, 'commune non reconnue', (raw, val) => `${raw} IS NOT NULL AND ${val} IS NULL`);
		else if (TYPE_PROBLEM[col.type]) byValue(col.name, TYPE_PROBLEM[col.type], (raw, val) => `${raw} IS NOT NULL AND ${val} IS NULL`);
		else if (col.codes) byValue(col.name, 'code inconnu', (_, val) => `${val} NOT IN ${litList(col.codes!)}`);
		else if (SECTOR_COLUMNS.includes(col.name))
			byValue(col.name, 'secteur inconnu', (_, val) => `${val} NOT IN (SELECT code FROM ref_secteurs)`);
	}
	if (def.name === 'parcours' && present.has('motif_sortie')) {
		byRow(
			'motif_sortie',
			'motif de sortie inconnu : catégorie non déduite',
			`c.motif_sortie IS NOT NULL AND c.categorie_sortie IS NULL AND c.motif_sortie NOT IN (SELECT motif_sortie FROM ref_motifs)`
		);
	}
	if (def.name === 'parcours' && present.has('date_sortie')) {
		byRow('date_sortie', 'sortie sans motif ni catégorie', `c.date_sortie IS NOT NULL AND c.motif_sortie IS NULL AND c.categorie_sortie IS NULL`);
	}
	if (!parts.length) return null;
	// The rejected rows as staged, read once for every column (none to read when the import rejected none).
	const rejected = anyRejected ? `_ligne IN (SELECT _ligne FROM ${ident(checked)} WHERE _motif IS NOT NULL)` : 'FALSE';
	return `WITH rejected AS MATERIALIZED (SELECT * FROM ${ident(staging)} WHERE ${rejected})
SELECT colonne, probleme, CAST(sum(n) AS BIGINT) AS lignes, list(DISTINCT valeur ORDER BY valeur)[1:${MAX_EXAMPLES}] AS exemples
FROM (${parts.join('\nUNION ALL\n')}) GROUP BY colonne, probleme ORDER BY colonne, probleme`;
}
