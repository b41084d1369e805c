/**
 * Calendar helpers and the reference files the demo generator reads at run
 * time (data/communes.csv, data/secteurs.csv, data/motifs-sortie.csv).
 */
import { join } from 'node:path';
import { readCsvRecords } from '../lib/csv';

const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01, UTC) of an ISO date. */
export function dayOf(iso: string): number {
	return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

const isoCache = new Map<number, string>();
/** ISO date (YYYY-MM-DD) of a day number. */
export function isoOf(day: number): string {
	let iso = isoCache.get(day);
	if (iso === undefined) {
		iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
		isoCache.set(day, iso);
	}
	return iso;
}

/** Calendar year of a day number. */
export function yearOf(day: number): number {
	return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Month (1–12) of a day number. */
export function monthOf(day: number): number {
	return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

/** Moves a Saturday back to Friday and a Sunday on to Monday, staying within [min, max]. */
export function toWorkday(day: number, min = -Infinity, max = Infinity): number {
	const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
	const moved = weekday === 6 ? day - 1 : weekday === 0 ? day + 1 : day;
	return Math.min(max, Math.max(min, moved));
}

/** First day of the demo period. */
export const START_DAY = dayOf('2021-01-01');
/** Fixed end of the demo period (never the current date, so output is reproducible). */
export const END_DAY = dayOf('2026-10-31');
/** First and last demo years. */
export const FIRST_YEAR = 2021;
export const LAST_YEAR = 2026;
/** Start of the May 2024 unrest and closure of the KNS plant (Voh). */
export const UNREST_DAY = dayOf('2024-05-13');
export const KNS_CLOSURE_DAY = dayOf('2024-09-01');

/** Territorial zone used by the model: the four ETH, Grand Nouméa, the rest of the Sud, the Îles. */
export type Zone = 'grand_nord' | 'espace_ouest' | 'cote_oceanienne' | 'sud_minier' | 'ps_urbain' | 'ps_rural' | 'iles';

export interface Commune {
	code: string;
	nom: string;
	province: string;
	eth: string;
	population: number;
	zone: Zone;
	/** 0 = town or antenna, 1 = ordinary, 2 = remote (longer delays, fewer contacts). */
	remoteness: number;
}

export interface Reference {
	communes: Commune[];
	communeByCode: Map<string, Commune>;
	sectors: string[];
	sectorLabels: Map<string, string>;
	categoryByMotif: Map<string, string>;
	motifsByCategory: Map<string, string[]>;
}

const GRAND_NOUMEA = new Set(['98818', '98805', '98817', '98821']);
const TOWNS = new Set([...GRAND_NOUMEA, '98811', '98825', '98812', '98822']);
const REMOTE = new Set([
	'98801', '98826', '98819', '98824', '98807', '98833', '98804', '98832', '98809', '98829', '98814', '98815', '98820'
]);

function zoneOf(province: string, eth: string, code: string): Zone {
	if (province === 'PN') return eth as Zone;
	if (province === 'PIL') return 'iles';
	return GRAND_NOUMEA.has(code) ? 'ps_urbain' : 'ps_rural';
}

/** Reads the reference files the generator depends on and checks their basic shape. */
export function loadReference(dataDir: string): Reference {
	const communes = readCsvRecords(join(dataDir, 'communes.csv')).map((r): Commune => {
		const zone = zoneOf(r.province, r.eth, r.code_insee);
		return {
			code: r.code_insee,
			nom: r.nom,
			province: r.province,
			eth: r.eth,
			population: Number(r.population_2025),
			zone,
			remoteness: TOWNS.has(r.code_insee) ? 0 : REMOTE.has(r.code_insee) ? 2 : 1
		};
	});
	const valid = new Set(['grand_nord', 'espace_ouest', 'cote_oceanienne', 'sud_minier', 'ps_urbain', 'ps_rural', 'iles']);
	for (const c of communes) {
		if (!valid.has(c.zone) || !(c.population > 0)) throw new Error(`communes.csv : ligne invalide pour ${c.code}`);
	}
	const sectorRows = readCsvRecords(join(dataDir, 'secteurs.csv'));
	const sectors = sectorRows.map((r) => r.code);
	const motifs = readCsvRecords(join(dataDir, 'motifs-sortie.csv'));
	const categoryByMotif = new Map(motifs.map((r) => [r.motif_sortie, r.categorie_sortie]));
	const motifsByCategory = new Map<string, string[]>();
	for (const r of motifs) {
		motifsByCategory.set(r.categorie_sortie, [...(motifsByCategory.get(r.categorie_sortie) ?? []), r.motif_sortie]);
	}
	return {
		communes,
		communeByCode: new Map(communes.map((c) => [c.code, c])),
		sectors,
		sectorLabels: new Map(sectorRows.map((r) => [r.code, r.libelle])),
		categoryByMotif,
		motifsByCategory
	};
}
