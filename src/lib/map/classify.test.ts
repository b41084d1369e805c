import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	classify,
	cleanValues,
	equalIntervalBreaks,
	jenksBreaks,
	legendClasses,
	manualBreaks,
	quantileBreaks,
	symmetricBreaks,
	type MaybeNumber
} from './classify';

const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);
const counts = (values: MaybeNumber[], breaks: number[]) => legendClasses(values, breaks).map((c) => c.count);

/** Sum of squared deviations from the class means. */
function withinSsd(groups: number[][]): number {
	return groups.reduce((total, g) => {
		const mean = g.reduce((s, v) => s + v, 0) / g.length;
		return total + g.reduce((s, v) => s + (v - mean) ** 2, 0);
	}, 0);
}

/** Brute force: best SSD over every split of the sorted values into 1..k contiguous classes. */
function bruteForceSsd(sorted: number[], k: number): number {
	let best = Infinity;
	const n = sorted.length;
	// Each of the n − 1 gaps between consecutive values is cut or not.
	for (let mask = 0; mask < 1 << (n - 1); mask++) {
		const cuts = [...Array(n - 1).keys()].filter((i) => mask & (1 << i));
		if (cuts.length + 1 > k) continue;
		const groups: number[][] = [];
		let start = 0;
		for (const c of [...cuts, n - 1]) groups.push(sorted.slice(start, (start = c + 1)));
		best = Math.min(best, withinSsd(groups));
	}
	return best;
}

/** SSD of the classes produced by some breaks. */
function ssdOfBreaks(values: number[], breaks: number[]): number {
	const groups = new Map<number, number[]>();
	for (const v of values) groups.set(classify(v, breaks)!, [...(groups.get(classify(v, breaks)!) ?? []), v]);
	return withinSsd([...groups.values()]);
}

describe('quantileBreaks', () => {
	it('coupe 1..10 en 5 classes de 2 valeurs', () => {
		expect(quantileBreaks(oneToTen, 5)).toEqual([1, 2, 4, 6, 8, 10]);
		expect(counts(oneToTen, quantileBreaks(oneToTen, 5))).toEqual([2, 2, 2, 2, 2]);
	});

	it('coupe 1..10 en 4 classes', () => {
		expect(quantileBreaks(oneToTen, 4)).toEqual([1, 3, 5, 8, 10]);
		expect(counts(oneToTen, quantileBreaks(oneToTen, 4))).toEqual([3, 2, 3, 2]);
	});

	it('ignore null, undefined et NaN', () => {
		expect(quantileBreaks([null, ...oneToTen, NaN, undefined], 5)).toEqual([1, 2, 4, 6, 8, 10]);
	});

	it("rend moins de classes quand il y a moins de valeurs distinctes", () => {
		expect(quantileBreaks([1, 1, 2, 2, 3], 5)).toEqual([1, 1, 2, 3]);
		// The maximum is never an inner bound: the top class keeps the tied maxima.
		expect(quantileBreaks([1, 1, 1, 5, 5, 5, 5, 5], 2)).toEqual([1, 1, 5]);
	});
});

describe('jenksBreaks', () => {
	it('retrouve les classes publiées de [1, 2, 4, 5, 7, 9, 10, 20] en 3 classes', () => {
		// simple-statistics ckmeans (exact 1-D optimum): [[1, 2, 4, 5], [7, 9, 10], [20]].
		const values = [1, 2, 4, 5, 7, 9, 10, 20];
		expect(jenksBreaks(values, 3)).toEqual([1, 5, 10, 20]);
		expect(counts(values, jenksBreaks(values, 3))).toEqual([4, 3, 1]);
	});

	it("atteint l'optimum calculé par force brute", () => {
		const values = [0.5, 1, 1.2, 3, 3.1, 3.3, 7, 8.5, 9, 15, 15.5];
		for (let k = 2; k <= 7; k++) {
			expect(ssdOfBreaks(values, jenksBreaks(values, k))).toBeCloseTo(bruteForceSsd(values, k), 9);
		}
	});

	it("atteint l'optimum sur des jeux aléatoires (force brute)", () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 9 }),
				fc.integer({ min: 2, max: 7 }),
				(values, k) => {
					const sorted = [...values].sort((a, b) => a - b);
					expect(ssdOfBreaks(sorted, jenksBreaks(values, k))).toBeCloseTo(bruteForceSsd(sorted, k), 6);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('ne coupe jamais entre deux valeurs égales et rend une classe par valeur distincte au plus', () => {
		expect(jenksBreaks([1, 1, 2, 2, 3], 5)).toEqual([1, 1, 2, 3]);
		expect(jenksBreaks([4, 4, 4, 4, 9], 3)).toEqual([4, 4, 9]);
	});
});

describe('equalIntervalBreaks et symmetricBreaks', () => {
	it('coupe [0, 10] en 5 intervalles de 2, la borne intérieure allant à la classe inférieure', () => {
		const breaks = equalIntervalBreaks([0, 3, 10], 5);
		expect(breaks).toEqual([0, 2, 4, 6, 8, 10]);
		expect(classify(0, breaks)).toBe(0);
		expect(classify(2, breaks)).toBe(0);
		expect(classify(2.0001, breaks)).toBe(1);
		expect(classify(10, breaks)).toBe(4);
	});

	it('centre les écarts sur 0', () => {
		expect(symmetricBreaks([-3, 1, 2], 4)).toEqual([-3, -1.5, 0, 1.5, 3]);
		expect(symmetricBreaks([-3, 1, 2], 3)).toEqual([-3, -1, 1, 3]);
		expect(classify(0, symmetricBreaks([-3, 1, 2], 3))).toBe(1);
		expect(symmetricBreaks([0, 0], 5)).toEqual([0, 0]);
	});
});

describe('cas limites communs', () => {
	const methods = { quantileBreaks, jenksBreaks, equalIntervalBreaks };

	it.each(Object.entries(methods))('%s : toutes valeurs égales → une classe', (_, method) => {
		expect(method([7, 7, null, 7], 4)).toEqual([7, 7]);
		expect(classify(7, [7, 7])).toBe(0);
		expect(legendClasses([7, 7, 7], [7, 7])).toEqual([{ from: 7, to: 7, count: 3 }]);
	});

	it.each(Object.entries(methods))('%s : aucune valeur → aucune classe', (_, method) => {
		expect(method([null, NaN, undefined], 3)).toEqual([]);
		expect(classify(1, [])).toBeNull();
		expect(legendClasses([1], [])).toEqual([]);
	});

	it.each(Object.entries(methods))('%s : k hors de 2..7 refusé', (_, method) => {
		for (const k of [1, 8, 2.5]) expect(() => method(oneToTen, k)).toThrow(RangeError);
	});

	it('classe hors bornes aux extrémités, et la légende s’élargit', () => {
		const breaks = [10, 20, 30];
		expect(classify(null, breaks)).toBeNull();
		expect(classify(NaN, breaks)).toBeNull();
		expect(classify(5, breaks)).toBe(0);
		expect(classify(35, breaks)).toBe(1);
		expect(legendClasses([5, 15, 25, 35], breaks)).toEqual([
			{ from: 5, to: 20, count: 2 },
			{ from: 20, to: 35, count: 2 }
		]);
	});
});

describe('manualBreaks', () => {
	it('accepte des bornes croissantes, y compris saisies en texte à la française', () => {
		expect(manualBreaks(['0', '10,5', 20])).toEqual({ ok: true, breaks: [0, 10.5, 20] });
	});

	it('explique en français ce qui ne va pas', () => {
		const message = (list: (number | string)[]) => {
			const result = manualBreaks(list);
			return result.ok ? '' : result.message;
		};
		expect(message([0, 'x', 3])).toMatch(/n° 2.*pas un nombre/);
		expect(message([0, '', 3])).toMatch(/pas un nombre/);
		expect(message([0, 10, 10])).toMatch(/croissantes/);
		expect(message([5, 1, 9])).toMatch(/croissantes/);
		expect(message([1, 2])).toMatch(/de 3 à 8 bornes/);
		expect(message([1, 2, 3, 4, 5, 6, 7, 8, 9])).toMatch(/de 3 à 8 bornes/);
	});
});

describe('propriétés (fast-check)', () => {
	const value = fc.oneof(
		{ weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
		{ weight: 4, arbitrary: fc.integer({ min: -5, max: 5 }) },
		{ weight: 1, arbitrary: fc.constantFrom<MaybeNumber>(null, undefined, NaN) }
	);
	const method = fc.constantFrom(quantileBreaks, jenksBreaks, equalIntervalBreaks, symmetricBreaks);

	it('chaque valeur a exactement une classe, les effectifs font le total, les bornes croissent', () => {
		fc.assert(
			fc.property(fc.array(value, { maxLength: 60 }), fc.integer({ min: 2, max: 7 }), method, (values, k, breaksOf) => {
				const breaks = breaksOf(values, k);
				const clean = cleanValues(values);
				if (clean.length === 0) {
					expect(breaks).toEqual([]);
					return;
				}
				expect(breaks.length).toBeGreaterThanOrEqual(2);
				expect(breaks.length - 1).toBeLessThanOrEqual(k);
				// b0 ≤ b1 < b2 < … < bk
				for (let i = 1; i < breaks.length; i++) {
					if (i === 1) expect(breaks[1]).toBeGreaterThanOrEqual(breaks[0]);
					else expect(breaks[i]).toBeGreaterThan(breaks[i - 1]);
				}
				expect(breaks[0]).toBeLessThanOrEqual(clean[0]);
				expect(breaks[breaks.length - 1]).toBeGreaterThanOrEqual(clean[clean.length - 1]);
				for (const v of clean) {
					const c = classify(v, breaks)!;
					expect(Number.isInteger(c) && c >= 0 && c < breaks.length - 1).toBe(true);
					// Exactly one class: the interval test agrees with the index.
					const inside = breaks.slice(0, -1).filter((lo, i) => (i === 0 ? v >= lo : v > lo) && v <= breaks[i + 1]);
					expect(inside).toHaveLength(1);
					expect(inside[0]).toBe(breaks[c]);
				}
				const legend = legendClasses(values, breaks);
				expect(legend.reduce((s, row) => s + row.count, 0)).toBe(clean.length);
			}),
			{ numRuns: 500 }
		);
	});
});
