import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyFormat, columnIndex, columnLetters, excelSerialToClock, excelSerialToIso, formatExcelNumber, isoCellDate } from './xlsx-values';

describe('formats de nombre Excel', () => {
	it.each([
		[14, undefined, 'date'],
		[22, undefined, 'date'],
		[20, undefined, 'time'],
		[46, undefined, 'elapsed'],
		[0, undefined, 'number'],
		[4, undefined, 'number'],
		[164, 'dd/mm/yyyy', 'date'],
		[164, '[$-40C]d mmmm yyyy;@', 'date'],
		[164, 'yyyy-mm-dd hh:mm:ss', 'date'],
		[164, 'mmm-yy', 'date'],
		[164, 'h:mm AM/PM', 'time'],
		[164, 'mm:ss', 'time'],
		[164, '[h]:mm:ss', 'elapsed'],
		[164, '#,##0 "jours"', 'number'],
		[164, '[Red]0.00;[Blue]-0.00', 'number'],
		[164, '0.00E+00', 'number'],
		[164, '#,##0.00\\ [$€-40C]', 'number'],
		[164, 'General', 'number'],
		[164, '@', 'number']
	] as const)('format %i « %s » → %s', (id, code, kind) => {
		expect(classifyFormat(id, code)).toBe(kind);
	});
});

describe('dates Excel', () => {
	it('convertit les numéros de série (calendrier 1900, bogue du 29 février 1900)', () => {
		expect(excelSerialToIso(1)).toBe('1900-01-01');
		expect(excelSerialToIso(59)).toBe('1900-02-28');
		expect(excelSerialToIso(60)).toBe('1900-02-29');
		expect(excelSerialToIso(61)).toBe('1900-03-01');
		expect(excelSerialToIso(45000)).toBe('2023-03-15');
		expect(excelSerialToIso(45000.25)).toBe('2023-03-15 06:00:00');
		expect(excelSerialToIso(45000.999999)).toBe('2023-03-16');
		expect(excelSerialToIso(0, true)).toBe('1904-01-01');
		expect(excelSerialToIso(-1)).toBeUndefined();
		expect(excelSerialToIso(3_000_000)).toBeUndefined();
	});

	it('fait l’aller-retour avec les dates calendaires après mars 1900', () => {
		fc.assert(
			fc.property(fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
				const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
				const serial = (day - Date.UTC(1899, 11, 30)) / 86_400_000;
				expect(excelSerialToIso(serial)).toBe(new Date(day).toISOString().slice(0, 10));
			})
		);
	});

	it('écrit les heures et durées', () => {
		expect(excelSerialToClock(0.5)).toBe('12:00:00');
		expect(excelSerialToClock(1.5)).toBe('36:00:00');
		expect(isoCellDate('2024-01-02T00:00:00.000Z')).toBe('2024-01-02');
		expect(isoCellDate('2024-01-02T10:30:00')).toBe('2024-01-02 10:30:00');
	});
});

describe('nombres et références', () => {
	it('écrit les nombres sans séparateur de milliers, avec un point, sans .0, arrondis à 15 chiffres', () => {
		expect(formatExcelNumber('42')).toBe('42');
		expect(formatExcelNumber('42.0')).toBe('42');
		expect(formatExcelNumber('1234567.5')).toBe('1234567.5');
		expect(formatExcelNumber('0.30000000000000004')).toBe('0.3');
		expect(formatExcelNumber('-1.2E-3')).toBe('-0.0012');
		expect(formatExcelNumber('123456789012345678')).toBe('123456789012346000');
	});

	it('convertit lettres de colonne et indices dans les deux sens', () => {
		expect(columnIndex('A1')).toBe(0);
		expect(columnIndex('AB12')).toBe(27);
		expect(columnIndex('12')).toBe(-1);
		fc.assert(fc.property(fc.integer({ min: 0, max: 16_383 }), (i) => columnIndex(columnLetters(i) + '7') === i));
	});
});
