/**
 * The filters one change away from the current ones, for the engine's
 * warm-up queries (see `db/cache.ts`): each variant changes one filter of the
 * filter bar, so the warm-up runs every shape of query a page can ask.
 */
import type { Filters } from '../queries/filters';
import type { Territory } from '../reference/territory';
import { DISPOSITIFS, SEXES, STRUCTURES, TRANCHES_AGE } from '../model/codes';

/** One variant per key of `values`: that filter set to its value when unset, cleared when set. */
export function toggled<S extends object>(scope: S, values: { [K in keyof S]?: S[K] }): S[] {
	return (Object.keys(values) as (keyof S)[]).map((k) => ({ ...scope, [k]: scope[k] ? null : values[k] }));
}

/** One variant per filter of the bar: set when unset, cleared when set; the period moves one year back. */
export function nextFilters(f: Filters, territory: Territory): Filters[] {
	const year = Number(f.au.slice(0, 4)) - 1;
	const province = f.province ?? territory.provinces[0]?.code ?? null;
	const eth = f.eth ?? territory.eths.find((e) => !province || e.province === province)?.code ?? null;
	const commune = f.commune ?? territory.communes.find((c) => !eth || c.eth === eth)?.code_insee ?? null;
	return [
		{ ...f, du: `${year}-01-01`, au: `${year}-12-31` },
		f.province ? { ...f, province: null, eth: null, commune: null } : { ...f, province },
		f.eth ? { ...f, eth: null, commune: null } : { ...f, eth },
		...toggled(f, {
			commune,
			sexe: SEXES[0],
			tranche_age: TRANCHES_AGE[0].code,
			dispositif: DISPOSITIFS[DISPOSITIFS.length - 1],
			structure: STRUCTURES[0]
		})
	];
}
