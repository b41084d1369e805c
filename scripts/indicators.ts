/**
 * Command-line twin of the dashboard:
 *   npm run indicators -- --data <dossier> [--from AAAA-MM-JJ] [--to AAAA-MM-JJ]
 *                         [--territoire <code INSEE | PN | PS | PIL>] [--secret]
 * Prints one JSON object on stdout; the same import, SQL and secrecy as the app.
 */
import { parseArgs } from 'node:util';
import { createNodeEngine } from '../src/lib/db/node-engine';
import { initDatabase } from '../src/lib/reference/load';
import { readReferenceTexts } from '../src/lib/reference/node-files';
import { loadCanonicalFolder } from '../src/lib/cli/folder';
import { indicatorsJson } from '../src/lib/cli/indicators-json';

const { values } = parseArgs({
	options: {
		data: { type: 'string', default: 'data/demo' },
		from: { type: 'string' },
		to: { type: 'string' },
		territoire: { type: 'string' },
		secret: { type: 'boolean', default: false }
	}
});

for (const d of [values.from, values.to]) {
	if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) {
		console.error(`Date invalide : « ${d} » (format attendu AAAA-MM-JJ)`);
		process.exit(2);
	}
}

try {
	const engine = await createNodeEngine();
	await initDatabase(engine, readReferenceTexts());
	await loadCanonicalFolder(engine, values.data!);
	const json = await indicatorsJson(engine, {
		du: values.from,
		au: values.to,
		territoire: values.territoire ?? null,
		secret: values.secret
	});
	process.stdout.write(JSON.stringify(json, null, 2) + '\n');
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
}
