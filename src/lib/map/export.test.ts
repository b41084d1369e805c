import { describe, expect, it } from 'vitest';
import { ATTRIBUTION, exportFilename, exportNotes, mapSubtitle, mapTitle } from './captions';
import { differenceClassification, differenceValues, sequentialClassification } from './choropleth';
import { KINDS, mapIndicator } from './indicators';
import { mapCsv, mapTable } from './table';
import { sheetLayout, wrapText, type DrawOp } from './sheet';

const rate = mapIndicator('taux_emploi_durable');
const values = [
	{ code: '98811', nom: 'Koohnê / Koné', value: 0.4, numerator: 8, denominator: 20 },
	{ code: '98818', nom: 'Nouméa', value: 0.25, numerator: 30, denominator: 120 },
	{ code: '98801', nom: 'Belep', value: { secret: 'denominateur' as const }, numerator: { secret: 'effectif' as const }, denominator: 4 },
	{ code: '98802', nom: 'Bouloupari', value: null }
];
const classification = sequentialClassification(values, [0.25, 0.3, 0.4], KINDS.rate.bound);
const unmatched = [{ code: '', nom: 'Commune non reconnue', value: 0.5, numerator: 6, denominator: 12 }];

describe('tableau derrière la carte', () => {
	it('en français à l’écran, trié par rang puis « s » puis sans donnée', () => {
		const t = mapTable({ indicator: rate, classification, unmatched }, 'display');
		expect(t.header).toEqual(['Code', 'Territoire', 'Taux d’emploi durable (%)', 'Numérateur (sorties en emploi durable)', 'Dénominateur (sorties retenues)', 'Rang', 'Classe']);
		expect(t.rows).toEqual([
			['98811', 'Koohnê / Koné', '40,0\u202f%', '8', '20', '1', '30,0\u202f% – 40,0\u202f%'],
			['98818', 'Nouméa', '25,0\u202f%', '30', '120', '2', '25,0\u202f% – 30,0\u202f%'],
			['98801', 'Belep', 's', 's', '4', '', 's : secret statistique'],
			['98802', 'Bouloupari', '–', '–', '–', '', 'Pas de donnée'],
			['', 'Commune non reconnue', '50,0\u202f%', '6', '12', '', 'Hors carte (commune non reconnue)']
		]);
		expect(t.codes).toEqual(['98811', '98818', '98801', '98802', '']);
	});

	it('CSV : BOM UTF-8, « ; », virgule décimale, « s », notes en fin', () => {
		const csv = mapCsv({ indicator: rate, classification, unmatched }, ['Taux d’emploi durable par commune', ATTRIBUTION]);
		expect(csv.startsWith('\uFEFFCode;Territoire;Taux d’emploi durable (%);')).toBe(true);
		const lines = csv.split('\r\n');
		expect(lines[1]).toBe('98811;Koohnê / Koné;40;8;20;1;30,0\u202f% – 40,0\u202f%');
		expect(lines[3]).toBe('98801;Belep;s;s;4;;s : secret statistique');
		expect(lines[4]).toBe('98802;Bouloupari;;;;;Pas de donnée');
		expect(lines[6]).toBe('');
		expect(lines[8]).toBe(ATTRIBUTION);
	});

	it('comparaison : les deux périodes et l’écart en points', () => {
		const before = [
			{ code: 'a', nom: 'A', value: 0.3 },
			{ code: 'b', nom: 'B', value: { secret: 'effectif' as const } },
			{ code: 'c', nom: 'C', value: 0.5 }
		];
		const after = [
			{ code: 'a', nom: 'A', value: 0.35 },
			{ code: 'b', nom: 'B', value: 0.2 },
			{ code: 'c', nom: 'C', value: 0.4 }
		];
		const diff = differenceValues(before, after);
		expect(diff.map((d) => d.value)).toEqual([expect.closeTo(0.05, 10), { secret: 'effectif' }, expect.closeTo(-0.1, 10)]);
		const c = differenceClassification(diff, 4, KINDS.rate.difference);
		expect(c.breaks).toEqual([-0.1, -0.05, 0, 0.05, 0.1].map((x) => expect.closeTo(x, 10)));
		expect(c.palette).toEqual(['#e66101', '#fdb863', '#b2abd2', '#5e3c99']);
		const t = mapTable({ indicator: rate, classification: c, unmatched: [], periods: { before: 'Année 2023', after: 'Année 2025' } }, 'display');
		expect(t.header.slice(2)).toEqual(['Taux d’emploi durable (%) – Année 2023', 'Taux d’emploi durable (%) – Année 2025', 'Écart (points de %)', 'Rang de l’écart', 'Classe de l’écart']);
		expect(t.rows[0]).toEqual(['a', 'A', '30,0\u202f%', '35,0\u202f%', '+5,0\u202fpts', '1', '±0,0\u202fpt – +5,0\u202fpts']);
		expect(t.rows[2].slice(2, 5)).toEqual(['s', '20,0\u202f%', 's']);
	});
});

describe('feuille PNG', () => {
	const measure = (text: string) => text.length * 7;
	const input = {
		title: mapTitle(rate, 'commune'),
		subtitle: mapSubtitle({ du: '2025-01-01', au: '2025-12-31', sexe: 'F' }, 'commune', null),
		maps: [{ caption: null, width: 900, height: 640 }],
		legends: [{ title: rate.label, rows: classification.legend }],
		notes: exportNotes({ indicator: rate, source: 'demo', date: new Date('2025-06-30T00:00:00Z') })
	};
	const layout = sheetLayout(input, measure);
	const texts = layout.ops.filter((o): o is Extract<DrawOp, { op: 'text' }> => o.op === 'text').map((o) => o.text);

	it('porte le titre, la période, la légende, la source, l’attribution et la mention du secret', () => {
		expect(texts[0]).toBe('Taux d’emploi durable par commune');
		expect(texts[1]).toBe('Année 2025 · Communes · Sexe : Femmes');
		expect(texts).toContain('25,0\u202f% – 30,0\u202f% (1)');
		expect(texts).toContain('s : secret statistique (1)');
		const all = texts.join(' ');
		expect(all).toContain('Source : données de démonstration (fictives)');
		expect(all).toContain('export du 30/06/2025');
		expect(all).toContain('Limites communales : Gouvernement de la Nouvelle-Calédonie (DTSI/Georep), via contours.nc (CC BY 4.0)');
		expect(all).toContain('Secret statistique appliqué');
	});

	it('place la carte, hachure le secret, et tient dans la largeur', () => {
		expect(layout.ops.filter((o) => o.op === 'map')).toEqual([{ op: 'map', index: 0, x: 24, y: expect.any(Number), w: 900, h: 640 }]);
		expect(layout.ops.filter((o) => o.op === 'hatch')).toHaveLength(1);
		for (const o of layout.ops) if (o.op === 'text') expect(o.x + measure(o.text)).toBeLessThanOrEqual(layout.width);
		expect(layout.height).toBeGreaterThan(640);
	});

	it('réduit trois cartes côte à côte à la largeur maximale', () => {
		const wide = sheetLayout({ ...input, maps: [0, 1, 2].map((i) => ({ caption: `Carte ${i}`, width: 600, height: 430 })) }, measure);
		const maps = wide.ops.filter((o) => o.op === 'map');
		expect(maps).toHaveLength(3);
		expect(maps.reduce((s, m) => s + (m.op === 'map' ? m.w : 0), 0)).toBeLessThanOrEqual(1500);
	});

	it('coupe les lignes trop longues', () => {
		expect(wrapText('un deux trois quatre', '', 70, measure)).toEqual(['un deux', 'trois', 'quatre']);
	});

	it('nomme les fichiers sans accent', () => {
		expect(exportFilename(rate, 'eth', { du: '2025-01-01', au: '2025-12-31' }, 'png', { du: '2023-01-01' })).toBe('carte-taux_emploi_durable-eth-2023-vs-2025.png');
	});
});
