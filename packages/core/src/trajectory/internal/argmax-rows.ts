// Internal: the top class of every row.
import type { Matrix } from '../../common/matrix.js';

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
