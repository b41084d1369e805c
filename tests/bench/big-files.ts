/**
 * Large synthetic parcours exports for the import benchmark (deterministic):
 * canonical columns, French-style dates on half the rows, every commune.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tableToIPC, tableFromArrays } from 'apache-arrow';
import { loadParquetModule } from '../../src/lib/import/readers/parquet-node';

const HEADER = 'id_parcours,id_personne,structure,dispositif,commune_suivi,id_conseiller,date_premier_contact,date_entree,date_sortie,motif_sortie,categorie_sortie,secteur_sortie,projet_secteur,situation_6_mois';
const DISPOSITIFS = ['accueil_information', 'accompagnement_court', 'accompagnement_long', 'jeunes'];
const MOTIFS = ['cdi', 'cdd_moins_6_mois', 'formation_qualifiante', 'chomage', 'demenagement', 'perdu_de_vue', ''];

function rows(n: number): string[][] {
	let seed = 20261122;
	const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
	const out: string[][] = [];
	for (let i = 0; i < n; i++) {
		const y = 2021 + Math.floor(rnd() * 5);
		const m = 1 + Math.floor(rnd() * 12);
		const d = 1 + Math.floor(rnd() * 28);
		const pad = (v: number) => String(v).padStart(2, '0');
		const entree = i % 2 ? `${y}-${pad(m)}-${pad(d)}` : `${pad(d)}/${pad(m)}/${y}`;
		const open = rnd() < 0.2;
		const motif = open ? '' : MOTIFS[Math.floor(rnd() * MOTIFS.length)];
		out.push([
			`PA${i}`, `P${Math.floor(i * 0.75)}`, 'DEFIJ_PN', DISPOSITIFS[i % 4], `988${pad(1 + (i % 33))}`, `C${i % 40}`,
			`${y}-${pad(m)}-01`, entree, open ? '' : `${y + 1}-${pad(m)}-${pad(d)}`, motif, '', motif === 'cdi' ? 'btp' : '', 'commerce', ''
		]);
	}
	return out;
}

/** Writes (once) `parcours-<n>.csv` and `.parquet` under tests/output/bench/, and returns their paths. */
export async function bigParcoursFiles(n: number): Promise<{ csv: string; parquet: string }> {
	const dir = join('tests', 'output', 'bench');
	mkdirSync(dir, { recursive: true });
	const csv = join(dir, `parcours-${n}.csv`);
	const parquet = join(dir, `parcours-${n}.parquet`);
	if (existsSync(csv) && existsSync(parquet)) return { csv, parquet };
	const data = rows(n);
	writeFileSync(csv, HEADER + '\n' + data.map((r) => r.join(',')).join('\n') + '\n');
	const columns = Object.fromEntries(HEADER.split(',').map((h, c) => [h, data.map((r) => r[c])]));
	const pw = (await loadParquetModule()) as unknown as { Table: { fromIPCStream(b: Uint8Array): unknown }; writeParquet(t: unknown): Uint8Array };
	writeFileSync(parquet, pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(tableFromArrays(columns), 'stream'))));
	return { csv, parquet };
}
