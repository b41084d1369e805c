/**
 * Map levels from the territory reference: communes with double names, ETH
 * dissolved in the browser from data/communes.csv (an edited grouping
 * redraws), provinces, and what a click on a territory filters.
 */
import { describe, expect, it } from 'vitest';
import { geodesicArea } from '../../src/lib/map/area';
import { ethGrouping, filtersForClick, levelShapes, provinceBorders, selectedTerritory, shapeLabelPoints } from '../../src/lib/map/levels';
import { pointInRings } from '../../src/lib/map/label';
import { largestPolygon, POYA_CODE } from '../../src/lib/map/geometry';
import { layers, referenceTerritory, topo } from './map-fixtures';

const territory = referenceTerritory();
const communeArea = new Map(layers.communes.features.map((f) => [f.properties.code_insee, geodesicArea(f.geometry)]));
const poyaSouth = geodesicArea(layers.poya.features.find((f) => f.properties.partie === 'sud')!.geometry);
const areaOf = (codes: string[]) => codes.reduce((s, c) => s + communeArea.get(c)!, 0);

describe('niveau commune', () => {
	const shapes = levelShapes(topo, layers, 'commune', territory);

	it('dessine les 33 communes avec le code INSEE comme clé', () => {
		expect(shapes.features).toHaveLength(33);
		expect(new Set(shapes.features.map((f) => f.properties.code)).size).toBe(33);
	});

	it('nomme les communes avec le double nom de la Province Nord', () => {
		const name = (code: string) => shapes.features.find((f) => f.properties.code === code)!.properties.nom;
		expect(name('98811')).toBe('Koohnê / Koné');
		expect(name('98827')).toBe('Nèkö / Poya');
		expect(name('98818')).toBe('Nouméa');
	});

	it('place chaque étiquette dans sa commune', () => {
		const points = shapeLabelPoints(shapes);
		points.features.forEach((p, i) => {
			const [x, y] = p.geometry.coordinates;
			expect(pointInRings(x, y, largestPolygon(shapes.features[i].geometry)), p.properties.nom).toBe(true);
		});
	});
});

describe('niveau ETH, dissous depuis le référentiel', () => {
	it('donne les 4 ETH de la Province Nord du fichier data/communes.csv', () => {
		const shapes = levelShapes(topo, layers, 'eth', territory);
		expect(shapes.features.map((f) => f.properties.code).sort()).toEqual(territory.eths.map((e) => e.code).sort());
		expect(shapes.features.find((f) => f.properties.code === 'espace_ouest')!.properties.nom).toBe('Espace de l\'Ouest');
	});

	it('chaque ETH couvre ses communes, la partie nord de Poya seulement pour l’Espace de l’Ouest', () => {
		const shapes = levelShapes(topo, layers, 'eth', territory);
		const grouping = ethGrouping(territory);
		for (const f of shapes.features) {
			const codes = [...grouping].filter(([, g]) => g === f.properties.code).map(([c]) => c);
			const expected = areaOf(codes) - (codes.includes(POYA_CODE) ? poyaSouth : 0);
			expect(geodesicArea(f.geometry) / expected, f.properties.code).toBeCloseTo(1, 2);
		}
	});

	it('suit un regroupement modifié sans reconstruire la géométrie', () => {
		const edited = referenceTerritory((c) => (c.code_insee === '98825' ? { ...c, eth: 'sud_minier' } : c));
		const before = levelShapes(topo, layers, 'eth', territory);
		const after = levelShapes(topo, layers, 'eth', edited);
		const area = (fc: typeof before, code: string) => geodesicArea(fc.features.find((f) => f.properties.code === code)!.geometry);
		expect(area(after, 'sud_minier') - area(before, 'sud_minier')).toBeCloseTo(communeArea.get('98825')!, -6);
		expect(area(before, 'espace_ouest') - area(after, 'espace_ouest')).toBeCloseTo(communeArea.get('98825')!, -6);
	});

	it('ignore les communes sans ETH (provinces Sud et Îles)', () => {
		expect(ethGrouping(territory).has('98818')).toBe(false);
		expect(ethGrouping(territory).size).toBe(17);
	});
});

describe('niveau province', () => {
	it('dessine les 3 provinces nommées par le référentiel', () => {
		const shapes = levelShapes(topo, layers, 'province', territory);
		expect(shapes.features.map((f) => f.properties.nom).sort()).toEqual(['Province Nord', 'Province Sud', 'Province des Îles Loyauté']);
	});
});

describe('frontières de province', () => {
	it('ne tracent que les limites entre provinces (pas de côte), ligne de Poya comprise', () => {
		const [border] = provinceBorders(topo).features;
		const points = border.geometry.coordinates.flat();
		expect(points.length).toBeGreaterThan(10);
		// Inland on the main island, between Bourail/Poya (west coast) and Houaïlou/Canala/Thio (east coast).
		for (const [lon, lat] of points) {
			expect(lon).toBeGreaterThan(165.1);
			expect(lon).toBeLessThan(166.3);
			expect(lat).toBeGreaterThan(-21.9);
			expect(lat).toBeLessThan(-20.9);
		}
		const poya = layers.communes.features.find((f) => f.properties.code_insee === POYA_CODE)!;
		expect(points.some(([x, y]) => pointInRings(x, y, largestPolygon(poya.geometry)))).toBe(true);
	});
});

describe('clic sur un territoire', () => {
	it('filtre sur la commune, avec sa province et son ETH', () => {
		expect(filtersForClick(territory, 'commune', '98811', {})).toEqual({ province: 'PN', eth: 'espace_ouest', commune: '98811' });
		expect(filtersForClick(territory, 'commune', '98818', {})).toEqual({ province: 'PS', eth: null, commune: '98818' });
	});

	it('filtre sur l’ETH ou la province', () => {
		expect(filtersForClick(territory, 'eth', 'grand_nord', {})).toEqual({ province: 'PN', eth: 'grand_nord' });
		expect(filtersForClick(territory, 'province', 'PIL', { commune: '98818' })).toEqual({ province: 'PIL' });
	});

	it('un second clic sur le territoire choisi retire le filtre', () => {
		expect(filtersForClick(territory, 'commune', '98811', { province: 'PN', commune: '98811' })).toEqual({ province: null, eth: null, commune: null });
	});

	it('le territoire choisi est le plus fin des filtres', () => {
		expect(selectedTerritory({ province: 'PN', eth: 'espace_ouest', commune: '98811' })).toEqual({ level: 'commune', code: '98811' });
		expect(selectedTerritory({ province: 'PN' })).toEqual({ level: 'province', code: 'PN' });
		expect(selectedTerritory({})).toBeNull();
	});
});
