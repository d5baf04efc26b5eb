import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  checkFlowGraph,
  ClasslensError,
  flowGraph,
  type FlowGraph,
  type FlowGraphInput,
  type Key,
} from '@classlens/core';
import type { ClMarkDetail } from '../../events.js';
import { ClBaseElement } from '../base-element.js';
import { MarkInteractionController, markKey } from '../controllers/mark-interaction.js';
import { DeferredController } from '../controllers/deferred.js';
import { ResizeController } from '../controllers/resize-controller.js';
import { renderDataTable, tableRowsKept } from '../data-table.js';
import { checkScale, svgStringToPng, svgToString } from '../export-image.js';
import { formatCount, formatPercent, truncate } from '../format.js';
import { renderLegend, type LegendItem } from '../legend.js';
import { sameArray, sameColumns, sameJson, snapshotColumns } from '../same-data.js';
import { stateStyles } from '../styles/states.styles.js';
import { themeStyles } from '../styles/theme.styles.js';
import type { TooltipContent } from '../tooltip.js';
import { emphasisBands, FULL } from './emphasis-bands.js';
import { emphasisFromItems, emphasisFromPath, type Emphasis } from './emphasis.js';
import { bundleHairlines, pickHairline, type HairlineBundle } from './hairlines.js';
import {
  splitBands,
  splitEmphasis,
  splitLinks,
  type ItemCategories,
  type LinkSplit,
  type SplitBand,
} from './link-split.js';
import {
  CHAR_WIDTH,
  layoutLabels,
  layoutSankey,
  sankeyOrder,
  stageCount,
  stageHeaderChars,
  type LaidLabel,
  type NodeSort,
  type Normalize,
  type SankeyLayout,
} from './layout.js';
import { moveFocus, navigationColumns, type MarkRef } from './navigation.js';
import { sankeyStyles } from './sankey.styles.js';
import { checkDrawableGraph, itemCount, MAX_STAGES } from './validate.js';

/** Raw stage columns for {@link flowGraph}. */
export interface SankeyStagesInput {
  kind: 'stages';
  stages: readonly ArrayLike<Key>[];
  stageNames?: readonly string[] | undefined;
  /** Original item index of each row, when the columns are a subset of the items. */
  items?: Uint32Array | null;
  /** Number of items in the original input (for `highlight`), default the column length. */
  itemTotal?: number;
  /**
   * Overrides `only-changed` for core's `flowGraph` (and for leaving out "Other → Other"),
   * for a subclass that filters the items itself.
   */
  changedOnly?: boolean;
}

/** A caller-supplied graph, validated before layout. */
export interface SankeyGraphInput {
  kind: 'graph';
  graph: FlowGraphInput;
}

/** What a Sankey element draws. */
export type SankeyInput = SankeyStagesInput | SankeyGraphInput;

const NODE_SORTS: readonly NodeSort[] = ['auto', 'value', 'key', 'input'];
const NORMALIZES: readonly Normalize[] = ['none', 'source', 'target'];
const EMPTY = new Uint32Array(0);
/** Properties every Sankey reads when building its graph. */
const BASE_DATA_PROPS = ['topK', 'minValue', 'onlyChanged', 'otherLabel'] as const;

/**
 * The shared body of the Sankey elements (`cl-flow-sankey`, `cl-chain-sankey`): input
 * → core's `flowGraph` (or a checked graph) → crossing-minimising order → layout → SVG,
 * with hover/focus/selection through {@link MarkInteractionController}, path emphasis,
 * collision-free labels, the data table and export. A subclass says what its input is
 * ({@link readInput}), which properties it reads ({@link dataProps}), and how nodes are
 * coloured ({@link nodeColors}).
 *
 * @cssproperty [--cl-sankey-link-opacity=0.38] - Link opacity at rest.
 * @cssproperty [--cl-sankey-link-hover-opacity=0.75] - Opacity of an emphasised link.
 * @cssproperty [--cl-sankey-node-stroke=var(--cl-color-bg)] - Node outline colour.
 * @cssproperty [--cl-sankey-label-halo=var(--cl-color-bg)] - Halo behind labels.
 */
export abstract class SankeyElement extends ClBaseElement {
  static override styles = [themeStyles, stateStyles, sankeyStyles];

  /** Keys kept per stage (the most frequent); the rest merge into one "Other" node. */
  @property({ type: Number, attribute: 'top-k', reflect: true }) topK = 30;

  /** Hide links carrying fewer items than this. */
  @property({ type: Number, attribute: 'min-value', reflect: true }) minValue = 0;

  /** Keep only items whose key changes between stages (e.g. misclassified items). */
  @property({ type: Boolean, attribute: 'only-changed', reflect: true }) onlyChanged = false;

  /**
   * Order of nodes within a stage: `auto` (fewest weighted link crossings), `value`
   * (largest first), `key`, or `input` (first appearance). "Other" always goes last.
   */
  @property({ attribute: 'node-sort', reflect: true }) nodeSort: NodeSort = 'auto';

  /**
   * Link widths: `none` (counts), `source` (P(target | source)), `target` (P(source | target)).
   * Attribute `normalize`; the property is `normalizeBy` because `Node.normalize()` exists.
   */
  @property({ attribute: 'normalize', reflect: true }) normalizeBy: Normalize = 'none';

  /** Label of the merged node. */
  @property({ attribute: 'other-label' }) otherLabel = 'Other';

  /** Show the data table under the chart (it is always available to screen readers). */
  @property({ type: Boolean, attribute: 'show-table', reflect: true }) showTable = false;

  /** Show a colour legend under the chart. */
  @property({ type: Boolean, reflect: true }) legend = false;

  /** The graph drawn (after "Other → Other" under only-changed is left out), or `null`. */
  protected flow: FlowGraph | null = null;
  /** Items the graph's indices refer to (for masks). */
  protected items = 0;
  /** Items that moved between keys merged into "Other" (not drawn under only-changed). */
  protected otherChanges = 0;
  protected layout: SankeyLayout | null = null;
  protected labels: LaidLabel[] = [];
  protected hiddenLabels: number[] = [];
  /** Node colours, by graph node index. */
  protected fills: string[] = [];
  /** Item categories that split the bands by colour ({@link itemCategories}), or `null`. */
  protected categories: ItemCategories | null = null;
  /** How each link's items divide among {@link categories}. */
  protected split: LinkSplit | null = null;
  /** What is drawn per layout: links on their own, hairline bundles, coloured sub-bands. */
  private paint: {
    layout: SankeyLayout;
    fills: string[];
    single: number[];
    bundles: HairlineBundle[];
    bands: SplitBand[];
  } | null = null;

  private lastInput: unknown = null;
  private order: number[][] | null = null;
  private orderKey = '';
  private layoutKey = '';
  private columns: MarkRef[][] = [];
  private highlightEmphasis: Emphasis | null = null;
  private markEmphasis: { key: string; value: Emphasis } | null = null;
  /** The hidden data table comes a task after the chart's first frame of new data. */
  private readonly tables = new DeferredController(this);
  protected readonly size = new ResizeController(this, () => this.renderRoot?.querySelector('.chart'));
  protected readonly interaction: MarkInteractionController<MarkRef> = new MarkInteractionController(this, {
    key: (m) => this.markKeyOf(m),
    find: (key) => this.findMark(key),
    detail: (m) => this.detail(m),
    navigate: (from, key) => (this.layout ? moveFocus(this.layout, this.columns, from, key) : null),
    describe: (m) => this.describe(m),
    anchor: (m) => this.anchor(m),
    size: () => ({ width: this.size.width, height: this.size.height }),
  });

  /** The flow graph currently drawn (plain data from `@classlens/core`), or `null`. */
  get flowGraph(): FlowGraph | null {
    return this.flow;
  }

  /** Node order per stage as drawn: arrays of keys, top to bottom. */
  get nodeOrder(): Key[][] {
    const g = this.flow;
    return g && this.order ? this.order.map((col) => col.map((i) => g.nodes[i].key)) : [];
  }

  /** The subclass's input, normalised; throws a `ClasslensError` for bad input. */
  protected abstract readInput(): SankeyInput | null;
  /** Properties (besides top-k, min-value, only-changed, other-label) whose change means new input. */
  protected abstract dataProps(): readonly string[];
  /** A colour per graph node (concrete CSS colours). */
  protected abstract nodeColors(g: FlowGraph): string[];
  /** Legend entries when `legend` is on. */
  protected legendItems(): LegendItem[] {
    return [];
  }
  /** The legend's title (none by default). */
  protected legendTitle(): string | undefined {
    return undefined;
  }
  /** The text of the empty state. */
  protected emptyMessage(): string {
    return 'No data';
  }
  /**
   * The colour of a link's band: the colour of its largest item category when
   * {@link itemCategories} splits the bands (used for hairlines and bands too narrow to
   * split), else its source node's.
   */
  protected linkColor(l: SankeyLayout['links'][number]): string {
    const major = this.split?.major[l.index] ?? -1;
    if (major >= 0 && this.categories) return this.categories.colors[major] ?? this.otherColor;
    return this.fills[l.s] ?? this.otherColor;
  }
  /**
   * Item categories that colour the bands (e.g. each item's class in the first column),
   * or `null` for one colour per band. Called with the colours, after {@link nodeColors}.
   */
  protected itemCategories(_g: FlowGraph): ItemCategories | null {
    return null;
  }
  /** Properties (besides colors, colorScale, theme) whose change means new colours. */
  protected colorProps(): readonly string[] {
    return [];
  }
  /**
   * `true` when one order of the keys must hold in every column (a key keeps its vertical
   * place from stage to stage, as a chain of model versions needs); `false` orders each
   * column on its own.
   */
  protected consistentOrder(): boolean {
    return false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const dataChanged = [...BASE_DATA_PROPS, ...this.dataProps()].some((p) => changed.has(p));
    let flowChanged = false;
    if (dataChanged || !this.hasUpdated) {
      const ok = this.guard(() => {
        const input = this.readInput();
        const key = this.inputKey(input);
        if (this.flow && sameJsonInput(key, this.lastInput)) return;
        const had = this.flow !== null;
        this.resetWarnings();
        this.flow = input ? this.computeFlow(input) : null;
        this.lastInput = snapshotInput(key);
        flowChanged = true;
        this.markEmphasis = null;
        if (had) this.interaction.remap();
        else this.interaction.reset();
      });
      if (!ok) {
        this.flow = null;
        this.lastInput = null;
        flowChanged = true;
        this.interaction.reset();
      }
    }
    const g = this.flow;
    if (!g) {
      this.layout = null;
      this.order = null;
      this.columns = [];
      return;
    }
    const sort = NODE_SORTS.includes(this.nodeSort) ? this.nodeSort : 'auto';
    const norm = NORMALIZES.includes(this.normalizeBy) ? this.normalizeBy : 'none';
    const consistent = this.consistentOrder();
    const oKey = `${sort}|${norm}|${consistent}`;
    if (flowChanged || oKey !== this.orderKey || !this.order) {
      this.order = sankeyOrder(g, sort, norm, consistent);
      this.orderKey = oKey;
      this.layoutKey = '';
    }
    if (
      flowChanged ||
      changed.has('colors') ||
      changed.has('colorScale') ||
      changed.has('theme') ||
      this.colorProps().some((p) => changed.has(p)) ||
      this.fills.length !== g.nodes.length
    ) {
      this.fills = this.nodeColors(g);
      this.categories = this.itemCategories(g);
      this.split = this.categories ? splitLinks(g, this.categories) : null;
    }
    const fs = parseFloat(getComputedStyle(this).fontSize) || 12;
    // Until the resize observer has reported the chart area (it exists only once data
    // arrived), estimate it from the host so data draws in its first frame; the observer
    // corrects it a frame later if the estimate was off.
    const w = this.size.width || this.clientWidth;
    const h = this.size.height || Math.max(0, this.clientHeight - (this.heading ? Math.ceil(fs * 2.2) : 0));
    const lKey = `${w}x${h}|${fs}`;
    if (this.layoutKey !== `${oKey}|${lKey}`) {
      this.layoutKey = `${oKey}|${lKey}`;
      this.layout = null;
      this.labels = [];
      this.hiddenLabels = [];
      if (w > 0 && h > 0) {
        const lay = (bottom: number) =>
          layoutSankey(g, {
            width: w,
            height: h,
            normalize: norm,
            order: this.order as number[][],
            fontSize: fs,
            bottom,
          });
        // A column with more nodes than label lines will hide labels and need the note:
        // reserve its room at once rather than laying out twice (a full second layout
        // costs ~50 ms at 10^4 links).
        const lines = Math.floor((h - 24 - 6) / Math.ceil(fs * 1.3));
        const crowded = (this.order as number[][]).some((c) => c.length > lines);
        const noteRoom = Math.ceil(fs * 1.6) + 4;
        let L = lay(crowded || this.otherChanges > 0 ? noteRoom : 6);
        let placed = layoutLabels(L, { fontSize: fs, middleChars: this.middleChars(L, fs) });
        if (L.bottom < noteRoom && (placed.hidden.length > 0 || this.otherChanges > 0)) {
          // Room at the bottom for the note that counts them (drawn over the chart area,
          // so the element's size never depends on it), then place again.
          L = lay(Math.ceil(fs * 1.6) + 4);
          placed = layoutLabels(L, { fontSize: fs, middleChars: this.middleChars(L, fs) });
        }
        this.layout = L;
        this.labels = placed.labels;
        this.hiddenLabels = placed.hidden;
      }
      this.columns = this.layout ? navigationColumns(this.layout) : [];
    }
    if (flowChanged || changed.has('highlight')) {
      const mask = this.highlightMask(this.items);
      this.highlightEmphasis = mask ? emphasisFromItems(g, mask) : null;
    }
    const L = this.layout;
    if (!L) this.paint = null;
    else if (this.paint?.layout !== L || this.paint.fills !== this.fills) {
      const { single, bundles } = bundleHairlines(L, (k) => this.linkColor(L.links[k]));
      this.paint = {
        layout: L,
        fills: this.fills,
        single,
        bundles,
        bands: this.split && this.categories ? splitBands(L, this.split, this.categories.colors) : [],
      };
    }
  }

  private middleChars(L: SankeyLayout, fs: number): number {
    if (L.stageX.length < 3) return 40;
    const gap = L.stageX[1] - L.stageX[0] - L.nodeWidth;
    return Math.max(6, Math.floor((gap * 0.7) / (fs * CHAR_WIDTH)));
  }

  /** What identifies the input for "same contents" (framework re-renders). */
  private inputKey(input: SankeyInput | null): unknown {
    const opts = {
      topK: this.topK,
      minValue: this.minValue,
      onlyChanged: !!this.onlyChanged,
      otherLabel: this.otherLabel,
      extra: this.extraInputKey(),
    };
    return { input, opts };
  }

  /** Extra settings a subclass's graph depends on (compared by value). */
  protected extraInputKey(): unknown {
    return null;
  }

  private computeFlow(input: SankeyInput): FlowGraph | null {
    if (input.kind === 'graph') {
      checkDrawableGraph(input.graph);
      const g = checkFlowGraph(input.graph);
      if (stageCount(g) > MAX_STAGES) {
        throw new ClasslensError(
          'INVALID_ARGUMENT',
          `graph: ${stageCount(g)} stages; at most ${MAX_STAGES} can be drawn`,
        );
      }
      this.items = itemCount(g);
      this.otherChanges = 0;
      return g;
    }
    const { stages } = input;
    if (stages.length > MAX_STAGES) {
      throw new ClasslensError('INVALID_ARGUMENT', `${stages.length} stages; at most ${MAX_STAGES} can be drawn`);
    }
    const names = input.stageNames;
    if (names && names.length !== stages.length) {
      throw new ClasslensError('INVALID_ARGUMENT', `${names.length} stage names for ${stages.length} stages`);
    }
    const topK = Number.isFinite(this.topK) && this.topK >= 1 ? Math.floor(this.topK) : 30;
    const minValue = Number.isFinite(this.minValue) && this.minValue > 0 ? this.minValue : 0;
    const changedOnly = input.changedOnly ?? !!this.onlyChanged;
    let g = flowGraph(stages as ArrayLike<Key>[], {
      topK,
      minValue,
      changedOnly,
      otherLabel: this.otherLabel || 'Other',
      ...(names ? { stageNames: [...names] } : {}),
    });
    for (const d of g.nodes) {
      if (d.other) {
        this.warn(
          'MERGED',
          `${g.stageNames[d.stage]}: ${d.members.length} keys beyond top-k ${topK} merged into "${String(d.key)}"`,
          d.members.length,
        );
      }
    }
    if (g.hiddenLinks > 0) {
      this.warn(
        'HIDDEN',
        `${g.hiddenLinks} links under min-value ${minValue} hidden (${g.hiddenItems} items)`,
        g.hiddenLinks,
      );
    }
    // Under only-changed, "Other → Other" carries items that changed between two keys both
    // merged into Other: drawn, it would read as "unchanged". It is left out and reported.
    this.otherChanges = 0;
    if (changedOnly) {
      const other = new Set(g.nodes.filter((d) => d.other).map((d) => d.id));
      const within = g.links.filter((l) => other.has(l.source) && other.has(l.target));
      if (within.length) {
        this.otherChanges = within.reduce((a, l) => a + l.value, 0);
        g = { ...g, links: g.links.filter((l) => !within.includes(l)) };
        this.warn(
          'OTHER_CHANGES',
          `${this.otherChanges} items changed between keys merged into "${String(this.otherLabel || 'Other')}"; that flow is not drawn`,
          this.otherChanges,
        );
      }
    }
    if (input.items) g = { ...remapIndices(g, input.items), total: input.itemTotal ?? g.total };
    this.items = input.itemTotal ?? (input.items ? itemCount(g) : (stages[0]?.length ?? 0));
    return g;
  }

  // ——— marks ———

  private markKeyOf(m: MarkRef): string {
    const g = this.flow;
    if (!g) return '';
    if (m.kind === 'node') {
      const d = g.nodes[m.index];
      return d ? markKey('node', d.stage, String(d.key)) : '';
    }
    const l = g.links[m.index];
    if (!l) return '';
    const s = this.nodeById(l.source);
    const t = this.nodeById(l.target);
    return markKey('link', s?.stage ?? -1, String(s?.key), t?.stage ?? -1, String(t?.key));
  }

  private nodeById(id: string) {
    const g = this.flow;
    if (!g) return undefined;
    if (this.idCache?.g !== g) this.idCache = { g, map: new Map(g.nodes.map((d, i) => [d.id, i])) };
    const i = this.idCache.map.get(id);
    return i === undefined ? undefined : g.nodes[i];
  }
  private idCache: { g: FlowGraph; map: Map<string, number> } | null = null;

  private findMark(key: string): MarkRef | null {
    const g = this.flow;
    if (!g) return null;
    for (let i = 0; i < g.nodes.length; i++)
      if (this.markKeyOf({ kind: 'node', index: i }) === key) return { kind: 'node', index: i };
    for (let i = 0; i < g.links.length; i++)
      if (this.markKeyOf({ kind: 'link', index: i }) === key) return { kind: 'link', index: i };
    return null;
  }

  private detail(ref: MarkRef | null): ClMarkDetail {
    const g = this.flow;
    if (!ref || !g) return { kind: 'none', stage: null, keys: [], value: 0, indices: EMPTY };
    if (ref.kind === 'node') {
      const n = g.nodes[ref.index];
      return {
        kind: 'node',
        stage: n.stage,
        keys: n.other ? [...n.members] : [n.key],
        value: n.value,
        indices: n.indices,
      };
    }
    const l = g.links[ref.index];
    const s = this.nodeById(l.source)!;
    const t = this.nodeById(l.target)!;
    return { kind: 'link', stage: s.stage, keys: [s.key, t.key], value: l.value, indices: l.indices };
  }

  private anchor(ref: MarkRef): { x: number; y: number } {
    const L = this.layout;
    if (!L) return { x: 0, y: 0 };
    if (ref.kind === 'node') {
      const d = L.nodes[ref.index];
      return { x: d.x1, y: (d.y0 + d.y1) / 2 };
    }
    const l = L.links[ref.index];
    return { x: (L.nodes[l.s].x1 + L.nodes[l.t].x0) / 2, y: (l.y0 + l.y1) / 2 };
  }

  /** Tooltip text of a mark. */
  protected describe(ref: MarkRef): TooltipContent {
    const g = this.flow as FlowGraph;
    const shares = (v: number): [string, string][] => {
      const rows: [string, string][] = [['Share of items drawn', formatPercent(v / Math.max(1, g.kept))]];
      if (g.total > g.kept) rows.push(['Share of all items', formatPercent(v / Math.max(1, g.total))]);
      return rows;
    };
    if (ref.kind === 'node') {
      const n = g.nodes[ref.index];
      const rows: [string, string][] = [['Items', formatCount(n.value)], ...shares(n.value)];
      const notes: string[] = [];
      if (n.other) {
        notes.push(
          `Merges ${n.members.length} keys: ${n.members
            .slice(0, 8)
            .map((k) => String(k))
            .join(', ')}${n.members.length > 8 ? ', …' : ''}`,
        );
        if (this.otherChanges > 0)
          notes.push(`${formatCount(this.otherChanges)} items change between them (not drawn)`);
      }
      return {
        title: `${g.stageNames[n.stage]}: ${String(n.key)}`,
        rows,
        ...(notes.length ? { note: notes.join('. ') } : {}),
      };
    }
    const l = g.links[ref.index];
    const s = this.nodeById(l.source)!;
    const t = this.nodeById(l.target)!;
    const sn = g.stageNames[s.stage];
    const tn = g.stageNames[t.stage];
    return {
      title: `${String(s.key)} → ${String(t.key)}`,
      rows: [
        ['Items', formatCount(l.value)],
        [`P(${tn} | ${sn})`, formatPercent(l.value / s.value)],
        [`P(${sn} | ${tn})`, formatPercent(l.value / t.value)],
        ...shares(l.value),
        ...this.categoryRows(ref.index, l.value),
      ],
    };
  }

  /** Tooltip rows of a split band: its largest categories with counts and shares. */
  private categoryRows(link: number, value: number): [string, string][] {
    const p = this.split?.parts[link];
    const cats = this.categories;
    if (!p || !cats) return [];
    const rows: { label: string; count: number }[] = [];
    for (let q = 0; q < p.length; q += 2) rows.push({ label: cats.labels?.[p[q]] ?? String(p[q]), count: p[q + 1] });
    rows.sort((a, b) => b.count - a.count);
    const shown = rows
      .slice(0, 6)
      .map((r): [string, string] => [r.label, `${formatCount(r.count)} (${formatPercent(r.count / value)})`]);
    if (rows.length > 6) {
      const rest = rows.slice(6).reduce((a, r) => a + r.count, 0);
      shown.push([`${rows.length - 6} more`, `${formatCount(rest)} (${formatPercent(rest / value)})`]);
    }
    return shown;
  }

  private summary(): string {
    const g = this.flow;
    const name = this.label || this.heading || 'Flow diagram';
    if (!g) return name;
    let biggest: FlowGraph['links'][number] | null = null;
    for (const l of g.links) if (!biggest || l.value > biggest.value) biggest = l;
    const key = (id: string) => String(this.nodeById(id)?.key);
    return (
      `${name}: ${formatCount(g.kept)} items across ${g.stageNames.length} stages (${g.stageNames.join(' → ')}), ` +
      `${g.nodes.length} nodes and ${g.links.length} links.` +
      (biggest
        ? ` Largest flow: ${key(biggest.source)} → ${key(biggest.target)}, ${formatCount(biggest.value)} items.`
        : '') +
      ' Use arrow keys to explore, Enter to select.'
    );
  }

  private emphasis(): Emphasis | null {
    const g = this.flow;
    const ref = this.interaction.emphasised;
    if (!g || !ref) return this.highlightEmphasis;
    const key = this.markKeyOf(ref);
    if (this.markEmphasis?.key === key) return this.markEmphasis.value;
    const mark = ref.kind === 'node' ? g.nodes[ref.index] : g.links[ref.index];
    let value: Emphasis;
    if (!mark) return this.highlightEmphasis;
    if (mark.indices.length === 0 || this.items === 0) {
      value = emphasisFromPath(g, ref.kind, ref.index);
    } else {
      const mask = new Uint8Array(this.items);
      for (let k = 0; k < mark.indices.length; k++) mask[mark.indices[k]] = 1;
      value = emphasisFromItems(g, mask);
    }
    this.markEmphasis = { key, value };
    return value;
  }

  // ——— public API ———

  /** The chart as a standalone SVG document (styles inlined). Throws `EMPTY` when nothing is drawn. */
  toSVG(): string {
    const el = this.renderRoot.querySelector<SVGSVGElement>('svg.sankey');
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
    const g = this.flow;
    const state = this.renderState(!g || g.kept === 0 || g.nodes.length === 0, this.emptyMessage());
    if (state !== nothing) return html`<div class="frame">${this.renderHeading()}${state}</div>`;
    const L = this.layout;
    const it = this.interaction;
    return html`<div class="frame">
      ${this.renderHeading()}
      <div
        class="chart"
        part="chart"
        tabindex="0"
        role="group"
        aria-roledescription="flow diagram"
        aria-label=${this.summary()}
        @keydown=${it.onKeyDown}
        @focus=${it.onFocus}
        @blur=${it.onBlur}
        @pointerdown=${it.onPointerDown}
        @pointermove=${it.onPointerMove}
        @pointerleave=${it.onPointerLeave}
        @click=${it.onBackgroundClick}
      >
        ${L ? this.renderSvg(L, g as FlowGraph) : nothing} ${L ? this.renderNote() : nothing}
        ${L ? it.renderTooltip() : nothing}
      </div>
      ${this.legend ? renderLegend(this.legendItems(), this.legendTitle()) : nothing} ${it.renderLiveRegion()}
      ${guard([g, this.showTable, this.tables.ready(g) || this.showTable, this.label, this.heading], () =>
        this.showTable || this.tables.ready(g) ? this.renderTables(g as FlowGraph) : nothing,
      )}
    </div>`;
  }

  private renderNote() {
    const parts: string[] = [];
    const n = this.hiddenLabels.length;
    if (n > 0)
      parts.push(
        `${n} small ${n === 1 ? 'node is' : 'nodes are'} unlabelled: hover, use the arrow keys, or see the table`,
      );
    if (this.otherChanges > 0) {
      parts.push(`${formatCount(this.otherChanges)} changes within "${String(this.otherLabel || 'Other')}" not drawn`);
    }
    return parts.length ? html`<div class="note" part="note">${parts.join(' · ')}</div>` : nothing;
  }

  private renderSvg(L: SankeyLayout, g: FlowGraph): TemplateResult {
    const E = this.emphasis();
    const it = this.interaction;
    const bands = E ? emphasisBands(L, E) : null;
    const paint = this.paint;
    const single = paint && paint.single.length < L.links.length ? paint.single.map((k) => L.links[k]) : L.links;
    const bundles = paint?.bundles ?? [];
    const subBands = paint?.bands ?? [];
    const isSplit = subBands.length ? new Uint8Array(L.links.length) : null;
    if (isSplit) for (const b of subBands) isSplit[b.link] = 1;
    const cats = this.categories;
    // Partly emphasised links whose emphasised items have several colours: split too.
    const emphSplit = E && cats ? splitEmphasis(L, E, cats, FULL) : null;
    const state = (k: number) => {
      if (!E) return '';
      return E.links[L.links[k].index] >= FULL ? 'is-active' : 'is-dim';
    };
    // Hairlines are bundled, so fully emphasised ones are drawn again on their own.
    const bundledFull: number[] = [];
    if (E) for (const b of bundles) for (const k of b.links) if (E.links[L.links[k].index] >= FULL) bundledFull.push(k);
    const fs = parseFloat(getComputedStyle(this).fontSize) || 12;
    const S = L.stageX.length;
    const headerChars = stageHeaderChars(L.stageX, L.nodeWidth, g.stageNames, fs * 0.68, L.width);
    return html`<svg
      class="sankey"
      part="svg"
      aria-hidden="true"
      viewBox="0 0 ${L.width} ${L.height}"
      preserveAspectRatio="none"
    >
      <g class="stages">
        ${L.stageX.map((x, s) => {
          const last = s === S - 1 && s > 0;
          const text = truncate(g.stageNames[s] ?? '', headerChars[s]);
          return svg`<text part="stage-label" class="stage-label" x=${last ? x + L.nodeWidth : x} y="12"
            text-anchor=${last ? 'end' : 'start'}>${text}</text>`;
        })}
      </g>
      <g class="links">
        ${repeat(
          single,
          (l) => l.index,
          (l) => {
            const ref: MarkRef = { kind: 'link', index: l.index };
            return svg`<path part="link" class="link ${state(l.index)} ${isSplit?.[l.index] ? 'is-split' : ''}" data-mark=""
              d=${l.path} stroke=${this.linkColor(l)} stroke-width=${Math.max(1, l.width)}
              @pointerenter=${() => it.enter(ref)}
              @click=${() => it.activate(ref)}></path>`;
          },
        )}
        ${subBands.map(
          (b) =>
            svg`<path class="link-segment ${state(b.link)}" d=${b.path} stroke=${b.color}
              stroke-width=${b.width}></path>`,
        )}
        ${bundles.map(
          (b) =>
            svg`<path part="link-bundle" class="link link-bundle ${E ? 'is-dim' : ''}" data-mark="" d=${b.d} stroke=${b.color}
              stroke-width="1" @pointermove=${(e: PointerEvent) => this.pointHairline(b, e, false)}
              @click=${(e: MouseEvent) => this.pointHairline(b, e, true)}></path>`,
        )}
      </g>
      <g class="emphasis">
        ${bundledFull.map(
          (k) =>
            svg`<path class="link-emphasis" d=${L.links[k].path} stroke=${this.linkColor(L.links[k])} stroke-width="1"></path>`,
        )}
        ${
          bands
            ? bands.links.map((b) => {
                const parts = emphSplit?.get(b.link);
                if (parts) {
                  return parts.map(
                    (p) =>
                      svg`<path class="link-emphasis" d=${p.path} stroke=${p.color}
                      stroke-width=${Math.max(0.5, p.width)}></path>`,
                  );
                }
                return svg`<path class="link-emphasis" d=${b.path} stroke=${this.linkColor(L.links[b.link])} stroke-width=${b.width}></path>`;
              })
            : nothing
        }
      </g>
      <g class="nodes">
        ${repeat(
          L.nodes,
          (d) => d.index,
          (d) => {
            const f = E ? E.nodes[d.index] : -1;
            const ref: MarkRef = { kind: 'node', index: d.index };
            return svg`<rect part="node" class="node ${E && f < FULL ? 'is-dim' : ''}" data-mark=""
              x=${d.x0} y=${d.y0} width=${d.x1 - d.x0} height=${Math.max(1, d.y1 - d.y0)} fill=${this.fills[d.index]}
              @pointerenter=${() => it.enter(ref)}
              @click=${() => it.activate(ref)}></rect>`;
          },
        )}
        ${
          bands
            ? bands.nodes.map(
                (b) =>
                  svg`<rect class="node-emphasis" x=${b.x} y=${b.y} width=${b.width} height=${b.height} fill=${this.fills[L.nodes[b.node].index]}></rect>`,
              )
            : nothing
        }
      </g>
      <g class="leaders">
        ${this.labels.map((lb) => (lb.leader ? svg`<path class="leader" d=${lb.leader}></path>` : nothing))}
      </g>
      <g class="labels">
        ${this.labels.map((lb) => {
          const f = E ? E.nodes[L.nodes[lb.node].index] : -1;
          return svg`<text part="label" class="label ${E && f === 0 ? 'is-dim' : ''}" x=${lb.x} y=${lb.y}
            text-anchor=${lb.side === 'left' ? 'end' : 'start'}>${isolate(lb.text)} <tspan class="count" dx="2">${lb.count}</tspan></text>`;
        })}
      </g>
      ${it.focused && it.keyboard ? this.renderFocus(L, it.focused) : nothing}
    </svg>`;
  }

  /** Hover (or click) on a bundle of hairlines: the link nearest the pointer. */
  private pointHairline(b: HairlineBundle, e: MouseEvent, click: boolean) {
    const L = this.layout;
    const el = this.renderRoot.querySelector('svg.sankey');
    if (!L || !el) return;
    const r = el.getBoundingClientRect();
    const x = ((e.clientX - r.left) * L.width) / Math.max(1, r.width);
    const y = ((e.clientY - r.top) * L.height) / Math.max(1, r.height);
    const k = pickHairline(L, b.links, x, y);
    if (k === null) return;
    const ref: MarkRef = { kind: 'link', index: L.links[k].index };
    if (click) this.interaction.activate(ref);
    else this.interaction.enter(ref);
  }

  private renderFocus(L: SankeyLayout, ref: MarkRef) {
    if (ref.kind === 'node') {
      const d = L.nodes[ref.index];
      if (!d) return nothing;
      return svg`<rect class="focus-ring" x=${d.x0 - 2} y=${d.y0 - 2} width=${d.x1 - d.x0 + 4} height=${Math.max(1, d.y1 - d.y0) + 4} rx="2"></rect>`;
    }
    const l = L.links[ref.index];
    if (!l) return nothing;
    return svg`<path class="focus-ring" d=${l.path} stroke-width=${Math.max(1, l.width) + 3} stroke-opacity="0.5"></path>`;
  }

  private renderTables(g: FlowGraph) {
    const caption = `${this.label || this.heading || 'Flows'} (${g.stageNames.join(' → ')})`;
    // Largest first: a hidden table keeps only the first rows (see renderDataTable), and
    // only those are formatted (20,000 links would otherwise cost ~80 ms per render).
    const kept = tableRowsKept(this.showTable);
    const byValue = <T extends { value: number }>(xs: readonly T[]) => (this.showTable ? xs : topByValue(xs, kept));
    const nodeRows = byValue(g.nodes).map((d) => [g.stageNames[d.stage] ?? '', String(d.key), formatCount(d.value)]);
    const linkRows = byValue(g.links).map((l) => {
      const s = this.nodeById(l.source)!;
      const t = this.nodeById(l.target)!;
      return [
        `${g.stageNames[s.stage]}: ${String(s.key)}`,
        `${g.stageNames[t.stage]}: ${String(t.key)}`,
        formatCount(l.value),
        formatPercent(l.value / s.value),
        formatPercent(l.value / t.value),
      ];
    });
    return html`<div class="tables ${this.showTable ? 'is-shown' : ''}">
      ${renderDataTable({
        caption: `${caption}: flows`,
        shown: this.showTable,
        columns: [
          { label: 'From' },
          { label: 'To' },
          { label: 'Items', numeric: true },
          { label: 'P(to | from)', numeric: true },
          { label: 'P(from | to)', numeric: true },
        ],
        rows: linkRows,
        total: g.links.length,
      })}${renderDataTable({
        caption: `${caption}: nodes`,
        shown: this.showTable,
        columns: [{ label: 'Stage' }, { label: 'Key' }, { label: 'Items', numeric: true }],
        rows: nodeRows,
        total: g.nodes.length,
      })}
    </div>`;
  }
}

/** The `k` largest by value, largest first (ties in input order). */
function topByValue<T extends { value: number }>(xs: readonly T[], k: number): T[] {
  if (xs.length <= k) return [...xs].sort((a, b) => b.value - a.value);
  const idx = Array.from({ length: xs.length }, (_, i) => i);
  idx.sort((a, b) => xs[b].value - xs[a].value || a - b);
  return idx.slice(0, k).map((i) => xs[i]);
}

/**
 * Wraps a label in Unicode first-strong/pop isolates so a right-to-left key does not
 * reorder the count that follows it ("שלום 12", not "12 שלום").
 */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** The graph with every index mapped through `items` (positions → original item indices). */
function remapIndices(g: FlowGraph, items: Uint32Array): FlowGraph {
  const map = (ix: Uint32Array) => {
    const out = new Uint32Array(ix.length);
    for (let k = 0; k < ix.length; k++) out[k] = items[ix[k]];
    return out;
  };
  return {
    ...g,
    nodes: g.nodes.map((d) => ({ ...d, indices: map(d.indices) })),
    links: g.links.map((l) => ({ ...l, indices: map(l.indices) })),
  };
}

/** Snapshot of an input key: stage columns copied (callers may mutate them in place). */
function snapshotInput(key: unknown): unknown {
  const k = key as { input: SankeyInput | null; opts: unknown };
  if (k.input?.kind === 'stages') {
    return {
      input: {
        ...k.input,
        stages: snapshotColumns(k.input.stages),
        stageNames: k.input.stageNames ? [...k.input.stageNames] : undefined,
        items: k.input.items ? k.input.items.slice() : null,
      },
      opts: k.opts,
    };
  }
  return k.input?.kind === 'graph'
    ? { input: { kind: 'graph', graph: structuredCloneSafe(k.input.graph) }, opts: k.opts }
    : key;
}

function structuredCloneSafe<T>(v: T): T | null {
  try {
    return structuredClone(v);
  } catch {
    return null;
  }
}

/** Input keys compare by contents: stage columns element-wise, graphs structurally. */
function sameJsonInput(a: unknown, b: unknown): boolean {
  if (a == null || b == null) return false;
  const x = a as { input: SankeyInput | null; opts: unknown };
  const y = b as { input: SankeyInput | null; opts: unknown };
  if (!sameJson(x.opts, y.opts)) return false;
  if (x.input === null || y.input === null) return x.input === y.input;
  if (x.input.kind !== y.input.kind) return false;
  if (x.input.kind === 'stages' && y.input.kind === 'stages') {
    return (
      sameColumns(x.input.stages, y.input.stages) &&
      sameArray(x.input.stageNames, y.input.stageNames) &&
      sameArray(x.input.items, y.input.items) &&
      x.input.itemTotal === y.input.itemTotal
    );
  }
  return sameJson((x.input as SankeyGraphInput).graph, (y.input as SankeyGraphInput).graph);
}
