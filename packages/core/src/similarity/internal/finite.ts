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

/**
 * Thrown by a Pearson block whose statistics pass met a NaN or ±Infinity (the sums,
 * minima and maxima it computes anyway reveal them for free). Callers catch it and call
 * {@link rethrowNonFinite}, which names the first bad entry exactly as `assertFinite` does.
 */
export class NonFiniteInput extends Error {
  constructor() {
    super('scores: non-finite value');
    this.name = 'NonFiniteInput';
  }
}

/** `true` when a block's column statistics show a non-finite input value. */
export function statsShowNonFinite(sum: Float64Array, mn: Float64Array, mx: Float64Array, m: number): boolean {
  for (let c = 0; c < m; c++) {
    // ±Infinity reaches the minimum or maximum; NaN reaches the sum (and, in wasm, both).
    if (!(Number.isFinite(mn[c]) && Number.isFinite(mx[c])) || Number.isNaN(sum[c])) return true;
  }
  return false;
}

/**
 * Turns a {@link NonFiniteInput} (from this thread or a worker) into the `NON_FINITE`
 * `ClasslensError` naming the first bad entry of `x`; rethrows anything else.
 */
export function rethrowNonFinite(e: unknown, x: Matrix, name: string): never {
  if (e instanceof Error && e.name === 'NonFiniteInput') assertFinite(x, name);
  throw e;
}
