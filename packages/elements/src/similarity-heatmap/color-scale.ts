import { scaleDiverging, scaleSequential } from 'd3-scale';
import { mixOklab, oklabToHex, rgbToOklab } from '../internal/color/oklab.js';
import { buildLut, byteValue, mixRgba, parseColor, type Rgba } from '../internal/gl/index.js';
import type { HeatmapValues } from './input.js';

/** Colour scale kind: `auto` is diverging for correlations (values around 0), else sequential. */
export type HeatmapScale = 'auto' | 'sequential' | 'diverging';

/** The theme's heatmap colours, read from CSS custom properties. */
export interface HeatmapColors {
  low: string;
  high: string;
  negative: string;
  neutral: string;
  positive: string;
  nan: string;
  background: string;
}

/** Hex form of any CSS colour (through the canvas parser), so OKLab mixing applies. */
export function toHex(css: string): string {
  const [r, g, b] = parseColor(css);
  return oklabToHex(rgbToOklab([r, g, b]));
}

/** Piecewise OKLab interpolation through `stops` (t in [0, 1]). */
export function interpolateStops(stops: readonly string[]): (t: number) => string {
  const hex = stops.map(toHex);
  return (t: number) => {
    if (!(t >= 0)) t = 0;
    if (t > 1) t = 1;
    const x = t * (hex.length - 1);
    const k = Math.min(hex.length - 2, Math.floor(x));
    return mixOklab(hex[k], hex[k + 1], x - k);
  };
}

/** Whether the scale is diverging for these values. */
export function isDiverging(kind: HeatmapScale, v: Pick<HeatmapValues, 'min' | 'max' | 'correlation'>): boolean {
  if (kind === 'diverging') return true;
  if (kind === 'sequential') return false;
  return v.correlation && v.min < 0;
}

/**
 * The colour domain: the caller's `domain` when valid; else, diverging, symmetric
 * around 0 (`[−1, 1]` for correlations); sequential, the finite extent (from 0 for
 * non-negative counts; a confusion matrix up to its largest off-diagonal count).
 */
export function colorDomain(
  v: Pick<HeatmapValues, 'min' | 'max' | 'correlation' | 'kind' | 'offMax'>,
  diverging: boolean,
  domain: readonly number[] | null | undefined,
): [number, number] {
  if (
    domain &&
    domain.length === 2 &&
    Number.isFinite(domain[0]) &&
    Number.isFinite(domain[1]) &&
    domain[0] < domain[1]
  ) {
    return [domain[0], domain[1]];
  }
  if (!(v.min <= v.max)) return [0, 1];
  if (diverging) {
    if (v.correlation) return [-1, 1];
    const a = Math.max(Math.abs(v.min), Math.abs(v.max)) || 1;
    return [-a, a];
  }
  if (v.correlation && v.kind === 'scores') return [v.min < 0 ? -1 : 0, 1];
  // Confusions: the diagonal (correct predictions) would take the whole scale; it ends at
  // the largest confusion instead, and the diagonal saturates.
  if (v.kind === 'confusion' && v.offMax && v.offMax > 0) return [0, v.offMax];
  const lo = v.min >= 0 && v.kind !== 'matrix' ? 0 : v.min;
  return lo < v.max ? [lo, v.max] : [lo - 0.5, lo + 0.5];
}

/** A value → colour function for the legend and tooltips (d3-scale). */
export function colorScale(diverging: boolean, domain: [number, number], c: HeatmapColors): (v: number) => string {
  if (diverging) {
    const mid = domain[0] < 0 && domain[1] > 0 ? 0 : (domain[0] + domain[1]) / 2;
    const s = scaleDiverging(interpolateStops([c.negative, c.neutral, c.positive]))
      .domain([domain[0], mid, domain[1]])
      .clamp(true);
    return (v) => s(v);
  }
  const s = scaleSequential(interpolateStops([c.low, c.high]))
    .domain(domain)
    .clamp(true);
  return (v) => s(v);
}

/**
 * The cells' colour table: byte b (a value bin over `range`, see `quantize`) → the colour
 * of its value; byte 0 (NaN, no data) → `nan`. With a `cutoff`, bins below it fade 85%
 * toward the background, as Blocks' threshold slider does, so only the blocks above it
 * remain. The colour domain lives in `color` (clamped), so it may differ from `range`.
 */
export function heatLut(
  color: (v: number) => string,
  range: [number, number],
  c: HeatmapColors,
  cutoff: number | null,
): Uint8Array {
  const bg = parseColor(c.background);
  const nan = parseColor(c.nan);
  return buildLut((b): Rgba => {
    if (b === 0) return nan;
    const v = byteValue(b, range[0], range[1]);
    const rgb = parseColor(color(v));
    return cutoff !== null && v < cutoff ? mixRgba(rgb, bg, 0.85) : rgb;
  });
}
