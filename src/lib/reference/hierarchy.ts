/**
 * Arranges indicator rows of the four levels (total, province, ETH, commune)
 * into one ordered table where each row knows the row holding its total:
 * what secondary secrecy and the territory tables need.
 */
import type { Territory } from './territory';
import { communeLabel } from './territory';
import { compareFr } from '../format/text';

export type TerritoryLevel = 'total' | 'province' | 'eth' | 'commune';

export interface TerritoryRow<R> {
	niveau: TerritoryLevel;
	/** Unique key: `total`, `province:PN`, `eth:espace_ouest`, `commune:98811`, `commune:inconnue`. */
	cle: string;
	parent: string | null;
	code: string | null;
	libelle: string;
	profondeur: number;
	valeurs: R;
}

export interface LevelResults<R> {
	total: R[];
	province: R[];
	eth: R[];
	commune: R[];
}

/**
 * Builds the ordered hierarchy. `codeOf` reads a result row's territory code
 * (NULL at commune level = commune not recognised).
 */
export function territoryHierarchy<R>(
	territory: Territory,
	results: LevelResults<R>,
	codeOf: (row: R) => string | null
): TerritoryRow<R>[] {
	const byCode = (rows: R[]) => new Map(rows.map((r) => [codeOf(r), r]));
	const provinces = byCode(results.province);
	const eths = byCode(results.eth);
	const communes = byCode(results.commune);
	const out: TerritoryRow<R>[] = [];
	const total = results.total[0];
	if (!total) return out;
	out.push({ niveau: 'total', cle: 'total', parent: null, code: null, libelle: 'Ensemble', profondeur: 0, valeurs: total });
	const pushCommune = (code: string, parent: string, depth: number) => {
		const row = communes.get(code);
		const c = territory.communeByInseeCode.get(code)!;
		if (row) out.push({ niveau: 'commune', cle: `commune:${code}`, parent, code, libelle: communeLabel(c), profondeur: depth, valeurs: row });
	};
	for (const p of territory.provinces) {
		const row = provinces.get(p.code);
		if (!row) continue;
		const pKey = `province:${p.code}`;
		out.push({ niveau: 'province', cle: pKey, parent: 'total', code: p.code, libelle: p.libelle, profondeur: 1, valeurs: row });
		const pCommunes = territory.communes.filter((c) => c.province === p.code).sort((a, b) => compareFr(a.nom, b.nom));
		for (const e of territory.eths.filter((e) => e.province === p.code)) {
			const eRow = eths.get(e.code);
			if (!eRow) continue;
			const eKey = `eth:${e.code}`;
			out.push({ niveau: 'eth', cle: eKey, parent: pKey, code: e.code, libelle: `ETH ${e.libelle}`, profondeur: 2, valeurs: eRow });
			for (const c of pCommunes.filter((c) => c.eth === e.code)) pushCommune(c.code_insee, eKey, 3);
		}
		for (const c of pCommunes.filter((c) => !c.eth || !eths.has(c.eth))) pushCommune(c.code_insee, pKey, 2);
	}
	const unknown = communes.get(null);
	if (unknown) {
		out.push({
			niveau: 'commune',
			cle: 'commune:inconnue',
			parent: 'total',
			code: null,
			libelle: 'Commune non reconnue',
			profondeur: 1,
			valeurs: unknown
		});
	}
	return out;
}
