/**
 * The command-line twin's output: the same queries and secrecy as the app,
 * shaped as the JSON documented in the README.
 */
import type { Engine } from '../db/engine';
import { parcoursIndicatorsSql, PARCOURS_MEASURES, type ParcoursIndicators } from '../queries/parcours';
import type { Filters } from '../queries/filters';
import { DATA_SPAN_SQL } from '../queries/period';
import { applySecrecy, cellsAsText } from '../secrecy/apply';
import { DEFAULT_POLICY, type SecrecyPolicy } from '../secrecy/policy';
import { competencesJson, hasRows, secteursJson } from './plan-json';

export interface IndicatorsOptions {
	du?: string;
	au?: string;
	/** INSEE code, or PN / PS / PIL. */
	territoire?: string | null;
	secret?: boolean;
	policy?: SecrecyPolicy;
}

const PROVINCES = ['PN', 'PS', 'PIL'];

/** Filters for a CLI territory argument. */
export function territoryFilters(territoire: string | null | undefined): Pick<Filters, 'province' | 'commune'> {
	if (!territoire) return {};
	if (PROVINCES.includes(territoire.toUpperCase())) return { province: territoire.toUpperCase() };
	if (/^988\d\d$/.test(territoire)) return { commune: territoire };
	throw new Error(`Territoire inconnu : « ${territoire} » (attendu : code INSEE 988xx, PN, PS ou PIL)`);
}

/** The default period: the whole span of the data. */
export async function dataSpan(engine: Engine): Promise<{ du: string; au: string }> {
	const [span] = await engine.query<{ du: string | null; au: string | null }>(DATA_SPAN_SQL);
	const today = new Date().toISOString().slice(0, 10);
	return { du: span?.du ?? today, au: span?.au ?? today };
}

/** Computes the indicators JSON object for the loaded dataset. */
export async function indicatorsJson(engine: Engine, opts: IndicatorsOptions = {}): Promise<Record<string, unknown>> {
	const span = opts.du && opts.au ? { du: opts.du, au: opts.au } : await dataSpan(engine);
	const filters: Filters = { du: opts.du ?? span.du, au: opts.au ?? span.au, ...territoryFilters(opts.territoire) };
	const rows = await engine.query<ParcoursIndicators & Record<string, unknown>>(parcoursIndicatorsSql(filters, ['total', 'commune']));
	const total = rows.find((r) => r.niveau === 'total')!;
	const communes = rows
		.filter((r) => r.niveau === 'commune')
		.filter((r) => r.cle !== null && (r.file_active > 0 || r.sorties > 0));

	let totalOut: Record<string, unknown> = total;
	let communesOut: Record<string, unknown>[] = communes;
	if (opts.secret) {
		const policy = opts.policy ?? DEFAULT_POLICY;
		const rows = [total, ...communes];
		const masked = applySecrecy(rows, PARCOURS_MEASURES, policy, {
			key: (r) => (r === total ? 'total' : `c:${r.cle}`),
			parent: (r) => (r === total ? null : 'total')
		});
		const text = cellsAsText(masked);
		totalOut = text[0];
		communesOut = text.slice(1);
	}
	const policy = opts.secret ? (opts.policy ?? DEFAULT_POLICY) : null;
	const plan: Record<string, unknown> = {};
	if (await hasRows(engine, 'evaluations')) plan.competences = await competencesJson(engine, filters, policy);
	if (await hasRows(engine, 'actions')) plan.secteurs = await secteursJson(engine, filters, policy);
	return {
		periode: { du: filters.du, au: filters.au },
		territoire: opts.territoire ?? null,
		secret_statistique: opts.secret ? (opts.policy ?? DEFAULT_POLICY).libelle : null,
		indicateurs: {
			file_active: totalOut.file_active,
			nouveaux_accueillis: totalOut.nouveaux_accueillis,
			sorties: totalOut.sorties,
			sorties_neutralisees: totalOut.sorties_neutralisees,
			sorties_dynamiques: totalOut.sorties_dynamiques,
			taux_sorties_dynamiques: totalOut.taux_sorties_dynamiques,
			taux_emploi_durable: totalOut.taux_emploi_durable,
			delai_entree_median_jours: totalOut.delai_entree_median_jours,
			duree_accompagnement_mediane_jours: totalOut.duree_accompagnement_mediane_jours
		},
		par_commune: communesOut.map((c) => ({
			code_insee: c.cle,
			file_active: c.file_active,
			sorties: c.sorties,
			taux_sorties_dynamiques: c.taux_sorties_dynamiques
		})),
		...plan
	};
}
