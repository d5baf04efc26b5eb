import { ClasslensError, isMatrix, toMatrix, type MatrixLike } from '@classlens/core';
import { checkFinite } from '../internal/trajectory/finite.js';

/**
 * Precomputed points (`n × 2`), validated and copied: a Matrix over a `Float32Array` or
 * `Float64Array` keeps its element type (a memcpy, then one finiteness loop without calls:
 * 10^6 points in a few milliseconds, where `toMatrix(…, { finite: true })` took tens);
 * anything else goes through `toMatrix`. Throws `INVALID_SHAPE` (not two columns) and
 * `NON_FINITE` naming the first bad row and column, as `toMatrix` does.
 */
export function readPoints(points: MatrixLike): { rows: number; xy: Float32Array | Float64Array } {
  const typed = isMatrix(points);
  const m = toMatrix(points, { name: 'points', finite: !typed });
  if (m.cols !== 2 && m.rows > 0) {
    throw new ClasslensError('INVALID_SHAPE', `points: has ${m.cols} columns, expected 2 (x, y)`);
  }
  const xy = m.data.slice();
  if (typed) checkFinite({ rows: m.rows, cols: 2, data: xy }, 'points');
  return { rows: m.rows, xy };
}
