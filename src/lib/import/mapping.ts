/**
 * Column mapping: recognises which canonical table a file holds and which
 * canonical column each header is, drops personal data, and reads/writes the
 * reusable mapping profile (JSON, shared with the CLI).
 */
import { TABLES, tableDef, type TableName } from '../model/schema';
import { normaliseHeader } from './dataset';
import { BIRTH_DATE_HEADERS, COLUMN_SYNONYMS, PERSONAL_HEADERS } from './synonyms';
import type { ColumnMapping } from './load-table';

/** The mapping profile saved for next month's export (format documented in the README). */
export interface MappingProfile {
	/** File name → canonical table. */
	fichiers: Record<string, string>;
	/** Table → source header → canonical column ('' = ignore). */
	colonnes: Record<string, Record<string, string>>;
	/** `table.colonne` → source value → canonical code. */
	valeurs: Record<string, Record<string, string>>;
}

export const EMPTY_PROFILE: MappingProfile = { fichiers: {}, colonnes: {}, valeurs: {} };

export type DecisionReason = 'profil' | 'canonique' | 'synonyme' | 'donnee_personnelle' | 'date_naissance' | 'non_reconnue';

/** What happens to one source column. */
export interface ColumnDecision {
	header: string;
	index: number;
	/** Canonical column, or null when the column is not loaded. */
	target: string | null;
	reason: DecisionReason;
}

const FILE_HINTS: [TableName, string[]][] = [
	['evenements', ['evenement', 'rdv', 'rendez_vous', 'entretien', 'agenda']],
	['inscriptions', ['inscription', 'stagiaire', 'participant']],
	['evaluations', ['evaluation', 'positionnement', 'competence', 'test']],
	['objectifs', ['objectif', 'cible']],
	['freins', ['frein', 'difficulte']],
	['actions', ['action', 'formation', 'commande']],
	['parcours', ['parcours', 'accompagnement', 'dossier', 'suivi']],
	['personnes', ['personne', 'beneficiaire', 'usager', 'public', 'individu']]
];

/** Canonical column a normalised header designates in `table`, and how. */
function matchHeader(table: TableName, normalised: string): { target: string; reason: DecisionReason } | null {
	const def = tableDef(table);
	if (def.columns.some((c) => c.name === normalised)) return { target: normalised, reason: 'canonique' };
	for (const [column, synonyms] of Object.entries(COLUMN_SYNONYMS[table] ?? {})) {
		if (synonyms.includes(normalised)) return { target: column, reason: 'synonyme' };
	}
	return null;
}

/** Decides each column of a file for `table`: profile first, then names and synonyms. */
export function proposeMapping(table: TableName, header: string[], profile: MappingProfile = EMPTY_PROFILE): ColumnDecision[] {
	const fromProfile = profile.colonnes[table] ?? {};
	const taken = new Set<string>();
	const decisions = header.map((h, index): ColumnDecision => {
		const n = normaliseHeader(h);
		if (PERSONAL_HEADERS.includes(n)) return { header: h, index, target: null, reason: 'donnee_personnelle' };
		if (h in fromProfile) {
			const target = fromProfile[h] || null;
			return { header: h, index, target, reason: 'profil' };
		}
		if (BIRTH_DATE_HEADERS.includes(n) && tableDef(table).columns.some((c) => c.name === 'annee_naissance')) {
			return { header: h, index, target: 'annee_naissance', reason: 'date_naissance' };
		}
		const m = matchHeader(table, n);
		return m ? { header: h, index, ...m } : { header: h, index, target: null, reason: 'non_reconnue' };
	});
	// One source column per canonical column: profile, then exact names, then synonyms win.
	const rank: Record<DecisionReason, number> = { profil: 0, canonique: 1, date_naissance: 2, synonyme: 3, donnee_personnelle: 9, non_reconnue: 9 };
	for (const d of [...decisions].sort((a, b) => rank[a.reason] - rank[b.reason] || a.index - b.index)) {
		if (!d.target) continue;
		if (taken.has(d.target)) {
			d.target = null;
			d.reason = 'non_reconnue';
		} else taken.add(d.target);
	}
	return decisions;
}

/** Guesses the table of a file from the profile, its name, then its columns; null when unsure. */
export function recogniseTable(fileName: string, header: string[], profile: MappingProfile = EMPTY_PROFILE): TableName | null {
	const known = profile.fichiers[fileName];
	if (known && TABLES.some((t) => t.name === known)) return known as TableName;
	const base = normaliseHeader(fileName.replace(/\.[a-z0-9]+$/i, ''));
	const exact = TABLES.find((t) => base === t.name);
	if (exact) return exact.name;
	let best: { table: TableName; score: number } | null = null;
	for (const def of TABLES) {
		const decisions = proposeMapping(def.name, header, profile);
		const mapped = new Set(decisions.filter((d) => d.target).map((d) => d.target));
		if (def.key && !mapped.has(def.key)) continue;
		const required = def.columns.filter((c) => c.required).every((c) => mapped.has(c.name));
		const hint = FILE_HINTS.find(([t]) => t === def.name)?.[1].some((w) => base.includes(w)) ? 3 : 0;
		const score = mapped.size / def.columns.length + (required ? 1 : 0) + hint;
		if (!best || score > best.score) best = { table: def.name, score };
	}
	return best && best.score >= 1.3 ? best.table : null;
}

/** The loader's view of decisions: canonical → source index, plus dropped and ignored headers. */
export function toColumnMapping(decisions: ColumnDecision[]): {
	mapping: ColumnMapping;
	dropped: string[];
	ignored: string[];
	birthDateColumn: boolean;
} {
	const mapping: ColumnMapping = {};
	for (const d of decisions) if (d.target) mapping[d.target] = d.index;
	return {
		mapping,
		dropped: decisions.filter((d) => d.reason === 'donnee_personnelle').map((d) => d.header),
		ignored: decisions.filter((d) => !d.target && d.reason !== 'donnee_personnelle').map((d) => d.header),
		birthDateColumn: decisions.some((d) => d.target && d.reason === 'date_naissance')
	};
}

/** Records a file's table and column decisions into a profile (returns a new profile). */
export function rememberMapping(profile: MappingProfile, fileName: string, table: TableName, decisions: ColumnDecision[]): MappingProfile {
	const colonnes = { ...(profile.colonnes[table] ?? {}) };
	for (const d of decisions) {
		if (d.reason === 'donnee_personnelle') continue;
		colonnes[d.header] = d.target ?? '';
	}
	return {
		fichiers: { ...profile.fichiers, [fileName]: table },
		colonnes: { ...profile.colonnes, [table]: colonnes },
		valeurs: profile.valeurs
	};
}

/** Reads a profile from JSON text, with a French error when it is not one. */
export function parseProfile(text: string): MappingProfile {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new Error('Ce fichier n’est pas un profil de correspondance valide (JSON illisible).');
	}
	const p = json as Partial<MappingProfile>;
	if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new Error('Profil de correspondance invalide : objet JSON attendu.');
	for (const key of ['fichiers', 'colonnes', 'valeurs'] as const) {
		if (p[key] !== undefined && (typeof p[key] !== 'object' || p[key] === null)) {
			throw new Error(`Profil de correspondance invalide : « ${key} » doit être un objet.`);
		}
	}
	return { fichiers: p.fichiers ?? {}, colonnes: p.colonnes ?? {}, valeurs: p.valeurs ?? {} };
}
