/**
 * What the identifier work done while a file was read (import/identifiers)
 * gives its load: used only when the user kept the columns it was done on,
 * and with the key the import pseudonymises with.
 */
import type { TableDef } from '../model/schema';
import type { ColumnMapping } from './load-table';
import type { Pseudonymiser } from './pseudonym';
import type { SourceTable } from './source';

export interface IdentifiersAhead {
	/** The pseudonyms' `(v, p)` IPC (a copy: a failed import may be run again), or null when not computed ahead. */
	pseudonyms: Promise<Uint8Array | null> | null;
	/** True when the staged keys cannot repeat. */
	distinctKeys: Promise<boolean>;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The identifier work of `source` that applies to loading it with `mapping` (its person columns `persons`). */
export function identifiersAhead(
	source: SourceTable,
	def: TableDef,
	mapping: ColumnMapping,
	persons: string[],
	pseudonym: Pseudonymiser | undefined
): IdentifiersAhead {
	const early = source.kind === 'arrow' ? source.staged?.identifiers : undefined;
	if (!early) return { pseudonyms: null, distinctKeys: Promise.resolve(false) };
	const result = early.result.catch(() => null); // a failure: the import computes them itself
	const personHeaders = persons.map((c) => source.header[mapping[c]]);
	const pseudonymsApply = !!pseudonym && persons.length > 0 && sameBytes(early.pseudonymKey, pseudonym.key) && sameSet(early.columns.person, personHeaders);
	const keyHeader = def.key !== undefined && mapping[def.key] !== undefined ? source.header[mapping[def.key]] : undefined;
	// A key that is a person identifier is cast through its pseudonyms: they must be these.
	const keyApplies = keyHeader !== undefined && early.columns.key === keyHeader && (!persons.includes(def.key!) || pseudonymsApply);
	return {
		pseudonyms: pseudonymsApply ? result.then((r) => r?.pseudonyms?.slice() ?? null) : null,
		distinctKeys: keyApplies ? result.then((r) => r?.keyRepeated === false) : Promise.resolve(false)
	};
}
