/**
 * Benchmark: builds the app, opens it in headless Chromium on the demo data
 * and prints one JSON object of measured figures (medians and p95 over
 * repeated runs). Tests never assert timings; this script reports them.
 *   npm run bench [-- --no-build] [-- --only overview,native]
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { benchOverview } from '../tests/bench/overview';
import { benchNative } from '../tests/bench/native';
import { benchImport } from '../tests/bench/import';
import { benchMap } from '../tests/bench/map';
import { benchPage, COMPETENCES_CHANGES, SECTEURS_CHANGES } from '../tests/bench/pages';
import { BASE, launchChromium, startPreview, stopPreview } from '../tests/bench/server';

/** How long the benchmark's second visit of a page reads it before the first filter change (the engine warms up meanwhile). */
const READING_MS = 3000;

const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false }, only: { type: 'string' } } });
const only = values.only ? new Set(values.only.split(',')) : null;
const wanted = (name: string) => !only || only.has(name);

if (!values['no-build']) {
	const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

const result: Record<string, unknown> = {
	machine: { cpus: cpus().length, node: process.version },
	targets: { first_kpi_ms: 3500, filter_change_p95_ms: 150, import_1m_csv_ms: 10_000, import_1m_parquet_ms: 4000, recolour_p95_ms: 100, pages_filter_change_p95_ms: 150 }
};
const server = await startPreview();
try {
	const browser = await launchChromium();
	try {
		if (wanted('overview')) Object.assign(result, await benchOverview(browser));
		if (wanted('map')) Object.assign(result, await benchMap(browser));
		// Each page twice: changes right after the first paint (worst case), then after 3 s of reading the page.
		for (const [name, path, changes] of [['competences', '/competences', COMPETENCES_CHANGES], ['secteurs', '/secteurs', SECTEURS_CHANGES]] as const) {
			if (!wanted(name)) continue;
			result[`${name}_filter_change_ms`] = await benchPage(browser, path, changes);
			result[`${name}_filter_change_after_reading_ms`] = { reading_ms: READING_MS, ...(await benchPage(browser, path, changes, BASE, READING_MS)) };
		}
		if (wanted('import')) {
			result.import_100k = await benchImport(browser, 100_000);
			result.import_1m = await benchImport(browser, 1_000_000);
		}
	} finally {
		await browser.close();
	}
	if (wanted('native')) Object.assign(result, await benchNative());
} finally {
	stopPreview(server);
}
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
