/**
 * Secrecy on map values: a small commune's value reaches the map as the
 * 'secret' class and « s », never as a number (fill, hatch, label, table,
 * CSV); secondary suppression hides one more commune under a published ETH
 * or province total; the map ignores territory filters but keeps the others.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/db/engine';
import { levelRows, mapColumns, mapRows, mapScope, protectMapRows } from '../../src/lib/panels/map';
import { PARCOURS_MEASURES } from '../../src/lib/queries/parcours';
import { joinToShapes, sequentialClassification, computeBreaks, numbersOf } from '../../src/lib/map/choropleth';
import { KINDS, MAP_INDICATORS, mapIndicator, formatIndicator } from '../../src/lib/map/indicators';
import { levelShapes, shapeLabelPoints } from '../../src/lib/map/levels';
import { buildPaint, SECRET_STATE } from '../../src/lib/map/paint';
import { mapCsv } from '../../src/lib/map/table';
import { SECRET_COLOR } from '../../src/lib/map/palette';
import { readTerritory } from '../../src/lib/reference/territory';
import { fixtureEngine } from './engine-helpers';
import { layers, referenceTerritory, topo } from './map-fixtures';

const territory = referenceTerritory();
const communeShapes = levelShapes(topo, layers, 'commune', territory);

/** An indicators row where only file active and the population matter. */
function indicators(cle: string | null, fileActive: number, population: number | null = 1000) {
	return { cle, file_active: fileActive, population, taux_couverture_1000: population ? (1000 * fileActive) / population : null };
}

/** Grand Nord: Belep has 3 people (primary secrecy), Poum is the smallest other commune. */
const RESULTS = {
	total: [indicators('total', 300, null)],
	province: [indicators('PN', 190, null), indicators('PS', 110, null)],
	eth: [indicators('grand_nord', 115, null), indicators('espace_ouest', 75, null)],
	commune: [
		indicators('98801', 3, 686),
		indicators('98810', 30, 2112),
		indicators('98812', 50, 4272),
		indicators('98819', 20, 2409),
		indicators('98826', 12, 1597),
		indicators('98811', 60, 8048),
		indicators('98825', 15, 3062),
		indicators('98818', 100, 85976),
		indicators('98802', 2, 3359),
		indicators('98803', 8, 5575)
	]
};

describe('secret sur les valeurs de la carte', () => {
	const rows = protectMapRows(territory, RESULTS, PARCOURS_MEASURES);
	const coverage = mapIndicator('taux_couverture_1000');
	const { values, unmatched } = joinToShapes(levelRows(rows, 'commune'), communeShapes.features.map((f) => f.properties), coverage);
	const numbers = numbersOf(values);
	const classes = sequentialClassification(values, computeBreaks(numbers, 'quantiles', 4).breaks, KINDS.per_thousand.bound);
	const byCode = (code: string) => classes.entries.find((e) => e.code === code)!;

	it('un petit effectif arrive sur la carte en classe « secret », jamais en nombre', () => {
		expect(byCode('98801').value).toEqual({ secret: 'effectif' });
		expect(byCode('98801').classValue).toBe('secret');
		expect(byCode('98801').rank).toBeNull();
		expect(numbers).not.toContain((1000 * 3) / 686);
	});

	it('secret secondaire : une autre commune de l’ETH est masquée (la plus petite)', () => {
		expect(byCode('98826').value).toEqual({ secret: 'secondaire' });
		expect(byCode('98826').classValue).toBe('secret');
		for (const code of ['98810', '98812', '98819']) expect(typeof byCode(code).value).toBe('number');
	});

	it('secret secondaire aussi sous le total d’une province sans ETH', () => {
		expect(byCode('98802').value).toEqual({ secret: 'effectif' });
		expect(byCode('98803').value).toEqual({ secret: 'secondaire' });
		expect(typeof byCode('98818').value).toBe('number');
	});

	it('ni le remplissage, ni l’étiquette, ni le CSV ne portent le nombre masqué', () => {
		const paint = buildPaint({
			key: 'k',
			since: 0,
			classification: classes,
			labelPoints: shapeLabelPoints(communeShapes),
			format: (c) => formatIndicator(coverage, c),
			showValues: true,
			selection: null
		});
		const secretCodes = [...paint.classes].filter(([, v]) => v.classe === SECRET_STATE).map(([c]) => c);
		expect(secretCodes.sort()).toEqual(['98801', '98802', '98803', '98826']);
		for (const code of secretCodes) expect(paint.classes.get(code)!.couleur).toBe(SECRET_COLOR);
		const label = paint.labels.find((l) => l.code === '98801')!;
		expect(label.valeur).toBe('s');
		const csv = mapCsv({ indicator: coverage, classification: classes, unmatched }, []);
		const belep = csv.split('\r\n').find((l) => l.startsWith('98801;'))!;
		expect(belep).toBe('98801;Belep;s;s;686;;s : secret statistique');
		expect(csv).not.toMatch(/4,37/);
	});
});

describe('chaîne complète sur le moteur (jeu « cas limites », 2024)', () => {
	let engine: Engine;
	beforeAll(async () => {
		({ engine } = await fixtureEngine('cas-limites'));
	});

	it('la carte ignore le filtre de territoire mais garde les autres filtres', async () => {
		expect(mapScope({ du: '2024-01-01', au: '2024-12-31', province: 'PN', eth: 'x', commune: '98811', sexe: 'F' })).toEqual({
			du: '2024-01-01',
			au: '2024-12-31',
			sexe: 'F'
		});
		const t = await readTerritory(engine);
		const rows = await mapRows(engine, { du: '2024-01-01', au: '2024-12-31', commune: '98811' }, t, 'parcours');
		const communes = levelRows(rows, 'commune');
		expect(communes.map((r) => r.code)).toEqual(expect.arrayContaining(['98811', '98818', '98801', null]));
	});

	it('des effectifs de 1 à 4 et des taux sur moins de 11 sorties arrivent masqués', async () => {
		const t = await readTerritory(engine);
		const rows = await mapRows(engine, { du: '2024-01-01', au: '2024-12-31' }, t, 'parcours');
		const fa = joinToShapes(levelRows(rows, 'commune'), communeShapes.features.map((f) => f.properties), mapIndicator('file_active'));
		const c = sequentialClassification(fa.values, computeBreaks(numbersOf(fa.values), 'quantiles', 3).breaks, KINDS.count.bound);
		expect(['98811', '98818', '98801'].map((code) => c.classByCode.get(code))).toEqual(['secret', 'secret', 'secret']);
		expect(c.classByCode.get('98805')).toBe('nodata');
		expect(fa.unmatched.map((u) => [u.nom, u.value])).toEqual([['Commune non reconnue', 0]]);
		const rate = joinToShapes(levelRows(rows, 'commune'), communeShapes.features.map((f) => f.properties), mapIndicator('taux_sorties_dynamiques'));
		expect(rate.values.find((v) => v.code === '98811')!.value).toEqual({ secret: 'denominateur' });
		expect(rate.values.find((v) => v.code === '98811')!.numerator).toEqual({ secret: 'effectif' });
	});

	it('chaque indicateur calculé seul (agrégat utile) donne sur chaque territoire les mêmes valeurs masquées que la requête complète', async () => {
		const t = await readTerritory(engine);
		for (const f of [{ du: '2024-01-01', au: '2024-12-31' }, { du: '2023-01-01', au: '2024-12-31', sexe: 'F' }, { du: '2025-01-01', au: '2025-03-31', dispositif: 'jeunes' }]) {
			const full = await mapRows(engine, f, t, 'parcours');
			for (const indicator of MAP_INDICATORS.filter((i) => i.source === 'parcours')) {
				const columns = mapColumns(indicator);
				expect(columns, indicator.key).not.toBeNull();
				const light = await mapRows(engine, f, t, 'parcours', columns);
				for (const level of ['commune', 'eth', 'province'] as const) {
					const pick = (rows: typeof full) =>
						Object.fromEntries(levelRows(rows, level).map((r) => [r.code ?? '∅', columns!.map((c) => r.valeurs[c] ?? null)]));
					// A rate or a duration: a territory without a value has no row (the same « no data »).
					const valued = (rows: typeof full) =>
						Object.fromEntries(Object.entries(pick(rows)).filter(([, v]) => indicator.kind === 'count' || indicator.kind === 'per_thousand' || v[0] !== null));
					expect(valued(light), `${indicator.key} ${level}`).toEqual(valued(full));
				}
			}
		}
	});
});
