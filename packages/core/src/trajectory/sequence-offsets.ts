import { layoutOffsets } from './internal/sequence-layout.js';

/**
 * Where each sequence starts in the row-stacked states of several sequences: the
 * cumulative sum of `lengths` with a leading 0, so sequence `s` occupies rows
 * `offsets[s]` to `offsets[s + 1] - 1` and `offsets[n]` is the total number of steps.
 *
 * Zero lengths are allowed (an empty sequence). When `rows` is given, the lengths must
 * sum to it.
 *
 * Throws `INVALID_ARGUMENT` for a length that is not a non-negative integer (`NON_FINITE`
 * for NaN/±Infinity), naming its index, and `LENGTH_MISMATCH` when the lengths do not
 * sum to `rows`. O(n).
 *
 * @example
 * sequenceOffsets([3, 0, 2]) // → Uint32Array [0, 3, 3, 5]
 */
export function sequenceOffsets(lengths: ArrayLike<number>, rows?: number): Uint32Array {
  return layoutOffsets(lengths, rows, 'states');
}
