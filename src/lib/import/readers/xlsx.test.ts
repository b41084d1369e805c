import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { ImportError } from '../decode';
import { listSheets, openWorkbook, readSheet } from './xlsx';
import { buildXlsx, inlineCell, numberCell, sharedCell } from '../../../../tests/fixtures/import/xlsx-builder';

/** Styles: 0 General, 1 dd/mm/yyyy (builtin 14), 2 custom date-time, 3 custom time, 4 two decimals, 5 custom date. */
const STYLES = {
	numFmts: [
		{ id: 164, code: 'dd/mm/yyyy\\ hh:mm' },
		{ id: 165, code: '[$-F400]h:mm:ss\\ AM/PM' },
		{ id: 166, code: '[$-40C]d\\ mmmm\\ yyyy;@' }
	],
	cellXfs: [0, 14, 164, 165, 2, 166]
};

const STRINGS = [
	'<t>id_personne</t>',
	'<t>commune</t>',
	'<t>date_entree</t>',
	'<r><rPr><b/></rPr><t>Nou</t></r><r><t xml:space="preserve">méa </t></r><rPh sb="0" eb="1"><t>ヌ</t></rPh>',
	'<t>A &amp; B &lt;C&gt; &#233;t&#xE9; l&apos;&quot;an&quot;</t>',
	'<t>ligne 1_x000D_\nligne 2</t>',
	'<t>Païta</t>'
];

const PERSONNES = [
	// row 1 is empty: the header is the first non-blank row
	'<row r="2">' + sharedCell('A2', 0) + sharedCell('B2', 1) + sharedCell('C2', 2) + inlineCell('D2', 'montant') + inlineCell('E2', 'actif') + inlineCell('F2', 'heure') + inlineCell('G2', 'note') + '</row>',
	'<row r="3">' + inlineCell('A3', 'P1') + sharedCell('B3', 3) + numberCell('C3', 45000, 1) + numberCell('D3', 1234.5, 4) + '<c r="E3" t="b"><v>1</v></c>' + numberCell('F3', 0.75, 3) + sharedCell('G3', 4) + '</row>',
	'<row r="4">' + numberCell('A4', 42) + sharedCell('B4', 6) + numberCell('C4', 45000.5, 2) + numberCell('D4', '0.30000000000000004') + '<c r="E4" t="b"><v>0</v></c>' + '<c r="F4" t="e"><v>#N/A</v></c>' + sharedCell('G4', 5) + '</row>',
	// row 5 missing, row 6 only a styled empty cell: both blank
	'<row r="6"><c r="A6" s="1"/></row>',
	'<row r="7">' + inlineCell('A7', 'P3') + '<c r="B7" t="s"><v></v></c>' + '<c r="C7" s="5"><v>45001</v></c>' + '<c r="D7"><f>SUM(1,2)</f><v>3</v></c>' + '<c r="G7" t="str"><f>A7&amp;"x"</f><v>P3x</v></c>' + '</row>'
].join('');

const PARCOURS = '<row r="1">' + inlineCell('A1', 'id_parcours') + '</row><row r="2">' + inlineCell('A2', 'PA1') + '</row>';

const workbook = () =>
	buildXlsx({
		sheets: [
			{ name: 'Personnes', sheetData: PERSONNES },
			{ name: 'Parcours 2024', sheetData: PARCOURS }
		],
		sharedStrings: STRINGS,
		...STYLES
	});

describe('lecteur .xlsx', () => {
	it('liste les feuilles dans l’ordre du classeur', () => {
		expect(listSheets(workbook())).toEqual(['Personnes', 'Parcours 2024']);
	});

	it('convertit chaque cellule en texte (dates ISO, nombres, booléens, chaînes partagées et en ligne)', () => {
		const t = readSheet(workbook(), 'Personnes');
		expect(t.kind).toBe('text');
		expect(t.header).toEqual(['id_personne', 'commune', 'date_entree', 'montant', 'actif', 'heure', 'note']);
		expect(t.lines).toEqual([3, 4, 7]);
		const rows = t.lines.map((_, i) => t.columns.map((c) => c[i]));
		expect(rows[0]).toEqual(['P1', 'Nouméa ', '2023-03-15', '1234.5', 'true', '18:00:00', 'A & B <C> été l\'"an"']);
		expect(rows[1]).toEqual(['42', 'Païta', '2023-03-15 12:00:00', '0.3', 'false', '#N/A', 'ligne 1\r\nligne 2']);
		expect(rows[2]).toEqual(['P3', '', '2023-03-16', '3', '', '', 'P3x']);
		expect(t.malformed).toEqual([]);
		expect(t.blankLines).toBe(2);
	});

	it('lit la seconde feuille', () => {
		const t = readSheet(workbook(), 'Parcours 2024');
		expect(t.header).toEqual(['id_parcours']);
		expect(t.columns).toEqual([['PA1']]);
		expect(t.lines).toEqual([2]);
	});

	it('nomme d’après leur lettre les colonnes sans en-tête qui ont des valeurs, et écarte les colonnes vides', () => {
		const xlsx = buildXlsx({
			sheets: [
				{
					name: 'F',
					sheetData:
						'<row r="1">' + inlineCell('B1', 'a') + inlineCell('D1', 'c') + '</row>' +
						'<row r="2">' + numberCell('B2', 1) + numberCell('D2', 3) + numberCell('F2', 5) + '</row>' +
						'<row r="3">' + numberCell('B3', 2) + '</row>'
				}
			]
		});
		const t = readSheet(xlsx, 'F');
		expect(t.header).toEqual(['a', 'c', 'Colonne F']);
		expect(t.columns).toEqual([['1', '2'], ['3', ''], ['5', '']]);
	});

	it('lit les cellules et lignes sans référence, et les balises préfixées (x:)', () => {
		const xlsx = buildXlsx({
			prefix: 'x',
			sheets: [{ name: 'S', sheetData: '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row><row><c><v>1</v></c><c><v>2.25</v></c></row>' }]
		});
		const t = readSheet(xlsx, 'S');
		expect(t.header).toEqual(['a', 'b']);
		expect(t.columns).toEqual([['1'], ['2.25']]);
		expect(t.lines).toEqual([2]);
	});

	it('gère le calendrier 1904 et le faux 29 février 1900', () => {
		const cells = (...v: number[]) => v.map((x, i) => numberCell(String.fromCharCode(65 + i) + '2', x, 1)).join('');
		const head = '<row r="1">' + ['a', 'b', 'c', 'd', 'e'].map((h, i) => inlineCell(String.fromCharCode(65 + i) + '1', h)).join('') + '</row>';
		const sheetData = head + `<row r="2">${cells(1, 59, 60, 61, 36526)}</row>`;
		const t1900 = readSheet(buildXlsx({ sheets: [{ name: 'S', sheetData }], cellXfs: [0, 14] }), 'S');
		expect(t1900.columns.map((c) => c[0])).toEqual(['1900-01-01', '1900-02-28', '1900-02-29', '1900-03-01', '2000-01-01']);
		const t1904 = readSheet(buildXlsx({ sheets: [{ name: 'S', sheetData }], cellXfs: [0, 14], date1904: true }), 'S');
		expect(t1904.columns.map((c) => c[0])).toEqual(['1904-01-02', '1904-02-29', '1904-03-01', '1904-03-02', '2004-01-02']);
	});

	it('refuse en français une feuille inconnue ou vide, une archive abîmée, un ZIP qui n’est pas un classeur', () => {
		const xlsx = buildXlsx({ sheets: [{ name: 'Vide', sheetData: '<row r="1"><c r="A1" s="0"/></row>' }] });
		expect(() => readSheet(xlsx, 'Autre')).toThrow(/La feuille « Autre » n’existe pas/);
		expect(() => readSheet(xlsx, 'Vide')).toThrow(/La feuille « Vide » est vide/);
		expect(() => listSheets(xlsx.subarray(0, xlsx.length - 30))).toThrow(ImportError);
		expect(() => listSheets(xlsx.subarray(0, xlsx.length - 30))).toThrow(/endommagé ou incomplet/);
		const docx = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
		expect(() => listSheets(docx)).toThrow(/document Word/);
		const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') });
		expect(() => listSheets(ods)).toThrow(/OpenDocument \(\.ods\)/);
	});

	it('lit 100 000 lignes × 14 colonnes en quelques secondes, avec la progression', () => {
		const rows: string[] = ['<row r="1">' + Array.from({ length: 14 }, (_, c) => sharedCell(`${String.fromCharCode(65 + c)}1`, 0)).join('') + '</row>'];
		for (let r = 2; r <= 100_001; r++) {
			let row = `<row r="${r}" spans="1:14">`;
			for (let c = 0; c < 14; c++) {
				const ref = `${String.fromCharCode(65 + c)}${r}`;
				row += c === 2 ? numberCell(ref, 44000 + (r % 1000), 1) : c % 3 === 0 ? sharedCell(ref, 1 + (r % 5)) : numberCell(ref, r * 0.5 + c);
			}
			rows.push(row + '</row>');
		}
		const xlsx = buildXlsx({
			sheets: [{ name: 'Gros', sheetData: rows.join('') }],
			sharedStrings: ['<t>col</t>', '<t>Nouméa</t>', '<t>Dumbéa</t>', '<t>Mont-Dore</t>', '<t>Païta</t>', '<t>Koné</t>'],
			cellXfs: [0, 14]
		});
		const progress: number[] = [];
		const started = performance.now();
		const t = openWorkbook(xlsx).readSheet('Gros', (n) => progress.push(n))!;
		const ms = performance.now() - started;
		expect(t.lines.length).toBe(100_000);
		expect(t.lines[99_999]).toBe(100_001);
		expect(t.columns[2][0]).toBe('2020-06-20'); // serial 44002
		expect(t.columns[1][1]).toBe('2.5'); // row 3, column B: 3 × 0.5 + 1
		expect(progress).toEqual([50_000, 100_000]);
		expect(ms).toBeLessThan(10_000);
	});
});
