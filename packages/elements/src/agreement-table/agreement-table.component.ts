import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  applyAccessor,
  checkLengths,
  ClasslensError,
  filterItems,
  histogram,
  metricsHierarchy,
  wordFrequencies,
  type Accessor,
  type Key,
} from '@classlens/core';
import { emit, type AgreementQuery, type ClFilterDetail, type ClMarkDetail } from '../events.js';
import { ClBaseElement } from '../internal/base-element.js';
import { MarkInteractionController, markKey } from '../internal/controllers/mark-interaction.js';
import { ResizeController } from '../internal/controllers/resize-controller.js';
import { cssProps } from '../internal/css-props.js';
import { formatCount } from '../internal/format.js';
import { renderLegend } from '../internal/legend.js';
import { stateStyles } from '../internal/styles/states.styles.js';
import { themeStyles } from '../internal/styles/theme.styles.js';
import type { TooltipContent } from '../internal/tooltip.js';
import { tableStyles } from './agreement-table.styles.js';
import { isEmptyQuery, renderFilters } from './controls.js';
import { encodeLabels, type EncodedLabels } from './encode.js';
import { gridTemplate, tableColumns, type Column } from './columns.js';
import { glyph, glyphSize, glyphWidth } from './glyph.js';
import { applyOrder, countingOrder, descending, keyOrder, numericOrder, type SortedOrder } from './order.js';
import { fmt, renderHistogramPanel, renderWordPanel, type SplitHistogram, type WordBar } from './panels.js';
import { normalizeQuery } from './query.js';
import { thumbnail } from './thumbnail.js';
import { scrollToRow, visibleRange, type RowWindow } from './virtual-window.js';

export type { AgreementQuery } from '../events.js';

/** Sort direction. */
export type SortOrder = 'asc' | 'desc';

/** A row of the table: an item index. (An object, so item 0 is never mistaken for "none".) */
interface RowMark {
  index: number;
}

const EMPTY = new Uint32Array(0);
const OVERSCAN = 6;
/** Characters of a text drawn in its cell (one clamped line: more would never show). */
const TEXT_MAX = 400;
/** Characters of a text in the tooltip: the whole text, up to this. */
const NOTE_MAX = 5000;

/**
 * DeepCompare's instance table (Murugesan et al., IEEE CG&A 2019, Figs. 1c and 3): one row
 * per item with the paper's agreement glyph — a rounded rectangle in the true class's
 * colour with one square per model in the colour of its prediction — filtered by true
 * class, by right / wrong per model and by whether the models agree (core's
 * `filterItems`), sortable by any column, and virtualised so 10^5 rows scroll at frame
 * rate. Items may carry a text (clamped, whole on hover) or a small grey-level image (a
 * thumbnail), plus numeric columns (scores, activations). Optional panels show the
 * filtered texts' word frequencies and one numeric column's distribution, filtered
 * against the rest.
 *
 * The `query` property mirrors the filter controls, so another view can set it (a
 * `cl-metrics-treemap` cell's `cl-select` detail carries the query it means).
 *
 * @customElement cl-agreement-table
 * @summary Per-item agreement glyphs with DeepCompare's filters, virtualised.
 *
 * @fires cl-hover - The pointer or keyboard cursor is on a row (`kind: 'none'` when it left). Detail: `{ kind: 'item', stage: null, keys: [id], value: 1, indices: [i] }`.
 * @fires cl-select - Rows were selected: a click or Enter selects one (`indices: [i]`); Ctrl/⌘-click or Ctrl+Enter toggles a row, Shift-click extends; `kind: 'none'` when cleared. Detail: `{ kind: 'item', stage: null, keys, value, indices }`.
 * @fires cl-filter - The filter controls changed the query. Detail: `{ query, count, total }`.
 * @fires cl-error - The input (or query) was rejected; the table shows the error. Detail: `{ code, message }`.
 *
 * @csspart filters - The filter bar.
 * @csspart count - The result count ("1,234 of 2,000 items"), always visible.
 * @csspart table - The scrolling grid.
 * @csspart header - The header row.
 * @csspart row - Each rendered row.
 * @csspart glyph - The agreement glyph of a row.
 * @csspart thumbnail - An image item's thumbnail.
 * @csspart panel - A side panel (also `words` or `histogram`).
 * @csspart heading - The visible title (`heading`).
 * @csspart legend - The class-colour legend (`legend`).
 * @csspart tooltip - The tooltip.
 * @csspart error - The error state.
 * @csspart empty - The empty state.
 *
 * @cssproperty [--cl-table-row-stripe=var(--cl-color-surface)] - Background of every other row.
 * @cssproperty [--cl-table-highlight=color-mix(in srgb, var(--cl-color-accent) 14%, transparent)] - Background of highlighted rows.
 * @cssproperty [--cl-table-selected=color-mix(in srgb, var(--cl-color-accent) 26%, transparent)] - Background of selected rows.
 * @cssproperty [--cl-table-thumbnail-size=24px] - Side of an image thumbnail.
 * @cssproperty [--cl-palette-0=#4269d0] - First of twenty categorical colours (`--cl-palette-0` … `-19`).
 * @cssproperty [--cl-font-family=system-ui] - Font.
 * @cssproperty [--cl-font-size=12px] - Base font size.
 */
export class ClAgreementTable extends ClBaseElement {
  static override styles = [themeStyles, stateStyles, tableStyles];

  /** The true class of each item. */
  @property({ attribute: false }) truth: ArrayLike<Key> | null | undefined = undefined;

  /** Model name → its predicted class per item (one or more models: one square each). */
  @property({ attribute: false }) predictions: Record<string, ArrayLike<Key>> | null | undefined = undefined;

  /** The class list; with it, integer typed arrays in `truth`/`predictions` are read as indices into it. */
  @property({ attribute: false }) classes: ArrayLike<Key> | null | undefined = undefined;

  /** Order of the models (default: the order of `predictions`' keys); may name a subset. */
  @property({ attribute: false }) models: readonly string[] | null | undefined = undefined;

  /** Optional records, one per item: an id, a text or an image, and any other fields. */
  @property({ attribute: false }) items: readonly object[] | null | undefined = undefined;

  /** Where an item's id is (field name or `(d, i) => id`; default `'id'`). */
  @property({ attribute: false }) itemId: Accessor<object, unknown> = 'id';

  /** Where an item's text is (default `'text'`); clamped to one line, whole on hover. */
  @property({ attribute: false }) itemText: Accessor<object, unknown> = 'text';

  /** Where an item's image is (default `'image'`): grey levels, row-major, e.g. an 8×8 digit as 64 numbers. */
  @property({ attribute: false }) itemImage: Accessor<object, unknown> = 'image';

  /** Width of an image in pixels (default: the square root of its length). */
  @property({ type: Number, attribute: 'image-width' }) imageWidth: number | null = null;

  /** Grey level drawn in the foreground colour (default: the largest value over all images). */
  @property({ type: Number, attribute: 'image-max' }) imageMax: number | null = null;

  /** Numeric columns to show and sort by: name → one value per item (`null`/`NaN` = missing). */
  @property({ attribute: false }) columns: Record<string, ArrayLike<number | null>> | null | undefined = undefined;

  /**
   * The filter: `{ truth?: Key[], correct?: { [model]: boolean }, agree?: boolean, predicted?: { [model]: Key } }`
   * (core's `filterItems` query plus `predicted`). Mirrors the controls; set it to filter from script.
   */
  @property({ attribute: false }) query: AgreementQuery | null | undefined = undefined;

  /** Column to sort by: `index` (default), `id`, `item`, `models` (the glyph: true class, then ✓ before ✗ per model), `truth`, `right`, or `column:<name>`. */
  @property({ attribute: 'sort-by', reflect: true }) sortBy = 'index';

  /** Sort direction: `asc` (default) or `desc`. */
  @property({ attribute: 'sort-order', reflect: true }) sortOrder: SortOrder = 'asc';

  /** Row height in pixels (fixed, for virtualisation; default 30). */
  @property({ type: Number, attribute: 'row-height', reflect: true }) rowHeight = 30;

  /** Show the word-frequency panel of the filtered rows' texts. */
  @property({ type: Boolean, attribute: 'show-words', reflect: true }) showWords = false;

  /** Words in the word panel. */
  @property({ type: Number, attribute: 'word-count' }) wordCount = 14;

  /** Show the histogram panel of this numeric column, filtered rows against the rest. */
  @property({ attribute: 'histogram-column', reflect: true }) histogramColumn: string | null = null;

  /** Show the class-colour legend. */
  @property({ type: Boolean, reflect: true }) legend = false;

  @state() private truthOpen = false;

  private enc: EncodedLabels | null = null;
  private ids: unknown[] | null = null;
  private texts: (string | null)[] | null = null;
  private images: (ArrayLike<number> | null)[] | null = null;
  private imageW = 0;
  private imageTop = 1;
  private numeric: { name: string; values: Float64Array }[] = [];
  private classCounts = new Uint32Array(0);
  private classFills: string[] = [];
  private fg = '#1f2328';
  private bg = '#ffffff';
  private cols: Column[] = [];
  private q: AgreementQuery = {};
  private filtered: Uint32Array = EMPTY;
  private order: Uint32Array = EMPTY;
  private orders = new Map<string, SortedOrder>();
  private inverse: { rows: Uint32Array; pos: Int32Array } | null = null;
  private hlMask: Uint8Array | null = null;
  private hlCount: number | null = null;
  private picked = new Set<number>();
  private anchor: number | null = null;
  private scrollPos = 0;
  private win: RowWindow | null = null;
  private wordBars: WordBar[] = [];
  private allWordDocs: Map<string, number> | null = null;
  private split: SplitHistogram | null = null;
  private lastScrolledTo: number | null = null;
  private dataOk = false;
  /** The rows of the last render (to key the next one). */
  private rendered: { start: number; end: number } | null = null;

  private readonly size = new ResizeController(this, () => this.renderRoot?.querySelector('.grid'));
  private readonly interaction: MarkInteractionController<RowMark> = new MarkInteractionController(this, {
    key: (m) => markKey('item', m.index),
    find: (key) => {
      const parts = JSON.parse(key) as unknown[];
      const i = parts[1];
      return typeof i === 'number' && this.enc && i < this.enc.n ? { index: i } : null;
    },
    detail: (m) => (m ? this.itemDetail([m.index]) : this.itemDetail([])),
    navigate: (from, key) => this.navigate(from, key),
    describe: (m) => this.describe(m.index),
    anchor: (m) => this.anchorOf(m.index),
    size: () => ({ width: this.clientWidth, height: this.clientHeight }),
  });

  /** The filtered, sorted item indices, in the order shown (read-only). */
  get rows(): Uint32Array {
    return this.order;
  }

  /** The selected item indices, ascending. */
  get selectedIndices(): Uint32Array {
    return Uint32Array.from(this.picked).sort();
  }

  // ——— computing ———

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.sortOrder !== 'asc' && this.sortOrder !== 'desc') this.sortOrder = 'asc';
    if (!(this.rowHeight >= 16 && this.rowHeight <= 200)) this.rowHeight = 30;
    const data = [
      'truth',
      'predictions',
      'classes',
      'models',
      'items',
      'itemId',
      'itemText',
      'itemImage',
      'columns',
      'imageWidth',
      'imageMax',
    ].some((p) => changed.has(p));
    if (data || !this.hasUpdated) {
      this.resetWarnings();
      this.orders.clear();
      this.allWordDocs = null;
      this.dataOk = this.guard(() => this.readData());
      if (!this.dataOk) this.enc = null;
    }
    if (data || changed.has('theme') || changed.has('colors') || changed.has('colorScale') || !this.hasUpdated)
      this.readColors();
    const rowsChanged = data || changed.has('query') || changed.has('sortBy') || changed.has('sortOrder');
    if (this.dataOk && (rowsChanged || !this.hasUpdated)) {
      const ok = this.guard(() => this.computeRows());
      if (!ok) {
        this.filtered = EMPTY;
        this.order = EMPTY;
      }
      if (data) this.interaction.remap();
    }
    if (rowsChanged || changed.has('highlight')) this.computeHighlight();
    if (this.dataOk && (rowsChanged || changed.has('showWords') || changed.has('wordCount'))) this.computeWords();
    if (this.dataOk && (rowsChanged || changed.has('histogramColumn'))) this.computeSplit();
    this.win = visibleRange({
      rows: this.order.length,
      rowHeight: this.rowHeight,
      // The sticky header hides the top of the scroll area, but rows start below it, so the
      // first visible row depends on scrollTop alone; the full height over-counts the
      // bottom by a header's worth of rows, which the overscan absorbs anyway.
      viewport: Math.max(this.rowHeight, this.size.height),
      scrollTop: this.scrollPos,
      overscan: OVERSCAN,
    });
  }

  private readData() {
    this.enc = null;
    this.ids = this.texts = this.images = null;
    this.numeric = [];
    this.cols = [];
    if (this.truth == null || this.predictions == null) return;
    if (typeof this.predictions !== 'object')
      throw new ClasslensError('INVALID_ARGUMENT', 'predictions: expected model name → labels');
    const enc = encodeLabels(
      this.truth,
      this.predictions,
      this.classes,
      Array.isArray(this.models) ? this.models : null,
    );
    const n = enc.n;
    if (this.items != null) {
      if (!Array.isArray(this.items))
        throw new ClasslensError('INVALID_ARGUMENT', 'items: expected an array of records');
      checkLengths({ truth: this.truth, items: this.items });
      const ids = applyAccessor(this.items, this.itemId ?? 'id', 'itemId');
      const texts = applyAccessor(this.items, this.itemText ?? 'text', 'itemText');
      const images = applyAccessor(this.items, this.itemImage ?? 'image', 'itemImage');
      this.ids = ids.some((v) => v != null) ? ids : null;
      if (images.some((v) => v != null)) {
        let top = 0;
        let len = 0;
        this.images = images.map((im, i) => {
          if (im == null) return null;
          if (typeof im !== 'object' || typeof (im as ArrayLike<number>).length !== 'number')
            throw new ClasslensError('INVALID_ARGUMENT', `itemImage: item ${i} is not an array of grey levels`, {
              index: i,
            });
          const a = im as ArrayLike<number>;
          len = Math.max(len, a.length);
          for (let k = 0; k < a.length; k++) if (a[k] > top) top = a[k];
          return a;
        });
        this.imageW =
          this.imageWidth != null && this.imageWidth >= 1
            ? Math.floor(this.imageWidth)
            : Math.max(1, Math.round(Math.sqrt(len)));
        this.imageTop = this.imageMax != null && this.imageMax > 0 ? this.imageMax : top || 1;
      } else if (texts.some((v) => v != null)) {
        this.texts = texts.map((t) => (t == null ? null : String(t)));
      }
    }
    if (this.columns != null) {
      if (typeof this.columns !== 'object')
        throw new ClasslensError('INVALID_ARGUMENT', 'columns: expected name → numbers');
      for (const name of Object.keys(this.columns)) {
        const col = this.columns[name];
        checkLengths({ truth: this.truth, [`columns.${name}`]: col });
        const values = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const v = col[i];
          if (v == null || (typeof v === 'number' && Number.isNaN(v))) values[i] = NaN;
          else if (typeof v !== 'number')
            throw new ClasslensError(
              'INVALID_ARGUMENT',
              `columns.${name}: ${typeof v} at index ${i}, expected a number`,
              { index: i },
            );
          else if (!Number.isFinite(v))
            throw new ClasslensError('NON_FINITE', `columns.${name}: ${v} at index ${i}`, { index: i });
          else values[i] = v;
        }
        this.numeric.push({ name, values });
      }
    }
    const counts = new Uint32Array(enc.classes.length);
    for (let i = 0; i < n; i++) counts[enc.truth[i]]++;
    this.classCounts = counts;
    this.enc = enc;
    this.cols = this.buildColumns(enc);
    if (this.histogramColumn && !this.numeric.some((c) => c.name === this.histogramColumn)) {
      this.warn('UNKNOWN_COLUMN', `histogram-column: no numeric column named ${JSON.stringify(this.histogramColumn)}`);
    }
  }

  private buildColumns(enc: EncodedLabels): Column[] {
    const k = enc.models.length;
    const g = glyphSize(k, this.rowHeight);
    const cs = getComputedStyle(this);
    const fs = parseFloat(cs.getPropertyValue('--cl-font-size')) || 12;
    const ctx = (this.measureCtx ??= document.createElement('canvas').getContext('2d'));
    if (ctx) ctx.font = `600 ${fs}px ${cs.fontFamily || 'sans-serif'}`;
    const measure = (t: string) => (ctx ? ctx.measureText(t).width : Array.from(t).length * fs * 0.62);
    const thumb = parseFloat(cs.getPropertyValue('--cl-table-thumbnail-size')) || 24;
    const names = g.pad - g.gap / 2 + k * (g.square + g.gap);
    return tableColumns({
      items: enc.n,
      ids: this.ids,
      item: this.images ? 'image' : this.texts ? 'text' : null,
      modelsWidth: Math.max(glyphWidth(k, g), names),
      models: k,
      classes: enc.classes,
      numeric: this.numeric.map((c) => c.name),
      thumbnail: thumb,
      measure,
    });
  }
  private measureCtx: CanvasRenderingContext2D | null = null;

  private readColors() {
    const cs = getComputedStyle(this);
    this.fg = cs.getPropertyValue('--cl-color-fg').trim() || '#1f2328';
    this.bg = cs.getPropertyValue('--cl-color-bg').trim() || '#ffffff';
    const enc = this.enc;
    if (!enc) return;
    const scale = this.classScale(enc.classes);
    this.classFills = enc.classes.map((k) => this.classColor(scale, k));
  }

  private computeRows() {
    const enc = this.enc;
    this.q = {};
    this.filtered = EMPTY;
    this.order = EMPTY;
    this.inverse = null;
    if (!enc) return;
    const q = normalizeQuery(this.query, enc);
    this.q = q;
    let idx = filterItems(
      enc.truth,
      enc.predsRecord,
      {
        ...(q.truth !== undefined ? { truth: q.truth } : {}),
        ...(q.correct !== undefined ? { correct: q.correct } : {}),
        ...(q.agree !== undefined ? { agree: q.agree } : {}),
      },
      { classes: enc.classes },
    );
    if (q.predicted) {
      // filterItems has no predicted-class condition; narrow its result by the class codes.
      const want = Object.keys(q.predicted).map(
        (m) => [enc.preds[enc.models.indexOf(m)], enc.index.indexOf(q.predicted![m])] as const,
      );
      const out = new Uint32Array(idx.length);
      let at = 0;
      for (let k = 0; k < idx.length; k++) {
        const i = idx[k];
        if (want.every(([col, c]) => col[i] === c)) out[at++] = i;
      }
      idx = out.subarray(0, at);
    }
    this.filtered = idx;
    this.order = applyOrder(idx, this.sortPermutation(enc), enc.n);
    this.lastScrolledTo = null;
  }

  /** The permutation of all items for the current sort (cached), or `null` for item order. */
  private sortPermutation(enc: EncodedLabels): Uint32Array | null {
    let id = this.sortBy;
    if (!this.cols.some((c) => c.id === id && c.sortable)) {
      if (id !== 'index') this.warn('UNKNOWN_COLUMN', `sort-by: no sortable column ${JSON.stringify(id)}`);
      id = 'index';
    }
    const desc = this.sortOrder === 'desc';
    if (id === 'index') {
      if (!desc) return null;
      const all = new Uint32Array(enc.n);
      for (let i = 0; i < enc.n; i++) all[i] = enc.n - 1 - i;
      return all;
    }
    let asc = this.orders.get(id);
    if (!asc) {
      asc = this.ascendingOrder(id, enc);
      this.orders.set(id, asc);
    }
    if (!desc) return asc.order;
    const key = `${id} desc`;
    let d = this.orders.get(key);
    if (!d) this.orders.set(key, (d = { order: descending(asc.order, asc.missing), missing: asc.missing }));
    return d.order;
  }

  private ascendingOrder(id: string, enc: EncodedLabels): SortedOrder {
    const m = enc.classes.length;
    const k = enc.models.length;
    if (id === 'truth') return { order: countingOrder(enc.truth, m), missing: 0 };
    if (id === 'right') {
      const right = new Int32Array(enc.n);
      for (let i = 0; i < enc.n; i++) {
        let r = 0;
        for (let j = 0; j < k; j++) if (enc.preds[j][i] === enc.truth[i]) r++;
        right[i] = r;
      }
      return { order: countingOrder(right, k + 1), missing: 0 };
    }
    if (id === 'models') {
      // Core's metrics tree lists its leaves by true class, then ✓ before ✗ per model in
      // order: concatenated, their items are exactly the glyph order.
      const root = metricsHierarchy(enc.truth, enc.predsRecord, { classes: enc.classes, models: enc.models });
      const out = new Uint32Array(enc.n);
      let at = 0;
      const walk = (d: { children?: (typeof root)[]; indices?: Uint32Array }) => {
        if (d.children) for (const c of d.children) walk(c);
        else if (d.indices) {
          out.set(d.indices, at);
          at += d.indices.length;
        }
      };
      walk(root);
      return { order: out, missing: 0 };
    }
    if (id === 'id' && this.ids) return keyOrder(this.ids);
    if (id === 'item' && this.texts) return keyOrder(this.texts);
    const col = this.numeric.find((c) => `column:${c.name}` === id);
    if (col) return numericOrder(col.values);
    return { order: Uint32Array.from({ length: enc.n }, (_, i) => i), missing: 0 };
  }

  private computeHighlight() {
    const n = this.enc?.n ?? 0;
    this.hlMask = this.highlightMask(n);
    if (!this.hlMask) {
      this.hlCount = null;
      return;
    }
    let c = 0;
    for (let r = 0; r < this.order.length; r++) c += this.hlMask[this.order[r]];
    this.hlCount = c;
  }

  private computeWords() {
    this.wordBars = [];
    if (!this.showWords || !this.texts) return;
    const texts = this.texts;
    if (!this.allWordDocs) this.allWordDocs = new Map(wordFrequencies(texts).map((w) => [w.word, w.documents]));
    const rows = this.order.length;
    const words = wordFrequencies(texts, {
      indices: this.order,
      topK: Math.max(1, Math.min(100, Math.floor(this.wordCount) || 14)),
    });
    const all = this.allWordDocs;
    this.wordBars = words.map((w) => ({
      word: w.word,
      count: w.count,
      share: rows > 0 ? w.documents / rows : 0,
      overall: (all.get(w.word) ?? 0) / Math.max(1, texts.length),
    }));
  }

  private computeSplit() {
    this.split = null;
    const name = this.histogramColumn;
    const col = name == null ? null : this.numeric.find((c) => c.name === name);
    const enc = this.enc;
    if (!col || !enc) return;
    const all = histogram(col.values, { bins: 24 });
    if (all.length === 0) return;
    const domain: [number, number] = [all[0].x0, all[all.length - 1].x1];
    const thresholds = all.slice(1).map((b) => b.x0);
    const mask = new Uint8Array(enc.n);
    for (let r = 0; r < this.order.length; r++) mask[this.order[r]] = 1;
    const inside: number[] = [];
    const outside: number[] = [];
    for (let i = 0; i < enc.n; i++) (mask[i] ? inside : outside).push(col.values[i]);
    const hi = histogram(inside, { thresholds, domain });
    const ho = histogram(outside, { thresholds, domain });
    const count = (bins: typeof hi) => bins.reduce((s, b) => s + b.count, 0);
    this.split = {
      column: col.name,
      bins: all.map((b, j) => ({ x0: b.x0, x1: b.x1, inside: hi[j]?.count ?? 0, outside: ho[j]?.count ?? 0 })),
      inside: count(hi),
      outside: count(ho),
    };
  }

  // ——— interaction ———

  private rowPosition(i: number): number {
    const n = this.enc?.n ?? 0;
    if (!this.inverse || this.inverse.rows !== this.order) {
      const pos = new Int32Array(n).fill(-1);
      for (let r = 0; r < this.order.length; r++) pos[this.order[r]] = r;
      this.inverse = { rows: this.order, pos };
    }
    return i >= 0 && i < n ? this.inverse.pos[i] : -1;
  }

  private navigate(from: RowMark | null, key: string): RowMark | null {
    const rows = this.order;
    if (rows.length === 0) return null;
    const w = this.win;
    const page = w ? Math.max(1, w.endVisible - w.firstVisible - 1) : 10;
    let r = from ? this.rowPosition(from.index) : -1;
    if (r < 0) r = w ? Math.min(rows.length - 1, w.firstVisible) : 0;
    else if (key === 'ArrowDown') r++;
    else if (key === 'ArrowUp') r--;
    else if (key === 'PageDown') r += page;
    else if (key === 'PageUp') r -= page;
    else if (key === 'Home') r = 0;
    else if (key === 'End') r = rows.length - 1;
    r = Math.max(0, Math.min(rows.length - 1, r));
    return { index: rows[r] };
  }

  private itemDetail(indices: readonly number[]): ClMarkDetail {
    if (indices.length === 0) return { kind: 'none', stage: null, keys: [], value: 0, indices: EMPTY };
    const sorted = Uint32Array.from(indices).sort();
    const keys = Array.from(sorted, (i) => this.keyOfItem(i));
    return { kind: 'item', stage: null, keys, value: sorted.length, indices: sorted };
  }

  private keyOfItem(i: number): Key {
    const id = this.ids?.[i];
    return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : i;
  }

  private describe(i: number): TooltipContent {
    const enc = this.enc;
    if (!enc) return { title: '', rows: [] };
    const t = enc.truth[i];
    const rows: [string, string][] = [['True class', String(enc.classes[t])]];
    enc.models.forEach((m, j) => {
      const p = enc.preds[j][i];
      rows.push([m, `${String(enc.classes[p])} ${p === t ? '✓' : '✗'}`]);
    });
    for (const c of this.numeric.slice(0, 8)) rows.push([c.name, fmt(c.values[i])]);
    const id = this.ids?.[i];
    const title = id != null ? `${String(id)} (item ${i})` : `Item ${i}`;
    const text = this.texts?.[i];
    return text
      ? { title, rows, note: text.length > NOTE_MAX ? `${text.slice(0, NOTE_MAX)}…` : text }
      : { title, rows };
  }

  private anchorOf(i: number): { x: number; y: number } {
    const row = this.renderRoot.querySelector(`[data-item="${i}"]`);
    if (!row) return { x: 24, y: 24 };
    const a = row.getBoundingClientRect();
    const b = this.getBoundingClientRect();
    return { x: a.left - b.left + 48, y: a.bottom - b.top };
  }

  private select(i: number, e: MouseEvent | KeyboardEvent | null) {
    const it = this.interaction;
    const mark = { index: i };
    const toggle = e !== null && (e.ctrlKey || e.metaKey);
    const extend = e instanceof MouseEvent && e.shiftKey && this.anchor !== null;
    if (!toggle && !extend) {
      it.activate(mark);
      this.picked = it.selected ? new Set([i]) : new Set();
      this.anchor = it.selected ? i : null;
      return;
    }
    if (extend) {
      const a = this.rowPosition(this.anchor!);
      const b = this.rowPosition(i);
      if (a >= 0 && b >= 0) for (let r = Math.min(a, b); r <= Math.max(a, b); r++) this.picked.add(this.order[r]);
    } else if (this.picked.has(i)) this.picked.delete(i);
    else this.picked.add(i);
    if (!extend) this.anchor = i;
    it.focused = mark;
    it.selected = this.picked.size > 0 ? { index: this.anchor ?? i } : null;
    this.requestUpdate();
    emit(this, 'cl-select', this.itemDetail([...this.picked]));
  }

  /** The item of the row an event happened in (one delegated listener for all rows). */
  private itemOf(e: Event): number | null {
    const row = (e.target as Element).closest?.('[data-item]');
    const i = Number(row?.getAttribute('data-item'));
    return row && Number.isInteger(i) ? i : null;
  }

  private readonly onRowOver = (e: PointerEvent) => {
    const i = this.itemOf(e);
    if (i !== null) this.interaction.enter({ index: i });
  };

  private readonly onKeyDown = (e: KeyboardEvent) => {
    const it = this.interaction;
    if ((e.key === 'Enter' || e.key === ' ') && it.focused) {
      e.preventDefault();
      it.keyboard = true;
      if (e.ctrlKey || e.metaKey) this.select(it.focused.index, e);
      else {
        it.select(it.focused);
        this.picked = it.selected ? new Set([it.selected.index]) : new Set();
        this.anchor = it.selected?.index ?? null;
      }
      return;
    }
    it.onKeyDown(e);
    if (e.key === 'Escape') this.clearPicked();
  };

  /** A click on a row selects it (one delegated listener); elsewhere in the grid it clears. */
  private readonly onBackgroundClick = (e: MouseEvent) => {
    const i = this.itemOf(e);
    if (i !== null) {
      this.select(i, e);
      return;
    }
    this.interaction.onBackgroundClick(e);
    if (!this.interaction.selected) this.clearPicked();
  };

  private clearPicked() {
    if (this.picked.size === 0) return;
    this.picked = new Set();
    this.anchor = null;
    this.requestUpdate();
  }

  private readonly onScroll = (e: Event) => {
    const top = (e.target as HTMLElement).scrollTop;
    if (top === this.scrollPos) return;
    this.scrollPos = top;
    const w = this.win;
    const next = visibleRange({
      rows: this.order.length,
      rowHeight: this.rowHeight,
      viewport: Math.max(this.rowHeight, this.size.height),
      scrollTop: top,
      overscan: 0,
    });
    // Native scrolling moves rendered rows for free; re-render only when the visible rows
    // leave the rendered window (or always, when the scroll range is compressed).
    if (!w || next.scaled || next.firstVisible < w.start || next.endVisible > w.end) this.requestUpdate();
  };

  /** Applies a query from the controls and announces it. */
  private setQuery(q: AgreementQuery) {
    this.query = q;
    void this.updateComplete.then(() => {
      if (this.query !== q) return;
      emit<ClFilterDetail>(this, 'cl-filter', {
        query: { ...this.q },
        count: this.order.length,
        total: this.enc?.n ?? 0,
      });
    });
  }

  private sortOn(id: string) {
    if (this.sortBy === id) this.sortOrder = this.sortOrder === 'asc' ? 'desc' : 'asc';
    else {
      this.sortBy = id;
      this.sortOrder = id === 'right' || id.startsWith('column:') ? 'desc' : 'asc';
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const grid = this.renderRoot.querySelector<HTMLElement>('.grid');
    if (!grid) return;
    if (changed.has('query') || changed.has('sortBy') || changed.has('sortOrder')) {
      if (grid.scrollTop !== 0) grid.scrollTop = 0;
      this.scrollPos = 0;
    }
    // Keep the keyboard cursor's row in view.
    const it = this.interaction;
    if (it.keyboard && it.focused && it.focused.index !== this.lastScrolledTo) {
      this.lastScrolledTo = it.focused.index;
      const r = this.rowPosition(it.focused.index);
      if (r >= 0) {
        // The sticky header covers the top of the scroll area: rows show below it.
        const head = this.renderRoot.querySelector<HTMLElement>('.head')?.offsetHeight ?? 0;
        const top = scrollToRow(r, {
          rows: this.order.length,
          rowHeight: this.rowHeight,
          viewport: Math.max(this.rowHeight, this.size.height - head),
          scrollTop: grid.scrollTop,
        });
        if (top !== grid.scrollTop) grid.scrollTop = top;
      }
    }
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const enc = this.enc;
    if (!enc || enc.n === 0) {
      return html`<div class="frame">${this.renderHeading()}${this.renderState(true)}</div>`;
    }
    const it = this.interaction;
    const panels = (this.showWords && this.texts) || !!this.histogramColumn;
    return html`<div class="frame">
      ${this.renderHeading()}
      ${renderFilters(
        {
          classes: enc.classes,
          classColors: this.classFills,
          classCounts: this.classCounts,
          models: enc.models,
          query: this.q,
          count: this.order.length,
          total: enc.n,
          highlighted: this.hlCount,
          selected: this.picked.size,
          truthOpen: this.truthOpen,
        },
        {
          setTruth: (truth) => this.setQuery(withField(this.q, 'truth', truth)),
          setCorrect: (m, v) => this.setQuery(withEntry(this.q, 'correct', m, v)),
          setAgree: (v) => this.setQuery(withField(this.q, 'agree', v)),
          clearPredicted: (m) => this.setQuery(withEntry(this.q, 'predicted', m, undefined)),
          clear: () => this.setQuery({}),
          truthMenu: (open) => (this.truthOpen = open),
        },
      )}
      <div class="body">
        ${this.error ? this.renderState(false) : this.renderGrid(enc)}
        ${
          panels && !this.error
            ? html`<div class="panels">
                ${this.showWords && this.texts ? renderWordPanel(this.wordBars, this.order.length) : nothing}
                ${
                  this.histogramColumn && this.numeric.length > 0
                    ? renderHistogramPanel(
                        this.split,
                        this.numeric.map((c) => c.name),
                        (c) => (this.histogramColumn = c),
                      )
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>
      ${this.legend ? this.renderLegendRow(enc) : nothing} ${it.renderTooltip()} ${it.renderLiveRegion()}
    </div>`;
  }

  private renderLegendRow(enc: EncodedLabels) {
    return html`<div class="legend-row">
      ${renderLegend(
        enc.classes.map((k, c) => ({ label: String(k), color: this.classFills[c] })),
        'Class',
      )}
      <p class="glyph-key">
        Glyph: the rectangle is the true class, each square one model's prediction (${enc.models.join(', ')}); a right
        prediction matches the rectangle, a wrong one has a cut corner.
      </p>
    </div>`;
  }

  private renderGrid(enc: EncodedLabels) {
    const w = this.win!;
    const it = this.interaction;
    const cols = this.cols;
    const { template, minWidth } = gridTemplate(cols);
    const g = glyphSize(enc.models.length, this.rowHeight);
    // A scroll step that keeps most rows in the window keys rows by item: those rows keep
    // their DOM (laid-out boxes, drawn canvases) and only the rows that came into view are
    // built. A jump past most of the window keys them by slot instead, so the row elements
    // are reused in place (new text, no new DOM) — cheaper than building every row anew.
    const prev = this.rendered;
    const overlap = prev ? Math.max(0, Math.min(prev.end, w.end) - Math.max(prev.start, w.start)) : 0;
    const byItem = prev === null || overlap * 2 >= w.end - w.start;
    this.rendered = { start: w.start, end: w.end };
    const positions: number[] = [];
    for (let r = w.start; r < w.end; r++) positions.push(r);
    const rows = repeat(
      positions,
      (r) => (byItem ? `i${this.order[r]}` : `s${r - w.start}`),
      (r) => this.renderRow(enc, r),
    );
    const focused = it.focused && it.keyboard ? it.focused.index : null;
    return html`<div
      class="grid"
      part="table"
      role="grid"
      tabindex="0"
      aria-label=${this.summary(enc)}
      aria-rowcount=${this.order.length + 1}
      aria-colcount=${cols.length}
      aria-multiselectable="true"
      aria-activedescendant=${focused !== null && this.rowPosition(focused) >= w.start && this.rowPosition(focused) < w.end ? `row-${focused}` : nothing}
      ${cssProps({
        '--cl-table-columns': template,
        '--cl-table-min-width': `${minWidth}px`,
        '--cl-table-row-height': `${this.rowHeight}px`,
        '--cl-glyph-pitch': `${g.square + g.gap}px`,
        '--cl-glyph-lead': `${g.pad - g.gap / 2}px`,
      })}
      @scroll=${this.onScroll}
      @keydown=${this.onKeyDown}
      @focus=${it.onFocus}
      @blur=${it.onBlur}
      @pointerdown=${it.onPointerDown}
      @pointermove=${it.onPointerMove}
      @pointerleave=${it.onPointerLeave}
      @click=${this.onBackgroundClick}
    >
      <div class="head" part="header" role="row" aria-rowindex="1">${cols.map((c) => this.renderHeader(c, enc))}</div>
      <div class="spacer" role="presentation" ${cssProps({ height: `${w.height}px` })}>
        <div
          class="window"
          role="rowgroup"
          ${cssProps({ transform: `translateY(${w.offset}px)` })}
          @pointerover=${this.onRowOver}
        >
          ${rows}
        </div>
      </div>
      ${this.order.length === 0 ? html`<div class="no-rows" role="row"><span role="gridcell">No items match the filters</span></div>` : nothing}
    </div>`;
  }

  private renderHeader(c: Column, enc: EncodedLabels) {
    const active = this.sortBy === c.id;
    const sort = active ? (this.sortOrder === 'asc' ? 'ascending' : 'descending') : 'none';
    const content =
      c.id === 'models'
        ? html`<span class="model-names" aria-hidden="true"
              >${enc.models.map((m) => html`<span class="model-name" title=${m}>${m.length > 16 ? `${m.slice(0, 15)}…` : m}</span>`)}</span
            ><span class="visually-hidden">Models: ${enc.models.join(', ')}</span>`
        : html`${c.label}`;
    return html`<div
      role="columnheader"
      class="th ${c.numeric ? 'num' : ''} th--${c.id.startsWith('column:') ? 'value' : c.id}"
      aria-sort=${c.sortable ? sort : nothing}
    >
      ${
        c.sortable
          ? html`<button type="button" class="sort" @click=${() => this.sortOn(c.id)}>
              ${content}<span class="arrow" aria-hidden="true"
                >${active ? (this.sortOrder === 'asc' ? '▲' : '▼') : ''}</span
              >
            </button>`
          : html`<span class="th__label">${content}</span>`
      }
    </div>`;
  }

  private renderRow(enc: EncodedLabels, r: number): TemplateResult {
    const i = this.order[r];
    const it = this.interaction;
    const t = enc.truth[i];
    const k = enc.models.length;
    const predColors: string[] = new Array(k);
    const right: boolean[] = new Array(k);
    let nRight = 0;
    for (let j = 0; j < k; j++) {
      const p = enc.preds[j][i];
      predColors[j] = this.classFills[p];
      right[j] = p === t;
      if (right[j]) nRight++;
    }
    const selected = this.picked.has(i);
    const cls = [
      'row',
      r % 2 ? 'is-odd' : '',
      selected ? 'is-selected' : '',
      this.hlMask && this.hlMask[i] ? 'is-highlighted' : '',
      it.hovered?.index === i ? 'is-hovered' : '',
      it.keyboard && it.focused?.index === i ? 'is-focused' : '',
    ].join(' ');
    const g = glyphSize(k, this.rowHeight);
    const text = this.texts?.[i];
    return html`<div
      class=${cls}
      part="row"
      role="row"
      id=${`row-${i}`}
      data-item=${i}
      data-mark=""
      aria-rowindex=${r + 2}
      aria-selected=${selected ? 'true' : 'false'}
    >
      ${this.cols.map((c) => {
        switch (c.id) {
          case 'index':
            return html`<div role="gridcell" class="td num muted">${i}</div>`;
          case 'id':
            return html`<div role="gridcell" class="td">${String(this.ids![i] ?? '')}</div>`;
          case 'item':
            return this.images
              ? html`<div role="gridcell" class="td">
                  <canvas
                    class="thumb"
                    part="thumbnail"
                    aria-label=${`image of item ${i}`}
                    role="img"
                    ${thumbnail(this.images[i], this.imageW, this.imageTop, this.fg, this.bg)}
                  ></canvas>
                </div>`
              : html`<div role="gridcell" class="td text">
                  ${text == null ? '' : text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX)}…` : text}
                </div>`;
          case 'models':
            // The glyph's meaning as the cell's accessible name (an attribute: no layout).
            return html`<div
              role="gridcell"
              class="td glyph-cell"
              aria-label=${enc.models.map((m, j) => `${m}: ${String(enc.classes[enc.preds[j][i]])} ${right[j] ? 'right' : 'wrong'}`).join('; ')}
            >
              <canvas
                class="glyph"
                part="glyph"
                aria-hidden="true"
                ${glyph({ truth: this.classFills[t], predictions: predColors, right, size: g, outline: this.bg, cut: this.fg })}
              ></canvas>
            </div>`;
          case 'truth':
            return html`<div role="gridcell" class="td">${String(enc.classes[t])}</div>`;
          case 'right':
            return html`<div role="gridcell" class="td num ${nRight === k ? '' : nRight === 0 ? 'all-wrong' : ''}">
              ${nRight}/${k}
            </div>`;
          default: {
            const col = this.numeric.find((n) => `column:${n.name}` === c.id);
            return html`<div role="gridcell" class="td num">${col ? fmt(col.values[i]) : ''}</div>`;
          }
        }
      })}
    </div>`;
  }

  private summary(enc: EncodedLabels): string {
    const name = this.label || this.heading || 'Agreement table';
    return (
      `${name}: ${formatCount(this.order.length)} of ${formatCount(enc.n)} items, ${enc.models.length} models (${enc.models.join(', ')}).` +
      (isEmptyQuery(this.q) ? '' : ' Filtered.') +
      ' Arrow keys move between rows, Enter selects, Ctrl+Enter adds to the selection.'
    );
  }
}

/** `q` with one field set (or removed with `undefined`). */
function withField<K extends keyof AgreementQuery>(
  q: AgreementQuery,
  k: K,
  v: AgreementQuery[K] | undefined,
): AgreementQuery {
  const out: AgreementQuery = { ...q };
  if (v === undefined) delete out[k];
  else out[k] = v;
  return out;
}

/** `q` with one model's entry of `correct` or `predicted` set (or removed). */
function withEntry<K extends 'correct' | 'predicted'>(
  q: AgreementQuery,
  field: K,
  model: string,
  v: NonNullable<AgreementQuery[K]>[string] | undefined,
): AgreementQuery {
  const rec: Record<string, unknown> = {};
  for (const m of Object.keys(q[field] ?? {}))
    if (m !== model) setOwn(rec, m, (q[field] as Record<string, unknown>)[m]);
  if (v !== undefined) setOwn(rec, model, v);
  return withField(q, field, (Object.keys(rec).length ? rec : undefined) as AgreementQuery[K]);
}

function setOwn(o: Record<string, unknown>, k: string, v: unknown) {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}
