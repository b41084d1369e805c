/**
 * Builds static/geo/nouvelle-caledonie.topojson from data/geo/source/.
 *
 *   npx tsx scripts/build-geometry.ts
 *
 * 1. mapshaper: snap nearly-coincident vertices, then cut the communes, their
 *    union with every interior gap filled and the IRIS 2706 "Poya Sud" outline
 *    into a flat mosaic of pieces (`-mosaic`).
 * 2. scripts/geometry/assign-pieces.ts gives each overlap and gap piece to a
 *    neighbour (keeping every commune's area close to the source) and splits
 *    Poya into its northern and southern parts.
 * 3. mapshaper: dissolve the pieces into `communes`, `poya` and `provinces`,
 *    which therefore share their arcs, and write a quantized TopoJSON.
 * Then it prints the area of every commune against the source file.
 */
import mapshaper from 'mapshaper';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { geodesicArea } from '../src/lib/map/area';
import { decodeTopology, type TerritoryTopology } from '../src/lib/map/geometry';
import { assignOwners, POYA, readPieces, splitPoya } from './geometry/assign-pieces';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_COMMUNES = resolve(ROOT, 'data/geo/source/nc_communes_simp.geojson');
const SOURCE_POYA_SUD = resolve(ROOT, 'data/geo/source/poya_sud_iris2706.geojson');
const COMMUNES_CSV = resolve(ROOT, 'data/communes.csv');
const OUTPUT = resolve(ROOT, 'static/geo/nouvelle-caledonie.topojson');
const MAX_BYTES = 150 * 1024;
/** ≈ 0.5 m steps over the territory's 4.6° × 3.2° extent. */
const QUANTIZATION = 1e6;

/** Official (INSEE COG) names, used only while data/communes.csv does not exist. */
const FALLBACK_NAMES: Record<string, string> = {
	'98801': 'Belep', '98802': 'Bouloupari', '98803': 'Bourail', '98804': 'Canala',
	'98805': 'Dumbéa', '98806': 'Farino', '98807': 'Hienghène', '98808': 'Houaïlou',
	'98809': "L'Île-des-Pins", '98810': 'Kaala-Gomen', '98811': 'Koné', '98812': 'Koumac',
	'98813': 'La Foa', '98814': 'Lifou', '98815': 'Maré', '98816': 'Moindou',
	'98817': 'Le Mont-Dore', '98818': 'Nouméa', '98819': 'Ouégoa', '98820': 'Ouvéa',
	'98821': 'Païta', '98822': 'Poindimié', '98823': 'Ponérihouen', '98824': 'Pouébo',
	'98825': 'Pouembout', '98826': 'Poum', '98827': 'Poya', '98828': 'Sarraméa',
	'98829': 'Thio', '98830': 'Touho', '98831': 'Voh', '98832': 'Yaté', '98833': 'Kouaoua'
};

const PROVINCE_BY_SOURCE: Record<string, 'PN' | 'PS' | 'PIL'> = { Nord: 'PN', Sud: 'PS', Iles: 'PIL' };

/** Splits one CSV line (comma or semicolon, double quotes). */
function splitCsvLine(line: string, delimiter: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === delimiter) cells.push(cell), (cell = '');
		else cell += ch;
	}
	cells.push(cell);
	return cells.map((c) => c.trim());
}

/** Commune names by INSEE code: data/communes.csv when present, else the fallback list. */
function communeNames(): { names: Map<string, string>; origin: string } {
	const names = new Map(Object.entries(FALLBACK_NAMES));
	if (!existsSync(COMMUNES_CSV)) return { names, origin: 'liste intégrée au script (data/communes.csv absent)' };
	const lines = readFileSync(COMMUNES_CSV, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim());
	const delimiter = lines[0].includes(';') && !lines[0].includes(',') ? ';' : ',';
	const header = splitCsvLine(lines[0], delimiter);
	const codeCol = header.indexOf('code_insee');
	const nameCol = header.indexOf('nom');
	if (codeCol < 0 || nameCol < 0) throw new Error('data/communes.csv : colonnes code_insee et nom attendues');
	let found = 0;
	for (const line of lines.slice(1)) {
		const cells = splitCsvLine(line, delimiter);
		if (names.has(cells[codeCol]) && cells[nameCol]) (names.set(cells[codeCol], cells[nameCol]), found++);
	}
	if (found !== 33) console.warn(`data/communes.csv : ${found} communes sur 33 ; liste intégrée pour les autres`);
	return { names, origin: 'data/communes.csv' };
}

/** Step 1: mosaic of communes, gap-filled union and the Poya Sud outline. */
async function mosaic(communes: string, poyaSud: string): Promise<Topology> {
	const out = await mapshaper.applyCommands(
		[
			'-i communes.geojson iris.geojson combine-files',
			'-snap',
			`-each target=communes 'code=code_com, tag="commune"'`,
			'-filter-fields target=communes code,tag',
			// A large gap width fills every interior gap of the union: those are the gap pieces.
			'-dissolve target=communes gap-width=20km + name=union',
			`-each target=union 'code=null, tag="union"'`,
			`-each target=iris 'code=null, tag="iris"'`,
			'-filter-fields target=iris code,tag',
			'-merge-layers target=communes,union,iris force name=pieces',
			`-mosaic target=pieces calc='codes=collect(code), tags=collect(tag)'`,
			'-o target=pieces pieces.json format=topojson no-quantization'
		].join(' '),
		{ 'communes.geojson': communes, 'iris.geojson': poyaSud }
	);
	return JSON.parse(out['pieces.json']);
}

/** Step 3: dissolve the owned pieces into the three shipped layers. */
async function dissolveLayers(pieces: Topology): Promise<string> {
	const out = await mapshaper.applyCommands(
		[
			'-i pieces.json',
			'-dissolve target=pieces code_insee copy-fields=nom gap-width=0 + name=communes',
			`-sort target=communes 'code_insee'`,
			'-filter-fields target=communes code_insee,nom',
			`-filter target=pieces 'code_insee === "${POYA}"' + name=poya`,
			'-dissolve target=poya partie copy-fields=province gap-width=0',
			`-sort target=poya 'partie'`,
			'-filter-fields target=poya partie,province',
			'-dissolve target=pieces province gap-width=0 + name=provinces',
			'-rename-fields target=provinces code=province',
			`-sort target=provinces 'code'`,
			`-o target=communes,poya,provinces territory.json format=topojson quantization=${QUANTIZATION} fix-geometry`
		].join(' '),
		{ 'pieces.json': pieces }
	);
	return out['territory.json'];
}

const pct = (a: number, b: number) => ((a - b) / b) * 100;
const km2 = (m2: number) => (m2 / 1e6).toFixed(2);

async function main(): Promise<void> {
	const communesText = readFileSync(SOURCE_COMMUNES, 'utf8');
	const poyaSudText = readFileSync(SOURCE_POYA_SUD, 'utf8');
	const source = JSON.parse(communesText) as FeatureCollection<Geometry, Record<string, string>>;
	const sourceArea = new Map(source.features.map((f) => [f.properties.code_com, geodesicArea(f.geometry)]));
	const sourceGeometry = new Map(source.features.map((f) => [f.properties.code_com, f.geometry]));
	const provinceOf = new Map(source.features.map((f) => [f.properties.code_com, PROVINCE_BY_SOURCE[f.properties.Province]]));
	const { names, origin } = communeNames();

	const topo = await mosaic(communesText, poyaSudText);
	const { pieces, adjacency } = readPieces(topo, 'pieces');
	assignOwners(pieces, sourceArea, sourceGeometry);
	const split = splitPoya(pieces, adjacency);

	const collection = topo.objects.pieces as GeometryCollection<Record<string, unknown>>;
	collection.geometries = collection.geometries.filter((g, i) => {
		const piece = pieces[i];
		if (!piece.owner) return false;
		const province = piece.part ? (piece.part === 'sud' ? 'PS' : 'PN') : provinceOf.get(piece.owner);
		g.properties = { code_insee: piece.owner, nom: names.get(piece.owner), province, partie: piece.part ?? null };
		return true;
	});

	const territory = await dissolveLayers(topo);
	mkdirSync(dirname(OUTPUT), { recursive: true });
	writeFileSync(OUTPUT, territory);
	const bytes = statSync(OUTPUT).size;

	const layers = decodeTopology(JSON.parse(territory) as TerritoryTopology);
	console.log(`Noms des communes : ${origin}`);
	const kinds = (k: string) => pieces.filter((p) => p.kind === k);
	console.log(
		`Mosaïque : ${pieces.length} morceaux, ${kinds('overlap').length} chevauchements (${km2(kinds('overlap').reduce((s, p) => s + p.area, 0))} km²), ` +
			`${kinds('gap').length} interstices (${km2(kinds('gap').reduce((s, p) => s + p.area, 0))} km²)`
	);
	for (const p of pieces.filter((p) => p.note)) console.log(`  laissé vide : ${km2(p.area)} km², ${p.note}`);

	console.log('\nINSEE  commune              source km²  carte km²   écart');
	let worst = { code: '', diff: 0 };
	for (const f of layers.communes.features) {
		const code = f.properties.code_insee;
		const built = geodesicArea(f.geometry);
		const diff = pct(built, sourceArea.get(code) ?? NaN);
		if (!(Math.abs(diff) <= Math.abs(worst.diff))) worst = { code, diff };
		console.log(`${code}  ${f.properties.nom.padEnd(20)} ${km2(sourceArea.get(code) ?? NaN).padStart(9)}  ${km2(built).padStart(9)}  ${diff >= 0 ? '+' : ''}${diff.toFixed(2)} %`);
	}
	console.log(`Plus grand écart : ${worst.code} ${names.get(worst.code)} ${worst.diff.toFixed(2)} %`);

	console.log(`\nPoya ∩ IRIS 2706 : ${km2(split.rawSouth)} km² ; Poya hors IRIS : ${km2(split.rawNorth)} km²`);
	console.log(`Poya : nord ${km2(split.north)} km², sud ${km2(split.south)} km² (dont ${km2(split.movedToSouth)} km² de liserés rattachés au sud)`);
	for (const f of layers.poya.features) console.log(`  poya ${f.properties.partie} (${f.properties.province}) : ${km2(geodesicArea(f.geometry))} km²`);
	for (const f of layers.provinces.features) console.log(`  province ${f.properties.code} : ${km2(geodesicArea(f.geometry))} km²`);
	console.log(`\n${OUTPUT.replace(ROOT + '/', '')} : ${(bytes / 1024).toFixed(1)} Ko`);
	if (layers.communes.features.length !== 33) throw new Error(`${layers.communes.features.length} communes au lieu de 33`);
	if (bytes > MAX_BYTES) throw new Error(`Fichier trop gros : ${bytes} octets > ${MAX_BYTES}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
