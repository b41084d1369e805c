/**
 * Test fixtures of the map: the shipped geometry and the territory reference
 * read straight from data/*.csv (the same files the app loads), without an engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/lib/import/csv';
import { decodeTopology, type TerritoryTopology } from '../../src/lib/map/geometry';
import type { Commune, Eth, Province, Territory } from '../../src/lib/reference/territory';

const path = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

function records(file: string): Record<string, string>[] {
	const t = parseCsv(readFileSync(path(file), 'utf8'), { delimiter: ',', quote: '"' });
	const n = t.columns[0]?.length ?? 0;
	return Array.from({ length: n }, (_, i) => Object.fromEntries(t.header.map((h, j) => [h, t.columns[j][i]])));
}

export const topo = JSON.parse(readFileSync(path('static/geo/nouvelle-caledonie.topojson'), 'utf8')) as TerritoryTopology;
export const layers = decodeTopology(topo);

/** The territory as readTerritory() would return it, from data/communes.csv, eth.csv, provinces.csv. */
export function referenceTerritory(edit?: (c: Commune) => Commune): Territory {
	const communes: Commune[] = records('data/communes.csv').map((r) => ({
		code_insee: r.code_insee,
		nom: r.nom,
		nom_kanak: r.nom_kanak || null,
		code_postal: r.code_postal,
		province: r.province,
		province_secondaire: r.province_secondaire || null,
		eth: r.eth || null,
		aire_coutumiere: r.aire_coutumiere || null,
		population: Number(r.population_2025),
		variantes: r.variantes || null
	})).map((c) => (edit ? edit(c) : c));
	const eths: Eth[] = records('data/eth.csv').map((r) => ({ code: r.code_eth, libelle: r.libelle, province: r.province, confirme: r.confirme === 'oui' }));
	const provinces: Province[] = records('data/provinces.csv').map((r) => ({ code: r.code, libelle: r.libelle, libelle_court: r.libelle_court }));
	return { communes, eths, provinces, secteurs: [], communeByInseeCode: new Map(communes.map((c) => [c.code_insee, c])) };
}
