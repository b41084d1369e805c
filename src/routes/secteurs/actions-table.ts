/**
 * The actions table of the Secteurs page as pure functions: its columns,
 * search, sort and the CSV export (masked values stay « s »). The component
 * only renders what these return.
 */
import type { MaskedAction } from '$lib/panels/secteurs';
import { csvDocument, csvNumber } from '$lib/format/csv';
import { formatDate, formatInteger, formatPercent, formatXpf } from '$lib/format/number';
import { compareFr } from '$lib/format/text';
import { TYPE_ACTION_LABELS, labelOf } from '$lib/model/labels';
import { isMasked, type Cell } from '$lib/secrecy/policy';

export type ColumnKind = 'text' | 'date' | 'integer' | 'percent' | 'xpf';

export interface ActionColumn {
	key: string;
	label: string;
	kind: ColumnKind;
	/** Shown on screen (every column goes to the CSV). */
	screen: boolean;
}

export const ACTION_COLUMNS: readonly ActionColumn[] = [
	{ key: 'id_action', label: 'Identifiant', kind: 'text', screen: false },
	{ key: 'intitule', label: 'Intitulé', kind: 'text', screen: true },
	{ key: 'type_action', label: 'Type', kind: 'text', screen: true },
	{ key: 'secteur', label: 'Secteur', kind: 'text', screen: true },
	{ key: 'organisme', label: 'Organisme', kind: 'text', screen: false },
	{ key: 'financeur', label: 'Financeur', kind: 'text', screen: false },
	{ key: 'commune_lieu', label: 'Lieu', kind: 'text', screen: false },
	{ key: 'date_debut', label: 'Début', kind: 'date', screen: true },
	{ key: 'date_fin', label: 'Fin', kind: 'date', screen: false },
	{ key: 'heures', label: 'Heures', kind: 'integer', screen: false },
	{ key: 'places_prevues', label: 'Places', kind: 'integer', screen: true },
	{ key: 'entrees', label: 'Entrées', kind: 'integer', screen: true },
	{ key: 'taux_remplissage', label: 'Remplissage', kind: 'percent', screen: true },
	{ key: 'abandons', label: 'Abandons', kind: 'integer', screen: false },
	{ key: 'taux_abandon', label: 'Abandon', kind: 'percent', screen: true },
	{ key: 'cout_prevu_xpf', label: 'Coût prévu', kind: 'xpf', screen: false },
	{ key: 'cout_realise_xpf', label: 'Coût réalisé', kind: 'xpf', screen: true },
	{ key: 'cout_par_participant_xpf', label: 'Coût par participant', kind: 'xpf', screen: true },
	{ key: 'sorties_dynamiques', label: 'Sorties dynamiques', kind: 'integer', screen: true },
	{ key: 'cout_par_sortie_dynamique_xpf', label: 'Coût par sortie dynamique', kind: 'xpf', screen: true }
];

/** Turns codes into what users read (sector and commune labels come from the reference). */
export interface ActionLabels {
	secteur: (code: string | null) => string;
	commune: (code: string | null) => string;
}

/** Display text of a text column. */
export function textOf(row: MaskedAction, key: string, labels: ActionLabels): string {
	const v = (row as Record<string, unknown>)[key];
	if (key === 'type_action') return labelOf(TYPE_ACTION_LABELS, v as string | null);
	if (key === 'secteur') return labels.secteur(v as string | null);
	if (key === 'commune_lieu') return labels.commune(v as string | null);
	return v === null || v === undefined ? '' : String(v);
}

/** The formatter of a numeric column for the screen. */
export function formatOf(kind: ColumnKind): (c: Cell | undefined) => string {
	return kind === 'percent' ? formatPercent : kind === 'xpf' ? formatXpf : formatInteger;
}

/** Rows whose title, organisme, financeur, type, sector or place contains every word of `query` (accents and case ignored). */
export function searchActions(rows: readonly MaskedAction[], query: string, labels: ActionLabels): MaskedAction[] {
	const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
	const words = fold(query).split(/\s+/).filter(Boolean);
	if (!words.length) return [...rows];
	return rows.filter((r) => {
		const text = fold(['intitule', 'organisme', 'financeur', 'type_action', 'secteur', 'commune_lieu', 'id_action'].map((k) => textOf(r, k, labels)).join(' '));
		return words.every((w) => text.includes(w));
	});
}

export type SortDirection = 'asc' | 'desc';

/**
 * Rows sorted on one column. Text in French order; numbers by value with
 * masked values after the published ones and missing values last, so a
 * sort never places a « s » where its value would reveal it.
 */
export function sortActions(rows: readonly MaskedAction[], key: string, direction: SortDirection, labels: ActionLabels): MaskedAction[] {
	const column = ACTION_COLUMNS.find((c) => c.key === key);
	const sign = direction === 'asc' ? 1 : -1;
	const rank = (v: unknown) => (typeof v === 'number' ? 0 : isMasked(v) ? 1 : 2);
	return [...rows].sort((a, b) => {
		if (!column || column.kind === 'text' || column.kind === 'date') {
			const ta = column?.kind === 'date' ? String((a as Record<string, unknown>)[key] ?? '') : textOf(a, key, labels);
			const tb = column?.kind === 'date' ? String((b as Record<string, unknown>)[key] ?? '') : textOf(b, key, labels);
			return sign * compareFr(ta, tb) || String(a.id_action).localeCompare(String(b.id_action));
		}
		const va = (a as Record<string, unknown>)[key];
		const vb = (b as Record<string, unknown>)[key];
		const byRank = rank(va) - rank(vb);
		if (byRank) return byRank;
		if (typeof va === 'number' && typeof vb === 'number' && va !== vb) return sign * (va - vb);
		return String(a.id_action).localeCompare(String(b.id_action));
	});
}

/** The CSV of the actions (all columns), rates in %, amounts in XPF, masked values « s ». */
export function actionsCsv(rows: readonly MaskedAction[], labels: ActionLabels, notes: readonly string[]): string {
	const header = ACTION_COLUMNS.map((c) => (c.kind === 'percent' ? `${c.label} (%)` : c.kind === 'xpf' ? `${c.label} (XPF)` : c.label));
	const body = rows.map((r) =>
		ACTION_COLUMNS.map((c) => {
			const v = (r as Record<string, unknown>)[c.key];
			if (c.kind === 'text') return textOf(r, c.key, labels);
			if (c.kind === 'date') return formatDate(v as string | null).replace('–', '');
			return csvNumber(v as Cell, c.kind === 'xpf' ? 0 : 1, c.kind === 'percent' ? 100 : 1);
		})
	);
	return csvDocument(header, body, notes);
}
