/**
 * The join of indicator rows to the shapes: every commune of the reference
 * has a shape, a row without shape is counted aside (never dropped), a shape
 * without row shows "no data"; then classes, legend counts and ranks.
 */
import { describe, expect, it } from 'vitest';
import { classifyValues, joinToShapes, ranks, sequentialClassification, type MaskedTerritory } from '../../src/lib/map/choropleth';
import { KINDS, mapIndicator } from '../../src/lib/map/indicators';
import { levelShapes } from '../../src/lib/map/levels';
import { layers, referenceTerritory, topo } from './map-fixtures';

const territory = referenceTerritory();
const shapes = levelShapes(topo, layers, 'commune', territory).features.map((f) => f.properties);
const fileActive = mapIndicator('file_active');
const row = (code: string | null, n: unknown, libelle = code ?? 'Commune non reconnue'): MaskedTerritory => ({
	code,
	libelle,
	valeurs: { file_active: n }
});

describe('jointure des valeurs aux formes', () => {
	it('chaque commune du référentiel a une forme', () => {
		const shapeCodes = new Set(shapes.map((s) => s.code));
		expect(territory.communes.filter((c) => !shapeCodes.has(c.code_insee))).toEqual([]);
		expect(shapeCodes.size).toBe(territory.communes.length);
	});

	it('rattache chaque ligne à sa commune, une valeur par forme', () => {
		const rows = territory.communes.map((c, i) => row(c.code_insee, 10 + i));
		const { values, unmatched } = joinToShapes(rows, shapes, fileActive);
		expect(values).toHaveLength(33);
		expect(unmatched).toEqual([]);
		for (const v of values) expect(v.value).toBe(10 + territory.communes.findIndex((c) => c.code_insee === v.code));
	});

	it('compte à part les communes non reconnues et les codes sans forme', () => {
		const rows = [row('98811', 40), row(null, 7), row('98899', 12, 'Code inconnu 98899')];
		const { values, unmatched } = joinToShapes(rows, shapes, fileActive);
		expect(unmatched.map((u) => [u.nom, u.value])).toEqual([
			['Commune non reconnue', 7],
			['Code inconnu 98899', 12]
		]);
		expect(values.find((v) => v.code === '98811')!.value).toBe(40);
		expect(values.filter((v) => v.value === null)).toHaveLength(32);
	});

	it('une commune sans ligne est « pas de donnée », pas zéro', () => {
		const { values } = joinToShapes([row('98818', 0)], shapes, fileActive);
		const c = sequentialClassification(values, [0, 0], KINDS.count.bound);
		expect(c.classByCode.get('98818')).toBe(0);
		expect(c.classByCode.get('98801')).toBe('nodata');
		expect(c.legend.find((l) => l.kind === 'nodata')!.count).toBe(32);
	});
});

describe('classes, légende et rangs', () => {
	const values = [
		{ code: 'a', nom: 'A', value: 10 },
		{ code: 'b', nom: 'B', value: 20 },
		{ code: 'c', nom: 'C', value: 20 },
		{ code: 'd', nom: 'D', value: 40 },
		{ code: 'e', nom: 'E', value: { secret: 'effectif' as const } },
		{ code: 'f', nom: 'F', value: null }
	];

	it('classe selon les bornes (borne = classe inférieure) et compte chaque classe', () => {
		const c = classifyValues(values, [10, 20, 40], ['#111', '#222'], KINDS.count.bound);
		expect(Object.fromEntries(c.classByCode)).toEqual({ a: 0, b: 0, c: 0, d: 1, e: 'secret', f: 'nodata' });
		expect(c.legend.map((l) => [l.kind, l.label, l.count])).toEqual([
			['class', '10 – 20', 3],
			['class', '20 – 40', 1],
			['secret', 's : secret statistique', 1],
			['nodata', 'Pas de donnée', 1]
		]);
		expect(c.legend.reduce((s, l) => s + l.count, 0)).toBe(values.length);
	});

	it('rangs du plus élevé au plus faible, ex aequo au même rang, rien pour « s »', () => {
		expect(Object.fromEntries(ranks(values))).toEqual({ d: 1, b: 2, c: 2, a: 4 });
		const c = classifyValues(values, [10, 20, 40], ['#111', '#222'], KINDS.count.bound);
		expect(c.ranked).toBe(4);
		expect(c.entries.find((e) => e.code === 'e')!.rank).toBeNull();
	});

	it('formate les bornes à la française', () => {
		const c = sequentialClassification([{ code: 'a', nom: 'A', value: 0.125 }, { code: 'b', nom: 'B', value: 0.5 }], [0.125, 0.3, 0.5], KINDS.rate.bound);
		expect(c.legend[0].label).toBe('12,5\u202f% – 30,0\u202f%');
		expect(c.palette).toHaveLength(2);
	});
});
