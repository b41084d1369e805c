/**
 * Snapshots of a loaded dataset: the canonical tables as Arrow IPC streams
 * plus the import report. Used to keep the user's data in the browser between
 * visits, and to ship the demo dataset already imported (the build runs the
 * same import in Node), so the dashboard starts without re-checking it.
 */
import type { Engine } from '../db/engine';
import { TABLES, TABLE_NAMES, type TableName } from '../model/schema';
import { VIEWS_SQL, createSchemaSql, dropSchemaSql } from '../model/ddl';
import { ident } from '../queries/sql';
import type { DatasetReport } from './report';

export interface Snapshot {
	tables: Partial<Record<TableName, Uint8Array>>;
	report: DatasetReport;
}

/** The loaded canonical tables as Arrow IPC streams (column order of the schema). */
export async function takeSnapshot(engine: Engine, report: DatasetReport): Promise<Snapshot> {
	const tables: Snapshot['tables'] = {};
	for (const def of TABLES) {
		const cols = def.columns.map((c) => ident(c.name)).join(', ');
		tables[def.name] = await engine.queryIPC(`SELECT ${cols} FROM ${ident(def.name)}`);
	}
	return { tables, report };
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
	await engine.exec(VIEWS_SQL);
	return snapshot.report;
}
