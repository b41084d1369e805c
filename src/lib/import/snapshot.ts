/**
 * Snapshots of a loaded dataset: the canonical tables as Arrow IPC streams
 * plus the import report. Used to keep the user's data in the browser between
 * visits, and to ship the demo dataset already imported (the build runs the
 * same import in Node), so the dashboard starts without re-checking it.
 */
import type { Engine } from '../db/engine';
import { TABLES, TABLE_NAMES, type TableName } from '../model/schema';
import { ANALYSIS_TABLES, VIEWS_SQL, createSchemaSql, dropSchemaSql } from '../model/ddl';
import { ident } from '../queries/sql';
import type { DatasetReport } from './report';

export interface Snapshot {
	tables: Partial<Record<TableName, Uint8Array>>;
	report: DatasetReport;
	/**
	 * The analysis tables too (VIEWS_SQL), only for a snapshot built with the
	 * same reference files as the app that restores it — the demo's, made at
	 * build time. A user's kept data omits them: they are rebuilt on restore.
	 */
	analyses?: Partial<Record<(typeof ANALYSIS_TABLES)[number], Uint8Array>>;
}

/** The loaded canonical tables as Arrow IPC streams (column order of the schema); the analysis tables when asked. */
export async function takeSnapshot(engine: Engine, report: DatasetReport, withAnalyses = false): Promise<Snapshot> {
	const tables: Snapshot['tables'] = {};
	for (const def of TABLES) {
		const cols = def.columns.map((c) => ident(c.name)).join(', ');
		tables[def.name] = await engine.queryIPC(`SELECT ${cols} FROM ${ident(def.name)}`);
	}
	if (!withAnalyses) return { tables, report };
	const analyses: NonNullable<Snapshot['analyses']> = {};
	for (const name of ANALYSIS_TABLES) analyses[name] = await engine.queryIPC(`SELECT * FROM ${ident(name)}`);
	return { tables, report, analyses };
}

/** Replaces the loaded dataset with a snapshot's tables, then rebuilds the analysis tables. */
export async function restoreSnapshot(engine: Engine, snapshot: Snapshot): Promise<DatasetReport> {
	await engine.exec(`${dropSchemaSql()}\n${createSchemaSql()}`);
	for (const name of TABLE_NAMES) {
		const ipc = snapshot.tables[name];
		if (!ipc || ipc.byteLength === 0) continue;
		// Appended straight into the canonical table: the snapshot has its exact columns and types.
		await engine.insertArrowIPC(name, ipc, false);
	}
	const analyses = snapshot.analyses;
	if (analyses && ANALYSIS_TABLES.every((t) => analyses[t])) {
		for (const name of ANALYSIS_TABLES) {
			await engine.exec(`DROP TABLE IF EXISTS ${ident(name)};`);
			await engine.insertArrowIPC(name, analyses[name]!, true);
		}
	} else {
		await engine.exec(VIEWS_SQL);
	}
	return snapshot.report;
}
