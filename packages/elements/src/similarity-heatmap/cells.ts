import { CELL_LEVELS, quantizeFast } from '../internal/gl/index.js';
import { describeValues, type HeatmapValues, type ValueStats } from './input.js';

/**
 * The cell bytes of the display order: `out[r · C + c]` is the byte of input cell
 * `(rows[r], cols[c])`, quantized over `[lo, hi]` (NaN → 0), for display rows
 * `[r0, r1)` (default all). Rows are quantized straight from the input when the columns
 * are in input order; otherwise gathered first. O((r1 − r0) · cols).
 */
export function displayBytes(
  v: HeatmapValues,
  rows: readonly number[],
  cols: readonly number[],
  lo: number,
  hi: number,
  out: Uint8Array = new Uint8Array(v.rows * v.cols),
  r0 = 0,
  r1 = rows.length,
  wasm = false,
): Uint8Array {
  const C = v.cols;
  let identityCols = cols.length === C;
  for (let c = 0; identityCols && c < C; c++) identityCols = cols[c] === c;
  let identityRows = identityCols;
  for (let r = r0; identityRows && r < r1; r++) identityRows = rows[r] === r;
  if (identityRows) {
    quantizeFast(v.data.subarray(r0 * C, r1 * C), lo, hi, out.subarray(r0 * C, r1 * C), { wasm });
    return out;
  }
  const gather = identityCols ? null : new Float64Array(C);
  const colIndex = Int32Array.from(cols);
  for (let r = r0; r < r1; r++) {
    const base = rows[r] * C;
    if (gather) {
      for (let c = 0; c < C; c++) gather[c] = v.data[base + colIndex[c]];
      quantizeFast(gather, lo, hi, out.subarray(r * C, (r + 1) * C), { wasm });
    } else quantizeFast(v.data.subarray(base, base + C), lo, hi, out.subarray(r * C, (r + 1) * C), { wasm });
  }
  return out;
}

/**
 * The cell bytes of a matrix in its input order, quantized over `[lo, hi]`, and the
 * statistics of its values (range, NaN count, ±Infinity), in one pass: a caller's matrix
 * drawn in input order is read once before its first frame. Throws `NON_FINITE` for
 * ±Infinity, naming the first.
 */
export function inputBytesWithStats(
  data: Float32Array | Float64Array,
  cols: number,
  lo: number,
  hi: number,
  out: Uint8Array,
): ValueStats {
  const k = (CELL_LEVELS - 1) / (hi - lo);
  const off = 1.5 - lo * k;
  let min = Infinity;
  let max = -Infinity;
  let nan = 0;
  for (let q = 0; q < data.length; q++) {
    const v = data[q];
    if (v < min) min = v;
    if (v > max) max = v;
    const x = v * k + off;
    // As `quantize`: `x | 0` only inside [1, 255], where it cannot wrap.
    let b: number;
    if (x >= CELL_LEVELS) b = CELL_LEVELS;
    else if (x >= 1) b = x | 0;
    else if (x === x) b = 1;
    else {
      b = 0;
      nan++;
    }
    out[q] = b;
  }
  if (min === -Infinity || max === Infinity) return describeValues(data.length / Math.max(1, cols), cols, data); // throws, naming the position
  const finite = min <= max;
  return {
    min: finite ? min : NaN,
    max: finite ? max : NaN,
    nanCount: nan,
    correlation: finite && min >= -1 - 1e-9 && max <= 1 + 1e-9,
  };
}
