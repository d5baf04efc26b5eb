// The heatmap's drawing around the GL plot — overlay (dim, group boxes, selection, brush,
// cursor), dendrograms, side bars, labels and the legend — as functions of one plain
// state object, separate from the element's data and interaction logic.
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { DirectiveResult } from 'lit/directive.js';
import type { HclustTree, HistogramBin, Key, Matrix } from '@classlens/core';
import { cssProps } from '../internal/css-props.js';
import { formatCount, truncate } from '../internal/format.js';
import type { Transform } from '../internal/gl/index.js';
import type { HeatmapValues } from './input.js';
import { BAR_WIDTH, type Box } from './layout.js';
import type { Ordering } from './order.js';
import type { CollapseView } from './collapse.js';
import { dendrogramPath, type DendrogramLayout, type Span } from './structure.js';

/** A cell (display row and column). */
export interface CellMark {
  kind: 'cell';
  r: number;
  c: number;
}
/** A block (display ranges, inclusive). */
export interface BlockMark {
  kind: 'block';
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}
export type HeatMark = CellMark | BlockMark;

/** The legend's name for NaN cells (bound as one text, so formatting never splits it). */
const NO_DATA = 'no data';

/** Cell size (CSS px) from which labels are drawn. */
export const LABEL_MIN = 10;

/** Everything the drawing reads, gathered by the element for each render. */
export interface HeatmapViewState {
  values: HeatmapValues;
  ordering: Ordering;
  /** Display cells → plot CSS pixels. */
  view: Transform;
  clusterGroups: { groupOf: Int32Array; spans: Span[] } | null;
  keyGroups: { groupOf: Int32Array; spans: Span[]; keys: Key[] } | null;
  /** Rows and columns are ordered by `classGroups` (their spans get boxes). */
  groupOrder: boolean;
  fuzzy: { memberships: Matrix; k: number } | null;
  stars: number[];
  dend: DendrogramLayout | null;
  colDend: { tree: HclustTree; L: DendrogramLayout } | null;
  /** Merge picked on the dendrogram, or −1. */
  dendroSelected: number;
  /** Collapsed subtrees (display rows are then those of `collapse.rows`), or `null`. */
  collapse: CollapseView | null;
  palette: readonly string[];
  otherColor: string;
  /** `highlight` as a mask over classes, or `null`. */
  highlight: Uint8Array | null;
  selected: HeatMark | null;
  hovered: CellMark | null;
  /** The keyboard cursor while it is shown. */
  cursor: CellMark | null;
  brushRect: BlockMark | null;
  valueName: string;
  cutoff: number | null;
  colorDomain: [number, number];
  diverging: boolean;
  color: (v: number) => string;
  hist: HistogramBin[];
  anyNaN: boolean;
  notes: string[];
  onDendrogramClick: (e: MouseEvent) => void;
  onDendrogramDblClick: (e: MouseEvent) => void;
  onCutoff: (e: Event) => void;
}

/** Absolute position of a box through the CSSOM (a strict CSP blocks style attributes). */
export function box(b: Box): DirectiveResult {
  return cssProps({ left: `${b.x}px`, top: `${b.y}px`, width: `${b.w}px`, height: `${b.h}px` });
}

export function visibleRange(h: HeatmapViewState, axis: 'rows' | 'cols', size: number): [number, number] {
  const v = h.values!;
  const t = h.view;
  const s = axis === 'rows' ? t.sy : t.sx;
  const o = axis === 'rows' ? t.ty : t.tx;
  const n = axis === 'rows' ? v.rows : v.cols;
  return [Math.max(0, Math.floor(-o / s)), Math.min(n - 1, Math.ceil((size - o) / s) - 1)];
}

export function renderOverlay(h: HeatmapViewState, v: HeatmapValues, P: Box): TemplateResult {
  const t = h.view;
  const rect = (m: BlockMark, cls: string) =>
    svg`<rect class=${cls} x=${t.sx * m.c0 + t.tx} y=${t.sy * m.r0 + t.ty} width=${t.sx * (m.c1 - m.c0 + 1)} height=${t.sy * (m.r1 - m.r0 + 1)}></rect>`;
  const spans = h.clusterGroups?.spans ?? (h.keyGroups && h.groupOrder ? h.keyGroups.spans : null);
  const [r0, r1] = visibleRange(h, 'rows', P.h);
  const boxes =
    spans && v.rows === v.cols
      ? spans
          .filter((s) => s.end >= r0 && s.start <= r1 && s.end > s.start)
          .map((s) => rect({ kind: 'block', r0: s.start, r1: s.end, c0: s.start, c1: s.end }, 'group-box'))
      : [];
  const sel = h.selected;
  const focus = h.cursor;
  const hover = h.hovered && t.sx >= 4 ? h.hovered : null;
  return html`<svg class="overlay" aria-hidden="true" width=${P.w} height=${P.h}>
    ${renderDim(h, v, P)} ${boxes} ${renderBands(h, v, P)}
    ${sel && sel.kind === 'block' ? rect(sel, 'selection') : nothing}
    ${h.brushRect ? rect(h.brushRect, 'brush') : nothing}
    ${hover ? rect({ kind: 'block', r0: hover.r, r1: hover.r, c0: hover.c, c1: hover.c }, 'hover-ring') : nothing}
    ${focus ? rect({ kind: 'block', r0: focus.r, r1: focus.r, c0: focus.c, c1: focus.c }, 'cursor') : nothing}
  </svg>`;
}

/** Rows of the display that are collapsed subtrees, with their leaf counts. */
export function collapsedRows(h: HeatmapViewState): { row: number; size: number; node: number }[] {
  const c = h.collapse;
  if (!c) return [];
  const out: { row: number; size: number; node: number }[] = [];
  for (let d = 0; d < c.rows.count; d++) {
    if (c.rows.node[d] >= 0) out.push({ row: d, size: c.rows.start[d + 1] - c.rows.start[d], node: c.rows.node[d] });
  }
  return out;
}

/** Each collapsed row and column outlined across the plot (at least 2 px, so one of 1,000 rows still shows). */
function renderBands(h: HeatmapViewState, v: HeatmapValues, P: Box) {
  const bands = collapsedRows(h);
  if (!bands.length) return nothing;
  const t = h.view;
  const x0 = Math.max(0, t.tx);
  const x1 = Math.min(P.w, t.sx * v.cols + t.tx);
  const y0 = Math.max(0, t.ty);
  const y1 = Math.min(P.h, t.sy * v.rows + t.ty);
  let d = '';
  for (const b of bands) {
    const ya = t.sy * b.row + t.ty;
    const hy = Math.max(2, t.sy);
    const ym = ya + t.sy / 2 - hy / 2;
    if (ym + hy >= 0 && ym <= P.h) d += `M${x0},${ym}H${x1}V${ym + hy}H${x0}Z`;
    const xa = t.sx * b.row + t.tx;
    const wx = Math.max(2, t.sx);
    const xm = xa + t.sx / 2 - wx / 2;
    if (xm + wx >= 0 && xm <= P.w && v.rows === v.cols) d += `M${xm},${y0}V${y1}H${xm + wx}V${y0}Z`;
  }
  return svg`<path class="collapsed-band" d=${d}></path>`;
}

/**
 * `highlight` (class indices) dims the rest: rows and columns of other classes get a
 * translucent band each, so cells of two other classes fade most, cells with one
 * highlighted class a little, and the highlighted block not at all.
 */
export function renderDim(h: HeatmapViewState, v: HeatmapValues, P: Box) {
  const mask = h.highlight;
  if (!mask) return nothing;
  const t = h.view;
  const o = h.ordering!;
  const runs = (order: readonly number[], lo: number, hi: number) => {
    const out: [number, number][] = [];
    for (let r = lo; r <= hi; r++) {
      if (mask[order[r]]) continue;
      const last = out[out.length - 1];
      if (last && last[1] === r - 1) last[1] = r;
      else out.push([r, r]);
    }
    return out;
  };
  const [r0, r1] = visibleRange(h, 'rows', P.h);
  const [c0, c1] = visibleRange(h, 'cols', P.w);
  const x0 = Math.max(0, t.tx);
  const x1 = Math.min(P.w, t.sx * v.cols + t.tx);
  const y0 = Math.max(0, t.ty);
  const y1 = Math.min(P.h, t.sy * v.rows + t.ty);
  const rowsD = runs(o.rows, r0, r1)
    .map(([a, b]) => `M${x0},${t.sy * a + t.ty}H${x1}V${t.sy * (b + 1) + t.ty}H${x0}Z`)
    .join('');
  const colsD = runs(o.cols, c0, c1)
    .map(([a, b]) => `M${t.sx * a + t.tx},${y0}V${y1}H${t.sx * (b + 1) + t.tx}V${y0}Z`)
    .join('');
  return svg`<path class="dim" d=${rowsD}></path><path class="dim" d=${colsD}></path>`;
}

export function renderDendrogram(h: HeatmapViewState, B: Box): TemplateResult {
  const tree = h.ordering?.rowTree;
  const D = h.dend;
  if (!tree || !D) return html``;
  const t = h.view;
  const path = dendrogramPath(tree, D, B.w, t.sy, t.ty, visibleRange(h, 'rows', B.h), 1.5);
  const k = h.dendroSelected;
  const sel =
    k >= 0 && h.selected?.kind === 'block'
      ? svg`<path class="tree-selected" d=${`M${B.w},${t.sy * D.lo[k] + t.ty}H${B.w * (1 - D.height[k])}V${t.sy * (D.hi[k] + 1) + t.ty}H${B.w}`}></path>`
      : nothing;
  // Collapsed subtrees: a triangle from the subtree's height to the leaves, 8–18 px tall
  // (a marker, not a mark: on rows of 50 px a row-tall triangle outweighed the cells).
  const [v0, v1] = visibleRange(h, 'rows', B.h);
  const tri = collapsedRows(h)
    .filter((b) => b.row >= v0 - 1 && b.row <= v1 + 1)
    .map((b) => {
      const k = b.node - D.pos.length;
      const x = B.w * (1 - D.height[k]);
      const yc = t.sy * (b.row + 0.5) + t.ty;
      const hh = Math.min(9, Math.max(4, t.sy / 2));
      return `M${x.toFixed(1)},${yc.toFixed(1)}L${B.w},${(yc - hh).toFixed(1)}V${(yc + hh).toFixed(1)}Z`;
    })
    .join('');
  // A pointer shortcut: keyboard users collapse with C/E and select blocks with Shift+arrows on the plot.
  return html`<svg
    class="dendrogram"
    part="dendrogram"
    aria-hidden="true"
    ${box(B)}
    width=${B.w}
    height=${B.h}
    @click=${h.onDendrogramClick}
    @dblclick=${h.onDendrogramDblClick}
  >
    <title>
      Dendrogram: click a bracket to collapse its subtree into one row (click the triangle to expand), Shift+click to
      select its classes, double-click to zoom onto them
    </title>
    <rect class="tree-hit" width=${B.w} height=${B.h}></rect>
    <path class="tree" d=${path}></path>
    ${tri ? svg`<path class="tree-collapsed" d=${tri}></path>` : nothing} ${sel}
  </svg>`;
}

export function renderColDendrogram(h: HeatmapViewState, B: Box): TemplateResult {
  const D = h.colDend;
  if (!D) return html``;
  const t = h.view;
  const path = dendrogramPath(D.tree, D.L, B.h, t.sx, t.tx, visibleRange(h, 'cols', B.w), 1.5, false);
  return html`<svg class="dendrogram" part="dendrogram" aria-hidden="true" ${box(B)} width=${B.w} height=${B.h}>
    <path class="tree" d=${path}></path>
  </svg>`;
}

export function renderBars(h: HeatmapViewState, B: Box): TemplateResult {
  const t = h.view;
  const bars: unknown[] = [];
  let x = 0;
  const [r0, r1] = visibleRange(h, 'rows', B.h);
  const spanBar = (spans: Span[], colorOf: (s: Span) => string, title: string) => {
    bars.push(
      svg`<g><title>${title}</title>${spans
        .filter((s) => s.end >= r0 && s.start <= r1)
        .map(
          (s) =>
            svg`<rect x=${x} y=${t.sy * s.start + t.ty} width=${BAR_WIDTH - 2} height=${Math.max(0.5, t.sy * (s.end - s.start + 1))} fill=${colorOf(s)}></rect>`,
        )}</g>`,
    );
    x += BAR_WIDTH;
  };
  if (h.clusterGroups) {
    spanBar(
      h.clusterGroups.spans,
      (s) => h.palette[s.group % h.palette.length] ?? h.otherColor,
      `Groups (dendrogram cut into ${h.clusterGroups.spans.length})`,
    );
  }
  if (h.keyGroups) {
    const kg = h.keyGroups;
    spanBar(kg.spans, (s) => h.palette[s.group % h.palette.length] ?? h.otherColor, 'Class groups');
  }
  if (h.fuzzy) {
    const f = h.fuzzy;
    const o = h.ordering!;
    for (let g = 0; g < f.k; g++) {
      const color = h.palette[(g + 10) % h.palette.length];
      const rects: unknown[] = [];
      // One rect per run of rows whose membership rounds to the same opacity step.
      let start = r0;
      const step = (r: number) => Math.round(f.memberships.data[o.rows[r] * f.k + g] * 10);
      for (let r = r0; r <= r1 + 1; r++) {
        if (r <= r1 && step(r) === step(start)) continue;
        const op = step(start) / 10;
        if (op > 0.15) {
          rects.push(
            svg`<rect x=${x} y=${t.sy * start + t.ty} width=${BAR_WIDTH - 2} height=${Math.max(0.5, t.sy * (r - start))} fill=${color} fill-opacity=${op}></rect>`,
          );
        }
        start = r;
      }
      bars.push(svg`<g><title>Fuzzy group ${g + 1}: membership</title>${rects}</g>`);
      x += BAR_WIDTH;
    }
  }
  return html`<svg class="bars" aria-hidden="true" ${box(B)} width=${B.w} height=${B.h}>${bars}</svg>`;
}

export function renderRowLabels(h: HeatmapViewState, v: HeatmapValues, B: Box): TemplateResult {
  const t = h.view;
  const o = h.ordering!;
  const [r0, r1] = visibleRange(h, 'rows', B.h);
  const mask = h.highlight;
  const items: unknown[] = [];
  const maxChars = Math.floor((B.w - 12) / 6.2);
  const bands = collapsedRows(h);
  const isBand = new Set(bands.map((b) => b.row));
  if (t.sy >= LABEL_MIN) {
    for (let r = r0; r <= r1; r++) {
      const i = o.rows[r];
      const cls = `${mask && !mask[i] ? 'is-dim' : ''} ${isBand.has(r) ? 'band-label' : ''}`;
      items.push(
        svg`<text x="10" y=${t.sy * (r + 0.5) + t.ty} dominant-baseline="central" class=${cls}>${truncate(String(v.rowLabels[i]), maxChars)}</text>`,
      );
    }
  } else {
    // Collapsed rows keep their labels ("felid +11") where rows are too thin for their own.
    const bandYs: number[] = [];
    let lastBand = -Infinity;
    for (const b of bands) {
      const at = t.sy * (b.row + 0.5) + t.ty;
      if (at < 0 || at > B.h) continue;
      // Kept inside the strip (a band on the last row would be cut in half).
      const y = Math.max(6, Math.min(B.h - 6, at));
      if (y - lastBand < 12) continue;
      lastBand = y;
      bandYs.push(y);
      const i = o.rows[b.row];
      items.push(svg`<path class="band-tick" d=${`M6,${at}H14`}></path>`);
      items.push(
        svg`<text class=${`band-label ${mask && !mask[i] ? 'is-dim' : ''}`} x="16" y=${y} dominant-baseline="central">${truncate(String(v.rowLabels[i]), maxChars - 1)}</text>`,
      );
    }
    // Labelled spans of groups where rows are too thin for their own labels.
    const spans = h.clusterGroups?.spans ?? h.keyGroups?.spans ?? [];
    let lastY = -Infinity;
    for (const s of spans) {
      const y0 = t.sy * s.start + t.ty;
      const y1 = t.sy * (s.end + 1) + t.ty;
      if (y1 < 0 || y0 > B.h || y1 - y0 < 6) continue;
      const mid = (Math.max(0, y0) + Math.min(B.h, y1)) / 2;
      items.push(svg`<path class="span-tick" d=${`M8,${y0 + 1}H12V${y1 - 1}H8`}></path>`);
      // Beside a collapsed row's label, a span's label moves a line up or down within its span.
      const lo = Math.max(0, y0) + 6;
      const hi = Math.min(B.h, y1) - 6;
      const at = [mid, mid - 13, mid + 13].find(
        (y) => (y === mid || (y >= lo && y <= hi)) && y - lastY >= 12 && bandYs.every((b) => Math.abs(b - y) >= 12),
      );
      if (at !== undefined) {
        items.push(
          svg`<text class="span-label" x="16" y=${at} dominant-baseline="central">${truncate(s.label, maxChars - 1)}</text>`,
        );
        lastY = at;
      }
    }
  }
  const stars = h.stars
    .filter((r) => r >= r0 && r <= r1)
    .map((r) => {
      const y = t.sy * (r + 0.5) + t.ty;
      return svg`<path class="star" d=${`M0,${y - 3}L5,${y}L0,${y + 3}Z`}><title>${String(v.rowLabels[o.rows[r]])}: star pattern</title></path>`;
    });
  return html`<svg class="labels" part="label" aria-hidden="true" ${box(B)} width=${B.w} height=${B.h}>
    ${items}${stars}
  </svg>`;
}

export function renderColLabels(h: HeatmapViewState, v: HeatmapValues, B: Box): TemplateResult {
  const t = h.view;
  const o = h.ordering!;
  if (t.sx < LABEL_MIN) {
    const full = h.collapse?.full.values.cols;
    const note =
      v.rows === v.cols
        ? full
          ? `${formatCount(full)} classes in ${formatCount(v.cols)} rows · zoom in for labels`
          : `${formatCount(v.cols)} classes · zoom in for labels`
        : `${formatCount(v.rows)} × ${formatCount(v.cols)} · zoom in for labels`;
    return html`<svg class="col-labels" part="label" aria-hidden="true" ${box(B)} width=${B.w} height=${B.h}>
      <text class="axis-note" x=${B.w / 2} y="14" text-anchor="middle">${note}</text>
    </svg>`;
  }
  const [c0, c1] = visibleRange(h, 'cols', B.w);
  const mask = h.highlight;
  const maxChars = Math.floor((B.h - 8) / 6.2);
  const items = [];
  const isBand = new Set(v.rows === v.cols ? collapsedRows(h).map((b) => b.row) : []);
  for (let c = c0; c <= c1; c++) {
    const j = o.cols[c];
    const x = t.sx * (c + 0.5) + t.tx;
    const cls = `${mask && !mask[j] ? 'is-dim' : ''} ${isBand.has(c) ? 'band-label' : ''}`;
    items.push(
      svg`<text transform=${`translate(${x},6) rotate(90)`} dominant-baseline="central" class=${cls}>${truncate(String(v.colLabels[j]), maxChars)}</text>`,
    );
  }
  return html`<svg class="col-labels" part="label" aria-hidden="true" ${box(B)} width=${B.w} height=${B.h}>
    ${items}
  </svg>`;
}

export function renderLegendBar(h: HeatmapViewState, v: HeatmapValues): TemplateResult {
  const [lo, hi] = h.colorDomain;
  const W = 240;
  const H = 56;
  const barY = 34;
  const x = (val: number) => ((val - lo) / (hi - lo)) * W;
  const stops = 48;
  const grad = Array.from({ length: stops }, (_, k) => {
    const val = lo + ((k + 0.5) / stops) * (hi - lo);
    return svg`<rect x=${(k * W) / stops} y=${barY} width=${W / stops + 0.5} height="10" fill=${h.color(val)}></rect>`;
  });
  const maxCount = h.hist.reduce((m, b) => Math.max(m, b.count), 0) || 1;
  const cutoff = h.cutoff != null && Number.isFinite(h.cutoff) ? h.cutoff : null;
  const bars = h.hist.map((b) => {
    const bh = (Math.sqrt(b.count) / Math.sqrt(maxCount)) * 22;
    const faded = cutoff !== null && b.x1 <= cutoff;
    return svg`<rect class=${faded ? 'is-faded' : ''} x=${x(b.x0)} y=${barY - 2 - bh} width=${Math.max(0.5, x(b.x1) - x(b.x0) - 0.5)} height=${bh}></rect>`;
  });
  const ticks = h.diverging && lo < 0 && hi > 0 ? [lo, 0, hi] : [lo, (lo + hi) / 2, hi];
  const fmt = (t: number) => (v.kind === 'confusion' ? formatCount(t) : formatValue(t));
  const step = (hi - lo) / 200;
  return html`<div class="heat-legend" part="legend">
    <svg
      class="heat-legend__scale"
      width=${W + 16}
      height=${H + 12}
      viewBox=${`-8 0 ${W + 16} ${H + 12}`}
      role="img"
      aria-label=${`Colour scale: ${h.valueName} from ${fmt(lo)} to ${fmt(hi)}; bars show how many cells have each value`}
    >
      <text class="heat-legend__title" x="0" y="9">${h.valueName} · cells per value</text>
      <g class="heat-legend__hist">${bars}</g>
      ${grad}
      ${cutoff !== null ? svg`<line class="heat-legend__cutoff-line" x1=${x(cutoff)} x2=${x(cutoff)} y1="12" y2=${barY + 12}></line>` : nothing}
      ${ticks.map((t, k) => svg`<text x=${x(t)} y=${barY + 22} text-anchor=${k === 0 ? 'start' : k === ticks.length - 1 ? 'end' : 'middle'}>${fmt(t)}</text>`)}
    </svg>
    <label
      >Fade below
      <input
        type="range"
        min=${lo}
        max=${hi}
        step=${step}
        .value=${String(cutoff ?? lo)}
        @input=${h.onCutoff}
        aria-valuetext=${cutoff === null ? 'off' : fmt(cutoff)}
      />
      <span>${cutoff === null ? 'off' : fmt(cutoff)}</span></label
    >
    ${
      v.kind === 'confusion' && v.offMax && v.max > v.offMax
        ? html`<span class="heat-legend__note"
            >Scale ends at the largest confusion; the diagonal (up to ${formatCount(v.max)}) is darkest</span
          >`
        : nothing
    }
    ${h.notes.length ? html`<span class="heat-legend__note" part="note">${h.notes.join(' · ')}</span>` : nothing}
    ${h.keyGroups ? renderGroupKeys(h, h.keyGroups.keys) : nothing}
    ${
      h.anyNaN
        ? html`<span class="heat-legend__nan"
            ><svg width="12" height="12" aria-hidden="true"><rect x="0.5" y="0.5" width="11" height="11"></rect></svg
            >${NO_DATA}</span
          >`
        : nothing
    }
  </div>`;
}

/** The side bar's class groups and their colours (`classGroups`). */
export function renderGroupKeys(h: HeatmapViewState, keys: readonly Key[]): TemplateResult {
  const shown = keys.slice(0, 12);
  return html`<span class="heat-legend__groups" role="list" aria-label="Class groups (side bar)">
    ${shown.map(
      (k, g) =>
        html`<span class="heat-legend__group" role="listitem"
          ><svg width="10" height="10" aria-hidden="true">
            <rect width="10" height="10" fill=${h.palette[g % h.palette.length]}></rect></svg
          >${truncate(String(k), 24)}</span
        >`,
    )}
    ${keys.length > shown.length ? html`<span class="heat-legend__group">+${keys.length - shown.length} more</span>` : nothing}
  </span>`;
}

/** Values: 3 significant digits, no exponent for ordinary magnitudes. */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(2);
  return Number(x.toPrecision(3)).toString();
}
