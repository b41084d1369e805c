import type { Row } from './engine';

/** Minimal structural view of an Arrow table, so both Arrow copies (ESM/CJS) fit. */
interface ArrowLike {
	numRows: number;
	schema: { fields: { name: string; type: { typeId: number; toString(): string } }[] };
	getChildAt(i: number): { get(row: number): unknown } | null;
}

const MS_PER_DAY = 86_400_000;

function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** Converts one Arrow value to a plain JS value according to its column type. */
function plainValue(value: unknown, typeName: string): unknown {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (typeName.startsWith('Date')) {
		const ms = typeof value === 'number' ? value : (value as Date).valueOf();
		return isoDate(ms);
	}
	if (typeName.startsWith('Timestamp')) {
		const ms = typeof value === 'number' ? value : (value as Date).valueOf();
		return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
	}
	if (typeName.startsWith('Decimal')) return Number(String(value));
	if (typeof value === 'object' && value !== null && 'toJSON' in value) {
		return (value as { toJSON(): unknown }).toJSON();
	}
	return value;
}

/**
 * Turns an Arrow result into plain rows: numbers are JS numbers, dates are ISO
 * strings `YYYY-MM-DD` (time-zone free, comparable as text).
 */
export function arrowToRows<T extends Row = Row>(table: ArrowLike): T[] {
	const fields = table.schema.fields;
	const columns = fields.map((_, i) => table.getChildAt(i));
	const types = fields.map((f) => f.type.toString());
	const rows: T[] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Row = {};
		for (let c = 0; c < fields.length; c++) {
			row[fields[c].name] = plainValue(columns[c]?.get(r), types[c]);
		}
		rows[r] = row as T;
	}
	return rows;
}

export { MS_PER_DAY };
