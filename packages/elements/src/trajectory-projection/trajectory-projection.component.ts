import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ClasslensError, type Key, type Matrix, type MatrixLike } from '@classlens/core';
import { emit, type ClMarkDetail } from '../events.js';
import { ClBaseElement } from '../internal/base-element.js';
import { AsyncTaskController } from '../internal/controllers/async-task.js';
import { MarkInteractionController, markKey } from '../internal/controllers/mark-interaction.js';
import { ResizeController } from '../internal/controllers/resize-controller.js';
import { ViewportController, type ViewTransform } from '../internal/controllers/viewport-controller.js';
import { formatCount, formatPercent, truncate } from '../internal/format.js';
import {
  GlController,
  LineLayer,
  parseColor,
  PointIndex,
  PointLayer,
  type GlScene,
  type RendererChoice,
  type Rgba,
} from '../internal/gl/index.js';
import { placeLabels2d } from '../internal/label-placement-2d.js';
import { textWidth } from '../internal/text-measure.js';
import { projectStates, workerFailure, type Projection } from '../internal/projection/project.js';
import type { ProjectionSettings } from '../internal/projection/protocol.js';
import { stateStyles } from '../internal/styles/states.styles.js';
import { themeStyles } from '../internal/styles/theme.styles.js';
import type { TooltipContent } from '../internal/tooltip.js';
import { EpColors, EP_LEVELS } from '../internal/trajectory/ep-colors.js';
import { probAt, readSequences, type SequenceData, type SequenceRecord } from '../internal/trajectory/sequence-data.js';
import {
  DEFAULT_CONFIDENCE_THRESHOLD,
  DEFAULT_JUMP_THRESHOLD,
  markSteps,
  readThreshold,
  stepMeasures,
  type StepMarks,
  type StepMeasures,
} from '../internal/trajectory/step-marks.js';
import { drawOrder, pointColors, type ProjectionColorBy } from './point-colors.js';
import { readPoints } from './read-points.js';
import { formatValue, mixRgb, renderProjectionLegend, renderProjectionTable, rgbaHex } from './projection-view.js';
import { trajectoryProjectionStyles } from './trajectory-projection.styles.js';

export type { ProjectionColorBy } from './point-colors.js';

/** How the selected sequence's polyline is coloured. */
export type TrajectoryLineColor = 'ep' | 'time';

/** A word label drawn on the map. */
export interface ProjectionLabel {
  /** The step (row) it names. */
  row: number;
  text: string;
  /** Why it is labelled. */
  kinds: ('jump' | 'confidence' | 'flip')[];
  /** Top-left corner of its box, in plot pixels. */
  x: number;
  y: number;
}

const COLOR_BYS: readonly ProjectionColorBy[] = ['ep', 'truth', 'correct', 'value'];
const EMPTY = new Uint32Array(0);
const DATA_PROPS = [
  'sequences',
  'states',
  'points',
  'offsets',
  'expected',
  'classes',
  'tokens',
  'truth',
  'predicted',
  'ids',
  'distances',
  'values',
] as const;
const PROJECTION_PROPS = ['method', 'perplexity', 'iterations', 'seed'] as const;
/** Most word labels drawn at once. */
const MAX_LABELS = 60;
/**
 * From this many points the first frame shows the points alone; the legend and the data
 * table follow in the next idle period (their layout would otherwise delay the pixels).
 */
const DEFER_EXTRAS = 50_000;

/**
 * A 2-D map of every hidden state of a recurrent classifier — t-SNE (or PCA) computed in a
 * worker, animating in as it iterates — with one sequence drawn as a trajectory through it,
 * after Garcia, Munz & Weiskopf, "Visual analytics tool for the interpretation of hidden
 * states in recurrent neural networks" (2021). Points are coloured by the expected
 * prediction (EP), by truth, by right/wrong or by a value; the selected sequence's jump,
 * confidence-change and class-change words are labelled without overlaps. Zoom, pan,
 * lasso; hover and click through a spatial index. Draws through the shared GPU layer:
 * WebGL (regl) on GPUs, the CPU raster on software GL, under a strict CSP, or without
 * WebGL. Also a map of items without trajectories: give `points` (and `values`).
 *
 * @customElement cl-trajectory-projection
 * @summary Hidden states projected to 2-D, coloured by the expected prediction, with a sequence's trajectory.
 *
 * @fires cl-hover - The pointer or keyboard focus is on a point (`kind: 'none'` when it left). Detail: `{ kind: 'point', stage: null, keys: [sequence id], value: sequence, indices: [row], sequence, step }`.
 * @fires cl-select - A point was clicked or chosen with Enter: its sequence is selected (`kind: 'sequence'`, `indices` its rows, `value` its index; `kind: 'none'` when cleared); or a lasso was drawn (`kind: 'lasso'`, `indices` the rows inside, `value` their count). Detail: `{ kind, stage, keys, value, indices, sequence }`.
 * @fires cl-error - The input was rejected, or the projection failed. Detail: `{ code, message }`.
 * @fires cl-warning - The projection ran on the main thread (no worker), WebGL could not draw (`RENDERER_FALLBACK`), or a sequence index was out of range. Detail: `{ code, message, count }`.
 *
 * @csspart plot - The drawing surface (focusable).
 * @csspart legend - The colour legend.
 * @csspart label - A word label.
 * @csspart tooltip - The tooltip.
 * @csspart progress - The progress bar while the projection runs.
 * @csspart lasso - The lasso path while drawing.
 * @csspart heading - The visible title (`heading`).
 * @csspart table - The data-table alternative.
 * @csspart error - The error state.
 * @csspart empty - The empty state.
 *
 * @cssproperty [--cl-proj-right-opacity=0.55] - Opacity of the points of correctly classified sequences (errors are opaque).
 * @cssproperty [--cl-proj-fade-opacity=0.35] - Opacity factor of the points outside the selected sequence.
 * @cssproperty [--cl-proj-right-color=var(--cl-color-other)] - Right answers under `color-by="correct"`.
 * @cssproperty [--cl-proj-wrong-color=var(--cl-color-error)] - Wrong answers under `color-by="correct"`.
 * @cssproperty [--cl-proj-value-low=#d8dee4] - Low end of the `value` ramp.
 * @cssproperty [--cl-proj-value-high=#c2410c] - High end of the `value` ramp.
 * @cssproperty [--cl-proj-label-halo=var(--cl-color-bg)] - Halo behind word labels.
 * @cssproperty [--cl-palette-0=#4269d0] - First of twenty categorical colours (`--cl-palette-0` … `-19`).
 * @cssproperty [--cl-color-other=#8c959f] - The neutral grey of an unsure prediction.
 * @cssproperty [--cl-dim-opacity=0.15] - Opacity factor of points outside the selected sequence or highlight.
 * @cssproperty [--cl-font-family=system-ui] - Font.
 * @cssproperty [--cl-font-size=12px] - Label size.
 */
export class ClTrajectoryProjection extends ClBaseElement {
  static override styles = [themeStyles, stateStyles, trajectoryProjectionStyles];

  /**
   * Where the projection worker module is (`projection-worker.js` beside the element's
   * module by default; bundlers emit it). `null` computes on the main thread.
   */
  static workerUrl: URL | string | null | undefined = undefined;

  /** Sequences in the example-data format `{ id, label, prediction, tokens, states, expected }` (precedence over the columns). */
  @property({ attribute: false }) sequences: readonly SequenceRecord[] | null | undefined = undefined;

  /** Hidden state of every step, stacked sequence after sequence (total × d); projected with `method`. */
  @property({ attribute: false }) states: MatrixLike | null | undefined = undefined;

  /** A precomputed 2-D layout (total × 2) instead of projecting `states`. */
  @property({ attribute: false }) points: MatrixLike | null | undefined = undefined;

  /** Sequence starts (n, from 0) or cumulative offsets (n + 1, ending at the number of steps). */
  @property({ attribute: false }) offsets: ArrayLike<number> | null | undefined = undefined;

  /** Expected prediction per step: P(positive) for a binary classifier, or a row of class probabilities. */
  @property({ attribute: false }) expected: ArrayLike<number> | MatrixLike | null | undefined = undefined;

  /** Class names, in the column order of `expected`. */
  @property({ attribute: false }) classes: ArrayLike<Key> | null | undefined = undefined;

  /** The token read at each step (flat), or one array per sequence. */
  @property({ attribute: false }) tokens: ArrayLike<string> | readonly (readonly string[])[] | null | undefined =
    undefined;

  /** True class per sequence. */
  @property({ attribute: false }) truth: ArrayLike<Key> | null | undefined = undefined;

  /** Predicted class per sequence (default: the top class of its last step). */
  @property({ attribute: false }) predicted: ArrayLike<Key> | null | undefined = undefined;

  /** Unique id per sequence (default: its index). */
  @property({ attribute: false }) ids: ArrayLike<Key> | null | undefined = undefined;

  /** Precomputed step distances (NaN at sequence starts), for jumps without `states`. */
  @property({ attribute: false }) distances: ArrayLike<number> | null | undefined = undefined;

  /** A number per point for `color-by="value"` (e.g. a mismatch score); NaN is drawn grey. */
  @property({ attribute: false }) values: ArrayLike<number> | null | undefined = undefined;

  /** What `values` are, for the legend and tooltip (default "Value"). */
  @property({ attribute: 'value-label' }) valueLabel = 'Value';

  /** Projection of `states`: `tsne` (default; Barnes–Hut, in a worker) or `pca`. */
  @property({ reflect: true }) method: 'tsne' | 'pca' = 'tsne';

  /** t-SNE perplexity (default: core's, 30, lowered for small inputs). */
  @property({ type: Number, reflect: true }) perplexity: number | null = null;

  /** t-SNE iterations (default 1000). */
  @property({ type: Number, reflect: true }) iterations: number | null = null;

  /** Seed of the projection (equal inputs and seed give the same map). */
  @property({ type: Number, reflect: true }) seed = 1;

  /** Index of the selected sequence, drawn as a trajectory (`null`: none). */
  @property({ type: Number, reflect: true }) sequence: number | null = null;

  /** Point colours: `ep` (expected prediction), `truth`, `correct` (right/wrong) or `value`. */
  @property({ attribute: 'color-by', reflect: true }) colorBy: ProjectionColorBy = 'ep';

  /** Trajectory colours: `ep` (each segment in its step's EP colour) or `time` (grey, darker later). */
  @property({ attribute: 'line-color', reflect: true }) lineColor: TrajectoryLineColor = 'ep';

  /** Label jumps: normalised step distance > this (default 0.40, the paper's). */
  @property({ type: Number, attribute: 'jump-threshold', reflect: true }) jumpThreshold = DEFAULT_JUMP_THRESHOLD;

  /** Label confidence changes: EP change > this (default 0.30, the paper's). */
  @property({ type: Number, attribute: 'confidence-threshold', reflect: true }) confidenceThreshold =
    DEFAULT_CONFIDENCE_THRESHOLD;

  /** Point size in CSS pixels (default: by count, 6 down to 2). */
  @property({ type: Number, attribute: 'point-size', reflect: true }) pointSize: number | null = null;

  /** Drag draws a lasso instead of panning (Shift+drag always lassos). */
  @property({ type: Boolean, reflect: true }) lasso = false;

  /** `auto` (WebGL on GPUs, the CPU raster on software GL), `webgl` or `canvas`. */
  @property({ reflect: true }) renderer: RendererChoice = 'auto';

  /** Show the colour legend (default on). */
  @property({ type: Boolean, attribute: 'hide-legend', reflect: true }) hideLegend = false;

  /** Show the data table under the chart (it is always available to screen readers). */
  @property({ type: Boolean, attribute: 'show-table', reflect: true }) showTable = false;

  @state() private data: SequenceData | null = null;
  @state() private lassoPath: readonly number[] | null = null;
  private measures: StepMeasures | null = null;
  private marks: StepMarks | null = null;
  private valuesArray: Float64Array | null = null;
  private valueDomain: [number, number] = [0, 1];
  /** The layout drawn (data coordinates, interleaved), or `null` before the first. */
  private layout: Float32Array | Float64Array | null = null;
  private layoutFinal = false;
  private layoutVersion = 0;
  private bounds: { x0: number; y0: number; x1: number; y1: number } | null = null;
  /** Draw position → step, or `null` when points draw in step order (no copy of 10^6 indices). */
  private order: Uint32Array | null = null;
  /** Positions in draw order when {@link order} permutes (else the layer shares the layout). */
  private drawPositions: Float32Array = new Float32Array(0);
  private fgRgba: Rgba = [31, 35, 40, 255];
  private bgRgba: Rgba = [255, 255, 255, 255];
  private labelFont = { fs: 12, font: '12px system-ui' };
  private rgba: Uint8Array = new Uint8Array(0);
  private index: PointIndex | null = null;
  private lassoRows: Uint32Array | null = null;
  private emphasis: Uint8Array | null = null;
  private classRgba: Rgba[] = [];
  private ep: EpColors | null = null;
  private projectedKey = '';
  private placed: ProjectionLabel[] = [];
  private readonly base = new PointLayer();
  private readonly line = new LineLayer();
  private readonly outline = new PointLayer();
  private readonly emph = new PointLayer();
  private readonly ring = new PointLayer();
  private readonly ringFill = new PointLayer();

  private readonly size = new ResizeController(this, () => this.renderRoot?.querySelector('.plot'));
  private readonly task = new AsyncTaskController<[Matrix, ProjectionSettings], Projection>(
    this,
    ([states, settings], { signal, onProgress }) => {
      const run = ++this.projectionRun;
      return projectStates(states, settings, {
        signal,
        onProgress,
        onLayout: (l) => this.queueLayout(l, run),
        // Each intermediate layout is a frame to draw: fewer for big maps (a CPU raster of
        // 10^5 points and its compositing take tens of milliseconds on software GL).
        layoutEveryMs: Math.max(50, Math.min(250, states.rows / 400)),
        ...(ClTrajectoryProjection.workerUrl !== undefined ? { workerUrl: ClTrajectoryProjection.workerUrl } : {}),
      });
    },
    {
      onComplete: (p) => {
        if (p.where === 'thread' && this.method === 'tsne') {
          this.warn(
            'WORKER_UNAVAILABLE',
            `The projection ran on the main thread: ${workerFailure || 'no Worker here'}`,
          );
        }
        this.dropQueuedLayout();
        this.setLayout(p.layout, true);
      },
      onError: (e) => this.showError(e),
    },
  );
  private readonly view = new ViewportController(this, {
    content: () => this.bounds,
    size: () => this.plotSize(),
    lassoMode: () => this.lasso,
    onView: () => this.requestUpdate(),
    onClick: (X, Y) => this.clickAt(X, Y),
    onLasso: (poly) => this.lassoSelect(poly),
    onLassoPath: (path) => (this.lassoPath = path ? path.slice() : null),
  });
  private readonly gl = new GlController(this, {
    renderer: () => this.renderer,
    scene: () => this.scene(),
  });
  private readonly interaction: MarkInteractionController<number> = new MarkInteractionController(this, {
    key: (r) => this.pointKey(r),
    find: (key) => this.findPoint(key),
    detail: (r) => this.pointDetail(r),
    navigate: (from, key) => this.navigate(from, key),
    describe: (r) => this.describe(r),
    anchor: (r) => this.anchor(r),
    size: () => ({ width: this.clientWidth, height: this.clientHeight }),
  });

  // ——— read-only ———

  /** The 2-D layout drawn, in data coordinates (total × 2), or `null` before the first. */
  get positions(): Matrix | null {
    return this.layout ? { rows: this.layout.length >> 1, cols: 2, data: new Float64Array(this.layout) } : null;
  }

  /** `true` while the projection runs (screenshots and tests wait on it). */
  get busy(): boolean {
    return this.task.pending;
  }

  /** `true` once the layout is final (precomputed points, or the projection finished). */
  get layoutComplete(): boolean {
    return this.layoutFinal;
  }

  /** What draws now: `webgl` or `canvas` (the CPU raster). */
  get activeRenderer(): 'webgl' | 'canvas' {
    return this.gl.activeRenderer;
  }

  /** The normalised input (plain data), or `null`. */
  get sequenceData(): SequenceData | null {
    return this.data;
  }

  /** The word labels drawn, with their boxes. */
  get labels(): ProjectionLabel[] {
    return this.placed.slice();
  }

  /** The current data → plot-pixel transform (y up), or `null`. */
  get viewTransform(): ViewTransform | null {
    return this.view.transform();
  }

  /** The lasso selection (rows), or `null`. */
  get lassoSelection(): Uint32Array | null {
    return this.lassoRows;
  }

  /** The step (row) drawn nearest to plot pixel `(X, Y)` within `radius` pixels, or -1 (picking through the spatial index). */
  pick(X: number, Y: number, radius = Math.max(6, this.size_())): number {
    const t = this.view.transform();
    if (!t || !this.layout) return -1;
    if (!this.index) this.index = new PointIndex(this.base.positions, this.base.count);
    const k = this.index.nearest(t, X, Y, radius);
    return k < 0 ? -1 : this.order ? this.order[k] : k;
  }

  /** Back to the whole map. */
  resetView(): void {
    this.view.reset();
  }

  /** The picture as a PNG (the GL layer's pixels; labels are not included). */
  async toPNG(): Promise<Blob> {
    const img = this.gl.snapshot();
    if (!img) throw new ClasslensError('EMPTY', 'toPNG: nothing is drawn');
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    c.getContext('2d')!.putImageData(img, 0, 0);
    return new Promise<Blob>((resolve, reject) =>
      c.toBlob((b) => (b ? resolve(b) : reject(new ClasslensError('INVALID_ARGUMENT', 'toPNG: encoding failed')))),
    );
  }

  // ——— computing ———

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const dataChanged = DATA_PROPS.some((p) => changed.has(p)) || !this.hasUpdated;
    if (dataChanged) {
      const ok = this.guard(() => this.readInput());
      if (!ok) this.clearData();
    }
    const data = this.data;
    if (!data) return;
    if ((dataChanged || PROJECTION_PROPS.some((p) => changed.has(p))) && this.points == null) {
      if (!this.guard(() => this.startProjection())) return;
    }
    // Marks are computed when first needed (labels, tooltip, table): 10^6 points need none.
    if (dataChanged || changed.has('jumpThreshold') || changed.has('confidenceThreshold')) this.marks = null;
    if (changed.has('sequence') || dataChanged) {
      const s = this.sequence;
      if (s != null && this.currentSequence() < 0) {
        this.warn('OUT_OF_RANGE', `sequence ${String(s)} does not exist (${data.n} sequences)`, 1);
      }
    }
    const colorsChanged =
      dataChanged ||
      ['colorBy', 'colors', 'colorScale', 'theme', 'highlight', 'sequence', 'lineColor', 'pointSize'].some((p) =>
        changed.has(p),
      );
    if (colorsChanged) this.recolor();
    this.updateRing();
  }

  private readInput() {
    const points = this.points != null ? readPoints(this.points) : null;
    const data = readSequences({
      sequences: this.sequences,
      states: this.states,
      offsets: this.offsets,
      expected: this.expected,
      classes: this.classes,
      tokens: this.tokens,
      truth: this.truth,
      predicted: this.predicted,
      ids: this.ids,
      ...(points && this.states == null && !Array.isArray(this.sequences) ? { rows: points.rows } : {}),
    });
    if (data && points && points.rows !== data.total) {
      throw new ClasslensError('LENGTH_MISMATCH', `points has ${points.rows} rows but there are ${data.total} steps`);
    }
    let values: Float64Array | null = null;
    if (this.values != null && data) {
      const v = this.values;
      if (typeof v !== 'object' || typeof v.length !== 'number') {
        throw new ClasslensError('INVALID_ARGUMENT', 'values: expected an array of numbers');
      }
      if (v.length !== data.total) {
        throw new ClasslensError('LENGTH_MISMATCH', `values has length ${v.length} but there are ${data.total} steps`);
      }
      values = new Float64Array(v.length);
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x !== 'number' || x === Infinity || x === -Infinity) {
          throw new ClasslensError(
            typeof x === 'number' ? 'NON_FINITE' : 'INVALID_ARGUMENT',
            `values: ${String(x)} at index ${i}`,
            { index: i },
          );
        }
        values[i] = x;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      this.valueDomain = lo <= hi ? [lo, hi] : [0, 1];
    }
    const hadLayout = this.layout !== null;
    this.resetWarnings();
    this.data = data;
    this.valuesArray = values;
    this.measures = null;
    this.marks = null;
    // Validate precomputed distances now (a coded error belongs to the input), compute later.
    if (data && this.distances != null) this.measures = stepMeasures(data, this.distances);
    this.lassoRows = null;
    this.index = null;
    if (!data) {
      this.clearData();
      return;
    }
    if (points) {
      this.task.abort();
      this.projectionRun++;
      this.dropQueuedLayout();
      this.projectedKey = '';
      this.setLayout(points.xy, true, false, points.bounds);
    } else if (!hadLayout || this.layout?.length !== data.total * 2) {
      this.layout = null;
      this.layoutFinal = false;
      this.bounds = null;
    }
    if (hadLayout) this.interaction.remap();
    else this.interaction.reset();
  }

  private clearData() {
    this.task.abort();
    this.projectionRun++;
    this.dropQueuedLayout();
    this.data = null;
    this.measures = null;
    this.marks = null;
    this.layout = null;
    this.layoutFinal = false;
    this.bounds = null;
    this.projectedKey = '';
    this.interaction.reset();
  }

  private startProjection() {
    const data = this.data;
    if (!data) return;
    if (!data.states) {
      if (data.total > 0) throw new ClasslensError('MISSING_KEY', 'states or points: nothing to place the steps by');
      return;
    }
    const settings: ProjectionSettings = { method: this.method === 'pca' ? 'pca' : 'tsne', seed: this.seedValue() };
    const p = this.perplexity;
    if (typeof p === 'number' && Number.isFinite(p)) settings.perplexity = p;
    const it = this.iterations;
    if (typeof it === 'number' && Number.isInteger(it) && it >= 0) settings.iterations = Math.min(it, 100_000);
    const key = JSON.stringify(settings);
    if (key === this.projectedKey && (this.layoutFinal || this.task.pending)) return;
    this.projectedKey = key;
    this.layoutFinal = false;
    void this.task.run(data.states, settings);
  }

  /** Step distances and prediction changes, computed on first use. */
  private stepMeasures(): StepMeasures | null {
    if (!this.measures && this.data) this.measures = stepMeasures(this.data, this.distances);
    return this.measures;
  }

  /** Jump, confidence and class-change marks for the thresholds, computed on first use. */
  private stepMarks(): StepMarks | null {
    const data = this.data;
    const measures = this.stepMeasures();
    if (!this.marks && data && measures) this.marks = markSteps(data, measures, this.jump(), this.confidence());
    return this.marks;
  }

  private seedValue(): number {
    return typeof this.seed === 'number' && Number.isFinite(this.seed) ? this.seed : 1;
  }

  private projectionRun = 0;
  private queuedLayout: Float32Array | Float64Array | null = null;
  private layoutFrame = 0;
  /** Intermediate layouts drawn so far (for tests: they are coalesced to one per frame). */
  intermediateLayoutsDrawn = 0;

  /**
   * An intermediate t-SNE layout from run `run`: kept until the next animation frame, so
   * that however fast the worker posts, the main thread draws at most one per frame (the
   * newest); a later run, an abort or the final layout drops it.
   */
  private queueLayout(layout: Float32Array | Float64Array, run: number) {
    if (run !== this.projectionRun) return;
    this.queuedLayout = layout;
    if (this.layoutFrame || typeof requestAnimationFrame !== 'function') return;
    this.layoutFrame = requestAnimationFrame(() => {
      this.layoutFrame = 0;
      const l = this.queuedLayout;
      this.queuedLayout = null;
      if (!l || run !== this.projectionRun || !this.task.pending) return;
      this.intermediateLayoutsDrawn++;
      this.setLayout(l, false);
    });
  }

  private dropQueuedLayout() {
    this.queuedLayout = null;
    if (this.layoutFrame) cancelAnimationFrame(this.layoutFrame);
    this.layoutFrame = 0;
  }

  /** A new layout: intermediate (t-SNE iterating) or final. */
  private setLayout(
    layout: Float32Array | Float64Array,
    final: boolean,
    update = true,
    known: readonly [number, number, number, number] | null = null,
  ) {
    const data = this.data;
    if (!data || layout.length !== data.total * 2) return;
    // Kept as given (a Float32 layout from the worker or of 10^6 input points is not widened).
    this.layout = layout;
    this.layoutVersion++;
    this.layoutFinal = final;
    // Input points come with their bounds (taken in the pass that checked them).
    const [x0, y0, x1, y1] = known ?? (layout instanceof Float32Array ? bounds32(layout) : bounds64(layout));
    this.bounds = x0 <= x1 ? { x0, y0, x1, y1 } : null;
    if (this.bounds && x0 === x1) this.bounds = { ...this.bounds, x0: x0 - 1, x1: x1 + 1 };
    if (this.bounds && y0 === y1) this.bounds = { ...this.bounds, y0: y0 - 1, y1: y1 + 1 };
    this.fillPositions();
    if (update) this.requestUpdate();
  }

  private indexTask = 0;
  /** Builds the spatial index when the page is idle, so the first hover does not pay for it. */
  private prepareIndex() {
    const g = globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number };
    const build = () => {
      this.indexTask = 0;
      if (!this.index && this.layout && this.layoutFinal)
        this.index = new PointIndex(this.base.positions, this.base.count);
    };
    if (this.indexTask) return;
    this.indexTask = g.requestIdleCallback
      ? g.requestIdleCallback(build, { timeout: 2000 })
      : (setTimeout(build, 200) as unknown as number);
  }

  /** Positions in draw order for the GL layers; the selected sequence's polyline. */
  private fillPositions() {
    const L = this.layout;
    const data = this.data;
    if (!L || !data) return;
    const n = data.total;
    const order = this.order && this.order.length === n ? this.order : null;
    let pos: Float32Array;
    if (!order) {
      // In step order a Float32 layout is drawn as it is (it is ours: a copy of the input,
      // or the worker's transferred array), so 10^6 points cost no copy.
      pos = L instanceof Float32Array ? L : Float32Array.from(L);
    } else {
      if (this.drawPositions.length !== 2 * n) this.drawPositions = new Float32Array(2 * n);
      pos = this.drawPositions;
      for (let k = 0; k < n; k++) {
        const i = order[k];
        pos[2 * k] = L[2 * i];
        pos[2 * k + 1] = L[2 * i + 1];
      }
    }
    const colors = this.rgba.length === 4 * n ? (order ? this.reorderColors(order) : this.rgba) : null;
    this.base.setPoints(pos, colors);
    this.index = null;
    this.prepareIndex();
    this.buildEmphasisLayers();
  }

  private drawColors: Uint8Array = new Uint8Array(0);
  private reorderColors(order: Uint32Array): Uint8Array {
    const n = order.length;
    if (this.drawColors.length !== 4 * n) this.drawColors = new Uint8Array(4 * n);
    const src = new Uint32Array(this.rgba.buffer, this.rgba.byteOffset, n);
    const out = new Uint32Array(this.drawColors.buffer, 0, n);
    for (let k = 0; k < n; k++) out[k] = src[order[k]];
    return this.drawColors;
  }

  private themeColor(prop: string, fallback: string): string {
    return getComputedStyle(this).getPropertyValue(prop).trim() || fallback;
  }

  /** Colours, draw order and emphasis from the current settings. */
  private recolor() {
    const data = this.data;
    if (!data) return;
    // Theme colours read once per recolour (theme changes recolour): a pan frame must not
    // force a style recalculation.
    this.fgRgba = parseColor(this.themeColor('--cl-color-fg', '#1f2328'));
    this.bgRgba = parseColor(this.themeColor('--cl-color-bg', '#ffffff'));
    const cs = getComputedStyle(this);
    const fs = parseFloat(cs.getPropertyValue('--cl-font-size')) || parseFloat(cs.fontSize) || 12;
    this.labelFont = { fs, font: `${fs}px ${cs.getPropertyValue('--cl-font-family').trim() || cs.fontFamily}` };
    const scale = this.classScale(data.classes);
    const css = data.classes.map((k) => this.classColor(scale, k));
    this.classRgba = css.map((c) => parseColor(c));
    this.ep = new EpColors(
      css.map((c) => rgbaHex(parseColor(c))),
      rgbaHex(parseColor(this.otherColor)),
    );
    // Emphasis: the selected sequence, the lasso, the highlight.
    let emphasis: Uint8Array | null = null;
    const s = this.currentSequence();
    const mask = this.highlightMask(data.total);
    if (s >= 0 || mask || this.lassoRows) {
      emphasis = mask ?? new Uint8Array(data.total);
      if (s >= 0) emphasis.fill(1, data.offsets[s], data.offsets[s + 1]);
      if (this.lassoRows) for (const r of this.lassoRows) emphasis[r] = 1;
    }
    this.emphasis = emphasis;
    const low = parseColor(this.themeColor('--cl-proj-value-low', '#d8dee4'));
    const high = parseColor(this.themeColor('--cl-proj-value-high', '#c2410c'));
    const ramp = Array.from({ length: EP_LEVELS }, (_, i) => mixRgb(low, high, i / (EP_LEVELS - 1)));
    const by = COLOR_BYS.includes(this.colorBy) ? this.colorBy : 'ep';
    // A selected sequence fades the rest gently (its context matters); a highlight or a
    // lasso dims it as every view does.
    const dim = parseFloat(
      mask || this.lassoRows
        ? this.themeColor('--cl-dim-opacity', '0.15')
        : this.themeColor('--cl-proj-fade-opacity', '0.35'),
    );
    const right = parseFloat(this.themeColor('--cl-proj-right-opacity', '0.55'));
    this.rgba = pointColors(
      {
        data,
        colorBy: by,
        ep: this.ep,
        classColors: this.classRgba,
        other: parseColor(this.otherColor),
        right: parseColor(this.themeColor('--cl-proj-right-color', this.otherColor)),
        wrong: parseColor(this.themeColor('--cl-proj-wrong-color', this.themeColor('--cl-color-error', '#d1242f'))),
        valueRamp: ramp,
        values: this.valuesArray,
        valueDomain: this.valueDomain,
        rightOpacity: Number.isFinite(right) ? Math.min(1, Math.max(0, right)) : 0.55,
        dimOpacity: Number.isFinite(dim) ? Math.min(1, Math.max(0, dim)) : 0.15,
        emphasis,
      },
      this.rgba.length === data.total * 4 ? this.rgba : undefined,
    );
    // Without emphasis or right/wrong, points draw in step order: no permutation to build.
    const order = emphasis || (data.truth && data.predicted) ? drawOrder({ data, emphasis }) : null;
    this.order = order && order.some((r, k) => r !== k) ? order : null;
    const size = this.pointSizePx();
    this.base.size = size;
    // Tiny points are squares: a disc of one or two pixels looks the same, and the CPU
    // raster skips the disc test for each of 10^6 points.
    this.base.shape = size < 2.5 ? 'square' : 'circle';
    this.emph.size = size + 1;
    this.outline.size = size + 3;
    this.ring.size = size + 7;
    this.ringFill.size = size + 3;
    this.fillPositions();
  }

  private pointSizePx(): number {
    const p = this.pointSize;
    if (typeof p === 'number' && Number.isFinite(p) && p > 0) return Math.min(40, p);
    const n = this.data?.total ?? 0;
    return n < 1000 ? 6 : n < 10_000 ? 4 : n < 200_000 ? 3 : n < 500_000 ? 2 : 1;
  }

  /** The emphasised points (selected sequence, on top), its polyline, and the hover ring. */
  private buildEmphasisLayers() {
    const data = this.data;
    const L = this.layout;
    if (!data || !L) return;
    const s = this.currentSequence();
    const rows: number[] = [];
    if (s >= 0) for (let r = data.offsets[s]; r < data.offsets[s + 1]; r++) rows.push(r);
    const pos = new Float32Array(rows.length * 2);
    const cols = new Uint8Array(rows.length * 4);
    rows.forEach((r, k) => {
      pos[2 * k] = L[2 * r];
      pos[2 * k + 1] = L[2 * r + 1];
      cols.set(this.rgba.subarray(4 * r, 4 * r + 3), 4 * k);
      cols[4 * k + 3] = 255;
    });
    const fg = this.fgRgba;
    const bg = this.bgRgba;
    this.outline.color = fg;
    this.outline.setPoints(pos);
    this.emph.setPoints(pos, cols);
    // The trajectory: one two-vertex polyline per step, so each segment has its own colour.
    const segs = Math.max(0, rows.length - 1);
    const lp = new Float32Array(segs * 4);
    const starts = new Uint32Array(segs);
    const lc = new Uint8Array(segs * 4);
    const byTime = this.lineColor === 'time';
    for (let k = 0; k < segs; k++) {
      lp.set(pos.subarray(2 * k, 2 * k + 4), 4 * k);
      starts[k] = 2 * k;
      const c: Rgba = byTime
        ? mixRgb(mixRgb(bg, fg, 0.25), fg, segs > 1 ? k / (segs - 1) : 1)
        : [cols[4 * (k + 1)], cols[4 * (k + 1) + 1], cols[4 * (k + 1) + 2], 255];
      lc.set([c[0], c[1], c[2], 230], 4 * k);
    }
    this.line.width = 2;
    this.line.setLines(lp, starts, lc);
    this.updateRing();
  }

  /** The ring around the hovered or focused point. */
  private updateRing() {
    const L = this.layout;
    const r = this.interaction.tooltipMark;
    if (!L || r === null || r >= L.length / 2) {
      this.ring.setPoints(new Float32Array(0));
      this.ringFill.setPoints(new Float32Array(0));
      return;
    }
    const p = Float32Array.of(L[2 * r], L[2 * r + 1]);
    this.ring.color = this.fgRgba;
    this.ring.setPoints(p);
    const c = this.rgba;
    this.ringFill.color = c.length >= 4 * r + 3 ? [c[4 * r], c[4 * r + 1], c[4 * r + 2], 255] : this.ring.color;
    this.ringFill.setPoints(p);
  }

  private scene(): GlScene | null {
    const { width, height } = this.plotSize();
    const t = this.view.transform();
    if (!this.data || !this.layout || !t || width <= 0 || height <= 0) return null;
    return {
      width,
      height,
      background: this.bgRgba,
      transform: t,
      layers: [this.base, this.line, this.outline, this.emph, this.ring, this.ringFill],
    };
  }

  private plotSize(): { width: number; height: number } {
    if (this.size.width > 0 && this.size.height > 0) return { width: this.size.width, height: this.size.height };
    // Before the resize observer has reported (the plot was just created), measure it, so
    // that the first frame after new data already draws.
    const plot = this.renderRoot?.querySelector<HTMLElement>('.plot');
    return plot ? { width: plot.clientWidth, height: plot.clientHeight } : { width: 0, height: 0 };
  }

  private size_(): number {
    return this.pointSizePx();
  }

  private jump(): number {
    return readThreshold(this.jumpThreshold, DEFAULT_JUMP_THRESHOLD);
  }

  private confidence(): number {
    return readThreshold(this.confidenceThreshold, DEFAULT_CONFIDENCE_THRESHOLD);
  }

  private currentSequence(): number {
    const s = this.sequence;
    const d = this.data;
    return typeof s === 'number' && Number.isInteger(s) && d && s >= 0 && s < d.n ? s : -1;
  }

  // ——— interaction ———

  private pointKey(r: number): string {
    const d = this.data;
    if (!d) return markKey('point', r);
    const s = d.sequenceOf[r];
    return markKey('point', String(d.ids[s]), r - d.offsets[s]);
  }

  private findPoint(key: string): number | null {
    const d = this.data;
    if (!d) return null;
    const [, id, k] = JSON.parse(key) as [string, string, number];
    const s = d.ids.findIndex((x) => String(x) === id);
    return s >= 0 && k < d.lengths[s] ? d.offsets[s] + k : null;
  }

  private pointDetail(r: number | null): ClMarkDetail {
    const d = this.data;
    if (r === null || !d) return { kind: 'none', stage: null, keys: [], value: 0, indices: EMPTY };
    const s = d.sequenceOf[r];
    return {
      kind: 'point',
      stage: null,
      keys: [d.ids[s]],
      value: s,
      indices: Uint32Array.of(r),
      sequence: s,
      step: r - d.offsets[s],
    };
  }

  private sequenceDetail(s: number | null): ClMarkDetail {
    const d = this.data;
    if (s === null || !d) return { kind: 'none', stage: null, keys: [], value: 0, indices: EMPTY, sequence: null };
    const indices = new Uint32Array(d.lengths[s]);
    for (let k = 0; k < indices.length; k++) indices[k] = d.offsets[s] + k;
    return { kind: 'sequence', stage: null, keys: [d.ids[s]], value: s, indices, sequence: s };
  }

  /** ←/→ along the trajectory; ↑/↓ to the previous/next sequence; Home/End: its first/last step. */
  private navigate(from: number | null, key: string): number | null {
    const d = this.data;
    if (!d || d.total === 0) return null;
    if (from === null) {
      const s = this.currentSequence();
      return s >= 0 && d.lengths[s] > 0 ? d.offsets[s] : 0;
    }
    const s = d.sequenceOf[from];
    const a = d.offsets[s];
    const b = d.offsets[s + 1] - 1;
    switch (key) {
      case 'ArrowLeft':
        return Math.max(a, from - 1);
      case 'ArrowRight':
        return Math.min(b, from + 1);
      case 'Home':
        return a;
      case 'End':
        return b;
      case 'ArrowUp':
      case 'ArrowDown':
      case 'PageUp':
      case 'PageDown': {
        const dir = key === 'ArrowUp' || key === 'PageUp' ? -1 : 1;
        const k = from - a;
        for (let t = s + dir; t >= 0 && t < d.n; t += dir) {
          if (d.lengths[t] > 0) return d.offsets[t] + Math.min(k, d.lengths[t] - 1);
        }
        return from;
      }
      default:
        return from;
    }
  }

  private describe(r: number): TooltipContent {
    const d = this.data as SequenceData;
    const s = d.sequenceOf[r];
    const k = r - d.offsets[s];
    const rows: [string, string][] = [];
    if (d.n > 1 || d.lengths[s] > 1) rows.push(['Sequence', truncate(String(d.ids[s]), 30)]);
    if (d.lengths[s] > 1) rows.push(['Step', `${k + 1} of ${d.lengths[s]}`]);
    // A binary EP answers from its scalar (`probAt`): hovering never builds the two columns.
    if ((d.binary || d.probs) && d.top && d.ep) {
      const top = d.top[r];
      if (d.probCols === 2) rows.push([`P(${truncate(String(d.classes[1]), 18)})`, formatPercent(d.ep[r])]);
      rows.push(['Top class', `${truncate(String(d.classes[top]), 20)} (${formatPercent(probAt(d, r, top))})`]);
    }
    if (d.truth) rows.push(['True class', truncate(String(d.classes[d.truth[s]]), 24)]);
    if (d.predicted && d.predicted[s] >= 0) rows.push(['Predicted', truncate(String(d.classes[d.predicted[s]]), 24)]);
    if (this.valuesArray) rows.push([truncate(this.valueLabel || 'Value', 24), formatValue(this.valuesArray[r])]);
    const m = this.stepMarks();
    const notes: string[] = [];
    if (m?.jump[r]) notes.push('▲ jump');
    if (m?.confidence[r]) notes.push('● confidence change');
    if (m?.flip[r]) notes.push('◆ class change');
    const title = d.tokens ? d.tokens[r] || '(empty token)' : d.lengths[s] > 1 ? `Step ${k + 1}` : String(d.ids[s]);
    return { title: truncate(title, 60), rows, ...(notes.length ? { note: notes.join(' · ') } : {}) };
  }

  /** Where the tooltip of a keyboard-focused point goes, in host pixels. */
  private anchor(r: number): { x: number; y: number } {
    const t = this.view.transform();
    const L = this.layout;
    const plot = this.renderRoot.querySelector('.plot');
    if (!t || !L || !plot) return { x: 0, y: 0 };
    const pr = plot.getBoundingClientRect();
    const hr = this.getBoundingClientRect();
    return { x: pr.left - hr.left + t.sx * L[2 * r] + t.tx, y: pr.top - hr.top + t.sy * L[2 * r + 1] + t.ty };
  }

  private readonly onPlotMove = (e: PointerEvent) => {
    this.view.onPointerMove(e);
    if (this.view.dragging) return;
    this.interaction.onPointerMove(e);
    const r = (e.currentTarget as Element).getBoundingClientRect();
    const row = this.pick(e.clientX - r.left, e.clientY - r.top);
    this.hover(row < 0 ? null : row);
  };

  private readonly onPlotLeave = () => {
    this.interaction.onPointerLeave();
    this.updateRing();
    this.gl.requestRender();
  };

  private hover(row: number | null) {
    if (this.interaction.same(row, this.interaction.hovered)) return;
    this.interaction.enter(row);
    this.updateRing();
  }

  private clickAt(X: number, Y: number) {
    const row = this.pick(X, Y);
    if (row < 0) {
      if (this.lassoRows) {
        this.lassoRows = null;
        this.recolor();
        this.requestUpdate();
        emit(this, 'cl-select', this.sequenceDetail(null));
      } else if (this.currentSequence() >= 0) this.selectSequence(null);
      return;
    }
    this.interaction.focused = row;
    this.interaction.keyboard = false;
    const s = (this.data as SequenceData).sequenceOf[row];
    this.selectSequence(s === this.currentSequence() ? null : s);
  }

  private selectSequence(s: number | null) {
    this.lassoRows = null;
    this.sequence = s;
    emit(this, 'cl-select', this.sequenceDetail(s));
  }

  private lassoSelect(poly: Float64Array) {
    if (!this.layout) return;
    if (!this.index) this.index = new PointIndex(this.base.positions, this.base.count);
    const inside = this.index.inPolygon(poly);
    const rows = new Uint32Array(inside.length);
    const order = this.order;
    for (let k = 0; k < inside.length; k++) rows[k] = order ? order[inside[k]] : inside[k];
    rows.sort();
    this.lassoRows = rows;
    this.recolor();
    this.requestUpdate();
    emit<ClMarkDetail>(this, 'cl-select', {
      kind: 'lasso',
      stage: null,
      keys: [],
      value: rows.length,
      indices: rows,
      sequence: null,
    });
  }

  private readonly onPlotKey = (e: KeyboardEvent) => {
    if (this.view.onKeyDown(e)) return;
    const it = this.interaction;
    if ((e.key === 'Enter' || e.key === ' ') && it.focused !== null) {
      e.preventDefault();
      const s = (this.data as SequenceData).sequenceOf[it.focused];
      it.keyboard = true;
      this.selectSequence(s === this.currentSequence() ? null : s);
      return;
    }
    if (e.key === 'Escape') {
      if (this.lassoRows) {
        this.lassoRows = null;
        this.recolor();
      }
      if (this.currentSequence() >= 0) this.selectSequence(null);
    }
    if (e.key === 'Enter' || e.key === ' ') return;
    it.onKeyDown(e);
    this.updateRing();
  };

  private readonly onPlotFocus = () => {
    this.interaction.onFocus();
    this.updateRing();
  };

  private readonly onPlotBlur = () => {
    this.interaction.onBlur();
    this.updateRing();
  };

  // ——— rendering ———

  private extrasData: SequenceData | null = null;
  private extrasTask = 0;

  /** Whether the legend and table of `d` may render now (see {@link DEFER_EXTRAS}); else schedules them. */
  private extrasReady(d: SequenceData): boolean {
    if (d.total < DEFER_EXTRAS || this.extrasData === d) return true;
    if (!this.extrasTask) {
      const g = globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number };
      const done = () => {
        this.extrasTask = 0;
        this.extrasData = this.data;
        this.requestUpdate();
      };
      // After the frame that shows the points: idle, or at most half a second later.
      this.extrasTask = g.requestIdleCallback
        ? g.requestIdleCallback(done, { timeout: 500 })
        : (setTimeout(done, 50) as unknown as number);
    }
    return false;
  }

  protected override render(): TemplateResult {
    const d = this.data;
    const state = this.renderState(!d || d.total === 0);
    if (state !== nothing) {
      return html`<div class="frame">${this.renderHeading()}${state}</div>`;
    }
    const data = d as SequenceData;
    const extras = this.extrasReady(data);
    const t = this.view.transform();
    const labels = t ? this.placeLabels(t) : [];
    this.placed = labels;
    const it = this.interaction;
    const v = this.view;
    return html`<div class="frame">
      ${this.renderHeading()}
      <div
        class="plot ${this.lasso ? 'plot--lasso' : ''}"
        part="plot"
        tabindex="0"
        role="application"
        aria-roledescription="projection"
        aria-label=${this.summary(data)}
        @pointerdown=${(e: PointerEvent) => {
          it.onPointerDown();
          v.onPointerDown(e);
        }}
        @pointermove=${this.onPlotMove}
        @pointerup=${v.onPointerUp}
        @pointercancel=${v.onPointerCancel}
        @pointerleave=${this.onPlotLeave}
        @dblclick=${v.onDoubleClick}
        @wheel=${v.onWheel}
        @keydown=${this.onPlotKey}
        @focus=${this.onPlotFocus}
        @blur=${this.onPlotBlur}
      >
        ${this.layout ? this.gl.canvas : nothing}
        <svg class="overlay" aria-hidden="true">
          ${labels.map(
            (l) => svg`<text part="label" class="label" x=${l.x} y=${l.y} dominant-baseline="hanging">${l.text}</text>`,
          )}
          ${
            this.lassoPath
              ? svg`<polygon part="lasso" class="lasso" points=${pairs(this.lassoPath)}></polygon>`
              : nothing
          }
        </svg>
        ${
          this.task.pending
            ? html`<div class="progress-wrap">
                ${this.task.renderProgress(this.method === 'pca' ? 'Projecting (PCA)' : 'Projecting (t-SNE)')}
              </div>`
            : nothing
        }
      </div>
      ${this.hideLegend || !extras ? nothing : this.renderLegendFor(data)} ${it.renderTooltip()}
      ${it.renderLiveRegion()} ${this.task.pending || !extras ? nothing : this.renderTable(data)}
    </div>`;
  }

  /** Word labels of the selected sequence: jumps, confidence and class changes; no overlaps. */
  private placeLabels(t: ViewTransform): ProjectionLabel[] {
    const d = this.data;
    const L = this.layout;
    const s = this.currentSequence();
    const m = s >= 0 ? this.stepMarks() : null;
    if (!d || !L || !m || s < 0) return [];
    const { width, height } = this.plotSize();
    const { fs, font } = this.labelFont;
    const dist = this.stepMeasures()?.distances;
    const max = this.stepMeasures()?.max ?? NaN;
    const cand: { row: number; text: string; kinds: ProjectionLabel['kinds']; priority: number }[] = [];
    for (let r = d.offsets[s]; r < d.offsets[s + 1]; r++) {
      const kinds: ProjectionLabel['kinds'] = [];
      if (m.jump[r]) kinds.push('jump');
      if (m.confidence[r]) kinds.push('confidence');
      if (m.flip[r]) kinds.push('flip');
      if (!kinds.length) continue;
      const glyphs = kinds.map((k) => (k === 'jump' ? '▲' : k === 'confidence' ? '●' : '◆')).join('');
      const word = d.tokens ? d.tokens[r] : `step ${r - d.offsets[s] + 1}`;
      const norm = dist && max > 0 && dist[r] >= 0 ? dist[r] / max : 0;
      cand.push({ row: r, text: `${glyphs} ${truncate(word, 24)}`, kinds, priority: kinds.length + norm });
    }
    cand.sort((a, b) => b.priority - a.priority || a.row - b.row);
    const kept = cand.slice(0, MAX_LABELS);
    const slots = placeLabels2d(
      kept.map((c) => ({
        x: t.sx * L[2 * c.row] + t.tx,
        y: t.sy * L[2 * c.row + 1] + t.ty,
        width: textWidth(c.text, font) + 4,
        height: fs + 3,
        priority: c.priority,
      })),
      { x0: 2, y0: 2, x1: width - 2, y1: height - 2 },
      { offset: this.pointSizePx() / 2 + 3 },
    );
    const out: ProjectionLabel[] = [];
    kept.forEach((c, i) => {
      const slot = slots[i];
      if (slot) out.push({ row: c.row, text: c.text, kinds: c.kinds, x: slot.x + 2, y: slot.y + 1 });
    });
    return out;
  }

  private summary(d: SequenceData): string {
    const name = this.label || this.heading || 'Projection of hidden states';
    const s = this.currentSequence();
    const by = { ep: 'expected prediction', truth: 'true class', correct: 'right or wrong', value: 'value' }[
      COLOR_BYS.includes(this.colorBy) ? this.colorBy : 'ep'
    ];
    return (
      `${name}: ${formatCount(d.total)} points of ${formatCount(d.n)} sequences, coloured by ${by}.` +
      (s >= 0 ? ` Sequence ${String(d.ids[s])} selected.` : '') +
      ' Arrow keys move between points (left/right along a sequence, up/down between sequences), Enter selects a sequence, +/− zoom, Shift+arrows pan, 0 resets.'
    );
  }

  private renderLegendFor(d: SequenceData): TemplateResult | typeof nothing {
    return renderProjectionLegend({
      data: d,
      colorBy: COLOR_BYS.includes(this.colorBy) ? this.colorBy : 'ep',
      classColors: this.classRgba,
      ep: this.ep as EpColors,
      valueDomain: this.valueDomain,
      valueLabel: this.valueLabel,
      color: (prop, fallback) => this.themeColor(prop, fallback),
      otherColor: this.otherColor,
    });
  }

  private renderTable(d: SequenceData): unknown {
    const s = this.currentSequence();
    // A pan or hover keeps the table: `guard` skips its 300 rows entirely.
    return guard([d, this.layoutVersion, s, this.showTable, this.marks], () => this.buildTable(d, s));
  }

  private buildTable(d: SequenceData, s: number): TemplateResult {
    // Marks for the selected sequence only (computing them for 10^6 unselected points
    // would cost the first frame).
    return renderProjectionTable(d, this.layout, s, s >= 0 ? this.stepMarks() : null, this.showTable);
  }
}

/** `[x0, y0, x1, y1]` of interleaved points; one copy per array type so each loop stays monomorphic. */
function bounds32(xy: Float32Array): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

function bounds64(xy: Float64Array): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

function pairs(path: readonly number[]): string {
  const out: string[] = [];
  for (let k = 0; k + 1 < path.length; k += 2) out.push(`${path[k].toFixed(1)},${path[k + 1].toFixed(1)}`);
  return out.join(' ');
}
