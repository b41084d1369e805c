import { describe, expect, it } from 'vitest';
import { decodeEntities, XmlScanner } from './xml-scan';

function tokens(xml: string): string[] {
	const out: string[] = [];
	const tag = new XmlScanner(xml);
	while (tag.next()) {
		const text = tag.textBefore();
		if (text.trim()) out.push(`"${text}"`);
		out.push(`${tag.kind}:${tag.name}`);
	}
	return out;
}

describe('lecteur de balises XML', () => {
	it('décode les entités nommées et numériques', () => {
		expect(decodeEntities('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#xE9;&#x1F600; &unknown;')).toBe(
			'a & b <c> "d" \'e\' éé😀 &unknown;'
		);
	});

	it('enchaîne balises ouvrantes, fermantes et vides, sans préfixe d’espace de noms', () => {
		expect(tokens('<?xml version="1.0"?><!-- note --><x:a k="1"><b/><c>t &amp; u</c></x:a>')).toEqual([
			'open:a',
			'empty:b',
			'open:c',
			'"t & u"',
			'close:c',
			'close:a'
		]);
	});

	it('lit les attributs par nom local, avec > dans une valeur et des apostrophes', () => {
		const tag = new XmlScanner(`<sheet name="A > B &amp; C" sheetId='2' r:id="rId7"/>`);
		expect(tag.next()).toBe(true);
		expect(tag.kind).toBe('empty');
		expect(tag.attr('name')).toBe('A > B & C');
		expect(tag.attr('sheetId')).toBe('2');
		expect(tag.attr('id')).toBe('rId7');
		expect(tag.attr('absent')).toBeUndefined();
	});

	it('garde le texte des sections CDATA tel quel', () => {
		const tag = new XmlScanner('<t><![CDATA[a <b> & c]]></t>');
		tag.next();
		tag.next();
		expect(tag.kind).toBe('close');
		expect(tag.textBefore()).toBe('a <b> & c');
	});
});
