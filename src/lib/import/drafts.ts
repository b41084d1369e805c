/**
 * An import in preparation: each table read from the user's files, the
 * canonical table it was recognised as (or that the user chose), and the
 * decision for each column — what the mapping screen shows and edits.
 */
import { tableFromIPC } from 'apache-arrow';
import type { TableName } from '../model/schema';
import type { PreparedFile } from './dataset';
import { proposeMapping, recogniseTable, toColumnMapping, type ColumnDecision, type MappingProfile } from './mapping';
import type { ReadResult, SourceTable } from './source';
import { arrowSamples, SAMPLE_ROWS } from './arrow-staging';

export interface ImportDraft {
	/** Unique within an import: file name, plus the sheet or JSON key. */
	id: string;
	fileName: string;
	part?: string;
	format: ReadResult['format'];
	encoding?: string;
	delimiter?: string;
	source: SourceTable;
	rowCount: number;
	table: TableName | null;
	decisions: ColumnDecision[];
	/** A few values per source column, for the mapping screen. */
	samples: string[][];
}

function samplesOf(source: SourceTable): string[][] {
	if (source.kind === 'text') return source.columns.map((c) => c.slice(0, SAMPLE_ROWS));
	if (source.samples) return source.samples;
	return source.ipc ? arrowSamples(tableFromIPC(source.ipc), source.header) : source.header.map(() => []);
}

/** The name under which a table's choice is remembered in the profile. */
export function draftKey(fileName: string, part?: string): string {
	return part ? `${fileName}#${part}` : fileName;
}

/** Drafts for every table of a read file, recognised with the profile's help. */
export function draftsFromRead(result: ReadResult, profile: MappingProfile): ImportDraft[] {
	return result.tables.map((t) => {
		const id = draftKey(result.fileName, t.part);
		const header = t.source.header;
		const table = recogniseTable(t.part && !profile.fichiers[id] ? t.part : id, header, profile);
		const rowCount = t.source.kind === 'text' ? t.source.lines.length + t.source.malformed.length : t.source.rowCount + (t.source.malformed?.length ?? 0);
		return {
			id,
			fileName: result.fileName,
			part: t.part,
			format: result.format,
			encoding: result.encoding,
			delimiter: result.delimiter,
			source: t.source,
			rowCount,
			table,
			decisions: table ? proposeMapping(table, header, profile) : [],
			samples: samplesOf(t.source)
		};
	});
}

/** The same draft for another table (decisions recomputed). */
export function withTable(draft: ImportDraft, table: TableName | null, profile: MappingProfile): ImportDraft {
	return { ...draft, table, decisions: table ? proposeMapping(table, draft.source.header, profile) : [] };
}

/** The same draft with one column sent to another canonical column (or ignored). */
export function withColumn(draft: ImportDraft, index: number, target: string | null): ImportDraft {
	const decisions = draft.decisions.map((d) => {
		if (d.index === index) return { ...d, target, reason: target ? ('profil' as const) : ('non_reconnue' as const) };
		if (target && d.target === target) return { ...d, target: null, reason: 'non_reconnue' as const };
		return d;
	});
	return { ...draft, decisions };
}

/** What the loader needs from a draft whose table is chosen. */
export function preparedFromDraft(draft: ImportDraft): PreparedFile {
	if (!draft.table) throw new Error(`${draft.id} : choisissez la table correspondante avant d’importer.`);
	const { mapping, dropped, ignored, birthDateColumn } = toColumnMapping(draft.decisions);
	return {
		table: draft.table,
		fileName: draft.id,
		source: draft.source,
		mapping,
		encoding: draft.encoding,
		delimiter: draft.delimiter,
		droppedColumns: dropped,
		ignoredColumns: ignored,
		birthDateColumn
	};
}
