/**
 * The canonical schema (domain.md §3): one definition drives the DDL, the
 * import's casting and validation, the CLI and the docs.
 */
import * as codes from './codes';

export type ColumnType = 'VARCHAR' | 'DATE' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN';

export interface ColumnDef {
	name: string;
	type: ColumnType;
	/** Allowed code values (checked case-insensitively on import; others warned). */
	codes?: readonly string[];
	/** A row without this value is rejected. */
	required?: boolean;
	/** Holds a commune (INSEE code after matching). */
	commune?: boolean;
	/** Holds a person identifier (pseudonymised on import). */
	person?: boolean;
}

export interface ForeignKey {
	column: string;
	table: TableName;
}

export interface TableDef {
	name: TableName;
	/** French label shown to users. */
	label: string;
	/** Identifier column: missing or repeated → row rejected. */
	key?: string;
	columns: ColumnDef[];
	references?: ForeignKey[];
	/** Columns identifying a row when a new export updates the loaded data (default: `key`). */
	mergeKey?: string[];
}

/** The columns identifying a row of `def` for updates. */
export function mergeKeyOf(def: TableDef): string[] {
	return def.mergeKey ?? (def.key ? [def.key] : def.columns.map((c) => c.name));
}

export const TABLE_NAMES = [
	'personnes',
	'actions',
	'parcours',
	'evenements',
	'freins',
	'inscriptions',
	'evaluations',
	'objectifs'
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const v = (name: string, extra: Partial<ColumnDef> = {}): ColumnDef => ({ name, type: 'VARCHAR', ...extra });
const d = (name: string, extra: Partial<ColumnDef> = {}): ColumnDef => ({ name, type: 'DATE', ...extra });
const i = (name: string, extra: Partial<ColumnDef> = {}): ColumnDef => ({ name, type: 'INTEGER', ...extra });
const b = (name: string): ColumnDef => ({ name, type: 'BOOLEAN' });

/** Tables in load order: referenced tables come before the tables that refer to them. */
export const TABLES: readonly TableDef[] = [
	{
		name: 'personnes',
		label: 'Personnes',
		key: 'id_personne',
		columns: [
			v('id_personne', { required: true, person: true }),
			v('sexe', { codes: codes.SEXES }),
			i('annee_naissance'),
			v('tranche_age', { codes: codes.TRANCHES_AGE.map((t) => t.code) }),
			v('commune_residence', { commune: true }),
			v('lieu_vie', { codes: codes.LIEUX_VIE }),
			v('niveau_diplome', { codes: codes.NIVEAUX_DIPLOME }),
			v('situation_entree', { codes: codes.SITUATIONS_ENTREE }),
			b('handicap')
		]
	},
	{
		name: 'actions',
		label: 'Actions',
		key: 'id_action',
		columns: [
			v('id_action', { required: true }),
			i('annee'),
			v('intitule'),
			v('type_action', { codes: codes.TYPES_ACTION }),
			v('secteur'),
			v('organisme'),
			v('financeur'),
			v('procedure', { codes: codes.PROCEDURES }),
			v('commune_lieu', { commune: true }),
			d('date_debut'),
			d('date_fin'),
			i('heures'),
			i('places_prevues'),
			{ name: 'cout_prevu_xpf', type: 'BIGINT' },
			{ name: 'cout_realise_xpf', type: 'BIGINT' }
		]
	},
	{
		name: 'parcours',
		label: 'Parcours',
		key: 'id_parcours',
		references: [{ column: 'id_personne', table: 'personnes' }],
		columns: [
			v('id_parcours', { required: true }),
			v('id_personne', { required: true, person: true }),
			v('structure', { codes: codes.STRUCTURES }),
			v('dispositif', { codes: codes.DISPOSITIFS }),
			v('commune_suivi', { commune: true }),
			v('id_conseiller'),
			d('date_premier_contact'),
			d('date_entree', { required: true }),
			d('date_sortie'),
			v('motif_sortie'),
			v('categorie_sortie', { codes: codes.CATEGORIES_SORTIE }),
			v('secteur_sortie'),
			v('projet_secteur'),
			v('situation_6_mois', { codes: codes.SITUATIONS_6_MOIS })
		]
	},
	{
		name: 'evenements',
		label: 'Événements',
		key: 'id_evenement',
		references: [
			{ column: 'id_parcours', table: 'parcours' },
			{ column: 'id_action', table: 'actions' }
		],
		columns: [
			v('id_evenement', { required: true }),
			v('id_parcours', { required: true }),
			d('date', { required: true }),
			v('type', { codes: codes.TYPES_EVENEMENT }),
			v('statut', { codes: codes.STATUTS_EVENEMENT }),
			i('duree_min'),
			v('id_action')
		]
	},
	{
		name: 'freins',
		label: 'Freins',
		mergeKey: ['id_parcours', 'date', 'moment', 'frein'],
		references: [{ column: 'id_parcours', table: 'parcours' }],
		columns: [
			v('id_parcours', { required: true }),
			d('date'),
			v('moment', { codes: codes.MOMENTS_FREIN }),
			v('frein', { codes: codes.FREINS }),
			v('statut', { codes: codes.STATUTS_FREIN })
		]
	},
	{
		name: 'inscriptions',
		label: 'Inscriptions',
		key: 'id_inscription',
		references: [
			{ column: 'id_action', table: 'actions' },
			{ column: 'id_personne', table: 'personnes' }
		],
		columns: [
			v('id_inscription', { required: true }),
			v('id_action', { required: true }),
			v('id_personne', { required: true, person: true }),
			d('date_entree'),
			d('date_sortie'),
			v('statut_fin', { codes: codes.STATUTS_FIN }),
			i('heures_realisees'),
			b('certification_obtenue')
		]
	},
	{
		name: 'evaluations',
		label: 'Évaluations',
		key: 'id_evaluation',
		references: [
			{ column: 'id_personne', table: 'personnes' },
			{ column: 'id_action', table: 'actions' }
		],
		columns: [
			v('id_evaluation', { required: true }),
			v('id_personne', { required: true, person: true }),
			v('id_action'),
			d('date'),
			v('moment', { codes: codes.MOMENTS_EVALUATION }),
			v('public', { codes: codes.PUBLICS }),
			v('referentiel', { codes: codes.REFERENTIELS }),
			v('domaine'),
			i('niveau'),
			v('commune', { commune: true })
		]
	},
	{
		name: 'objectifs',
		label: 'Objectifs',
		mergeKey: ['annee', 'niveau_territoire', 'code_territoire', 'indicateur'],
		columns: [
			i('annee'),
			v('niveau_territoire', { codes: codes.NIVEAUX_TERRITOIRE }),
			v('code_territoire'),
			v('indicateur'),
			{ name: 'cible', type: 'DOUBLE' }
		]
	}
];

/** Looks a table definition up by name. */
export function tableDef(name: TableName): TableDef {
	const def = TABLES.find((t) => t.name === name);
	if (!def) throw new Error(`Table inconnue : ${name}`);
	return def;
}

/** True when `name` is one of the canonical tables. */
export function isTableName(name: string): name is TableName {
	return (TABLE_NAMES as readonly string[]).includes(name);
}
