/**
 * Pure builders of the competences and sector pages: chart options (the
 * objects Plot receives), the actions table's search / sort / CSV, and
 * secrecy within a row (positioned = paired + attrition).
 */
import { describe, expect, it } from 'vitest';
import { funnelData, funnelOptions } from '../../src/lib/charts/funnel';
import { flowData, levelFlowOptions, FLOW_DIRECTIONS } from '../../src/lib/charts/level-flow';
import { employmentExitsOptions, projectsPlacesOptions, PROJECTS_PLACES_SERIES } from '../../src/lib/charts/sectors';
import { actionsCsv, searchActions, sortActions, type ActionLabels } from '../../src/routes/secteurs/actions-table';
import type { MaskedAction } from '../../src/lib/panels/secteurs';
import { applySecrecy } from '../../src/lib/secrecy/apply';
import { levelLabel } from '../../src/lib/model/labels';
import { formatLevels, formatXpf } from '../../src/lib/format/number';

const S = { secret: 'effectif' } as const;

describe('chain (funnel) chart', () => {
	it('one bar per stage, counts with their share of the screened, « s » and « non calculé »', () => {
		const stages = [
			{ etape: 'reperage', label: 'Repérage', personnes: 200 },
			{ etape: 'positionnement', label: 'Positionnement', personnes: 150 },
			{ etape: 'formation', label: 'Formation', personnes: null },
			{ etape: 'evaluation_finale', label: 'Évaluation finale', personnes: S }
		];
		expect(funnelData(stages).map((d) => [d.label, d.valeur, d.texte])).toEqual([
			['Repérage', 200, '200'],
			['Positionnement', 150, '150 (75 % des repérés)'],
			['Formation', 0, 'non calculé pour ces filtres'],
			['Évaluation finale', 0, 's']
		]);
		const o = funnelOptions(stages);
		expect(o.y?.domain).toEqual(['Repérage', 'Positionnement', 'Formation', 'Évaluation finale']);
		expect(o.marks).toHaveLength(2);
	});
});

describe('level-to-level flow chart', () => {
	const rows = [
		{ domaine: 'lire', niveau_initial: 1, niveau_final: 2, personnes: 40 },
		{ domaine: 'lire', niveau_initial: 2, niveau_final: 2, personnes: 10 },
		{ domaine: 'lire', niveau_initial: 3, niveau_final: 2, personnes: S },
		{ domaine: 'calcul', niveau_initial: 1, niveau_final: 1, personnes: 0 }
	];
	it('direction by level change, width by count, masked flows thin, « s » on hover', () => {
		const d = flowData(rows, 'ANLCI');
		expect(d.map((x) => [x.domaine, x.sens, x.texte, x.secret])).toEqual([
			['Lire', FLOW_DIRECTIONS[0], '40', false],
			['Lire', FLOW_DIRECTIONS[1], '10', false],
			['Lire', FLOW_DIRECTIONS[2], 's', true]
		]);
		expect(d[0].largeur).toBeCloseTo(15.5, 10);
		expect(d[1].largeur).toBeCloseTo(1.5 + 14 * Math.sqrt(0.25), 10);
		expect(d[2].largeur).toBe(1);
		expect(d[0].titre).toBe('Lire : degré 1 → degré 2\n40 personnes');
	});

	it('one facet per domain in reading order, levels named after the referential', () => {
		const o = levelFlowOptions(rows, 'CECRL');
		expect(o.fx?.domain).toEqual(['Lire']);
		expect(o.y?.ticks).toEqual([1, 2, 3]);
		expect((o.y?.tickFormat as (v: number) => string)(2)).toBe('A2');
		expect(o.color?.domain).toEqual([...FLOW_DIRECTIONS]);
		expect(levelLabel('interne', 3)).toBe('niveau 3');
	});
});

describe('sector charts', () => {
	it('projects vs places: two bars per sector, masked counts read « s »', () => {
		const o = projectsPlacesOptions([
			{ secteur: 'BTP', projets: 627, places_prevues: 63 },
			{ secteur: 'Numérique', projets: S, places_prevues: 0 }
		]);
		expect(o.color?.domain).toEqual([...PROJECTS_PLACES_SERIES]);
		expect(o.y?.domain).toEqual(['BTP', 'Numérique']);
		expect(o.x?.domain).toEqual([0, 627]);
		expect(o.marks).toHaveLength(3);
	});

	it('exits into employment: stacked durable + transition; a masked split draws no bar', () => {
		const o = employmentExitsOptions([
			{ secteur: 'BTP', sorties_emploi: 77, sorties_emploi_durable: 36, sorties_emploi_transition: 41 },
			{ secteur: 'Autre', sorties_emploi: 6, sorties_emploi_durable: S, sorties_emploi_transition: { secret: 'secondaire' } }
		]);
		expect(o.x?.domain).toEqual([0, 77]);
		expect(o.marks).toHaveLength(2);
	});
});

describe('actions table', () => {
	const labels: ActionLabels = { secteur: (c) => (c === 'btp' ? 'BTP' : (c ?? '')), commune: (c) => (c === '98811' ? 'Koohnê / Koné' : (c ?? '')) };
	const action = (id: string, extra: Record<string, unknown>) =>
		({
			id_action: id, intitule: `Action ${id}`, type_action: 'qualifiante', secteur: 'btp', organisme: 'AFPA NC', financeur: 'Province Nord',
			commune_lieu: '98811', date_debut: '2025-03-03', date_fin: '2025-05-30', heures: 400, places_prevues: 8, cout_prevu_xpf: 6_000_000,
			cout_realise_xpf: null, entrees: 12, abandons: 2, heures_realisees: 100, taux_remplissage: 1.5, taux_abandon: 2 / 12,
			cout_par_participant_xpf: null, sorties_dynamiques: 6, cout_par_sortie_dynamique_xpf: null, ...extra
		}) as unknown as MaskedAction;
	const rows = [
		action('A1', { intitule: 'Savoirs de base – Koné', type_action: 'savoirs_de_base', cout_realise_xpf: 1_800_000, entrees: S }),
		action('A2', { cout_realise_xpf: 3_300_000 }),
		action('A3', { intitule: 'Chantier d’insertion – Nouméa', commune_lieu: '98818', cout_realise_xpf: null })
	];

	it('search: every word, accents and case ignored, over title, type, sector, place, organisme', () => {
		expect(searchActions(rows, 'SAVOIRS kone', labels).map((r) => r.id_action)).toEqual(['A1']);
		expect(searchActions(rows, 'btp', labels)).toHaveLength(3);
		expect(searchActions(rows, '', labels)).toHaveLength(3);
	});

	it('sort: numbers by value, masked then missing values last whatever the direction', () => {
		expect(sortActions(rows, 'cout_realise_xpf', 'desc', labels).map((r) => r.id_action)).toEqual(['A2', 'A1', 'A3']);
		expect(sortActions(rows, 'cout_realise_xpf', 'asc', labels).map((r) => r.id_action)).toEqual(['A1', 'A2', 'A3']);
		expect(sortActions(rows, 'entrees', 'desc', labels).map((r) => r.id_action)).toEqual(['A2', 'A3', 'A1']);
		expect(sortActions(rows, 'intitule', 'asc', labels).map((r) => r.id_action)).toEqual(['A2', 'A3', 'A1']);
	});

	it('CSV: BOM, « ; », decimal comma, rates in %, « s » for masked values, notes at the end', () => {
		const csv = actionsCsv(rows.slice(0, 2), labels, ['Actions — année 2025', 'secret statistique appliqué']);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(
			'\uFEFFIdentifiant;Intitulé;Type;Secteur;Organisme;Financeur;Lieu;Début;Fin;Heures;Places;Entrées;Remplissage (%);Abandons;Abandon (%);Coût prévu (XPF);Coût réalisé (XPF);Coût par participant (XPF);Sorties dynamiques;Coût par sortie dynamique (XPF)'
		);
		expect(lines[1]).toBe('A1;Savoirs de base – Koné;Savoirs de base;BTP;AFPA NC;Province Nord;Koohnê / Koné;03/03/2025;30/05/2025;400;8;s;150;2;16,7;6000000;1800000;;6;');
		expect(lines.slice(-3)).toEqual(['Actions — année 2025', 'secret statistique appliqué', '']);
	});
});

describe('secrecy within a row', () => {
	it('positioned = paired + attrition: one hidden part hides another one', () => {
		const measures = { pos: { kind: 'count' as const }, pairs: { kind: 'count' as const }, attr: { kind: 'count' as const } };
		const sums = [{ total: 'pos', parts: ['pairs', 'attr'] }];
		const [a, b, c] = applySecrecy(
			[
				{ pos: 30, pairs: 27, attr: 3 },
				{ pos: 30, pairs: 2, attr: 1 },
				{ pos: 3, pairs: 0, attr: 3 }
			],
			measures,
			undefined,
			undefined,
			sums
		);
		expect(a).toEqual({ pos: 30, pairs: { secret: 'secondaire' }, attr: { secret: 'effectif' } });
		expect(b).toEqual({ pos: 30, pairs: { secret: 'effectif' }, attr: { secret: 'effectif' } });
		expect(c).toEqual({ pos: { secret: 'effectif' }, pairs: 0, attr: { secret: 'effectif' } });
	});

	it('formats: mean gain in levels and amounts in XPF', () => {
		expect(formatLevels(0.9125)).toBe('+0,9\u00a0niveau');
		expect(formatLevels(2)).toBe('+2,0\u00a0niveaux');
		expect(formatXpf(12_500_000)).toBe('12\u202f500\u202f000\u00a0XPF');
	});
});

describe('chain year by year', () => {
	it('one line per stage, masked or not computed values are gaps', async () => {
		const { stageYearsOptions } = await import('../../src/lib/charts/funnel');
		const o = stageYearsOptions([
			{ annee: 2024, reperage: 10, positionnement: 8, formation: null, evaluation_finale: { secret: 'effectif' } },
			{ annee: 2025, reperage: 12, positionnement: 9, formation: 5, evaluation_finale: 6 }
		]);
		expect(o.color?.domain).toEqual(['Repérage', 'Positionnement', 'Formation', 'Évaluation finale']);
		const line = (o.marks as unknown as { data: { annee: string; etape: string; valeur: number | null }[] }[])[1].data;
		expect(line.filter((d) => d.annee === '2024').map((d) => d.valeur)).toEqual([10, 8, null, null]);
	});
});
