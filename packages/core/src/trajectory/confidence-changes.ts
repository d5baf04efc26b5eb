import { optionsOf } from '../common/internal/validate.js';
import type { MatrixLike } from '../common/matrix.js';
import { checkThreshold } from './internal/check-threshold.js';
import { predictionChanges } from './prediction-changes.js';

/** Options for {@link confidenceChanges}. */
export interface ConfidenceChangesOptions {
  /**
   * A step is reported when its prediction change is strictly greater than this.
   * Default 0.3, the default of Garcia, Munz & Weiskopf's tool. Finite and ≥ 0.
   */
  threshold?: number;
  /** Splits the rows of `expected` into sequences (default: one sequence). */
  lengths?: ArrayLike<number>;
}

/**
 * The steps (rows of `expected`, increasing) where the classifier's expected prediction
 * changed by more than `threshold` (strictly) from the previous step of the same sequence — for a binary
 * classifier, where P(positive) moved by more than 0.3 by default. The change is the
 * largest absolute change of any class probability ({@link predictionChanges}); first
 * steps of sequences never count. A higher threshold never reports more steps. The size
 * of each change is `predictionChanges(expected, lengths)[row]`.
 *
 * Throws what {@link predictionChanges} throws, and `INVALID_ARGUMENT` for a threshold
 * that is not a finite number ≥ 0. O(rows · classes).
 *
 * @example
 * confidenceChanges([[0.9, 0.1], [0.4, 0.6], [0.3, 0.7]])
 * // → Uint32Array [1]
 */
export function confidenceChanges(expected: MatrixLike, options: ConfidenceChangesOptions = {}): Uint32Array {
  const o = optionsOf(options);
  const threshold = checkThreshold(o.threshold ?? 0.3);
  const changes = predictionChanges(expected, o.lengths ?? undefined);
  const out = new Uint32Array(changes.length);
  let count = 0;
  for (let r = 0; r < changes.length; r++) {
    // NaN (a sequence start) compares false.
    if (changes[r] > threshold) out[count++] = r;
  }
  return out.slice(0, count);
}
