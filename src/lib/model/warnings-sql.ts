/**
 * SQL listing, for the accepted rows of a checked import, the values that load
 * with a warning: unreadable dates/numbers/booleans, unknown codes, unknown
 * communes, exit motifs that give no category, unknown sectors.
 */
import type { TableDef } from './schema';
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

/** One SELECT per warning kind, unioned and grouped by column and problem. */
export function warningsSql(def: TableDef, staging: string, checked: string, present: ReadonlySet<string>): string | null {
	const parts: string[] = [];
	const add = (column: string, problem: string, condition: string) =>
		parts.push(
			`SELECT ${lit(column)} AS colonne, ${lit(problem)} AS probleme, s.${ident(column)} AS valeur ` +
				`FROM ${ident(staging)} s JOIN ${ident(checked)} c ON c._ligne = s._ligne WHERE c._motif IS NULL AND ${condition}`
		);
	for (const col of def.columns) {
		if (!present.has(col.name)) continue;
		const raw = `clean_text(s.${ident(col.name)})`;
		const val = `c.${ident(col.name)}`;
		if (col.commune) add(col.name, 'commune non reconnue', `${raw} IS NOT NULL AND ${val} IS NULL`);
		else if (TYPE_PROBLEM[col.type]) add(col.name, TYPE_PROBLEM[col.type], `${raw} IS NOT NULL AND ${val} IS NULL`);
		else if (col.codes) add(col.name, 'code inconnu', `${val} NOT IN ${litList(col.codes)}`);
		else if (SECTOR_COLUMNS.includes(col.name))
			add(col.name, 'secteur inconnu', `${val} NOT IN (SELECT code FROM ref_secteurs)`);
	}
	if (def.name === 'parcours' && present.has('motif_sortie')) {
		add(
			'motif_sortie',
			'motif de sortie inconnu : catégorie non déduite',
			`c.motif_sortie IS NOT NULL AND c.categorie_sortie IS NULL AND c.motif_sortie NOT IN (SELECT motif_sortie FROM ref_motifs)`
		);
	}
	if (def.name === 'parcours' && present.has('date_sortie')) {
		add('date_sortie', 'sortie sans motif ni catégorie', `c.date_sortie IS NOT NULL AND c.motif_sortie IS NULL AND c.categorie_sortie IS NULL`);
	}
	if (!parts.length) return null;
	return `SELECT colonne, probleme, count(*) AS lignes, list(DISTINCT valeur ORDER BY valeur)[1:${MAX_EXAMPLES}] AS exemples
FROM (${parts.join('\nUNION ALL\n')}) GROUP BY colonne, probleme ORDER BY colonne, probleme`;
}
