import type { Key } from '../common/index.js';
import { confusionCounts } from './internal/confusion-counts.js';
import { readWeights } from '../common/internal/weights.js';
import { countOptions, encodeLabels, type CountOptions } from './internal/encode-labels.js';

/** Per-class metrics of one classifier, as {@link classMetrics} returns them. */
export interface ClassMetrics {
  /** The class. */
  class: Key;
  /** Items whose true class is this class (TP + FN; with `weights`, their total weight). */
  support: number;
  /** Items of this class predicted as this class (TP; with `weights`, their total weight). */
  correct: number;
  /** Per-class accuracy: `correct / support`, i.e. the recall. `NaN` when `support` is 0. */
  accuracy: number;
  /** TP / (TP + FP): `NaN` when the class is never predicted. */
  precision: number;
  /** TP / (TP + FN): `NaN` when `support` is 0. Equal to `accuracy`. */
  recall: number;
  /**
   * F1 = 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall. `NaN`
   * only when the class is neither in the truth nor predicted.
   */
  f1: number;
}

/**
 * Support, correct count, accuracy, precision, recall and F1 for every class,
 * computed from the confusion matrix (Sokolova & Lapalme, "A systematic analysis of
 * performance measures for classification tasks", 2009).
 *
 * Classes absent from one side are handled explicitly, never silently as 0: a class
 * that is never predicted has `precision` `NaN` (0/0); a class with no true items has
 * `support` 0 and `accuracy`/`recall` `NaN`; F1 uses the form 2·TP / (2·TP + FP + FN),
 * which is defined — and 0 — in both of those cases, and `NaN` only for a class listed
 * in `classes` but absent from both sides. These match scikit-learn's
 * `precision_recall_fscore_support` with `zero_division=np.nan` (≥ 1.3); with the
 * default `zero_division="warn"` scikit-learn reports 0 where this returns `NaN`.
 *
 * Rows follow `classes` when given, else the sorted union of both label columns.
 * Integer typed arrays with `classes` are read as class indices. Empty input gives one
 * row per given class with zero counts and `NaN` rates (no rows without `classes`).
 *
 * @param truth - true label per item.
 * @param pred - predicted label per item.
 * @param classes - optional class list (row order; may include absent classes), or
 *   `{ classes?, weights? }`: with `weights` every count (support, correct, TP, FP, FN)
 *   is a sum of item weights — scikit-learn's `sample_weight`.
 * @throws `LENGTH_MISMATCH`, `UNKNOWN_CLASS`, `NON_FINITE`, `INVALID_ARGUMENT`,
 *   `DUPLICATE_KEY` — as {@link confusionMatrix}.
 * @remarks O(n + m²) for n items and m classes. Averages: {@link metricsSummary}.
 * @example
 * classMetrics(['a', 'a', 'b'], ['a', 'b', 'b'])
 * // → [{ class: 'a', support: 2, correct: 1, accuracy: 0.5, precision: 1, recall: 0.5, f1: 2/3 },
 * //    { class: 'b', support: 1, correct: 1, accuracy: 1, precision: 0.5, recall: 1, f1: 2/3 }]
 */
export function classMetrics(
  truth: ArrayLike<Key>,
  pred: ArrayLike<Key>,
  classes?: ArrayLike<Key> | CountOptions,
): ClassMetrics[] {
  const o = countOptions(classes);
  const enc = encodeLabels({ truth, pred }, o.classes);
  const m = enc.classes.length;
  const counts = confusionCounts(enc.codes[0], enc.codes[1], m, readWeights(o.weights, enc.n));
  const predicted = new Float64Array(m);
  const support = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const c = counts[i * m + j];
      support[i] += c;
      predicted[j] += c;
    }
  }
  const out: ClassMetrics[] = [];
  for (let j = 0; j < m; j++) {
    const tp = counts[j * m + j];
    const fn = support[j] - tp;
    const fp = predicted[j] - tp;
    // 0/0 is NaN in IEEE arithmetic, which is exactly the documented undefined case.
    const recall = tp / support[j];
    out.push({
      class: enc.classes[j],
      support: support[j],
      correct: tp,
      accuracy: recall,
      precision: tp / predicted[j],
      recall,
      f1: (2 * tp) / (2 * tp + fp + fn),
    });
  }
  return out;
}
