/**
 * Command-line twin of the dashboard:
 *   npm run indicators -- --data <dossier> [--mapping <profil.json>] [--from AAAA-MM-JJ] [--to AAAA-MM-JJ]
 *                         [--territoire <code INSEE | PN | PS | PIL>] [--secret] [--cle <fichier>]
 * Imports the folder with the app's pipeline and prints one JSON object on
 * stdout: the same import, SQL and secrecy as the app.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createNodeEngine } from '../src/lib/db/node-engine';
import { initDatabase } from '../src/lib/reference/load';
import { readReferenceTexts } from '../src/lib/reference/node-files';
import { importSummary, loadFolder } from '../src/lib/cli/folder';
import { indicatorsJson } from '../src/lib/cli/indicators-json';
import { parseProfile } from '../src/lib/import/mapping';
import { keyFromHex, keyToHex, newPseudonymKey, pseudonymiser } from '../src/lib/import/pseudonym';

const { values } = parseArgs({
	options: {
		data: { type: 'string', default: 'data/demo' },
		mapping: { type: 'string' },
		from: { type: 'string' },
		to: { type: 'string' },
		territoire: { type: 'string' },
		secret: { type: 'boolean', default: false },
		cle: { type: 'string' }
	}
});

for (const d of [values.from, values.to]) {
	if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) {
		console.error(`Date invalide : « ${d} » (format attendu AAAA-MM-JJ)`);
		process.exit(2);
	}
}

/** The pseudonymisation key: from `--cle` (created there on first use), else a key for this run only. */
function pseudonymKey(): Uint8Array {
	if (!values.cle) return newPseudonymKey();
	if (existsSync(values.cle)) return keyFromHex(readFileSync(values.cle, 'utf8'));
	const key = newPseudonymKey();
	writeFileSync(values.cle, keyToHex(key) + '\n', { mode: 0o600 });
	return key;
}

try {
	const engine = await createNodeEngine();
	await initDatabase(engine, readReferenceTexts());
	const profile = values.mapping ? parseProfile(readFileSync(values.mapping, 'utf8')) : undefined;
	const report = await loadFolder(engine, values.data!, { profile, pseudonym: pseudonymiser(pseudonymKey()) });
	const json = await indicatorsJson(engine, {
		du: values.from,
		au: values.to,
		territoire: values.territoire ?? null,
		secret: values.secret
	});
	process.stdout.write(JSON.stringify({ ...json, import: importSummary(report) }, null, 2) + '\n');
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
}
