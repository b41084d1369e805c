/**
 * Imports the demo dataset (data/demo/*.csv) with the app's import pipeline,
 * in Node, and writes the resulting canonical tables as Arrow IPC files plus
 * the import report to data/demo/snapshot/ — what the app loads at start-up —
 * with the analysis tables already built (the app and this script share the reference files).
 *   npx tsx scripts/demo-snapshot.ts [--if-missing]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeEngine } from '../src/lib/db/node-engine';
import { initDatabase } from '../src/lib/reference/load';
import { readReferenceTexts } from '../src/lib/reference/node-files';
import { loadCanonicalFolder } from '../src/lib/cli/folder';
import { takeSnapshot } from '../src/lib/import/snapshot';

const DEMO = join('data', 'demo');
const OUT = join(DEMO, 'snapshot');
/** What the snapshot depends on: the demo's version, the reference files and the import/model code. */
const INPUTS = [
	join(DEMO, 'VERSION'),
	...readdirSync('data').filter((f) => f.endsWith('.csv')).map((f) => join('data', f)),
	...['src/lib/model', 'src/lib/import'].flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(d, f)))
];
const stamp = () => {
	const hash = createHash('sha256');
	for (const f of INPUTS) if (existsSync(f)) hash.update(f).update(readFileSync(f));
	return hash.digest('hex').slice(0, 16);
};

if (process.argv.includes('--if-missing') && existsSync(join(OUT, 'VERSION')) && readFileSync(join(OUT, 'VERSION'), 'utf8').trim() === stamp()) {
	process.exit(0);
}
if (!existsSync(join(DEMO, 'parcours.csv'))) {
	console.error('Jeu de démonstration absent : lancez « npm run demo ».');
	process.exit(1);
}
const t0 = performance.now();
const engine = await createNodeEngine();
await initDatabase(engine, readReferenceTexts());
const report = await loadCanonicalFolder(engine, DEMO);
const snapshot = await takeSnapshot(engine, report, true);
mkdirSync(OUT, { recursive: true });
for (const [name, ipc] of Object.entries({ ...snapshot.tables, ...snapshot.analyses })) writeFileSync(join(OUT, `${name}.arrow`), ipc!);
writeFileSync(join(OUT, 'rapport.json'), JSON.stringify(report));
writeFileSync(join(OUT, 'VERSION'), stamp());
const size = Object.keys({ ...snapshot.tables, ...snapshot.analyses }).reduce((n, t) => n + statSync(join(OUT, `${t}.arrow`)).size, 0);
console.log(`Instantané de démonstration : ${report.tables.map((t) => `${t.table} ${t.lignes_chargees}`).join(', ')} — ${(size / 1e6).toFixed(1)} Mo, ${Math.round(performance.now() - t0)} ms`);
