/**
 * A page's one-pass query returns rows of several grains (a `grain` column
 * says which, columns another grain has are NULL): the rows of one grain,
 * with only its own columns.
 */
export function grainRows<T>(rows: readonly Record<string, unknown>[], grain: string, columns: readonly string[]): T[] {
	return rows.filter((r) => r.grain === grain).map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])) as T);
}
