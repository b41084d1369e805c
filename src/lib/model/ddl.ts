/**
 * DDL of the canonical schema, the reference tables, the SQL macros the import
 * uses to clean values, and the analysis views every indicator reads.
 */
import { TABLES, type TableDef, type TableName } from './schema';
import {
	CATEGORIES_DYNAMIQUES,
	CATEGORIES_HORS_DENOMINATEUR,
	DISPOSITIF_COMPETENCES,
	FREINS_COMPETENCES,
	TRANCHES_AGE,
	TYPES_FILE_ACTIVE
} from './codes';
import { ident, lit, litList } from '../queries/sql';

/** CREATE TABLE statement of one canonical table. */
export function createTableSql(def: TableDef, name: string = def.name): string {
	const cols = def.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
	return `CREATE TABLE IF NOT EXISTS ${ident(name)} (${cols});`;
}

/** All canonical tables, empty. */
export function createSchemaSql(): string {
	return TABLES.map((t) => createTableSql(t)).join('\n');
}

/** Drops the canonical tables (used before loading another dataset). */
export function dropSchemaSql(): string {
	return TABLES.map((t) => `DROP TABLE IF EXISTS ${ident(t.name)};`).join('\n');
}

const ageBandCase = TRANCHES_AGE.map((t) => `WHEN age BETWEEN ${t.min} AND ${t.max} THEN '${t.code}'`).join(' ');

/**
 * Value-cleaning macros shared by the import in the browser and in Node:
 * dates in ISO, dd/mm/yyyy, dd-mm-yy or Excel serial form; decimals with a
 * comma; French booleans; text normalised for matching.
 * `clean_text` (trimmed, blank = NULL) leaves as is, without calling `trim`,
 * an ASCII value whose first byte is printable and last is not a space:
 * `trim` then changes nothing (it removes Unicode space separators only),
 * and it decodes every character, which cost 0.15 s per million identifiers.
 */
export const MACROS_SQL = `
CREATE OR REPLACE MACRO clean_text(v) AS (
  CASE
    WHEN CAST(v AS VARCHAR) >= '!' AND NOT suffix(CAST(v AS VARCHAR), ' ') AND strlen(CAST(v AS VARCHAR)) = length(CAST(v AS VARCHAR))
      THEN CAST(v AS VARCHAR)
    ELSE nullif(trim(CAST(v AS VARCHAR)), '')
  END);
CREATE OR REPLACE MACRO parse_date(v) AS (
  CASE
    WHEN clean_text(v) IS NULL THEN NULL
    WHEN regexp_full_match(clean_text(v), '[0-9]{5}([.,][0-9]+)?')
      THEN CASE WHEN CAST(replace(clean_text(v), ',', '.') AS DOUBLE) BETWEEN 2 AND 2958465
        THEN CAST(DATE '1899-12-30' + CAST(floor(CAST(replace(clean_text(v), ',', '.') AS DOUBLE)) AS INTEGER) AS DATE) END
    WHEN regexp_matches(clean_text(v), '^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}([^0-9]|$)')
      THEN CAST(try_strptime(regexp_replace(regexp_extract(clean_text(v), '^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}'), '[/.]', '-', 'g'), '%Y-%m-%d') AS DATE)
    WHEN regexp_matches(clean_text(v), '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}([^0-9]|$)')
      THEN CAST(try_strptime(regexp_replace(regexp_extract(clean_text(v), '^[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}'), '[-.]', '/', 'g'), '%d/%m/%Y') AS DATE)
    WHEN regexp_full_match(clean_text(v), '[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2}')
      THEN CAST(try_strptime(regexp_replace(clean_text(v), '[-.]', '/', 'g'), '%d/%m/%y') AS DATE)
    ELSE NULL
  END);
CREATE OR REPLACE MACRO parse_number(v) AS
  TRY_CAST(replace(replace(replace(replace(clean_text(v), ' ', ''), chr(160), ''), chr(8239), ''), ',', '.') AS DOUBLE);
CREATE OR REPLACE MACRO parse_bool(v) AS (
  CASE
    WHEN lower(strip_accents(clean_text(v))) IN ('oui', 'o', 'vrai', 'x', '1', 'true', 'yes', 'y') THEN TRUE
    WHEN lower(strip_accents(clean_text(v))) IN ('non', 'n', 'faux', '0', 'false', 'no') THEN FALSE
    ELSE NULL
  END);
CREATE OR REPLACE MACRO norm_code(v) AS lower(strip_accents(clean_text(v)));
CREATE OR REPLACE MACRO code_key(v) AS trim(regexp_replace(norm_code(v), '[^a-z0-9]+', '_', 'g'), '_');
CREATE OR REPLACE MACRO norm_name(v) AS trim(regexp_replace(regexp_replace(
  lower(strip_accents(clean_text(v))), '[^a-z0-9]+', ' ', 'g'), '^(l |le |la |les )', ''));
CREATE OR REPLACE MACRO norm_key(v) AS replace(norm_name(v), ' ', '');
CREATE OR REPLACE MACRO age_band(age) AS (CASE ${ageBandCase} ELSE NULL END);
`;

/** Reference tables, filled from the editable files of `data/`. */
/** Columns of the reference tables (name, type), in the order of their files' headers. */
export const REFERENCE_COLUMNS: Record<string, [string, 'VARCHAR' | 'INTEGER'][]> = {
	ref_communes: [
		['code_insee', 'VARCHAR'], ['nom', 'VARCHAR'], ['nom_kanak', 'VARCHAR'], ['code_postal', 'VARCHAR'], ['province', 'VARCHAR'],
		['province_secondaire', 'VARCHAR'], ['eth', 'VARCHAR'], ['aire_coutumiere', 'VARCHAR'], ['population_2025', 'INTEGER'], ['variantes', 'VARCHAR']
	],
	ref_eth: [['code_eth', 'VARCHAR'], ['libelle', 'VARCHAR'], ['province', 'VARCHAR'], ['confirme', 'VARCHAR']],
	ref_provinces: [['code', 'VARCHAR'], ['libelle', 'VARCHAR'], ['libelle_court', 'VARCHAR']],
	ref_secteurs: [['code', 'VARCHAR'], ['libelle', 'VARCHAR']],
	ref_motifs: [['motif_sortie', 'VARCHAR'], ['categorie_sortie', 'VARCHAR'], ['libelle', 'VARCHAR']],
	ref_niveaux_cibles: [['referentiel', 'VARCHAR'], ['niveau_cible', 'INTEGER'], ['libelle', 'VARCHAR']]
};

export const REFERENCE_DDL = Object.entries(REFERENCE_COLUMNS)
	.map(([table, cols]) => `CREATE TABLE IF NOT EXISTS ${table} (${cols.map(([c, t]) => `${c} ${t}`).join(', ')});`)
	.join('\n');

/**
 * Spelling keys of the communes (name, Kanak name, variants, normalised and
 * without spaces), keeping only keys that designate a single commune.
 */
export const COMMUNE_KEYS_SQL = `
CREATE OR REPLACE TABLE ref_commune_cles AS
SELECT cle, min(code_insee) AS code_insee FROM (
  SELECT norm_key(nom) AS cle, code_insee FROM ref_communes
  UNION SELECT norm_key(nom_kanak), code_insee FROM ref_communes WHERE nom_kanak IS NOT NULL
  UNION SELECT norm_key(unnest(string_split(variantes, '|'))), code_insee FROM ref_communes WHERE variantes IS NOT NULL
) WHERE cle IS NOT NULL AND cle <> ''
GROUP BY cle HAVING count(DISTINCT code_insee) = 1;
`;

const dynamic = litList(CATEGORIES_DYNAMIQUES);
const outOfDenominator = litList(CATEGORIES_HORS_DENOMINATEUR);

/**
 * Analysis tables, rebuilt after every load (they are derived, never edited):
 * `v_parcours` gives each parcours its person's territory (commune of
 * residence → ETH → province), age band at entry and exit category (the row's
 * own, else derived from the motif via `ref_motifs`); `v_evenements_fa` holds
 * the events that make the file active, with the same territory and filter
 * columns. Materialised so that each filter change scans them once.
 *
 * For the competences and sector pages (queries/competences.ts, secteurs.ts):
 * `v_evaluations` (assessments with a level and a date) and `v_inscriptions`
 * carry their person's territory, sex and age band at the row's date;
 * `v_inscriptions` also says whether the participant exited a parcours in a
 * dynamic category within 12 months after the enrolment's date_sortie;
 * `v_reperage` holds the repérage signals of the plan (a competence barrier
 * identified or in progress, an entry into the competences dispositif) with
 * the parcours' filter columns.
 */
/**
 * The parcours columns `v_parcours` carries: those the indicators read.
 * Each text column of a million rows costs about 50 ms to write, at every
 * import; `commune_suivi`, `id_conseiller`, `motif_sortie` (read through
 * `categorie`), `categorie_sortie` (idem) and `situation_6_mois` stay in
 * `parcours`.
 */
const V_PARCOURS_COLUMNS = [
	'id_parcours', 'id_personne', 'structure', 'dispositif', 'date_premier_contact', 'date_entree', 'date_sortie', 'secteur_sortie', 'projet_secteur'
];

/** The analysis tables VIEWS_SQL builds. */
export const ANALYSIS_TABLES = ['v_parcours', 'v_evenements_fa', 'v_evaluations', 'v_inscriptions', 'v_reperage'] as const;

/**
 * The SQL building the analysis tables. `loaded`: the canonical tables that
 * may hold rows (all when omitted). The joins of `v_parcours` with a table
 * known to be empty are cut (`WHERE FALSE`): inside the import transaction
 * DuckDB estimates every new table at 0 rows, and hashed the million parcours
 * to join them with no event or barrier at all (0.6–0.9 s each).
 */
export function analysisTablesSql(loaded?: ReadonlySet<string>): string {
	const mayHoldRows = (table: TableName) => (!loaded || loaded.has(table) ? 'TRUE' : 'FALSE');
	return `
CREATE OR REPLACE TABLE v_parcours AS
SELECT ${V_PARCOURS_COLUMNS.map((c) => `p.${c}`).join(', ')},
  pe.sexe,
  pe.commune_residence AS code_insee,
  c.eth,
  c.province,
  coalesce(pe.tranche_age, age_band(year(p.date_entree) - pe.annee_naissance)) AS tranche_age,
  coalesce(p.categorie_sortie, m.categorie_sortie) AS categorie,
  coalesce(p.categorie_sortie, m.categorie_sortie) IN ${dynamic} AS est_dynamique,
  coalesce(coalesce(p.categorie_sortie, m.categorie_sortie) IN ${outOfDenominator}, FALSE) AS hors_denominateur
FROM parcours p
LEFT JOIN personnes pe ON pe.id_personne = p.id_personne
LEFT JOIN ref_communes c ON c.code_insee = pe.commune_residence
LEFT JOIN ref_motifs m ON m.motif_sortie = p.motif_sortie;
CREATE OR REPLACE TABLE v_evenements_fa AS
SELECT e.date, p.id_parcours, p.id_personne, p.code_insee, p.eth, p.province, p.structure, p.dispositif, p.sexe, p.tranche_age
FROM evenements e JOIN v_parcours p ON p.id_parcours = e.id_parcours
WHERE ${mayHoldRows('evenements')} AND coalesce(e.statut, 'realise') = 'realise' AND e.type IN ${litList(TYPES_FILE_ACTIVE)};
CREATE OR REPLACE TABLE v_evaluations AS
SELECT e.id_evaluation, e.id_personne, e.id_action, e.date, e.moment, e.public, e.referentiel, e.domaine, e.niveau,
  pe.commune_residence AS code_insee, c.eth, c.province, pe.sexe,
  coalesce(pe.tranche_age, age_band(year(e.date) - pe.annee_naissance)) AS tranche_age
FROM evaluations e
LEFT JOIN personnes pe ON pe.id_personne = e.id_personne
LEFT JOIN ref_communes c ON c.code_insee = pe.commune_residence
WHERE e.niveau IS NOT NULL AND e.date IS NOT NULL;
CREATE OR REPLACE TABLE v_inscriptions AS
SELECT i.*, a.type_action,
  pe.commune_residence AS code_insee, c.eth, c.province, pe.sexe,
  coalesce(pe.tranche_age, age_band(year(i.date_entree) - pe.annee_naissance)) AS tranche_age,
  i.date_entree IS NOT NULL AND i.date_sortie IS NOT NULL AND EXISTS (
    SELECT 1 FROM v_parcours p WHERE p.id_personne = i.id_personne AND p.est_dynamique
      AND p.date_sortie >= i.date_sortie AND p.date_sortie <= CAST(i.date_sortie + INTERVAL 12 MONTH AS DATE)
  ) AS sortie_dynamique
FROM inscriptions i
LEFT JOIN actions a ON a.id_action = i.id_action
LEFT JOIN personnes pe ON pe.id_personne = i.id_personne
LEFT JOIN ref_communes c ON c.code_insee = pe.commune_residence;
CREATE OR REPLACE TABLE v_reperage AS
SELECT p.id_personne, coalesce(f.date, p.date_entree) AS date, p.code_insee, p.eth, p.province,
  p.structure, p.dispositif, p.sexe, p.tranche_age
FROM freins f JOIN v_parcours p ON p.id_parcours = f.id_parcours
WHERE ${mayHoldRows('freins')} AND f.frein IN ${litList(FREINS_COMPETENCES)} AND coalesce(f.statut, 'identifie') IN ('identifie', 'en_cours')
UNION ALL
SELECT p.id_personne, p.date_entree, p.code_insee, p.eth, p.province, p.structure, p.dispositif, p.sexe, p.tranche_age
FROM v_parcours p WHERE p.dispositif = ${lit(DISPOSITIF_COMPETENCES)};
`;
}

/** The analysis tables' SQL when any table may hold rows. */
export const VIEWS_SQL = analysisTablesSql();
