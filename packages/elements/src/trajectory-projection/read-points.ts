import { ClasslensError, isMatrix, toMatrix, type MatrixLike } from '@classlens/core';
import { checkFinite } from '../internal/trajectory/finite.js';

/** Bounds of a layout: `[x0, y0, x1, y1]` (`[∞, ∞, −∞, −∞]` when empty). */
export type Bounds = [number, number, number, number];

/**
 * Precomputed points (`n × 2`), validated and copied: a Matrix over a `Float32Array` or
 * `Float64Array` keeps its element type (a memcpy, then one loop without calls that checks
 * finiteness and takes the bounds the view needs: 10^6 points in a few milliseconds, where
 * `toMatrix(…, { finite: true })` took tens); anything else goes through `toMatrix`.
 * Throws `INVALID_SHAPE` (not two columns) and `NON_FINITE` naming the first bad row and
 * column, as `toMatrix` does.
 */
export function readPoints(points: MatrixLike): { rows: number; xy: Float32Array | Float64Array; bounds: Bounds } {
  const typed = isMatrix(points);
  const m = toMatrix(points, { name: 'points', finite: !typed });
  if (m.cols !== 2 && m.rows > 0) {
    throw new ClasslensError('INVALID_SHAPE', `points: has ${m.cols} columns, expected 2 (x, y)`);
  }
  const xy = m.data.slice();
  const bounds = xy instanceof Float32Array ? finiteBounds32(xy) : finiteBounds64(xy);
  // Not finite somewhere: the first bad entry, named.
  if (!bounds) checkFinite({ rows: m.rows, cols: 2, data: xy }, 'points');
  return { rows: m.rows, xy, bounds: bounds as Bounds };
}

// One pass for the check and the bounds, one loop per array type (monomorphic). `x − x` is
// 0 for a finite x and NaN otherwise, so the sum says whether any entry was not finite
// without a branch per value (the comparisons skip NaN, so the bounds alone cannot).
function finiteBounds32(xy: Float32Array): Bounds | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let bad = 0;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    bad += x - x + (y - y);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return bad === 0 ? [x0, y0, x1, y1] : null;
}

function finiteBounds64(xy: Float64Array): Bounds | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let bad = 0;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    bad += x - x + (y - y);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return bad === 0 ? [x0, y0, x1, y1] : null;
}
