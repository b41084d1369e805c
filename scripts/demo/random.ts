/**
 * Seeded pseudo-random numbers for the demo dataset: sfc32 seeded through
 * splitmix32, hand-written so that the same seed gives the same bytes on
 * every machine and every Node version.
 */

/** 32-bit FNV-1a hash of a label, used to derive independent streams. */
function hashLabel(label: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < label.length; i++) {
		h ^= label.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

/** A seeded generator with the draws the demo model needs. */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(private readonly seed: number) {
		let s = seed >>> 0;
		const splitmix = () => {
			s = (s + 0x9e3779b9) >>> 0;
			let z = s;
			z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
			z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
			return (z ^ (z >>> 16)) >>> 0;
		};
		this.a = splitmix();
		this.b = splitmix();
		this.c = splitmix();
		this.d = splitmix();
		for (let i = 0; i < 12; i++) this.next();
	}

	/** An independent stream for one part of the model, so parts do not shift each other. */
	fork(label: string): Random {
		return new Random((this.seed ^ hashLabel(label)) >>> 0);
	}

	/** Uniform in [0, 1). */
	next(): number {
		const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
		this.d = (this.d + 1) >>> 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) >>> 0;
		this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
		this.c = (this.c + t) >>> 0;
		return t / 4294967296;
	}

	/** Uniform in [min, max). */
	uniform(min: number, max: number): number {
		return min + (max - min) * this.next();
	}

	/** Integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	/** One element, uniformly. */
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** One key of a weight table, with probability proportional to its weight. */
	weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
		const keys = Object.keys(weights) as K[];
		return keys[this.index(keys.map((k) => weights[k]))];
	}

	/** An index drawn with probability proportional to weights[i]. */
	index(weights: readonly number[]): number {
		let total = 0;
		for (const w of weights) total += Math.max(0, w);
		let u = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			u -= Math.max(0, weights[i]);
			if (u < 0) return i;
		}
		return weights.length - 1;
	}

	/** Up to n distinct indices drawn without replacement, proportional to weights. */
	sample(weights: readonly number[], n: number): number[] {
		// Efraimidis–Spirakis: keep the n largest u^(1/w).
		const keyed: [number, number][] = [];
		for (let i = 0; i < weights.length; i++) {
			if (weights[i] > 0) keyed.push([Math.log(this.next() || 1e-12) / weights[i], i]);
		}
		keyed.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
		return keyed.slice(0, n).map(([, i]) => i);
	}

	/** Normal draw (Box–Muller). */
	normal(mean: number, sd: number): number {
		const u = 1 - this.next();
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** Log-normal draw given its median and log-scale spread. */
	logNormal(median: number, sigma: number): number {
		return median * Math.exp(this.normal(0, sigma));
	}

	/** Exponential draw with the given mean. */
	exponential(mean: number): number {
		return -mean * Math.log(1 - this.next());
	}

	/** Poisson draw (Knuth; fine for the small means used here). */
	poisson(lambda: number): number {
		const limit = Math.exp(-lambda);
		let k = 0;
		let p = this.next();
		while (p > limit) {
			k++;
			p *= this.next();
		}
		return k;
	}
}
