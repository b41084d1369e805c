import { describe, expect, it } from 'vitest';
import { PARCOURS_MEASURES } from '../queries/parcours';
import { STAGE_MEASURES } from '../queries/competences';

/** The secrecy measures of each map source. */
const MEASURES = { parcours: PARCOURS_MEASURES, competences: STAGE_MEASURES };
import { csvValue, displayedBounds, formatIndicator, indicatorCells, KINDS, labelWithUnit, MAP_INDICATORS, mapIndicator, parseDisplayedBounds } from './indicators';

describe('registre des indicateurs de la carte', () => {
	it('couvre les effectifs, taux, couverture et durées des parcours', () => {
		const keys = MAP_INDICATORS.map((i) => i.key);
		for (const k of ['file_active', 'nouveaux_accueillis', 'sorties', 'taux_sorties_dynamiques', 'taux_emploi_durable', 'taux_couverture_1000', 'delai_entree_median_jours', 'duree_accompagnement_mediane_jours']) {
			expect(keys).toContain(k);
		}
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('ne lit que des colonnes protégées par le secret de leur source', () => {
		for (const i of MAP_INDICATORS) {
			for (const column of [i.column, i.numerator?.column, i.denominator?.column].filter(Boolean) as string[]) {
				expect(MEASURES[i.source][column], `${i.key}: ${column}`).toBeDefined();
			}
		}
	});

	it('le type d’indicateur suit la protection de sa colonne', () => {
		for (const i of MAP_INDICATORS) {
			const m = MEASURES[i.source][i.column].kind;
			const expected = { count: ['count'], rate: ['rate'], per_thousand: ['follows'], days: ['stat'] }[i.kind];
			expect(expected, i.key).toContain(m);
		}
	});

	it('retombe sur l’indicateur par défaut pour une clé inconnue', () => {
		expect(mapIndicator('inconnu').key).toBe('taux_sorties_dynamiques');
	});
});

describe('extraction des valeurs', () => {
	const rate = mapIndicator('taux_emploi_durable');
	it('lit valeur, numérateur et dénominateur', () => {
		const row = { taux_emploi_durable: 0.25, sorties_emploi_durable: 5, sorties_retenues: 20 };
		expect(indicatorCells(row, rate)).toEqual({ value: 0.25, numerator: 5, denominator: 20 });
	});
	it('garde une valeur masquée masquée, et rend null pour le reste', () => {
		const row = { taux_emploi_durable: { secret: 'denominateur' }, sorties_emploi_durable: { secret: 'effectif' }, sorties_retenues: 'x' };
		expect(indicatorCells(row, rate)).toEqual({ value: { secret: 'denominateur' }, numerator: { secret: 'effectif' }, denominator: null });
		expect(indicatorCells(undefined, mapIndicator('file_active'))).toEqual({ value: null, numerator: undefined, denominator: undefined });
	});
});

describe('formats français', () => {
	it('affiche, exporte et compare', () => {
		const rate = mapIndicator('taux_sorties_dynamiques');
		expect(formatIndicator(rate, 0.125)).toBe('12,5\u202f%');
		expect(formatIndicator(rate, { secret: 'effectif' })).toBe('s');
		expect(formatIndicator(mapIndicator('file_active'), 1234)).toBe('1\u202f234');
		expect(csvValue(rate, 0.125)).toBe('12,5');
		expect(csvValue(null, 1234)).toBe('1234');
		expect(csvValue(rate, { secret: 'secondaire' })).toBe('s');
		expect(csvValue(rate, null)).toBe('');
		expect(KINDS.rate.difference(0.032)).toBe('+3,2\u202fpts');
		expect(KINDS.rate.difference(-0.01)).toBe('−1,0\u202fpt');
		expect(KINDS.days.difference(-5)).toBe('−5\u202fj');
		expect(KINDS.count.bound(12.5)).toBe('12,5');
		expect(labelWithUnit(rate)).toBe('Taux de sorties dynamiques (%)');
		expect(labelWithUnit(mapIndicator('delai_entree_median_jours'))).toBe('Délai d’entrée médian (jours)');
	});

	it('bornes manuelles saisies en unités affichées (%)', () => {
		const rate = mapIndicator('taux_emploi_durable');
		expect(parseDisplayedBounds(rate, '0 ; 12,5 ; 50')).toEqual(['0', '0.125', '0.5']);
		expect(parseDisplayedBounds(rate, '10 ; abc')).toEqual(['0.1', 'abc']);
		expect(displayedBounds(rate, [0, 0.125, 0.5])).toBe('0 ; 12,5 ; 50');
	});
});
