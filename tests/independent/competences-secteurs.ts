/**
 * An independent computation of the CLI's `competences` and `secteurs`
 * sections (issue 5, domain.md §4) in plain TypeScript, without SQL or any
 * app module, to check the real pipeline against. Row rules as the import:
 * first row of a repeated identifier, references to loaded tables, exit not
 * before entry; levels and dates must read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from './indicators';

type Rec = Record<string, string>;

const isoOk = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s);
const date = (s: string | undefined) => (s && isoOk(s) ? s : null);
const int = (s: string | undefined) => (s !== undefined && /^-?\d+$/.test(s.trim()) ? Number(s) : null);

/** DuckDB's `date + INTERVAL n MONTH`: same day n months later, clamped to the month's end. */
export function addMonths(iso: string, months: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	const total = y * 12 + (m - 1) + months;
	const year = Math.floor(total / 12);
	const month = total % 12;
	const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function keepFirst(rows: Rec[], key: string): Rec[] {
	const seen = new Set<string>();
	return rows.filter((r) => !!r[key] && !seen.has(r[key]) && !!seen.add(r[key]));
}

export interface PlanOptions {
	du: string;
	au: string;
	/** INSEE code, or PN / PS / PIL. */
	territoire?: string | null;
}

/** The CLI's `competences` and `secteurs` arrays (without secrecy) for a folder of canonical CSVs. */
export function independentPlan(dir: string, opts: PlanOptions, dataDir = 'data') {
	const read = (t: string) => (existsSync(join(dir, `${t}.csv`)) ? readCsv(readFileSync(join(dir, `${t}.csv`), 'utf8')) : []);
	const ref = (f: string) => readCsv(readFileSync(join(dataDir, f), 'utf8'));
	const communes = new Map(ref('communes.csv').map((c) => [c.code_insee, c]));
	const motifs = new Map(ref('motifs-sortie.csv').map((m) => [m.motif_sortie, m.categorie_sortie]));
	const targets = new Map(ref('niveaux-cibles.csv').map((t) => [t.referentiel, Number(t.niveau_cible)]));
	const inP = (d: string | null) => !!d && d >= opts.du && d <= opts.au;
	const t = opts.territoire ?? null;
	const inTerritory = (code: string | null) => !t || (!!code && (/^988/.test(t) ? code === t : communes.get(code)?.province === t));

	const personnesRaw = read('personnes');
	const personnes = new Map(keepFirst(personnesRaw, 'id_personne').map((p) => [p.id_personne, communes.has(p.commune_residence) ? p.commune_residence : null]));
	const personOk = (id: string) => !!id && (personnesRaw.length === 0 || personnes.has(id));
	const residence = (id: string) => personnes.get(id) ?? null;

	const actionsRaw = read('actions');
	const actions = keepFirst(actionsRaw, 'id_action');
	const actionIds = new Set(actions.map((a) => a.id_action));
	const actionOk = (id: string) => actionsRaw.length === 0 || actionIds.has(id);

	const parcours = keepFirst(read('parcours'), 'id_parcours').filter(
		(p) => personOk(p.id_personne) && date(p.date_entree) && !(date(p.date_sortie) && p.date_sortie < p.date_entree)
	);
	const DYNAMIC = ['emploi_durable', 'emploi_transition', 'sortie_positive'];
	const dynamicExits = new Map<string, string[]>();
	for (const p of parcours) {
		const category = p.categorie_sortie || motifs.get(p.motif_sortie) || '';
		if (date(p.date_sortie) && DYNAMIC.includes(category)) dynamicExits.set(p.id_personne, [...(dynamicExits.get(p.id_personne) ?? []), p.date_sortie]);
	}
	const inscriptions = keepFirst(read('inscriptions'), 'id_inscription').filter(
		(i) => i.id_action && actionOk(i.id_action) && personOk(i.id_personne) && !(date(i.date_sortie) && date(i.date_entree) && i.date_sortie < i.date_entree)
	);
	const evaluations = keepFirst(read('evaluations'), 'id_evaluation').filter(
		(e) => personOk(e.id_personne) && (!e.id_action || actionOk(e.id_action)) && date(e.date) && int(e.niveau) !== null && inTerritory(residence(e.id_personne))
	);

	// Competences: person × referential × domain with the earliest initial and the latest final in the period.
	type Pair = { ref: string; dom: string; initial?: Rec; final?: Rec; any: boolean };
	const groups = new Map<string, Pair>();
	const order = (e: Rec) => `${e.date}|${e.id_evaluation}`;
	for (const e of evaluations.filter((e) => inP(e.date))) {
		const k = `${e.id_personne}|${e.referentiel}|${e.domaine}`;
		const g = groups.get(k) ?? { ref: e.referentiel, dom: e.domaine, any: true };
		if (e.moment === 'initial' && (!g.initial || order(e) < order(g.initial))) g.initial = e;
		if (e.moment === 'final' && (!g.final || order(e) > order(g.final))) g.final = e;
		groups.set(k, g);
	}
	const byDomain = new Map<string, Pair[]>();
	for (const g of groups.values()) byDomain.set(`${g.ref}|${g.dom}`, [...(byDomain.get(`${g.ref}|${g.dom}`) ?? []), g]);
	const competences = [...byDomain.keys()].sort().map((k) => {
		const list = byDomain.get(k)!;
		const pairs = list.filter((g) => g.initial && g.final && g.final.date >= g.initial.date);
		const gains = pairs.map((g) => Number(g.final!.niveau) - Number(g.initial!.niveau));
		const target = targets.get(list[0].ref);
		return {
			referentiel: list[0].ref || null,
			domaine: list[0].dom || null,
			personnes_evaluees: list.length,
			personnes_initial_et_final: pairs.length,
			gain_moyen_niveaux: pairs.length ? gains.reduce((a, b) => a + b, 0) / pairs.length : null,
			part_progression: pairs.length ? gains.filter((g) => g >= 1).length / pairs.length : null,
			part_niveau_cible: pairs.length && target !== undefined ? pairs.filter((g) => Number(g.final!.niveau) >= target).length / pairs.length : null,
			attrition: list.filter((g) => g.initial).length - pairs.length
		};
	});

	// Sectors: actions starting in the period at a place in the territory.
	const scoped = actions.filter((a) => inP(date(a.date_debut)) && inTerritory(communes.has(a.commune_lieu) ? a.commune_lieu : null));
	const sectorOf = new Map(scoped.map((a) => [a.id_action, a.secteur || null]));
	const participants = inscriptions.filter((i) => sectorOf.has(i.id_action) && date(i.date_entree));
	const dynamic = (i: Rec) => {
		const out = date(i.date_sortie);
		if (!out) return false;
		const until = addMonths(out, 12);
		return (dynamicExits.get(i.id_personne) ?? []).some((d) => d >= out && d <= until);
	};
	const projects = new Map<string, Set<string>>();
	for (const p of parcours) {
		const open = p.date_entree <= opts.au && (!date(p.date_sortie) || p.date_sortie >= opts.du);
		if (!p.projet_secteur || !open || !inTerritory(residence(p.id_personne))) continue;
		projects.set(p.projet_secteur, (projects.get(p.projet_secteur) ?? new Set()).add(p.id_personne));
	}
	const sectors = [...new Set([...scoped.map((a) => a.secteur || null), ...projects.keys()])].sort((a, b) =>
		a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0
	);
	const secteurs = sectors.map((s) => {
		const acts = scoped.filter((a) => (a.secteur || null) === s);
		const entries = (a: Rec) => participants.filter((i) => i.id_action === a.id_action);
		const withPlaces = acts.filter((a) => (int(a.places_prevues) ?? 0) > 0);
		const costed = acts.filter((a) => int(a.cout_realise_xpf) !== null);
		const places = acts.reduce((n, a) => n + (int(a.places_prevues) ?? 0), 0);
		const entrees = acts.reduce((n, a) => n + entries(a).length, 0);
		const abandons = acts.reduce((n, a) => n + entries(a).filter((i) => i.statut_fin === 'abandon').length, 0);
		const cost = costed.reduce((n, a) => n + int(a.cout_realise_xpf)!, 0);
		const dynPeople = (list: Rec[]) => new Set(list.flatMap((a) => entries(a).filter(dynamic).map((i) => i.id_personne))).size;
		const dynCosted = dynPeople(costed);
		const placesWith = withPlaces.reduce((n, a) => n + int(a.places_prevues)!, 0);
		return {
			secteur: s,
			actions: acts.length,
			places_prevues: places,
			entrees,
			taux_remplissage: placesWith ? withPlaces.reduce((n, a) => n + entries(a).length, 0) / placesWith : null,
			abandons,
			taux_abandon: entrees ? abandons / entrees : null,
			cout_realise_xpf: cost,
			sorties_dynamiques: dynPeople(acts),
			cout_par_sortie_dynamique_xpf: costed.length && dynCosted ? cost / dynCosted : null,
			projets: s === null ? 0 : (projects.get(s)?.size ?? 0)
		};
	});
	return { competences, secteurs };
}
