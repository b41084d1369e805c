import { describe, expect, it } from 'vitest';
import { ImportError } from '../decode';
import { readJson } from './json';
import type { TextSource } from '../source';

const rows = (t: TextSource) => t.lines.map((_, i) => t.columns.map((c) => c[i]));

describe('lecteur JSON', () => {
	it('lit une liste d’objets plats : en-tête = union des clés dans l’ordre de première apparition', () => {
		const tables = readJson(
			JSON.stringify([
				{ id: 'P1', age: 34, actif: true, commune: 'Nouméa' },
				{ id: 'P2', commune: null, extra: { a: 1 }, age: 2.5 },
				{ id: 'P3', actif: false, liste: [1, 'x'] }
			])
		);
		expect(tables).toHaveLength(1);
		expect(tables[0].part).toBeUndefined();
		const t = tables[0].source as TextSource;
		expect(t.header).toEqual(['id', 'age', 'actif', 'commune', 'extra', 'liste']);
		expect(rows(t)).toEqual([
			['P1', '34', 'true', 'Nouméa', '', ''],
			['P2', '2.5', '', '', '{"a":1}', ''],
			['P3', '', 'false', '', '', '[1,"x"]']
		]);
		expect(t.lines).toEqual([1, 2, 3]);
		expect(t.malformed).toEqual([]);
	});

	it('lit un objet de listes : une table par clé, les autres clés ignorées', () => {
		const tables = readJson(
			'\uFEFF' +
				JSON.stringify({
					exporte_le: '2024-05-01',
					personnes: [{ id_personne: 'P1' }, { id_personne: 'P2' }],
					parcours: [{ id_parcours: 'A', id_personne: 'P1' }]
				})
		);
		expect(tables.map((t) => t.part)).toEqual(['personnes', 'parcours']);
		expect(rows(tables[0].source as TextSource)).toEqual([['P1'], ['P2']]);
		expect((tables[1].source as TextSource).header).toEqual(['id_parcours', 'id_personne']);
	});

	it('signale les éléments qui ne sont pas des objets, ligne par ligne', () => {
		const t = readJson('[{"id": "a"}, 3, null, {"id": "b"}]')[0].source as TextSource;
		expect(rows(t)).toEqual([['a'], ['b']]);
		expect(t.lines).toEqual([1, 4]);
		expect(t.malformed.map((m) => [m.line, m.raw])).toEqual([
			[2, '3'],
			[3, 'null']
		]);
	});

	it('lit le JSON Lines (un objet par ligne), avec les numéros de ligne', () => {
		const t = readJson('{"id": "a", "n": 1}\n\n{"id": "b"}\r\n')[0].source as TextSource;
		expect(t.header).toEqual(['id', 'n']);
		expect(rows(t)).toEqual([
			['a', '1'],
			['b', '']
		]);
		expect(t.lines).toEqual([1, 3]);
	});

	it.each([
		['{"id": 1}', /liste d’objets \(une ligne par objet\)/],
		['[1, 2, 3]', /liste d’objets/],
		['"texte"', /liste d’objets/],
		['{"a": [1, 2]}', /liste d’objets/],
		['[]', /liste du fichier JSON est vide/],
		['   ', /JSON est vide/],
		['[{"id": 1}, {"id": ', /mal formé : il s’arrête au milieu d’une valeur \(fichier tronqué \?\)/],
		['[{"id": 1},\n {"id" 2}]', /mal formé \(erreur ligne 2, colonne 8\)/]
	])('refuse en français : %s', (text, message) => {
		expect(() => readJson(text)).toThrow(ImportError);
		expect(() => readJson(text)).toThrow(message);
	});
});
