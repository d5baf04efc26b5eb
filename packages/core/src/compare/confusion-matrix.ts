import type { Key } from '../common/index.js';
import { confusionCounts } from './internal/confusion-counts.js';
import { readWeights } from '../common/internal/weights.js';
import { countOptions, encodeLabels, type CountOptions } from './internal/encode-labels.js';

/** A confusion matrix: rows are true classes, columns predicted classes. */
export interface ConfusionMatrix {
  /** The class of each row and column, in order. */
  classes: Key[];
  /**
   * `counts[i][j]`: items of true class `classes[i]` predicted as `classes[j]` (with
   * `weights`, the sum of their weights).
   */
  counts: number[][];
}

/**
 * Counts every (true class, predicted class) pair — scikit-learn's
 * `confusion_matrix(y_true, y_pred, labels=classes)` convention: rows are the truth,
 * columns the prediction, the diagonal the correct items.
 *
 * `classes` fixes the order and may list classes absent from both sides (their row
 * and column are zeros). Without it the classes are the sorted union of `truth` and
 * `pred` (numbers ascending, then strings), so a class that only one side uses gets
 * an all-zero row (never in the truth) or column (never predicted). Integer typed
 * arrays together with `classes` are read as class indices into it (zero-copy for
 * `Int32Array`). Empty inputs give all-zero counts (an empty matrix without `classes`).
 *
 * @param truth - true label per item.
 * @param pred - predicted label per item.
 * @param classes - optional class list (order of rows and columns), or
 *   `{ classes?, weights? }`: with `weights` (an array, or `(i) => weight`; non-negative
 *   finite numbers) every count is the sum of its items' weights — scikit-learn's
 *   `sample_weight`.
 * @throws `LENGTH_MISMATCH` when `truth` and `pred` differ in length; `UNKNOWN_CLASS`
 *   for a label (or class index) not in `classes`; `NON_FINITE` / `INVALID_ARGUMENT`
 *   for a NaN or non-key label; `DUPLICATE_KEY` when `classes` repeats a class or the
 *   classes hold both `1` and `"1"`; for `weights`: `LENGTH_MISMATCH`, `NOT_A_NUMBER`,
 *   `NON_FINITE`, `INVALID_ARGUMENT` (negative) naming the index.
 * @remarks O(n + m²) time and memory for n items and m classes.
 * @example
 * confusionMatrix(['cat', 'dog', 'dog'], ['cat', 'cat', 'dog'])
 * // → { classes: ['cat', 'dog'], counts: [[1, 0], [1, 1]] }
 */
export function confusionMatrix(
  truth: ArrayLike<Key>,
  pred: ArrayLike<Key>,
  classes?: ArrayLike<Key> | CountOptions,
): ConfusionMatrix {
  const o = countOptions(classes);
  const enc = encodeLabels({ truth, pred }, o.classes);
  const m = enc.classes.length;
  const flat = confusionCounts(enc.codes[0], enc.codes[1], m, readWeights(o.weights, enc.n));
  const counts: number[][] = [];
  for (let i = 0; i < m; i++) counts.push(Array.from(flat.subarray(i * m, (i + 1) * m)));
  return { classes: enc.classes, counts };
}
