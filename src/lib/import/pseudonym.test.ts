import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dictionary, Int32, LargeUtf8, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { hmacSha256Hex } from './hmac-sha256';
import { keyFromHex, keyToHex, newPseudonymKey, pseudonymiser, pseudonymWebCrypto } from './pseudonym';
import { textTableIPC } from './arrow-staging';

describe('HMAC-SHA-256', () => {
	it('equals Node’s HMAC for any text and key (1 to 3 blocks, Unicode)', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.string({ unit: 'grapheme', maxLength: 200 }), (key, text) => {
				expect(hmacSha256Hex(key)(text)).toBe(createHmac('sha256', Buffer.from(key)).update(text, 'utf8').digest('hex'));
			}),
			{ numRuns: 300 }
		);
	});

	it('matches the RFC 4231 test case 2', () => {
		const mac = hmacSha256Hex(new TextEncoder().encode('Jefe'));
		expect(mac('what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
	});
});

describe('pseudonymes', () => {
	it('are the Web Crypto HMAC of the trimmed identifier, stable for a key, different across keys', async () => {
		const key = newPseudonymKey();
		const p = pseudonymiser(key);
		for (const id of ['P000123', ' P000123 ', 'Émile', 'IND-0001']) expect(p.of(id)).toBe(await pseudonymWebCrypto(key, id));
		expect(p.of('P1')).toMatch(/^p[0-9a-f]{24}$/);
		expect(pseudonymiser(key).of('P1')).toBe(p.of('P1'));
		expect(pseudonymiser(newPseudonymKey()).of('P1')).not.toBe(p.of('P1'));
	});

	it('map identifier columns given as Arrow IPC: one row per distinct value as read, blanks left out', async () => {
		const key = newPseudonymKey();
		const ipc = textTableIPC({ a: ['A', 'B', null, ' A ', '  '], b: ['B', 'C', 'A', null, ''] });
		const out = tableFromIPC(await pseudonymiser(key).mapIds(ipc));
		const of = pseudonymiser(key).of;
		expect(out.toArray().map((r) => r.toJSON())).toEqual([
			{ v: 'A', p: of('A') },
			{ v: 'B', p: of('B') },
			{ v: ' A ', p: of('A') },
			{ v: 'C', p: of('C') }
		]);
	});

	it('map identifiers from their UTF-8 bytes exactly as one by one: any text, spaces, repeats, nulls; text, large text and dictionary columns', async () => {
		const key = newPseudonymKey();
		const p = pseudonymiser(key);
		const text = fc.oneof(
			fc.string({ unit: 'grapheme', maxLength: 12 }),
			fc.constantFrom('P1', ' P1', 'P1\t', '\u00a0P1', 'P1\u3000', '\ufeffP1', '', '  ', '\n', 'Émile', 'IND-0001')
		);
		await fc.assert(
			fc.asyncProperty(fc.array(fc.option(text, { nil: null }), { maxLength: 40 }), async (values) => {
				// Arrow's reader decodes text with TextDecoder, which drops a leading BOM: compare as it reads.
				const asRead = (v: string) => new TextDecoder().decode(new TextEncoder().encode(v));
				const nonBlank = values.filter((v): v is string => v !== null && v.trim() !== '');
				const expected = new Map(nonBlank.map((v) => [asRead(v), p.of(v)]));
				const columns = [
					textTableIPC({ a: values }),
					tableToIPC(new Table({ a: vectorFromArray(values, new LargeUtf8()) }), 'stream'),
					tableToIPC(new Table({ a: vectorFromArray(values, new Dictionary(new Utf8(), new Int32())) }), 'stream')
				];
				for (const ipc of columns) {
					const out = tableFromIPC(await p.mapIds(ipc)).toArray().map((r) => [r.v as string, r.p as string] as const);
					expect(new Map(out)).toEqual(expected);
					expect(out.length).toBe(new Set(nonBlank).size);
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('keys round-trip through hex', () => {
		const key = newPseudonymKey();
		expect(keyFromHex(keyToHex(key))).toEqual(key);
		expect(() => keyFromHex('pas une clé')).toThrow(/illisible/);
	});
});
