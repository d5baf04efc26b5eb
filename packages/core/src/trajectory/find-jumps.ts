import { ClasslensError } from '../common/errors.js';
import { checkThreshold } from './layout.js';

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

/** A step whose hidden state moved far: see {@link findJumps}. */
export interface Jump {
  /** Position in the `distances` array. */
  index: number;
  /** The raw distance. */
  distance: number;
  /** `distance / max` (or `distance` itself when `normalize` is `'none'`). */
  normalized: number;
}

/**
 * The "jump" steps of one or more trajectories: the entries of `distances` whose
 * distance, divided by the maximum distance, exceeds `threshold` (strictly), in index
 * order. Garcia, Munz & Weiskopf (2021) use such jumps to point at the inputs (words)
 * that move a recurrent network's hidden state the most.
 *
 * Which maximum: the largest finite entry of the array passed. Pass the output of
 * {@link sequenceStepDistances} for every sequence at once to normalise over the whole
 * data set — one scale for every trajectory, like the paper's histogram of the distances
 * between consecutive hidden states of the loaded data; pass one sequence's slice to
 * normalise per sequence (then every non-constant sequence has at least one jump), or set
 * `max` explicitly.
 *
 * Index meaning: with {@link sequenceStepDistances} output, `index` is the row (step) whose
 * input caused the move; with {@link stepDistances} output, `index` `t` is the move from
 * step `t` to `t + 1`.
 *
 * Degenerate cases: NaN entries (sequence starts) are skipped; an empty array, or one
 * whose finite entries are all 0, has no jumps. A higher threshold never finds more jumps.
 *
 * Throws `INVALID_ARGUMENT` for a negative distance, a threshold that is not a finite
 * number ≥ 0, a `max` that is not finite and > 0, or an unknown `normalize`;
 * `NON_FINITE` for a ±Infinity distance. O(n).
 *
 * @example
 * findJumps([NaN, 1, 5, 2.5, 0.5]) // threshold 0.4 of the max 5
 * // → [{ index: 2, distance: 5, normalized: 1 }, { index: 3, distance: 2.5, normalized: 0.5 }]
 */
export function findJumps(distances: ArrayLike<number>, options: FindJumpsOptions = {}): Jump[] {
  if (distances == null || typeof distances !== 'object' || typeof distances.length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', 'distances: expected an array of numbers');
  }
  const threshold = checkThreshold(options.threshold ?? 0.4);
  const normalize = options.normalize ?? 'max';
  if (normalize !== 'max' && normalize !== 'none') {
    throw new ClasslensError('INVALID_ARGUMENT', `normalize: expected 'max' or 'none', got ${String(normalize)}`);
  }
  if (options.max !== undefined && (typeof options.max !== 'number' || !Number.isFinite(options.max) || options.max <= 0)) {
    throw new ClasslensError('INVALID_ARGUMENT', `max: expected a finite number > 0, got ${String(options.max)}`);
  }
  const n = distances.length;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const d = distances[i];
    if (typeof d !== 'number') {
      throw new ClasslensError('INVALID_ARGUMENT', `distances: ${d === null ? 'null' : typeof d} at index ${i}`, { index: i });
    }
    if (Number.isNaN(d)) continue;
    if (!Number.isFinite(d)) throw new ClasslensError('NON_FINITE', `distances: ${d} at index ${i}`, { index: i });
    if (d < 0) throw new ClasslensError('INVALID_ARGUMENT', `distances: negative value ${d} at index ${i}`, { index: i });
    if (d > largest) largest = d;
  }
  const scale = normalize === 'none' ? 1 : (options.max ?? largest);
  const out: Jump[] = [];
  // All-zero distances: nothing moved, so nothing jumped (and 0/0 is avoided).
  if (scale === 0) return out;
  for (let i = 0; i < n; i++) {
    const d = distances[i];
    if (Number.isNaN(d)) continue;
    const normalized = normalize === 'none' ? d : d / scale;
    if (normalized > threshold) out.push({ index: i, distance: d, normalized });
  }
  return out;
}
