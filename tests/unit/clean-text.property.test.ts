/**
 * `clean_text` skips `trim` for plain ASCII values (see MACROS_SQL): on
 * generated text with spaces of every kind around and inside, it gives what
 * `nullif(trim(v), '')` gives.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { emptyEngine } from './engine-helpers';

const char = fc.constantFrom('a', 'Z', '7', '!', '~', ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u3000', '\u2003', '\u0085', '\u200b', 'é', '’', '😀', '\u007f', '\u0001');

describe('clean_text', () => {
	it('equals nullif(trim(v), \'\') on text with spaces of every kind, blanks and NULLs', async () => {
		const engine = await emptyEngine();
		const samples = fc.sample(fc.oneof(fc.constant(''), fc.constant(null), fc.string({ unit: char, maxLength: 6 })), { numRuns: 5000, seed: 20261123 });
		await engine.insertArrowIPC('echantillon', tableToIPC(tableFromArrays({ v: samples }), 'stream'), true);
		const differing = await engine.query(`SELECT v FROM echantillon WHERE clean_text(v) IS DISTINCT FROM nullif(trim(v), '')`);
		expect(differing).toEqual([]);
		const [counts] = await engine.query<{ n: number; fast: number }>(
			`SELECT count(*) AS n, count_if(v >= '!' AND NOT suffix(v, ' ') AND strlen(v) = length(v)) AS fast FROM echantillon`
		);
		expect(counts.n).toBe(5000);
		expect(counts.fast).toBeGreaterThan(100); // both paths are exercised
		expect(await engine.query(`SELECT clean_text(12) AS a, clean_text(' x ') AS b, clean_text('\u00a0x') AS c`)).toEqual([{ a: '12', b: 'x', c: 'x' }]);
	});
});
