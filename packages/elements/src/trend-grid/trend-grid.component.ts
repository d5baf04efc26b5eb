import { html, nothing, render, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  classAccuracyTrends,
  classifyTrend,
  ClasslensError,
  isKey,
  type Key,
  type Trend,
  type TrendKind,
} from '@classlens/core';
import type { ClMarkDetail } from '../events.js';
import { ClBaseElement } from '../internal/base-element.js';
import { MarkInteractionController, markKey } from '../internal/controllers/mark-interaction.js';
import { DeferredController } from '../internal/controllers/deferred.js';
import { ResizeController } from '../internal/controllers/resize-controller.js';
import { renderDataTable, tableRowsKept } from '../internal/data-table.js';
import { cssProps } from '../internal/css-props.js';
import { textWidth } from '../internal/text-measure.js';
import { checkScale, svgStringToPng, svgToString } from '../internal/export-image.js';
import { formatCount, formatPercent, truncate } from '../internal/format.js';
import { renderLegend } from '../internal/legend.js';
import { sameArray, sameJson } from '../internal/same-data.js';
import { stateStyles } from '../internal/styles/states.styles.js';
import { themeStyles } from '../internal/styles/theme.styles.js';
import type { TooltipContent } from '../internal/tooltip.js';
import {
  cellPosition,
  gridGeometry,
  latestValue,
  moveCell,
  niceDomain,
  sortRows,
  sparkline,
  visibleCells,
  type GridGeometry,
  type TrendRow,
  type TrendSort,
} from './grid.js';
import {
  DEFAULT_TREND_COLORS,
  TREND_COLOR_KEYS,
  TREND_COLOR_LABELS,
  trendColorKey,
  trendColorProperty,
  type TrendColorKey,
} from './trend-colors.js';
import { trendGridStyles } from './trend-grid.styles.js';

/** One precomputed class series for `cl-trend-grid`. */
export interface TrendSeries {
  /** The class. */
  class: Key;
  /** Its value (e.g. accuracy) per version, in version order; `null` where the class is not in a version. */
  values: readonly (number | null | undefined)[];
  /** Items of the class (shown in its cell), when known. */
  support?: number | null;
}

/** A row of `cl-trend-grid`'s read-only `trends`: one class as drawn. */
export interface TrendGridRow {
  class: Key;
  values: (number | null)[];
  support: number | null;
  trend: Trend;
}

const SORTS: readonly TrendSort[] = ['trend', 'net', 'latest', 'support', 'name'];
const KINDS: readonly TrendKind[] = ['increasing', 'decreasing', 'non-decreasing', 'non-increasing', 'stable', 'mixed'];
const KIND_LABELS: Readonly<Record<TrendKind, string>> = {
  increasing: 'increasing',
  decreasing: 'decreasing',
  'non-decreasing': 'non-decreasing',
  'non-increasing': 'non-increasing',
  stable: 'stable',
  mixed: 'mixed',
};
const EMPTY = new Uint32Array(0);
/** Rows kept above and below the viewport, so a small scroll needs no new cells. */
const OVERSCAN = 2;

interface Row extends TrendRow {
  /** Index in the computed rows (input order), for item buckets. */
  at: number;
}

/**
 * Small multiples of per-class accuracy across model versions, coloured by the shape of
 * each class's trend — the accuracy grid of Chaudhuri (2019, "A Visual Technique to
 * Analyze Flow of Information in a Machine Learning System", Fig. 10). One cell per
 * class: its accuracy (recall) per version as a line, its support, its latest value and
 * net change. Colour follows the paper's rule: blue — strictly increasing; red —
 * strictly decreasing; light blue — overall increasing or stable (non-decreasing, or
 * mixed with net > 0); orange — overall decreasing or stable (non-increasing, or mixed
 * with net < 0); grey — stable (a mixed trend with no net change is grey too).
 *
 * Input, by precedence: `truth` + `predictions` (through core's `classAccuracyTrends`),
 * else `series` + `versions`. All cells are drawn in one SVG, and only those in or near
 * the viewport (a scroll container), so 1,000 classes scroll smoothly.
 *
 * @customElement cl-trend-grid
 * @summary Per-class accuracy across model versions, coloured by trend.
 *
 * @fires cl-hover - Pointer or keyboard focus entered a cell (`kind: 'none'` when it left). Detail: `{ kind: 'cell', stage: null, keys: [class], value: support, indices }`.
 * @fires cl-select - A cell was clicked or chosen with Enter/Space (`kind: 'none'` when cleared). Detail: `{ kind: 'cell', stage: null, keys: [class], value: support, indices }`; `indices` are the class's items (empty for `series` input).
 * @fires cl-error - The input was rejected; the grid shows the error. Detail: `{ code, message }`.
 *
 * @csspart chart - The focusable grid area (scrolls).
 * @csspart svg - The SVG holding the cells.
 * @csspart cell - One class's cell.
 * @csspart heading - The visible title (`heading`).
 * @csspart subtitle - The line naming the versions and the y scale.
 * @csspart legend - The trend-colour legend, with the number of classes of each colour.
 * @csspart tooltip - The tooltip.
 * @csspart table - The data-table alternative.
 * @csspart error - The error state.
 * @csspart empty - The empty state.
 *
 * @cssproperty [--cl-trend-increasing=#1f77b4] - Strictly increasing.
 * @cssproperty [--cl-trend-non-decreasing=#aec7e8] - Overall increasing or stable.
 * @cssproperty [--cl-trend-stable=#7f7f7f] - Stable.
 * @cssproperty [--cl-trend-non-increasing=#ff7f0e] - Overall decreasing or stable.
 * @cssproperty [--cl-trend-decreasing=#d62728] - Strictly decreasing.
 * @cssproperty [--cl-trend-cell-bg=var(--cl-color-bg)] - Cell background.
 * @cssproperty [--cl-trend-cell-border=var(--cl-color-border)] - Cell outline.
 * @cssproperty [--cl-trend-line-width=2px] - Width of the accuracy lines.
 * @cssproperty [--cl-dim-opacity=0.15] - Unused here; cells without highlighted items fade to 0.3.
 * @cssproperty [--cl-font-family=system-ui] - Font.
 * @cssproperty [--cl-font-size=12px] - Text size.
 */
export class ClTrendGrid extends ClBaseElement {
  static override styles = [themeStyles, stateStyles, trendGridStyles];

  /** True class per item (with `predictions`). */
  @property({ attribute: false }) truth: ArrayLike<Key> | null | undefined = undefined;

  /**
   * Predicted class per item for each model version, oldest first, keyed by version name
   * (a `Map` keeps integer-like names in order).
   */
  @property({ attribute: false }) predictions:
    Readonly<Record<string, ArrayLike<Key>>> | ReadonlyMap<string, ArrayLike<Key>> | null | undefined = undefined;

  /** Class list for `truth`/`predictions`: with it, integer typed arrays are class indices. */
  @property({ attribute: false }) classes: ArrayLike<Key> | null | undefined = undefined;

  /** Precomputed series `{ class, values, support? }[]`, used when `truth`/`predictions` are not set. */
  @property({ attribute: false }) series: readonly TrendSeries[] | null | undefined = undefined;

  /** Version names for `series` (default "Version 1", "Version 2", …). */
  @property({ attribute: false }) versions: readonly string[] | null | undefined = undefined;

  /** Accuracy steps with |Δ| ≤ tolerance count as flat (core's `classifyTrend`). */
  @property({ type: Number, reflect: true }) tolerance = 0;

  /** `shared`: one y scale for every cell (compare heights across cells); `cell`: each cell fits its own values. */
  @property({ attribute: 'y-domain', reflect: true }) yDomain: 'shared' | 'cell' = 'shared';

  /**
   * Cell order: `trend` (by colour, best first), `net` (largest drop first), `latest`
   * (lowest latest value first), `support` (most items first) or `name`.
   */
  @property({ reflect: true }) sort: TrendSort = 'trend';

  /**
   * Show only classes whose trend is one of these kinds (core's six: increasing,
   * decreasing, non-decreasing, non-increasing, stable, mixed). Attribute: a list
   * separated by spaces or commas. Default: all.
   */
  @property({
    converter: {
      fromAttribute: (v: string | null) =>
        v == null
          ? undefined
          : v
              .split(/[\s,]+/)
              .map((s) => s.trim())
              .filter(Boolean),
      toAttribute: (v: unknown) => (Array.isArray(v) ? v.join(' ') : null),
    },
  })
  kinds: readonly TrendKind[] | null | undefined = undefined;

  /** Smallest cell width in px (cells stretch to fill each row). */
  @property({ type: Number, attribute: 'cell-width' }) cellWidth = 176;

  /** Cell height in px. */
  @property({ type: Number, attribute: 'cell-height' }) cellHeight = 96;

  /** Show the data table under the grid (it is always available to screen readers). */
  @property({ type: Boolean, attribute: 'show-table', reflect: true }) showTable = false;

  /** Top of the viewport inside the scroll container (drives which cells exist). */
  @state() private window = { first: 0, end: 0 };

  private computed: Row[] = [];
  private shown: Row[] = [];
  private displayIndex = new Map<Key, number>();
  private names: string[] = [];
  /** Item buckets by computed row (`truth` input): offsets into one index buffer. */
  private buckets: { offsets: Uint32Array; items: Uint32Array } | null = null;
  private highlightCounts: Uint32Array | null = null;
  private colorsByKey: Record<TrendColorKey, string> = { ...DEFAULT_TREND_COLORS };
  private sharedDomain: [number, number] = [0, 1];
  /** Every value is a share in [0, 1] (accuracies): shown as percentages, changes in points. */
  private shares = true;
  private lastInput: unknown = null;
  private geometry: GridGeometry = gridGeometry(0, 0, { minCellWidth: 176, cellHeight: 96, gap: 8 });
  private revealed: Key | null = null;

  // The scroller's height follows the grid's rows (the chart is as tall as they are), and
  // a narrower grid has more rows: apply resizes a frame later (see ResizeController).
  protected readonly size = new ResizeController(this, () => this.renderRoot?.querySelector('.scroller'), {
    nextFrame: true,
  });
  /** The hidden data table comes a task after the grid's first frame of new data. */
  private readonly tables = new DeferredController(this);
  protected readonly interaction: MarkInteractionController<Key> = new MarkInteractionController<Key>(this, {
    key: (k) => markKey('cell', typeof k, String(k)),
    find: (key) => {
      for (const r of this.shown) if (markKey('cell', typeof r.class, String(r.class)) === key) return r.class;
      return null;
    },
    detail: (k) => this.detail(k),
    navigate: (from, key) => {
      const i = moveCell(
        this.geometry,
        from === null ? null : (this.displayIndex.get(from) ?? null),
        key,
        this.pageRows(),
      );
      return i === null ? null : (this.shown[i]?.class ?? null);
    },
    describe: (k) => this.describe(k),
    anchor: (k) => this.anchor(k),
    size: () => ({ width: this.clientWidth, height: this.clientHeight }),
  });

  /** The rows drawn, in display order: `{ class, values, support, trend: { kind, net } }[]`. */
  get trends(): TrendGridRow[] {
    return this.shown.map((r) => ({
      class: r.class,
      values: [...r.values],
      support: r.support,
      trend: { ...r.trend },
    }));
  }

  /** The version names, in order. */
  get versionNames(): string[] {
    return [...this.names];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const dataProps = ['truth', 'predictions', 'classes', 'series', 'versions', 'tolerance'];
    let dataChanged = false;
    if (dataProps.some((p) => changed.has(p)) || !this.hasUpdated) {
      const ok = this.guard(() => {
        const key = this.inputKey();
        if (this.lastInput !== null && sameInput(key, this.lastInput)) return;
        this.compute();
        this.lastInput = snapshot(key);
        dataChanged = true;
      });
      if (!ok) {
        this.computed = [];
        this.buckets = null;
        this.lastInput = null;
        dataChanged = true;
      }
    }
    if (dataChanged || changed.has('sort') || changed.has('kinds')) {
      const kinds = this.kindSet();
      const sort = SORTS.includes(this.sort) ? this.sort : 'trend';
      this.shown = sortRows(
        this.computed.filter((r) => !kinds || kinds.has(r.trend.kind)),
        sort,
      );
      this.displayIndex = new Map(this.shown.map((r, i) => [r.class, i]));
      this.interaction.remap();
    }
    if (dataChanged) {
      this.sharedDomain = niceDomain(this.computed.flatMap((r) => r.values));
      this.shares = this.computed.every((r) => r.values.every((v) => v === null || (v >= 0 && v <= 1)));
    }
    if (dataChanged || changed.has('highlight')) this.countHighlight();
    if (changed.has('theme') || !this.hasUpdated) this.readColors();
    const w = this.size.width || this.clientWidth;
    const cw = Number.isFinite(this.cellWidth) && this.cellWidth >= 40 ? this.cellWidth : 176;
    const ch = Number.isFinite(this.cellHeight) && this.cellHeight >= 48 ? this.cellHeight : 96;
    this.geometry = gridGeometry(this.shown.length, w, { minCellWidth: cw, cellHeight: ch, gap: 8 });
    const scroller = this.renderRoot?.querySelector<HTMLElement>('.scroller');
    const view = this.size.height || this.clientHeight;
    // Fewer rows (a filter, new data) may leave the scroller past the end until the
    // browser clamps it: clamp here so the first frame is never an empty window.
    const top = Math.min(scroller?.scrollTop ?? 0, Math.max(0, this.geometry.height - view));
    this.window = visibleCells(this.geometry, top, view, OVERSCAN);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Keyboard moves bring the focused cell into view (and so into the rendered window).
    const f = this.interaction.keyboard ? this.interaction.focused : null;
    if (f !== null && f !== this.revealed) {
      this.revealed = f;
      this.reveal(f);
    } else if (f === null) this.revealed = null;
  }

  private inputKey(): unknown {
    return {
      truth: this.truth ?? null,
      predictions: this.predictions ?? null,
      classes: this.classes ?? null,
      series: this.series ?? null,
      versions: this.versions ?? null,
      tolerance: this.tolerance,
    };
  }

  private kindSet(): Set<TrendKind> | null {
    const k = this.kinds;
    if (!Array.isArray(k) || k.length === 0) return null;
    const s = new Set(k.filter((x): x is TrendKind => KINDS.includes(x as TrendKind)));
    return s.size ? s : null;
  }

  private tol(): number {
    return typeof this.tolerance === 'number' && Number.isFinite(this.tolerance) ? this.tolerance : 0;
  }

  /** Rows from `truth` + `predictions` (core's `classAccuracyTrends`) or from `series`. */
  private compute(): void {
    this.buckets = null;
    const p = this.predictions;
    if (this.truth != null && p != null && typeof p === 'object') {
      const names = p instanceof Map ? [...p.keys()].map(String) : Object.keys(p);
      const cols = p instanceof Map ? [...p.values()] : names.map((k) => (p as Record<string, ArrayLike<Key>>)[k]);
      const truth = this.truth;
      checkColumns(truth, names, cols);
      this.names = names;
      if (cols.length === 0 || truth.length === 0) {
        this.computed = [];
        return;
      }
      const classes = this.classes != null && typeof this.classes === 'object' ? this.classes : undefined;
      const trends = classAccuracyTrends(truth, cols, classes, { tolerance: this.tol() });
      // Item buckets by class (for `indices` and `highlight`); support = bucket size.
      const at = new Map<Key, number>(trends.map((t, i) => [t.class, i]));
      const byString = new Map<string, number>(trends.map((t, i) => [String(t.class), i]));
      const indexed = classes !== undefined && ArrayBuffer.isView(truth);
      const code = new Int32Array(truth.length);
      const counts = new Uint32Array(trends.length + 1);
      for (let i = 0; i < truth.length; i++) {
        const key = indexed ? (classes as ArrayLike<Key>)[truth[i] as number] : truth[i];
        const c = at.get(key) ?? byString.get(String(key)) ?? -1;
        code[i] = c;
        if (c >= 0) counts[c + 1]++;
      }
      for (let c = 0; c < trends.length; c++) counts[c + 1] += counts[c];
      const items = new Uint32Array(counts[trends.length]);
      const pos = counts.slice(0, trends.length);
      for (let i = 0; i < truth.length; i++) if (code[i] >= 0) items[pos[code[i]]++] = i;
      this.buckets = { offsets: counts, items };
      this.computed = trends.map((t, i) => ({
        class: t.class,
        values: t.values,
        support: counts[i + 1] - counts[i],
        trend: t.trend,
        at: i,
      }));
      return;
    }
    const series = this.series;
    if (series == null || !Array.isArray(series)) {
      this.computed = [];
      this.names = [];
      return;
    }
    const V = Array.isArray(this.versions) ? this.versions.length : (series[0]?.values?.length ?? 0);
    this.names = Array.isArray(this.versions)
      ? this.versions.map(String)
      : Array.from({ length: V }, (_, v) => `Version ${v + 1}`);
    const seen = new Set<string>();
    const tolerance = this.tol();
    this.computed = series.map((s, i) => {
      if (s == null || typeof s !== 'object' || !isKey(s.class)) {
        throw new ClasslensError(
          'INVALID_ARGUMENT',
          `series[${i}]: expected { class, values }, with a string or finite number class`,
        );
      }
      const name = String(s.class);
      if (seen.has(name))
        throw new ClasslensError('DUPLICATE_KEY', `series[${i}]: class ${JSON.stringify(name)} appears twice`);
      seen.add(name);
      const vs = s.values;
      if (vs == null || typeof vs.length !== 'number') {
        throw new ClasslensError('INVALID_ARGUMENT', `series[${i}].values: expected an array`);
      }
      if (vs.length !== V) {
        throw new ClasslensError(
          'LENGTH_MISMATCH',
          `series[${i}].values has length ${vs.length} but there are ${V} versions`,
        );
      }
      const values: (number | null)[] = [];
      const present: number[] = [];
      for (let j = 0; j < V; j++) {
        const v = vs[j];
        if (v == null) {
          values.push(null);
          continue;
        }
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new ClasslensError(
            'NON_FINITE',
            `series[${i}].values[${j}]: ${String(v)} (use null for a missing version)`,
          );
        }
        values.push(v);
        present.push(v);
      }
      if (present.length === 0) throw new ClasslensError('EMPTY', `series[${i}]: no values`);
      const sup = s.support;
      if (sup != null && !(typeof sup === 'number' && Number.isInteger(sup) && sup >= 0)) {
        throw new ClasslensError(
          'INVALID_ARGUMENT',
          `series[${i}].support: expected a whole number ≥ 0, got ${String(sup)}`,
        );
      }
      return { class: s.class, values, support: sup ?? null, trend: classifyTrend(present, { tolerance }), at: i };
    });
  }

  private countHighlight(): void {
    this.highlightCounts = null;
    const b = this.buckets;
    const mask = b ? this.highlightMask(this.truth?.length ?? 0) : null;
    if (!b || !mask) return;
    const counts = new Uint32Array(this.computed.length);
    for (let c = 0; c < counts.length; c++) {
      let k = 0;
      for (let q = b.offsets[c]; q < b.offsets[c + 1]; q++) k += mask[b.items[q]];
      counts[c] = k;
    }
    this.highlightCounts = counts;
  }

  private readColors(): void {
    if (!this.isConnected) return;
    const style = getComputedStyle(this);
    const next = { ...DEFAULT_TREND_COLORS };
    for (const k of TREND_COLOR_KEYS)
      next[k] = style.getPropertyValue(trendColorProperty(k)).trim() || DEFAULT_TREND_COLORS[k];
    if (TREND_COLOR_KEYS.some((k) => next[k] !== this.colorsByKey[k])) this.colorsByKey = next;
  }

  private indicesOf(r: Row): Uint32Array {
    const b = this.buckets;
    return b ? b.items.subarray(b.offsets[r.at], b.offsets[r.at + 1]) : EMPTY;
  }

  private rowOf(k: Key | null): Row | null {
    if (k === null) return null;
    const i = this.displayIndex.get(k);
    return i === undefined ? null : this.shown[i];
  }

  private detail(k: Key | null): ClMarkDetail {
    const r = this.rowOf(k);
    if (!r) return { kind: 'none', stage: null, keys: [], value: 0, indices: EMPTY };
    return { kind: 'cell', stage: null, keys: [r.class], value: r.support ?? 0, indices: this.indicesOf(r) };
  }

  private describe(k: Key): TooltipContent {
    const r = this.rowOf(k);
    if (!r) return { title: String(k), rows: [] };
    const rows: [string, string][] = this.names.map((name, v) => {
      const x = r.values[v];
      if (x === null) return [name, 'not in this version'];
      const right =
        r.support !== null && this.buckets
          ? ` (${formatCount(Math.round(x * r.support))} of ${formatCount(r.support)})`
          : '';
      return [name, `${formatValue(x)}${right}`];
    });
    rows.push(['Trend', trendText(r.trend)]);
    rows.push(['Net change', formatNet(r.trend.net, false, this.shares)]);
    if (r.support !== null) rows.push(['Items', formatCount(r.support)]);
    const h = this.highlightCounts;
    if (h) rows.push(['Highlighted', `${formatCount(h[r.at])} of ${formatCount(r.support ?? 0)}`]);
    return { title: String(r.class), rows };
  }

  private anchor(k: Key): { x: number; y: number } {
    const i = this.displayIndex.get(k) ?? 0;
    const { x, y } = cellPosition(this.geometry, i);
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    const host = this.getBoundingClientRect();
    const box = scroller?.getBoundingClientRect() ?? host;
    return {
      x: box.left - host.left + x + this.geometry.cellWidth / 2,
      y: box.top - host.top + y - (scroller?.scrollTop ?? 0) + this.geometry.cellHeight / 2,
    };
  }

  private pageRows(): number {
    const view = this.size.height || this.clientHeight;
    return Math.max(1, Math.floor(view / (this.geometry.cellHeight + this.geometry.gap)));
  }

  /** Scrolls the cell of class `k` into view. */
  private reveal(k: Key): void {
    const i = this.displayIndex.get(k);
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (i === undefined || !scroller) return;
    const { y } = cellPosition(this.geometry, i);
    const view = scroller.clientHeight;
    if (y < scroller.scrollTop) scroller.scrollTop = y;
    else if (y + this.geometry.cellHeight > scroller.scrollTop + view)
      scroller.scrollTop = y + this.geometry.cellHeight - view;
  }

  private readonly onScroll = (e: Event): void => {
    const el = e.currentTarget as HTMLElement;
    const next = visibleCells(this.geometry, el.scrollTop, el.clientHeight, OVERSCAN);
    if (next.first !== this.window.first || next.end !== this.window.end) this.window = next;
    // The hovered cell moved away from the pointer: its tooltip would be stale.
    if (this.interaction.hovered !== null) this.interaction.enter(null);
  };

  private summary(): string {
    const name = this.label || this.heading || 'Trend grid';
    const counts = this.colorCounts();
    const parts = TREND_COLOR_KEYS.filter((k) => counts[k] > 0).map(
      (k) => `${counts[k]} ${TREND_COLOR_LABELS[k].toLowerCase()}`,
    );
    return (
      `${name}: accuracy of ${this.shown.length} classes across ${this.names.length} versions (${this.names.join(' → ')}). ` +
      (parts.length ? `${parts.join(', ')}. ` : '') +
      'Use arrow keys to move between cells, Enter to select.'
    );
  }

  private colorCounts(): Record<TrendColorKey, number> {
    const out = Object.fromEntries(TREND_COLOR_KEYS.map((k) => [k, 0])) as Record<TrendColorKey, number>;
    for (const r of this.shown) out[trendColorKey(r.trend)]++;
    return out;
  }

  // ——— public API ———

  /**
   * The whole grid as a standalone SVG document (styles inlined): the heading and the
   * subtitle (versions, scale), every class shown — not only the rows in view, which is
   * all the grid on screen renders — and the trend legend with its counts under the cells. Throws `EMPTY` when nothing is drawn.
   */
  toSVG(): string {
    const spacer = this.renderRoot?.querySelector('.spacer');
    if (!spacer || this.shown.length === 0) throw new ClasslensError('EMPTY', 'toSVG: nothing is drawn');
    const { width, height } = this.exportSize();
    const out = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    out.setAttribute('class', 'grid');
    out.setAttribute('width', String(width));
    out.setAttribute('height', String(height));
    out.setAttribute('viewBox', `0 0 ${width} ${height}`);
    // Rendered inside the shadow root so that the theme's styles resolve; removed before
    // the next paint, and no `style` attribute is set (a strict CSP allows it).
    spacer.append(out);
    try {
      const cells = this.shown.map((r, i) => this.renderCell(r, i));
      const top = this.exportHeaderHeight();
      const title = this.heading ? svg`<text class="cell-name" x="0" y="14">${this.heading}</text>` : nothing;
      render(
        svg`${title}<text class="cell-support" x="0" y=${top - 8}>${this.subtitle()}</text>
          <g transform="translate(0,${top})">${cells}${this.renderExportLegend(width, Math.max(1, this.geometry.height))}</g>`,
        out,
      );
      return svgToString(out, getComputedStyle(this).getPropertyValue('--cl-color-bg').trim() || '#fff');
    } finally {
      render(nothing, out);
      out.remove();
    }
  }

  /** The whole grid as a PNG image (2× pixel density by default; `scale` in (0, 16]). */
  async toPNG(scale = 2): Promise<Blob> {
    checkScale(scale);
    const { width, height } = this.exportSize();
    return svgStringToPng(this.toSVG(), width, height, scale);
  }

  private exportSize(): { width: number; height: number } {
    const width = Math.max(1, this.size.width || this.clientWidth);
    return {
      width,
      height: this.exportHeaderHeight() + Math.max(1, this.geometry.height) + this.exportLegend(width).height,
    };
  }

  /** Room above the exported cells: the heading, if any, and the subtitle (versions, scale). */
  private exportHeaderHeight(): number {
    return (this.heading ? 20 : 0) + 20;
  }

  /**
   * The trend legend for export, laid out under the cells: entries as wide as their
   * measured text, wrapping onto more rows when the grid is narrow (none is dropped).
   */
  private exportLegend(width: number): {
    items: { key: TrendColorKey; text: string; x: number; y: number }[];
    height: number;
  } {
    const counts = Object.fromEntries(TREND_COLOR_KEYS.map((k) => [k, 0])) as Record<TrendColorKey, number>;
    for (const r of this.shown) counts[trendColorKey(r.trend)]++;
    const cs = getComputedStyle(this);
    const font = `${(parseFloat(cs.getPropertyValue('--cl-font-size')) || 12) * 0.85}px ${cs.fontFamily}`;
    const items: { key: TrendColorKey; text: string; x: number; y: number }[] = [];
    let x = 0;
    let y = 12;
    for (const key of TREND_COLOR_KEYS) {
      if (counts[key] === 0) continue;
      const text = `${TREND_COLOR_LABELS[key]} ${formatCount(counts[key])}`;
      const w = 17 + textWidth(text, font);
      if (x > 0 && x + w > width) {
        x = 0;
        y += 18;
      }
      items.push({ key, text, x, y });
      x += w + 14;
    }
    return { items, height: y + 18 };
  }

  private renderExportLegend(width: number, top: number) {
    return this.exportLegend(width).items.map(
      (d) => svg`<g transform="translate(${d.x},${top + d.y})">
        <rect width="12" height="12" rx="2" fill=${this.colorsByKey[d.key]}></rect>
        <text class="cell-support" x="17" y="10">${d.text}</text>
      </g>`,
    );
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const filtered = this.computed.length > 0 && this.shown.length === 0;
    const state = this.renderState(
      this.shown.length === 0,
      filtered ? 'No class has a trend of the chosen kinds' : 'No data',
    );
    if (state !== nothing) return html`<div class="frame">${this.renderHeading()}${state}</div>`;
    const it = this.interaction;
    const g = this.geometry;
    const width = Math.max(1, this.size.width || this.clientWidth);
    // The SVG covers only the rendered rows (its viewBox starts at their top), so a
    // scroll never repaints a grid-tall drawing: 1,000 classes are ~17,000 px of rows.
    const pitch = g.cellHeight + g.gap;
    const firstRow = Math.floor(this.window.first / g.cols);
    const lastRow = Math.max(firstRow + 1, Math.ceil(this.window.end / g.cols));
    const win = { top: firstRow * pitch, height: Math.max(1, Math.min(g.height, lastRow * pitch) - firstRow * pitch) };
    return html`<div class="frame">
      ${this.renderHeading()}
      <div class="subtitle" part="subtitle">${this.subtitle()}</div>
      <div
        class="chart"
        part="chart"
        ${cssProps({ 'max-height': `${Math.max(1, g.height) + 2}px` })}
        tabindex="0"
        role="group"
        aria-roledescription="trend grid"
        aria-label=${this.summary()}
        @keydown=${it.onKeyDown}
        @focus=${it.onFocus}
        @blur=${it.onBlur}
        @pointerdown=${it.onPointerDown}
        @pointermove=${it.onPointerMove}
        @pointerleave=${it.onPointerLeave}
        @click=${it.onBackgroundClick}
      >
        <div class="scroller" @scroll=${this.onScroll}>
          <div class="spacer" ${cssProps({ height: `${Math.max(1, g.height)}px` })}>
            <svg
              class="grid"
              part="svg"
              aria-hidden="true"
              width=${width}
              height=${win.height}
              viewBox="0 ${win.top} ${width} ${win.height}"
              ${cssProps({ top: `${win.top}px` })}
            >
              ${repeat(
                this.shown.slice(this.window.first, this.window.end),
                (r) => r.class,
                (r, k) => this.renderCell(r, this.window.first + k),
              )}
              ${this.renderFocus()}
            </svg>
          </div>
        </div>
      </div>
      ${it.renderTooltip()} ${guard([this.computed, this.kinds, this.colorsByKey], () => this.renderLegendWithCounts())}
      ${it.renderLiveRegion()}
      ${guard(
        [this.shown, this.showTable, this.tables.ready(this.shown) || this.showTable, this.label, this.heading],
        () => (this.showTable || this.tables.ready(this.shown) ? this.renderTable() : nothing),
      )}
    </div>`;
  }

  private subtitle(): string {
    const v = this.names;
    const span = v.length > 1 ? `${v[0]} → ${v[v.length - 1]} (${v.length} versions)` : (v[0] ?? '');
    const y =
      this.yDomain === 'cell'
        ? 'each cell on its own scale'
        : `one scale for every cell, ${formatValue(this.sharedDomain[0])}–${formatValue(this.sharedDomain[1])}`;
    return `Accuracy per class · ${span} · ${y}`;
  }

  private renderCell(r: Row, i: number) {
    const g = this.geometry;
    const { x, y } = cellPosition(g, i);
    const w = g.cellWidth;
    const h = g.cellHeight;
    const it = this.interaction;
    const key = trendColorKey(r.trend);
    const color = this.colorsByKey[key];
    const fs = 12;
    const domain = this.yDomain === 'cell' ? niceDomain(r.values) : this.sharedDomain;
    const right = 66;
    const box = { x: 12, y: 28, width: Math.max(10, w - 12 - right), height: Math.max(10, h - 28 - 18) };
    const line = sparkline(r.values, domain, box);
    const support = r.support !== null ? `n = ${formatCount(r.support)}` : '';
    const nameChars = Math.max(4, Math.floor((w - 28 - support.length * fs * 0.5) / (fs * 0.6)));
    const latest = latestValue(r.values);
    const hl = this.highlightCounts;
    const dim = hl !== null && hl[r.at] === 0;
    const hovered = it.hovered !== null && it.same(it.hovered, r.class);
    const selected = it.selected !== null && it.same(it.selected, r.class);
    return svg`<g part="cell" class="cell ${hovered ? 'is-hovered' : ''} ${selected ? 'is-selected' : ''} ${dim ? 'is-dim' : ''}"
      data-mark="" transform="translate(${x},${y})"
      @pointerenter=${() => it.enter(r.class)} @click=${() => it.activate(r.class)}>
      <rect class="cell-bg" x="0.5" y="0.5" width=${w - 1} height=${h - 1} rx="4"></rect>
      <rect class="cell-kind" x="0.5" y="0.5" width="4" height=${h - 1} rx="2" fill=${color}></rect>
      <text class="cell-name" x="12" y="17">${truncate(String(r.class), nameChars)}</text>
      <text class="cell-support" x=${w - 8} y="17" text-anchor="end">${support}</text>
      <line class="cell-guide" x1=${box.x} x2=${box.x + box.width} y1=${box.y} y2=${box.y}></line>
      <line class="cell-guide" x1=${box.x} x2=${box.x + box.width} y1=${box.y + box.height} y2=${box.y + box.height}></line>
      <path class="cell-line" d=${line.d} stroke=${color}></path>
      ${line.points.map((p) => svg`<circle class="cell-point" cx=${p.x} cy=${p.y} r="2.75" fill=${color}></circle>`)}
      <text class="cell-latest" x=${w - 8} y=${box.y + 10} text-anchor="end" fill=${this.readableColor(key)}>${Number.isFinite(latest) ? formatValue(latest) : ''}</text>
      <text class="cell-net" x=${w - 8} y=${box.y + 26} text-anchor="end">${formatNet(r.trend.net, true, this.shares)}</text>
      ${
        this.yDomain === 'cell'
          ? svg`<text class="cell-axis" x="12" y=${h - 5}>${formatValue(domain[0])}–${formatValue(domain[1])}</text>`
          : nothing
      }
      ${hl && hl[r.at] > 0 ? svg`<rect class="cell-highlight" x=${w - 8 - 40} y=${h - 8} width=${(40 * hl[r.at]) / Math.max(1, r.support ?? 1)} height="3" rx="1.5"></rect>` : nothing}
    </g>`;
  }

  /** Text in a trend colour, unless that colour is too light to read (light blue, grey on light): then the text colour. */
  private readableColor(key: TrendColorKey): string {
    return key === 'non-decreasing' || key === 'stable' ? 'currentColor' : this.colorsByKey[key];
  }

  private renderFocus() {
    const it = this.interaction;
    if (!it.keyboard || it.focused === null) return nothing;
    const i = this.displayIndex.get(it.focused);
    if (i === undefined || i < this.window.first || i >= this.window.end) return nothing;
    const { x, y } = cellPosition(this.geometry, i);
    return svg`<rect class="focus-ring" x=${x - 1.5} y=${y - 1.5} width=${this.geometry.cellWidth + 3} height=${this.geometry.cellHeight + 3} rx="5"></rect>`;
  }

  private renderLegendWithCounts() {
    const all = Object.fromEntries(TREND_COLOR_KEYS.map((k) => [k, 0])) as Record<TrendColorKey, number>;
    for (const r of this.computed) all[trendColorKey(r.trend)]++;
    const kinds = this.kindSet();
    const shownKey = (k: TrendColorKey) =>
      !kinds ||
      [...kinds].some((kind) =>
        kind === 'mixed' ? k === 'non-decreasing' || k === 'non-increasing' || k === 'stable' : kind === k,
      );
    return renderLegend(
      TREND_COLOR_KEYS.map((k) => ({
        label: TREND_COLOR_LABELS[k],
        color: this.colorsByKey[k],
        count: all[k],
        ...(shownKey(k) ? {} : { hollow: true }),
      })),
      'Trend',
    );
  }

  private renderTable() {
    const kept = tableRowsKept(this.showTable);
    const rows = this.shown
      .slice(0, kept)
      .map((r) => [
        String(r.class),
        r.support === null ? '–' : formatCount(r.support),
        ...r.values.map((v) => (v === null ? '–' : formatValue(v))),
        trendText(r.trend),
        formatNet(r.trend.net, false, this.shares),
      ]);
    return html`<div class="tables ${this.showTable ? 'is-shown' : ''}">
      ${renderDataTable({
        caption: `${this.label || this.heading || 'Accuracy per class'} (${this.names.join(' → ')})`,
        shown: this.showTable,
        columns: [
          { label: 'Class' },
          { label: 'Items', numeric: true },
          ...this.names.map((n) => ({ label: n, numeric: true })),
          { label: 'Trend' },
          { label: 'Net change', numeric: true },
        ],
        rows,
        total: this.shown.length,
      })}
    </div>`;
  }
}

/** Versions and truth are arrays of one length (checked without a Record: names may be "__proto__"). */
function checkColumns(truth: ArrayLike<Key>, names: readonly string[], cols: readonly unknown[]): void {
  const n = (truth as { length?: unknown }).length;
  if (typeof n !== 'number') throw new ClasslensError('INVALID_ARGUMENT', 'truth: expected an array of class labels');
  cols.forEach((c, v) => {
    if (c == null || typeof c !== 'object' || typeof (c as ArrayLike<unknown>).length !== 'number') {
      throw new ClasslensError('INVALID_ARGUMENT', `${names[v]}: expected an array of class labels`);
    }
    const len = (c as ArrayLike<unknown>).length;
    if (len !== n)
      throw new ClasslensError('LENGTH_MISMATCH', `${names[v]} has length ${len} but truth has length ${n}`);
  });
}

/** A value as a percentage when it is a share (0–1), else as a number. */
function formatValue(v: number): string {
  return v >= 0 && v <= 1 ? formatPercent(v) : String(Math.round(v * 1000) / 1000);
}

/** Net change in percentage points (`+3.2 pts`) for shares, else as a plain difference. */
function formatNet(net: number, short: boolean, shares: boolean): string {
  const v = shares ? Math.round(net * 1000) / 10 : Math.round(net * 1000) / 1000;
  if (v === 0) return short ? '±0' : 'no change';
  return `${v > 0 ? '+' : '−'}${Math.abs(v)}${shares ? (short ? ' pts' : ' points') : ''}`;
}

function trendText(t: Trend): string {
  if (t.kind !== 'mixed') return KIND_LABELS[t.kind];
  return t.net > 0 ? 'mixed, overall increasing' : t.net < 0 ? 'mixed, overall decreasing' : 'mixed, no net change';
}

/** Input snapshot for "same contents" (framework re-renders): arrays copied shallowly. */
function snapshot(key: unknown): unknown {
  const k = key as Record<string, unknown>;
  const copy = (a: unknown) =>
    ArrayBuffer.isView(a)
      ? (a as unknown as Int32Array).slice()
      : a && typeof a === 'object' && typeof (a as ArrayLike<unknown>).length === 'number'
        ? Array.prototype.slice.call(a)
        : a;
  const preds = k.predictions;
  return {
    ...k,
    truth: copy(k.truth),
    classes: copy(k.classes),
    versions: copy(k.versions),
    predictions:
      preds instanceof Map
        ? new Map([...preds].map(([n, c]) => [n, copy(c)]))
        : preds && typeof preds === 'object'
          ? Object.fromEntries(Object.keys(preds).map((n) => [n, copy((preds as Record<string, unknown>)[n])]))
          : preds,
    series: Array.isArray(k.series)
      ? k.series.map((s: TrendSeries) => (s && typeof s === 'object' ? { ...s, values: copy(s.values) } : s))
      : k.series,
  };
}

function sameInput(a: unknown, b: unknown): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if (x.tolerance !== y.tolerance) return false;
  if (!sameArray(x.truth as ArrayLike<unknown>, y.truth as ArrayLike<unknown>)) return false;
  if (!sameArray(x.classes as ArrayLike<unknown>, y.classes as ArrayLike<unknown>)) return false;
  if (!sameArray(x.versions as ArrayLike<unknown>, y.versions as ArrayLike<unknown>)) return false;
  const px = x.predictions;
  const py = y.predictions;
  const entries = (p: unknown): [string, unknown][] | null =>
    p instanceof Map
      ? [...p]
      : p && typeof p === 'object'
        ? Object.keys(p).map((n) => [n, (p as Record<string, unknown>)[n]])
        : null;
  const ex = entries(px);
  const ey = entries(py);
  if ((ex === null) !== (ey === null)) return false;
  if (ex && ey) {
    if (ex.length !== ey.length) return false;
    for (let i = 0; i < ex.length; i++) {
      if (ex[i][0] !== ey[i][0] || !sameArray(ex[i][1] as ArrayLike<unknown>, ey[i][1] as ArrayLike<unknown>))
        return false;
    }
  }
  return sameJson(x.series, y.series);
}
