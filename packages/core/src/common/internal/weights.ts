// Internal: item weights. The Sankey-for-ML paper weighs mistakes by how much each item
// matters (a best-selling product's misclassification costs more than an obscure one's);
// every counting function that takes `weights` turns each count into the sum of its
// items' weights, while item indices stay as they are.
import { ClasslensError } from '../errors.js';
import { badNumber, describeType } from './validate.js';

/**
 * Item weights: one non-negative finite number per item, as an array, or a function
 * called once per item index, `(i) => weight`.
 */
export type Weights = ArrayLike<number> | ((index: number) => number);

/**
 * Reads `weights` for n items into a `Float64Array`, or `null` when unset (`undefined`
 * or `null`). Throws `LENGTH_MISMATCH` for an array of another length, `NOT_A_NUMBER` for
 * a weight that is not a number, `NON_FINITE` for NaN/±Infinity and `INVALID_ARGUMENT`
 * for a negative weight (each naming the index), or for something that is neither an
 * array nor a function; `TOO_LARGE` when the weights' sum overflows (every count is a
 * partial sum of them: scale them down). O(n).
 */
export function readWeights(weights: unknown, n: number, name = 'weights'): Float64Array | null {
  if (weights === undefined || weights === null) return null;
  const out = new Float64Array(n);
  if (typeof weights === 'function') {
    const f = weights as (i: number) => unknown;
    for (let i = 0; i < n; i++) out[i] = check(f(i), i, name);
    return checkTotal(out, name);
  }
  if (typeof weights !== 'object' || typeof (weights as ArrayLike<unknown>).length !== 'number') {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `${name}: expected an array of numbers or a function of the item index, got ${describeType(weights)}`,
    );
  }
  const a = weights as ArrayLike<unknown>;
  if (a.length !== n) {
    throw new ClasslensError('LENGTH_MISMATCH', `${name} has length ${a.length} but there are ${n} items`, {
      [name]: a.length,
      items: n,
    });
  }
  for (let i = 0; i < n; i++) out[i] = check(a[i], i, name);
  return checkTotal(out, name);
}

function checkTotal(w: Float64Array, name: string): Float64Array {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i];
  if (total === Infinity) {
    throw new ClasslensError('TOO_LARGE', `${name}: their sum overflows (beyond 1.8e308); scale the weights down`);
  }
  return w;
}

function check(v: unknown, i: number, name: string): number {
  if (typeof v === 'number' && v >= 0 && v !== Infinity) return v;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw badNumber(name, v, `at index ${i}`, { index: i });
  throw new ClasslensError('INVALID_ARGUMENT', `${name}: negative weight ${v} at index ${i}`, { index: i });
}

/** Σ weights[i] over `items` (their count when `weights` is null). */
export function weightOf(items: ArrayLike<number>, weights: Float64Array | null): number {
  if (weights === null) return items.length;
  let s = 0;
  for (let k = 0; k < items.length; k++) s += weights[items[k]];
  return s;
}
