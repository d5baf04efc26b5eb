import { ClasslensError, type Key } from '../common/index.js';
import { classifyTrend, type Trend } from './classify-trend.js';
import { supportAndCorrect } from './internal/confusion-counts.js';
import { optionsOf } from '../common/internal/validate.js';
import { encodeLabels } from './internal/encode-labels.js';

/** One class of {@link classAccuracyTrends}. */
export interface ClassTrend {
  /** The class. */
  class: Key;
  /** Its accuracy (recall) under each version, in version order. */
  values: number[];
  /** The trend of `values` ({@link classifyTrend}). */
  trend: Trend;
}

/** Options for {@link classAccuracyTrends}. */
export interface ClassAccuracyTrendsOptions {
  /** Accuracy steps with |Δ| ≤ tolerance count as flat (default 0). */
  tolerance?: number;
}

/**
 * Per class, its accuracy (recall: correct / support) under each model version, and the
 * trend of those accuracies — the rows of a trend grid.
 *
 * Versions are an array in order, or an object in `Object.keys` order (note that
 * integer-like keys such as `"2"` sort first there; use an array to be explicit). Classes
 * come from `classes` or the sorted union of all labels; a class with no items in
 * `truth` has no accuracy and is left out.
 *
 * @param truth - true label per item.
 * @param predsInModelOrder - one prediction array per version, oldest first (at least one).
 * @param classes - optional class list; integer typed arrays are then class indices.
 * @param options - `tolerance` for {@link classifyTrend}.
 * @throws `INVALID_ARGUMENT` for no versions or a bad tolerance; `LENGTH_MISMATCH`,
 *   `UNKNOWN_CLASS`, `NON_FINITE`, `DUPLICATE_KEY` for bad labels.
 * @remarks O(n·v + m·v) for n items, v versions and m classes.
 * @example
 * classAccuracyTrends(['a', 'a', 'b'], [['a', 'b', 'b'], ['a', 'a', 'a']])
 * // → [{ class: 'a', values: [0.5, 1], trend: { kind: 'increasing', net: 0.5 } },
 * //    { class: 'b', values: [1, 0], trend: { kind: 'decreasing', net: -1 } }]
 */
export function classAccuracyTrends(
  truth: ArrayLike<Key>,
  predsInModelOrder: ArrayLike<ArrayLike<Key>> | Record<string, ArrayLike<Key>>,
  classes?: ArrayLike<Key>,
  options: ClassAccuracyTrendsOptions = {},
): ClassTrend[] {
  if (predsInModelOrder == null || typeof predsInModelOrder !== 'object') {
    throw new ClasslensError('INVALID_ARGUMENT', 'predsInModelOrder: expected an array of prediction arrays');
  }
  const versions: ArrayLike<Key>[] =
    typeof (predsInModelOrder as ArrayLike<unknown>).length === 'number'
      ? Array.from(predsInModelOrder as ArrayLike<ArrayLike<Key>>)
      : Object.values(predsInModelOrder);
  if (versions.length === 0)
    throw new ClasslensError('INVALID_ARGUMENT', 'predsInModelOrder: expected at least one version');
  // Check the tolerance before the per-item work.
  const o = optionsOf(options);
  classifyTrend([0], o);
  const columns: Record<string, ArrayLike<Key>> = { truth };
  versions.forEach((p, v) => (columns[`predsInModelOrder[${v}]`] = p));
  const enc = encodeLabels(columns, classes);
  const m = enc.classes.length;
  const perVersion = versions.map((_, v) => supportAndCorrect(enc.codes[0], enc.codes[v + 1], m));
  const support = perVersion[0].support;
  const out: ClassTrend[] = [];
  for (let j = 0; j < m; j++) {
    if (support[j] === 0) continue;
    const values = perVersion.map((s) => s.correct[j] / support[j]);
    out.push({ class: enc.classes[j], values, trend: classifyTrend(values, o) });
  }
  return out;
}
