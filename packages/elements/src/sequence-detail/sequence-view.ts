import { html, nothing, svg, type TemplateResult } from 'lit';
import type { HistogramBin, Key } from '@classlens/core';
import { cssProps } from '../internal/css-props.js';
import { formatCount, formatPercent, truncate } from '../internal/format.js';
import { EP_LEVELS, readableChip, type EpColors } from '../internal/trajectory/ep-colors.js';
import type { SequenceData } from '../internal/trajectory/sequence-data.js';
import type { StepMarks, StepMeasures } from '../internal/trajectory/step-marks.js';

/** What the three linked parts of one sequence draw from. */
export interface SequenceView {
  data: SequenceData;
  measures: StepMeasures;
  marks: StepMarks;
  /** EP colours (neutral grey → class colour). */
  ep: EpColors;
  /** Probability ramps (background → class colour) for the heatmap. */
  heat: EpColors;
  classColors: readonly string[];
  /** The sequence drawn. */
  s: number;
  /** Width of the drawing area in CSS pixels. */
  width: number;
  /** The theme's page background and text colours (concrete). */
  background: string;
  foreground: string;
  fontSize: number;
  /** The emphasised step (global row), or -1. */
  emphasised: number;
  /** The keyboard-focused step (global row) with a focus ring, or -1. */
  ring: number;
  /** Highlight mask over all steps, when it touches this sequence. */
  dim: Uint8Array | null;
  jumpThreshold: number;
  histogram: HistogramBin[];
  /** Token layout: one flowing paragraph, or one token per line (digits rows). */
  tokenLayout: 'flow' | 'lines';
  monospace: boolean;
  /** Most heatmap rows drawn; past it, the classes the sequence gives most probability to. */
  maxRows: number;
}

/** Handlers the parts call. */
export interface SequenceHandlers {
  enter(row: number | null): void;
  activate(row: number): void;
  thresholdDown(e: PointerEvent): void;
  thresholdMove(e: PointerEvent): void;
  thresholdUp(e: PointerEvent): void;
  thresholdKey(e: KeyboardEvent): void;
}

const MARK_GLYPHS = { jump: '▲', confidence: '●', flip: '◆' } as const;

/** Heatmap/bars geometry shared by both, so a step's column lines up in both. */
export interface StepAxis {
  left: number;
  right: number;
  col: number;
  histLeft: number;
  histRight: number;
}

export function stepAxis(v: SequenceView, rowLabelWidth: number): StepAxis {
  const len = v.data.lengths[v.s];
  const hist = v.histogram.length ? Math.round(Math.min(220, Math.max(110, v.width * 0.24))) : 0;
  const left = Math.ceil(rowLabelWidth) + 8;
  const histRight = v.width - 4;
  const histLeft = hist ? histRight - hist : histRight;
  const right = hist ? histLeft - 28 : v.width - 4;
  return { left, right, col: len > 0 ? Math.max(0, right - left) / len : 0, histLeft, histRight };
}

/** The classes shown as heatmap rows: all, or the `maxRows` with the largest probability in the sequence. */
export function heatmapRows(v: SequenceView): number[] {
  const { probs } = v.data;
  if (!probs) return [];
  const m = probs.cols;
  const all = Array.from({ length: m }, (_, c) => c);
  if (m <= v.maxRows) return all;
  const a = v.data.offsets[v.s];
  const b = v.data.offsets[v.s + 1];
  const peak = new Float64Array(m);
  for (let r = a; r < b; r++) for (let c = 0; c < m; c++) peak[c] = Math.max(peak[c], probs.data[r * m + c]);
  return all
    .sort((x, y) => peak[y] - peak[x] || x - y)
    .slice(0, v.maxRows)
    .sort((x, y) => x - y);
}

function stepClass(v: SequenceView, row: number): string {
  const parts = ['step'];
  if (v.emphasised === row) parts.push('is-emphasised');
  if (v.ring === row) parts.push('is-ring');
  if (v.dim && !v.dim[row]) parts.push('is-dimmed');
  return parts.join(' ');
}

/** The words of the sequence coloured by EP, with jump, confidence-change and class-change marks. */
export function renderWords(v: SequenceView, h: SequenceHandlers): TemplateResult {
  const { data, marks } = v;
  const a = data.offsets[v.s];
  const b = data.offsets[v.s + 1];
  const words: TemplateResult[] = [];
  for (let r = a; r < b; r++) {
    const ep = v.ep.color(data, r, '');
    const chip = ep ? readableChip(ep, v.background, v.foreground) : { fill: 'transparent', text: 'inherit' };
    const bg = chip.fill;
    const fg = chip.text;
    const flipTo = marks.flip[r] && data.top ? v.classColors[data.top[r]] : '';
    const text = data.tokens ? data.tokens[r] : `#${r - a + 1}`;
    words.push(
      // Keyboard: the chart group is one tab stop; arrows move through the words, Enter selects.
      // eslint-disable-next-line lit-a11y/click-events-have-key-events
      html`<span
        class="${stepClass(v, r)} word"
        part="word"
        data-mark
        data-row=${r}
        @pointerenter=${() => h.enter(r)}
        @click=${() => h.activate(r)}
        ><span class="word__marks" aria-hidden="true"
          >${marks.jump[r] ? html`<span class="glyph glyph--jump">${MARK_GLYPHS.jump}</span>` : nothing}${
            marks.confidence[r] ? html`<span class="glyph glyph--confidence">${MARK_GLYPHS.confidence}</span>` : nothing
          }${
            flipTo
              ? html`<span class="glyph glyph--flip" ${cssProps({ color: flipTo })}>${MARK_GLYPHS.flip}</span>`
              : nothing
          }</span
        ><span class="word__text ${marks.jump[r] ? 'is-jump' : ''}" ${cssProps({ 'background-color': bg, color: fg })}
          >${text === '' ? '\u00a0' : text}</span
        ></span
      >`,
    );
  }
  return html`<div
    class="words ${v.tokenLayout === 'lines' ? 'words--lines' : ''} ${v.monospace ? 'words--mono' : ''}"
    part="words"
  >
    ${words}
  </div>`;
}

/** The time × class EP heatmap: one row per class, one column per step, shaded by probability. */
export function renderHeatmap(
  v: SequenceView,
  h: SequenceHandlers,
  axis: StepAxis,
  labelWidth: number,
): TemplateResult | typeof nothing {
  const { data } = v;
  const probs = data.probs;
  if (!probs) return nothing;
  const rows = heatmapRows(v);
  const m = probs.cols;
  const a = data.offsets[v.s];
  const len = data.lengths[v.s];
  const rowH = rows.length <= 12 ? 16 : rows.length <= 24 ? 12 : 9;
  const top = 4;
  const height = top + rows.length * rowH + 18;
  const cells: TemplateResult[] = [];
  for (let k = 0; k < len; k++) {
    const r = a + k;
    const x = axis.left + k * axis.col;
    for (let j = 0; j < rows.length; j++) {
      const c = rows[j];
      const p = probs.data[r * m + c];
      const level = Math.round(Math.min(1, Math.max(0, p)) * (EP_LEVELS - 1));
      cells.push(
        svg`<rect class="cell" x=${x.toFixed(2)} y=${top + j * rowH} width=${Math.max(0.5, axis.col - 0.5).toFixed(2)} height=${rowH - 1} fill=${v.heat.css[c * EP_LEVELS + level]}><title>${`${labelOf(data.classes[c])} at step ${k + 1}: ${formatPercent(p)}`}</title></rect>`,
      );
    }
  }
  const columns: TemplateResult[] = [];
  for (let k = 0; k < len; k++) {
    const r = a + k;
    columns.push(
      svg`<rect class="${stepClass(v, r)} column" data-mark data-row=${r} x=${(axis.left + k * axis.col).toFixed(2)} y=${top - 2} width=${axis.col.toFixed(2)} height=${rows.length * rowH + 3} @pointerenter=${() => h.enter(r)} @click=${() => h.activate(r)}></rect>`,
    );
  }
  const ticks = stepTicks(len, axis.col);
  return html`<svg
    class="heatmap"
    part="heatmap"
    width=${v.width}
    height=${height}
    viewBox="0 0 ${v.width} ${height}"
    role="img"
    aria-label=${`Probability of each class at each of the ${len} steps`}
  >
    ${rows.map(
      (c, j) =>
        svg`<text class="row-label" x=${axis.left - 6} y=${top + j * rowH + rowH / 2} text-anchor="end" dominant-baseline="central">${truncate(labelOf(data.classes[c]), Math.max(3, Math.floor(labelWidth / (v.fontSize * 0.6))))}</text>
        <rect class="row-swatch" x=${axis.left - 4} y=${top + j * rowH + 1} width="3" height=${rowH - 3} fill=${v.classColors[c]}></rect>`,
    )}
    <g class="cells">${cells}</g>
    <g class="columns">${columns}</g>
    ${ticks.map(
      (k) =>
        svg`<text class="tick" x=${axis.left + (k + 0.5) * axis.col} y=${top + rows.length * rowH + 12} text-anchor="middle">${k + 1}</text>`,
    )}
  </svg>`;
}

/** Steps to label on the axis: every step when there is room, else a round stride. */
function stepTicks(len: number, col: number): number[] {
  const stride = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].find((s) => s * col >= 22) ?? Math.ceil(len / 10);
  const out: number[] = [];
  for (let k = stride - 1; k < len; k += stride) out.push(k);
  if (stride > 1 && len > 0 && out[0] !== 0) out.unshift(0);
  return out;
}

/**
 * The paper's distance bars — one bar per step, its hidden-state distance to the previous
 * step divided by the largest step of the data set — with the draggable jump-threshold
 * line, beside the histogram of the normalised distances over the whole data set
 * (horizontal bars on the same vertical scale, so one threshold line crosses both).
 */
export function renderDistances(v: SequenceView, h: SequenceHandlers, axis: StepAxis): TemplateResult | typeof nothing {
  const { data, measures, marks } = v;
  const d = measures.distances;
  if (!d) return nothing;
  const a = data.offsets[v.s];
  const len = data.lengths[v.s];
  const top = 10;
  const plotH = 110;
  const height = top + plotH + 20;
  const y = (f: number) => top + plotH * (1 - Math.min(1, Math.max(0, f)));
  const max = measures.max;
  const bars: TemplateResult[] = [];
  for (let k = 0; k < len; k++) {
    const r = a + k;
    const x = axis.left + k * axis.col;
    // NaN: a sequence start (no predecessor). All distances 0 (identical states): flat bars.
    const f = d[r] !== d[r] ? NaN : max > 0 ? d[r] / max : 0;
    const hit = svg`<rect class="${stepClass(v, r)} column" data-mark data-row=${r} x=${x.toFixed(2)} y=${top} width=${axis.col.toFixed(2)} height=${plotH} @pointerenter=${() => h.enter(r)} @click=${() => h.activate(r)}></rect>`;
    if (!(f >= 0)) {
      bars.push(svg`${hit}<circle class="start" cx=${(x + axis.col / 2).toFixed(2)} cy=${y(0) - 3} r="2.5"></circle>`);
      continue;
    }
    const bw = Math.max(0.5, axis.col * 0.72);
    bars.push(
      svg`${hit}<rect class="bar ${marks.jump[r] ? 'bar--jump' : ''} ${v.dim && !v.dim[r] ? 'is-dimmed' : ''}" part="bar" x=${(x + (axis.col - bw) / 2).toFixed(2)} y=${y(f).toFixed(2)} width=${bw.toFixed(2)} height=${(y(0) - y(f)).toFixed(2)}></rect>`,
    );
  }
  const hist = v.histogram;
  let histogram: TemplateResult | typeof nothing = nothing;
  if (hist.length) {
    const peak = Math.max(1, ...hist.map((b) => b.count));
    // Square-root counts: the few long steps stay visible next to the many short ones.
    const w = (c: number) => ((axis.histRight - axis.histLeft) * Math.sqrt(c)) / Math.sqrt(peak);
    histogram = svg`<g class="histogram" part="histogram">
      <line class="axis" x1=${axis.histLeft} x2=${axis.histLeft} y1=${top} y2=${y(0)}></line>
      ${hist.map(
        (b) =>
          svg`<rect class="hist-bar ${b.x0 >= v.jumpThreshold ? 'bar--jump' : ''}" x=${axis.histLeft} y=${y(b.x1).toFixed(2)} width=${w(b.count).toFixed(2)} height=${Math.max(0.5, y(b.x0) - y(b.x1) - 1).toFixed(2)}><title>${`${b.x0.toFixed(2)}–${b.x1.toFixed(2)}: ${formatCount(b.count)} steps`}</title></rect>`,
      )}
      <text class="caption" x=${axis.histLeft} y=${height - 4}>All ${formatCount(hist.reduce((s, b) => s + b.count, 0))} steps</text>
    </g>`;
  }
  const ty = y(v.jumpThreshold);
  const right = hist.length ? axis.histRight : axis.right;
  return html`<svg
    class="distances"
    part="distances"
    width=${v.width}
    height=${height}
    viewBox="0 0 ${v.width} ${height}"
    role="group"
    aria-label="Step distances, normalised by the largest step"
  >
    <line class="axis" x1=${axis.left} x2=${axis.right} y1=${y(0)} y2=${y(0)}></line>
    ${[0, 0.5, 1].map(
      (f) =>
        svg`<text class="tick" x=${axis.left - 6} y=${y(f)} text-anchor="end" dominant-baseline="central">${f}</text>`,
    )}
    <g class="bars">${bars}</g>
    ${histogram}
    <text class="caption" x=${axis.left} y=${height - 4}>
      ${
        axis.right - axis.left > 300
          ? `Step distance ÷ largest step · ${formatCount(marks.jumps)} jumps in all`
          : 'Step distance ÷ largest'
      }
    </text>
    <g
      class="threshold"
      part="threshold"
      role="slider"
      tabindex="0"
      aria-label="Jump threshold"
      aria-orientation="vertical"
      aria-valuemin="0"
      aria-valuemax="1"
      aria-valuenow=${v.jumpThreshold.toFixed(2)}
      aria-valuetext=${`${v.jumpThreshold.toFixed(2)} of the largest step`}
      @pointerdown=${h.thresholdDown}
      @pointermove=${h.thresholdMove}
      @pointerup=${h.thresholdUp}
      @pointercancel=${h.thresholdUp}
      @keydown=${h.thresholdKey}
    >
      <rect class="threshold__hit" x=${axis.left} y=${ty - 6} width=${right - axis.left} height="12"></rect>
      <line class="threshold__line" x1=${axis.left} x2=${right} y1=${ty} y2=${ty}></line>
      <rect class="threshold__knob" x=${axis.right + 4} y=${ty - 7} width="18" height="14" rx="3"></rect>
      <text class="threshold__value" x=${axis.right + 13} y=${ty} text-anchor="middle" dominant-baseline="central">
        ${Math.round(v.jumpThreshold * 100)}
      </text>
    </g>
  </svg>`;
}

/** A key as text (numbers as written). */
export function labelOf(k: Key): string {
  return String(k);
}

export { MARK_GLYPHS };
