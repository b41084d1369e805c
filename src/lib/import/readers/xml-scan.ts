/**
 * A small, tolerant XML tag scanner for the parts of an .xlsx workbook.
 * DOMParser does not exist in Node (nor in every worker), and a DOM of a
 * 100,000-row sheet would be far too big anyway: this walks the tags one by
 * one, reads attributes on demand and decodes text lazily.
 */

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the XML entities of a text or attribute value (`&amp;`, `&#233;`, `&#xE9;`…). */
export function decodeEntities(raw: string): string {
	if (raw.indexOf('&') < 0) return raw;
	return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return NAMED_ENTITIES[name] ?? whole;
	});
}

/** Decodes a text node that may hold CDATA sections. */
function decodeTextNode(raw: string): string {
	if (raw.indexOf('<![CDATA[') < 0) return decodeEntities(raw);
	let out = '';
	let pos = 0;
	for (;;) {
		const start = raw.indexOf('<![CDATA[', pos);
		if (start < 0) return out + decodeEntities(raw.slice(pos));
		out += decodeEntities(raw.slice(pos, start));
		const end = raw.indexOf(']]>', start + 9);
		if (end < 0) return out + raw.slice(start + 9);
		out += raw.slice(start + 9, end);
		pos = end + 3;
	}
}

export type TagKind = 'open' | 'close' | 'empty';

/**
 * Walks the tags of an XML string. After `next()` returns true, `kind`,
 * `name` (local name, namespace prefix removed), `attr()` and `textBefore()`
 * describe the current tag. Comments, processing instructions and doctype
 * are skipped; CDATA is kept as text.
 */
export class XmlScanner {
	kind: TagKind = 'open';
	name = '';
	private pos = 0;
	private tagStart = 0;
	private tagEnd = 0;
	private prevEnd = 0;
	private nameEnd = 0;

	constructor(private readonly xml: string) {}

	/** Moves to the next tag; false at the end of the document. */
	next(): boolean {
		const xml = this.xml;
		this.prevEnd = this.pos;
		for (;;) {
			const lt = xml.indexOf('<', this.pos);
			if (lt < 0) {
				this.pos = xml.length;
				return false;
			}
			const c = xml.charCodeAt(lt + 1);
			if (c === 33 /* ! */) {
				if (xml.startsWith('<![CDATA[', lt)) {
					const end = xml.indexOf(']]>', lt);
					this.pos = end < 0 ? xml.length : end + 3;
				} else if (xml.startsWith('<!--', lt)) {
					const end = xml.indexOf('-->', lt);
					this.pos = end < 0 ? xml.length : end + 3;
					if (this.prevEnd === lt) this.prevEnd = this.pos;
				} else {
					const end = xml.indexOf('>', lt);
					this.pos = end < 0 ? xml.length : end + 1;
					if (this.prevEnd === lt) this.prevEnd = this.pos;
				}
				continue;
			}
			if (c === 63 /* ? */) {
				const end = xml.indexOf('?>', lt);
				this.pos = end < 0 ? xml.length : end + 2;
				if (this.prevEnd === lt) this.prevEnd = this.pos;
				continue;
			}
			const gt = this.findTagEnd(lt);
			this.tagStart = lt;
			this.tagEnd = gt;
			this.pos = gt + 1;
			const closing = c === 47; /* / */
			const selfClosing = !closing && xml.charCodeAt(gt - 1) === 47;
			this.kind = closing ? 'close' : selfClosing ? 'empty' : 'open';
			let i = closing ? lt + 2 : lt + 1;
			const nameStart = i;
			let colon = -1;
			for (; i < gt; i++) {
				const ch = xml.charCodeAt(i);
				if (ch === 58 /* : */) colon = i;
				else if (ch <= 32 || ch === 47) break;
			}
			this.nameEnd = i;
			this.name = xml.slice(colon >= 0 ? colon + 1 : nameStart, i);
			return true;
		}
	}

	/** Index of the `>` closing the tag opened at `lt` (a `>` inside a quoted attribute value does not count). */
	private findTagEnd(lt: number): number {
		const xml = this.xml;
		let quote = 0;
		for (let i = lt + 1; i < xml.length; i++) {
			const ch = xml.charCodeAt(i);
			if (quote) {
				if (ch === quote) quote = 0;
			} else if (ch === 62 /* > */) return i;
			else if (ch === 34 || ch === 39) quote = ch;
		}
		return xml.length - 1;
	}

	/**
	 * Value of the attribute whose local name is `localName` (so `id` finds
	 * `r:id` but not `sheetId`), entities decoded; undefined when absent.
	 */
	attr(localName: string): string | undefined {
		const xml = this.xml;
		const end = this.tagEnd;
		let i = this.nameEnd;
		while (i < end) {
			while (i < end && (xml.charCodeAt(i) <= 32 || xml.charCodeAt(i) === 47)) i++;
			const start = i;
			while (i < end && xml.charCodeAt(i) !== 61 /* = */ && xml.charCodeAt(i) > 32) i++;
			const attrName = xml.slice(start, i);
			while (i < end && xml.charCodeAt(i) <= 32) i++;
			if (xml.charCodeAt(i) !== 61) {
				if (i === start) i++;
				continue;
			}
			i++;
			while (i < end && xml.charCodeAt(i) <= 32) i++;
			const quote = xml.charCodeAt(i);
			let valueStart: number, valueEnd: number;
			if (quote === 34 || quote === 39) {
				valueStart = i + 1;
				valueEnd = xml.indexOf(String.fromCharCode(quote), valueStart);
				if (valueEnd < 0 || valueEnd > end) valueEnd = end;
				i = valueEnd + 1;
			} else {
				valueStart = i;
				while (i < end && xml.charCodeAt(i) > 32 && xml.charCodeAt(i) !== 47) i++;
				valueEnd = i;
			}
			const colon = attrName.indexOf(':');
			const local = colon >= 0 ? attrName.slice(colon + 1) : attrName;
			if (local === localName) return decodeEntities(xml.slice(valueStart, valueEnd));
		}
		return undefined;
	}

	/** Decoded text between the previous tag and this one (CDATA included). */
	textBefore(): string {
		return decodeTextNode(this.xml.slice(this.prevEnd, this.tagStart));
	}
}
