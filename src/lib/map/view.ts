/**
 * The map page's own settings (level, indicator, classes, compare mode),
 * read from and written to URL parameters so a map can be linked. They are
 * not filters: other pages ignore them. Pure functions.
 */
import { previousPeriod, type Filters } from '../queries/filters';
import { MAX_CLASSES, MIN_CLASSES } from './classify';
import { CLASS_METHODS, type ClassMethod } from './choropleth';
import { DEFAULT_INDICATOR, MAP_INDICATORS } from './indicators';
import { MAP_LEVELS, type MapLevel } from './levels';

export interface MapViewSettings {
	niveau: MapLevel;
	indicateur: string;
	methode: ClassMethod;
	classes: number;
	/** Manual bounds as typed, in displayed units (« 20 ; 40 ; 60 »). */
	bornes: string;
	/** Compare mode: '' (off), 'precedente' (period just before) or a year. */
	comparer: string;
	/** Values written under the names on the map. */
	valeurs: boolean;
}

export const DEFAULT_VIEW: MapViewSettings = {
	niveau: 'commune',
	indicateur: DEFAULT_INDICATOR,
	methode: 'quantiles',
	classes: 5,
	bornes: '',
	comparer: '',
	valeurs: true
};

/** URL parameter of each setting. */
const PARAMS: Record<keyof MapViewSettings, string> = {
	niveau: 'niveau',
	indicateur: 'indicateur',
	methode: 'classement',
	classes: 'classes',
	bornes: 'bornes',
	comparer: 'comparer',
	valeurs: 'valeurs'
};

/** Settings from URL parameters; anything unknown falls back to the default. */
export function viewFromParams(params: URLSearchParams): MapViewSettings {
	const get = (k: keyof MapViewSettings) => params.get(PARAMS[k]);
	const niveau = MAP_LEVELS.find((l) => l.key === get('niveau'))?.key ?? DEFAULT_VIEW.niveau;
	const indicateur = MAP_INDICATORS.find((i) => i.key === get('indicateur'))?.key ?? DEFAULT_VIEW.indicateur;
	const methode = CLASS_METHODS.find((m) => m.key === get('methode'))?.key ?? DEFAULT_VIEW.methode;
	const k = Number(get('classes'));
	const classes = Number.isInteger(k) && k >= MIN_CLASSES && k <= MAX_CLASSES ? k : DEFAULT_VIEW.classes;
	const c = get('comparer') ?? '';
	const comparer = c === 'precedente' || /^\d{4}$/.test(c) ? c : '';
	return { niveau, indicateur, methode, classes, bornes: get('bornes') ?? '', comparer, valeurs: get('valeurs') !== 'non' };
}

/** `params` with the settings that differ from the default written in (others removed). */
export function viewToParams(view: MapViewSettings, params: URLSearchParams): URLSearchParams {
	const out = new URLSearchParams(params);
	for (const [key, param] of Object.entries(PARAMS) as [keyof MapViewSettings, string][]) {
		const value = view[key];
		const text = typeof value === 'boolean' ? (value ? 'oui' : 'non') : String(value);
		const fallback = DEFAULT_VIEW[key];
		const defaultText = typeof fallback === 'boolean' ? (fallback ? 'oui' : 'non') : String(fallback);
		if (text === defaultText || (key === 'bornes' && view.methode !== 'manuel')) out.delete(param);
		else out.set(param, text);
	}
	return out;
}

/** A stable key of the settings (what the page paints besides the filters). */
export function viewKey(view: MapViewSettings): string {
	return viewToParams(view, new URLSearchParams()).toString();
}

/** The period compared with the filters' period, or null when compare mode is off. */
export function comparedPeriod(view: Pick<MapViewSettings, 'comparer'>, f: Pick<Filters, 'du' | 'au'>): { du: string; au: string } | null {
	if (view.comparer === 'precedente') return previousPeriod(f);
	if (/^\d{4}$/.test(view.comparer)) return { du: `${view.comparer}-01-01`, au: `${view.comparer}-12-31` };
	return null;
}
