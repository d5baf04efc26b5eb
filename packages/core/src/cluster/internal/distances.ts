// Reading a distance matrix (square or condensed) into the one working condensed copy
// that hierarchical clustering needs, validating every pair on the way.
import { describeValue, optionsOf } from '../../common/internal/validate.js';
import { ClasslensError } from '../../common/errors.js';
import type { Matrix, MatrixLike } from '../../common/matrix.js';
import { toMatrix } from '../../common/matrix.js';
import type { Steps } from '../../common/internal/steps.js';

/**
 * Distances as hclust accepts them: a square symmetric {@link Matrix} (or `number[][]`),
 * or a condensed `Float64Array` / `Float32Array` holding the upper triangle row by row,
 * as `scipy.spatial.distance.squareform` writes it.
 */
export type DistanceInput = MatrixLike | Float64Array | Float32Array;

/**
 * What to do with NaN distances (a constant column makes its correlations NaN):
 * `'error'` throws `NON_FINITE`; `'max'` treats NaN as the largest finite distance in the input.
 */
export type NanPolicy = 'error' | 'max';

/** Validation options shared by every function that reads distances. */
export interface DistanceReadOptions {
  nan?: NanPolicy;
  symmetryTolerance?: number;
}

/** The validated input, not copied: how to read pair (i, j), i < j, with NaN replaced. */
export interface DistanceSource {
  readonly n: number;
  readonly square?: Matrix;
  readonly condensed?: Float64Array | Float32Array;
  /** Value that replaces NaN (only used when `hasNan`). */
  readonly nanValue: number;
  readonly hasNan: boolean;
}

/**
 * Most points a condensed matrix may hold here: n(n − 1)/2 < 2³¹ keeps every condensed
 * index an int32 (V8 then indexes without float checks), and is 8.6 GB of float64 —
 * beyond what a browser or Node will allocate anyway.
 */
export const MAX_POINTS = 46341;

/** `rowStart(n)[i] + j` is the condensed index of pair (i, j) for i < j. */
export function rowStarts(n: number): Int32Array {
  const rs = new Int32Array(Math.max(n, 1));
  for (let i = 0; i < n; i++) rs[i] = n * i - (i * (i + 1)) / 2 - i - 1;
  return rs;
}

/** Number of points whose condensed matrix has `length` entries, or -1. */
export function pointsFromCondensedLength(length: number): number {
  if (length === 0) return 1;
  const n = Math.round((1 + Math.sqrt(1 + 8 * length)) / 2);
  return (n * (n - 1)) / 2 === length ? n : -1;
}

/** `true` for the typed arrays that hclust reads as condensed matrices. */
export function isCondensed(x: unknown): x is Float64Array | Float32Array {
  return x instanceof Float64Array || x instanceof Float32Array;
}

export function checkNanPolicy(nan: unknown): NanPolicy {
  if (nan === undefined) return 'error';
  if (nan === 'error' || nan === 'max') return nan;
  throw new ClasslensError('INVALID_ARGUMENT', `nan: expected 'error' or 'max', got ${JSON.stringify(nan)}`);
}

/** Validated {@link DistanceReadOptions}. */
export interface CheckedReadOptions {
  nan: NanPolicy;
  tol: number;
}

/** Validates the reading options (throws `INVALID_ARGUMENT`). */
export function checkReadOptions(opts: DistanceReadOptions | undefined): CheckedReadOptions {
  const options = optionsOf(opts);
  const t = options.symmetryTolerance ?? undefined;
  if (t !== undefined && (typeof t !== 'number' || !(t >= 0) || !Number.isFinite(t))) {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `symmetryTolerance: expected a finite number ≥ 0, got ${describeValue(t)}`,
    );
  }
  return { nan: checkNanPolicy(options.nan ?? undefined), tol: t ?? 1e-9 };
}

/** A distance input with its size known: a square matrix or a condensed array. */
export interface DistanceShape {
  readonly n: number;
  readonly square?: Matrix;
  readonly condensed?: Float64Array | Float32Array;
}

/** Normalises the input's shape (square or condensed) without reading every value. */
export function distanceShape(input: DistanceInput, name: string): DistanceShape {
  const shape = rawShape(input, name);
  if (shape.n > MAX_POINTS) {
    throw new ClasslensError(
      'TOO_LARGE',
      `${name}: ${shape.n} points is more than the ${MAX_POINTS} a condensed matrix can index`,
    );
  }
  return shape;
}

function rawShape(input: DistanceInput, name: string): DistanceShape {
  if (isCondensed(input)) {
    const n = pointsFromCondensedLength(input.length);
    if (n < 0) {
      throw new ClasslensError(
        'INVALID_SHAPE',
        `${name}: condensed length ${input.length} is not n(n − 1)/2 for any n`,
      );
    }
    return { n, condensed: input };
  }
  if (Array.isArray(input) && input.length > 0 && typeof input[0] === 'number') {
    throw new ClasslensError(
      'INVALID_SHAPE',
      `${name}: row 0 is ${input[0]}, expected an array (a square matrix as number[][], or a condensed ` +
        'matrix as a Float64Array or Float32Array)',
    );
  }
  const m = toMatrix(input as MatrixLike, { name });
  if (m.rows !== m.cols) {
    throw new ClasslensError('NOT_SQUARE', `${name}: ${m.rows} × ${m.cols} matrix is not square`, {
      rows: m.rows,
      cols: m.cols,
    });
  }
  return { n: m.rows, square: m };
}

function pairOf(n: number, k: number): [number, number] {
  // Inverse of the condensed index; only on the error path, so a linear scan is fine.
  let i = 0;
  let start = 0;
  while (start + (n - i - 1) <= k) {
    start += n - i - 1;
    i++;
  }
  return [i, i + 1 + (k - start)];
}

function fail(name: string, i: number, j: number, a: number, b: number, tol: number, nan: NanPolicy): void {
  const at = `(${i}, ${j})`;
  const details = { row: i, col: j };
  if (a === Infinity || a === -Infinity) throw new ClasslensError('NON_FINITE', `${name}: ${a} at ${at}`, details);
  if (b === Infinity || b === -Infinity) {
    throw new ClasslensError('NON_FINITE', `${name}: ${b} at (${j}, ${i})`, { row: j, col: i });
  }
  const an = a !== a;
  const bn = b !== b;
  if (an !== bn || (!an && Math.abs(a - b) > tol * Math.max(1, Math.abs(a), Math.abs(b)))) {
    throw new ClasslensError('NOT_SYMMETRIC', `${name}: not symmetric at ${at}: ${a} vs ${b}`, details);
  }
  if (an) {
    if (nan === 'error') {
      throw new ClasslensError(
        'NON_FINITE',
        `${name}: NaN at ${at} (pass { nan: 'max' } to treat NaN as the largest distance)`,
        details,
      );
    }
    return;
  }
  if (a < 0) throw new ClasslensError('INVALID_ARGUMENT', `${name}: negative distance ${a} at ${at}`, details);
}

/** Row-major rescan that throws for the first offending pair (error path only). */
function throwFirstProblem(m: Matrix, name: string, tol: number, nan: NanPolicy): void {
  const n = m.rows;
  const d = m.data;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) fail(name, i, j, d[i * n + j], d[j * n + i], tol, nan);
  }
}

const BLOCK = 64;

/** Running state of a validation pass. */
interface ScanState {
  max: number;
  hasNan: boolean;
}

/**
 * Fast pass over condensed entries [k0, k1): copies them and tracks the maximum; returns
 * `false` when some entry is negative, NaN or infinite (then {@link checkCondensed}
 * decides). One cheap loop with no data-dependent branch beyond the maximum: V8 compiles
 * explicit NaN/∞ tests in a hot loop to slow code, while `v − v` is 0 only for finite v.
 */
function copyCondensed(
  c: Float64Array | Float32Array,
  k0: number,
  k1: number,
  out: Float64Array | null,
  st: ScanState,
): boolean {
  let max = st.max;
  let min = Infinity;
  let acc = 0;
  if (out) {
    for (let k = k0; k < k1; k++) {
      const v = c[k];
      out[k] = v;
      if (v > max) max = v;
      if (v < min) min = v;
      acc += v - v;
    }
  } else {
    for (let k = k0; k < k1; k++) {
      const v = c[k];
      if (v > max) max = v;
      if (v < min) min = v;
      acc += v - v;
    }
  }
  st.max = max;
  return min >= 0 && acc === 0;
}

/** Precise pass over entries [k0, k1) after the fast pass found something: throws or notes NaN. */
function checkCondensed(
  c: Float64Array | Float32Array,
  n: number,
  k0: number,
  k1: number,
  st: ScanState,
  name: string,
  tol: number,
  nan: NanPolicy,
): void {
  let max = -Infinity;
  for (let k = k0; k < k1; k++) {
    const v = c[k];
    if (v >= 0 && v !== Infinity) {
      if (v > max) max = v;
    } else if (v !== v && nan === 'max') {
      st.hasNan = true;
    } else {
      const [i, j] = pairOf(n, k);
      fail(name, i, j, v, v, tol, nan);
    }
  }
  // The fast pass's maximum saw NaN as "not greater"; Infinity never gets here.
  if (max > st.max) st.max = max;
}

/**
 * Fast pass over rows [ib, ib + BLOCK) of a square matrix: copies their upper-triangle
 * part into `out` and tracks the maximum; returns `false` when some pair is not exactly
 * symmetric or an entry is negative, NaN or infinite (then {@link scanSquareRows}
 * decides). Blocked by columns too, so that the column-wise reads of the lower triangle
 * stay in cache.
 */
function copySquareRows(square: Matrix, ib: number, rs: Int32Array, out: Float64Array | null, st: ScanState): boolean {
  const n = square.rows;
  const d = square.data;
  const iEnd = Math.min(n, ib + BLOCK);
  let max = st.max;
  let min = Infinity;
  let acc = 0;
  let same = true;
  for (let jb = ib; jb < n; jb += BLOCK) {
    const jEnd = Math.min(n, jb + BLOCK);
    for (let i = ib; i < iEnd; i++) {
      const r = i * n;
      const o = rs[i];
      for (let j = Math.max(jb, i + 1); j < jEnd; j++) {
        const a = d[r + j];
        const b = d[j * n + i];
        if (out) out[o + j] = a;
        if (a > max) max = a;
        if (a < min) min = a;
        acc += a - a;
        if (a !== b) same = false;
      }
    }
  }
  if (!same || !(min >= 0) || acc !== 0) return false;
  st.max = max;
  return true;
}

/**
 * Precise pass over rows [ib, ib + BLOCK) of a square matrix: validates every pair against
 * its transposed entry (tolerance, NaN policy) and writes the upper-triangle part into `out`.
 */
function scanSquareRows(
  square: Matrix,
  ib: number,
  rs: Int32Array,
  out: Float64Array | null,
  st: ScanState,
  name: string,
  tol: number,
  nan: NanPolicy,
): void {
  const n = square.rows;
  const d = square.data;
  const iEnd = Math.min(n, ib + BLOCK);
  let max = st.max;
  for (let jb = ib; jb < n; jb += BLOCK) {
    const jEnd = Math.min(n, jb + BLOCK);
    for (let i = ib; i < iEnd; i++) {
      const r = i * n;
      const o = rs[i];
      for (let j = Math.max(jb, i + 1); j < jEnd; j++) {
        const a = d[r + j];
        const b = d[j * n + i];
        if (a === b && a >= 0 && a !== Infinity) {
          if (a > max) max = a;
        } else if (a !== a && b !== b && nan === 'max') {
          st.hasNan = true;
        } else if (a >= 0 && b >= 0 && a !== Infinity && b !== Infinity && Math.abs(a - b) <= tol * Math.max(1, a, b)) {
          if (a > max) max = a;
        } else {
          // Slow path: a pair within tolerance with a negative lower entry is fine
          // (the upper triangle is used); anything else rethrows for the first pair.
          try {
            fail(name, i, j, a, b, tol, nan);
          } catch (e) {
            throwFirstProblem(square, name, tol, nan);
            throw e;
          }
          if (a > max) max = a;
        }
        if (out) out[o + j] = a;
      }
    }
  }
  st.max = max;
}

/**
 * Validates every pair and writes the upper triangle into `out` (when given), NaN
 * replaced by the largest finite distance under `nan: 'max'`. Yields progress in [0, 1].
 * Throws `NOT_SYMMETRIC`, `NON_FINITE` or `INVALID_ARGUMENT` for the first offending
 * pair in row-major order of the upper triangle.
 */
export function* readDistances(
  shape: DistanceShape,
  options: CheckedReadOptions,
  deadline: () => number,
  out: Float64Array | null,
  name = 'distances',
): Steps<DistanceSource> {
  const { nan, tol } = options;
  const { n, square, condensed } = shape;
  const total = (n * (n - 1)) / 2;
  const st: ScanState = { max: -Infinity, hasNan: false };
  if (condensed) {
    const STEP = 1 << 16;
    for (let k0 = 0; k0 < total; k0 += STEP) {
      const k1 = Math.min(total, k0 + STEP);
      if (!copyCondensed(condensed, k0, k1, out, st)) checkCondensed(condensed, n, k0, k1, st, name, tol, nan);
      if (performance.now() > deadline()) yield k1 / total;
    }
  } else if (square) {
    const rs = rowStarts(n);
    for (let ib = 0; ib < n; ib += BLOCK) {
      if (!copySquareRows(square, ib, rs, out, st)) scanSquareRows(square, ib, rs, out, st, name, tol, nan);
      if (performance.now() > deadline()) {
        const left = Math.max(0, n - ib - BLOCK);
        yield (total - (left * (left - 1)) / 2) / Math.max(1, total);
      }
    }
  }
  const nanValue = st.max === -Infinity ? 0 : st.max;
  if (st.hasNan && out) replaceNan(out, nanValue);
  return { n, square, condensed, nanValue, hasNan: st.hasNan };
}

function replaceNan(out: Float64Array, value: number): void {
  for (let k = 0; k < out.length; k++) if (out[k] !== out[k]) out[k] = value;
}

/**
 * Pair reader for an already validated source: the distance of (i, j), i < j, with NaN
 * replaced. Used where the working copy was consumed (optimal leaf ordering after NN-chain).
 */
export function pairReader(src: DistanceSource): (i: number, j: number) => number {
  const { n, nanValue, hasNan } = src;
  if (src.condensed) {
    const c = src.condensed;
    const rs = rowStarts(n);
    return hasNan
      ? (i, j) => {
          const v = c[rs[i] + j];
          return v !== v ? nanValue : v;
        }
      : (i, j) => c[rs[i] + j];
  }
  const d = (src.square as Matrix).data;
  return hasNan
    ? (i, j) => {
        const v = d[i * n + j];
        return v !== v ? nanValue : v;
      }
    : (i, j) => d[i * n + j];
}
