/**
 * From masked territory rows to what the map paints: the join of values to
 * shapes (unknown territories counted aside), the class breaks of the chosen
 * method, each territory's class and rank, the legend, and the difference
 * between two periods. Pure functions; values arrive after secrecy, so a
 * masked value can only ever become the 'secret' class.
 */
import { isMasked, type Cell, type Masked } from '../secrecy/policy';
import {
	classify,
	equalIntervalBreaks,
	jenksBreaks,
	legendClasses,
	manualBreaks,
	quantileBreaks,
	symmetricBreaks
} from './classify';
import { divergingPalette, NO_DATA_COLOR, SECRET_COLOR, sequentialPalette, type ClassValue } from './palette';
import { indicatorCells, type MapIndicator } from './indicators';

export type ClassMethod = 'quantiles' | 'jenks' | 'egal' | 'manuel';

/** Classification methods offered, with their French labels. */
export const CLASS_METHODS: readonly { key: ClassMethod; label: string }[] = [
	{ key: 'quantiles', label: 'Quantiles (effectifs égaux)' },
	{ key: 'jenks', label: 'Seuils naturels (Jenks)' },
	{ key: 'egal', label: 'Intervalles égaux' },
	{ key: 'manuel', label: 'Bornes manuelles' }
];

/** A territory's value for one indicator, after secrecy. */
export interface TerritoryValue {
	code: string;
	nom: string;
	value: Cell;
	numerator?: Cell;
	denominator?: Cell;
	/** Compare mode: the two periods' values behind a difference. */
	before?: Cell;
	after?: Cell;
}

/** A row of masked indicators for one territory (code null = not recognised). */
export interface MaskedTerritory {
	code: string | null;
	libelle: string;
	valeurs: Record<string, unknown>;
}

export interface JoinResult {
	/** One per shape, in shape order; a shape without a row has no data. */
	values: TerritoryValue[];
	/** Rows that no shape carries (commune not recognised, unknown code): counted aside. */
	unmatched: TerritoryValue[];
}

/** Joins the rows of one level to the shapes of that level on the territory code. */
export function joinToShapes(
	rows: readonly MaskedTerritory[],
	shapes: readonly { code: string; nom: string }[],
	indicator: MapIndicator
): JoinResult {
	const shapeCodes = new Set(shapes.map((s) => s.code));
	const byCode = new Map<string, MaskedTerritory>();
	const unmatched: TerritoryValue[] = [];
	for (const row of rows) {
		if (row.code !== null && shapeCodes.has(row.code)) byCode.set(row.code, row);
		else unmatched.push({ code: row.code ?? '', nom: row.libelle, ...valueOf(row, indicator) });
	}
	const values = shapes.map((s) => {
		const row = byCode.get(s.code);
		return { code: s.code, nom: s.nom, ...(row ? valueOf(row, indicator) : { value: null }) };
	});
	return { values, unmatched };
}

function valueOf(row: MaskedTerritory, indicator: MapIndicator): Omit<TerritoryValue, 'code' | 'nom'> {
	const { value, numerator, denominator } = indicatorCells(row.valeurs, indicator);
	const out: Omit<TerritoryValue, 'code' | 'nom'> = { value };
	if (numerator !== undefined) out.numerator = numerator;
	if (denominator !== undefined) out.denominator = denominator;
	return out;
}

/** The published numbers among values (masked and missing ones left out). */
export function numbersOf(values: readonly TerritoryValue[]): number[] {
	return values.map((v) => v.value).filter((c): c is number => typeof c === 'number' && Number.isFinite(c));
}

/**
 * Class bounds (k + 1, see classify.ts) by `method`. Manual bounds that do
 * not validate fall back to quantiles, with the French message to show.
 */
export function computeBreaks(
	numbers: readonly number[],
	method: ClassMethod,
	k: number,
	manual: readonly (number | string)[] = []
): { breaks: number[]; message: string | null } {
	switch (method) {
		case 'jenks':
			return { breaks: jenksBreaks(numbers, k), message: null };
		case 'egal':
			return { breaks: equalIntervalBreaks(numbers, k), message: null };
		case 'manuel': {
			const result = manualBreaks(manual);
			if (result.ok) return { breaks: result.breaks, message: null };
			return { breaks: quantileBreaks(numbers, k), message: `${result.message} Quantiles appliqués en attendant.` };
		}
		default:
			return { breaks: quantileBreaks(numbers, k), message: null };
	}
}

/** A territory ready to paint. */
export interface MapEntry extends TerritoryValue {
	classValue: ClassValue;
	/** 1 = highest published value; equal values share a rank; null when not published. */
	rank: number | null;
}

export interface LegendRow {
	kind: 'class' | 'secret' | 'nodata';
	label: string;
	color: string;
	count: number;
}

export interface Classification {
	entries: MapEntry[];
	breaks: number[];
	palette: string[];
	classByCode: Map<string, ClassValue>;
	legend: LegendRow[];
	/** Territories with a published value (the ranks' base). */
	ranked: number;
}

/** Competition ranks (1, 2, 2, 4) of the published values, highest first. */
export function ranks(values: readonly TerritoryValue[]): Map<string, number> {
	const published = values.filter((v) => typeof v.value === 'number' && Number.isFinite(v.value)) as (TerritoryValue & {
		value: number;
	})[];
	const sorted = [...published].sort((a, b) => b.value - a.value);
	const out = new Map<string, number>();
	sorted.forEach((v, i) => out.set(v.code, i > 0 && sorted[i - 1].value === v.value ? (out.get(sorted[i - 1].code) as number) : i + 1));
	return out;
}

/**
 * Classes, ranks and legend of values under `breaks`. `palette` must have one
 * colour per class (breaks.length − 1). Masked values get the 'secret' class,
 * missing ones 'nodata': neither is ever placed in a numeric class.
 */
export function classifyValues(
	values: readonly TerritoryValue[],
	breaks: readonly number[],
	palette: readonly string[],
	formatBound: (n: number) => string
): Classification {
	const rankByCode = ranks(values);
	const classByCode = new Map<string, ClassValue>();
	const entries = values.map((v): MapEntry => {
		let classValue: ClassValue;
		if (isMasked(v.value)) classValue = 'secret';
		else if (typeof v.value !== 'number' || !Number.isFinite(v.value)) classValue = 'nodata';
		else classValue = classify(v.value, breaks) ?? 'nodata';
		classByCode.set(v.code, classValue);
		return { ...v, classValue, rank: rankByCode.get(v.code) ?? null };
	});
	const numbers = numbersOf(values);
	const legend: LegendRow[] = legendClasses(numbers, breaks).map((c, i) => ({
		kind: 'class',
		label: c.from === c.to ? formatBound(c.from) : `${formatBound(c.from)} – ${formatBound(c.to)}`,
		color: palette[i],
		count: c.count
	}));
	const secret = entries.filter((e) => e.classValue === 'secret').length;
	const nodata = entries.filter((e) => e.classValue === 'nodata').length;
	legend.push({ kind: 'secret', label: 's : secret statistique', color: SECRET_COLOR, count: secret });
	legend.push({ kind: 'nodata', label: 'Pas de donnée', color: NO_DATA_COLOR, count: nodata });
	return { entries, breaks: [...breaks], palette: [...palette], classByCode, legend, ranked: rankByCode.size };
}

/** Sequential classification of one period's values (light = low, dark = high). */
export function sequentialClassification(
	values: readonly TerritoryValue[],
	breaks: readonly number[],
	formatBound: (n: number) => string
): Classification {
	const palette = breaks.length >= 2 ? sequentialPalette(breaks.length - 1) : [];
	return classifyValues(values, breaks, palette, formatBound);
}

/**
 * Difference `after − before` per territory, for compare mode: masked when
 * either side is masked (the reason of the first masked side), missing when
 * either side is missing. Both inputs are in shape order.
 */
export function differenceValues(before: readonly TerritoryValue[], after: readonly TerritoryValue[]): TerritoryValue[] {
	const afterByCode = new Map(after.map((v) => [v.code, v]));
	return before.map((b) => {
		const a = afterByCode.get(b.code);
		const x = b.value;
		const y = a?.value ?? null;
		let value: Cell = null;
		if (isMasked(x) || isMasked(y)) value = { secret: ((isMasked(x) ? x : y) as Masked).secret };
		else if (typeof x === 'number' && typeof y === 'number') value = y - x;
		return { code: b.code, nom: b.nom, value, before: x, after: y };
	});
}

/** Diverging classification of differences: k symmetric classes around 0. */
export function differenceClassification(
	differences: readonly TerritoryValue[],
	k: number,
	formatDifference: (n: number) => string
): Classification {
	const breaks = symmetricBreaks(numbersOf(differences), k);
	const palette = breaks.length >= 2 ? divergingPalette(breaks.length - 1) : [];
	return classifyValues(differences, breaks, palette, formatDifference);
}
