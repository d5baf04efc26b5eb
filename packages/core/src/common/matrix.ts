import { ClasslensError } from './errors.js';
import { badNumber, describeValue, optionsOf } from './internal/validate.js';

/** A dense row-major matrix. `data.length === rows * cols`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array | Float64Array;
}

/** What functions that take a matrix accept: a {@link Matrix} or nested arrays. */
export type MatrixLike = Matrix | ArrayLike<ArrayLike<number>>;

/** `true` when `m` is a {@link Matrix} (has numeric `rows`, `cols` and a float `data`). */
export function isMatrix(m: unknown): m is Matrix {
  if (m === null || typeof m !== 'object') return false;
  const o = m as Partial<Matrix>;
  return (
    typeof o.rows === 'number' &&
    typeof o.cols === 'number' &&
    (o.data instanceof Float64Array || o.data instanceof Float32Array)
  );
}

/** Options for {@link toMatrix}. */
export interface ToMatrixOptions {
  /** Name used in error messages, e.g. `"scores"`. */
  name?: string;
  /** Throw `NON_FINITE` on NaN/±Infinity (default `false`). */
  finite?: boolean;
  /** Allow zero rows (default `true`). */
  allowEmpty?: boolean;
}

/**
 * Normalises a {@link MatrixLike} at a function boundary. A `Matrix` is returned as is
 * (never copied, never mutated); nested arrays are copied into a new `Float64Array`.
 * Throws `INVALID_SHAPE` for ragged rows, a row that is not an array or a `data` of the
 * wrong length, `NOT_A_NUMBER` (with the row and column) for an entry of nested arrays
 * that is not a number (`null`, `true`, `'5'` are never read as 0, 1 or 5),
 * `NON_FINITE` (with the first bad row and column) when `finite` is set, and `EMPTY`
 * when `allowEmpty` is `false` and there are no rows.
 */
export function toMatrix(input: MatrixLike, options: ToMatrixOptions = {}): Matrix {
  const o = optionsOf(options);
  const name = typeof o.name === 'string' ? o.name : 'matrix';
  let m: Matrix;
  if (isMatrix(input)) {
    if (!Number.isInteger(input.rows) || !Number.isInteger(input.cols) || input.rows < 0 || input.cols < 0) {
      throw new ClasslensError('INVALID_SHAPE', `${name}: rows and cols must be non-negative integers`);
    }
    if (input.data.length !== input.rows * input.cols) {
      throw new ClasslensError(
        'INVALID_SHAPE',
        `${name}: data has length ${input.data.length}, expected rows × cols = ${input.rows * input.cols}`,
      );
    }
    m = input;
  } else if (input !== null && typeof input === 'object' && typeof (input as ArrayLike<unknown>).length === 'number') {
    const rows = input.length;
    const isRow = (r: unknown): r is ArrayLike<unknown> =>
      r !== null && typeof r === 'object' && typeof (r as ArrayLike<unknown>).length === 'number';
    const first: unknown = rows > 0 ? input[0] : undefined;
    const cols = isRow(first) ? first.length : 0;
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const row: unknown = input[i];
      if (!isRow(row)) {
        throw new ClasslensError(
          'INVALID_SHAPE',
          `${name}: row ${i} is ${describeValue(row)}, expected an array of numbers (number[][] or a Matrix)`,
          { row: i },
        );
      }
      if (row.length !== cols) {
        throw new ClasslensError('INVALID_SHAPE', `${name}: row ${i} has length ${row.length}, expected ${cols}`, {
          row: i,
        });
      }
      for (let j = 0; j < cols; j++) {
        const v = row[j];
        // Never coerce: null, true and '5' are not 0, 1 and 5.
        if (typeof v !== 'number') throw badNumber(name, v, `at row ${i}, column ${j}`, { row: i, col: j });
        data[i * cols + j] = v;
      }
    }
    m = { rows, cols, data };
  } else {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected a Matrix or number[][]`);
  }
  if (o.allowEmpty === false && m.rows === 0) {
    throw new ClasslensError('EMPTY', `${name}: no rows`);
  }
  if (o.finite === true) assertFinite(m, name);
  return m;
}

/** Throws `NON_FINITE` naming the first NaN/±Infinity entry of `m` (row, column). */
export function assertFinite(m: Matrix, name = 'matrix'): void {
  const { data, cols } = m;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (!Number.isFinite(v)) {
      const r = cols > 0 ? Math.floor(k / cols) : 0;
      const c = cols > 0 ? k % cols : 0;
      throw new ClasslensError('NON_FINITE', `${name}: ${v} at row ${r}, column ${c}`, { row: r, col: c });
    }
  }
}

/** `m` as nested arrays (for JSON, tests and small displays). */
export function toArrays(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}
