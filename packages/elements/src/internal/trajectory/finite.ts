import { ClasslensError, type Matrix } from '@classlens/core';

/**
 * Throws `NON_FINITE` naming the first NaN/±Infinity entry of `m` (row, column), as core's
 * `assertFinite` does — in one loop per array type, so that V8 keeps each monomorphic: 10^6
 * values in about a millisecond, where the shared loop (called with every kind of array in
 * the page) took tens.
 */
export function checkFinite(m: Matrix, name: string): void {
  const k = m.data instanceof Float32Array ? firstNonFinite32(m.data) : firstNonFinite64(m.data);
  if (k < 0) return;
  const r = m.cols > 0 ? Math.floor(k / m.cols) : 0;
  const c = m.cols > 0 ? k % m.cols : 0;
  throw new ClasslensError('NON_FINITE', `${name}: ${m.data[k]} at row ${r}, column ${c}`, { row: r, col: c });
}

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
