import type { Trend, TrendKind } from './classify-trend.js';

/**
 * Default colours of the trend kinds (CSS colours from the Tableau 10/20 palettes, as
 * in d3's `schemeCategory10`): increasing blue, decreasing red, non-decreasing light
 * blue, non-increasing orange, stable grey. `mixed` has no colour of its own: it takes
 * the colour of its net direction ({@link trendColor}). Elements expose these as CSS
 * custom properties so themes can override them.
 */
export const TREND_COLORS: Readonly<Record<Exclude<TrendKind, 'mixed'>, string>> = Object.freeze({
  increasing: '#1f77b4',
  decreasing: '#d62728',
  'non-decreasing': '#aec7e8',
  'non-increasing': '#ff7f0e',
  stable: '#7f7f7f',
});

/**
 * The colour of a trend: its kind's entry in `colors`; for `mixed`, the colour of its
 * net direction — `increasing` when `net > 0`, `decreasing` when `net < 0`, `stable`
 * when the ends are equal.
 *
 * @param trend - a {@link Trend} from `classifyTrend` / `classAccuracyTrends`.
 * @param colors - overrides for some or all of {@link TREND_COLORS}.
 * @returns a CSS colour string.
 * @remarks O(1).
 * @example
 * trendColor({ kind: 'mixed', net: -0.2 }); // '#d62728' (red: net decrease)
 */
export function trendColor(trend: Trend, colors: Partial<Record<Exclude<TrendKind, 'mixed'>, string>> = {}): string {
  const palette = { ...TREND_COLORS, ...colors };
  if (trend.kind !== 'mixed') return palette[trend.kind];
  return trend.net > 0 ? palette.increasing : trend.net < 0 ? palette.decreasing : palette.stable;
}
