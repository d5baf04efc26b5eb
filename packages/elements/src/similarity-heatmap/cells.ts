import { quantize } from '../internal/gl/index.js';
import type { HeatmapValues } from './input.js';

/**
 * The cell bytes of the display order: `out[r · C + c]` is the byte of input cell
 * `(rows[r], cols[c])`, quantized over `[lo, hi]` (NaN → 0). Rows are quantized straight
 * from the input when the columns are in input order; otherwise gathered first.
 * O(rows · cols).
 */
export function displayBytes(
  v: HeatmapValues,
  rows: readonly number[],
  cols: readonly number[],
  lo: number,
  hi: number,
  out: Uint8Array = new Uint8Array(v.rows * v.cols),
): Uint8Array {
  const C = v.cols;
  let identityCols = cols.length === C;
  for (let c = 0; identityCols && c < C; c++) identityCols = cols[c] === c;
  const gather = identityCols ? null : new Float64Array(C);
  const colIndex = Int32Array.from(cols);
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r] * C;
    if (gather) {
      for (let c = 0; c < C; c++) gather[c] = v.data[base + colIndex[c]];
      quantize(gather, lo, hi, out.subarray(r * C, (r + 1) * C));
    } else quantize(v.data.subarray(base, base + C), lo, hi, out.subarray(r * C, (r + 1) * C));
  }
  return out;
}
