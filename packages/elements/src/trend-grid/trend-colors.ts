import { TREND_COLORS, type Trend, type TrendKind } from '@classlens/core';

/**
 * The five colours of a trend grid, after the Sankey-for-ML paper's Fig. 10 (Chaudhuri,
 * 2019, arXiv:1908.00754): blue — strictly increasing; red — strictly decreasing; light
 * blue — *overall increasing or stable* (`non-decreasing`, and `mixed` with net > 0);
 * orange — *overall decreasing or stable* (`non-increasing`, and `mixed` with net < 0);
 * grey — stable. A `mixed` trend that ends where it began (net = 0) is grey: it is
 * neither overall increasing nor overall decreasing.
 */
export type TrendColorKey = Exclude<TrendKind, 'mixed'>;

/** The colour keys in legend order: best to worst. */
export const TREND_COLOR_KEYS: readonly TrendColorKey[] = [
  'increasing',
  'non-decreasing',
  'stable',
  'non-increasing',
  'decreasing',
];

/** Legend text of each colour (the paper's wording). */
export const TREND_COLOR_LABELS: Readonly<Record<TrendColorKey, string>> = {
  increasing: 'Increasing',
  'non-decreasing': 'Overall increasing or stable',
  stable: 'Stable',
  'non-increasing': 'Overall decreasing or stable',
  decreasing: 'Decreasing',
};

/**
 * Which of the five colours a trend takes (the paper's Fig. 10 rule above). Core's
 * `trendColor` paints a `mixed` trend like a strict one (blue or red by its net change),
 * so a class that dips and recovers would read as strictly improving; until core follows
 * the paper, the grid applies the rule here and takes only the colour values
 * ({@link TREND_COLORS}) from core.
 */
export function trendColorKey(trend: Trend): TrendColorKey {
  if (trend.kind !== 'mixed') return trend.kind;
  return trend.net > 0 ? 'non-decreasing' : trend.net < 0 ? 'non-increasing' : 'stable';
}

/** Default colours: core's {@link TREND_COLORS}. */
export const DEFAULT_TREND_COLORS: Readonly<Record<TrendColorKey, string>> = TREND_COLORS;

/** The CSS custom property that overrides a colour key (`--cl-trend-non-decreasing`). */
export const trendColorProperty = (k: TrendColorKey): string => `--cl-trend-${k}`;
