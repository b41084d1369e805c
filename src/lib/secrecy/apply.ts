/**
 * Applies the secrecy policy to result rows before anything displays or
 * exports them: primary suppression of small counts, rates and statistics
 * over small denominators, and secondary suppression within groups whose total
 * is published (communes under their ETH, months under their year, …).
 */
import { DEFAULT_POLICY, isMasked, type Cell, type SecrecyPolicy } from './policy';

/** How a column is protected. */
export type Measure =
	| { kind: 'count' }
	| { kind: 'rate'; denominator: string }
	| { kind: 'stat'; n: string }
	/** Proportional to a count over a public base (e.g. coverage per 1,000 inhabitants): hidden with it. */
	| { kind: 'follows'; count: string }
	| { kind: 'public' };

export type Measures = Record<string, Measure>;

/** A row after secrecy: measured columns become Cells, the rest is unchanged. */
export type MaskedRow<R> = { [K in keyof R]: R[K] extends number | null ? Cell : R[K] };

/**
 * Hierarchy for secondary suppression: each row's key and the key of the row
 * holding its published total (null for the top). Rows sharing a parent form a
 * group whose sum is that parent's value.
 */
export interface Hierarchy<R> {
	key: (row: R) => string;
	parent: (row: R) => string | null;
}

function primary(value: unknown, measure: Measure, row: Record<string, unknown>, policy: SecrecyPolicy): Cell {
	if (value === null || value === undefined) return null;
	const v = value as number;
	switch (measure.kind) {
		case 'count':
			return v >= 1 && v < policy.effectif_min ? { secret: 'effectif' } : v;
		case 'rate': {
			const d = row[measure.denominator] as number | null;
			return d === null || d === undefined || d < policy.denominateur_min ? { secret: 'denominateur' } : v;
		}
		case 'stat': {
			const n = row[measure.n] as number | null;
			return n === null || n === undefined || n < policy.denominateur_min ? { secret: 'denominateur' } : v;
		}
		default:
			return v;
	}
}

/**
 * Counts of one row that add up (e.g. positioned = paired + attrition): when
 * the total is published, one hidden part must not be recomputable from it.
 */
export interface RowSum {
	total: string;
	parts: string[];
}

/** Secondary suppression of one count column over a hierarchy, to a fixed point; true when it masked a cell. */
function secondary<R>(rows: MaskedRow<R>[], raw: R[], column: string, h: Hierarchy<R>): boolean {
	const cell = (i: number) => (rows[i] as Record<string, Cell>)[column];
	const mask = (i: number) => ((rows[i] as Record<string, Cell>)[column] = { secret: 'secondaire' });
	const indexByKey = new Map(raw.map((r, i) => [h.key(r), i]));
	const children = new Map<string, number[]>();
	raw.forEach((r, i) => {
		const p = h.parent(r);
		if (p === null || !indexByKey.has(p)) return;
		children.set(p, [...(children.get(p) ?? []), i]);
	});
	let changed = true;
	let any = false;
	while (changed) {
		changed = false;
		for (const [parentKey, kids] of children) {
			const parentIndex = indexByKey.get(parentKey)!;
			if (isMasked(cell(parentIndex))) continue;
			const hidden = kids.filter((i) => isMasked(cell(i)));
			if (hidden.length !== 1) continue;
			const candidates = kids
				.filter((i) => !isMasked(cell(i)) && typeof cell(i) === 'number' && (cell(i) as number) > 0)
				.sort((a, b) => (cell(a) as number) - (cell(b) as number) || h.key(raw[a]).localeCompare(h.key(raw[b])));
			if (candidates.length) mask(candidates[0]);
			else mask(parentIndex);
			changed = true;
			any = true;
		}
	}
	return any;
}

/** Secondary suppression within each row for one sum; true when it masked a cell. */
function rowSecondary(rows: Record<string, Cell>[], sum: RowSum): boolean {
	let any = false;
	for (const row of rows) {
		const total = row[sum.total];
		if (typeof total !== 'number') continue;
		const hidden = sum.parts.filter((p) => isMasked(row[p]));
		if (hidden.length !== 1) continue;
		const candidates = sum.parts
			.filter((p) => typeof row[p] === 'number' && (row[p] as number) > 0)
			.sort((a, b) => (row[a] as number) - (row[b] as number));
		row[candidates.length ? candidates[0] : sum.total] = { secret: 'secondaire' };
		any = true;
	}
	return any;
}

/**
 * Masks `rows` according to `measures` and `policy`. With a hierarchy (and/or
 * sums within a row) and secondary secrecy on, no masked count can be
 * recomputed from a published total and the other published cells of its group.
 */
export function applySecrecy<R extends object>(
	rows: R[],
	measures: Measures,
	policy: SecrecyPolicy = DEFAULT_POLICY,
	hierarchy?: Hierarchy<R>,
	rowSums: readonly RowSum[] = []
): MaskedRow<R>[] {
	const masked = rows.map((row) => {
		const out = { ...row } as Record<string, unknown>;
		for (const [column, measure] of Object.entries(measures)) {
			if (column in out) out[column] = primary(out[column], measure, row as unknown as Record<string, unknown>, policy);
		}
		return out as MaskedRow<R>;
	});
	if (policy.secret_secondaire && (hierarchy || rowSums.length)) {
		let changed = true;
		while (changed) {
			changed = false;
			for (const [column, measure] of Object.entries(measures)) {
				if (hierarchy && measure.kind === 'count') changed = secondary(masked, rows, column, hierarchy) || changed;
			}
			for (const sum of rowSums) changed = rowSecondary(masked as Record<string, Cell>[], sum) || changed;
		}
	}
	for (const [column, measure] of Object.entries(measures)) {
		if (measure.kind !== 'follows') continue;
		for (const row of masked as Record<string, Cell>[]) {
			const source = row[measure.count];
			if (isMasked(source) && column in row) row[column] = { secret: source.secret };
		}
	}
	return masked;
}

/** The same rows with every Cell replaced by « s » (for JSON/CSV output). */
export function cellsAsText<R extends object>(rows: R[]): Record<string, unknown>[] {
	return rows.map((row) =>
		Object.fromEntries(Object.entries(row).map(([k, v]) => [k, isMasked(v) ? 's' : v]))
	);
}

/**
 * Secrecy for rows grouped under totals that are published elsewhere but not
 * part of `rows` (months under their year, quarters under their year…):
 * synthetic group totals are added for secondary suppression, then removed.
 */
export function applySecrecyByGroup<R extends object>(
	rows: R[],
	measures: Measures,
	groupOf: (row: R) => string,
	policy: SecrecyPolicy = DEFAULT_POLICY
): MaskedRow<R>[] {
	const totals = new Map<string, Record<string, unknown>>();
	for (const row of rows) {
		const g = groupOf(row);
		const total = totals.get(g) ?? { __group: g };
		for (const [column, m] of Object.entries(measures)) {
			if (m.kind === 'count') total[column] = ((total[column] as number) ?? 0) + ((row as Record<string, number>)[column] ?? 0);
		}
		totals.set(g, total);
	}
	const all = [...rows, ...totals.values()] as Record<string, unknown>[];
	const masked = applySecrecy(all, measures, policy, {
		key: (r) => ('__group' in r ? `g:${r.__group}` : `r:${all.indexOf(r)}`),
		parent: (r) => ('__group' in r ? null : `g:${groupOf(r as R)}`)
	});
	return masked.slice(0, rows.length) as MaskedRow<R>[];
}
