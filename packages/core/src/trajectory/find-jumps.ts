import { ClasslensError } from '../common/errors.js';
import { checkThreshold } from './internal/check-threshold.js';
import { describeValue, optionsOf } from '../common/internal/validate.js';

/** Options for {@link findJumps}. */
export interface FindJumpsOptions {
  /**
   * A step is a jump when its (normalised) distance is strictly greater than this.
   * Default 0.4, the default of Garcia, Munz & Weiskopf's tool. Must be finite and ≥ 0.
   */
  threshold?: number;
  /**
   * `'max'` (default): divide every distance by the largest finite distance in
   * `distances` (or by `max` when given), so the threshold is a fraction of the largest
   * step. `'none'`: compare raw distances with the threshold.
   */
  normalize?: 'max' | 'none';
  /**
   * The normaliser to use instead of the maximum of `distances`, e.g. the maximum over a
   * whole data set when `distances` holds one sequence. Finite and > 0. Ignored when
   * `normalize` is `'none'`.
   */
  max?: number;
}

/**
 * The "jump" steps of one or more trajectories: the positions `i` of the entries of
 * `distances` whose distance, divided by the maximum distance, exceeds `threshold`
 * (strictly: `distances[i] / max > threshold`), in increasing order. Garcia, Munz &
 * Weiskopf (2021) use such jumps to point at the inputs (words) that move a recurrent
 * network's hidden state the most.
 *
 * Which maximum: the largest finite entry of the array passed. Pass the output of
 * {@link sequenceStepDistances} for every sequence at once to normalise over the whole
 * data set — one scale for every trajectory, as we read the paper's tool (one histogram
 * of the distances between consecutive hidden states of the loaded data, one threshold
 * relative to its maximum); pass one sequence's slice to normalise per sequence (then
 * every non-constant sequence has at least one jump), or set `max` explicitly.
 *
 * What an index means: with {@link sequenceStepDistances} output, `i` is the row (step)
 * whose input caused the move; with {@link stepDistances} output, `i` is the move from
 * step `i` to `i + 1`. Only indices are returned (a `Uint32Array`, cheap to turn into a
 * `Set` for highlighting); a jump's normalised value is `distances[i] / max`.
 *
 * Degenerate cases: NaN entries (sequence starts) are skipped; an empty array, or one
 * whose finite entries are all 0, has no jumps. A higher threshold never finds more jumps.
 *
 * Throws `INVALID_ARGUMENT` for a negative or non-number distance, a threshold that is
 * not a finite number ≥ 0, a `max` that is not finite and > 0, or an unknown
 * `normalize`; `NON_FINITE` for a ±Infinity distance. O(n).
 *
 * @example
 * findJumps([NaN, 1, 5, 2.5, 0.5]) // threshold 0.4 of the max 5
 * // → Uint32Array [2, 3]
 */
export function findJumps(distances: ArrayLike<number>, opts: FindJumpsOptions = {}): Uint32Array {
  if (distances == null || typeof distances !== 'object' || typeof distances.length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', 'distances: expected an array of numbers');
  }
  const options = optionsOf(opts);
  const threshold = checkThreshold(options.threshold ?? 0.4);
  const normalize = options.normalize ?? 'max';
  if (normalize !== 'max' && normalize !== 'none') {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `normalize: expected 'max' or 'none', got ${describeValue(normalize)}`,
    );
  }
  if (
    options.max !== undefined &&
    (typeof options.max !== 'number' || !Number.isFinite(options.max) || options.max <= 0)
  ) {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `max: expected a finite number > 0, got ${describeValue(options.max)}`,
    );
  }
  const n = distances.length;
  // Plain arrays may hold non-numbers; typed arrays cannot.
  const typed = ArrayBuffer.isView(distances);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const d = distances[i];
    if (!typed && typeof d !== 'number') badDistance(distances, i);
    if (d >= 0 && d !== Infinity) {
      if (d > largest) largest = d;
    } else if (d === d) badDistance(distances, i); // negative or ±Infinity; NaN is skipped
  }
  const scale = normalize === 'none' ? 1 : (options.max ?? largest);
  // All-zero distances: nothing moved, so nothing jumped (and 0/0 is avoided).
  if (scale === 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    // NaN compares false. Dividing (rather than comparing with threshold · scale) keeps
    // the test exactly `distances[i] / max > threshold`, as documented.
    if (distances[i] / scale > threshold) out[count++] = i;
  }
  return out.slice(0, count);
}

// The error path lives outside the scan: building messages inside the hot loop made V8
// keep the whole loop unoptimised (measured: 10-100× slower on 10^5 distances).
function badDistance(distances: ArrayLike<unknown>, i: number): never {
  const d = distances[i];
  if (typeof d !== 'number') {
    throw new ClasslensError('NOT_A_NUMBER', `distances: ${describeValue(d)} at index ${i}, expected a number`, {
      index: i,
    });
  }
  if (!Number.isFinite(d)) throw new ClasslensError('NON_FINITE', `distances: ${d} at index ${i}`, { index: i });
  throw new ClasslensError('INVALID_ARGUMENT', `distances: negative value ${d} at index ${i}`, { index: i });
}
