/**
 * Writes the demo dataset (canonical CSV files) used by the dashboard's demo mode.
 *
 *   npx tsx scripts/generate-demo.ts [--out data/demo] [--personnes 15000] [--seed 20261122] [--if-missing]
 *
 * --if-missing (run by npm postinstall) does nothing when the folder already
 * holds every file and the current VERSION, and never fails the install.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	DEFAULT_PERSONNES,
	DEFAULT_SEED,
	DEMO_FILES,
	DEMO_GENERATOR_VERSION,
	generateDemo,
	isDemoCurrent,
	writeDemo
} from './demo/generator';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Args {
	out: string;
	personnes: number;
	seed: number;
	ifMissing: boolean;
}

/** Parses the command line; throws on an unknown option or a bad number. */
export function parseArgs(argv: string[]): Args {
	const args: Args = { out: join(ROOT, 'data', 'demo'), personnes: DEFAULT_PERSONNES, seed: DEFAULT_SEED, ifMissing: false };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = () => inline ?? argv[++i];
		if (flag === '--if-missing') args.ifMissing = true;
		else if (flag === '--out') args.out = resolve(value());
		else if (flag === '--personnes' || flag === '--seed') {
			const n = Number(value());
			if (!Number.isInteger(n) || n < (flag === '--seed' ? 0 : 50)) throw new Error(`${flag} : entier attendu (≥ ${flag === '--seed' ? 0 : 50})`);
			if (flag === '--seed') args.seed = n;
			else args.personnes = n;
		} else throw new Error(`option inconnue : ${argv[i]}`);
	}
	return args;
}

function main(): void {
	const start = performance.now();
	let args: Args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`generate-demo : ${(error as Error).message}`);
		process.exit(process.argv.includes('--if-missing') ? 0 : 2);
	}
	if (args.ifMissing && isDemoCurrent(args.out)) {
		console.log(`Jeu de démonstration déjà présent (${args.out}, version ${DEMO_GENERATOR_VERSION}).`);
		return;
	}
	try {
		const files = generateDemo({ personnes: args.personnes, seed: args.seed, dataDir: join(ROOT, 'data') });
		writeDemo(args.out, files);
		const seconds = ((performance.now() - start) / 1000).toFixed(1);
		console.log(`Jeu de démonstration écrit dans ${args.out} en ${seconds} s (graine ${args.seed}) :`);
		for (const name of DEMO_FILES) {
			const lines = files[name].split('\n').length - 2;
			const size = statSync(join(args.out, name)).size;
			console.log(`  ${name.padEnd(17)} ${String(lines).padStart(7)} lignes  ${(size / 1024).toFixed(0).padStart(6)} Kio`);
		}
	} catch (error) {
		console.error(`generate-demo : échec — ${(error as Error).message}`);
		// postinstall must not break `npm install`: the app can still load real files.
		process.exit(args.ifMissing ? 0 : 1);
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
