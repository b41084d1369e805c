/**
 * Checks a generated demo dataset against the canonical model: headers,
 * code lists, referential integrity and date order. Returns the problems found
 * (first few per rule) so a failing test says what is wrong.
 */
import { join } from 'node:path';
import { parseCsv, readCsvRecords } from '../../scripts/lib/csv';
import { DEMO_COLUMNS, DEMO_FILES, type DemoFile } from '../../scripts/demo/generator';
import * as codes from '../../src/lib/model/codes';

const DATA = join(__dirname, '..', '..', 'data');
const END = '2026-10-31';

export type Tables = Record<DemoFile, Record<string, string>[]>;

/** Parses the CSV texts into records, checking each header. */
export function parseDemo(files: Record<DemoFile, string>): { tables: Tables; problems: string[] } {
	const problems: string[] = [];
	const tables = {} as Tables;
	for (const name of DEMO_FILES) {
		const [header, ...rows] = parseCsv(files[name]);
		if (header.join(',') !== DEMO_COLUMNS[name].join(',')) problems.push(`${name}: en-tête ${header.join(',')}`);
		tables[name] = rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
	}
	return { tables, problems };
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);

/** Every rule of the canonical model the demo must respect. */
export function checkIntegrity(t: Tables): string[] {
	const problems: string[] = [];
	const counts = new Map<string, number>();
	const fail = (rule: string, detail: string) => {
		const n = (counts.get(rule) ?? 0) + 1;
		counts.set(rule, n);
		if (n <= 3) problems.push(`${rule}: ${detail}`);
	};
	const communes = new Set(readCsvRecords(join(DATA, 'communes.csv')).map((c) => c.code_insee));
	const sectors = new Set(readCsvRecords(join(DATA, 'secteurs.csv')).map((s) => s.code));
	const categoryOf = new Map(readCsvRecords(join(DATA, 'motifs-sortie.csv')).map((m) => [m.motif_sortie, m.categorie_sortie]));
	const within = (value: string, list: readonly string[], rule: string, empty = false) => {
		if (!(list.includes(value) || (empty && value === ''))) fail(rule, value);
	};
	const unique = (rows: Record<string, string>[], key: string, rule: string) => {
		const ids = new Set(rows.map((r) => r[key]));
		if (ids.size !== rows.length) fail(rule, `${rows.length - ids.size} doublons`);
		return ids;
	};

	const people = unique(t['personnes.csv'], 'id_personne', 'personnes.id unique');
	for (const p of t['personnes.csv']) {
		within(p.sexe, codes.SEXES, 'personnes.sexe');
		const year = Number(p.annee_naissance);
		if (!(year >= 1958 && year <= 2009) || p.tranche_age !== '') fail('personnes.age', `${p.id_personne} ${p.annee_naissance}`);
		if (!communes.has(p.commune_residence)) fail('personnes.commune', p.commune_residence);
		within(p.lieu_vie, codes.LIEUX_VIE, 'personnes.lieu_vie');
		within(p.niveau_diplome, codes.NIVEAUX_DIPLOME, 'personnes.niveau_diplome');
		within(p.situation_entree, codes.SITUATIONS_ENTREE, 'personnes.situation_entree');
		within(p.handicap, ['true', 'false'], 'personnes.handicap');
	}

	const actions = new Map(t['actions.csv'].map((a) => [a.id_action, a]));
	unique(t['actions.csv'], 'id_action', 'actions.id unique');
	for (const a of t['actions.csv']) {
		within(a.type_action, codes.TYPES_ACTION, 'actions.type');
		within(a.procedure, codes.PROCEDURES, 'actions.procedure');
		if (!sectors.has(a.secteur) || !communes.has(a.commune_lieu)) fail('actions.codes', a.id_action);
		if (!(a.date_debut <= a.date_fin && a.date_debut.startsWith(a.annee) && a.date_fin.startsWith(a.annee))) fail('actions.dates', a.id_action);
		const [h, places, prevu] = [Number(a.heures), Number(a.places_prevues), Number(a.cout_prevu_xpf)];
		if (!(h >= 35 && h <= 900 && places >= 8 && places <= 20)) fail('actions.heures/places', a.id_action);
		if (!(prevu >= 1.5e6 && prevu <= 30e6 && prevu % 1000 === 0)) fail('actions.cout_prevu', a.cout_prevu_xpf);
		if (a.cout_realise_xpf !== '' && (a.date_fin > END || Number(a.cout_realise_xpf) > 1.1 * prevu)) fail('actions.cout_realise', a.id_action);
	}

	const pathways = new Map(t['parcours.csv'].map((p) => [p.id_parcours, p]));
	unique(t['parcours.csv'], 'id_parcours', 'parcours.id unique');
	const byPerson = new Map<string, Record<string, string>[]>();
	for (const p of t['parcours.csv']) {
		if (!people.has(p.id_personne)) fail('parcours.personne', p.id_parcours);
		byPerson.set(p.id_personne, [...(byPerson.get(p.id_personne) ?? []), p]);
		within(p.structure, codes.STRUCTURES, 'parcours.structure');
		within(p.dispositif, codes.DISPOSITIFS, 'parcours.dispositif');
		if (!communes.has(p.commune_suivi) || !/^C\d{3}$/.test(p.id_conseiller)) fail('parcours.suivi', p.id_parcours);
		const delay = (Date.parse(p.date_entree) - Date.parse(p.date_premier_contact)) / 86_400_000;
		if (!(delay >= 0 && delay <= 120)) fail('parcours.premier_contact', p.id_parcours);
		if (!(p.date_entree >= '2021-01-01' && p.date_entree <= END)) fail('parcours.date_entree', p.date_entree);
		const open = p.date_sortie === '';
		if (!open && !(p.date_sortie > p.date_entree && p.date_sortie <= END)) fail('parcours.date_sortie', p.id_parcours);
		if (open !== (p.motif_sortie === '')) fail('parcours.motif si sortie', p.id_parcours);
		const category = categoryOf.get(p.motif_sortie);
		if (!open && !category) fail('parcours.motif connu', p.motif_sortie);
		if (p.categorie_sortie !== '' && p.categorie_sortie !== category) fail('parcours.categorie cohérente', p.id_parcours);
		const employment = category === 'emploi_durable' || category === 'emploi_transition';
		if (employment !== (p.secteur_sortie !== '') || (p.secteur_sortie && !sectors.has(p.secteur_sortie))) fail('parcours.secteur_sortie', p.id_parcours);
		if (p.projet_secteur !== '' && !sectors.has(p.projet_secteur)) fail('parcours.projet_secteur', p.projet_secteur);
		within(p.situation_6_mois, codes.SITUATIONS_6_MOIS, 'parcours.situation_6_mois', true);
		if (p.situation_6_mois !== '' && (open || addDays(p.date_sortie, 183) > END)) fail('parcours.situation_6_mois trop tôt', p.id_parcours);
	}
	for (const list of byPerson.values()) {
		list.sort((a, b) => a.date_entree.localeCompare(b.date_entree));
		for (let i = 1; i < list.length; i++) {
			const prev = list[i - 1];
			if (prev.date_sortie === '' || prev.date_sortie >= list[i].date_entree) fail('parcours sans chevauchement', prev.id_parcours);
		}
	}

	unique(t['evenements.csv'], 'id_evenement', 'evenements.id unique');
	for (const e of t['evenements.csv']) {
		const p = pathways.get(e.id_parcours);
		if (!p) fail('evenements.parcours', e.id_evenement);
		else if (e.date < p.date_entree || e.date > (p.date_sortie || END)) fail('evenements.date dans le parcours', e.id_evenement);
		within(e.type, codes.TYPES_EVENEMENT, 'evenements.type');
		within(e.statut, codes.STATUTS_EVENEMENT, 'evenements.statut', true);
		if (e.duree_min !== '' && !(Number(e.duree_min) >= 15 && Number(e.duree_min) <= 90)) fail('evenements.duree', e.duree_min);
		if ((e.type === 'prescription_action') !== actions.has(e.id_action)) fail('evenements.id_action', e.id_evenement);
	}

	for (const f of t['freins.csv']) {
		const p = pathways.get(f.id_parcours);
		if (!p) fail('freins.parcours', f.id_parcours);
		within(f.moment, codes.MOMENTS_FREIN, 'freins.moment');
		within(f.frein, codes.FREINS, 'freins.frein');
		within(f.statut, codes.STATUTS_FREIN, 'freins.statut');
		if (p && f.moment === 'entree' && (f.date !== p.date_entree || f.statut !== 'identifie')) fail('freins.entree', f.id_parcours);
		if (p && f.moment === 'sortie' && f.date !== p.date_sortie) fail('freins.sortie', f.id_parcours);
	}

	unique(t['inscriptions.csv'], 'id_inscription', 'inscriptions.id unique');
	for (const i of t['inscriptions.csv']) {
		const a = actions.get(i.id_action);
		if (!a || !people.has(i.id_personne)) fail('inscriptions.références', i.id_inscription);
		within(i.statut_fin, codes.STATUTS_FIN, 'inscriptions.statut_fin');
		if ((i.statut_fin === 'en_cours') !== (i.date_sortie === '')) fail('inscriptions.en_cours', i.id_inscription);
		if (a && (i.date_entree < a.date_debut || i.date_entree > a.date_fin)) fail('inscriptions.date_entree', i.id_inscription);
		if (i.date_sortie !== '' && (i.date_sortie < i.date_entree || i.date_sortie > END)) fail('inscriptions.date_sortie', i.id_inscription);
		const certifying = a?.type_action === 'qualifiante' || a?.type_action === 'certifiante';
		if (i.certification_obtenue !== '' && !certifying) fail('inscriptions.certification', i.id_inscription);
	}

	unique(t['evaluations.csv'], 'id_evaluation', 'evaluations.id unique');
	for (const e of t['evaluations.csv']) {
		if (!people.has(e.id_personne) || (e.id_action !== '' && !actions.has(e.id_action))) fail('evaluations.références', e.id_evaluation);
		within(e.moment, codes.MOMENTS_EVALUATION, 'evaluations.moment');
		within(e.public, codes.PUBLICS, 'evaluations.public');
		within(e.referentiel, codes.REFERENTIELS, 'evaluations.referentiel');
		within(e.domaine, ['lire', 'ecrire', 'oral', 'calcul', 'numerique'], 'evaluations.domaine');
		if (!(Number(e.niveau) >= 1 && Number.isInteger(Number(e.niveau))) || !communes.has(e.commune) || e.date > END) fail('evaluations.valeurs', e.id_evaluation);
	}

	const territories = ['grand_nord', 'espace_ouest', 'cote_oceanienne', 'sud_minier', 'PN', 'PS', 'PIL'];
	for (const o of t['objectifs.csv']) {
		if (!(Number(o.annee) >= 2021 && Number(o.annee) <= 2026) || !territories.includes(o.code_territoire)) fail('objectifs.territoire', JSON.stringify(o));
		within(o.niveau_territoire, codes.NIVEAUX_TERRITOIRE, 'objectifs.niveau');
		within(o.indicateur, ['file_active', 'sorties_dynamiques', 'taux_sorties_dynamiques', 'personnes_positionnees', 'personnes_formees'], 'objectifs.indicateur');
		const rate = o.indicateur === 'taux_sorties_dynamiques';
		if (rate ? !(Number(o.cible) > 0 && Number(o.cible) < 1) : !(Number(o.cible) >= 5)) fail('objectifs.cible', JSON.stringify(o));
	}
	for (const [rule, n] of counts) if (n > 3) problems.push(`${rule}: … ${n} cas en tout`);
	return problems;
}
