/**
 * Entries and exits over time (by quarter or by year) for the filters' scope,
 * over the whole data span: the overview's trend chart. Periods not complete
 * at the end of the data are left out (a partial quarter would read as a fall).
 */
import type { Measures } from '../secrecy/apply';
import { dateLit } from './sql';
import { scopeConditions, type Filters } from './filters';

export type TrendGrain = 'quarter' | 'year';

export interface TrendRow {
	/** First day of the quarter or year, ISO. */
	debut: string;
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

/** Parcours entries and exits per quarter or year (filters except the period), complete periods up to `dataEnd`. */
export function trendSql(f: Filters, grain: TrendGrain, dataEnd: string): string {
	const step = grain === 'quarter' ? `INTERVAL 3 MONTH` : `INTERVAL 1 YEAR`;
	return `
WITH scope AS (SELECT date_entree, date_sortie, est_dynamique FROM v_parcours p WHERE ${scopeConditions(f, 'p')}),
e AS (SELECT date_trunc('${grain}', date_entree) AS t, count(*) AS n FROM scope GROUP BY 1),
s AS (SELECT date_trunc('${grain}', date_sortie) AS t, count(*) AS n, count_if(est_dynamique) AS d
      FROM scope WHERE date_sortie IS NOT NULL GROUP BY 1),
t AS (SELECT t FROM e UNION SELECT t FROM s)
SELECT CAST(t.t AS DATE) AS debut, year(t.t) AS annee,
  coalesce(e.n, 0) AS entrees, coalesce(s.n, 0) AS sorties, coalesce(s.d, 0) AS sorties_dynamiques
FROM t LEFT JOIN e ON e.t = t.t LEFT JOIN s ON s.t = t.t
WHERE t.t IS NOT NULL AND CAST(t.t + ${step} - INTERVAL 1 DAY AS DATE) <= ${dateLit(dataEnd)}
ORDER BY 1`;
}
