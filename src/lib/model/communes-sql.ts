/**
 * SQL reading commune columns: decides whether a column holds INSEE codes,
 * postal codes (the two overlap in New Caledonia) or names, then reads each
 * value accordingly. Never guesses: what matches nothing stays unknown.
 */
import { ident } from '../queries/sql';

export type CommuneReading = 'insee' | 'postal' | 'mixte';

const INSEE = 'SELECT code_insee FROM ref_communes';
const POSTAL = 'SELECT code_postal FROM ref_communes';

/** Counts that decide how a column is read, from a relation holding its values (its table of distinct values). */
export function communeColumnProfileSql(relation: string, column: string): string {
	return `
WITH raw AS (SELECT DISTINCT ${ident(column)} AS r FROM ${ident(relation)}),
v AS (SELECT DISTINCT clean_text(r) AS v FROM raw WHERE clean_text(r) IS NOT NULL)
SELECT count(*) AS valeurs,
  count_if(v IN (${INSEE})) AS insee,
  count_if(v IN (${POSTAL})) AS postal,
  count_if(v IN (${POSTAL}) AND v NOT IN (${INSEE})) AS postal_seulement,
  list(v ORDER BY v) FILTER (WHERE v IN (${INSEE}) AND v IN (${POSTAL})) AS ambigus
FROM v`;
}

/** The reading rule of domain.md/issue: all INSEE → INSEE; all postal with one non-INSEE → postal; else per value. */
export function decideReading(p: { valeurs: number; insee: number; postal: number; postal_seulement: number }): CommuneReading {
	if (p.valeurs > 0 && p.insee === p.valeurs) return 'insee';
	if (p.valeurs > 0 && p.postal === p.valeurs && p.postal_seulement > 0) return 'postal';
	if (p.valeurs === 0) return 'insee';
	return 'mixte';
}

/** Expression giving the INSEE code of a raw commune value under a reading (NULL when nothing matches). */
export function communeExpr(reading: CommuneReading, raw: string): string {
	const v = `clean_text(${raw})`;
	const asInsee = `CASE WHEN ${v} IN (${INSEE}) THEN ${v} END`;
	const asPostal = `(SELECT rc.code_insee FROM ref_communes rc WHERE rc.code_postal = ${v})`;
	const asName = `(SELECT k.code_insee FROM ref_commune_cles k WHERE k.cle = norm_key(${raw}))`;
	if (reading === 'insee') return asInsee;
	if (reading === 'postal') return asPostal;
	return `coalesce(${asInsee}, ${asPostal}, ${asName})`;
}
