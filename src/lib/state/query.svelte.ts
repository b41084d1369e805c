/**
 * A query resource: re-runs when its inputs (filters, dataset version)
 * change, exposes loading / error / rows, and ignores stale answers. Every
 * panel reads through one, so all share the same loading/empty/error states.
 */
import type { Engine } from '../db/engine';
import { QueryError } from '../db/engine';
import { data } from './data.svelte';

export interface QuerySpec<T> {
	/** Identifies the inputs; shown as `data-for` so tests and the benchmark can wait for it. */
	key: string;
	run: (engine: Engine) => Promise<T>;
}

export class QueryResource<T> {
	value = $state<T | null>(null);
	error = $state<string | null>(null);
	loading = $state(true);
	/** Key of the inputs the current value answers. */
	key = $state('');
	#generation = 0;

	/** `spec` is read in an effect: every reactive value it reads is an input. */
	constructor(spec: () => QuerySpec<T> | null) {
		$effect(() => {
			if (data.status !== 'pret' || data.busy) return;
			void data.version;
			const s = spec();
			if (!s) return;
			const generation = ++this.#generation;
			this.loading = true;
			data
				.engine()
				.then((engine) => s.run(engine))
				.then(
					(value) => {
						if (generation !== this.#generation) return;
						this.value = value;
						this.error = null;
						this.key = s.key;
						this.loading = false;
					},
					(error: unknown) => {
						if (generation !== this.#generation) return;
						console.error(error instanceof QueryError ? `${error.message}\n${error.sql}` : error);
						this.error =
							error instanceof QueryError
								? `La requête a échoué : ${error.message.split('\n')[0]}`
								: `Erreur : ${error instanceof Error ? error.message : String(error)}`;
						this.key = s.key;
						this.loading = false;
					}
				);
		});
	}
}

/**
 * Hands the engine the queries of the page's likely next filters, run while
 * nobody waits (see `db/cache.ts`); `sqls` is read in an effect like a spec.
 */
export function warmUpEngine(page: string, sqls: () => string[] | null): void {
	$effect(() => {
		if (data.status !== 'pret' || data.busy) return;
		void data.version;
		const list = sqls();
		if (!list) return;
		void data.engine().then((engine) => engine.warmUp(page, list));
		// Leaving the page (or changing its filters) drops what is left of its list.
		return () => void data.engine().then((engine) => engine.warmUp(page, []));
	});
}
