/**
 * State of the map page: its settings (in the URL), the masked rows of the
 * current period (and of the compared one), and everything derived from them
 * by pure functions — join, classes, legend, paints, tooltips, table.
 * Created once per page instance (it owns query resources, hence effects).
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { untrack } from 'svelte';
import { data } from '$lib/state/data.svelte';
import { currentFilters, filtersKey, setFilters } from '$lib/state/filters.svelte';
import { QueryResource } from '$lib/state/query.svelte';
import { levelRows, mapColumns, mapRows, mapScope, type MapRows } from '$lib/panels/map';
import { loadTerritoryGeometry, type TerritoryGeometry } from '$lib/map/load';
import { ethGrouping, filtersForClick, levelShapes, provinceBorders, selectedTerritory, shapeLabelPoints, type MapLevel } from '$lib/map/levels';
import { formatIndicator, KINDS, mapIndicator, parseDisplayedBounds } from '$lib/map/indicators';
import {
	computeBreaks,
	differenceClassification,
	differenceValues,
	joinToShapes,
	numbersOf,
	sequentialClassification,
	type Classification,
	type JoinResult
} from '$lib/map/choropleth';
import { buildPaint, type MapPaint } from '$lib/map/paint';
import { describeEntry, type ComparedPeriods, type TooltipContent } from '$lib/map/describe';
import { comparedPeriod, viewFromParams, viewKey, viewToParams, type MapViewSettings } from '$lib/map/view';
import { capitalise } from '$lib/map/captions';
import { formatPeriod } from '$lib/format/number';
import type { Cell } from '$lib/secrecy/policy';

export class MapPage {
	view = $state<MapViewSettings>(viewFromParams(page.url.searchParams));
	/** Raw (not a deep proxy): topojson-client marks arcs while merging, and the geometry never changes. */
	geo = $state.raw<TerritoryGeometry | null>(null);
	geoError = $state<string | null>(null);

	filters = $derived(currentFilters());
	key = $derived(filtersKey(this.filters));
	viewKey = $derived(viewKey(this.view));
	indicator = $derived(mapIndicator(this.view.indicateur));
	kind = $derived(KINDS[this.indicator.kind]);
	compared = $derived(comparedPeriod(this.view, this.filters));
	periods = $derived<ComparedPeriods | null>(
		this.compared
			? { before: capitalise(formatPeriod(this.compared.du, this.compared.au)), after: capitalise(formatPeriod(this.filters.du, this.filters.au)) }
			: null
	);

	/** When the inputs last changed (filters or settings): recolour time is measured from here. */
	readonly timing = { changedAt: performance.now() };

	/** The columns the map's query computes (null: all); part of the query keys. */
	columns = $derived(mapColumns(this.indicator));
	#queryKey = $derived(`${this.indicator.source}|${this.columns?.join(',') ?? '*'}`);
	scopeKey = $derived(`${filtersKey(mapScope(this.filters))}|${this.#queryKey}`);
	referenceKey = $derived(this.compared ? `${filtersKey(mapScope({ ...this.filters, ...this.compared }))}|${this.#queryKey}` : '');
	current = new QueryResource<MapRows>(() => {
		const territory = data.territory;
		const key = this.scopeKey;
		const [source, columns] = [this.indicator.source, this.columns];
		const f = untrack(() => this.filters);
		return territory ? { key, run: (e) => mapRows(e, f, territory, source, columns) } : null;
	});
	reference = new QueryResource<MapRows>(() => {
		const territory = data.territory;
		const key = this.referenceKey;
		const [source, columns] = [this.indicator.source, this.columns];
		if (!key || !territory) return null;
		const f = untrack(() => ({ ...this.filters, ...this.compared! }));
		return { key, run: (e) => mapRows(e, f, territory, source, columns) };
	});

	#shapeCache = new Map<string, ReturnType<MapPage['buildLevel']>>();

	constructor() {
		$effect.pre(() => {
			void this.key;
			void this.viewKey;
			this.timing.changedAt = performance.now();
		});
		loadTerritoryGeometry().then(
			(g) => (this.geo = g),
			(e: unknown) => (this.geoError = e instanceof Error ? e.message : String(e))
		);
	}

	private buildLevel(level: MapLevel) {
		const shapes = levelShapes(this.geo!.topo, this.geo!.layers, level, data.territory!);
		return { shapes, points: shapeLabelPoints(shapes), list: shapes.features.map((f) => f.properties) };
	}

	/** Shapes and label points of a level, cached (ETH: per grouping of the reference). */
	shapesAt(level: MapLevel) {
		if (!this.geo || !data.territory) return null;
		const signature = level === 'eth' ? JSON.stringify([...ethGrouping(data.territory)]) : '';
		const cacheKey = `${level}|${signature}`;
		if (!this.#shapeCache.has(cacheKey)) this.#shapeCache.set(cacheKey, this.buildLevel(level));
		return this.#shapeCache.get(cacheKey)!;
	}

	level = $derived(this.shapesAt(this.view.niveau));
	borders = $derived(this.geo ? provinceBorders(this.geo.topo) : null);
	/** « level:code » of the territory filter: a string, so other filter changes do not rebuild the outline. */
	selectedKey = $derived.by(() => {
		const s = selectedTerritory(this.filters);
		return s ? `${s.level}:${s.code}` : '';
	});
	selection = $derived(this.selectedKey || null);
	/**
	 * Every territory that can be chosen (communes, ETH, provinces), keyed
	 * « level:code »: loaded once in the map's selection layer, so choosing
	 * one is a feature-state change drawn by the next frame.
	 */
	selectable = $derived.by(() => {
		const features = (['commune', 'eth', 'province'] as const).flatMap(
			(level) => this.shapesAt(level)?.shapes.features.map((f) => ({ ...f, properties: { ...f.properties, cle: `${level}:${f.properties.code}` } })) ?? []
		);
		return { type: 'FeatureCollection' as const, features };
	});

	#join(rows: MapRows | null): JoinResult | null {
		if (!rows || !this.level) return null;
		return joinToShapes(levelRows(rows, this.view.niveau), this.level.list, this.indicator);
	}
	joinedAfter = $derived(this.#join(this.current.value));
	joinedBefore = $derived(this.compared ? this.#join(this.reference.value) : null);

	breaks = $derived.by(() => {
		if (!this.joinedAfter) return null;
		const pooled = [...numbersOf(this.joinedAfter.values), ...(this.joinedBefore ? numbersOf(this.joinedBefore.values) : [])];
		return computeBreaks(pooled, this.view.methode, this.view.classes, parseDisplayedBounds(this.indicator, this.view.bornes));
	});
	after = $derived(this.joinedAfter && this.breaks ? sequentialClassification(this.joinedAfter.values, this.breaks.breaks, this.kind.bound) : null);
	before = $derived(this.joinedBefore && this.breaks ? sequentialClassification(this.joinedBefore.values, this.breaks.breaks, this.kind.bound) : null);
	difference = $derived(
		this.joinedBefore && this.joinedAfter
			? differenceClassification(differenceValues(this.joinedBefore.values, this.joinedAfter.values), this.view.classes, this.kind.difference)
			: null
	);

	loading = $derived(!this.geo || this.current.loading || (!!this.compared && this.reference.loading));
	error = $derived(this.geoError ?? this.current.error ?? (this.compared ? this.reference.error : null));
	/** The data answers the current filters and settings. */
	ready = $derived(
		!!this.geo &&
			!this.current.loading &&
			this.current.key === this.scopeKey &&
			(!this.compared || (!this.reference.loading && this.reference.key === this.referenceKey))
	);

	#paint(c: Classification | null, format: (cell: Cell) => string): MapPaint | null {
		if (!this.ready || !c || !this.level) return null;
		return buildPaint({
			key: this.key,
			since: this.timing.changedAt,
			classification: c,
			labelPoints: this.level.points,
			format,
			showValues: this.view.valeurs,
			selection: this.selection
		});
	}
	paintAfter = $derived(this.#paint(this.after, (c) => formatIndicator(this.indicator, c)));
	paintBefore = $derived(this.compared ? this.#paint(this.before, (c) => formatIndicator(this.indicator, c)) : null);
	paintDifference = $derived(
		this.compared
			? this.#paint(this.difference, (c) => (typeof c === 'number' ? this.kind.difference(c) : formatIndicator(this.indicator, c)))
			: null
	);

	/** Tooltip of a territory on one of the maps. */
	describe(which: 'after' | 'before' | 'difference', code: string): TooltipContent | null {
		const c = which === 'after' ? this.after : which === 'before' ? this.before : this.difference;
		const entry = c?.entries.find((e) => e.code === code);
		if (!c || !entry) return null;
		return describeEntry(entry, this.indicator, c.ranked, which === 'difference' ? (this.periods ?? undefined) : undefined);
	}

	/** Clicking a territory filters every page on it (again: removes the territory filter). */
	select(code: string): void {
		if (!data.territory) return;
		void setFilters(filtersForClick(data.territory, this.view.niveau, code, this.filters));
	}

	/** Changes settings and writes them to the URL (without a new history entry). */
	change(changes: Partial<MapViewSettings>): void {
		this.view = { ...this.view, ...changes };
		const params = viewToParams(this.view, page.url.searchParams).toString();
		void goto(`${page.url.pathname}${params ? `?${params}` : ''}`, { replaceState: true, keepFocus: true, noScroll: true });
	}
}
