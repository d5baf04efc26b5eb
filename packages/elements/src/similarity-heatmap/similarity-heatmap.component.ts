import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  ClasslensError,
  fuzzyCMeans,
  isMatrix,
  histogram,
  pearsonSimilarityAsync,
  spearmanSimilarityAsync,
  toMatrix,
  type HclustTree,
  type HistogramBin,
  type Key,
  type Linkage,
  type Matrix,
  type MatrixLike,
  type SimilarityToDistanceMethod,
} from '@classlens/core';
import { emit, type ClChangeDetail } from '../events.js';
import { ClBaseElement } from '../internal/base-element.js';
import { AsyncTaskController } from '../internal/controllers/async-task.js';
import { MarkInteractionController } from '../internal/controllers/mark-interaction.js';
import { ResizeController } from '../internal/controllers/resize-controller.js';
import { cssProps } from '../internal/css-props.js';
import { renderDataTable } from '../internal/data-table.js';
import { canvasToPng } from '../internal/export-image.js';
import { formatCount } from '../internal/format.js';
import { sameArray, sameColumns } from '../internal/same-data.js';
import {
  axisRanges,
  CellLayer,
  cellGeometry,
  cellMaxima,
  cellPreviewKey,
  cellsUnderPixel,
  evalAllowed,
  frameSize,
  quantize,
  constrainTransform,
  fitTransform,
  GlController,
  panBy,
  parseColor,
  pickCell,
  snapTransform,
  zoomAround,
  type ActiveRenderer,
  type FallbackReason,
  type GlScene,
  type RendererChoice,
  type Transform,
} from '../internal/gl/index.js';
import { stateStyles } from '../internal/styles/states.styles.js';
import { themeStyles } from '../internal/styles/theme.styles.js';
import { displayBytes, inputBytesWithStats } from './cells.js';
import { colorDomain, colorScale, heatLut, isDiverging, type HeatmapColors, type HeatmapScale } from './color-scale.js';
import {
  looksLikeProbabilities,
  primeStats,
  statsKnown,
  readConfusion,
  readMatrix,
  describeValues,
  axisLabels,
  type HeatmapValues,
} from './input.js';
import { layoutHeatmap, type HeatmapLayout } from './layout.js';
import {
  computeOrdering,
  computeOrderingAsync,
  type ClusterAxes,
  type HeatmapOrderMode,
  type OrderOptions,
  type Ordering,
} from './order.js';
import {
  clusterSpans,
  keySpans,
  layoutDendrogram,
  mergeAt,
  starRows,
  type DendrogramLayout,
  type Span,
} from './structure.js';
import { describe, detail, findMark, markKeyOf, navigate, snapBlock, type MarkContext } from './marks.js';
import {
  collapseView,
  maskRows,
  mapPositions,
  mapSpans,
  maxRows,
  rowClasses,
  type CollapseView,
  type DisplayRows,
} from './collapse.js';
import { collapsedDescribe, collapsedDetail } from './collapse-marks.js';
import { similarityHeatmapStyles } from './similarity-heatmap.styles.js';
import {
  box,
  formatValue,
  renderBars,
  renderColDendrogram,
  renderColLabels,
  renderDendrogram,
  renderLegendBar,
  renderOverlay,
  renderRowLabels,
  type BlockMark,
  type CellMark,
  type HeatMark,
  type HeatmapViewState,
} from './view.js';

/** The similarity measure computed from `scores`. */
export type SimilarityMeasure = 'pearson' | 'spearman';

const INPUT_PROPS = [
  'matrix',
  'labels',
  'columnLabels',
  'scores',
  'measure',
  'truth',
  'predictions',
  'classes',
] as const;
const ORDER_PROPS = ['order', 'linkage', 'distance', 'optimalOrder', 'clusterAxes', 'classGroups'] as const;
const LINKAGES: readonly Linkage[] = ['single', 'complete', 'average', 'ward'];
const DISTANCES: readonly SimilarityToDistanceMethod[] = ['1-r', 'sqrt(2(1-r))', '1-|r|'];
/** Clustering at most this many classes runs in the update; more run as an async task. */
const SYNC_CLASSES = 400;
const LABEL_WIDTH = 132;
const MAX_LABEL_WIDTH = 220;
const COL_LABEL_HEIGHT = 90;
/** The row above the chart: heading and toolbar. */
const HEADER_HEIGHT = 30;
/** Largest zoom: a cell at most this many CSS pixels. */
const MAX_CELL_PX = 64;
/** A click on a dendrogram bracket waits this long for a second click (a double click zooms instead). */
const DBLCLICK_MS = 250;
const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

type Job =
  | { kind: 'scores'; scores: Matrix; measure: SimilarityMeasure; labels: Key[]; order: OrderOptions }
  | { kind: 'order'; values: HeatmapValues; order: OrderOptions };
interface JobResult {
  values: HeatmapValues;
  ordering: Ordering;
}

/**
 * A class × class heatmap at the scale of thousands of classes, after Alsallakh et al.,
 * "Do Convolutional Neural Networks Learn Class Hierarchy?" (Blocks, IEEE TVCG 2018):
 * similarities (or confusions, co-occurrences, any class × class values) reordered by
 * hierarchical clustering, so the groups a model learned show as blocks on the diagonal.
 *
 * Input, by precedence: `scores` (n samples × m classes, logits recommended) with
 * `measure` — the similarity is computed in workers with a progress bar, and restarted
 * when the input changes; else `matrix` (square or rectangular) with `labels`
 * (`columnLabels` for a rectangular one); else `truth` + `predictions` (a confusion
 * matrix, rows = truth).
 *
 * Blocks' rules it follows: complete linkage on 1 − r by default; each screen pixel shows
 * the **maximum** of the cells it covers ("visual boosting", so a block one class wide
 * stays visible among thousands); a cut-off that fades values below it; the histogram of
 * the values in the legend, and a warning when Pearson runs on probability-like scores
 * (the paper recommends logits); group boxes and labelled spans (`groups`), "star
 * pattern" ticks on rows similar to many classes outside their group, and brushing of
 * diagonal blocks and off-diagonal "split groups".
 *
 * Drawn through the shared GL layer: WebGL on hardware GL, the CPU raster (the same
 * picture) on software GL, without WebGL, under a strict CSP or past the page's context
 * budget (`renderer`, `activeRenderer`).
 *
 * Interaction: wheel or pinch zooms (down to single cells; labels appear when they fit),
 * drag pans, Shift+drag (or the Brush button) brushes a block. A click on a dendrogram
 * bracket collapses its subtree into one row and column (`collapsed`; each cell the
 * maximum of its block), a click on its triangle expands it, Shift+click selects the
 * subtree, a double click zooms onto it. Keyboard on the plot: arrows move a cell cursor
 * (PageUp/PageDown by 10, Home/End), Shift+arrows grow a block, Enter selects, Escape
 * clears, `+`/`-` zoom, `0` resets, `C` collapses the cursor row's subtree (again: the next
 * one up), `E` expands it.
 *
 * @customElement cl-similarity-heatmap
 * @summary Class × class similarity of thousands of classes, clustered into blocks.
 *
 * @fires cl-hover - A cell was hovered or reached by the keyboard (`kind: 'none'` when left). Detail: `{ kind: 'cell', keys: [rowLabel, colLabel], row, col, value, indices }`.
 * @fires cl-select - A cell was clicked, or a block brushed or chosen on the dendrogram (`kind: 'none'` when cleared). Detail: `{ kind: 'block', keys, classes, rows?, cols?, value, indices }` with input indices.
 * @fires cl-change - The cut-off slider moved (`{ name: 'cutoff', value }`), or a subtree was collapsed or expanded (`{ name: 'collapsed', value: count, ids }`).
 * @fires cl-error - The input was rejected; the chart shows the error. Detail: `{ code, message }`.
 * @fires cl-warning - Pearson on probability-like scores, classes with constant scores (NaN similarity), a renderer fallback, or `collapsed` ids that do not apply. Detail: `{ code, message, count? }`.
 *
 * @csspart plot - The drawing surface; at zoom 1 it covers exactly the matrix, cell (i, j) of the display order at row i, column j.
 * @csspart dendrogram - The dendrogram beside the rows.
 * @csspart label - Row and column labels.
 * @csspart legend - The colour legend with the value histogram and the cut-off slider.
 * @csspart toolbar - Zoom and brush buttons.
 * @csspart heading - The visible title (`heading`).
 * @csspart tooltip - The tooltip.
 * @csspart progress - The progress bar while computing.
 * @csspart table - The data-table alternative.
 * @csspart error - The error state.
 * @csspart empty - The empty state.
 *
 * @cssproperty [--cl-heatmap-low=#f4f7fb] - Sequential scale, lowest value.
 * @cssproperty [--cl-heatmap-high=#08306b] - Sequential scale, highest value.
 * @cssproperty [--cl-heatmap-negative=#2166ac] - Diverging scale, most negative value.
 * @cssproperty [--cl-heatmap-neutral=#f7f7f7] - Diverging scale, zero.
 * @cssproperty [--cl-heatmap-positive=#b2182b] - Diverging scale, most positive value.
 * @cssproperty [--cl-heatmap-nan=#c9ced6] - Cells with no data (NaN, e.g. a constant score column).
 * @cssproperty [--cl-heatmap-group-stroke=var(--cl-color-fg)] - Group boxes.
 * @cssproperty [--cl-heatmap-selection=var(--cl-color-accent)] - Brushed and selected blocks.
 * @cssproperty [--cl-heatmap-star=#d1242f] - Star-pattern row ticks.
 * @cssproperty [--cl-heatmap-dendrogram=var(--cl-color-muted)] - Dendrogram lines.
 * @cssproperty [--cl-heatmap-collapsed=var(--cl-color-fg)] - Collapsed subtrees: their triangles, outlines and label ticks.
 * @cssproperty [--cl-palette-0=#4269d0] - First of twenty group colours (`--cl-palette-0` … `-19`).
 * @cssproperty [--cl-font-family=system-ui] - Font.
 */
export class ClSimilarityHeatmap extends ClBaseElement {
  static override styles = [themeStyles, stateStyles, similarityHeatmapStyles];

  /** Class × class values (square, or rows ≠ columns): a `Matrix` or `number[][]`. NaN is "no data". */
  @property({ attribute: false }) matrix: MatrixLike | null | undefined = undefined;

  /** Class labels (rows, and columns of a square matrix); default `0 … n − 1`. */
  @property({ attribute: false }) labels: ArrayLike<Key> | null | undefined = undefined;

  /** Column labels of a rectangular matrix. */
  @property({ attribute: false }) columnLabels: ArrayLike<Key> | null | undefined = undefined;

  /** n samples × m classes of scores (logits recommended): the similarity of their columns is drawn. */
  @property({ attribute: false }) scores: MatrixLike | null | undefined = undefined;

  /**
   * Similarity of `scores`: `pearson` (default; Blocks recommends it on logits) or
   * `spearman` — Blocks' rank correlation: each sample's class scores ranked 1 … m, then
   * Pearson across samples (core's `spearmanSimilarity(scores, { rank: 'within-sample' })`),
   * so logits and probabilities give the same matrix.
   */
  @property({ reflect: true }) measure: SimilarityMeasure = 'pearson';

  /** True labels, with `predictions`: a confusion matrix (rows: truth). */
  @property({ attribute: false }) truth: ArrayLike<Key> | null | undefined = undefined;

  /** Predicted labels, with `truth`. */
  @property({ attribute: false }) predictions: ArrayLike<Key> | null | undefined = undefined;

  /** Classes of the confusion matrix, in order (default: sorted union of truth and predictions). */
  @property({ attribute: false }) classes: ArrayLike<Key> | null | undefined = undefined;

  /**
   * Order of rows and columns: `cluster` (hierarchical clustering, default), `input`,
   * `groups` (by `classGroups`), or a permutation (input indices in display order).
   */
  @property({ converter: { fromAttribute: (v: string | null) => v ?? 'cluster' } }) order:
    HeatmapOrderMode | readonly number[] = 'cluster';

  /** Linkage of the clustering: `complete` (default, as Blocks and R's `hclust`), `average`, `single`, `ward`. */
  @property({ reflect: true }) linkage: Linkage = 'complete';

  /** Correlation → distance: `1-r` (default), `sqrt(2(1-r))`, `1-|r|` (core's `similarityToDistance`). */
  @property({ reflect: true }) distance: SimilarityToDistanceMethod = '1-r';

  /** Reorder the leaves optimally (Bar-Joseph et al. 2001) after clustering. */
  @property({ type: Boolean, attribute: 'optimal-order', reflect: true }) optimalOrder = false;

  /** Rectangular matrices: which axes to cluster (`none`, `rows`, `columns`, `both`). */
  @property({ attribute: 'cluster-axes', reflect: true }) clusterAxes: ClusterAxes = 'none';

  /** A group key per class (e.g. a taxonomy level): a side bar, labelled spans, and `order="groups"`. */
  @property({ attribute: false }) classGroups: ArrayLike<Key> | null | undefined = undefined;

  /** Cut the dendrogram into this many groups (`cutTree`): a side bar, boxes on the diagonal, labelled spans. 0: none. */
  @property({ type: Number, reflect: true }) groups = 0;

  /** Fuzzy c-means "failed" groups: this many overlapping groups of the rows, as membership bars. 0: none. */
  @property({ type: Number, attribute: 'fuzzy-groups', reflect: true }) fuzzyGroups = 0;

  /** Colour scale: `auto` (diverging for correlations, else sequential), `sequential`, `diverging`. */
  @property({ reflect: true }) scale: HeatmapScale = 'auto';

  /** Colour domain `[min, max]` (default from the data: `[−1, 1]` for correlations). */
  @property({ attribute: false }) domain: readonly number[] | null | undefined = undefined;

  /** Fade values below this threshold (Blocks' cut-off slider); `null` or NaN: none. */
  @property({ type: Number, reflect: true }) cutoff: number | null = null;

  /** Show the legend (colour scale, value histogram, cut-off slider). */
  @property({ type: Boolean, reflect: true }) legend = true;

  /** Show the dendrogram when the rows are clustered. */
  @property({ type: Boolean, reflect: true }) dendrogram = true;

  /** Drag brushes blocks instead of panning (Shift+drag always brushes). */
  @property({ type: Boolean, reflect: true }) brush = false;

  /** Show the data table under the chart (it is always available to screen readers). */
  @property({ type: Boolean, attribute: 'show-table', reflect: true }) showTable = false;

  /**
   * Collapsed subtrees of the rows' dendrogram, as SciPy node ids (`n + k` for merge k of
   * `tree.merges`; stable for the same data and clustering options). Each is drawn as one
   * row (and, the matrix being square, one column; a rectangular matrix clustered by rows
   * keeps its columns) whose cells are the maxima of their blocks. An id inside another collapsed subtree waits until that one expands; ids that
   * are no merge of the tree are ignored (`cl-warning` `COLLAPSE_IGNORED`). A new tree (new
   * data or clustering options) clears it, unless it was set in the same update. A click
   * on a bracket sets it, with `cl-change` `{ name: 'collapsed', value: count, ids }`.
   */
  @property({ attribute: false }) collapsed: readonly number[] | null | undefined = undefined;

  /** Renderer: `auto` (default), `webgl` or `canvas` (the CPU raster). */
  @property({ reflect: true }) renderer: RendererChoice = 'auto';

  // ——— derived state ———
  private values: HeatmapValues | null = null;
  private ordering: Ordering | null = null;
  /** The ordering is a placeholder (input order) while clustering runs. */
  private ordering_pending = false;
  private rowPos = new Int32Array(0);
  private colPos = new Int32Array(0);
  private readonly cellLayer = new CellLayer();
  private colorDomain_: [number, number] = [0, 1];
  /** The value range the cell bytes cover (see {@link derive}). */
  private byteRange: [number, number] = [-1, 1];
  private histFor: HeatmapValues | null = null;
  private diverging = false;
  private color: (v: number) => string = () => '#000';
  private heatColors: HeatmapColors | null = null;
  private hist: HistogramBin[] = [];
  private dend: DendrogramLayout | null = null;
  private clusterGroups: { groupOf: Int32Array; spans: Span[] } | null = null;
  private keyGroups: { groupOf: Int32Array; spans: Span[]; keys: Key[] } | null = null;
  private stars: number[] = [];
  private starSet = new Set<number>();
  private fuzzy: { memberships: Matrix; k: number; image: ImageData | null } | null = null;
  private layout_: HeatmapLayout | null = null;
  private view: Transform = { sx: 1, sy: 1, tx: 0, ty: 0 };
  private viewKey = '';
  private bytesKey = '';
  private lutKey = '';
  private nanClasses = 0;
  private anyNaN = false;
  /** Visible notes for what `cl-warning` reported (probability-like scores, NaN classes). */
  private notes: string[] = [];
  private tableCache: { key: string; rows: string[][] } | null = null;
  private lastInputKey: unknown = null;

  // ——— interaction state ———
  private drag: {
    id: number;
    x: number;
    y: number;
    mode: 'pan' | 'brush';
    moved: boolean;
    start: CellMark | null;
  } | null = null;
  private pointers = new Map<number, { x: number; y: number }>();
  private pinch: { d: number; x: number; y: number } | null = null;
  private brushRect: BlockMark | null = null;
  private anchor: CellMark | null = null;
  private dendroSelected = -1;
  private panning = false;
  /** What is drawn while subtrees are collapsed (`null`: the full matrix). */
  private collapse: CollapseView | null = null;
  private collapseKey = '';
  /** The tree the `collapsed` ids belong to (`null`: bound to the next tree). */
  private collapseTree: HclustTree | null = null;
  private clickTimer: ReturnType<typeof setTimeout> | undefined = undefined;

  private readonly size = new ResizeController(this);
  private readonly gl = new GlController(this, {
    renderer: () => this.renderer,
    scene: () => this.scene(),
  });
  private readonly task = new AsyncTaskController<[Job], JobResult>(
    this,
    ([job], { signal, onProgress }) => this.runJob(job, signal, onProgress),
    {
      onComplete: (r) => this.applyResult(r),
      onError: (e) => this.showError(e),
    },
  );
  private readonly interaction = new MarkInteractionController<HeatMark>(this, {
    key: (m) => markKeyOf(this.markContext(), m),
    find: (key) => findMark(this.markContext(), key),
    detail: (m) =>
      this.collapse ? collapsedDetail(this.fullContext(), this.collapse, m) : detail(this.markContext(), m),
    navigate: (from, key) => navigate(this.markContext(), from, key),
    describe: (m) =>
      this.collapse ? collapsedDescribe(this.fullContext(), this.collapse, m) : describe(this.markContext(), m),
    anchor: (m) => this.anchorOf(m),
    size: () => ({ width: this.size.width || this.clientWidth, height: this.size.height || this.clientHeight }),
  });

  // ——— public read-only state ———

  /** What draws now: `webgl` or `canvas`. */
  get activeRenderer(): ActiveRenderer {
    return this.gl.activeRenderer;
  }

  /** Why the CPU raster draws instead of WebGL (`null` while WebGL draws). */
  get rendererReason(): FallbackReason | null {
    return this.gl.fallbackReason;
  }

  /** Input indices of the rows in display order (the dendrogram's leaves). Empty before the first order. */
  get leafOrder(): number[] {
    return this.ordering ? [...this.ordering.rows] : [];
  }

  /**
   * The rows drawn, top to bottom: the input indices of each row's classes — one class,
   * or all the classes of a collapsed subtree in display order (`leafOrder` keeps every
   * class; this follows `collapsed`). Empty before the first order.
   */
  get displayRows(): number[][] {
    const o = this.ordering;
    if (!o) return [];
    const c = this.collapse;
    return c ? Array.from({ length: c.rows.count }, (_, d) => rowClasses(o.rows, c.rows, d)) : o.rows.map((i) => [i]);
  }

  /** Input indices of the columns in display order (= `leafOrder` for a square matrix). */
  get columnOrder(): number[] {
    return this.ordering ? [...this.ordering.cols] : [];
  }

  /** The values drawn, in input order (computed similarities for `scores`), or `null`. */
  get similarity(): Matrix | null {
    const v = this.values;
    return v ? { rows: v.rows, cols: v.cols, data: v.data } : null;
  }

  /** The dendrogram of the rows (SciPy's linkage convention), or `null` when not clustered. */
  get tree(): HclustTree | null {
    return this.ordering?.rowTree ?? null;
  }

  /** The colour domain in effect. */
  get colorRange(): [number, number] {
    return [...this.colorDomain_];
  }

  /** `cutTree` groups of the input classes (`groups` > 0), or `null`. */
  get groupOf(): Int32Array | null {
    return this.clusterGroups ? this.clusterGroups.groupOf.slice() : null;
  }

  /** Display rows with a star pattern (see the class docs). */
  get starRows(): number[] {
    return [...this.stars];
  }

  /** `true` while a similarity or clustering task runs. */
  get computing(): boolean {
    return this.task.pending;
  }

  /** The visible part of the matrix: display rows and columns `[first, last]`, and the zoom factor. */
  get viewport(): { rows: [number, number]; cols: [number, number]; zoom: number } {
    const v = this.drawn?.values;
    const L = this.layout_;
    if (!v || !L) return { rows: [0, -1], cols: [0, -1], zoom: 1 };
    const t = this.view;
    const fit = fitTransform({ x0: 0, y0: 0, x1: v.cols, y1: v.rows }, L.plot.w, L.plot.h);
    const r0 = Math.max(0, Math.floor(-t.ty / t.sy));
    const r1 = Math.min(v.rows - 1, Math.ceil((L.plot.h - t.ty) / t.sy) - 1);
    const c0 = Math.max(0, Math.floor(-t.tx / t.sx));
    const c1 = Math.min(v.cols - 1, Math.ceil((L.plot.w - t.tx) / t.sx) - 1);
    return { rows: [r0, r1], cols: [c0, c1], zoom: t.sx / fit.sx };
  }

  // ——— lifecycle ———

  private running: Promise<unknown> | null = null;

  /** Resolves once the update and any similarity or clustering task it started are done (so the ordered matrix is drawn). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.task.pending && this.running) {
      await this.running;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const inputChanged = INPUT_PROPS.some((p) => changed.has(p)) || !this.hasUpdated;
    const orderChanged = ORDER_PROPS.some((p) => changed.has(p));
    if (inputChanged) this.readInput();
    else if (orderChanged && this.values) this.reorder(this.values);
    if (this.values && this.ordering) {
      // Statistics of a caller's matrix are read here (lazily, in the first quantization
      // pass): a ±Infinity surfaces now, as a coded error.
      const ok = this.guard(() => {
        this.updateCollapse(changed);
        this.derive(changed);
      });
      if (!ok) {
        this.task.abort();
        this.values = null;
        this.ordering = null;
        this.lastInputKey = null;
      }
    }
  }

  /** Reads the input; starts the async task for `scores`. */
  private readInput(): void {
    const key = this.inputKey();
    if (this.lastInputKey !== null && sameInputKey(key, this.lastInputKey) && (this.values || this.task.pending))
      return;
    this.lastInputKey = key;
    this.resetWarnings();
    const ok = this.guard(() => {
      if (this.scores != null) {
        const scores = toMatrix(this.scores, { name: 'scores', allowEmpty: false });
        const labels = axisLabels(this.labels, scores.cols, 'labels');
        const measure: SimilarityMeasure = this.measure === 'spearman' ? 'spearman' : 'pearson';
        this.notes = [];
        if (measure === 'pearson' && looksLikeProbabilities(scores)) {
          this.notes.push('⚠ These scores look like probabilities: Blocks recommends logits for Pearson');
          this.warn(
            'PROBABILITIES',
            'scores look like probabilities (each row sums to 1): Pearson correlations of softmax outputs are dominated by the few large values; pass logits (Blocks, Alsallakh et al. 2018)',
          );
        }
        this.values = null;
        this.ordering = null;
        this.running = this.task.run({ kind: 'scores', scores, measure, labels, order: this.orderOptions() });
        return;
      }
      this.task.abort();
      this.notes = [];
      let v: HeatmapValues | null = null;
      if (this.matrix != null) v = readMatrix(this.matrix, this.labels, this.columnLabels);
      else if (this.truth != null && this.predictions != null)
        v = readConfusion(this.truth, this.predictions, this.classes);
      this.values = v;
      this.ordering = null;
      if (v) this.reorder(v);
    });
    if (!ok) {
      this.task.abort();
      this.values = null;
      this.ordering = null;
      this.lastInputKey = null;
    }
  }

  private inputKey(): unknown {
    return [
      this.matrix,
      this.labels,
      this.columnLabels,
      this.scores,
      this.measure,
      this.truth,
      this.predictions,
      this.classes,
    ];
  }

  private orderOptions(): OrderOptions {
    const o = this.order;
    const groups = this.classGroups != null ? Array.from(this.classGroups) : null;
    return {
      mode: o === 'input' || o === 'groups' ? o : 'cluster',
      permutation: Array.isArray(o) || ArrayBuffer.isView(o) ? Array.from(o as ArrayLike<number>) : null,
      groups,
      linkage: LINKAGES.includes(this.linkage) ? this.linkage : 'complete',
      distance: DISTANCES.includes(this.distance) ? this.distance : '1-r',
      optimal: !!this.optimalOrder,
      axes: (['none', 'rows', 'columns', 'both'] as const).includes(this.clusterAxes) ? this.clusterAxes : 'none',
    };
  }

  /** Orders `v`: in the update for small matrices, else as a task (input order meanwhile). */
  private reorder(v: HeatmapValues): void {
    this.guard(() => {
      const o = this.orderOptions();
      const needsTask =
        o.mode === 'cluster' && !o.permutation && v.rows > SYNC_CLASSES && (v.rows === v.cols || o.axes !== 'none');
      if (!needsTask) {
        this.task.abort();
        this.setOrdering(v, computeOrdering(v, o), false);
        return;
      }
      // Draw the input order at once; the clustered order replaces it when ready.
      this.setOrdering(v, computeOrdering(v, { ...o, mode: 'input' }), true);
      this.running = this.task.run({ kind: 'order', values: v, order: o });
    });
  }

  private async runJob(job: Job, signal: AbortSignal, onProgress: (f: number) => void): Promise<JobResult> {
    if (job.kind === 'order') {
      // The input order is drawn first: the clustering's synchronous start (symmetry check,
      // distances, the copy to the workers: ~100 ms at 2,000²) waits until it is on screen.
      await afterPaint();
      signal.throwIfAborted();
      return { values: job.values, ordering: await computeOrderingAsync(job.values, job.order, signal, onProgress) };
    }
    const share = 0.75;
    const opts = { signal, onProgress: (f: number) => onProgress(f * share) };
    // Blocks' Spearman ranks each sample's class scores, then correlates classes across
    // samples (core's `rank: 'within-sample'`), not SciPy's per-class ranks.
    const sim =
      job.measure === 'spearman'
        ? await spearmanSimilarityAsync(job.scores, { ...opts, rank: 'within-sample' })
        : await pearsonSimilarityAsync(job.scores, opts);
    const d = describeValues(sim.rows, sim.cols, sim.data, 'similarity');
    const values: HeatmapValues = {
      kind: 'scores',
      rows: sim.rows,
      cols: sim.cols,
      data: sim.data,
      rowLabels: job.labels,
      colLabels: job.labels,
      ...d,
      symmetric: true,
      correlation: true,
    };
    const ordering = await computeOrderingAsync(values, job.order, signal, (f) => onProgress(share + (1 - share) * f));
    return { values, ordering };
  }

  private applyResult(r: JobResult): void {
    this.clearError();
    this.values = r.values;
    this.setOrdering(r.values, r.ordering, false);
    this.requestUpdate();
  }

  private setOrdering(v: HeatmapValues, o: Ordering, pending: boolean): void {
    if (this.collapse) {
      // Marks are positions of the collapsed rows: read them back onto the full order first.
      this.remapMarks(this.collapse, null);
      this.collapse = null;
      this.collapseKey = '';
    }
    const had = this.ordering;
    const keepMarks = had !== null && this.values === v;
    const prev = keepMarks ? this.markIdentities() : null;
    this.ordering = o;
    this.orderToken++;
    this.ordering_pending = pending;
    this.rowPos = new Int32Array(v.rows);
    o.rows.forEach((i, r) => (this.rowPos[i] = r));
    this.colPos = new Int32Array(v.cols);
    o.cols.forEach((j, c) => (this.colPos[j] = c));
    this.dend = o.rowTree ? layoutDendrogram(o.rowTree) : null;
    this.dendroSelected = -1;
    this.bytesKey = '';
    this.fuzzy = null;
    this.clusterGroups = null;
    this.keyGroups = null;
    if (prev) this.restoreMarks(prev);
    else this.interaction.reset();
  }

  /** The values and order drawn: the display matrix of collapsed subtrees, else the full ones. */
  private get drawn(): { values: HeatmapValues; ordering: Ordering } | null {
    if (!this.values || !this.ordering) return null;
    return this.collapse ?? { values: this.values, ordering: this.ordering };
  }

  private collapseOn: Ordering | null = null;
  /** Counts orders set (the data table's cache key). */
  private orderToken = 0;

  /**
   * Rebuilds the collapsed view when `collapsed`, the values or the order changed (block
   * maxima in O(n²) typed-array passes; the clustering is not recomputed). Ids belong to
   * the tree they were set for: a new tree clears them unless they were set with it.
   */
  private updateCollapse(changed: PropertyValues): void {
    const v = this.values!;
    const o = this.ordering!;
    const tree = this.ordering_pending ? null : o.rowTree;
    if (changed.has('collapsed')) this.collapseTree = null;
    else if (tree && this.collapseTree && tree !== this.collapseTree && this.collapsed?.length) this.collapsed = [];
    if (tree) this.collapseTree = tree;
    const c = this.collapsed;
    const list = c != null && typeof c.length === 'number' ? Array.from(c, Number) : [];
    const key = `${this.ordering_pending}|${list.join(',')}`;
    // A new order (setOrdering) drops the collapsed view and the key: same key and order, same view.
    if (key === this.collapseKey && this.collapseOn === o) return;
    this.collapseKey = key;
    this.collapseOn = o;
    const next = tree && list.length ? collapseView(v, o, this.dend, list) : null;
    if (list.length && !this.ordering_pending) {
      const n = v.rows;
      const bad = tree ? list.filter((id) => !(Number.isInteger(id) && id >= n && id < 2 * n - 1)) : list;
      if (bad.length) {
        this.warn(
          'COLLAPSE_IGNORED',
          tree
            ? `collapsed: ${bad.slice(0, 5).join(', ')} ${bad.length === 1 ? 'is' : 'are'} no merge of the tree (ids ${n} … ${2 * n - 2})`
            : 'collapsed: the rows have no dendrogram (order "cluster"; a rectangular matrix needs cluster-axes "rows" or "both")',
        );
      }
    }
    if (next === null && this.collapse === null) return;
    this.remapMarks(this.collapse, next);
    this.collapse = next;
    this.bytesKey = '';
  }

  /** Keeps hover, cursor and selection on the same classes when rows collapse or expand. */
  private remapMarks(prev: CollapseView | null, next: CollapseView | null): void {
    const axis = (p: DisplayRows | undefined, q: DisplayRows | undefined) => ({
      first: (r: number) => (p ? p.start[r] : r),
      last: (r: number) => (p ? p.start[r + 1] - 1 : r),
      to: (x: number) => (q ? q.rowOf[x] : x),
    });
    const R = axis(prev?.rows, next?.rows);
    const C = axis(prev?.cols, next?.cols);
    const map = (m: HeatMark | null): HeatMark | null =>
      !m
        ? null
        : m.kind === 'cell'
          ? { kind: 'cell', r: R.to(R.first(m.r)), c: C.to(C.first(m.c)) }
          : {
              kind: 'block',
              r0: R.to(R.first(m.r0)),
              r1: R.to(R.last(m.r1)),
              c0: C.to(C.first(m.c0)),
              c1: C.to(C.last(m.c1)),
            };
    const it = this.interaction;
    it.hovered = null;
    it.focused = map(it.focused);
    it.selected = map(it.selected);
  }

  /**
   * `highlight` over the rows drawn: a collapsed row is lit when any of its classes is. A
   * rectangular matrix's columns are not classes: none is dimmed while its rows collapse.
   */
  private displayMask(mask: Uint8Array, c: CollapseView): Uint8Array {
    const rows = maskRows(mask, this.ordering!.rows, c.rows);
    if (c.cols === c.rows) return rows;
    const out = new Uint8Array(Math.max(rows.length, c.cols.count)).fill(1);
    out.set(rows);
    return out;
  }

  /** Collapses subtree `id` (a SciPy node id) or, drawn collapsed, expands it; emits `cl-change`. */
  private toggleNode(id: number): void {
    const cur = this.collapsed != null ? Array.from(this.collapsed, Number) : [];
    const open = this.collapse?.nodes.includes(id) ?? false;
    const next = open ? cur.filter((x) => x !== id) : [...cur.filter((x) => x !== id), id];
    this.collapsed = next;
    emit<ClChangeDetail>(this, 'cl-change', { name: 'collapsed', value: next.length, ids: [...next] });
  }

  /** `C` on the plot: collapse the cursor row into its parent subtree (again: the next one up); `E`: expand it. */
  private keyCollapse(collapse: boolean): boolean {
    const f = this.interaction.focused;
    const L = this.dend;
    const tree = this.ordering_pending ? null : this.ordering?.rowTree;
    if (!f || f.kind !== 'cell' || !L || !tree) return false;
    const c = this.collapse;
    if (!collapse) {
      const id = c ? c.rows.node[f.r] : -1;
      if (id >= 0) this.toggleNode(id);
      return id >= 0;
    }
    const a = c ? c.rows.start[f.r] : f.r;
    const b = c ? c.rows.start[f.r + 1] - 1 : f.r;
    // Merges come children first: the first one strictly around [a, b] is its parent.
    for (let k = 0; k < L.lo.length; k++) {
      if (L.lo[k] <= a && L.hi[k] >= b && L.hi[k] - L.lo[k] > b - a) {
        this.toggleNode(tree.order.length + k);
        return true;
      }
    }
    return false;
  }

  /** Classes whose similarity to themselves is NaN (constant scores): counted, noted and warned about once. */
  private checkNanClasses(v: HeatmapValues): void {
    this.nanClasses = 0;
    if (v.nanCount === 0 || v.rows !== v.cols) return;
    let nan = 0;
    for (let i = 0; i < v.rows; i++) if (v.data[i * v.cols + i] !== v.data[i * v.cols + i]) nan++;
    this.nanClasses = nan;
    if (nan === 0) return;
    const note = `${nan} ${nan === 1 ? 'class has' : 'classes have'} constant scores: no similarity (grey)`;
    if (!this.notes.includes(note)) this.notes.push(note);
    this.warn(
      'NAN_CLASSES',
      `${nan} ${nan === 1 ? 'class has' : 'classes have'} no similarity (constant scores): drawn as "no data" and clustered last`,
      nan,
    );
  }

  /** Remember hover/focus/selection by input class indices across a reorder. */
  private markIdentities() {
    const o = this.ordering!;
    const cellOf = (m: HeatMark | null) => (m && m.kind === 'cell' ? { row: o.rows[m.r], col: o.cols[m.c] } : null);
    return { focused: cellOf(this.interaction.focused), selected: this.interaction.selected };
  }

  private restoreMarks(prev: ReturnType<ClSimilarityHeatmap['markIdentities']>): void {
    const it = this.interaction;
    it.hovered = null;
    it.focused = prev.focused
      ? { kind: 'cell', r: this.rowPos[prev.focused.row], c: this.colPos[prev.focused.col] }
      : null;
    if (prev.selected && prev.selected.kind === 'block') it.selected = null;
  }

  /** Everything drawn that follows from values + order + settings, recomputed only when its inputs change. */
  private derive(changed: PropertyValues): void {
    const v = this.values!;
    const o = this.ordering!;
    // Groups.
    const k = Number.isFinite(this.groups) ? Math.floor(this.groups) : 0;
    if (!this.clusterGroups || changed.has('groups') || changed.has('classGroups')) {
      const named =
        this.classGroups != null && this.classGroups.length === v.rows ? Array.from(this.classGroups) : null;
      this.clusterGroups =
        o.rowTree && k > 1 && v.rows > 1 ? clusterSpans(o.rowTree, Math.min(k, v.rows), v.rowLabels, named) : null;
      this.starsKey = '';
    }
    if (this.classGroups != null && (!this.keyGroups || changed.has('classGroups'))) {
      if (this.classGroups.length !== v.rows) {
        throw new ClasslensError(
          'LENGTH_MISMATCH',
          `classGroups: ${this.classGroups.length} groups for ${v.rows} classes`,
        );
      }
      this.keyGroups = keySpans(o.rows, Array.from(this.classGroups));
      this.starsKey = '';
    } else if (this.classGroups == null) this.keyGroups = null;
    const fk = Number.isFinite(this.fuzzyGroups) ? Math.floor(this.fuzzyGroups) : 0;
    if (fk >= 2 && v.rows >= fk && (!this.fuzzy || this.fuzzy.k !== fk)) {
      const rows: Matrix = { rows: v.rows, cols: v.cols, data: nanToZero(v.data) };
      this.fuzzy = {
        memberships: fuzzyCMeans(rows, fk, { seed: 1, maxIterations: 100 }).memberships,
        k: fk,
        image: null,
      };
    } else if (fk < 2) this.fuzzy = null;
    // Layout and view.
    const w = this.size.width || this.clientWidth;
    const h = (this.size.height || this.clientHeight) - HEADER_HEIGHT - (this.legend ? (this.keyGroups ? 112 : 84) : 0);
    const barColumns = (this.clusterGroups ? 1 : 0) + (this.keyGroups ? 1 : 0) + (this.fuzzy ? this.fuzzy.k : 0);
    // Collapsed subtrees: the display matrix is laid out and drawn, the full one read.
    const dv = this.collapse?.values ?? v;
    const dOrd = this.collapse?.ordering ?? o;
    let chars = 1;
    // Measured on the full labels, with room for a collapsed band's " +k" where subtrees can
    // collapse: collapsing never resizes the plot.
    for (let j = 0; j < Math.min(v.cols, 5000); j++) chars = Math.max(chars, String(v.colLabels[j]).length);
    if (o.rowTree && v.rows === v.cols) chars += 2 + String(v.rows - 1).length;
    const layoutInput = {
      width: w,
      height: Math.max(0, h),
      rows: dv.rows,
      cols: dv.cols,
      dendrogram: !!this.dendrogram && !!o.rowTree,
      colDendrogram: !!this.dendrogram && !!o.colTree && v.rows !== v.cols,
      barColumns,
      labelWidth: LABEL_WIDTH,
      // Room for whole labels when they show at zoom 1; else a shorter strip (labels of a
      // zoomed view are truncated; rows and tooltips carry them in full).
      colLabelHeight: Math.min(v.cols <= 60 ? COL_LABEL_HEIGHT : 58, Math.round(14 + 6.2 * Math.min(chars, 12))),
    };
    this.layout_ = layoutHeatmap(layoutInput);
    // Spare width goes to the row labels.
    const spare = w - (this.layout_.rowLabels.x + this.layout_.rowLabels.w);
    if (spare > 0)
      this.layout_ = layoutHeatmap({ ...layoutInput, labelWidth: Math.min(MAX_LABEL_WIDTH, LABEL_WIDTH + spare) });
    this.colDend =
      o.colTree && v.rows !== v.cols
        ? this.colDend?.tree === o.colTree
          ? this.colDend
          : { tree: o.colTree, L: layoutDendrogram(o.colTree) }
        : null;
    const P = this.layout_.plot;
    const vKey = `${dv.rows}x${dv.cols}|${P.w}x${P.h}`;
    if (vKey !== this.viewKey) {
      this.viewKey = vKey;
      this.view = this.fit();
    }
    // Cell bytes. Values are quantized over a byte range, the colour domain is applied by
    // the colour table: correlations over [−1, 1] (so a domain change never re-reads the
    // matrix), other values over their range, a caller's `domain` over itself.
    const user = validDomain(this.domain);
    const known = v.kind === 'scores' || statsKnown(v);
    const rangeOf = (): [number, number] => user ?? (v.correlation ? [-1, 1] : finiteRange(v.min, v.max));
    const layer = this.cellLayer;
    if (
      this.bytesKey === '' ||
      layer.rows !== dv.rows ||
      layer.cols !== dv.cols ||
      (known && this.bytesKey !== String(rangeOf()))
    ) {
      const out = layer.cells.length === dv.rows * dv.cols ? layer.cells : new Uint8Array(dv.rows * dv.cols);
      if (!this.firstFrameFromValues(dv, dOrd, known, rangeOf, out)) this.quantizeCells(dv, dOrd, known, user, out);
      this.bytesKey = String(this.byteRange);
      this.lutKey = '';
      this.anyNaN = v.nanCount > 0;
      this.checkNanClasses(v);
    }
    // Colours.
    const kind: HeatmapScale = (['auto', 'sequential', 'diverging'] as const).includes(this.scale)
      ? this.scale
      : 'auto';
    this.diverging = isDiverging(kind, v);
    const dom = colorDomain(v, this.diverging, this.domain);
    if (dom[0] !== this.colorDomain_[0] || dom[1] !== this.colorDomain_[1] || this.histFor !== v) {
      this.colorDomain_ = dom;
      this.histFor = v;
      this.scheduleHistogram(v, dom);
    }
    const colors = this.readColors();
    const cutoff = this.cutoff != null && Number.isFinite(this.cutoff) ? this.cutoff : null;
    const lKey = `${JSON.stringify(colors)}|${cutoff}|${this.diverging}|${dom}|${this.byteRange}`;
    if (lKey !== this.lutKey) {
      this.heatColors = colors;
      this.color = colorScale(this.diverging, dom, colors);
      this.cellLayer.setLut(heatLut(this.color, this.byteRange, colors, cutoff));
      this.lutKey = lKey;
    }
    const spans = this.clusterGroups?.spans ?? this.keyGroups?.spans ?? null;
    const sKey = `${spans?.length}|${cutoff}|${dom}`;
    if (sKey !== this.starsKey) {
      this.starsKey = sKey;
      const threshold = cutoff ?? (v.correlation ? 0.5 : dom[0] + 0.5 * (dom[1] - dom[0]));
      this.stars = spans && v.symmetric ? starRows(v.data, v.cols, o.rows, o.cols, spans, threshold) : [];
      this.starSet = new Set(this.stars);
    }
  }

  /**
   * The first frame on the CPU raster, straight from the values (`cellMaxima`): one pass
   * takes each screen pixel's block maximum and the statistics of every value (the colour
   * domain needs them), so only the reduced image is quantized and coloured before the
   * first paint. The cell bytes (zoom, pan strips, hover, WebGL) are made after it, in
   * chunks ({@link scheduleCells}), or at once by whatever reads them first. Returns
   * `false` where it does not apply (WebGL draws, or the view does not show every cell).
   */
  private firstFrameFromValues(
    v: HeatmapValues,
    o: Ordering,
    known: boolean,
    rangeOf: () => [number, number],
    out: Uint8Array,
  ): boolean {
    const P = this.layout_?.plot;
    if (this.gl.activeRenderer !== 'canvas' || !P || P.w <= 0 || P.h <= 0 || v.rows === 0 || v.cols === 0) return false;
    const size = frameSize({ width: P.w, height: P.h, background: [0, 0, 0, 255], transform: this.view, layers: [] });
    const g = cellGeometry(
      { rows: v.rows, cols: v.cols, rect: { x0: 0, y0: 0, x1: v.cols, y1: v.rows } },
      this.view,
      size.ratio,
    );
    const x = axisRanges(v.cols, g.originX, g.pxX, size.width);
    const y = axisRanges(v.rows, g.originY, g.pxY, size.height);
    // WebAssembly compiles only where eval may (a strict CSP would refuse it, and report it).
    const wasm = evalAllowed(this.ownerDocument);
    const m = cellMaxima({ rows: v.rows, cols: v.cols, data: v.data, rowOrder: o.rows, colOrder: o.cols }, x, y, {
      wasm,
    });
    if (!m) return false;
    if (!known) {
      // ±Infinity: the same coded error, naming the first, as the statistics pass throws.
      if (m.min === -Infinity || m.max === Infinity) describeValues(v.rows, v.cols, v.data, 'matrix');
      const finite = m.min <= m.max;
      primeStats(v, {
        min: m.min,
        max: m.max,
        nanCount: m.nanCount,
        correlation: finite && m.min >= -1 - 1e-9 && m.max <= 1 + 1e-9,
      });
    }
    const [lo, hi] = rangeOf();
    const rows = o.rows;
    const cols = o.cols;
    this.cellLayer.setLazyCells(v.rows, v.cols, out, (r0, r1) =>
      displayBytes(v, rows, cols, lo, hi, out, r0, r1, wasm),
    );
    this.cellLayer.preview = { key: cellPreviewKey(g, size.width, size.height), bytes: quantize(m.pixels, lo, hi) };
    this.byteRange = [lo, hi];
    this.scheduleCells();
    return true;
  }

  /** All cell bytes before the first frame (WebGL draws them as a texture). */
  private quantizeCells(
    v: HeatmapValues,
    o: Ordering,
    known: boolean,
    user: [number, number] | null,
    out: Uint8Array,
  ): void {
    const identity = isIdentity(o.rows) && isIdentity(o.cols);
    let range: [number, number] = user ?? (!known || v.correlation ? [-1, 1] : finiteRange(v.min, v.max));
    let bytes: Uint8Array;
    if (!known && identity) {
      // One pass: bytes over the guessed range and the statistics; a second only when the
      // values turn out not to be correlations.
      primeStats(v, inputBytesWithStats(v.data, v.cols, range[0], range[1], out));
      bytes = out;
      if (!user && !v.correlation) {
        range = finiteRange(v.min, v.max);
        bytes = displayBytes(v, o.rows, o.cols, range[0], range[1], out);
      }
    } else bytes = displayBytes(v, o.rows, o.cols, range[0], range[1], out);
    this.cellToken++;
    this.byteRange = range;
    this.cellLayer.setCells(v.rows, v.cols, bytes);
  }

  private cellToken = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A page that drops the element does not pay for the rest of its cells (a reconnect makes them on first read).
    this.cellToken++;
    clearTimeout(this.clickTimer);
  }

  /** Makes the cell bytes after the first frame, in slices of ~12 ms; a newer matrix (or a disconnect) stops it. */
  private scheduleCells(): void {
    const token = ++this.cellToken;
    const layer = this.cellLayer;
    const step = () => {
      if (token !== this.cellToken) return;
      if (!layer.fillSome(performance.now() + 12)) setTimeout(step, 0);
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(step, 0));
    else setTimeout(step, 0);
  }

  private starsKey = '';
  private colDend: { tree: HclustTree; L: DendrogramLayout } | null = null;

  private histToken = 0;
  /** The data table is rendered from the second frame on (it waits for the matrix, never the other way). */
  private tableReady = false;

  /**
   * The legend's value histogram (a pass over up to 200,000 values) and the data table
   * (one row per class) are made after the first frame is on screen: the matrix never
   * waits for them.
   */
  private scheduleHistogram(v: HeatmapValues, dom: [number, number]): void {
    const token = ++this.histToken;
    this.hist = [];
    this.tableReady = false;
    const run = () => {
      if (token !== this.histToken || this.values !== v) return;
      this.hist = valueHistogram(v, dom);
      this.tableReady = true;
      this.requestUpdate();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
    else setTimeout(run, 0);
  }

  private readColors(): HeatmapColors {
    const cs = getComputedStyle(this);
    const get = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
    return {
      low: get('--cl-heatmap-low', '#f4f7fb'),
      high: get('--cl-heatmap-high', '#08306b'),
      negative: get('--cl-heatmap-negative', '#2166ac'),
      neutral: get('--cl-heatmap-neutral', '#f7f7f7'),
      positive: get('--cl-heatmap-positive', '#b2182b'),
      nan: get('--cl-heatmap-nan', '#c9ced6'),
      background: get('--cl-color-bg', '#ffffff'),
    };
  }

  // ——— view ———

  private content() {
    const v = this.drawn!.values;
    return { x0: 0, y0: 0, x1: v.cols, y1: v.rows };
  }

  private fit(): Transform {
    const P = this.layout_!.plot;
    return fitTransform(this.content(), P.w, P.h);
  }

  private maxZoom(): number {
    const fit = this.fit();
    return Math.max(1, MAX_CELL_PX / Math.min(fit.sx, fit.sy));
  }

  private setView(t: Transform): void {
    const P = this.layout_;
    if (!P || !this.values) return;
    const c = constrainTransform(t, this.content(), P.plot.w, P.plot.h, { maxZoom: this.maxZoom() });
    this.view = snapTransform(c, this.pixelRatio());
    this.requestUpdate();
  }

  private pixelRatio(): number {
    return typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  }

  /** Zooms by `k` around the plot's centre (or a point in plot coordinates). */
  zoomBy(k: number, at?: { x: number; y: number }): void {
    const P = this.layout_?.plot;
    if (!P || !Number.isFinite(k) || k <= 0) return;
    this.setView(zoomAround(this.view, k, at?.x ?? P.w / 2, at?.y ?? P.h / 2));
  }

  /** Shows the whole matrix. */
  resetZoom(): void {
    if (this.layout_ && this.values) this.setView(this.fit());
  }

  /** Zooms onto display rows `[r0, r1]` and columns `[c0, c1]` (default: the same as the rows). */
  zoomTo(r0: number, r1: number, c0 = r0, c1 = r1): void {
    const P = this.layout_?.plot;
    if (!P || !this.values) return;
    const rows = Math.max(1, r1 - r0 + 1);
    const cols = Math.max(1, c1 - c0 + 1);
    const s = Math.min(P.w / cols, P.h / rows);
    this.setView({ sx: s, sy: s, tx: P.w / 2 - (c0 + cols / 2) * s, ty: P.h / 2 - (r0 + rows / 2) * s });
  }

  private scene(): GlScene | null {
    const P = this.layout_?.plot;
    if (!this.values || !this.ordering || !P || P.w <= 0 || P.h <= 0 || this.error) return null;
    const bg = this.heatColors?.background ?? '#ffffff';
    return { width: P.w, height: P.h, background: parseColor(bg), transform: this.view, layers: [this.cellLayer] };
  }

  // ——— marks ———

  /** What `marks.ts` reads the cells and blocks against. */
  private markContext(): MarkContext {
    const c = this.collapse;
    if (c) {
      return {
        values: c.values,
        ordering: c.ordering,
        rowPos: c.rows.start.subarray(0, c.rows.count),
        colPos: c.cols.start.subarray(0, c.cols.count),
        groupOf: null,
        stars: new Set(),
        valueName: this.valueName(),
      };
    }
    return this.fullContext();
  }

  /** The marks of the full order (every class its own row). */
  private fullContext(): MarkContext {
    return {
      values: this.values,
      ordering: this.ordering,
      rowPos: this.rowPos,
      colPos: this.colPos,
      groupOf: this.clusterGroups?.groupOf ?? this.keyGroups?.groupOf ?? null,
      stars: this.starSet,
      valueName: this.valueName(),
    };
  }

  private valueName(): string {
    const v = this.values;
    if (!v) return 'Value';
    if (v.kind === 'scores') return this.measure === 'spearman' ? 'Spearman ρ' : 'Pearson r';
    if (v.kind === 'confusion') return 'Count';
    return 'Value';
  }

  /** The centre of a mark in host coordinates. */
  private anchorOf(m: HeatMark): { x: number; y: number } {
    const L = this.layout_;
    if (!L) return { x: 0, y: 0 };
    const t = this.view;
    const r = m.kind === 'cell' ? m.r + 0.5 : (m.r0 + m.r1 + 1) / 2;
    const c = m.kind === 'cell' ? m.c + 0.5 : (m.c0 + m.c1 + 1) / 2;
    const main = this.renderRoot.querySelector('.main');
    const host = this.getBoundingClientRect();
    const mb = main?.getBoundingClientRect();
    const ox = mb ? mb.left - host.left : 0;
    const oy = mb ? mb.top - host.top : 0;
    return { x: ox + L.plot.x + t.sx * c + t.tx, y: oy + L.plot.y + t.sy * r + t.ty };
  }

  // ——— pointer and keyboard ———

  private plotPoint(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const plot = this.renderRoot.querySelector('.plot');
    const b = plot?.getBoundingClientRect();
    return { x: e.clientX - (b?.left ?? 0), y: e.clientY - (b?.top ?? 0) };
  }

  /** The cell under a plot point; zoomed out, the cell with the largest value among those the pixel shows. */
  private cellAt(x: number, y: number): CellMark | null {
    const v = this.drawn?.values;
    if (!v || !this.ordering) return null;
    const t = this.view;
    if (t.sx >= 1 && t.sy >= 1) {
      const hit = pickCell(this.cellLayer, t, x, y);
      return hit ? { kind: 'cell', r: hit.row, c: hit.col } : null;
    }
    const under = cellsUnderPixel(this.cellLayer, t, x, y);
    if (!under) return null;
    // What the pixel shows is the maximum of these cells (visual boosting): report that cell.
    let best: CellMark | null = null;
    let bv = -1;
    this.cellLayer.ensureCells();
    const bytes = this.cellLayer.cells;
    const C = v.cols;
    for (let r = under.row0; r <= under.row1; r++) {
      for (let c = under.col0; c <= under.col1; c++) {
        const b = bytes[r * C + c];
        if (b > bv) {
          bv = b;
          best = { kind: 'cell', r, c };
        }
      }
    }
    return best;
  }

  private readonly onPointerDown = (e: PointerEvent) => {
    this.interaction.onPointerDown();
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    const p = this.plotPoint(e);
    this.pointers.set(e.pointerId, p);
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      this.pinch = { d: Math.hypot(a.x - b.x, a.y - b.y), x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      this.drag = null;
      this.brushRect = null;
      return;
    }
    const mode = e.shiftKey || this.brush ? 'brush' : 'pan';
    this.drag = { id: e.pointerId, x: p.x, y: p.y, mode, moved: false, start: this.cellAt(p.x, p.y) };
  };

  private readonly onPointerMove = (e: PointerEvent) => {
    this.interaction.onPointerMove(e);
    const p = this.plotPoint(e);
    if (this.pointers.has(e.pointerId)) this.pointers.set(e.pointerId, p);
    if (this.pinch && this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      if (this.pinch.d > 0 && d > 0) {
        const t = panBy(this.view, mid.x - this.pinch.x, mid.y - this.pinch.y);
        this.setView(zoomAround(t, d / this.pinch.d, mid.x, mid.y));
      }
      this.pinch = { d, ...mid };
      return;
    }
    const g = this.drag;
    if (g && g.id === e.pointerId) {
      const dx = p.x - g.x;
      const dy = p.y - g.y;
      if (!g.moved && Math.hypot(dx, dy) < 3) return;
      g.moved = true;
      if (g.mode === 'pan') {
        this.panning = true;
        g.x = p.x;
        g.y = p.y;
        this.setView(panBy(this.view, dx, dy));
        return;
      }
      const end = this.cellAt(
        Math.max(0, Math.min(p.x, this.layout_!.plot.w - 1)),
        Math.max(0, Math.min(p.y, this.layout_!.plot.h - 1)),
      );
      if (g.start && end) {
        this.brushRect = {
          kind: 'block',
          r0: Math.min(g.start.r, end.r),
          r1: Math.max(g.start.r, end.r),
          c0: Math.min(g.start.c, end.c),
          c1: Math.max(g.start.c, end.c),
        };
        this.requestUpdate();
      }
      return;
    }
    this.interaction.enter(this.cellAt(p.x, p.y));
  };

  private readonly onPointerUp = (e: PointerEvent) => {
    this.pointers.delete(e.pointerId);
    if (this.pointers.size < 2) this.pinch = null;
    const g = this.drag;
    this.drag = null;
    this.panning = false;
    if (!g || g.id !== e.pointerId) return;
    if (!g.moved) {
      const cell = this.cellAt(g.x, g.y);
      if (cell) this.interaction.activate(cell);
      else if (this.interaction.selected) this.interaction.select(null);
      return;
    }
    if (g.mode === 'brush' && this.brushRect) {
      const b = snapBlock(this.markContext(), this.brushRect);
      this.brushRect = null;
      this.interaction.select(b);
    }
    this.requestUpdate();
  };

  private readonly onPointerLeave = () => {
    if (!this.drag) this.interaction.onPointerLeave();
  };

  private readonly onWheel = (e: WheelEvent) => {
    if (!this.values) return;
    e.preventDefault();
    const p = this.plotPoint(e);
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const k = Math.exp(-e.deltaY * unit * (e.ctrlKey ? 0.01 : 0.002));
    this.setView(zoomAround(this.view, k, p.x, p.y));
  };

  private readonly onKeyDown = (e: KeyboardEvent) => {
    const it = this.interaction;
    if (e.key === '+' || e.key === '=') return this.keyZoom(e, 1.5);
    if (e.key === '-' || e.key === '_') return this.keyZoom(e, 1 / 1.5);
    if (e.key === '0') {
      e.preventDefault();
      this.resetZoom();
      return;
    }
    if (e.shiftKey && NAV_KEYS.has(e.key) && this.values) {
      e.preventDefault();
      const from = it.focused && it.focused.kind === 'cell' ? it.focused : { kind: 'cell' as const, r: 0, c: 0 };
      this.anchor ??= from;
      const to = navigate(this.markContext(), from, e.key) as CellMark;
      it.focused = to;
      it.keyboard = true;
      const a = this.anchor;
      const block = snapBlock(this.markContext(), {
        kind: 'block',
        r0: Math.min(a.r, to.r),
        r1: Math.max(a.r, to.r),
        c0: Math.min(a.c, to.c),
        c1: Math.max(a.c, to.c),
      });
      // select() toggles an equal selection off; growing onto the same block keeps it.
      if (!it.same(block, it.selected)) it.select(block);
      else this.requestUpdate();
      this.ensureVisible(to);
      return;
    }
    if ((e.key === 'c' || e.key === 'e') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      if (this.keyCollapse(e.key === 'c')) e.preventDefault();
      return;
    }
    if (!e.shiftKey) this.anchor = null;
    it.onKeyDown(e);
    if (NAV_KEYS.has(e.key) && it.focused?.kind === 'cell') this.ensureVisible(it.focused);
  };

  private keyZoom(e: KeyboardEvent, k: number): void {
    e.preventDefault();
    const f = this.interaction.focused;
    if (f && f.kind === 'cell') {
      const t = this.view;
      this.zoomBy(k, { x: t.sx * (f.c + 0.5) + t.tx, y: t.sy * (f.r + 0.5) + t.ty });
    } else this.zoomBy(k);
  }

  /** Pans so that a cell is in view. */
  private ensureVisible(m: CellMark): void {
    const P = this.layout_?.plot;
    if (!P) return;
    const t = this.view;
    const x0 = t.sx * m.c + t.tx;
    const y0 = t.sy * m.r + t.ty;
    let dx = 0;
    let dy = 0;
    if (x0 < 0) dx = -x0;
    else if (x0 + t.sx > P.w) dx = P.w - x0 - t.sx;
    if (y0 < 0) dy = -y0;
    else if (y0 + t.sy > P.h) dy = P.h - y0 - t.sy;
    if (dx || dy) this.setView(panBy(t, dx, dy));
  }

  /** The dendrogram merge under a pointer event, or −1. */
  private mergeFromEvent(e: MouseEvent): number {
    const L = this.layout_;
    const D = this.collapse?.dend ?? this.dend;
    if (!L || !D || !this.ordering || !L.dendrogram) return -1;
    const box = (e.currentTarget as Element).getBoundingClientRect();
    const at = (e.clientY - box.top - this.view.ty) / this.view.sy;
    return mergeAt(D, at, Math.max(0, 1 - (e.clientX - box.left) / L.dendrogram.w));
  }

  /**
   * A click on a bracket collapses its subtree (on a collapsed triangle: expands it), once
   * the double-click time has passed without a second click; Shift/Ctrl/⌘+click selects
   * its subtree's diagonal block (again: clears).
   */
  private readonly onDendrogramClick = (e: MouseEvent) => {
    clearTimeout(this.clickTimer);
    if (!(e.shiftKey || e.ctrlKey || e.metaKey)) {
      const k = this.mergeFromEvent(e);
      const n = this.ordering?.rowTree?.order.length ?? 0;
      if (k >= 0 && e.detail <= 1) this.clickTimer = setTimeout(() => this.toggleNode(n + k), DBLCLICK_MS);
      return;
    }
    const D = this.collapse?.dend ?? this.dend;
    const k = this.mergeFromEvent(e);
    this.dendroSelected = k;
    if (k < 0 || !D) {
      if (this.interaction.selected) this.interaction.select(null);
      return;
    }
    this.interaction.select({ kind: 'block', r0: D.lo[k], r1: D.hi[k], c0: D.lo[k], c1: D.hi[k] });
  };

  /** A double click on a bracket zooms onto its subtree and keeps it selected. */
  private readonly onDendrogramDblClick = (e: MouseEvent) => {
    clearTimeout(this.clickTimer);
    const D = this.collapse?.dend ?? this.dend;
    const k = this.mergeFromEvent(e);
    if (k < 0 || !D) return;
    const block: BlockMark = { kind: 'block', r0: D.lo[k], r1: D.hi[k], c0: D.lo[k], c1: D.hi[k] };
    this.dendroSelected = k;
    if (!this.interaction.same(block, this.interaction.selected)) this.interaction.select(block);
    this.zoomTo(D.lo[k], D.hi[k]);
  };

  private readonly onCutoff = (e: Event) => {
    const value = Number((e.target as HTMLInputElement).value);
    const lo = this.colorDomain_[0];
    this.cutoff = value <= lo ? null : value;
    emit<ClChangeDetail>(this, 'cl-change', { name: 'cutoff', value: this.cutoff ?? lo });
  };

  // ——— export ———

  /** The plot as a PNG image at the current view (the canvas's device pixels). Throws `EMPTY` when nothing is drawn. */
  async toPNG(): Promise<Blob> {
    const img = this.gl.snapshot();
    if (!img) throw new ClasslensError('EMPTY', 'toPNG: nothing is drawn');
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    c.getContext('2d')!.putImageData(img, 0, 0);
    return canvasToPng(c);
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const v = this.values;
    const pendingScores = this.task.pending && !v;
    const state = pendingScores ? nothing : this.renderState(!v || v.rows === 0 || v.cols === 0);
    if (state !== nothing) return html`<div class="frame">${this.renderHeading()}${state}</div>`;
    const L = this.layout_;
    const it = this.interaction;
    const label = this.task.pending ? (this.values ? 'Clustering' : 'Computing similarity') : '';
    const d = this.drawn;
    const hv = d ? this.viewState(d.values, d.ordering) : null;
    return html`<div class="frame">
      <div class="header">${this.renderHeading()} ${v && L ? this.renderToolbar() : nothing}</div>
      <div class="main" ${cssProps({ height: L && v ? `${L.height}px` : '100%' })}>
        ${hv && L ? this.renderChart(hv, L) : nothing} ${this.task.renderProgress(label)}
        ${v && L ? it.renderTooltip() : nothing}
      </div>
      ${hv && this.legend && v ? renderLegendBar(hv, v) : nothing} ${it.renderLiveRegion()}
      ${v && this.ordering && this.tableReady ? this.renderTable(v) : nothing}
    </div>`;
  }

  /** The plain state the drawing functions of `view.ts` read. */
  private viewState(values: HeatmapValues, ordering: Ordering): HeatmapViewState {
    const it = this.interaction;
    const cutoff = this.cutoff != null && Number.isFinite(this.cutoff) ? this.cutoff : null;
    const c = this.collapse;
    const full = this.ordering!.rows;
    const highlight = this.highlightMask(Math.max(this.values!.rows, this.values!.cols));
    return {
      values,
      ordering,
      view: this.view,
      clusterGroups:
        c && this.clusterGroups
          ? { ...this.clusterGroups, spans: mapSpans(this.clusterGroups.spans, c.rows) }
          : this.clusterGroups,
      keyGroups:
        c && this.keyGroups ? { ...this.keyGroups, spans: mapSpans(this.keyGroups.spans, c.rows) } : this.keyGroups,
      groupOrder: this.order === 'groups',
      fuzzy:
        c && this.fuzzy ? { k: this.fuzzy.k, memberships: maxRows(this.fuzzy.memberships, full, c.rows) } : this.fuzzy,
      stars: c ? mapPositions(this.stars, c.rows) : this.stars,
      dend: c?.dend ?? this.dend,
      collapse: c,
      colDend: this.colDend,
      dendroSelected: this.dendroSelected,
      palette: this.palette,
      otherColor: this.otherColor,
      highlight: c && highlight ? this.displayMask(highlight, c) : highlight,
      selected: it.selected,
      hovered: it.hovered?.kind === 'cell' ? it.hovered : null,
      cursor: it.keyboard && it.focused?.kind === 'cell' ? it.focused : null,
      brushRect: this.brushRect,
      valueName: this.valueName(),
      cutoff,
      colorDomain: this.colorDomain_,
      diverging: this.diverging,
      color: this.color,
      hist: this.hist,
      anyNaN: this.anyNaN,
      notes: this.notes,
      onDendrogramClick: this.onDendrogramClick,
      onDendrogramDblClick: this.onDendrogramDblClick,
      onCutoff: this.onCutoff,
    };
  }

  private renderChart(hv: HeatmapViewState, L: HeatmapLayout): TemplateResult {
    const it = this.interaction;
    const v = hv.values;
    return html`
      ${L.dendrogram ? renderDendrogram(hv, L.dendrogram) : nothing} ${L.bars ? renderBars(hv, L.bars) : nothing}
      <div
        class="plot ${this.panning ? 'is-panning' : ''} ${this.drag?.mode === 'brush' ? 'is-brushing' : ''}"
        part="plot"
        tabindex="0"
        role="group"
        aria-roledescription="heatmap"
        aria-label=${this.summary(v)}
        ${box(L.plot)}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
        @pointerleave=${this.onPointerLeave}
        @wheel=${this.onWheel}
        @dblclick=${() => this.resetZoom()}
        @keydown=${this.onKeyDown}
        @focus=${it.onFocus}
        @blur=${it.onBlur}
      >
        ${this.gl.canvas} ${renderOverlay(hv, v, L.plot)}
      </div>
      ${L.colDendrogram ? renderColDendrogram(hv, L.colDendrogram) : nothing} ${renderRowLabels(hv, v, L.rowLabels)}
      ${renderColLabels(hv, v, L.colLabels)}
    `;
  }

  private renderToolbar(): TemplateResult {
    return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label="Zoom and brush">
      <button type="button" aria-label="Zoom in" @click=${() => this.zoomBy(1.5)}>+</button>
      <button type="button" aria-label="Zoom out" @click=${() => this.zoomBy(1 / 1.5)}>−</button>
      <button type="button" aria-label="Fit: show everything" @click=${() => this.resetZoom()}>Fit</button>
      <button type="button" aria-pressed=${this.brush ? 'true' : 'false'} @click=${() => (this.brush = !this.brush)}>
        Brush
      </button>
    </div>`;
  }

  private summary(v: HeatmapValues): string {
    const name = this.label || this.heading || 'Similarity heatmap';
    const o = this.ordering;
    const what =
      v.kind === 'scores' ? `${this.valueName()} of scores` : v.kind === 'confusion' ? 'confusion counts' : 'values';
    const order = this.ordering_pending
      ? 'in input order while clustering runs'
      : o?.rowTree
        ? `ordered by ${this.linkage}-linkage clustering`
        : this.order === 'groups'
          ? 'ordered by group'
          : 'in input order';
    const groups = this.clusterGroups ? ` ${this.clusterGroups.spans.length} groups.` : '';
    const shape =
      v.rows === v.cols ? `${formatCount(v.rows)} classes` : `${formatCount(v.rows)} × ${formatCount(v.cols)} classes`;
    const nc = this.collapse?.nodes.length ?? 0;
    const collapsed = nc
      ? ` ${nc} ${nc === 1 ? 'subtree is' : 'subtrees are'} collapsed into single rows (cells show the maximum of their block).`
      : '';
    const tree = o?.rowTree ? ' C collapses the cursor row into its subtree, E expands it.' : '';
    return `${name}: ${shape}, ${what}, ${order}.${groups}${collapsed} Arrow keys move a cell cursor, Shift+arrows select a block, plus and minus zoom.${tree}`;
  }

  private renderTable(v: HeatmapValues) {
    const o = this.ordering!;
    const square = v.rows === v.cols;
    const limit = this.showTable ? v.rows : Math.min(v.rows, 300);
    const g = this.clusterGroups?.groupOf ?? this.keyGroups?.groupOf ?? null;
    // By the values and order it lists, not the view (collapsing rows re-fits the view, not the table).
    const key = `${limit}|${this.bytesKey}|${this.orderToken}|${v.rows}x${v.cols}|${this.clusterGroups?.spans.length}|${this.keyGroups?.spans.length}`;
    const cached =
      this.tableCache && this.tableCache.key === key && this.tableCache.rows.length === limit
        ? this.tableCache.rows
        : null;
    const rows: string[][] = cached ?? [];
    for (let r = cached ? limit : 0; r < limit; r++) {
      const i = o.rows[r];
      let best = -1;
      let bv = -Infinity;
      for (let j = 0; j < v.cols; j++) {
        if (square && j === i) continue;
        const x = v.data[i * v.cols + j];
        if (x > bv) {
          bv = x;
          best = j;
        }
      }
      const fmt = (x: number) => (v.kind === 'confusion' ? formatCount(x) : formatValue(x));
      rows.push([
        String(v.rowLabels[i]),
        g ? String(this.keyGroups && !this.clusterGroups ? this.keyGroups.keys[g[i]] : g[i] + 1) : '',
        best >= 0 ? String(v.colLabels[best]) : '',
        best >= 0 ? fmt(bv) : '',
      ]);
    }
    this.tableCache = { key, rows };
    return renderDataTable({
      caption: `${this.label || this.heading || 'Similarity heatmap'}: each class in display order and its most similar class`,
      shown: this.showTable,
      columns: [
        { label: 'Class' },
        { label: 'Group' },
        { label: square ? 'Most similar class' : 'Largest column' },
        { label: this.valueName(), numeric: true },
      ],
      rows: v.rows > limit ? [...rows, [`… ${formatCount(v.rows - limit)} more classes`, '', '', '']] : rows,
      maxRows: 301,
    });
  }
}

/**
 * A histogram of the values (off the diagonal of a square matrix), 40 bins over the
 * colour domain (core's `histogram`); past 200,000 cells, a strided sample of them.
 */
function valueHistogram(v: HeatmapValues, dom: [number, number]): HistogramBin[] {
  const n = v.rows * v.cols;
  // A stride coprime with the row length visits every column (no aliasing on a grid).
  let stride = Math.max(1, Math.ceil(n / 2e5));
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  while (stride > 1 && gcd(stride, v.cols) !== 1) stride++;
  const out: number[] = [];
  for (let q = 0; q < n; q += stride) {
    if (v.rows === v.cols && Math.floor(q / v.cols) === q % v.cols) continue;
    const x = v.data[q];
    out.push(x < dom[0] ? dom[0] : x > dom[1] ? dom[1] : x);
  }
  const step = (dom[1] - dom[0]) / 40;
  const thresholds = Array.from({ length: 39 }, (_, k) => dom[0] + (k + 1) * step);
  return histogram(out, { thresholds, domain: dom });
}

/** Resolves once the frame drawn now has been painted (or after 100 ms: hidden pages paint no frames). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      resolve();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, 100);
  });
}

function validDomain(d: readonly number[] | null | undefined): [number, number] | null {
  return d && d.length === 2 && Number.isFinite(d[0]) && Number.isFinite(d[1]) && d[0] < d[1] ? [d[0], d[1]] : null;
}

function finiteRange(min: number, max: number): [number, number] {
  if (!(min <= max)) return [0, 1];
  return min < max ? [min, max] : [min - 0.5, min + 0.5];
}

function isIdentity(order: readonly number[]): boolean {
  for (let k = 0; k < order.length; k++) if (order[k] !== k) return false;
  return true;
}

function nanToZero(d: Float32Array | Float64Array): Float64Array {
  const out = new Float64Array(d.length);
  for (let q = 0; q < d.length; q++) out[q] = d[q] === d[q] ? d[q] : 0;
  return out;
}

/**
 * The same input by contents (a framework re-render hands over new arrays): matrices
 * element-wise, label lists with `sameArray`. Compared against the arrays last read, so a
 * new array equal to them keeps the view (order, zoom, hover, selection). O(cells).
 */
function sameInputKey(a: unknown, b: unknown): boolean {
  const x = a as unknown[];
  const y = b as unknown[];
  return x.length === y.length && x.every((v, i) => sameValue(v, y[i]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (isMatrix(a) || isMatrix(b)) {
    return isMatrix(a) && isMatrix(b) && a.rows === b.rows && a.cols === b.cols && sameArray(a.data, b.data);
  }
  const p = a as ArrayLike<unknown>;
  const q = b as ArrayLike<unknown>;
  if (typeof p.length !== 'number' || typeof q.length !== 'number' || p.length !== q.length) return false;
  const nested = p.length > 0 && typeof p[0] === 'object' && p[0] !== null;
  return nested ? sameColumns(p as ArrayLike<unknown>[] as never, q as never) : sameArray(p, q);
}
