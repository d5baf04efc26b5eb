import { pca, type Matrix } from '@classlens/core';

/** The first two columns of a rows × cols matrix, interleaved `x0, y0, x1, y1, …` (one column: y = 0). */
export function toXY(data: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * 2);
  for (let i = 0; i < rows; i++) {
    out[2 * i] = cols > 0 ? data[i * cols] : 0;
    out[2 * i + 1] = cols > 1 ? data[i * cols + 1] : 0;
  }
  return out;
}

/**
 * Core's `pca(states, 2)` as an interleaved layout; with one row or one column, as many
 * components as exist (the missing coordinate is 0), and no rows or columns give zeros.
 */
export function pcaLayout(states: Matrix): Float64Array {
  const k = Math.min(2, states.rows, states.cols);
  if (k < 1) return new Float64Array(states.rows * 2);
  const m = pca(states, k);
  return toXY(m.data, m.rows, m.cols);
}
