import { TREND_COLORS, TREND_COLOR_LABELS as CORE_LABELS, type TrendColorKey } from '@classlens/core';

/**
 * The trend grid's colours: core's roles (`trendColorKey`, the rule of the Sankey-for-ML
 * paper's Fig. 10 — Chaudhuri, 2019, arXiv:1908.00754: blue strictly increasing, red
 * strictly decreasing, light blue *overall increasing or stable* = non-decreasing or mixed
 * with net > 0, orange *overall decreasing or stable* = non-increasing or mixed with
 * net < 0, grey stable, and mixed with net = 0) and default colours (`TREND_COLORS`), with
 * what the element adds: a legend order and the CSS custom property of each role.
 */
export { trendColorKey } from '@classlens/core';
export type { TrendColorKey };

/** The colour roles in legend order: best to worst. */
export const TREND_COLOR_KEYS: readonly TrendColorKey[] = [
  'increasing',
  'non-decreasing',
  'stable',
  'non-increasing',
  'decreasing',
];

/** Legend text of each role: core's wording (the paper's), capitalised. */
export const TREND_COLOR_LABELS: Readonly<Record<TrendColorKey, string>> = Object.fromEntries(
  TREND_COLOR_KEYS.map((k) => [k, CORE_LABELS[k].charAt(0).toUpperCase() + CORE_LABELS[k].slice(1)]),
) as Record<TrendColorKey, string>;

/** Default colours: core's `TREND_COLORS`. */
export const DEFAULT_TREND_COLORS: Readonly<Record<TrendColorKey, string>> = TREND_COLORS;

/** The CSS custom property that overrides a role's colour (`--cl-trend-non-decreasing`). */
export const trendColorProperty = (k: TrendColorKey): string => `--cl-trend-${k}`;
