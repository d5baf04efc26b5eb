// Internal: where each sequence's rows lie in a stacked matrix (offsets, first rows).
import { describeValue } from '../../common/internal/validate.js';
import { ClasslensError } from '../../common/errors.js';

/**
 * Validates sequence lengths and returns their offsets (length n + 1, `offsets[0] = 0`,
 * `offsets[n]` = total). When `rows` is given the lengths must sum to it.
 */
export function layoutOffsets(lengths: ArrayLike<number>, rows?: number, rowsName = 'matrix'): Uint32Array {
  if (lengths == null || typeof lengths !== 'object' || typeof lengths.length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', 'lengths: expected an array of sequence lengths');
  }
  const n = lengths.length;
  const offsets = new Uint32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = lengths[i];
    if (!(Number.isInteger(v) && v >= 0)) badLength(lengths, i);
    total += v;
    if (total > 0xffffffff) throw new ClasslensError('INVALID_ARGUMENT', 'lengths: total exceeds 2^32 - 1 steps');
    offsets[i + 1] = total;
  }
  if (rows !== undefined && total !== rows) {
    throw new ClasslensError('LENGTH_MISMATCH', `lengths sum to ${total} but ${rowsName} has ${rows} rows`, {
      lengths: total,
      [rowsName]: rows,
    });
  }
  return offsets;
}

// Outside the loop so that V8 optimises the scan (see find-jumps.ts).
function badLength(lengths: ArrayLike<unknown>, i: number): never {
  const v = lengths[i];
  if (typeof v !== 'number') {
    throw new ClasslensError('NOT_A_NUMBER', `lengths: ${describeValue(v)} at index ${i}, expected a number`, {
      index: i,
    });
  }
  if (!Number.isFinite(v)) throw new ClasslensError('NON_FINITE', `lengths: ${v} at index ${i}`, { index: i });
  throw new ClasslensError('INVALID_ARGUMENT', `lengths: ${v} at index ${i} is not a non-negative integer`, {
    index: i,
  });
}

/**
 * For every row, whether it starts a sequence (has no predecessor). Row 0 always does;
 * without offsets the whole matrix is one sequence.
 */
export function sequenceStarts(rows: number, offsets?: Uint32Array): Uint8Array {
  const starts = new Uint8Array(rows);
  if (rows > 0) starts[0] = 1;
  if (offsets) for (let i = 0; i < offsets.length - 1; i++) if (offsets[i] < rows) starts[offsets[i]] = 1;
  return starts;
}
