import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { HistogramBin, Key, MatrixLike } from '@classlens/core';
import { emit, type ClChangeDetail, type ClMarkDetail } from '../events.js';
import { ClBaseElement } from '../internal/base-element.js';
import { MarkInteractionController, markKey } from '../internal/controllers/mark-interaction.js';
import { ResizeController } from '../internal/controllers/resize-controller.js';
import { renderDataTable } from '../internal/data-table.js';
import { formatCount, formatPercent, truncate } from '../internal/format.js';
import { stateStyles } from '../internal/styles/states.styles.js';
import { themeStyles } from '../internal/styles/theme.styles.js';
import type { TooltipContent } from '../internal/tooltip.js';
import { EpColors } from '../internal/trajectory/ep-colors.js';
import { readSequences, type SequenceData, type SequenceRecord } from '../internal/trajectory/sequence-data.js';
import {
  DEFAULT_CONFIDENCE_THRESHOLD,
  DEFAULT_JUMP_THRESHOLD,
  markSteps,
  readThreshold,
  stepMeasures,
  type StepMarks,
  type StepMeasures,
} from '../internal/trajectory/step-marks.js';
import {
  classificationOverview,
  distanceHistogram,
  filterSequences,
  type ClassificationOverview,
  type SequenceFilter,
} from './overview.js';
import {
  renderAll,
  renderClassBars,
  renderFilters,
  renderSummary,
  renderTable,
  type OverviewView,
} from './overview-view.js';
import { sequenceDetailStyles } from './sequence-detail.styles.js';
import {
  labelOf,
  MARK_GLYPHS,
  renderDistances,
  renderHeatmap,
  renderWords,
  stepAxis,
  heatmapRows,
  type SequenceHandlers,
  type SequenceView,
} from './sequence-view.js';

/** What `cl-sequence-detail` shows below the overview. */
export type SequenceDetailView = 'sequence' | 'all';
const VIEWS: readonly SequenceDetailView[] = ['sequence', 'all'];
const RESULTS: readonly SequenceFilter['correct'][] = ['all', 'right', 'wrong'];
const EMPTY = new Uint32Array(0);
const DATA_PROPS = [
  'sequences',
  'states',
  'offsets',
  'expected',
  'classes',
  'tokens',
  'truth',
  'predicted',
  'ids',
  'distances',
] as const;

/**
 * One sequence of a recurrent classifier, word by word, after Garcia, Munz & Weiskopf,
 * "Visual analytics tool for the interpretation of hidden states in recurrent neural
 * networks" (2021): the words coloured by the expected prediction (EP) with jump,
 * confidence-change and class-change marks; the time × class EP heatmap; and the distance
 * bars with a draggable jump-threshold line beside the histogram of step distances over
 * the data set. Above it, the classification overview (counts, accuracy, per-class truth
 * and prediction bars) and a filterable table to pick a sequence; `view="all"` lists the
 * jump and change words of every sequence instead.
 *
 * Input: `sequences` records in the example-data format, or the columns `states` (every
 * step's hidden state, stacked) + `offsets` + `expected` + `tokens` + `truth` +
 * `predicted` (+ `ids`, `classes`). Step distances come from core's
 * `sequenceStepDistances(states)`, or precomputed as `distances`. The item-index space is
 * the step (row): `highlight`, `cl-hover` and `cl-select` use it, so the element links
 * with `cl-trajectory-projection` inside `<cl-linked>`.
 *
 * @customElement cl-sequence-detail
 * @summary One sequence word by word: EP colours, jumps and changes, the class heatmap, step distances; the classification overview.
 *
 * @fires cl-hover - A word, heatmap column or distance bar is hovered or keyboard-focused (`kind: 'none'` when left). Detail: `{ kind: 'point', stage: null, keys: [id], value: sequence, indices: [row], sequence, step }`.
 * @fires cl-select - A word was clicked (`kind: 'point'`), or a sequence was picked in the table (`kind: 'sequence'`, `indices` its rows, `value` its index). Detail: `{ kind, stage, keys, value, indices, sequence, step? }`.
 * @fires cl-change - The jump threshold was dragged or changed with the keyboard. Detail: `{ name: 'jump-threshold', value }`.
 * @fires cl-error - The input was rejected; the element shows the error. Detail: `{ code, message }`.
 * @fires cl-warning - Something was left out (a sequence index out of range, classes past `max-classes`). Detail: `{ code, message, count }`.
 *
 * @csspart overview - The classification overview (summary, class bars, filters, table).
 * @csspart summary - Counts and accuracy.
 * @csspart class-bars - Per-class truth and prediction bars.
 * @csspart filters - The table's filters.
 * @csspart sequence-table - The sequence table.
 * @csspart detail - The selected sequence's three parts.
 * @csspart chart - The focusable group of words, heatmap and bars.
 * @csspart placeholder - The prompt shown before a sequence is picked.
 * @csspart words - The words coloured by EP.
 * @csspart word - One word.
 * @csspart heatmap - The time × class EP heatmap.
 * @csspart distances - The distance bars, threshold and histogram.
 * @csspart bar - One distance bar.
 * @csspart histogram - The histogram of step distances over the data set.
 * @csspart threshold - The draggable jump-threshold line (a slider).
 * @csspart all - The all-sequences list (`view="all"`).
 * @csspart legend - The colour and mark legend.
 * @csspart heading - The visible title (`heading`).
 * @csspart tooltip - The tooltip.
 * @csspart table - The data-table alternative.
 * @csspart error - The error state.
 * @csspart empty - The empty state.
 *
 * @cssproperty [--cl-seq-jump-color=var(--cl-color-accent)] - Jump bars, the jump glyph and bars past the threshold.
 * @cssproperty [--cl-seq-bar-color=var(--cl-color-muted)] - Distance bars under the threshold.
 * @cssproperty [--cl-seq-threshold-color=var(--cl-color-error)] - The threshold line.
 * @cssproperty [--cl-seq-table-height=260px] - Most height of the sequence table before it scrolls.
 * @cssproperty [--cl-palette-0=#4269d0] - First of twenty categorical colours (`--cl-palette-0` … `-19`).
 * @cssproperty [--cl-color-other=#8c959f] - The neutral grey of an uncertain expected prediction.
 * @cssproperty [--cl-dim-opacity=0.15] - How far non-highlighted steps fade.
 * @cssproperty [--cl-font-family=system-ui] - Font.
 * @cssproperty [--cl-font-size=12px] - Text size.
 */
export class ClSequenceDetail extends ClBaseElement {
  static override styles = [themeStyles, stateStyles, sequenceDetailStyles];

  /** Sequences in the example-data format `{ id, label, prediction, tokens, states, expected }` (takes precedence over the columns). */
  @property({ attribute: false }) sequences: readonly SequenceRecord[] | null | undefined = undefined;

  /** Hidden state of every step, stacked sequence after sequence (total × d). */
  @property({ attribute: false }) states: MatrixLike | null | undefined = undefined;

  /** Sequence starts (n, from 0) or cumulative offsets (n + 1, ending at the number of steps). */
  @property({ attribute: false }) offsets: ArrayLike<number> | null | undefined = undefined;

  /** Expected prediction per step: P(positive) for a binary classifier, or a row of class probabilities (total × m). */
  @property({ attribute: false }) expected: ArrayLike<number> | MatrixLike | null | undefined = undefined;

  /** Class names, in the column order of `expected` (default `0 … m − 1`). */
  @property({ attribute: false }) classes: ArrayLike<Key> | null | undefined = undefined;

  /** The token read at each step (flat), or one array of tokens per sequence. */
  @property({ attribute: false }) tokens: ArrayLike<string> | readonly (readonly string[])[] | null | undefined =
    undefined;

  /** True class per sequence. */
  @property({ attribute: false }) truth: ArrayLike<Key> | null | undefined = undefined;

  /** Predicted class per sequence (default: the top class of its last step). */
  @property({ attribute: false }) predicted: ArrayLike<Key> | null | undefined = undefined;

  /** Unique id per sequence (default: its index). */
  @property({ attribute: false }) ids: ArrayLike<Key> | null | undefined = undefined;

  /** Precomputed step distances, one per step (NaN at sequence starts), instead of computing them from `states`. */
  @property({ attribute: false }) distances: ArrayLike<number> | null | undefined = undefined;

  /** Index of the sequence shown (`null`: none yet; pick one in the table). */
  @property({ type: Number, reflect: true }) sequence: number | null = null;

  /**
   * A step is a jump when its hidden-state distance divided by the data set's largest step
   * exceeds this (default 0.40, the paper's; strict `>`). Dragging the line changes it.
   */
  @property({ type: Number, attribute: 'jump-threshold', reflect: true }) jumpThreshold = DEFAULT_JUMP_THRESHOLD;

  /** A step is a confidence change when the expected prediction moves by more than this (default 0.30, the paper's). */
  @property({ type: Number, attribute: 'confidence-threshold', reflect: true }) confidenceThreshold =
    DEFAULT_CONFIDENCE_THRESHOLD;

  /** `sequence` (the selected sequence's three parts) or `all` (the jump and change words of every sequence). */
  @property({ reflect: true }) view: SequenceDetailView = 'sequence';

  /** Hide the classification overview (summary, class bars, filters and table). */
  @property({ type: Boolean, attribute: 'hide-overview', reflect: true }) hideOverview = false;

  /** Table filter: only sequences of this true class (its name; `null`: any). */
  @property({ attribute: 'filter-truth' }) filterTruth: Key | null = null;

  /** Table filter: only sequences predicted as this class (its name; `null`: any). */
  @property({ attribute: 'filter-predicted' }) filterPredicted: Key | null = null;

  /** Table filter: `all`, `right` or `wrong`. */
  @property({ attribute: 'filter-result' }) filterResult: SequenceFilter['correct'] = 'all';

  /** Tokens as one flowing paragraph (`flow`, words) or one per line (`lines`, e.g. image rows). */
  @property({ attribute: 'token-layout', reflect: true }) tokenLayout: 'flow' | 'lines' = 'flow';

  /** Draw tokens in a monospace font (character rows of an image). */
  @property({ type: Boolean, reflect: true }) monospace = false;

  /** Most heatmap rows; with more classes, those the sequence gives most probability to (default 20). */
  @property({ type: Number, attribute: 'max-classes', reflect: true }) maxClasses = 20;

  /** Show the data table under the chart (it is always available to screen readers). */
  @property({ type: Boolean, attribute: 'show-table', reflect: true }) showTable = false;

  @state() private data: SequenceData | null = null;
  private measures: StepMeasures | null = null;
  private marks: StepMarks | null = null;
  private hist: HistogramBin[] = [];
  private overviewData: ClassificationOverview | null = null;
  private classColors: string[] = [];
  private ep: EpColors | null = null;
  private heat: EpColors | null = null;
  private filtered: Uint32Array = EMPTY;
  private stepMask: Uint8Array | null = null;
  private touched: Uint8Array | null = null;
  private dragging = false;

  private readonly size = new ResizeController(this);
  private readonly interaction: MarkInteractionController<number> = new MarkInteractionController(this, {
    key: (r) => this.stepKey(r),
    find: (key) => this.findStep(key),
    detail: (r) => this.stepDetail(r),
    navigate: (from, key) => this.navigate(from, key),
    describe: (r) => this.describe(r),
    anchor: (r) => this.anchor(r),
    size: () => ({ width: this.size.width || this.clientWidth, height: this.clientHeight }),
  });

  /** The normalised input drawn (plain data), or `null`. */
  get sequenceData(): SequenceData | null {
    return this.data;
  }

  /** Per-step distances (NaN at sequence starts) and their normaliser, as drawn. */
  get stepDistances(): { distances: Float64Array | null; max: number } {
    return { distances: this.measures?.distances ?? null, max: this.measures?.max ?? NaN };
  }

  /** The rows (steps) marked for the current thresholds: jumps, confidence changes, class changes. */
  get markedSteps(): { jumps: Uint32Array; confidence: Uint32Array; flips: Uint32Array } {
    const m = this.marks;
    const rows = (mask: Uint8Array | undefined) => {
      const out: number[] = [];
      if (mask) for (let i = 0; i < mask.length; i++) if (mask[i]) out.push(i);
      return Uint32Array.from(out);
    };
    return { jumps: rows(m?.jump), confidence: rows(m?.confidence), flips: rows(m?.flip) };
  }

  /** The classification overview drawn (core's confusion counts, accuracy), or `null`. */
  get overview(): ClassificationOverview | null {
    return this.overviewData;
  }

  /** Sequence indices the table lists (after its filters). */
  get listedSequences(): Uint32Array {
    return this.filtered;
  }

  /** The histogram of normalised step distances over the data set, as drawn. */
  get distanceHistogram(): HistogramBin[] {
    return this.hist;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const dataChanged = DATA_PROPS.some((p) => changed.has(p)) || !this.hasUpdated;
    if (dataChanged) {
      const had = this.data;
      const ok = this.guard(() => {
        const data = readSequences(this);
        this.resetWarnings();
        this.data = data;
        this.measures = data ? stepMeasures(data, this.distances) : null;
        this.hist = this.measures ? distanceHistogram(this.measures) : [];
        this.overviewData = data ? classificationOverview(data) : null;
        if (had && data) this.interaction.remap();
        else this.interaction.reset();
      });
      if (!ok) {
        this.data = null;
        this.measures = null;
        this.overviewData = null;
        this.hist = [];
        this.interaction.reset();
      }
    }
    const data = this.data;
    if (!data || !this.measures) {
      this.marks = null;
      return;
    }
    const thresholds = changed.has('jumpThreshold') || changed.has('confidenceThreshold');
    if (dataChanged || thresholds || !this.marks) {
      this.guard(() => {
        this.marks = markSteps(data, this.measures as StepMeasures, this.jump(), this.confidence());
      });
    }
    if (dataChanged || changed.has('colors') || changed.has('colorScale') || changed.has('theme') || !this.ep) {
      const scale = this.classScale(data.classes);
      this.classColors = data.classes.map((k) => this.classColor(scale, k));
      const bg = this.themeColor('--cl-color-bg', '#ffffff');
      this.ep = new EpColors(this.classColors, this.otherColor);
      this.heat = new EpColors(this.classColors, bg);
    }
    if (dataChanged || ['filterTruth', 'filterPredicted', 'filterResult'].some((p) => changed.has(p))) {
      this.filtered = filterSequences(data, this.filter());
    }
    if (dataChanged || changed.has('highlight')) {
      this.stepMask = this.highlightMask(data.total);
      this.touched = null;
      if (this.stepMask) {
        this.touched = new Uint8Array(data.n);
        for (let r = 0; r < data.total; r++) if (this.stepMask[r]) this.touched[data.sequenceOf[r]] = 1;
      }
    }
    if (changed.has('sequence') || dataChanged) {
      const s = this.sequence;
      if (s != null && !this.validSequence(s)) {
        this.warn('OUT_OF_RANGE', `sequence ${String(s)} does not exist (${data.n} sequences)`, 1);
      }
      if (changed.has('sequence') && !dataChanged) this.interaction.reset();
    }
    if (data.probs && data.probs.cols > this.maxRows()) {
      this.warn(
        'TOP_CLASSES',
        `${data.probs.cols} classes: the heatmap shows the ${this.maxRows()} each sequence gives most probability to`,
        data.probs.cols - this.maxRows(),
      );
    }
  }

  private themeColor(prop: string, fallback: string): string {
    return getComputedStyle(this).getPropertyValue(prop).trim() || fallback;
  }

  private jump(): number {
    return readThreshold(this.jumpThreshold, DEFAULT_JUMP_THRESHOLD);
  }

  private confidence(): number {
    return readThreshold(this.confidenceThreshold, DEFAULT_CONFIDENCE_THRESHOLD);
  }

  private maxRows(): number {
    const m = this.maxClasses;
    return Number.isFinite(m) && m >= 1 ? Math.min(200, Math.floor(m)) : 20;
  }

  private validSequence(s: unknown): s is number {
    return typeof s === 'number' && Number.isInteger(s) && s >= 0 && this.data !== null && s < this.data.n;
  }

  /** The shown sequence, or -1. */
  private current(): number {
    return this.validSequence(this.sequence) ? this.sequence : -1;
  }

  private classIndex(k: Key | null | undefined): number {
    if (k == null || k === '' || !this.data) return -1;
    const i = this.data.classes.findIndex((c) => c === k || String(c) === String(k));
    return i;
  }

  private filter(): SequenceFilter {
    return {
      truth: this.classIndex(this.filterTruth),
      predicted: this.classIndex(this.filterPredicted),
      correct: RESULTS.includes(this.filterResult) ? this.filterResult : 'all',
    };
  }

  // ——— steps: identity, events, keyboard, tooltip ———

  private stepKey(r: number): string {
    const d = this.data;
    if (!d) return markKey('step', r);
    const s = d.sequenceOf[r];
    return markKey('step', String(d.ids[s]), r - d.offsets[s]);
  }

  private findStep(key: string): number | null {
    const d = this.data;
    const s = this.current();
    if (!d || s < 0) return null;
    const parts = JSON.parse(key) as [string, string, number];
    if (parts[1] !== String(d.ids[s]) || !(parts[2] < d.lengths[s])) return null;
    return d.offsets[s] + parts[2];
  }

  private stepDetail(r: number | null): ClMarkDetail {
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

  private navigate(from: number | null, key: string): number | null {
    const d = this.data;
    const s = this.current();
    if (!d || s < 0 || d.lengths[s] === 0) return null;
    const a = d.offsets[s];
    const b = d.offsets[s + 1] - 1;
    if (from === null || key === 'Home') return a;
    if (key === 'End') return b;
    const step = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1, PageUp: -5, PageDown: 5 }[key] ?? 0;
    return Math.min(b, Math.max(a, from + step));
  }

  private describe(r: number): TooltipContent {
    const d = this.data as SequenceData;
    const s = d.sequenceOf[r];
    const k = r - d.offsets[s];
    const rows: [string, string][] = [
      ['Step', `${k + 1} of ${d.lengths[s]}`],
      ['Sequence', truncate(String(d.ids[s]), 30)],
    ];
    if (d.probs && d.top && d.ep) {
      const m = d.probs.cols;
      const top = d.top[r];
      if (m === 2) rows.push([`P(${truncate(labelOf(d.classes[1]), 20)})`, formatPercent(d.ep[r])]);
      rows.push([
        'Top class',
        `${truncate(labelOf(d.classes[top]), 24)} (${formatPercent(d.probs.data[r * m + top])})`,
      ]);
    }
    const ms = this.measures;
    if (ms?.distances && ms.max > 0) {
      const f = ms.distances[r] / ms.max;
      rows.push(['Step distance', f >= 0 ? `${f.toFixed(2)} of the largest` : 'first step']);
    }
    if (ms?.changes && ms.changes[r] >= 0) rows.push(['Prediction change', formatPercent(ms.changes[r])]);
    const m = this.marks;
    const notes: string[] = [];
    if (m?.jump[r]) notes.push(`${MARK_GLYPHS.jump} jump`);
    if (m?.confidence[r]) notes.push(`${MARK_GLYPHS.confidence} confidence change`);
    if (m?.flip[r] && d.top)
      notes.push(`${MARK_GLYPHS.flip} predicted class changes to ${labelOf(d.classes[d.top[r]])}`);
    const word = d.tokens ? d.tokens[r] : `Step ${k + 1}`;
    return {
      title: truncate(word === '' ? '(empty token)' : word, 60),
      rows,
      ...(notes.length ? { note: notes.join(' · ') } : {}),
    };
  }

  private anchor(r: number): { x: number; y: number } {
    const el = this.renderRoot.querySelector(`.word[data-row="${r}"]`);
    if (!el) return { x: 0, y: 0 };
    const a = el.getBoundingClientRect();
    const h = this.getBoundingClientRect();
    return { x: a.left - h.left + a.width / 2, y: a.bottom - h.top };
  }

  // ——— sequences ———

  private readonly overviewHandlers = {
    pick: (s: number) => this.pick(s),
    setFilter: (f: Partial<SequenceFilter>) => {
      const d = this.data;
      if (!d) return;
      if (f.truth !== undefined) this.filterTruth = f.truth < 0 ? null : d.classes[f.truth];
      if (f.predicted !== undefined) this.filterPredicted = f.predicted < 0 ? null : d.classes[f.predicted];
      if (f.correct !== undefined) this.filterResult = f.correct;
    },
  };

  /** Shows sequence `s` and emits `cl-select` with its rows. */
  pick(s: number): void {
    const d = this.data;
    if (!d || !this.validSequence(s)) return;
    this.sequence = s;
    const indices = new Uint32Array(d.lengths[s]);
    for (let k = 0; k < indices.length; k++) indices[k] = d.offsets[s] + k;
    emit<ClMarkDetail>(this, 'cl-select', {
      kind: 'sequence',
      stage: null,
      keys: [d.ids[s]],
      value: s,
      indices,
      sequence: s,
    });
  }

  // ——— the threshold line ———

  private setThreshold(v: number) {
    const next = Math.round(Math.min(1, Math.max(0, v)) * 100) / 100;
    if (next === this.jumpThreshold) return;
    this.jumpThreshold = next;
    emit<ClChangeDetail>(this, 'cl-change', { name: 'jump-threshold', value: next });
  }

  private thresholdFromPointer(e: PointerEvent) {
    const svgEl = (e.currentTarget as Element).closest('svg');
    if (!svgEl) return;
    const box = svgEl.getBoundingClientRect();
    const top = 10;
    const plotH = 110;
    this.setThreshold(1 - (e.clientY - box.top - top) / plotH);
  }

  private readonly sequenceHandlers: SequenceHandlers = {
    enter: (r) => this.interaction.enter(r),
    activate: (r) => this.interaction.activate(r),
    thresholdDown: (e) => {
      this.dragging = true;
      capture(e, true);
      e.preventDefault();
    },
    thresholdMove: (e) => {
      if (this.dragging) this.thresholdFromPointer(e);
    },
    thresholdUp: (e) => {
      if (!this.dragging) return;
      this.dragging = false;
      capture(e, false);
    },
    thresholdKey: (e) => {
      const step = { ArrowUp: 0.01, ArrowRight: 0.01, ArrowDown: -0.01, ArrowLeft: -0.01, PageUp: 0.1, PageDown: -0.1 }[
        e.key
      ];
      let v: number | undefined;
      if (step !== undefined) v = this.jump() + step;
      else if (e.key === 'Home') v = 0;
      else if (e.key === 'End') v = 1;
      if (v === undefined) return;
      e.preventDefault();
      e.stopPropagation();
      this.setThreshold(v);
    },
  };

  // ——— rendering ———

  private fontSize(): number {
    return parseFloat(getComputedStyle(this).fontSize) || 12;
  }

  protected override render(): TemplateResult {
    const d = this.data;
    const state = this.renderState(!d || d.n === 0);
    if (state !== nothing) return html`<div class="frame">${this.renderHeading()}${state}</div>`;
    const data = d as SequenceData;
    const width = Math.max(240, (this.size.width || this.clientWidth || 640) - 2);
    const wide = width >= 900 && !this.hideOverview;
    const overviewWidth = wide ? Math.min(380, Math.round(width * 0.36)) : width;
    const detailWidth = wide ? width - overviewWidth - 20 : width;
    const ov: OverviewView = {
      data,
      overview: this.overviewData,
      marks: this.marks as StepMarks,
      classColors: this.classColors,
      filter: this.filter(),
      rows: this.filtered,
      selected: this.current() >= 0 ? this.current() : null,
      touched: this.touched,
      width: overviewWidth,
      background: this.themeColor('--cl-color-bg', '#ffffff'),
      foreground: this.themeColor('--cl-color-fg', '#1f2328'),
    };
    const view = VIEWS.includes(this.view) ? this.view : 'sequence';
    return html`<div class="frame ${wide ? 'frame--wide' : ''}">
      ${this.renderHeading()}
      <div class="columns">
        ${
          this.hideOverview
            ? nothing
            : html`<section class="overview" part="overview" aria-label="Classification overview">
                ${renderSummary(ov)} ${renderClassBars(ov, this.overviewHandlers)}
                ${renderFilters(ov, this.overviewHandlers)}
                ${view === 'sequence' ? renderTable(ov, this.overviewHandlers) : nothing}
              </section>`
        }
        <section
          class="detail"
          part="detail"
          aria-label=${view === 'all' ? 'Jump and change words of all sequences' : 'Selected sequence'}
        >
          ${view === 'all' ? renderAll(ov, this.overviewHandlers) : this.renderSequence(data, detailWidth)}
          ${this.renderLegend(view)}
        </section>
      </div>
      ${this.interaction.renderTooltip()} ${this.interaction.renderLiveRegion()} ${this.renderTables(data)}
    </div>`;
  }

  private renderSequence(data: SequenceData, width: number): TemplateResult {
    const s = this.current();
    if (s < 0) {
      return html`<p class="placeholder" part="placeholder">
        ${this.sequence == null ? 'Choose a sequence in the table to see it word by word.' : `Sequence ${String(this.sequence)} does not exist.`}
      </p>`;
    }
    const it = this.interaction;
    const emph = it.emphasised;
    let dim: Uint8Array | null = null;
    if (this.stepMask) {
      for (let r = data.offsets[s]; r < data.offsets[s + 1]; r++) {
        if (this.stepMask[r]) {
          dim = this.stepMask;
          break;
        }
      }
    }
    const fs = this.fontSize();
    const v: SequenceView = {
      data,
      measures: this.measures as StepMeasures,
      marks: this.marks as StepMarks,
      ep: this.ep as EpColors,
      heat: this.heat as EpColors,
      classColors: this.classColors,
      s,
      width,
      background: this.themeColor('--cl-color-bg', '#ffffff'),
      foreground: this.themeColor('--cl-color-fg', '#1f2328'),
      fontSize: fs,
      emphasised: emph ?? -1,
      ring: it.keyboard && it.focused !== null ? it.focused : -1,
      dim,
      jumpThreshold: this.jump(),
      histogram: this.hist,
      tokenLayout: this.tokenLayout === 'lines' ? 'lines' : 'flow',
      monospace: this.monospace,
      maxRows: this.maxRows(),
    };
    const rows = heatmapRows(v);
    const labelWidth = Math.min(
      110,
      Math.max(28, fs * 0.6 * Math.max(4, ...rows.map((c) => Math.min(18, labelOf(data.classes[c]).length)))),
    );
    const axis = stepAxis(v, labelWidth);
    const len = data.lengths[s];
    const truth = data.truth ? data.truth[s] : -1;
    const pred = data.predicted ? data.predicted[s] : -1;
    const swatch = (c: number) => svg`<rect width="10" height="10" rx="2" fill=${this.classColors[c]}></rect>`;
    return html`<div class="sequence-title">
        <strong>${truncate(String(data.ids[s]), 40)}</strong>
        ${
          truth >= 0
            ? html`<span class="tag"
                ><svg width="10" height="10" aria-hidden="true">${swatch(truth)}</svg> true
                ${labelOf(data.classes[truth])}</span
              >`
            : nothing
        }
        ${
          pred >= 0
            ? html`<span class="tag ${truth >= 0 && truth !== pred ? 'tag--wrong' : ''}"
                ><svg width="10" height="10" aria-hidden="true">${swatch(pred)}</svg> predicted
                ${labelOf(data.classes[pred])}${truth >= 0 ? (truth === pred ? ' ✓' : ' ✗') : ''}</span
              >`
            : nothing
        }
        <span class="muted">${formatCount(len)} ${len === 1 ? 'step' : 'steps'}</span>
      </div>
      <div
        class="chart"
        part="chart"
        tabindex="0"
        role="group"
        aria-roledescription="sequence"
        aria-label=${this.summary(data, s)}
        @keydown=${it.onKeyDown}
        @focus=${it.onFocus}
        @blur=${it.onBlur}
        @pointerdown=${it.onPointerDown}
        @pointermove=${it.onPointerMove}
        @pointerleave=${it.onPointerLeave}
        @click=${it.onBackgroundClick}
      >
        ${renderWords(v, this.sequenceHandlers)} ${renderHeatmap(v, this.sequenceHandlers, axis, labelWidth)}
        ${renderDistances(v, this.sequenceHandlers, axis)}
      </div>`;
  }

  private summary(data: SequenceData, s: number): string {
    const name = this.label || this.heading || 'Sequence';
    const a = data.offsets[s];
    const b = data.offsets[s + 1];
    const m = this.marks as StepMarks;
    const list = (mask: Uint8Array) => {
      const words: string[] = [];
      for (let r = a; r < b; r++) if (mask[r]) words.push(data.tokens ? data.tokens[r] : `step ${r - a + 1}`);
      return words.length ? words.slice(0, 12).join(', ') + (words.length > 12 ? ', …' : '') : 'none';
    };
    return (
      `${name} ${String(data.ids[s])}: ${data.lengths[s]} steps. Jumps: ${list(m.jump)}. ` +
      `Confidence changes: ${list(m.confidence)}. Class changes: ${list(m.flip)}. Use arrow keys to step through the words.`
    );
  }

  private renderLegend(view: SequenceDetailView): TemplateResult | typeof nothing {
    const d = this.data as SequenceData;
    const ep = this.ep as EpColors;
    const m = d.classes.length;
    const shown = Math.min(m, 12);
    const glyphs = html`<span class="legend__item"
        ><span class="glyph glyph--jump">${MARK_GLYPHS.jump}</span> jump</span
      >
      <span class="legend__item"
        ><span class="glyph glyph--confidence">${MARK_GLYPHS.confidence}</span> confidence change</span
      >
      <span class="legend__item"><span class="glyph">${MARK_GLYPHS.flip}</span> class change</span>`;
    if (view === 'all') {
      return html`<div class="legend" part="legend" role="list" aria-label="Legend">
        <span class="legend__title">True class</span>
        ${d.classes.slice(0, shown).map(
          (k, c) =>
            html`<span class="legend__item" role="listitem"
              ><svg class="legend__swatch" width="12" height="12" aria-hidden="true">
                <rect width="12" height="12" rx="2" fill=${this.classColors[c]}></rect></svg
              >${truncate(labelOf(k), 16)}</span
            >`,
        )}
        ${m > shown ? html`<span class="legend__item">+${m - shown} more</span>` : nothing}
        <span class="legend__item">faded: classified right</span> ${glyphs}
      </div>`;
    }
    if (!d.probs) return html`<div class="legend" part="legend">${glyphs}</div>`;
    const ramp = (cols: string[], x0 = 0) =>
      cols.map((col, i) => svg`<rect x=${x0 + i * 8} width="8" height="12" fill=${col}></rect>`);
    return html`<div class="legend" part="legend" role="list" aria-label="Legend">
      <span class="legend__title">Expected prediction</span>
      ${
        m === 2
          ? html`<span class="legend__item" role="listitem"
              >${truncate(labelOf(d.classes[0]), 16)}
              <svg class="legend__ramp" width="80" height="12" aria-hidden="true">
                ${ramp([...ep.ramp(0, 5)].reverse())} ${ramp(ep.ramp(1, 5), 40)}
              </svg>
              ${truncate(labelOf(d.classes[1]), 16)}</span
            >`
          : html`<span class="legend__item" role="listitem"
              >unsure
              <svg class="legend__ramp" width="40" height="12" aria-hidden="true">${ramp(ep.ramp(0, 5))}</svg>
              sure, in the top class's colour</span
            >`
      }
      ${glyphs}
    </div>`;
  }

  private renderTables(data: SequenceData): TemplateResult | typeof nothing {
    const s = this.current();
    if (s < 0 || this.view === 'all') return nothing;
    const m = this.marks as StepMarks;
    const ms = this.measures as StepMeasures;
    const rows: string[][] = [];
    for (let r = data.offsets[s]; r < data.offsets[s + 1]; r++) {
      const marks = [
        m.jump[r] ? 'jump' : '',
        m.confidence[r] ? 'confidence change' : '',
        m.flip[r] ? 'class change' : '',
      ]
        .filter(Boolean)
        .join(', ');
      rows.push([
        String(r - data.offsets[s] + 1),
        data.tokens ? data.tokens[r] : '',
        data.top ? labelOf(data.classes[data.top[r]]) : '',
        data.ep ? formatPercent(data.ep[r]) : '',
        ms.distances && ms.max > 0 && ms.distances[r] >= 0 ? (ms.distances[r] / ms.max).toFixed(3) : '–',
        marks,
      ]);
    }
    return renderDataTable({
      caption: `Sequence ${String(data.ids[s])}, step by step`,
      columns: [
        { label: 'Step', numeric: true },
        { label: 'Token' },
        { label: 'Top class' },
        { label: data.classes.length === 2 ? `P(${labelOf(data.classes[1])})` : 'Top probability', numeric: true },
        { label: 'Distance ÷ largest', numeric: true },
        { label: 'Marks' },
      ],
      rows,
      shown: this.showTable,
    });
  }
}

/** Pointer capture for a drag; a synthetic or finished pointer has none to capture (no throw). */
function capture(e: PointerEvent, on: boolean) {
  const el = e.currentTarget as Element | null;
  try {
    if (on) el?.setPointerCapture(e.pointerId);
    else if (el?.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
  } catch {
    // NotFoundError: no active pointer with that id.
  }
}
