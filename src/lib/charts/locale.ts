/** French formats for chart axes and labels. */
const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** Axis tick format for counts: `1 234`. */
export const tickNumber = (n: number): string => fr.format(n);
/** Axis tick format for fractions: `25 %`. */
export const tickPercent = (n: number): string => `${fr.format(n * 100)}\u202f%`;
/** `T2 2024` for a quarter start date. */
export function quarterLabel(d: Date): string {
	return `T${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
}
/** `mars 2024` for a month start date. */
export function monthLabel(d: Date): string {
	return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
