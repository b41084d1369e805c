import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tableFromIPC } from 'apache-arrow';
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

	it('map a column of identifiers given as Arrow IPC', async () => {
		const key = newPseudonymKey();
		const out = tableFromIPC(await pseudonymiser(key).mapIds(textTableIPC({ v: ['A', 'B'] })));
		expect(out.toArray().map((r) => r.toJSON())).toEqual([
			{ v: 'A', p: pseudonymiser(key).of('A') },
			{ v: 'B', p: pseudonymiser(key).of('B') }
		]);
	});

	it('keys round-trip through hex', () => {
		const key = newPseudonymKey();
		expect(keyFromHex(keyToHex(key))).toEqual(key);
		expect(() => keyFromHex('pas une clé')).toThrow(/illisible/);
	});
});
