/**
 * An independent computation of the CLI's JSON (domain.md §4), in plain
 * TypeScript without SQL or any app module, to check the real pipeline
 * against. Same row-rejection rules as the import (duplicate / missing ids,
 * missing or invalid required dates, exit before entry, unknown references).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

type Rec = Record<string, string>;

/** Minimal RFC 4180 reader (comma, double quotes). */
export function readCsv(text: string): Rec[] {
	const rows: string[][] = [];
	let field = '';
	let row: string[] = [];
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') row.push(field), (field = '');
		else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length) row.push(field), rows.push(row);
	const [header, ...data] = rows.filter((r) => r.some((v) => v.trim() !== ''));
	return (data ?? []).map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}

const isoOk = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s);
const days = (a: string, b: string) => Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000);

/** Continuous quantile (linear interpolation between order statistics). */
export function quantile(values: number[], p: number): number | null {
	if (!values.length) return null;
	const s = [...values].sort((a, b) => a - b);
	const pos = (s.length - 1) * p;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

function keepFirst(rows: Rec[], key: string): Rec[] {
	const seen = new Set<string>();
	return rows.filter((r) => {
		const id = r[key];
		if (!id || seen.has(id)) return false;
		seen.add(id);
		return true;
	});
}

export interface IndependentOptions {
	du?: string;
	au?: string;
	territoire?: string | null;
}

/** Computes the CLI JSON (without secrecy) for a folder of canonical CSVs. */
export function independentIndicators(dir: string, opts: IndependentOptions = {}, dataDir = 'data') {
	const read = (t: string) => (existsSync(join(dir, `${t}.csv`)) ? readCsv(readFileSync(join(dir, `${t}.csv`), 'utf8')) : []);
	const communes = readCsv(readFileSync(join(dataDir, 'communes.csv'), 'utf8'));
	const motifs = Object.fromEntries(readCsv(readFileSync(join(dataDir, 'motifs-sortie.csv'), 'utf8')).map((m) => [m.motif_sortie, m.categorie_sortie]));
	const communeInfo = new Map(communes.map((c) => [c.code_insee, c]));

	const personnesRaw = read('personnes');
	const personnes = keepFirst(personnesRaw, 'id_personne');
	const residence = new Map(personnes.map((p) => [p.id_personne, communeInfo.has(p.commune_residence) ? p.commune_residence : null]));
	const parcours = keepFirst(read('parcours'), 'id_parcours').filter(
		(p) =>
			p.id_personne &&
			isoOk(p.date_entree) &&
			!(p.date_sortie && isoOk(p.date_sortie) && p.date_sortie < p.date_entree) &&
			(personnesRaw.length === 0 || residence.has(p.id_personne))
	);
	const parcoursById = new Map(parcours.map((p) => [p.id_parcours, p]));
	const events = keepFirst(read('evenements'), 'id_evenement').filter(
		(e) => e.id_parcours && isoOk(e.date) && parcoursById.has(e.id_parcours)
	);
	const date = (s: string) => (s && isoOk(s) ? s : null);

	const allDates = [
		...parcours.flatMap((p) => [date(p.date_premier_contact), date(p.date_entree), date(p.date_sortie)]),
		...events.map((e) => e.date)
	].filter((d): d is string => !!d).sort();
	const du = opts.du ?? allDates[0];
	const au = opts.au ?? allDates[allDates.length - 1];
	const inP = (d: string | null) => !!d && d >= du && d <= au;

	const t = opts.territoire ?? null;
	const communeOf = (p: Rec) => residence.get(p.id_personne) ?? null;
	const inTerritory = (code: string | null) => {
		if (!t) return true;
		if (!code) return false;
		if (/^988/.test(t)) return code === t;
		return communeInfo.get(code)!.province === t;
	};
	const scope = parcours.filter((p) => inTerritory(communeOf(p)));
	const category = (p: Rec) => p.categorie_sortie || motifs[p.motif_sortie] || null;
	const DYN = ['emploi_durable', 'emploi_transition', 'sortie_positive'];
	const FA = ['entretien_individuel', 'entretien_collectif', 'information_collective', 'diagnostic', 'bilan'];

	const compute = (rows: Rec[]) => {
		const ids = new Set(rows.map((p) => p.id_parcours));
		const fa = new Set(
			events
				.filter((e) => ids.has(e.id_parcours) && inP(e.date) && (e.statut || 'realise') === 'realise' && FA.includes(e.type))
				.map((e) => parcoursById.get(e.id_parcours)!.id_personne)
		);
		const firstContact = new Map<string, string>();
		for (const p of rows) {
			const d = date(p.date_premier_contact);
			if (d && (!firstContact.has(p.id_personne) || d < firstContact.get(p.id_personne)!)) firstContact.set(p.id_personne, d);
		}
		const exits = rows.filter((p) => inP(date(p.date_sortie)));
		const neutral = exits.filter((p) => category(p) === 'neutralisee').length;
		const life = exits.filter((p) => category(p) === 'projet_de_vie').length;
		const dyn = exits.filter((p) => DYN.includes(category(p) ?? '')).length;
		const durable = exits.filter((p) => category(p) === 'emploi_durable').length;
		const retained = exits.length - neutral - life;
		const entries = rows.filter((p) => inP(p.date_entree) && date(p.date_premier_contact));
		return {
			file_active: fa.size,
			nouveaux_accueillis: [...firstContact.values()].filter(inP).length,
			sorties: exits.length,
			sorties_neutralisees: neutral,
			sorties_dynamiques: dyn,
			taux_sorties_dynamiques: retained ? dyn / retained : null,
			taux_emploi_durable: retained ? durable / retained : null,
			delai_entree_median_jours: quantile(entries.map((p) => days(p.date_premier_contact, p.date_entree)), 0.5),
			duree_accompagnement_mediane_jours: quantile(exits.map((p) => days(p.date_entree, p.date_sortie)), 0.5)
		};
	};

	const total = compute(scope);
	const codes = [...new Set(scope.map(communeOf).filter((c): c is string => !!c))].sort();
	const par_commune = codes
		.map((code) => ({ code, r: compute(scope.filter((p) => communeOf(p) === code)) }))
		.filter(({ r }) => r.file_active > 0 || r.sorties > 0)
		.map(({ code, r }) => ({ code_insee: code, file_active: r.file_active, sorties: r.sorties, taux_sorties_dynamiques: r.taux_sorties_dynamiques }));
	return { periode: { du, au }, territoire: t, indicateurs: total, par_commune };
}
