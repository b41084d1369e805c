/**
 * Targets vs achieved for the competences page: the yearly targets of
 * `objectifs` with the achieved count (secrecy applied along the territory
 * hierarchy) and an on-track / behind signal.
 */
import type { Engine } from '../db/engine';
import type { Filters } from '../queries/filters';
import { objectivesSql, OBJECTIVE_MEASURES, type ObjectiveRow } from '../queries/objectifs';
import { applySecrecy } from '../secrecy/apply';
import { DEFAULT_POLICY, isMasked, type Cell, type SecrecyPolicy } from '../secrecy/policy';
import type { Territory } from '../reference/territory';

/**
 * - atteint / non_atteint: the year is over (in the data) and the target is met or not;
 * - trajectoire / retard: the year is under way; achieved vs the target prorated to the elapsed days;
 * - a_venir: no data yet for that year; secret: the achieved count is masked.
 */
export type ObjectiveSignal = 'atteint' | 'non_atteint' | 'trajectoire' | 'retard' | 'a_venir' | 'secret';

export const SIGNAL_LABELS: Record<ObjectiveSignal, string> = {
	atteint: 'Atteint',
	non_atteint: 'Non atteint',
	trajectoire: 'Dans la trajectoire',
	retard: 'En retard',
	a_venir: 'À venir',
	secret: 'Non diffusé'
};

const DAY = 86_400_000;

/** Share of year `annee` covered by data ending on `dataEnd` (0–1). */
export function elapsedShare(annee: number, dataEnd: string): number {
	const start = Date.UTC(annee, 0, 1);
	const next = Date.UTC(annee + 1, 0, 1);
	const end = Date.parse(dataEnd + 'T00:00:00Z') + DAY;
	return Math.min(1, Math.max(0, (end - start) / (next - start)));
}

/** The signal of one target, from the achieved count after secrecy and the end of the data. */
export function objectiveSignal(realise: Cell, cible: number, annee: number, dataEnd: string): ObjectiveSignal {
	if (isMasked(realise)) return 'secret';
	const share = elapsedShare(annee, dataEnd);
	if (share === 0) return 'a_venir';
	const achieved = realise ?? 0;
	if (share === 1) return achieved >= cible ? 'atteint' : 'non_atteint';
	return achieved >= cible * share ? 'trajectoire' : 'retard';
}

export interface ObjectiveView extends Omit<ObjectiveRow, 'cible' | 'realise'> {
	cible: Cell;
	/** Achieved count after secrecy. */
	realise: Cell;
	/** Achieved ÷ target (null when masked). */
	taux_atteinte: number | null;
	/** Target prorated to the elapsed part of the year (= target for a complete year). */
	cible_a_date: number;
	signal: ObjectiveSignal;
}

const key = (r: ObjectiveRow, level: string, code: string) => `${r.annee}|${r.indicateur}|${level}:${code}`;

/** Parent key of a target row: ETH → its province, commune → its ETH (else province). */
function parentKey(r: ObjectiveRow, territory: Territory, present: Set<string>): string | null {
	if (r.niveau_territoire === 'province') return null;
	if (r.niveau_territoire === 'eth') {
		const province = territory.eths.find((e) => e.code === r.code_territoire)?.province;
		return province && present.has(key(r, 'province', province)) ? key(r, 'province', province) : null;
	}
	const c = territory.communeByInseeCode.get(r.code_territoire);
	if (!c) return null;
	if (c.eth && present.has(key(r, 'eth', c.eth))) return key(r, 'eth', c.eth);
	return present.has(key(r, 'province', c.province)) ? key(r, 'province', c.province) : null;
}

/** Whether a target's territory is on the path of, or inside, the territory chosen in the filters. */
export function objectiveInScope(r: Pick<ObjectiveRow, 'niveau_territoire' | 'code_territoire'>, f: Filters, territory: Territory): boolean {
	const code = r.code_territoire;
	const communes = territory.communes.filter((c) =>
		r.niveau_territoire === 'commune' ? c.code_insee === code : r.niveau_territoire === 'eth' ? c.eth === code : c.province === code
	);
	if (f.commune) return communes.some((c) => c.code_insee === f.commune);
	if (f.eth) return r.niveau_territoire === 'province' ? communes.some((c) => c.eth === f.eth) : communes.every((c) => c.eth === f.eth) && communes.length > 0;
	if (f.province) return communes.length > 0 && communes.every((c) => c.province === f.province);
	return true;
}

/**
 * Targets of the calendar years of the period for the followed indicators,
 * in the filters' territory, with achieved counts (whole years, residence)
 * masked along the hierarchy province → ETH → commune, and a signal.
 */
export async function objectivesData(
	engine: Engine,
	f: Filters,
	dataEnd: string,
	territory: Territory,
	policy: SecrecyPolicy = DEFAULT_POLICY
): Promise<ObjectiveView[]> {
	// Every year in one query that no filter changes (the engine's cache answers the next changes); then the period's years.
	const [from, to] = [Number(f.du.slice(0, 4)), Number(f.au.slice(0, 4))];
	const rows = (await engine.query<ObjectiveRow & Record<string, unknown>>(objectivesSql())).filter(
		(r) => r.annee >= from && r.annee <= to
	);
	const present = new Set(rows.map((r) => key(r, r.niveau_territoire, r.code_territoire)));
	const masked = applySecrecy(rows, OBJECTIVE_MEASURES, policy, {
		key: (r) => key(r, r.niveau_territoire, r.code_territoire),
		parent: (r) => parentKey(r, territory, present)
	});
	const provinceOf = (r: Pick<ObjectiveRow, 'niveau_territoire' | 'code_territoire'>) =>
		r.niveau_territoire === 'province'
			? r.code_territoire
			: r.niveau_territoire === 'eth'
				? territory.eths.find((e) => e.code === r.code_territoire)?.province
				: territory.communeByInseeCode.get(r.code_territoire)?.province;
	const provinceRank = (r: Pick<ObjectiveRow, 'niveau_territoire' | 'code_territoire'>) => {
		const i = territory.provinces.findIndex((p) => p.code === provinceOf(r));
		return i < 0 ? territory.provinces.length : i;
	};
	const levelRank = { province: 0, eth: 1, commune: 2 };
	return masked
		.map((m, i): ObjectiveView => {
			const raw = rows[i];
			return {
				annee: raw.annee,
				niveau_territoire: raw.niveau_territoire,
				code_territoire: raw.code_territoire,
				indicateur: raw.indicateur,
				cible: m.cible,
				realise: m.realise,
				taux_atteinte: typeof m.realise === 'number' && raw.cible > 0 ? m.realise / raw.cible : null,
				cible_a_date: raw.cible * elapsedShare(raw.annee, dataEnd),
				signal: objectiveSignal(m.realise, raw.cible, raw.annee, dataEnd)
			};
		})
		.filter((r) => objectiveInScope(r, f, territory))
		.sort(
			(a, b) =>
				a.annee - b.annee ||
				a.indicateur.localeCompare(b.indicateur) ||
				provinceRank(a) - provinceRank(b) ||
				levelRank[a.niveau_territoire] - levelRank[b.niveau_territoire] ||
				a.code_territoire.localeCompare(b.code_territoire)
		);
}
