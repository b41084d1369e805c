/**
 * French number formats for everything a person reads: `1 234`, `12,5 %`,
 * `+3,2 pts`, `12 500 000 XPF`. Masked cells read « s ».
 */
import { isMasked, type Cell } from '../secrecy/policy';

const intFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** The text shown for a masked value. */
export const SECRET_TEXT = 's';
/** The text shown when there is no value. */
export const EMPTY_TEXT = '–';

function guard(cell: Cell | undefined, format: (n: number) => string): string {
	if (isMasked(cell)) return SECRET_TEXT;
	if (cell === null || cell === undefined || Number.isNaN(cell)) return EMPTY_TEXT;
	return format(cell);
}

/** `1 234` (narrow no-break space as thousands separator, as fr-FR does). */
export function formatInteger(cell: Cell | undefined): string {
	return guard(cell, (n) => intFormat.format(n));
}

/** A fraction 0–1 as `12,5 %`. */
export function formatPercent(cell: Cell | undefined): string {
	return guard(cell, (n) => `${oneDecimal.format(n * 100)}\u202f%`);
}

/** A number of days, `45 j` or `12,5 j`. */
export function formatDays(cell: Cell | undefined): string {
	return guard(cell, (n) => `${upToOneDecimal.format(n)}\u202fj`);
}

/** A rate per 1,000 inhabitants, `12,3 ‰`. */
export function formatPerThousand(cell: Cell | undefined): string {
	return guard(cell, (n) => `${oneDecimal.format(n)}\u202f‰`);
}

/** An amount in francs CFP, `12 500 000 XPF`. */
export function formatXpf(cell: Cell | undefined): string {
	return guard(cell, (n) => `${intFormat.format(Math.round(n))}\u00a0XPF`);
}

/** A mean gain in levels, `+0,9 niveau`, `+1,2 niveaux`. */
export function formatLevels(cell: Cell | undefined): string {
	return guard(cell, (n) => {
		const sign = n > 0 ? '+' : n < 0 ? '−' : '';
		return `${sign}${oneDecimal.format(Math.abs(n))}\u00a0niveau${Math.abs(n) >= 2 ? 'x' : ''}`;
	});
}

/** A change between two fractions in percentage points, `+3,2 pts`. */
export function formatPointsChange(delta: number): string {
	const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
	return `${sign}${oneDecimal.format(Math.abs(delta * 100))}\u202fpt${Math.abs(delta * 100) >= 2 ? 's' : ''}`;
}

/** A relative change, `+12,0 %`. */
export function formatRelativeChange(ratio: number): string {
	const sign = ratio > 0 ? '+' : ratio < 0 ? '−' : '±';
	return `${sign}${oneDecimal.format(Math.abs(ratio * 100))}\u202f%`;
}

/** `12/03/2025` from an ISO date. */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return EMPTY_TEXT;
	const [y, m, d] = iso.slice(0, 10).split('-');
	return `${d}/${m}/${y}`;
}

/** A period for titles: `année 2025`, or `du 01/03/2025 au 31/05/2025`. */
export function formatPeriod(du: string, au: string): string {
	if (du.endsWith('-01-01') && au.endsWith('-12-31') && du.slice(0, 4) === au.slice(0, 4)) return `année ${du.slice(0, 4)}`;
	return `du ${formatDate(du)} au ${formatDate(au)}`;
}
