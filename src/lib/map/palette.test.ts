import { describe, expect, it } from 'vitest';
// Test-only: MapLibre's own expression parser (a dependency of maplibre-gl) validates our output.
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import {
	divergingPalette,
	fillColorExpression,
	NO_DATA_COLOR,
	SECRET_COLOR,
	sequentialPalette,
	type ClassValue
} from './palette';

const HEX = /^#[0-9a-f]{6}$/;

describe('palettes', () => {
	it('donnent n couleurs hexadécimales distinctes pour n de 1 à 7', () => {
		for (let n = 1; n <= 7; n++) {
			for (const palette of [sequentialPalette(n), divergingPalette(n)]) {
				expect(palette).toHaveLength(n);
				for (const color of palette) expect(color).toMatch(HEX);
				expect(new Set(palette).size).toBe(n);
			}
		}
	});

	it('refusent 0 ou 8 couleurs', () => {
		expect(() => sequentialPalette(0)).toThrow(RangeError);
		expect(() => divergingPalette(8)).toThrow(RangeError);
	});

	it('vont du clair au foncé (séquentielle) et sont centrées sur un gris neutre (divergente)', () => {
		const luminance = (hex: string) => {
			const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		for (let n = 2; n <= 7; n++) {
			const lum = sequentialPalette(n).map(luminance);
			for (let i = 1; i < n; i++) expect(lum[i]).toBeLessThan(lum[i - 1]);
		}
		expect(divergingPalette(5)[2]).toBe('#f7f7f7');
		expect(divergingPalette(7)[3]).toBe('#f7f7f7');
	});

	it('distinguent le secret et l’absence de donnée des couleurs de classe', () => {
		const all = new Set([...[3, 4, 5, 6, 7].flatMap((n) => [...sequentialPalette(n), ...divergingPalette(n)])]);
		expect(all.has(SECRET_COLOR)).toBe(false);
		expect(all.has(NO_DATA_COLOR)).toBe(false);
		expect(SECRET_COLOR).not.toBe(NO_DATA_COLOR);
	});
});

describe('fillColorExpression', () => {
	const palette = sequentialPalette(3);
	const classes = new Map<string, ClassValue>([
		['98802', 2],
		['98801', 0],
		['98803', 'secret'],
		['98804', 'nodata'],
		['98805', 0]
	]);

	it('construit une expression match sur la propriété code, codes regroupés par couleur', () => {
		expect(fillColorExpression(classes, palette)).toEqual([
			'match',
			['get', 'code'],
			['98801', '98805'],
			palette[0],
			['98802'],
			palette[2],
			['98803'],
			SECRET_COLOR,
			['98804'],
			NO_DATA_COLOR,
			NO_DATA_COLOR
		]);
	});

	it('peut cibler une autre propriété (code_insee des communes)', () => {
		const expr = fillColorExpression(classes, palette, 'code_insee') as unknown[];
		expect(expr[1]).toEqual(['get', 'code_insee']);
	});

	it('est acceptée par MapLibre et colore chaque entité', () => {
		const parsed = expression.createExpression(
			fillColorExpression(classes, palette),
			'fill-color',
			latest.paint_fill['fill-color'] as Parameters<typeof expression.createExpression>[2]
		);
		expect(parsed.result).toBe('success');
		if (parsed.result !== 'success') return;
		const colorOf = (code: string) =>
			parsed.value.evaluate({ zoom: 5 }, { type: 'Polygon', properties: { code } } as never).toString();
		expect(colorOf('98805')).toBe(colorOf('98801'));
		expect(colorOf('98803')).not.toBe(colorOf('98804'));
		expect(colorOf('99999')).toBe(colorOf('98804')); // unknown code → "no data"
	});

	it('rend la couleur « sans donnée » quand aucune classe n’est fournie', () => {
		expect(fillColorExpression(new Map(), palette)).toBe(NO_DATA_COLOR);
	});

	it('refuse une classe sans couleur dans la palette', () => {
		expect(() => fillColorExpression(new Map([['98801', 3]]), palette)).toThrow(RangeError);
		expect(() => fillColorExpression(new Map([['98801', -1]]), palette)).toThrow(RangeError);
	});
});
