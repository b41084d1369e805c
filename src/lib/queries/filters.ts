/**
 * The filter bar's state as the queries see it, and the SQL conditions it
 * implies. Territory = the person's commune of residence (domain.md §4).
 */
import { dateLit, lit } from './sql';

export interface Filters {
	/** Period start, ISO date, inclusive. */
	du: string;
	/** Period end, ISO date, inclusive. */
	au: string;
	province?: string | null;
	eth?: string | null;
	commune?: string | null;
	structure?: string | null;
	dispositif?: string | null;
	sexe?: string | null;
	tranche_age?: string | null;
}

/** Level at which indicators are grouped. */
export type Level = 'total' | 'commune' | 'eth' | 'province';

/** Filter columns of `v_parcours` and the filter keys they answer. */
const SCOPE_COLUMNS = [
	['province', 'province'],
	['eth', 'eth'],
	['commune', 'code_insee'],
	['structure', 'structure'],
	['dispositif', 'dispositif'],
	['sexe', 'sexe'],
	['tranche_age', 'tranche_age']
] as const;

/** WHERE conditions on `v_parcours` (alias `alias`) for every filter except the period. */
export function scopeConditions(f: Filters, alias = 'p'): string {
	const parts = ['TRUE'];
	for (const [key, column] of SCOPE_COLUMNS) {
		const value = f[key];
		if (value) parts.push(`${alias}.${column} = ${lit(value)}`);
	}
	return parts.join(' AND ');
}

/** `column BETWEEN du AND au` (both ends inclusive). */
export function inPeriod(column: string, f: Pick<Filters, 'du' | 'au'>): string {
	return `${column} BETWEEN ${dateLit(f.du)} AND ${dateLit(f.au)}`;
}

/** SQL expression of the grouping key at `level` over `v_parcours` alias `alias`. */
export function levelKey(level: Level, alias = 'p'): string {
	switch (level) {
		case 'total':
			return `'total'`;
		case 'commune':
			return `${alias}.code_insee`;
		case 'eth':
			return `${alias}.eth`;
		case 'province':
			return `${alias}.province`;
	}
}

/** Conditions on `ref_communes` (alias `c`) for the territory filters, for populations. */
export function territoryConditions(f: Filters, alias = 'c'): string {
	const parts = ['TRUE'];
	if (f.province) parts.push(`${alias}.province = ${lit(f.province)}`);
	if (f.eth) parts.push(`${alias}.eth = ${lit(f.eth)}`);
	if (f.commune) parts.push(`${alias}.code_insee = ${lit(f.commune)}`);
	return parts.join(' AND ');
}

/** The period of the same length just before `f` (whole months shift by months). */
export function previousPeriod(f: Pick<Filters, 'du' | 'au'>): { du: string; au: string } {
	const du = new Date(f.du + 'T00:00:00Z');
	const au = new Date(f.au + 'T00:00:00Z');
	const nextDay = new Date(au.getTime() + 86_400_000);
	const iso = (d: Date) => d.toISOString().slice(0, 10);
	if (du.getUTCDate() === 1 && nextDay.getUTCDate() === 1) {
		const months =
			(nextDay.getUTCFullYear() - du.getUTCFullYear()) * 12 + (nextDay.getUTCMonth() - du.getUTCMonth());
		const start = new Date(Date.UTC(du.getUTCFullYear(), du.getUTCMonth() - months, 1));
		return { du: iso(start), au: iso(new Date(du.getTime() - 86_400_000)) };
	}
	const days = Math.round((au.getTime() - du.getTime()) / 86_400_000) + 1;
	return {
		du: iso(new Date(du.getTime() - days * 86_400_000)),
		au: iso(new Date(du.getTime() - 86_400_000))
	};
}
