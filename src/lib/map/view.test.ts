import { describe, expect, it } from 'vitest';
import { comparedPeriod, DEFAULT_VIEW, viewFromParams, viewToParams } from './view';

describe('réglages de la carte dans l’URL', () => {
	it('valeurs par défaut et valeurs inconnues ignorées', () => {
		expect(viewFromParams(new URLSearchParams())).toEqual(DEFAULT_VIEW);
		expect(viewFromParams(new URLSearchParams('niveau=canton&classes=12&comparer=hier'))).toEqual(DEFAULT_VIEW);
	});

	it('aller-retour, sans toucher aux filtres', () => {
		const view = { ...DEFAULT_VIEW, niveau: 'eth' as const, indicateur: 'taux_emploi_durable', methode: 'manuel' as const, bornes: '10 ; 20 ; 30', comparer: '2023', valeurs: false };
		const params = viewToParams(view, new URLSearchParams('du=2025-01-01&au=2025-12-31&commune=98811'));
		expect(params.get('commune')).toBe('98811');
		expect(params.get('classement')).toBe('manuel');
		expect(viewFromParams(params)).toEqual(view);
		expect(viewToParams(DEFAULT_VIEW, params).toString()).toBe('du=2025-01-01&au=2025-12-31&commune=98811');
	});

	it('période comparée : une année ou la période précédente', () => {
		const f = { du: '2025-01-01', au: '2025-12-31' };
		expect(comparedPeriod({ comparer: '2023' }, f)).toEqual({ du: '2023-01-01', au: '2023-12-31' });
		expect(comparedPeriod({ comparer: 'precedente' }, f)).toEqual({ du: '2024-01-01', au: '2024-12-31' });
		expect(comparedPeriod({ comparer: '' }, f)).toBeNull();
	});
});
