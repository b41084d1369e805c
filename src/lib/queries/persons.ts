/**
 * The filter bar's conditions on a row about a person (an assessment, an
 * enrolment of `v_evaluations` / `v_inscriptions`, which carry the person's
 * territory of residence, sex and age band), and the grouping of rows by
 * territory level.
 */
import { lit } from './sql';
import type { Filters } from './filters';

/**
 * Conditions of the filter bar on rows of alias `x` (columns code_insee, eth,
 * province, sexe, tranche_age, id_personne). Structure and dispositif keep the
 * people having at least one parcours in that structure and dispositif (an
 * assessment or an enrolment has neither).
 */
export function personConditions(f: Filters, x: string): string {
	const parts = ['TRUE'];
	if (f.province) parts.push(`${x}.province = ${lit(f.province)}`);
	if (f.eth) parts.push(`${x}.eth = ${lit(f.eth)}`);
	if (f.commune) parts.push(`${x}.code_insee = ${lit(f.commune)}`);
	if (f.sexe) parts.push(`${x}.sexe = ${lit(f.sexe)}`);
	if (f.tranche_age) parts.push(`${x}.tranche_age = ${lit(f.tranche_age)}`);
	if (f.structure || f.dispositif) {
		const q: string[] = [];
		if (f.structure) q.push(`q.structure = ${lit(f.structure)}`);
		if (f.dispositif) q.push(`q.dispositif = ${lit(f.dispositif)}`);
		// An uncorrelated IN is planned as a plain semi join (a correlated EXISTS as a delim join, slower).
		parts.push(`${x}.id_personne IN (SELECT q.id_personne FROM parcours q WHERE ${q.join(' AND ')})`);
	}
	return parts.join(' AND ');
}

/** GROUPING SETS of the four territory levels over alias `a` (province, eth, code_insee). */
export function levelSets(a: string): string {
	return `GROUPING SETS ((), (${a}.province), (${a}.eth), (${a}.code_insee))`;
}

/** `niveau` and `cle` columns of a row grouped by {@link levelSets}. */
export function levelColumns(a: string): string {
	const g = `grouping(${a}.province, ${a}.eth, ${a}.code_insee)`;
	return `CASE ${g} WHEN 7 THEN 'total' WHEN 3 THEN 'province' WHEN 5 THEN 'eth' ELSE 'commune' END AS niveau,
    CASE ${g} WHEN 7 THEN 'total' WHEN 3 THEN ${a}.province WHEN 5 THEN ${a}.eth ELSE ${a}.code_insee END AS cle`;
}
