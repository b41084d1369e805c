import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../scripts/lib/csv';
import { DEMO_FILES, DEMO_GENERATOR_VERSION, generateDemo, type DemoFile } from '../../scripts/demo/generator';
import { Random } from '../../scripts/demo/random';
import { TABLES } from '../../src/lib/model/schema';
import { checkIntegrity, parseDemo, type Tables } from './demo-integrity';

const ROOT = join(__dirname, '..', '..');
const DATA = join(ROOT, 'data');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const DYNAMIC = ['emploi_durable', 'emploi_transition', 'sortie_positive'];
const categoryOf = new Map(readCsvRecords(join(DATA, 'motifs-sortie.csv')).map((m) => [m.motif_sortie, m.categorie_sortie]));
const communes = new Map(readCsvRecords(join(DATA, 'communes.csv')).map((c) => [c.code_insee, c]));

function runCli(...args: string[]) {
	const result = spawnSync(TSX, ['scripts/generate-demo.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(result.stderr);
	return result.stdout;
}

describe('Random', () => {
	it('repeats the same sequence for the same seed and stays in range', () => {
		const a = new Random(42);
		const b = new Random(42);
		const xs = Array.from({ length: 1000 }, () => a.next());
		expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
		expect(new Random(42).fork('x').next()).not.toBe(new Random(42).fork('y').next());
		const r = new Random(1);
		const ints = Array.from({ length: 2000 }, () => r.int(3, 5));
		expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
	});
});

describe('generate-demo, small dataset (500 people)', () => {
	let dir: string;
	let files: Record<DemoFile, string>;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'demo-'));
		runCli('--out', dir, '--personnes', '500');
		files = generateDemo({ personnes: 500, seed: 20261122, dataDir: DATA });
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('writes byte-identical files for the same arguments (CLI and in-process)', () => {
		for (const name of DEMO_FILES) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(files[name]);
		expect(readFileSync(join(dir, 'VERSION'), 'utf8').trim()).toBe(DEMO_GENERATOR_VERSION);
	});

	it('gives other data for another seed', () => {
		const other = generateDemo({ personnes: 500, seed: 1, dataDir: DATA });
		expect(other['parcours.csv']).not.toBe(files['parcours.csv']);
	});

	it('--if-missing leaves a current folder untouched', () => {
		const before = statSync(join(dir, 'parcours.csv')).mtimeMs;
		expect(runCli('--out', dir, '--if-missing')).toMatch(/déjà présent/);
		expect(statSync(join(dir, 'parcours.csv')).mtimeMs).toBe(before);
	});

	it('uses the canonical columns of the app schema, in order', () => {
		for (const table of TABLES) {
			const header = files[`${table.name}.csv` as DemoFile].split('\n')[0];
			expect(header, table.name).toBe(table.columns.map((c) => c.name).join(','));
		}
	});

	it('respects codes, references and date order', () => {
		const { tables, problems } = parseDemo(files);
		expect([...problems, ...checkIntegrity(tables)]).toEqual([]);
	});
});

describe('generate-demo, default size', () => {
	let t: Tables;
	let files: Record<DemoFile, string>;
	let seconds: number;
	beforeAll(() => {
		const start = performance.now();
		files = generateDemo({ personnes: 15_000, seed: 20261122, dataDir: DATA });
		seconds = (performance.now() - start) / 1000;
		t = parseDemo(files).tables;
	});
	const exits = () => t['parcours.csv'].filter((p) => p.date_sortie !== '');
	const province = (p: Record<string, string>) => communes.get(personOf(p).commune_residence)!;
	let people: Map<string, Record<string, string>> | undefined;
	const personOf = (p: Record<string, string>) =>
		(people ??= new Map(t['personnes.csv'].map((x) => [x.id_personne, x]))).get(p.id_personne)!;

	it('is generated quickly', () => {
		expect(seconds).toBeLessThan(10);
	});

	it('has the expected volumes', () => {
		const n = (f: DemoFile) => t[f].length;
		expect(n('personnes.csv')).toBe(15_000);
		expect(n('parcours.csv')).toBeGreaterThan(18_000);
		expect(n('parcours.csv')).toBeLessThan(22_000);
		expect(n('evenements.csv')).toBeGreaterThan(80_000);
		expect(n('evenements.csv')).toBeLessThan(110_000);
		expect(n('actions.csv')).toBeGreaterThan(200);
		expect(n('actions.csv')).toBeLessThan(300);
		expect(n('evaluations.csv')).toBeGreaterThan(6_000);
		expect(n('evaluations.csv')).toBeLessThan(10_500);
		expect(Buffer.byteLength(files['parcours.csv'])).toBeLessThan(3e6);
	});

	it('respects codes, references and date order', () => {
		expect(checkIntegrity(t)).toEqual([]);
	});

	it('has about half the parcours in the Nord, 10–20 % open, re-entries', () => {
		const all = t['parcours.csv'];
		const north = all.filter((p) => province(p).province === 'PN').length / all.length;
		expect(north).toBeGreaterThan(0.45);
		expect(north).toBeLessThan(0.55);
		const open = all.filter((p) => p.date_sortie === '').length / all.length;
		expect(open).toBeGreaterThan(0.1);
		expect(open).toBeLessThan(0.2);
		const filled = exits().filter((p) => p.categorie_sortie !== '').length / exits().length;
		expect(filled).toBeGreaterThan(0.2);
		expect(filled).toBeLessThan(0.4);
		const perPerson = new Map<string, number>();
		for (const p of all) perPerson.set(p.id_personne, (perPerson.get(p.id_personne) ?? 0) + 1);
		expect([...perPerson.values()].filter((k) => k >= 2).length / perPerson.size).toBeGreaterThan(0.15);
	});

	it('keeps small communes small: some years with 1–4 exits', () => {
		for (const code of ['98801', '98828', '98806']) {
			const byYear = new Map<string, number>();
			for (const p of exits()) if (personOf(p).commune_residence === code) byYear.set(p.date_sortie.slice(0, 4), (byYear.get(p.date_sortie.slice(0, 4)) ?? 0) + 1);
			expect([...byYear.values()].some((n) => n >= 1 && n <= 4), code).toBe(true);
		}
	});

	it('shows the 2024 shock on durable jobs in the Espace de l’Ouest, mining first', () => {
		const ouest = exits().filter((p) => province(p).eth === 'espace_ouest');
		const rate = (years: string[]) => {
			const rows = ouest.filter((p) => years.includes(p.date_sortie.slice(0, 4)));
			const den = rows.filter((p) => !['neutralisee', 'projet_de_vie'].includes(categoryOf.get(p.motif_sortie)!));
			return den.filter((p) => categoryOf.get(p.motif_sortie) === 'emploi_durable').length / den.length;
		};
		expect(rate(['2024', '2025'])).toBeLessThan(rate(['2022', '2023']) * 0.75);
		const mine = (from: string, to: string) =>
			ouest.filter((p) => p.secteur_sortie === 'mine_metallurgie' && p.date_sortie >= from && p.date_sortie < to).length;
		expect(mine('2024-09-01', '2026-09-01')).toBeLessThan(mine('2022-09-01', '2024-09-01') / 2);
	});

	it('links training to later dynamic exits', () => {
		const pathwaysByPerson = new Map<string, Record<string, string>[]>();
		for (const p of exits()) pathwaysByPerson.set(p.id_personne, [...(pathwaysByPerson.get(p.id_personne) ?? []), p]);
		const linked = t['inscriptions.csv'].filter((i) =>
			(pathwaysByPerson.get(i.id_personne) ?? []).some((p) => {
				const days = (Date.parse(p.date_sortie) - Date.parse(i.date_sortie)) / 86_400_000;
				return i.date_sortie !== '' && days >= 0 && days <= 365 && DYNAMIC.includes(categoryOf.get(p.motif_sortie)!);
			})
		);
		expect(linked.length).toBeGreaterThan(300);
		const places = t['actions.csv'].reduce((s, a) => s + Number(a.places_prevues), 0);
		expect(t['inscriptions.csv'].length / places).toBeGreaterThan(0.6);
	});

	it('shows attrition in the illiteracy plan: about a quarter without a final assessment', () => {
		const initial = new Set(t['evaluations.csv'].filter((e) => e.moment === 'initial').map((e) => e.id_personne));
		const final = new Set(t['evaluations.csv'].filter((e) => e.moment === 'final').map((e) => e.id_personne));
		const attrition = [...initial].filter((id) => !final.has(id)).length / initial.size;
		expect(attrition).toBeGreaterThan(0.15);
		expect(attrition).toBeLessThan(0.35);
	});
});
