import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { buildPaint, codeFilter, labelFeatures } from './paint';
import { sequentialClassification } from './choropleth';
import { KINDS } from './indicators';
import { hatchPixels } from './hatch';
import { NO_DATA_COLOR, SECRET_COLOR } from './palette';

const points: FeatureCollection<Point, { code: string; nom: string }> = {
	type: 'FeatureCollection',
	features: ['a', 'b', 'c'].map((code, i) => ({ type: 'Feature', properties: { code, nom: code.toUpperCase() }, geometry: { type: 'Point', coordinates: [165 + i, -21] } }))
};

describe('peinture de la carte', () => {
	const values = [
		{ code: 'a', nom: 'A', value: 1200 },
		{ code: 'b', nom: 'B', value: { secret: 'effectif' as const } },
		{ code: 'c', nom: 'C', value: null }
	];
	const c = sequentialClassification(values, [1200, 1200], KINDS.count.bound);

	it('étiquettes : valeur formatée, « s » si masquée, rien sans donnée', () => {
		const labels = labelFeatures(points, new Map(values.map((v) => [v.code, v.value])), (x) => KINDS.count.format(x), true);
		expect(labels.features.map((f) => f.properties.valeur)).toEqual(['1\u202f200', 's', '']);
		const names = labelFeatures(points, new Map(), (x) => String(x), false);
		expect(names.features.map((f) => f.properties.valeur)).toEqual(['', '', '']);
	});

	it('remplissage par classe, hachures sur le secret, rien de sélectionné', () => {
		const p = buildPaint({ key: 'k', since: 1, classification: c, labelPoints: points, format: String, showValues: true, selection: null });
		expect(p.fillColor).toEqual(['match', ['get', 'code'], ['a'], c.palette[0], ['b'], SECRET_COLOR, ['c'], NO_DATA_COLOR, NO_DATA_COLOR]);
		expect(p.secretCodes).toEqual(['b']);
		expect(p.selection.features).toEqual([]);
		expect(codeFilter(['b'])).toEqual(['in', ['get', 'code'], ['literal', ['b']]]);
	});

	it('motif de hachures raccordable, deux couleurs', () => {
		const { width, height, data } = hatchPixels(8, 2);
		expect([width, height, data.length]).toEqual([8, 8, 256]);
		const dark = [...Array(64).keys()].filter((i) => data[i * 4] === 0x61).length;
		expect(dark).toBe(16);
		// Seamless: the line leaving the right edge at row 0 comes back on the left edge at row 1.
		const px = (x: number, y: number) => data[(y * 8 + x) * 4];
		expect([px(0, 0), px(7, 1), px(7, 0)]).toEqual([0x61, 0x61, 0x9e]);
	});
});
