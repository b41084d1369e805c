/** Small statistics for benchmark figures (continuous quantiles, like the indicators). */
export function quantile(values: number[], p: number): number {
	const s = [...values].sort((a, b) => a - b);
	const pos = (s.length - 1) * p;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (values: number[]): number => quantile(values, 0.5);
export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
