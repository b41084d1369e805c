/**
 * Entries and exits over time (by quarter) for the filters' scope, over the
 * whole data span: the overview's trend chart.
 */
import type { Measures } from '../secrecy/apply';
import { scopeConditions, type Filters } from './filters';

export interface TrendRow {
	/** First day of the quarter, ISO. */
	trimestre: string;
	annee: number;
	entrees: number;
	sorties: number;
	sorties_dynamiques: number;
}

export const TREND_MEASURES: Measures = {
	entrees: { kind: 'count' },
	sorties: { kind: 'count' },
	sorties_dynamiques: { kind: 'count' }
};

/** Parcours entries and exits per quarter (filters except the period). */
export function trendSql(f: Filters): string {
	return `
WITH scope AS (SELECT * FROM v_parcours p WHERE ${scopeConditions(f, 'p')}),
e AS (SELECT date_trunc('quarter', date_entree) AS t, count(*) AS n FROM scope GROUP BY 1),
s AS (SELECT date_trunc('quarter', date_sortie) AS t, count(*) AS n, count_if(est_dynamique) AS d
      FROM scope WHERE date_sortie IS NOT NULL GROUP BY 1),
t AS (SELECT t FROM e UNION SELECT t FROM s)
SELECT CAST(t.t AS DATE) AS trimestre, year(t.t) AS annee,
  coalesce(e.n, 0) AS entrees, coalesce(s.n, 0) AS sorties, coalesce(s.d, 0) AS sorties_dynamiques
FROM t LEFT JOIN e ON e.t = t.t LEFT JOIN s ON s.t = t.t
WHERE t.t IS NOT NULL
ORDER BY 1`;
}
