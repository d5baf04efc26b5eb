import { html, nothing, svg, type TemplateResult } from 'lit';
import { renderDataTable } from '../internal/data-table.js';
import { formatCount, formatPercent, truncate } from '../internal/format.js';
import { parseColor, type Rgba } from '../internal/gl/index.js';
import { renderLegend } from '../internal/legend.js';
import type { EpColors } from '../internal/trajectory/ep-colors.js';
import type { SequenceData } from '../internal/trajectory/sequence-data.js';
import type { StepMarks } from '../internal/trajectory/step-marks.js';
import type { ProjectionColorBy } from './point-colors.js';

/** What the legend needs. */
export interface LegendContext {
  data: SequenceData;
  colorBy: ProjectionColorBy;
  classColors: readonly Rgba[];
  ep: EpColors;
  valueDomain: readonly [number, number];
  valueLabel: string;
  /** A theme colour (custom property) with a fallback. */
  color(prop: string, fallback: string): string;
  otherColor: string;
}

/** `#rrggbb` of RGBA bytes. */
export function rgbaHex(c: Rgba): string {
  return '#' + [c[0], c[1], c[2]].map((v) => v.toString(16).padStart(2, '0')).join('');
}

/** `a` mixed toward `b` by `t`, opaque. */
export function mixRgb(a: Rgba, b: Rgba, t: number): Rgba {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
    255,
  ];
}

/** A value for the legend and tooltip: 3 significant figures at the extremes. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0)
    ? v.toPrecision(3)
    : String(Math.round(v * 1000) / 1000);
}

/**
 * The colour legend of the projection: the EP scale (diverging for two classes; top-class
 * swatches and the unsure → sure ramp for more), true classes, right/wrong, or the value ramp.
 */
export function renderProjectionLegend(c: LegendContext): TemplateResult | typeof nothing {
  const d = c.data;
  const by = c.colorBy;
  const hex = rgbaHex;
  if (by === 'truth' || (by === 'ep' && !(d.binary || d.probs))) {
    if (!d.truth) return nothing;
    return renderLegend(
      d.classes.slice(0, 24).map((k, i) => ({ label: String(k), color: hex(c.classColors[i]) })),
      'True class',
    );
  }
  if (by === 'correct') {
    return renderLegend(
      [
        { label: 'right', color: c.color('--cl-proj-right-color', c.otherColor) },
        {
          label: 'wrong',
          color: c.color('--cl-proj-wrong-color', c.color('--cl-color-error', '#d1242f')),
        },
      ],
      'Classification',
    );
  }
  const ramp = (cols: string[], x0 = 0) =>
    cols.map((col, i) => svg`<rect x=${x0 + i * 8} width="8" height="12" fill=${col}></rect>`);
  if (by === 'value') {
    const [lo, hi] = c.valueDomain;
    const low = c.color('--cl-proj-value-low', '#d8dee4');
    const high = c.color('--cl-proj-value-high', '#c2410c');
    const cols = Array.from({ length: 8 }, (_, i) => hex(mixRgb(parseColor(low), parseColor(high), i / 7)));
    const title = truncate(c.valueLabel || 'Value', 40);
    return html`<div class="legend" part="legend" role="list" aria-label=${`Legend: ${title}`}>
      <span class="legend__title">${title}</span>
      <span class="legend__item" role="listitem"
        >${formatValue(lo)}
        <svg class="legend__ramp" width="64" height="12" aria-hidden="true">${ramp(cols)}</svg>
        ${formatValue(hi)}</span
      >
    </div>`;
  }
  const ep = c.ep;
  const m = d.classes.length;
  const rightNote =
    d.truth && d.predicted ? html`<span class="legend__item" role="listitem">faint: classified right</span>` : nothing;
  if (m === 2) {
    return html`<div class="legend" part="legend" role="list" aria-label="Legend: expected prediction">
      <span class="legend__title">Expected prediction</span>
      <span class="legend__item" role="listitem"
        >${truncate(String(d.classes[0]), 16)}
        <svg class="legend__ramp" width="80" height="12" aria-hidden="true">
          ${ramp([...ep.ramp(0, 5)].reverse())} ${ramp(ep.ramp(1, 5), 40)}
        </svg>
        ${truncate(String(d.classes[1]), 16)}</span
      >
      ${rightNote}
    </div>`;
  }
  return html`<div class="legend" part="legend" role="list" aria-label="Legend: expected prediction">
    <span class="legend__title">Top class</span>
    ${d.classes.slice(0, 20).map(
      (k, i) =>
        html`<span class="legend__item" role="listitem"
          ><svg class="legend__swatch" width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" rx="2" fill=${hex(c.classColors[i])}></rect></svg
          >${truncate(String(k), 12)}</span
        >`,
    )}
    ${m > 20 ? html`<span class="legend__item">+${m - 20} more</span>` : nothing}
    <span class="legend__item" role="listitem"
      >unsure
      <svg class="legend__ramp" width="40" height="12" aria-hidden="true">${ramp(ep.ramp(0, 5))}</svg> sure</span
    >
    ${rightNote}
  </div>`;
}

/** The data-table alternative: the selected sequence's points, or the first 300. */
export function renderProjectionTable(
  d: SequenceData,
  L: Float32Array | Float64Array | null,
  s: number,
  marks: StepMarks | null,
  shown: boolean,
): TemplateResult {
  const rows: string[][] = [];
  const from = s >= 0 ? d.offsets[s] : 0;
  const to = s >= 0 ? d.offsets[s + 1] : Math.min(d.total, 300);
  for (let r = from; r < to; r++) {
    const q = d.sequenceOf[r];
    rows.push([
      String(d.ids[q]),
      String(r - d.offsets[q] + 1),
      d.tokens ? d.tokens[r] : '',
      L ? L[2 * r].toFixed(3) : '',
      L ? L[2 * r + 1].toFixed(3) : '',
      d.ep ? formatPercent(d.ep[r]) : '',
      ...(marks ? [marks.jump[r] ? 'jump' : ''] : []),
    ]);
  }
  return renderDataTable({
    caption:
      s >= 0
        ? `Sequence ${String(d.ids[s])}: its points on the map`
        : `The first ${formatCount(rows.length)} of ${formatCount(d.total)} points`,
    columns: [
      { label: 'Sequence' },
      { label: 'Step', numeric: true },
      { label: 'Token' },
      { label: 'x', numeric: true },
      { label: 'y', numeric: true },
      { label: d.classes.length === 2 ? `P(${String(d.classes[1])})` : 'Top probability', numeric: true },
      ...(marks ? [{ label: 'Jump' }] : []),
    ],
    rows,
    shown,
  });
}
