/**
 * Property-based tests of encoding detection: generated French text encoded
 * as UTF-8, UTF-8 with BOM or Windows-1252 decodes back to the same text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText } from './decode';

/** Windows-1252 bytes of the characters outside ASCII that French exports use. */
const CP1252: Record<string, number> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'Œ': 0x8c, 'œ': 0x9c, 'Ÿ': 0x9f };
for (const ch of '\u00a0«°»ÀÂÄÇÈÉÊËÎÏÔÖÙÛÜàâäçèéêëîïôöùûüÿ') CP1252[ch] = ch.charCodeAt(0); // same code as Latin-1

function encodeWindows1252(text: string): Uint8Array {
	return Uint8Array.from(text, (ch) => {
		const code = ch.charCodeAt(0);
		if (code < 0x80) return code;
		const byte = CP1252[ch];
		if (byte === undefined) throw new Error(`pas en Windows-1252 : ${ch}`);
		return byte;
	});
}

/** Words of French exports (communes, accents, ligatures) and the glue between them. */
const word = fc.constantFrom(
	'Nouméa', 'Païta', 'Koné', 'Dumbéa', 'Îles', 'Loyauté', 'élève', 'été', 'café', 'cœur', 'œuvre', 'Œuvre', 'français',
	'où', 'âge', 'forêt', 'Noël', 'naïf', 'Ça', 'À', 'École', 'Émile', 'déjà', 'garçon', 'hôpital', 'août', 'reçu', 'être',
	'piqûre', 'entrée', 'sortie', 'accompagnement', 'Ÿ', 'n°', '12', 'id_personne', 'date_entrée'
);
const glue = fc.constantFrom(' ', ' ', ', ', ';', '; ', ' – ', ' — ', '\n', '\r\n', ' « ', ' » ', ' l’', ' d’', ' 12 € ', '… ', ' “', '” ', ' ‘', '’ ', '\u00a0: ');
const frenchText = fc.array(fc.tuple(word, glue), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
/** The same text without the characters Windows-1252 puts in 0x80–0x9F (€ ’ œ Œ … – — “ ” ‘ Ÿ). */
const latin1Text = frenchText.map((t) => t.replace(/[€’‘“”…–—œŒŸ]/g, "'"));

describe('encodages : propriétés (fast-check)', () => {
	it('UTF-8 sans BOM', () => {
		fc.assert(
			fc.property(frenchText, (text) => {
				expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
			})
		);
	});

	it('UTF-8 avec BOM', () => {
		fc.assert(
			fc.property(frenchText, (text) => {
				const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
				expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-8 (BOM)' });
			})
		);
	});

	it('Windows-1252, lettres accentuées, « », espace insécable, ° (octets 0xA0–0xFF)', () => {
		fc.assert(
			fc.property(latin1Text, (text) => {
				const expected = /[^\x00-\x7f]/.test(text) ? 'windows-1252' : 'utf-8';
				expect(decodeText(encodeWindows1252(text))).toEqual({ text, encoding: expected });
			}),
			{ numRuns: 500 }
		);
	});

	// Node 20's own decoder maps 0x80–0x9F as Latin-1; decode.ts corrects it (browsers are right).
	it('Windows-1252 avec € ’ œ … – — (octets 0x80–0x9F)', () => {
		fc.assert(
			fc.property(frenchText, (text) => {
				const expected = /[^\x00-\x7f]/.test(text) ? 'windows-1252' : 'utf-8';
				expect(decodeText(encodeWindows1252(text))).toEqual({ text, encoding: expected });
			}),
			{ numRuns: 500 }
		);
	});

	it('UTF-8 de texte Unicode quelconque (hors caractères de contrôle)', () => {
		const printable = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => !/[\x00-\x08\x0e-\x1f\ufeff]/.test(s));
		fc.assert(
			fc.property(printable, (text) => {
				expect(decodeText(new TextEncoder().encode(text)).text).toBe(text);
			})
		);
	});
});
