/**
 * The filters one change away from the current ones, for the engine's
 * warm-up queries (see `db/cache.ts`): each variant changes one filter of the
 * filter bar, so the warm-up runs every shape of query a page can ask.
 */
import type { Filters } from '../queries/filters';
import type { Territory } from '../reference/territory';
import { DISPOSITIFS, SEXES, STRUCTURES, TRANCHES_AGE } from '../model/codes';

/** One variant per filter of the bar: set when unset, cleared when set; the period moves one year back. */
export function nextFilters(f: Filters, territory: Territory): Filters[] {
	const year = Number(f.au.slice(0, 4)) - 1;
	const province = f.province ?? territory.provinces[0]?.code ?? null;
	const eth = f.eth ?? territory.eths.find((e) => !province || e.province === province)?.code ?? null;
	const commune = f.commune ?? territory.communes.find((c) => !eth || c.eth === eth)?.code_insee ?? null;
	const toggle = <K extends keyof Filters>(key: K, value: Filters[K]): Filters => ({ ...f, [key]: f[key] ? null : value });
	return [
		{ ...f, du: `${year}-01-01`, au: `${year}-12-31` },
		f.province ? { ...f, province: null, eth: null, commune: null } : { ...f, province },
		f.eth ? { ...f, eth: null, commune: null } : { ...f, eth },
		toggle('commune', commune),
		toggle('sexe', SEXES[0]),
		toggle('tranche_age', TRANCHES_AGE[0].code),
		toggle('dispositif', DISPOSITIFS[DISPOSITIFS.length - 1]),
		toggle('structure', STRUCTURES[0])
	];
}
