import { compareKeys, type Key, type Trend } from '@classlens/core';
import { TREND_COLOR_KEYS, trendColorKey } from './trend-colors.js';

/**
 * Pure layout of the trend grid: a responsive grid of equal cells, the window of cells
 * near the viewport (virtualisation), keyboard moves, sort orders and the sparkline
 * geometry. No DOM.
 */

/** Where the cells go. */
export interface GridGeometry {
  count: number;
  cols: number;
  rows: number;
  cellWidth: number;
  cellHeight: number;
  gap: number;
  /** Height of the whole grid (all rows), px. */
  height: number;
}

/**
 * Columns as many as fit at `minCellWidth` (at least one), cells stretched to fill the
 * width; rows of `cellHeight`.
 */
export function gridGeometry(
  count: number,
  width: number,
  o: { minCellWidth: number; cellHeight: number; gap: number },
): GridGeometry {
  const gap = Math.max(0, o.gap);
  const cols = Math.max(1, Math.floor((Math.max(0, width) + gap) / (Math.max(1, o.minCellWidth) + gap)));
  const cellWidth = Math.max(1, (width - gap * (cols - 1)) / cols);
  const rows = Math.ceil(count / cols);
  const height = rows > 0 ? rows * (o.cellHeight + gap) - gap : 0;
  return { count, cols, rows, cellWidth, cellHeight: o.cellHeight, gap, height };
}

/** Top-left corner of cell `i`. */
export function cellPosition(g: GridGeometry, i: number): { x: number; y: number } {
  const r = Math.floor(i / g.cols);
  const c = i % g.cols;
  return { x: c * (g.cellWidth + g.gap), y: r * (g.cellHeight + g.gap) };
}

/**
 * The cells to render for a viewport `[scrollTop, scrollTop + viewHeight)`: whole rows,
 * plus `overscan` rows above and below so a small scroll needs no new cells. Returns
 * cell indices `[first, end)`.
 */
export function visibleCells(
  g: GridGeometry,
  scrollTop: number,
  viewHeight: number,
  overscan = 2,
): { first: number; end: number } {
  if (g.count === 0) return { first: 0, end: 0 };
  const pitch = g.cellHeight + g.gap;
  const r0 = Math.max(0, Math.floor(Math.max(0, scrollTop) / pitch) - overscan);
  const r1 = Math.min(g.rows, Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewHeight)) / pitch) + overscan);
  return { first: Math.min(g.count, r0 * g.cols), end: Math.min(g.count, Math.max(r0 + 1, r1) * g.cols) };
}

/** The cell an arrow / Home / End / PageUp / PageDown key moves to from `from` (`null`: the first). */
export function moveCell(g: GridGeometry, from: number | null, key: string, pageRows: number): number | null {
  if (g.count === 0) return null;
  if (from === null || from < 0 || from >= g.count) return 0;
  const last = g.count - 1;
  const page = Math.max(1, pageRows) * g.cols;
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, from - 1);
    case 'ArrowRight':
      return Math.min(last, from + 1);
    case 'ArrowUp':
      return from - g.cols >= 0 ? from - g.cols : from;
    case 'ArrowDown':
      return from + g.cols <= last ? from + g.cols : from;
    case 'PageUp':
      return from - page >= 0 ? from - page : from % g.cols;
    case 'PageDown':
      return from + page <= last ? from + page : last;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return from;
  }
}

/** How the grid orders its cells. */
export type TrendSort = 'trend' | 'net' | 'latest' | 'support' | 'name';

/** A row of the grid (one class). */
export interface TrendRow {
  class: Key;
  /** One value per version; `null` where the class is not in that version. */
  values: (number | null)[];
  /** Items of the class, when known. */
  support: number | null;
  trend: Trend;
}

/** The last non-missing value (`NaN` when none). */
export function latestValue(values: readonly (number | null)[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i] as number;
  return NaN;
}

/**
 * The rows in display order (a new array; ties always by class key):
 * - `trend`: by colour, increasing → overall increasing → stable → overall decreasing →
 *   decreasing, then by net change, largest first;
 * - `net`: the largest drop first (last − first, ascending): regressions lead;
 * - `latest`: the lowest latest value first: the weakest classes lead;
 * - `support`: the most items first;
 * - `name`: by class key.
 */
export function sortRows<T extends TrendRow>(rows: readonly T[], sort: TrendSort): T[] {
  const rank = new Map(TREND_COLOR_KEYS.map((k, i) => [k, i]));
  const byKey = (a: T, b: T) => compareKeys(a.class, b.class);
  const num = (v: number) => (Number.isFinite(v) ? v : Infinity);
  const cmp: Record<TrendSort, (a: T, b: T) => number> = {
    trend: (a, b) =>
      (rank.get(trendColorKey(a.trend)) as number) - (rank.get(trendColorKey(b.trend)) as number) ||
      b.trend.net - a.trend.net ||
      byKey(a, b),
    net: (a, b) => a.trend.net - b.trend.net || byKey(a, b),
    latest: (a, b) => num(latestValue(a.values)) - num(latestValue(b.values)) || byKey(a, b),
    support: (a, b) => (b.support ?? -1) - (a.support ?? -1) || byKey(a, b),
    name: byKey,
  };
  return [...rows].sort(cmp[sort]);
}

/**
 * A y domain for values: `[lo, hi]` padded outward to a multiple of a round step, at
 * least `minSpan` wide (so a flat line sits mid-cell instead of filling it), clamped to
 * [0, 1] when every value is in [0, 1] (accuracies).
 */
export function niceDomain(values: Iterable<number | null>, minSpan = 0.05): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(lo <= hi)) return [0, 1];
  const unit = lo >= 0 && hi <= 1;
  if (hi - lo < minSpan) {
    const mid = (lo + hi) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  const step = niceStep((hi - lo) / 4);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  if (unit) {
    if (lo < 0) [lo, hi] = [0, Math.min(1, hi - lo)];
    if (hi > 1) [lo, hi] = [Math.max(0, lo - (hi - 1)), 1];
  }
  return [round(lo), round(hi)];
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

const round = (v: number) => Math.round(v * 1e9) / 1e9;

/** A sparkline: the SVG path through the present values (a gap at each missing one) and its points. */
export function sparkline(
  values: readonly (number | null)[],
  domain: readonly [number, number],
  box: { x: number; y: number; width: number; height: number },
): { d: string; points: { x: number; y: number; i: number }[] } {
  const n = values.length;
  const [lo, hi] = domain;
  const span = hi - lo || 1;
  const X = (i: number) => box.x + (n > 1 ? (i / (n - 1)) * box.width : box.width / 2);
  const Y = (v: number) => box.y + box.height - ((Math.min(hi, Math.max(lo, v)) - lo) / span) * box.height;
  const f = (v: number) => Math.round(v * 100) / 100;
  let d = '';
  let pen = false;
  const points: { x: number; y: number; i: number }[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    const x = X(i);
    const y = Y(v);
    points.push({ x: f(x), y: f(y), i });
    d += `${pen ? 'L' : 'M'}${f(x)},${f(y)}`;
    pen = true;
  });
  return { d, points };
}
