/**
 * The one quoting helper: every user-supplied value that ends up in SQL goes
 * through `lit` (values) or `ident` (names). Nothing else splices text into SQL.
 */

/** A SQL literal for a JS value: strings quoted, numbers checked, null as NULL. */
export function lit(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return 'NULL';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`Nombre invalide dans une requête : ${value}`);
		return String(value);
	}
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL date literal from an ISO date string, validated. */
export function dateLit(iso: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`Date invalide dans une requête : ${iso}`);
	return `DATE ${lit(iso)}`;
}

/** A quoted SQL identifier (table or column name). */
export function ident(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL list `(a, b, c)` of literals; `(NULL)` when empty so `IN` stays valid. */
export function litList(values: readonly (string | number)[]): string {
	return values.length ? `(${values.map(lit).join(', ')})` : '(NULL)';
}
