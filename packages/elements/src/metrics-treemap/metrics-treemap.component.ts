import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ClasslensError, metricsHierarchy, type Key, type MetricsNode } from '@classlens/core';
import { emit, type AgreementQuery, type ClCellDetail, type ClZoomDetail } from '../events.js';
import { ClBaseElement } from '../internal/base-element.js';
import { mixOklab } from '../internal/color/oklab.js';
import { MarkInteractionController, markKey } from '../internal/controllers/mark-interaction.js';
import { ResizeController } from '../internal/controllers/resize-controller.js';
import { renderDataTable } from '../internal/data-table.js';
import { checkScale, svgStringToPng, svgToString } from '../internal/export-image.js';
import { formatCount, formatPercent } from '../internal/format.js';
import { renderLegend, type LegendItem } from '../internal/legend.js';
import { stateStyles } from '../internal/styles/states.styles.js';
import { themeStyles } from '../internal/styles/theme.styles.js';
import type { TooltipContent } from '../internal/tooltip.js';
import { cellColor, darkFill, MAX_MIX } from './colors.js';
import { cellCandidates, describeStep, fitLabel, headerCandidates, mark, type Measure } from './labels.js';
import { layoutTreemap, TILES, type Box, type GroupBox, type TreemapLayout, type TreemapTile } from './layout.js';
import { treemapStyles } from './metrics-treemap.styles.js';
import { moveFocus, type NavBox } from './navigation.js';
import { cellQuery } from './query.js';
import { leavesOf, modelLevels, pathOf, toTree, type TreeNode } from './tree.js';

export type { TreemapTile } from './layout.js';

/** What the model levels of `cl-metrics-treemap` split on. */
export type TreemapBy = 'correct' | 'predicted';
const BYS: readonly TreemapBy[] = ['correct', 'predicted'];

/** A drawn mark: a leaf cell, or a class's header band. */
interface Mark {
  kind: 'cell' | 'group';
  index: number;
}

/** A label placed inside a box. */
interface PlacedLabel {
  x: number;
  y: number;
  lines: readonly string[];
  dark: boolean;
  header: boolean;
  cell: number;
}

const EMPTY = new Uint32Array(0);
const LINE = 1.25;

/**
 * A metrics treemap (DeepCompare, Murugesan et al., IEEE CG&A 2019, Fig. 4): items nested
 * by true class, then by whether each model got them right — truth → model A ✓/✗ → model B
 * ✓/✗ → … — for any number of models, areas proportional to counts. A class keeps its hue
 * (the shared class-colour scale); below it, cells get lighter the more models are wrong,
 * the first model weighing most. Click a cell to select its items (with the `filterItems`
 * query it means, so an `<cl-agreement-table>` can apply it); click a class header to zoom
 * in, and the breadcrumb to zoom out. Labels that do not fit their cell are left out and
 * given in the tooltip.
 *
 * Input: `truth` + `predictions` (core's `metricsHierarchy` computes the tree), or a
 * precomputed `hierarchy` in the same shape.
 *
 * @customElement cl-metrics-treemap
 * @summary Truth → model A right? → model B right? as a zoomable treemap.
 *
 * @fires cl-hover - Pointer or keyboard focus entered a cell (`kind: 'cell'`) or a class header (`kind: 'node'`); `kind: 'none'` when it left. Detail: `{ kind, stage: null, keys, value, indices, query }`.
 * @fires cl-select - A cell was clicked or chosen with Enter/Space (`kind: 'none'` when cleared). Detail: `{ kind: 'cell', stage: null, keys: path, value, indices, query }`.
 * @fires cl-zoom - Zoomed into a class (`keys: [class]`) or out (`keys: []`). Detail: `{ keys }`.
 * @fires cl-error - The input was rejected; the chart shows the error. Detail: `{ code, message }`.
 *
 * @csspart chart - The focusable chart area.
 * @csspart svg - The SVG drawing.
 * @csspart cell - A leaf rectangle (every non-empty leaf of the tree, at the top level).
 * @csspart group - The header band of a class (click to zoom in).
 * @csspart label - A cell or header label.
 * @csspart breadcrumb - The zoom path above the chart.
 * @csspart heading - The visible title (`heading`).
 * @csspart legend - The colour legends (`legend`).
 * @csspart tooltip - The tooltip.
 * @csspart table - The data-table alternative.
 * @csspart error - The error state.
 * @csspart empty - The empty state.
 *
 * @cssproperty [--cl-treemap-cell-stroke=var(--cl-color-bg)] - Outline between cells.
 * @cssproperty [--cl-treemap-label-size=calc(var(--cl-font-size) * 0.95)] - Label size.
 * @cssproperty [--cl-palette-0=#4269d0] - First of twenty categorical colours (`--cl-palette-0` … `-19`).
 * @cssproperty [--cl-dim-opacity=0.15] - Opacity of cells outside the highlight.
 * @cssproperty [--cl-font-family=system-ui] - Font.
 * @cssproperty [--cl-font-size=12px] - Base font size.
 */
export class ClMetricsTreemap extends ClBaseElement {
  static override styles = [themeStyles, stateStyles, treemapStyles];

  /** The true class of each item. */
  @property({ attribute: false }) truth: ArrayLike<Key> | null | undefined = undefined;

  /** Model name → its predicted class per item (one or more models, each a level below the classes). */
  @property({ attribute: false }) predictions: Record<string, ArrayLike<Key>> | null | undefined = undefined;

  /** The class list; with it, integer typed arrays in `truth`/`predictions` are read as indices into it. */
  @property({ attribute: false }) classes: ArrayLike<Key> | null | undefined = undefined;

  /** Order of the model levels (default: the order of `predictions`' keys); may name a subset. */
  @property({ attribute: false }) models: readonly string[] | null | undefined = undefined;

  /** A precomputed tree in `metricsHierarchy`'s shape (`{ name, children?, value?, indices?, level?, key?, model?, correct? }`); wins over `truth`. */
  @property({ attribute: false }) hierarchy: MetricsNode | null | undefined = undefined;

  /** What the model levels split on: `correct` (right / wrong, default) or `predicted` (the class each model predicted). */
  @property({ reflect: true }) by: TreemapBy = 'correct';

  /** Tiling: `squarify` (default, near-square cells) or `binary` (balanced splits, stabler under change). */
  @property({ reflect: true }) tile: TreemapTile = 'squarify';

  /** The class zoomed into (compared by its text form), or `null` for all classes. */
  @property({
    reflect: true,
    converter: { fromAttribute: (v) => v, toAttribute: (v: Key | null) => (v == null ? null : String(v)) },
  })
  zoom: Key | null = null;

  /** Show the colour legends (classes; right / wrong lightness) under the chart. */
  @property({ type: Boolean, reflect: true }) legend = false;

  /** Show the data table under the chart (it is always available to screen readers). */
  @property({ type: Boolean, attribute: 'show-table', reflect: true }) showTable = false;

  private tree: TreeNode | null = null;
  private layout: TreemapLayout | null = null;
  private fills: string[] = [];
  private groupFills: string[] = [];
  /** Each cell's path (class first), by cell index. */
  private paths: TreeNode[][] = [];
  private lineHeight = 15;
  /** The hidden data table waits for the first paint of new data (it is for assistive technology). */
  private tableDeferred = false;
  private tableTimer: ReturnType<typeof setTimeout> | 0 = 0;
  private classFills = new Map<TreeNode, string>();
  private placed: PlacedLabel[] = [];
  private hiddenLabels = 0;
  private marks: Mark[] = [];
  private nav: NavBox[] = [];
  private markIndex = new Map<string, Mark>();
  private shares: Float64Array | null = null;
  private highlightTotal = 0;
  private groupIndices = new Map<TreeNode, Uint32Array>();
  private layoutKey = '';

  protected readonly size = new ResizeController(this, () => this.renderRoot?.querySelector('.chart'));
  protected readonly interaction: MarkInteractionController<Mark> = new MarkInteractionController(this, {
    key: (m) => this.keyOf(m),
    find: (key) => this.findMark(key),
    detail: (m) => this.detail(m),
    navigate: (from, key) => {
      const i = moveFocus(
        this.nav,
        from ? this.marks.findIndex((m) => m.kind === from.kind && m.index === from.index) : null,
        key,
      );
      return i === null ? null : this.marks[i];
    },
    describe: (m) => this.describe(m),
    anchor: (m) => {
      const b = this.boxOf(m);
      return b ? { x: (b.x0 + b.x1) / 2, y: b.y0 } : { x: 0, y: 0 };
    },
    size: () => ({ width: this.size.width, height: this.size.height }),
  });

  /** The tree drawn (the view's copy of core's `metricsHierarchy` output), or `null`. */
  get metrics(): TreeNode | null {
    return this.tree;
  }

  /** The cells as drawn: path keys, count and rectangle (plain data, for scripts and tests). */
  get cells(): { keys: Key[]; value: number; x0: number; y0: number; x1: number; y1: number; label: string | null }[] {
    const L = this.layout;
    if (!L) return [];
    const labels = new Map(this.placed.filter((p) => !p.header).map((p) => [p.cell, p.lines.join(' ')]));
    return L.cells.map((c, i) => ({
      keys: pathKeys(c.node),
      value: c.node.count,
      x0: c.x0,
      y0: c.y0,
      x1: c.x1,
      y1: c.y1,
      label: labels.get(i) ?? null,
    }));
  }

  // ——— computing ———

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!BYS.includes(this.by)) this.by = 'correct';
    if (!TILES.includes(this.tile)) this.tile = 'squarify';
    const data = ['truth', 'predictions', 'classes', 'models', 'hierarchy', 'by'].some((p) => changed.has(p));
    if (data || !this.hasUpdated) {
      this.resetWarnings();
      const ok = this.guard(() => {
        this.tree = this.buildTree();
      });
      if (!ok) this.tree = null;
      this.groupIndices.clear();
      this.layoutKey = '';
      this.tableDeferred = !this.showTable;
    }
    if (data || changed.has('highlight')) this.computeShares();
    const key = [
      this.size.width,
      this.size.height,
      this.tile,
      String(this.zoom),
      this.palette.join(),
      String(this.colorScale?.domain.length ?? ''),
    ].join('|');
    if (this.layoutKey !== key || data || changed.has('colors') || changed.has('colorScale') || changed.has('theme')) {
      this.layoutKey = key;
      this.computeLayout();
      this.interaction.remap();
    }
  }

  private buildTree(): TreeNode | null {
    if (this.hierarchy != null) {
      if (typeof this.hierarchy !== 'object')
        throw new ClasslensError('INVALID_ARGUMENT', 'hierarchy: expected a tree object');
      return toTree(this.hierarchy, false);
    }
    if (this.truth == null || this.predictions == null) return null;
    if (typeof this.predictions !== 'object')
      throw new ClasslensError('INVALID_ARGUMENT', 'predictions: expected model name → labels');
    const root = metricsHierarchy(this.truth, this.predictions, {
      by: this.by,
      ...(this.classes != null ? { classes: this.classes } : {}),
      ...(Array.isArray(this.models) ? { models: this.models } : {}),
    });
    return toTree(root, true);
  }

  /** The class node that `zoom` names, or `null`. */
  private zoomNode(): TreeNode | null {
    if (this.zoom == null || !this.tree?.children) return null;
    const z = String(this.zoom);
    return this.tree.children.find((c) => c.children && String(c.key ?? c.name) === z) ?? null;
  }

  private computeShares() {
    const t = this.tree;
    const h = this.highlight;
    this.shares = null;
    this.highlightTotal = 0;
    if (!t || h == null || typeof h.length !== 'number') return;
    const leaves = leavesOf(t);
    let n = 0;
    for (const l of leaves) if (l.indices) for (let k = 0; k < l.indices.length; k++) n = Math.max(n, l.indices[k] + 1);
    const mask = this.highlightMask(n);
    if (!mask) return;
    // Indexed by the leaf's position in `leavesOf(tree)`; cells find theirs through `leafPos`.
    const shares = new Float64Array(leaves.length);
    leaves.forEach((l, i) => {
      if (!l.indices) return;
      let c = 0;
      for (let k = 0; k < l.indices.length; k++) c += mask[l.indices[k]];
      shares[i] = c;
      this.highlightTotal += c;
    });
    this.leafPos = new Map(leaves.map((l, i) => [l, i]));
    this.shares = shares;
  }
  private leafPos = new Map<TreeNode, number>();

  private highlighted(node: TreeNode): number | null {
    if (!this.shares) return null;
    const i = this.leafPos.get(node);
    return i === undefined ? null : this.shares[i];
  }

  private computeLayout() {
    const t = this.tree;
    this.layout = null;
    this.marks = [];
    this.nav = [];
    this.markIndex.clear();
    this.placed = [];
    this.hiddenLabels = 0;
    if (!t || t.count === 0 || this.size.width <= 0 || this.size.height <= 0) return;
    const zoom = this.zoomNode();
    if (this.zoom != null && !zoom) this.zoom = null;
    const fs = this.fontSize();
    const lh = Math.round(fs * LINE);
    this.lineHeight = lh;
    const L = layoutTreemap(zoom ?? t, {
      width: this.size.width,
      height: this.size.height,
      tile: this.tile,
      header: lh + 6,
    });
    this.layout = L;
    const paths = L.cells.map((c) => pathOf(c.node));
    this.paths = paths;
    // Colours: class hue from the (shared) scale, lightness by wrongness below.
    const classKey = (n: TreeNode) => n.key ?? n.name;
    const scale = this.classScale((t.children ?? []).map(classKey));
    const bg = getComputedStyle(this).getPropertyValue('--cl-color-bg').trim() || '#ffffff';
    const base = new Map<TreeNode, string>();
    for (const g of t.children ?? []) base.set(g, this.classColor(scale, classKey(g)));
    this.classFills = base;
    this.groupFills = L.groups.map((g) => base.get(g.node) ?? this.otherColor);
    this.fills = paths.map((path) => cellColor(base.get(path[0]) ?? this.otherColor, bg, path));
    // Marks in reading order: each class's header band, then its cells.
    const cellsOf = new Map<TreeNode, number[]>();
    paths.forEach((path, i) => {
      const g = path[0];
      let list = cellsOf.get(g);
      if (!list) cellsOf.set(g, (list = []));
      list.push(i);
    });
    L.groups.forEach((g, gi) => {
      if (g.header > 0)
        this.addMark({ kind: 'group', index: gi }, { x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y0 + g.header, group: gi });
      for (const ci of cellsOf.get(g.node) ?? []) {
        const c = L.cells[ci];
        this.addMark({ kind: 'cell', index: ci }, { x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, group: gi });
      }
    });
    this.placeLabels(L, lh);
  }

  private addMark(m: Mark, box: NavBox) {
    this.marks.push(m);
    this.nav.push(box);
  }

  /** The mark with an identity key (the index of keys is built on the first look-up after a layout). */
  private findMark(key: string): Mark | null {
    if (this.markIndex.size === 0) for (const m of this.marks) this.markIndex.set(this.keyOf(m), m);
    return this.markIndex.get(key) ?? null;
  }

  private placeLabels(L: TreemapLayout, lh: number) {
    const measure = this.measurer();
    L.groups.forEach((g, gi) => {
      if (g.header <= 0) return;
      const lines = fitLabel(
        { x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y0 + g.header },
        headerCandidates(g.node.name, formatCount(g.node.count)),
        measure,
        lh,
        3,
      );
      if (lines)
        this.placed.push({
          x: g.x0 + 4,
          y: g.y0 + 3,
          lines,
          dark: darkFill(this.groupFills[gi]),
          header: true,
          cell: gi,
        });
      else this.hiddenLabels++;
    });
    L.cells.forEach((c, i) => {
      const lines = fitLabel(c, cellCandidates(this.paths[i], formatCount(c.node.count)), measure, lh, 4);
      if (lines)
        this.placed.push({ x: c.x0 + 4, y: c.y0 + 4, lines, dark: darkFill(this.fills[i]), header: false, cell: i });
      else this.hiddenLabels++;
    });
  }

  private fontSize(): number {
    const cs = getComputedStyle(this);
    const v = parseFloat(cs.getPropertyValue('--cl-font-size')) || parseFloat(cs.fontSize) || 12;
    return v * 0.95;
  }

  /** Text width at the label font (bold: an upper bound for regular text), measured on a canvas. */
  private measurer(): Measure {
    const fs = this.fontSize();
    return textMeasurer(`600 ${fs}px ${getComputedStyle(this).fontFamily || 'sans-serif'}`, fs);
  }

  // ——— marks ———

  private keyOf(m: Mark): string {
    const L = this.layout;
    const node = m.kind === 'cell' ? L?.cells[m.index]?.node : L?.groups[m.index]?.node;
    if (!node) return '';
    const parts = pathOf(node).flatMap((n) => [
      n.level,
      n.key ?? null,
      n.model ?? null,
      n.correct === undefined ? null : n.correct ? 1 : 0,
      n.name,
    ]);
    return markKey(m.kind, ...parts);
  }

  private boxOf(m: Mark): Box | GroupBox | null {
    const L = this.layout;
    if (!L) return null;
    return (m.kind === 'cell' ? L.cells[m.index] : L.groups[m.index]) ?? null;
  }

  private indicesOfGroup(node: TreeNode): Uint32Array {
    let out = this.groupIndices.get(node);
    if (out) return out;
    const leaves = leavesOf(node);
    let n = 0;
    for (const l of leaves) n += l.indices?.length ?? 0;
    out = new Uint32Array(n);
    let at = 0;
    for (const l of leaves) {
      if (!l.indices) continue;
      out.set(l.indices, at);
      at += l.indices.length;
    }
    out.sort();
    this.groupIndices.set(node, out);
    return out;
  }

  private detail(m: Mark | null): ClCellDetail {
    const b = m ? this.boxOf(m) : null;
    if (!m || !b) return { kind: 'none', stage: null, keys: [], value: 0, indices: EMPTY, query: null };
    const node = b.node;
    if (m.kind === 'group') {
      return {
        kind: 'node',
        stage: null,
        keys: [node.key ?? node.name],
        value: node.count,
        indices: this.indicesOfGroup(node),
        query: node.level === 'truth' && node.key !== undefined ? { truth: [node.key] } : null,
      };
    }
    return {
      kind: 'cell',
      stage: null,
      keys: pathKeys(node),
      value: node.count,
      indices: node.indices ?? EMPTY,
      query: cellQuery(pathOf(node)),
    };
  }

  private describe(m: Mark): TooltipContent {
    const b = this.boxOf(m);
    const t = this.tree;
    if (!b || !t) return { title: '', rows: [] };
    const node = b.node;
    const path = pathOf(node);
    const cls = path[0];
    const rows: [string, string][] = [['Items', formatCount(node.count)]];
    if (m.kind === 'group') {
      rows.push(['Share of all items', formatPercent(node.count / t.count)]);
      for (const [model, right] of this.rightByModel(node))
        rows.push([`${model} right`, formatPercent(right / node.count)]);
    } else {
      const parent = node.parent;
      if (parent && parent !== cls && parent.parent)
        rows.push([`Share of ${stepText(parent)}`, formatPercent(node.count / parent.count)]);
      if (cls && cls !== node) rows.push([`Share of class ${cls.name}`, formatPercent(node.count / cls.count)]);
      rows.push(['Share of all items', formatPercent(node.count / t.count)]);
    }
    const h = m.kind === 'cell' ? this.highlighted(node) : null;
    if (h !== null) rows.push(['Highlighted', `${formatCount(h)} (${formatPercent(h / node.count)})`]);
    const title = path.map((n, i) => (i === 0 ? n.name : describeStep(n))).join(' › ');
    return m.kind === 'group' ? { title, rows, note: 'Click to zoom in' } : { title, rows };
  }

  /** Per model level, how many of a class's items the model gets right (sums of core's leaf counts). */
  private rightByModel(node: TreeNode): [string, number][] {
    const right = new Map<string, number>();
    for (const leaf of leavesOf(node)) {
      for (const step of pathOf(leaf).slice(1)) {
        if (step.model === undefined || step.correct === undefined) continue;
        right.set(step.model, (right.get(step.model) ?? 0) + (step.correct ? leaf.count : 0));
      }
    }
    return [...right];
  }

  /** Zooms into the class `key` (or out with `null`), as a click on its header or the breadcrumb does. */
  zoomTo(key: Key | null): void {
    const before = this.zoom == null ? null : String(this.zoom);
    this.zoom = key;
    if (before === (key == null ? null : String(key))) return;
    this.interaction.hovered = null;
    void this.updateComplete.then(() =>
      emit<ClZoomDetail>(this, 'cl-zoom', { keys: this.zoom == null ? [] : [this.zoom] }),
    );
  }

  /** The mark an event happened on (one delegated listener for every cell and header). */
  private markOf(e: Event): Mark | null {
    const el = (e.target as Element).closest?.('[data-mark]');
    const kind = el?.getAttribute('data-mark');
    const index = Number(el?.getAttribute('data-index'));
    if ((kind !== 'cell' && kind !== 'group') || !Number.isInteger(index)) return null;
    return { kind, index };
  }

  private readonly onMarkOver = (e: PointerEvent) => {
    const m = this.markOf(e);
    // Gaps between cells keep the hover: it ends when the pointer leaves the chart.
    if (m) this.interaction.enter(this.marks.find((x) => x.kind === m.kind && x.index === m.index) ?? m);
  };

  private readonly onMarkClick = (e: MouseEvent) => {
    const m = this.markOf(e);
    if (!m) return;
    if (m.kind === 'group') {
      const node = this.layout?.groups[m.index]?.node;
      if (node) this.zoomTo(node.key ?? node.name);
    } else this.interaction.activate(m);
  };

  private readonly onKeyDown = (e: KeyboardEvent) => {
    const it = this.interaction;
    const f = it.focused;
    if ((e.key === 'Enter' || e.key === ' ') && f?.kind === 'group') {
      e.preventDefault();
      const node = this.layout?.groups[f.index]?.node;
      if (node) this.zoomTo(node.key ?? node.name);
      return;
    }
    if ((e.key === '+' || e.key === '=') && f) {
      const node = this.boxOf(f)?.node;
      const cls = node ? pathOf(node)[0] : null;
      if (cls && cls.children) this.zoomTo(cls.key ?? cls.name);
      return;
    }
    if ((e.key === '-' || e.key === 'Backspace') && this.zoom != null) {
      e.preventDefault();
      this.zoomTo(null);
      return;
    }
    it.onKeyDown(e);
  };

  // ——— public API ———

  /** The chart as a standalone SVG document (styles inlined). Throws `EMPTY` when nothing is drawn. */
  toSVG(): string {
    const el = this.renderRoot.querySelector<SVGSVGElement>('svg.treemap');
    if (!el) throw new ClasslensError('EMPTY', 'toSVG: nothing is drawn');
    return svgToString(el, getComputedStyle(this).getPropertyValue('--cl-color-bg').trim() || '#fff');
  }

  /** The chart as a PNG image (2× pixel density by default; `scale` in (0, 16]). */
  async toPNG(scale = 2): Promise<Blob> {
    checkScale(scale);
    return svgStringToPng(this.toSVG(), this.size.width, this.size.height, scale);
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const t = this.tree;
    const state = this.renderState(!t || t.count === 0);
    const it = this.interaction;
    const L = this.layout;
    // The chart area and the breadcrumb row exist in every state, so the area is already
    // measured when data arrives: the first frame of new data is one update, not two.
    if (state !== nothing || !t) {
      return html`<div class="frame">
        ${this.renderHeading()}
        <nav class="breadcrumb-row is-empty" aria-hidden="true">
          <ol class="breadcrumb">
            <li>&nbsp;</li>
          </ol>
        </nav>
        <div class="chart" part="chart">${state}</div>
      </div>`;
    }
    return html`<div class="frame">
      ${this.renderHeading()} ${this.renderBreadcrumb(t)}
      <div
        class="chart"
        part="chart"
        tabindex="0"
        role="group"
        aria-roledescription="treemap"
        aria-label=${this.summary(t)}
        @keydown=${this.onKeyDown}
        @focus=${it.onFocus}
        @blur=${it.onBlur}
        @pointerdown=${it.onPointerDown}
        @pointermove=${it.onPointerMove}
        @pointerleave=${it.onPointerLeave}
        @click=${it.onBackgroundClick}
      >
        ${L ? this.renderSvg(L) : nothing} ${L ? it.renderTooltip() : nothing}
      </div>
      ${this.legend ? this.renderLegends(t) : nothing} ${it.renderLiveRegion()}
      ${this.tableDeferred ? nothing : this.renderTable(t)}
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.tableDeferred && this.layout && !this.tableTimer) {
      // The hidden table (hundreds of rows for assistive technology) follows the first
      // paint of new data instead of delaying it.
      this.tableTimer = setTimeout(() => {
        this.tableTimer = 0;
        this.tableDeferred = false;
        this.requestUpdate();
      }, 0);
    }
  }

  private renderBreadcrumb(t: TreeNode) {
    const z = this.layout?.focus.depth ? this.layout.focus : null;
    return html`<nav class="breadcrumb-row" aria-label="Zoom">
      <ol class="breadcrumb" part="breadcrumb">
        ${
          z
            ? html`<li><button type="button" @click=${() => this.zoomTo(null)}>All classes</button></li>
                <li aria-current="location">
                  ${z.name} <span class="hint">${formatCount(z.count)} ${z.count === 1 ? 'item' : 'items'}</span>
                </li>`
            : html`<li aria-current="location">
                All classes
                <span class="hint"
                  >${formatCount(t.count)}
                  ${t.count === 1 ? 'item' : 'items'}${t.children?.some((c) => c.children) ? ' · click a class header to zoom' : ''}</span
                >
              </li>`
        }
      </ol>
    </nav>`;
  }

  private renderSvg(L: TreemapLayout): TemplateResult {
    const it = this.interaction;
    const E = it.emphasised;
    const dimming = this.shares !== null;
    return html`<svg
      class="treemap"
      part="svg"
      aria-hidden="true"
      viewBox="0 0 ${L.width} ${L.height}"
      preserveAspectRatio="none"
      @pointerover=${this.onMarkOver}
      @click=${this.onMarkClick}
    >
      <g class="groups">
        ${L.groups.map((g, gi) => {
          if (g.header <= 0) return nothing;
          return svg`<rect part="group" class="group-header" data-mark="group" data-index=${gi} x=${g.x0} y=${g.y0}
            width=${g.x1 - g.x0} height=${g.header} fill=${this.groupFills[gi]}></rect>`;
        })}
      </g>
      <g class="cells">
        ${L.cells.map((c, i) => {
          const h = dimming ? this.highlighted(c.node) : null;
          const dim = dimming && (h ?? 0) < c.node.count;
          return svg`<rect part="cell" class="cell ${dim ? 'is-dim' : ''}" data-mark="cell" data-index=${i} x=${c.x0} y=${c.y0}
            width=${Math.max(0, c.x1 - c.x0)} height=${Math.max(0, c.y1 - c.y0)} fill=${this.fills[i]}></rect>`;
        })}
      </g>
      <g class="shares">
        ${
          dimming
            ? L.cells.map((c, i) => {
                const h = this.highlighted(c.node) ?? 0;
                if (h <= 0 || h >= c.node.count) return nothing;
                // The highlighted share of the cell, as its bottom part at full colour.
                const hh = ((c.y1 - c.y0) * h) / c.node.count;
                return svg`<rect class="share" x=${c.x0} y=${c.y1 - hh} width=${Math.max(0, c.x1 - c.x0)} height=${hh} fill=${this.fills[i]}></rect>`;
              })
            : nothing
        }
      </g>
      <g class="inner">
        ${L.inner.map((b) => svg`<rect x=${b.x0} y=${b.y0} width=${b.x1 - b.x0} height=${b.y1 - b.y0}></rect>`)}
      </g>
      <g class="labels">${this.placed.map((p) => this.renderLabel(p, dimming))}</g>
      ${E ? this.renderRing(E, it.selected !== null && it.same(E, it.selected)) : nothing}
      ${it.selected && !(E && it.same(E, it.selected)) ? this.renderRing(it.selected, true) : nothing}
      ${it.focused && it.keyboard ? this.renderFocus(it.focused) : nothing}
    </svg>`;
  }

  private renderLabel(p: PlacedLabel, dimming: boolean) {
    const lh = this.lineHeight;
    const node = p.header ? null : this.layout!.cells[p.cell].node;
    const h = node && dimming ? (this.highlighted(node) ?? 0) : null;
    // A dimmed cell is nearly the background: its label takes the theme's text colour.
    const faded = node !== null && h !== null && h < node.count;
    const tone = faded ? '' : p.dark ? 'on-dark' : 'on-light';
    const cls = `label ${tone} ${p.header ? 'header' : ''} ${h === 0 ? 'is-dim' : ''}`;
    if (p.header) {
      // "name  count": the count after the name, lighter.
      const g = this.layout!.groups[p.cell].node;
      const withCount = p.lines[0] !== g.name;
      return svg`<text part="label" class=${cls} x=${p.x} y=${p.y}>${isolate(g.name)}${
        withCount ? svg`<tspan class="count" dx="5">${formatCount(g.count)}</tspan>` : nothing
      }</text>`;
    }
    return svg`<text part="label" class=${cls} x=${p.x} y=${p.y}>${p.lines.map(
      (line, i) => svg`<tspan x=${p.x} y=${p.y + i * lh} class=${i > 0 ? 'count' : ''}>${isolate(line)}</tspan>`,
    )}</text>`;
  }

  private renderRing(m: Mark, selected: boolean) {
    const b = this.boxOf(m);
    if (!b) return nothing;
    const h = m.kind === 'group' ? (b as GroupBox).header : b.y1 - b.y0;
    return svg`<rect class="ring ${selected ? 'is-selected' : ''}" x=${b.x0 + 0.75} y=${b.y0 + 0.75}
      width=${Math.max(0, b.x1 - b.x0 - 1.5)} height=${Math.max(0, h - 1.5)}></rect>`;
  }

  private renderFocus(m: Mark) {
    const b = this.boxOf(m);
    if (!b) return nothing;
    const h = m.kind === 'group' ? (b as GroupBox).header : b.y1 - b.y0;
    return svg`<rect class="focus-ring" x=${b.x0 - 1} y=${b.y0 - 1} width=${b.x1 - b.x0 + 2} height=${h + 2} rx="2"></rect>`;
  }

  private renderLegends(t: TreeNode) {
    const classes: LegendItem[] = (t.children ?? []).map((c) => ({
      label: c.name,
      color: this.classFills.get(c) ?? this.otherColor,
      count: c.count,
    }));
    const models = modelLevels(t);
    const legends = [renderLegend(classes, 'True class')];
    if (models.length > 0 && t.children?.some((c) => c.children)) {
      const fg = getComputedStyle(this).getPropertyValue('--cl-color-fg').trim() || '#1f2328';
      const bg = getComputedStyle(this).getPropertyValue('--cl-color-bg').trim() || '#ffffff';
      const k = models.length;
      const ramp: LegendItem[] = [];
      if (k <= 3) {
        for (let code = 0; code < 2 ** k; code++) {
          const label = models.map((m, j) => `${m} ${mark(((code >> (k - 1 - j)) & 1) === 0)}`).join(' ');
          ramp.push({ label, color: mixOklab(fg, bg, 0.15 + MAX_MIX * (code / (2 ** k - 1))) });
        }
      } else {
        ramp.push({ label: 'every model right', color: mixOklab(fg, bg, 0.15) });
        ramp.push({
          label: `lighter: more models wrong (${models[0]} weighs most)`,
          color: mixOklab(fg, bg, 0.15 + MAX_MIX / 2),
        });
        ramp.push({ label: 'every model wrong', color: mixOklab(fg, bg, 0.15 + MAX_MIX) });
      }
      legends.push(renderLegend(ramp, 'Within a class'));
    }
    return html`<div class="legends">${legends}</div>`;
  }

  private renderTable(t: TreeNode) {
    const rows = leavesOf(t)
      .sort((a, b) => (this.showTable ? 0 : b.count - a.count))
      .map((leaf) => {
        const path = pathOf(leaf);
        const cls = path[0];
        return [
          cls?.name ?? '',
          path.slice(1).map(describeStep).join(' · ') || '—',
          formatCount(leaf.count),
          formatPercent(leaf.count / (cls?.count || 1)),
          formatPercent(leaf.count / t.count),
        ];
      });
    return renderDataTable({
      caption: `${this.label || this.heading || 'Metrics treemap'}: items per class and model outcome`,
      shown: this.showTable,
      columns: [
        { label: 'True class' },
        { label: 'Models' },
        { label: 'Items', numeric: true },
        { label: 'Share of class', numeric: true },
        { label: 'Share of all', numeric: true },
      ],
      rows,
    });
  }

  private summary(t: TreeNode): string {
    const name = this.label || this.heading || 'Metrics treemap';
    const models = modelLevels(t);
    let biggest: TreeNode | null = null;
    for (const l of leavesOf(t)) if (!biggest || l.count > biggest.count) biggest = l;
    const path = biggest ? pathOf(biggest) : [];
    return (
      `${name}: ${formatCount(t.count)} items in ${t.children?.length ?? 0} classes` +
      (models.length
        ? `, split by ${models.join(', then ')} (${this.by === 'correct' ? 'right or wrong' : 'predicted class'})`
        : '') +
      `.` +
      (biggest
        ? ` Largest cell: ${path.map((n, i) => (i === 0 ? n.name : describeStep(n))).join(' ')}, ${formatCount(biggest.count)} items.`
        : '') +
      (this.hiddenLabels ? ` ${this.hiddenLabels} labels hidden for lack of room.` : '') +
      ' Use arrow keys to explore, Enter to select, + and − to zoom.'
    );
  }
}

let measureCtx: CanvasRenderingContext2D | null | undefined;
const measureCaches = new Map<string, Map<string, number>>();

/**
 * A cached text measurer for one CSS font, shared by every treemap on the page. Setting
 * `ctx.font` re-parses the font, so it is set once per call of the returned function's
 * first miss, not per text; widths are kept per font (a few thousand strings at most).
 */
function textMeasurer(font: string, fontSize: number): Measure {
  if (measureCtx === undefined) measureCtx = document.createElement('canvas').getContext('2d');
  let cache = measureCaches.get(font);
  if (!cache) measureCaches.set(font, (cache = new Map()));
  if (cache.size > 20_000) cache.clear();
  const ctx = measureCtx;
  const c = cache;
  let fontSet = false;
  return (text: string) => {
    let w = c.get(text);
    if (w === undefined) {
      if (ctx) {
        if (!fontSet) {
          ctx.font = font;
          fontSet = true;
        }
        w = ctx.measureText(text).width;
      } else w = Array.from(text).length * fontSize * 0.62;
      c.set(text, w);
    }
    return w;
  };
}

/** A model step's name for "Share of …": `M0 ✓`. */
function stepText(n: TreeNode): string {
  return describeStep(n);
}

/** The path keys of a node for events: the true class, then each model level's node name. */
function pathKeys(node: TreeNode): Key[] {
  return pathOf(node).map((n, i) => (i === 0 ? (n.key ?? n.name) : describeStep(n)));
}

/** Unicode isolates so a right-to-left class name does not reorder the count after it. */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

export type { AgreementQuery };
