import type { Key } from '../common/index.js';
import { classMetrics, type ClassMetrics } from './class-metrics.js';
import type { CountOptions } from './internal/encode-labels.js';

/** Precision, recall and F1 averaged over classes. */
export interface AveragedMetrics {
  precision: number;
  recall: number;
  f1: number;
}

/** Overall figures of one classifier, as {@link metricsSummary} returns them. */
export interface MetricsSummary {
  /** Number of items. */
  items: number;
  /** Items predicted correctly. */
  correct: number;
  /** Overall accuracy `correct / items` (`NaN` for no items). */
  accuracy: number;
  /**
   * Unweighted mean over classes of the per-class values, skipping classes where the
   * value is undefined (`NaN`, see {@link classMetrics}); `NaN` when no class has one.
   */
  macro: AveragedMetrics;
  /**
   * Pooled over items: ΣTP / Σ(TP + FP) etc. For single-label data every item is
   * predicted as exactly one listed class, so all three equal `accuracy`.
   */
  micro: AveragedMetrics;
  /** The per-class rows the averages were computed from ({@link classMetrics}). */
  classes: ClassMetrics[];
}

function nanMean(rows: ClassMetrics[], field: 'precision' | 'recall' | 'f1'): number {
  let sum = 0;
  let count = 0;
  for (const r of rows) {
    const v = r[field];
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count ? sum / count : NaN;
}

/**
 * Macro and micro averages of precision, recall and F1, plus overall accuracy.
 *
 * Macro averages skip classes where a value is undefined (a never-predicted class has
 * no precision, a class with no true items no recall) — scikit-learn's
 * `average="macro", zero_division=np.nan` (≥ 1.3), not its default, which counts
 * those as 0. Micro averages pool the counts over all classes (scikit-learn's
 * `average="micro"`); for single-label data they all equal the accuracy.
 *
 * @param truth - true label per item.
 * @param pred - predicted label per item.
 * @param classes - optional class list; classes it lists but neither side uses only
 *   add undefined values, which the macro average skips. Or `{ classes?, weights? }`:
 *   with `weights`, `items`, `correct` and every rate are weighted (scikit-learn's
 *   `sample_weight`).
 * @throws as {@link classMetrics}.
 * @remarks O(n + m²).
 * @example
 * const s = metricsSummary(['a', 'a', 'b'], ['a', 'b', 'b']);
 * s.accuracy;        // 2/3
 * s.macro.precision; // (1 + 0.5) / 2 = 0.75
 */
export function metricsSummary(
  truth: ArrayLike<Key>,
  pred: ArrayLike<Key>,
  classes?: ArrayLike<Key> | CountOptions,
): MetricsSummary {
  const rows = classMetrics(truth, pred, classes);
  let items = 0;
  let correct = 0;
  for (const r of rows) {
    items += r.support;
    correct += r.correct;
  }
  const accuracy = correct / items;
  return {
    items,
    correct,
    accuracy,
    macro: { precision: nanMean(rows, 'precision'), recall: nanMean(rows, 'recall'), f1: nanMean(rows, 'f1') },
    micro: { precision: accuracy, recall: accuracy, f1: accuracy },
    classes: rows,
  };
}
