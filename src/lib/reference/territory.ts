/**
 * The territory as the app knows it (communes, ETH, provinces, sectors), read
 * once from the reference tables so pages label and group consistently.
 */
import type { Engine } from '../db/engine';
import { COMMUNES_SQL, ETH_SQL, PROVINCES_SQL, SECTEURS_SQL } from '../queries/reference';

export interface Commune {
	code_insee: string;
	nom: string;
	nom_kanak: string | null;
	code_postal: string;
	province: string;
	province_secondaire: string | null;
	eth: string | null;
	aire_coutumiere: string | null;
	population: number;
	variantes: string | null;
}

export interface Eth {
	code: string;
	libelle: string;
	province: string;
	confirme: boolean;
}

export interface Province {
	code: string;
	libelle: string;
	libelle_court: string;
}

export interface Territory {
	communes: Commune[];
	eths: Eth[];
	provinces: Province[];
	secteurs: { code: string; libelle: string }[];
	communeByInseeCode: Map<string, Commune>;
}

/** Reads the territory reference from the engine. */
export async function readTerritory(engine: Engine): Promise<Territory> {
	const [communes, eths, provinces, secteurs] = await Promise.all([
		engine.query<Commune & Record<string, unknown>>(COMMUNES_SQL),
		engine.query<Eth & Record<string, unknown>>(ETH_SQL),
		engine.query<Province & Record<string, unknown>>(PROVINCES_SQL),
		engine.query<{ code: string; libelle: string }>(SECTEURS_SQL)
	]);
	return {
		communes,
		eths,
		provinces,
		secteurs,
		communeByInseeCode: new Map(communes.map((c) => [c.code_insee, c]))
	};
}

/** Display name of a commune: the double name where the province uses one (Koohnê / Koné). */
export function communeLabel(c: Pick<Commune, 'nom' | 'nom_kanak'>): string {
	return c.nom_kanak ? `${c.nom_kanak} / ${c.nom}` : c.nom;
}

/** Label of any territory code at a level. */
export function territoryLabel(t: Territory, level: 'commune' | 'eth' | 'province' | 'total', code: string | null): string {
	if (code === null) return 'Commune non reconnue';
	if (level === 'total') return 'Ensemble';
	if (level === 'commune') {
		const c = t.communeByInseeCode.get(code);
		return c ? communeLabel(c) : code;
	}
	if (level === 'eth') return t.eths.find((e) => e.code === code)?.libelle ?? code;
	return t.provinces.find((p) => p.code === code)?.libelle ?? code;
}
