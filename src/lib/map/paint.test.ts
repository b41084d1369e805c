import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { buildPaint, classColor, mapLabels, NO_DATA_STATE, SECRET_STATE } from './paint';
import { sequentialClassification } from './choropleth';
import { KINDS } from './indicators';
import { hatchPixels } from './hatch';
import { labelSize, nameLines, placeLabels } from './label-layout';
import { NO_DATA_COLOR, SECRET_COLOR } from './palette';

const points: FeatureCollection<Point, { code: string; nom: string; poids: number }> = {
	type: 'FeatureCollection',
	features: ['a', 'b', 'c'].map((code, i) => ({ type: 'Feature', properties: { code, nom: code.toUpperCase(), poids: 10 - i }, geometry: { type: 'Point', coordinates: [165 + i, -21] } }))
};

describe('peinture de la carte', () => {
	const values = [
		{ code: 'a', nom: 'A', value: 1200 },
		{ code: 'b', nom: 'B', value: { secret: 'effectif' as const } },
		{ code: 'c', nom: 'C', value: null }
	];
	const c = sequentialClassification(values, [1200, 1200], KINDS.count.bound);

	it('étiquettes : valeur formatée, « s » si masquée, rien sans donnée', () => {
		const labels = mapLabels(points, new Map(values.map((v) => [v.code, v.value])), (x) => KINDS.count.format(x), true);
		expect(labels.map((l) => l.valeur)).toEqual(['1\u202f200', 's', '']);
		expect(labels[1]).toEqual({ code: 'b', nom: 'B', valeur: 's', lngLat: [166, -21], poids: 9 });
		const names = mapLabels(points, new Map(), (x) => String(x), false);
		expect(names.map((l) => l.valeur)).toEqual(['', '', '']);
	});

	it('classe de chaque territoire en état d’objet, couleurs par classe, rien de sélectionné', () => {
		const p = buildPaint({ key: 'k', since: 1, classification: c, labelPoints: points, format: String, showValues: true, selection: null });
		expect(Object.fromEntries(p.classes)).toEqual({
			a: { classe: 0, couleur: c.palette[0] },
			b: { classe: SECRET_STATE, couleur: SECRET_COLOR },
			c: { classe: NO_DATA_STATE, couleur: NO_DATA_COLOR }
		});
		expect(classColor(1, ['#111', '#222'])).toBe('#222');
		expect(p.selection).toBeNull();
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

describe('placement des étiquettes', () => {
	it('place d’abord les plus peuplés, décale ou cache ce qui chevauche, jamais hors de la carte', () => {
		const l = (code: string, x: number, y: number, poids: number) => ({ code, nom: 'Nom', valeur: '12,5 %', x, y, poids });
		const placed = placeLabels([l('petit', 100, 100, 1), l('grand', 100, 100, 9), l('voisin', 100, 118, 5), l('bord', 2, 200, 8)], 400, 300);
		const byCode = Object.fromEntries(placed.map((p) => [p.code, p]));
		expect(Object.keys(byCode).sort()).toEqual(['bord', 'grand', 'voisin']);
		expect([byCode.grand.cx, byCode.grand.cy]).toEqual([100, 100]);
		expect(byCode.voisin.cy).toBeGreaterThan(118);
		expect(byCode.bord.cx).toBeGreaterThan(2);
		expect(byCode.grand.lines).toEqual(['Nom', '12,5 %']);
		expect(byCode.grand.valueLine).toBe(1);
	});
	it('met un double nom long sur deux lignes', () => {
		expect(nameLines('Pwêêdi Wiimîâ / Poindimié')).toEqual(['Pwêêdi Wiimîâ /', 'Poindimié']);
		expect(nameLines('Vook / Voh')).toEqual(['Vook / Voh']);
		expect(labelSize('Koohnê / Koné', '')).toEqual({ width: 90, height: 16 });
		expect(labelSize('Pwêêdi Wiimîâ / Poindimié', '40,0 %').height).toBe(44);
	});
});
