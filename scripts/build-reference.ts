/**
 * Builds data/communes.csv from the npm package @etalab/decoupage-administratif
 * (INSEE codes, official names, postal codes, population 2025) merged with the
 * territorial facts of the domain brief (province, default ETH, Kanak name,
 * aire coutumière). Fails loudly when the package and the brief disagree.
 *
 *   npx tsx scripts/build-reference.ts            write data/communes.csv
 *   npx tsx scripts/build-reference.ts --check    only verify the file is up to date
 *   npx tsx scripts/build-reference.ts --domain ../shared/domain.md
 *                                                  read the brief's table from that file
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCsv } from './lib/csv';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'data', 'communes.csv');
const GEOJSON = join(ROOT, 'data', 'geo', 'source', 'nc_communes_simp.geojson');
const EXPECTED_POPULATION = 264_596;

/** Verbatim copy of the territory table of domain.md §2 (used unless --domain is given). */
export const DOMAIN_TABLE = `
| 98801 | Belep | 98811 | Nord | Grand Nord |  | Hoot ma Whaap | 686 |
| 98802 | Bouloupari | 98812 | Sud |  |  | Xârâcùù | 3359 |
| 98803 | Bourail | 98870 | Sud |  |  | Ajië-Aro | 5575 |
| 98804 | Canala | 98813 | Nord | Sud Minier | Xârâcùù | Xârâcùù | 3911 |
| 98805 | Dumbéa | 98835 | Sud |  |  | Drubea-Kapumë | 34926 |
| 98806 | Farino | 98881 | Sud |  |  | Xârâcùù | 736 |
| 98807 | Hienghène | 98815 | Nord | Côte Océanienne |  | Hoot ma Whaap | 2455 |
| 98808 | Houaïlou | 98816 | Nord | Sud Minier | Waa Wii Luu | Ajië-Aro | 3756 |
| 98809 | L'Île-des-Pins | 98832 | Sud |  |  | Drubea-Kapumë | 2050 |
| 98810 | Kaala-Gomen | 98817 | Nord | Grand Nord |  | Hoot ma Whaap | 2112 |
| 98811 | Koné | 98859 | Nord | Espace de l'Ouest | Koohnê | Paici-Camuki | 8048 |
| 98812 | Koumac | 98850 | Nord | Grand Nord |  | Hoot ma Whaap | 4272 |
| 98813 | La Foa | 98880 | Sud |  |  | Xârâcùù | 3449 |
| 98814 | Lifou | 98820 | Îles Loyauté |  |  | Drehu | 9225 |
| 98815 | Maré | 98828 | Îles Loyauté |  |  | Nengone | 6284 |
| 98816 | Moindou | 98819 | Sud |  |  | Ajië-Aro | 944 |
| 98817 | Le Mont-Dore | 98809 | Sud |  |  | Drubea-Kapumë | 25303 |
| 98818 | Nouméa | 98800 | Sud |  |  | Drubea-Kapumë | 85976 |
| 98819 | Ouégoa | 98821 | Nord | Grand Nord |  | Hoot ma Whaap | 2409 |
| 98820 | Ouvéa | 98814 | Îles Loyauté |  |  | Iaai | 3162 |
| 98821 | Païta | 98889 | Sud |  |  | Drubea-Kapumë | 27609 |
| 98822 | Poindimié | 98822 | Nord | Côte Océanienne | Pwêêdi Wiimîâ | Paici-Camuki | 4613 |
| 98823 | Ponérihouen | 98823 | Nord | Côte Océanienne | Pwäräiriwâ | Paici-Camuki | 2332 |
| 98824 | Pouébo | 98824 | Nord | Côte Océanienne | Pweevo | Hoot ma Whaap | 2292 |
| 98825 | Pouembout | 98825 | Nord | Espace de l'Ouest | Pwëbuu | Paici-Camuki | 3062 |
| 98826 | Poum | 98826 | Nord | Grand Nord |  | Hoot ma Whaap | 1597 |
| 98827 | Poya | 98827 | Nord + Sud (split) | Espace de l'Ouest | Nèkö | Ajië-Aro + Paici-Camuki (split) | 2962 |
| 98828 | Sarraméa | 98882 | Sud |  |  | Xârâcùù | 581 |
| 98829 | Thio | 98829 | Sud |  |  | Xârâcùù | 2581 |
| 98830 | Touho | 98831 | Nord | Côte Océanienne | Tuo Cèmuhî | Paici-Camuki | 2284 |
| 98831 | Voh | 98833 | Nord | Espace de l'Ouest | Vook | Hoot ma Whaap | 3122 |
| 98832 | Yaté | 98834 | Sud |  |  | Drubea-Kapumë | 1588 |
| 98833 | Kouaoua | 98818 | Nord | Sud Minier | Kaa Wi Paa | Xârâcùù | 1335 |
`;

/**
 * Extra spellings seen in exports and in the commune boundaries file
 * (contours.nc: "Mont Dore", "Houailou", "Kaala Gomen", "Ile Des Pins",
 * "Boulouparis", unaccented upper-case names), plus the island names that
 * double as commune names. Case-only variants are left to the matcher.
 */
const VARIANTS: Record<string, string[]> = {
	'98801': ['Iles Belep'],
	'98802': ['Boulouparis'],
	'98805': ['Dumbea'],
	'98807': ['Hienghene'],
	'98808': ['Houailou'],
	'98809': ['Ile des Pins', 'Île des Pins', 'Ile-des-Pins', 'Kunié'],
	'98810': ['Kaala Gomen'],
	'98811': ['Kone'],
	'98814': ['Drehu'],
	'98815': ['Mare', 'Nengone'],
	'98817': ['Mont-Dore', 'Mont Dore', 'Le Mont Dore'],
	'98818': ['Noumea'],
	'98819': ['Ouegoa'],
	'98820': ['Ouvea', 'Iaai'],
	'98821': ['Paita'],
	'98822': ['Poindimie'],
	'98823': ['Ponerihouen'],
	'98824': ['Pouebo'],
	'98828': ['Sarramea'],
	'98832': ['Yate']
};

const PROVINCE_CODES: Record<string, string> = { Nord: 'PN', Sud: 'PS', 'Îles Loyauté': 'PIL' };
const ETH_CODES: Record<string, string> = {
	'Grand Nord': 'grand_nord',
	"Espace de l'Ouest": 'espace_ouest',
	'Côte Océanienne': 'cote_oceanienne',
	'Sud Minier': 'sud_minier'
};

interface DomainRow {
	code: string;
	nom: string;
	postal: string;
	province: string;
	eth: string;
	nomKanak: string;
	aire: string;
	population: number;
}

interface PackageCommune {
	code: string;
	nom: string;
	type: string;
	codesPostaux?: string[];
	population?: number;
}

/** Parses the commune rows of the brief's markdown table. */
export function parseDomainTable(markdown: string): DomainRow[] {
	return markdown
		.split('\n')
		.filter((line) => /^\|\s*988\d\d\s*\|/.test(line))
		.map((line) => {
			const cells = line.split('|').slice(1, -1).map((c) => c.trim());
			const [code, nom, postal, province, eth, nomKanak, aire, population] = cells;
			return { code, nom, postal, province, eth, nomKanak, aire, population: Number(population) };
		});
}

/** Splits the brief's province text into main and secondary province codes. */
function provinceCodes(text: string): [string, string] {
	const parts = text.replace(/\(split\)/, '').split('+').map((p) => p.trim());
	const codes = parts.map((p) => PROVINCE_CODES[p]);
	if (codes.some((c) => !c)) throw new Error(`province inconnue: "${text}"`);
	return [codes[0], codes[1] ?? ''];
}

/** Compares the package with the brief; returns the list of disagreements. */
function compare(domain: DomainRow[], pkg: Map<string, PackageCommune>): string[] {
	const problems: string[] = [];
	if (domain.length !== 33) problems.push(`le tableau du brief a ${domain.length} communes au lieu de 33`);
	if (pkg.size !== 33) problems.push(`le paquet a ${pkg.size} communes 98801–98833 au lieu de 33`);
	for (const row of domain) {
		const p = pkg.get(row.code);
		if (!p) {
			problems.push(`${row.code} ${row.nom}: absente du paquet`);
			continue;
		}
		if (p.nom !== row.nom) problems.push(`${row.code}: nom "${p.nom}" (paquet) ≠ "${row.nom}" (brief)`);
		const postal = (p.codesPostaux ?? []).join('|');
		if (postal !== row.postal) problems.push(`${row.code}: code postal ${postal} (paquet) ≠ ${row.postal} (brief)`);
		if (p.population !== row.population) {
			problems.push(`${row.code}: population ${p.population} (paquet) ≠ ${row.population} (brief)`);
		}
	}
	const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
	const pkgTotal = sum([...pkg.values()].map((p) => p.population ?? 0));
	const domainTotal = sum(domain.map((r) => r.population));
	if (pkgTotal !== EXPECTED_POPULATION) problems.push(`population totale du paquet ${pkgTotal} ≠ ${EXPECTED_POPULATION}`);
	if (domainTotal !== EXPECTED_POPULATION) problems.push(`population totale du brief ${domainTotal} ≠ ${EXPECTED_POPULATION}`);
	return problems;
}

/** Folds case, accents, apostrophes and hyphens, to compare spellings. */
function fold(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[-'’\s]+/g, ' ')
		.trim();
}

/** Checks that every name in the boundaries file is the official name or a listed variant. */
function checkGeojsonNames(nomByCode: Map<string, string[]>): string[] {
	if (!existsSync(GEOJSON)) return [];
	const geo = JSON.parse(readFileSync(GEOJSON, 'utf8')) as {
		features: { properties: Record<string, string> }[];
	};
	const problems: string[] = [];
	for (const { properties: p } of geo.features) {
		const known = new Set((nomByCode.get(p.code_com) ?? []).map(fold));
		for (const key of ['nom', 'nom_minus', 'commune']) {
			if (!known.has(fold(p[key]))) problems.push(`${p.code_com}: "${p[key]}" (${key} du GeoJSON) sans variante`);
		}
	}
	return problems;
}

/** Builds the communes.csv text from the package and the brief. */
export function buildCommunesCsv(domainMarkdown: string): string {
	const require = createRequire(import.meta.url);
	const all = require('@etalab/decoupage-administratif/data/communes.json') as PackageCommune[];
	const pkg = new Map(
		all
			.filter((c) => c.type === 'commune-actuelle' && /^988(0[1-9]|[12]\d|3[0-3])$/.test(c.code))
			.map((c) => [c.code, c])
	);
	const domain = parseDomainTable(domainMarkdown);
	const problems = compare(domain, pkg);
	const rows = domain.map((row) => {
		const [province, secondary] = provinceCodes(row.province);
		const eth = row.eth ? ETH_CODES[row.eth] : '';
		if (row.eth && !eth) problems.push(`${row.code}: ETH inconnue "${row.eth}"`);
		if ((province === 'PN') !== Boolean(eth)) problems.push(`${row.code}: ETH attendue pour les seules communes du Nord`);
		const p = pkg.get(row.code);
		const variants = (VARIANTS[row.code] ?? []).filter((v) => v.toLowerCase() !== row.nom.toLowerCase());
		return [
			row.code,
			p?.nom ?? row.nom,
			row.nomKanak,
			(p?.codesPostaux ?? [row.postal]).join('|'),
			province,
			secondary,
			eth,
			row.aire.replace(/\s*\(split\)\s*/, ''),
			p?.population ?? row.population,
			variants.join('|')
		];
	});
	const names = new Map(rows.map((r) => [String(r[0]), [String(r[1]), String(r[2]), ...String(r[9]).split('|')]]));
	problems.push(...checkGeojsonNames(names));
	if (problems.length > 0) {
		throw new Error(`Le paquet et le brief ne concordent pas :\n  - ${problems.join('\n  - ')}`);
	}
	const header = [
		'code_insee',
		'nom',
		'nom_kanak',
		'code_postal',
		'province',
		'province_secondaire',
		'eth',
		'aire_coutumiere',
		'population_2025',
		'variantes'
	];
	return toCsv(header, rows);
}

function main(argv: string[]): void {
	const domainIndex = argv.indexOf('--domain');
	const markdown = domainIndex >= 0 ? readFileSync(argv[domainIndex + 1], 'utf8') : DOMAIN_TABLE;
	const csv = buildCommunesCsv(markdown);
	if (argv.includes('--check')) {
		const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
		if (current !== csv) throw new Error(`${OUTPUT} n'est pas à jour : relancer scripts/build-reference.ts`);
		console.log(`${OUTPUT} est à jour.`);
		return;
	}
	writeFileSync(OUTPUT, csv);
	console.log(`${OUTPUT} écrit (33 communes, population ${EXPECTED_POPULATION}).`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	try {
		main(process.argv.slice(2));
	} catch (error) {
		console.error((error as Error).message);
		process.exit(1);
	}
}
