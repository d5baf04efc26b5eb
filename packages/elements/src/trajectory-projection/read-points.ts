import { ClasslensError, isMatrix, toMatrix, type MatrixLike } from '@classlens/core';

/**
 * Precomputed points (`n × 2`), validated and copied: a Matrix over a `Float32Array` or
 * `Float64Array` keeps its element type (a memcpy, then one finiteness loop without calls:
 * 10^6 points in a few milliseconds, where `toMatrix(…, { finite: true })` took tens);
 * anything else goes through `toMatrix`. Throws `INVALID_SHAPE` (not two columns) and
 * `NON_FINITE` naming the first bad row and column, as `toMatrix` does.
 */
export function readPoints(points: MatrixLike): { rows: number; xy: Float32Array | Float64Array } {
  const m = isMatrix(points)
    ? toMatrix(points, { name: 'points' })
    : toMatrix(points, { name: 'points', finite: true });
  if (m.cols !== 2 && m.rows > 0) {
    throw new ClasslensError('INVALID_SHAPE', `points: has ${m.cols} columns, expected 2 (x, y)`);
  }
  const xy = m.data.slice();
  const bad = xy instanceof Float32Array ? firstNonFinite32(xy) : firstNonFinite64(xy);
  if (bad >= 0) {
    const r = bad >> 1;
    const c = bad & 1;
    throw new ClasslensError('NON_FINITE', `points: ${xy[bad]} at row ${r}, column ${c}`, { row: r, col: c });
  }
  return { rows: m.rows, xy };
}

// Two copies so that each loop sees one array type (V8 keeps both monomorphic).
function firstNonFinite32(a: Float32Array): number {
  for (let k = 0; k < a.length; k++) {
    const v = a[k];
    if (v - v !== 0) return k;
  }
  return -1;
}

function firstNonFinite64(a: Float64Array): number {
  for (let k = 0; k < a.length; k++) {
    const v = a[k];
    if (v - v !== 0) return k;
  }
  return -1;
}
