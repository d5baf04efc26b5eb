// Internal helpers shared by the trajectory functions; not re-exported from the package.
import { describeValue } from '../../common/internal/validate.js';
import { ClasslensError } from '../../common/errors.js';
import type { Matrix } from '../../common/matrix.js';

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

/** Throws `INVALID_ARGUMENT` unless `t` is a finite number ≥ 0. */
export function checkThreshold(t: unknown, name = 'threshold'): number {
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected a finite number ≥ 0, got ${describeValue(t)}`);
  }
  return t;
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

/**
 * Euclidean distance between rows starting at `a` and `b` of a flat row-major array.
 * The plain sum of squares is exact enough for hidden states; only when it under- or
 * overflows (differences below ~1e-150 or above ~1e150) is it redone with the
 * differences scaled by their largest magnitude, as LAPACK's dnrm2 does.
 */
export function rowDistance(data: ArrayLike<number>, a: number, b: number, cols: number): number {
  let s = 0;
  for (let j = 0; j < cols; j++) {
    const d = data[b + j] - data[a + j];
    s += d * d;
  }
  if (s > 1e-280 && s !== Infinity) return Math.sqrt(s);
  let scale = 0;
  for (let j = 0; j < cols; j++) {
    const d = Math.abs(data[b + j] - data[a + j]);
    if (d > scale) scale = d;
  }
  if (scale === 0 || scale === Infinity) return scale;
  s = 0;
  for (let j = 0; j < cols; j++) {
    const d = (data[b + j] - data[a + j]) / scale;
    s += d * d;
  }
  return scale * Math.sqrt(s);
}

/**
 * Top class per row of an already validated matrix (see `topClasses`): first largest
 * column; one column is P(positive), class 1 when `p > 0.5`.
 */
export function argmaxRows(m: Matrix): Int32Array {
  const { rows, cols, data } = m;
  const out = new Int32Array(rows);
  if (cols === 1) {
    for (let r = 0; r < rows; r++) out[r] = data[r] > 0.5 ? 1 : 0;
    return out;
  }
  for (let r = 0, o = 0; r < rows; r++, o += cols) {
    let top = 0;
    let best = data[o];
    for (let k = 1; k < cols; k++) {
      if (data[o + k] > best) {
        best = data[o + k];
        top = k;
      }
    }
    out[r] = top;
  }
  return out;
}
