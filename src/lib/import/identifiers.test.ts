/**
 * Identifier work done while a file is read (import/identifiers): the columns
 * it picks are the mapping screen's, its pseudonyms are those of the import,
 * and its key check never says « no repeat » where the import's SQL would
 * find one.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dictionary, Int32, Table, tableFromIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { IdentifierWork, identifierColumns, KeyRepeats } from './identifiers';
import { EMPTY_PROFILE } from './mapping';
import { newPseudonymKey, pseudonymiser } from './pseudonym';
import { textTableIPC } from './arrow-staging';
import { createNodeEngine } from '../db/node-engine';
import { MACROS_SQL } from '../model/ddl';

const textTable = (columns: Record<string, (string | null)[]>) => tableFromIPC(textTableIPC(columns));

describe('identifierColumns', () => {
	it('picks the person identifiers and the key the mapping screen proposes', () => {
		expect(identifierColumns('export_parcours.csv', ['N° dossier', 'Identifiant bénéficiaire', 'Dispositif', 'Date d’entrée'], EMPTY_PROFILE)).toEqual({
			person: ['Identifiant bénéficiaire'],
			key: 'N° dossier'
		});
		expect(identifierColumns('parcours.parquet', ['id_parcours', 'id_personne', 'date_entree'], EMPTY_PROFILE)).toEqual({
			person: ['id_personne'],
			key: 'id_parcours'
		});
	});

	it('follows the profile, and gives nothing for a table it does not recognise', () => {
		const profile = { ...EMPTY_PROFILE, fichiers: { 'liste.csv': 'personnes' }, colonnes: { personnes: { Matricule: 'id_personne' } } };
		expect(identifierColumns('liste.csv', ['Matricule', 'Sexe'], profile)).toEqual({ person: ['Matricule'], key: 'Matricule' });
		expect(identifierColumns('notes.csv', ['a', 'b'], EMPTY_PROFILE)).toBeNull();
	});
});

describe('IdentifierWork', () => {
	it('gives, piece by piece, the pseudonyms the import computes on the whole column', async () => {
		const key = newPseudonymKey();
		const ids = Array.from({ length: 3000 }, (_, i) => (i % 11 === 0 ? null : i % 13 === 0 ? ' ' : `P${i % 700}${i % 3 ? '' : ' '}`));
		const work = new IdentifierWork(key, { person: ['id_personne'] });
		for (let from = 0; from < ids.length; from += 1000) work.add(textTable({ id_personne: ids.slice(from, from + 1000), autre: ids.slice(from, from + 1000) }));
		const { pseudonyms, keyRepeated } = work.finish();
		const whole = tableFromIPC(await pseudonymiser(key).mapIds(textTableIPC({ id_personne: ids })));
		expect(tableFromIPC(pseudonyms!).toArray().map((r) => r.toJSON())).toEqual(whole.toArray().map((r) => r.toJSON()));
		expect(keyRepeated).toBeNull();
	});

	it('gives no pseudonyms when a person column is not text (the import computes them from DuckDB)', () => {
		const work = new IdentifierWork(newPseudonymKey(), { person: ['id_personne'], key: 'id_parcours' });
		work.add(new Table({ id_personne: vectorFromArray([1, 2, 3]), id_parcours: vectorFromArray(['a', 'b', 'c'], new Utf8()) }));
		expect(work.finish()).toEqual({ pseudonyms: null, keyRepeated: false });
	});
});

describe('KeyRepeats', () => {
	const repeated = (values: (string | null)[], dictionary = false) => {
		const check = new KeyRepeats();
		const vector = dictionary ? vectorFromArray(values, new Dictionary(new Utf8(), new Int32())) : textTable({ k: values }).getChild('k')!;
		for (const data of vector.data) check.add(data);
		return check.repeated;
	};

	it('sees repeats across pieces and once trimmed, and none among distinct keys, blanks aside', () => {
		expect(repeated(['A1', 'A2', 'A3'])).toBe(false);
		expect(repeated(['A1', 'A2', ' A1'])).toBe(true);
		expect(repeated(['A1', '\u00a0A1'])).toBe(true);
		expect(repeated(['A1', null, null, '', '  ', 'A2'])).toBe(false);
		expect(repeated(['A1', 'A2', 'A1'], true)).toBe(true);
		expect(repeated(['A1', 'A2', 'A3'], true)).toBe(false);
		const check = new KeyRepeats();
		for (const piece of [['A1', 'A2'], ['A3', 'A1']]) for (const data of textTable({ k: piece }).getChild('k')!.data) check.add(data);
		expect(check.repeated).toBe(true);
	});

	it('never says « no repeat » where the import’s SQL finds a repeated key (generated keys: spaces of every kind, accents, case)', async () => {
		const engine = await createNodeEngine();
		await engine.exec(MACROS_SQL);
		const spaces = [' ', '\u00a0', '\t', '\u202f', '\u3000', '\u2007', '\ufeff', '\n'];
		const part = fc.oneof(fc.constantFrom(...spaces), fc.constantFrom('A', 'a', 'é', 'E\u0301', '1', '-'));
		const keyValue = fc.option(fc.array(part, { maxLength: 4 }).map((p) => p.join('')), { nil: null });
		await fc.assert(
			fc.asyncProperty(fc.array(keyValue, { minLength: 1, maxLength: 12 }), fc.boolean(), async (values, dictionary) => {
				const rows = values.map((v, i) => `(${i}, ${v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`})`).join(', ');
				// The typed key of a text key column, as the checked table casts it (validation.ts castExpr).
				const [{ n }] = await engine.query<{ n: number }>(
					`SELECT count(*) AS n FROM (SELECT clean_text(v) AS k FROM (VALUES ${rows}) t(i, v) WHERE clean_text(v) IS NOT NULL GROUP BY 1 HAVING count(*) > 1)`
				);
				if (n > 0) expect(repeated(values, dictionary)).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});
