import { ClasslensError } from '../common/errors.js';
import { describeValue } from '../common/internal/validate.js';
import type { Trend, TrendKind } from './classify-trend.js';

/** The five colour roles of a trend grid: every {@link TrendKind} except `mixed` names one. */
export type TrendColorKey = Exclude<TrendKind, 'mixed'>;

/**
 * Default colours of the trend roles, after the accuracy-trend small multiples of
 * Chaudhuri, "A Visual Technique to Analyze Flow of Information in a Machine Learning
 * System" (arXiv:1908.00754, 2019), Fig. 10: blue for strictly increasing, red for
 * strictly decreasing, light blue for *overall increasing or stable*, orange for
 * *overall decreasing or stable*, grey for stable (CSS colours of the Tableau 10/20
 * palettes, as in d3's `schemeCategory10`). `mixed` trends have no colour of their own:
 * see {@link trendColorKey}. Elements expose these as CSS custom properties so that
 * themes can override them.
 */
export const TREND_COLORS: Readonly<Record<TrendColorKey, string>> = Object.freeze({
  increasing: '#1f77b4',
  decreasing: '#d62728',
  'non-decreasing': '#aec7e8',
  'non-increasing': '#ff7f0e',
  stable: '#7f7f7f',
});

/** Legend text of each colour role, in the paper's words (Fig. 10). Same keys as {@link TREND_COLORS}. */
export const TREND_COLOR_LABELS: Readonly<Record<TrendColorKey, string>> = Object.freeze({
  increasing: 'strictly increasing',
  decreasing: 'strictly decreasing',
  'non-decreasing': 'overall increasing or stable',
  'non-increasing': 'overall decreasing or stable',
  stable: 'stable',
});

const KINDS: readonly TrendKind[] = ['increasing', 'decreasing', 'non-decreasing', 'non-increasing', 'stable', 'mixed'];

/**
 * The colour role of a trend, by the rule of the paper's Fig. 10 (Chaudhuri,
 * arXiv:1908.00754): blue only for a strictly increasing series and red only for a
 * strictly decreasing one; light blue for "overall increasing or stable" —
 * `non-decreasing`, and `mixed` with net > 0; orange for "overall decreasing or stable" —
 * `non-increasing`, and `mixed` with net < 0; grey for `stable`. A class that dips and
 * recovers is therefore light blue, never the blue of steady improvement.
 *
 * A `mixed` trend with net = 0 ends where it started: it has no overall direction, and
 * light blue and orange each claim one, so it takes the `stable` role (grey). (Its
 * wobble is still visible in the line itself.)
 *
 * @param trend - a {@link Trend} from `classifyTrend` / `classAccuracyTrends`.
 * @returns a key of {@link TREND_COLORS} and {@link TREND_COLOR_LABELS}.
 * @throws `INVALID_ARGUMENT` for an unknown `kind`, or a `mixed` trend whose `net` is not
 *   a number.
 * @remarks O(1).
 * @example
 * trendColorKey(classifyTrend([0.5, 0.4, 0.7])); // 'non-decreasing' (mixed, net +0.2)
 */
export function trendColorKey(trend: Trend): TrendColorKey {
  const kind = trend?.kind;
  if (!KINDS.includes(kind)) {
    throw new ClasslensError('INVALID_ARGUMENT', `trend.kind: expected a TrendKind, got ${describeValue(kind)}`);
  }
  if (kind !== 'mixed') return kind;
  const net = trend.net;
  if (typeof net !== 'number' || Number.isNaN(net)) {
    throw new ClasslensError('INVALID_ARGUMENT', `trend.net: expected a number, got ${describeValue(net)}`);
  }
  return net > 0 ? 'non-decreasing' : net < 0 ? 'non-increasing' : 'stable';
}

/**
 * The colour of a trend: the entry of its role ({@link trendColorKey}) in `colors`, or
 * in {@link TREND_COLORS} — blue strictly increasing, red strictly decreasing, light blue
 * overall increasing or stable (`non-decreasing`, `mixed` with net > 0), orange overall
 * decreasing or stable (`non-increasing`, `mixed` with net < 0), grey stable (and `mixed`
 * with net = 0). The rule of Chaudhuri, arXiv:1908.00754, Fig. 10.
 *
 * @param trend - a {@link Trend} from `classifyTrend` / `classAccuracyTrends`.
 * @param colors - overrides for some or all of {@link TREND_COLORS}.
 * @returns a CSS colour string.
 * @throws as {@link trendColorKey}.
 * @remarks O(1).
 * @example
 * trendColor({ kind: 'mixed', net: -0.2 }); // '#ff7f0e' (orange: overall decreasing)
 */
export function trendColor(trend: Trend, colors: Partial<Record<TrendColorKey, string>> = {}): string {
  const key = trendColorKey(trend);
  return colors?.[key] ?? TREND_COLORS[key];
}
