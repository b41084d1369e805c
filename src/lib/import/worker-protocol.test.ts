import { describe, expect, it } from 'vitest';
import { Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { handleReadRequest, warmUp, type WorkerMessage } from './worker-protocol';
import { textToArrow } from './arrow-staging';
import { loadParquetModule } from './readers/parquet-node';

/** Collects posted messages as `postMessage` would deliver them: transferred buffers are moved, so the worker can no longer read them. */
function collect() {
	const messages: { message: WorkerMessage; transfer?: Transferable[] }[] = [];
	const post = (message: WorkerMessage, transfer?: Transferable[]) => {
		const delivered = transfer?.length ? structuredClone(message, { transfer: transfer as Transferable[] }) : message;
		const ipc = delivered.type === 'rows' ? delivered.ipc : undefined;
		messages.push({ message: delivered, transfer: transfer && (ipc ? [ipc.buffer] : transfer) });
	};
	return { messages, post };
}

const buffer = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

async function parquetBytes(): Promise<Uint8Array> {
	const pw = (await loadParquetModule()) as unknown as { Table: { fromIPCStream(b: Uint8Array): unknown }; writeParquet(t: unknown): Uint8Array };
	return pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(new Table({ id: vectorFromArray(['x'], new Utf8()) }), 'stream')));
}

/** The rows messages of one table, in order. */
function rowsOf(messages: { message: WorkerMessage; transfer?: Transferable[] }[], table = 0) {
	return messages.flatMap(({ message, transfer }) =>
		message.type === 'rows' && message.table === table ? [{ ipc: message.ipc, firstLine: message.firstLine, transfer }] : []
	);
}

describe('protocole du worker d’import', () => {
	it('envoie la progression, les lignes en Arrow (valeurs et numéros de ligne intacts), puis le résultat', async () => {
		const csv = 'id;nom\n1;"Dupont; Jean"\n\n2;Œuvre « é »\n3;\n';
		const { messages, post } = collect();
		await handleReadRequest({ fileName: 'a.csv', bytes: buffer(csv) }, post, undefined);
		expect(messages.map((m) => m.message.type)).toEqual(['progress', 'rows', 'done']);
		const done = messages[2].message;
		if (done.type !== 'done') throw new Error('pas de résultat');
		const source = done.result.tables[0].source;
		expect(source.ipc).toBeUndefined();
		expect(source).toMatchObject({ header: ['id', 'nom'], rowCount: 3, lineColumn: '__ligne', blankLines: 1, malformed: [] });
		expect(source.samples).toEqual([['1', '2', '3'], ['Dupont; Jean', 'Œuvre « é »', '']]);
		const [rows] = rowsOf(messages);
		expect(rows.transfer).toEqual([rows.ipc.buffer]);
		expect(tableFromIPC(rows.ipc).toArray().map((r) => r.toJSON())).toEqual([
			{ id: '1', nom: 'Dupont; Jean', __ligne: 2 },
			{ id: '2', nom: 'Œuvre « é »', __ligne: 4 },
			{ id: '3', nom: '', __ligne: 5 }
		]);
	});

	it('avec le profil, envoie à part les identifiants que proposera l’écran de correspondance, avant les lignes', async () => {
		const csv = 'N° dossier;Bénéficiaire;Dispositif\nA1;P1;jeunes\nA2;P1;jeunes\n';
		const { messages, post } = collect();
		await handleReadRequest({ fileName: 'export_parcours.csv', bytes: buffer(csv), profile: { fichiers: {}, colonnes: {}, valeurs: {} } }, post, undefined);
		expect(messages.map((m) => m.message.type)).toEqual(['progress', 'identifiers', 'ids', 'rows', 'done']);
		const [columns, ids] = [messages[1].message, messages[2].message];
		expect(columns).toEqual({ type: 'identifiers', columns: { person: ['Bénéficiaire'], key: 'N° dossier' } });
		if (ids.type !== 'ids') throw new Error('pas d’identifiants');
		expect(tableFromIPC(ids.ipc).toArray().map((r) => r.toJSON())).toEqual([
			{ Bénéficiaire: 'P1', 'N° dossier': 'A1' },
			{ Bénéficiaire: 'P1', 'N° dossier': 'A2' }
		]);
		// Without a profile (the warm-up), or for a table not recognised, nothing more is sent.
		for (const request of [{ fileName: 'export_parcours.csv', bytes: buffer(csv) }, { fileName: 'notes.csv', bytes: buffer('a;b\n1;2\n'), profile: { fichiers: {}, colonnes: {}, valeurs: {} } }]) {
			const other = collect();
			await handleReadRequest(request, other.post, undefined);
			expect(other.messages.map((m) => m.message.type)).toEqual(['progress', 'rows', 'done']);
		}
	});

	it('convertit de gros tableaux et rend uniques les en-têtes répétés', async () => {
		const values = Array.from({ length: 450_001 }, (_, i) => (i % 7 === 0 ? '' : `v${i}é`));
		const source = textToArrow({ kind: 'text', header: ['v', 'v'], columns: [values, values.map((v) => v + '!')], lines: values.map((_, i) => i + 2), malformed: [], blankLines: 3 });
		expect(source.header).toEqual(['v', 'v (2)']);
		const table = tableFromIPC(source.ipc);
		expect(table.numRows).toBe(450_001);
		expect(table.getChild('v')!.get(450_000)).toBe(values[450_000]);
		expect(table.getChild('v (2)')!.get(12)).toBe('v12é!');
		expect(table.getChild('__ligne')!.get(0)).toBe(2);
	});

	it('transfère les octets Arrow d’un Parquet au lieu de les copier', async () => {
		const { messages, post } = collect();
		await handleReadRequest({ fileName: 'p.parquet', bytes: (await parquetBytes()).slice().buffer }, post, loadParquetModule);
		const last = messages.at(-1)!;
		if (last.message.type !== 'done') throw new Error('pas de résultat');
		expect(last.message.result.tables[0].source).toMatchObject({ header: ['id'], lineColumn: '__ligne', rowCount: 1, samples: [['x']] });
		const [rows] = rowsOf(messages);
		expect(rows.transfer).toEqual([rows.ipc.buffer]);
		expect(rows.firstLine).toBe(1);
		expect(tableFromIPC(rows.ipc).toArray().map((r) => r.toJSON())).toEqual([{ id: 'x' }]);
	});

	it('envoie un gros Parquet par morceaux, dans l’ordre, avec le numéro de ligne de leur première ligne, avant le résultat', async () => {
		const n = 300_000;
		const ids = Array.from({ length: n }, (_, i) => `id${i}`);
		const pw = (await loadParquetModule()) as unknown as { Table: { fromIPCStream(b: Uint8Array): unknown }; writeParquet(t: unknown): Uint8Array };
		const bytes = pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(new Table({ id: vectorFromArray(ids, new Utf8()) }), 'stream')));
		const { messages, post } = collect();
		await handleReadRequest({ fileName: 'gros.parquet', bytes: bytes.slice().buffer }, post, loadParquetModule);
		const types = messages.map((m) => m.message.type).filter((t) => t !== 'progress');
		expect(types.at(-1)).toBe('done');
		const pieces = rowsOf(messages).map((r) => ({ firstLine: r.firstLine, table: tableFromIPC(r.ipc) }));
		expect(pieces.length).toBeGreaterThan(1);
		// Each piece's first line follows the rows before it; its values are the file's, in order.
		let before = 0;
		for (const p of pieces) {
			expect(p.firstLine).toBe(before + 1);
			before += p.table.numRows;
		}
		expect(pieces.flatMap((p) => [...p.table.getChild('id')!.toArray()])).toEqual(ids);
	});

	it('se prépare en lisant un petit CSV et un petit Parquet, sans rien envoyer, et ignore une panne', async () => {
		const real = await loadParquetModule();
		let decoded = 0;
		const parquet = async () => ({
			readParquet: (bytes: Uint8Array, options?: { batchSize?: number; offset?: number; limit?: number }) => {
				decoded++;
				return real.readParquet(bytes, options);
			}
		});
		const pw = real as unknown as { Table: { fromIPCStream(b: Uint8Array): unknown }; writeParquet(t: unknown): Uint8Array };
		await warmUp(parquet, async (ipc) => pw.writeParquet(pw.Table.fromIPCStream(ipc)));
		expect(decoded).toBe(1); // 20 000 rows: one piece
		const failing = async () => {
			throw new Error('wasm indisponible');
		};
		await expect(warmUp(failing, failing)).resolves.toBeUndefined();
	});

	it('envoie le message français d’une ImportError, et un message français pour une panne imprévue', async () => {
		const { messages, post } = collect();
		await handleReadRequest({ fileName: 'vide.csv', bytes: new ArrayBuffer(0) }, post, undefined);
		expect(messages).toEqual([{ message: { type: 'error', message: 'Le fichier est vide (0 octet) : il n’y a rien à importer.' }, transfer: undefined }]);
		const broken = collect();
		const parquet = async () => {
			throw new TypeError('wasm indisponible');
		};
		await handleReadRequest({ fileName: 'p.parquet', bytes: buffer('PAR1xxxxPAR1') }, broken.post, parquet);
		expect(broken.messages[0].message).toEqual({
			type: 'error',
			message: 'La lecture de « p.parquet » a échoué de façon inattendue : wasm indisponible'
		});
	});
});
