import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applySecrecy, applySecrecyByGroup, cellsAsText, type Measures } from './apply';
import { DEFAULT_POLICY, isMasked } from './policy';

const COUNT: Measures = { n: { kind: 'count' } };

describe('primary suppression', () => {
	it('hides counts 1 to 4, keeps 0 and 5', () => {
		const rows = [0, 1, 4, 5, 120].map((n) => ({ n }));
		expect(cellsAsText(applySecrecy(rows, COUNT)).map((r) => r.n)).toEqual([0, 's', 's', 5, 120]);
	});

	it('hides a rate whose denominator is under 11, whatever the rate', () => {
		const measures: Measures = { d: { kind: 'count' }, taux: { kind: 'rate', denominator: 'd' } };
		const out = applySecrecy(
			[
				{ d: 10, taux: 0.5 },
				{ d: 11, taux: 0.5 },
				{ d: 0, taux: null }
			],
			measures
		);
		expect(out[0].taux).toEqual({ secret: 'denominateur' });
		expect(out[1].taux).toBe(0.5);
		expect(out[2].taux).toBeNull();
	});

	it('hides a median computed on fewer than 11 values', () => {
		const out = applySecrecy([{ n: 10, med: 30 }, { n: 11, med: 30 }], { n: { kind: 'count' }, med: { kind: 'stat', n: 'n' } });
		expect(out.map((r) => r.med)).toEqual([{ secret: 'denominateur' }, 30]);
	});

	it('hides a value proportional to a hidden count (coverage per 1,000)', () => {
		const out = applySecrecy([{ fa: 3, cov: 1.2 }, { fa: 30, cov: 12 }], { fa: { kind: 'count' }, cov: { kind: 'follows', count: 'fa' } });
		expect(out[0].cov).toEqual({ secret: 'effectif' });
		expect(out[1].cov).toBe(12);
	});

	it('follows the configured thresholds', () => {
		const out = applySecrecy([{ n: 6 }], COUNT, { ...DEFAULT_POLICY, effectif_min: 10 });
		expect(out[0].n).toEqual({ secret: 'effectif' });
	});
});

describe('secondary suppression', () => {
	const tree = (values: Record<string, number>, parents: Record<string, string | null>) => {
		const rows = Object.entries(values).map(([k, n]) => ({ k, n }));
		return applySecrecy(rows, COUNT, DEFAULT_POLICY, { key: (r) => r.k, parent: (r) => parents[r.k] });
	};

	it('hides the smallest other commune when one commune of an ETH is hidden', () => {
		const out = tree(
			{ eth: 60, belep: 3, koumac: 30, poum: 12, ouegoa: 15 },
			{ eth: null, belep: 'eth', koumac: 'eth', poum: 'eth', ouegoa: 'eth' }
		);
		const byKey = Object.fromEntries(out.map((r) => [r.k, r.n]));
		expect(byKey.belep).toEqual({ secret: 'effectif' });
		expect(byKey.poum).toEqual({ secret: 'secondaire' });
		expect(byKey.koumac).toBe(30);
		expect(byKey.ouegoa).toBe(15);
		expect(byKey.eth).toBe(60);
	});

	it('does nothing more when two cells are already hidden', () => {
		const out = tree({ t: 20, a: 2, b: 3, c: 15 }, { t: null, a: 't', b: 't', c: 't' });
		expect(out.map((r) => r.n)).toEqual([20, { secret: 'effectif' }, { secret: 'effectif' }, 15]);
	});

	it('hides the total when the hidden cell is its only non-zero part', () => {
		const out = tree({ t: 3, a: 3, b: 0 }, { t: null, a: 't', b: 't' });
		expect(out[0].n).toEqual({ secret: 'effectif' });
		const out2 = tree({ top: 40, t: 6, a: 3, b: 0, c: 3 }, { top: null, t: 'top', a: 't', b: 't', c: 't' });
		expect(out2.map((r) => r.n)).toEqual([40, 6, { secret: 'effectif' }, 0, { secret: 'effectif' }]);
	});

	it('propagates up the levels: a commune hidden under an ETH, an ETH hidden under its province', () => {
		const out = tree(
			{ total: 200, pn: 100, ps: 100, e1: 7, e2: 93, c1: 3, c2: 4 },
			{ total: null, pn: 'total', ps: 'total', e1: 'pn', e2: 'pn', c1: 'e1', c2: 'e1' }
		);
		const byKey = Object.fromEntries(out.map((r) => [r.k, r.n]));
		expect(byKey.c1).toEqual({ secret: 'effectif' });
		expect(byKey.c2).toEqual({ secret: 'effectif' });
		expect(byKey.e1).toBe(7);
	});

	it('protects quarters under their year total', () => {
		const rows = [
			{ y: '2024', q: 1, n: 2 },
			{ y: '2024', q: 2, n: 10 },
			{ y: '2024', q: 3, n: 8 },
			{ y: '2025', q: 1, n: 9 }
		];
		const out = applySecrecyByGroup(rows, COUNT, (r) => r.y);
		expect(out.map((r) => r.n)).toEqual([{ secret: 'effectif' }, 10, { secret: 'secondaire' }, 9]);
	});

	it('property: no hidden count can be recomputed from a published total and the published cells', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 8 }), (values) => {
				const total = values.reduce((a, b) => a + b, 0);
				const rows = [{ k: 'total', n: total }, ...values.map((n, i) => ({ k: `c${i}`, n }))];
				const out = applySecrecy(rows, COUNT, DEFAULT_POLICY, { key: (r) => r.k, parent: (r) => (r.k === 'total' ? null : 'total') });
				const hidden = out.slice(1).filter((r) => isMasked(r.n));
				const totalHidden = isMasked(out[0].n);
				if (totalHidden) return true;
				// With a published total, a single hidden child would be recomputable.
				return hidden.length !== 1 && out.slice(1).every((r, i) => !(values[i] >= 1 && values[i] <= 4) || isMasked(r.n));
			})
		);
	});
});
