/**
 * Classification of indicator values into map classes (choropleth breaks).
 *
 * Break semantics, used by every function here:
 * - `breaks` holds the k + 1 class bounds in ascending order, from the minimum
 *   to the maximum: `[b0, b1, …, bk]`.
 * - Class 0 is the closed interval `[b0, b1]`; class i ≥ 1 is `(b_i, b_{i+1}]`.
 *   A value equal to an inner bound therefore goes to the LOWER class: a
 *   bound is the largest value of its class (the usual GIS convention, and the
 *   natural one for Jenks, whose bounds are class maxima).
 * - Inner bounds are strictly ascending. Only `b0 === b1` is allowed: class 0
 *   then holds exactly the values equal to the minimum.
 * - null, undefined and NaN are ignored everywhere (they are "no data").
 * - With fewer distinct values than k, fewer classes are returned; when all
 *   values are equal there is one class `[v, v]`; with no value, `[]`.
 * - k must be an integer from 2 to 7 (a RangeError otherwise).
 */

export type MaybeNumber = number | null | undefined;

/** Smallest and largest number of classes offered on the map. */
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 7;

/** One legend row: class bounds and how many values fall in the class. */
export interface LegendClass {
	from: number;
	to: number;
	count: number;
}

function checkK(k: number): void {
	if (!Number.isInteger(k) || k < MIN_CLASSES || k > MAX_CLASSES) {
		throw new RangeError(`Nombre de classes invalide : ${k} (entre ${MIN_CLASSES} et ${MAX_CLASSES}).`);
	}
}

/** Finite values only, sorted ascending. */
export function cleanValues(values: readonly MaybeNumber[]): number[] {
	return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
}

/** Builds `[min, …inner, max]`, dropping inner bounds that would give empty or inverted classes. */
function assemble(min: number, inner: number[], max: number): number[] {
	const breaks = [min];
	for (const b of inner) {
		const last = breaks[breaks.length - 1];
		const allowed = breaks.length === 1 ? b >= min : b > last;
		if (allowed && b < max) breaks.push(b);
	}
	breaks.push(max);
	return breaks;
}

/** Shared edge cases: no value → [], one distinct value → [v, v]. */
function trivial(sorted: number[]): number[] | null {
	if (sorted.length === 0) return [];
	if (sorted[0] === sorted[sorted.length - 1]) return [sorted[0], sorted[0]];
	return null;
}

/**
 * Quantile breaks: about the same number of values in each class. Bound i is
 * the value of rank ⌈i·n/k⌉ (1-based) in sorted order, i.e. the largest value
 * of class i (but never the maximum itself). Ties may make classes uneven or
 * merge them.
 */
export function quantileBreaks(values: readonly MaybeNumber[], k: number): number[] {
	checkK(k);
	const sorted = cleanValues(values);
	const edge = trivial(sorted);
	if (edge) return edge;
	const n = sorted.length;
	const max = sorted[n - 1];
	// Largest value below the maximum: a bound equal to the maximum would swallow the top class.
	const belowMax = sorted[sorted.findLastIndex((v) => v < max)];
	const inner: number[] = [];
	for (let i = 1; i < k; i++) inner.push(Math.min(sorted[Math.ceil((i * n) / k) - 1], belowMax));
	return assemble(sorted[0], inner, max);
}

/** Equal-interval breaks: k classes of the same width between min and max. */
export function equalIntervalBreaks(values: readonly MaybeNumber[], k: number): number[] {
	checkK(k);
	const sorted = cleanValues(values);
	const edge = trivial(sorted);
	if (edge) return edge;
	const min = sorted[0];
	const max = sorted[sorted.length - 1];
	const inner: number[] = [];
	for (let i = 1; i < k; i++) inner.push(min + ((max - min) * i) / k);
	// assemble() only matters for ranges so tiny that the steps underflow.
	return assemble(min, inner, max);
}

/**
 * Breaks symmetric around 0 (for differences, drawn with a diverging
 * palette): k equal classes from −M to M, M = largest absolute value. With an
 * even k, 0 is a bound; with an odd k, the middle class is centred on 0.
 */
export function symmetricBreaks(values: readonly MaybeNumber[], k: number): number[] {
	checkK(k);
	const sorted = cleanValues(values);
	if (sorted.length === 0) return [];
	const m = Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1]));
	if (m === 0) return [0, 0];
	const inner: number[] = [];
	for (let i = 1; i < k; i++) {
		const b = -m + (2 * m * i) / k;
		inner.push(Math.abs(b) < m * 1e-12 ? 0 : b);
	}
	return assemble(-m, inner, m);
}

/**
 * Fisher–Jenks natural breaks: the exact partition of the sorted values into
 * at most k classes that minimises the total within-class sum of squared
 * deviations (dynamic programming over distinct values, weighted by their
 * counts, so equal values never straddle a bound). Bounds are class maxima.
 * O(k·d²) for d distinct values: instant for communes, fine up to a few thousand.
 */
export function jenksBreaks(values: readonly MaybeNumber[], k: number): number[] {
	checkK(k);
	const sorted = cleanValues(values);
	const edge = trivial(sorted);
	if (edge) return edge;

	const distinct: number[] = [];
	const weight: number[] = [];
	for (const v of sorted) {
		if (distinct.length && distinct[distinct.length - 1] === v) weight[weight.length - 1]++;
		else distinct.push(v), weight.push(1);
	}
	const d = distinct.length;
	const classes = Math.min(k, d);
	// Centre the values for numerical stability of the prefix sums.
	const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
	const w = [0];
	const s1 = [0];
	const s2 = [0];
	for (let i = 0; i < d; i++) {
		const x = distinct[i] - mean;
		w.push(w[i] + weight[i]);
		s1.push(s1[i] + weight[i] * x);
		s2.push(s2[i] + weight[i] * x * x);
	}
	/** Sum of squared deviations of distinct values a..b (0-based, inclusive). */
	const ssd = (a: number, b: number) => {
		const n = w[b + 1] - w[a];
		const sum = s1[b + 1] - s1[a];
		return Math.max(0, s2[b + 1] - s2[a] - (sum * sum) / n);
	};

	// cost[c][m]: best cost of values 0..m in c + 1 classes; start[c][m]: first index of the last class.
	const cost: number[][] = [];
	const start: number[][] = [];
	cost.push(distinct.map((_, m) => ssd(0, m)));
	start.push(distinct.map(() => 0));
	for (let c = 1; c < classes; c++) {
		const row = new Array<number>(d).fill(Infinity);
		const from = new Array<number>(d).fill(0);
		for (let m = c; m < d; m++) {
			for (let j = c; j <= m; j++) {
				const candidate = cost[c - 1][j - 1] + ssd(j, m);
				if (candidate < row[m]) {
					row[m] = candidate;
					from[m] = j;
				}
			}
		}
		cost.push(row);
		start.push(from);
	}

	const maxima: number[] = [];
	let end = d - 1;
	for (let c = classes - 1; c >= 0; c--) {
		maxima.unshift(distinct[end]);
		end = start[c][end] - 1;
	}
	return [distinct[0], ...maxima];
}

/** Result of {@link manualBreaks}: the bounds, or a French message for the user. */
export type ManualBreaksResult = { ok: true; breaks: number[] } | { ok: false, message: string };

/**
 * Validates bounds typed by a user: 3 to 8 finite numbers (2 to 7 classes),
 * strictly ascending. Strings are parsed, with a comma or a point as decimal
 * separator ("12,5").
 */
export function manualBreaks(list: readonly (number | string)[]): ManualBreaksResult {
	const numbers = list.map((item) => (typeof item === 'number' ? item : Number(String(item).trim().replace(/\s/g, '').replace(',', '.'))));
	const bad = numbers.findIndex((n, i) => !Number.isFinite(n) || (typeof list[i] === 'string' && String(list[i]).trim() === ''));
	if (bad >= 0) return { ok: false, message: `La borne n° ${bad + 1} (« ${list[bad]} ») n'est pas un nombre.` };
	if (numbers.length < MIN_CLASSES + 1 || numbers.length > MAX_CLASSES + 1) {
		return { ok: false, message: `Indiquez de ${MIN_CLASSES + 1} à ${MAX_CLASSES + 1} bornes (de ${MIN_CLASSES} à ${MAX_CLASSES} classes).` };
	}
	for (let i = 1; i < numbers.length; i++) {
		if (!(numbers[i] > numbers[i - 1])) {
			return { ok: false, message: `Les bornes doivent être croissantes : ${numbers[i - 1]} puis ${numbers[i]}.` };
		}
	}
	return { ok: true, breaks: numbers };
}

/**
 * Class index (0-based) of a value: see the module comment for the bounds.
 * Values below the first bound go to class 0 and above the last bound to the
 * last class (possible with manual breaks). null for no data or no classes.
 */
export function classify(value: MaybeNumber, breaks: readonly number[]): number | null {
	if (typeof value !== 'number' || !Number.isFinite(value) || breaks.length < 2) return null;
	const last = breaks.length - 2;
	// First bound index i ≥ 1 with value ≤ breaks[i] (binary search).
	let lo = 1;
	let hi = breaks.length - 1;
	if (value > breaks[hi]) return last;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (value <= breaks[mid]) hi = mid;
		else lo = mid + 1;
	}
	return lo - 1;
}

/**
 * Legend rows, one per class, with the number of values in each. The first
 * `from` and last `to` widen to the data's min and max when values lie
 * outside manual breaks, so that the legend never hides a value.
 */
export function legendClasses(values: readonly MaybeNumber[], breaks: readonly number[]): LegendClass[] {
	if (breaks.length < 2) return [];
	const rows: LegendClass[] = [];
	for (let i = 0; i < breaks.length - 1; i++) rows.push({ from: breaks[i], to: breaks[i + 1], count: 0 });
	const sorted = cleanValues(values);
	for (const v of sorted) rows[classify(v, breaks) as number].count++;
	if (sorted.length) {
		rows[0].from = Math.min(rows[0].from, sorted[0]);
		rows[rows.length - 1].to = Math.max(rows[rows.length - 1].to, sorted[sorted.length - 1]);
	}
	return rows;
}
