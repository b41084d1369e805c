/** The span of the loaded data, used as the default period. */
export const DATA_SPAN_SQL = `
SELECT min(d)::VARCHAR AS du, max(d)::VARCHAR AS au FROM (
  SELECT date_premier_contact AS d FROM parcours UNION ALL
  SELECT date_entree FROM parcours UNION ALL
  SELECT date_sortie FROM parcours UNION ALL
  SELECT date FROM evenements)`;
