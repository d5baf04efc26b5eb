/**
 * Row orders for the agreement table. A sort computes one permutation of all n items
 * (cached until the data changes); a filter then keeps the permutation's entries that
 * match, in O(n) — so changing the filter never re-sorts, which keeps re-filtering 10^6
 * items within a frame budget.
 */

/** Items ordered by a small integer key (class codes, counts): a stable counting sort, O(n + m). */
export function countingOrder(keys: ArrayLike<number>, m: number): Uint32Array {
  const n = keys.length;
  const start = new Uint32Array(m + 1);
  for (let i = 0; i < n; i++) start[keys[i] + 1]++;
  for (let c = 0; c < m; c++) start[c + 1] += start[c];
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[start[keys[i]]++] = i;
  return out;
}

/** An ascending order and how many entries at its end have no value. */
export interface SortedOrder {
  order: Uint32Array;
  missing: number;
}

/**
 * Items ordered by a numeric key, ascending, ties by index; NaN (missing) last. O(n log n)
 * with a typed-array sort.
 */
export function numericOrder(keys: ArrayLike<number>): SortedOrder {
  const n = keys.length;
  const finite: number[] = [];
  const missing: number[] = [];
  for (let i = 0; i < n; i++) (Number.isNaN(keys[i]) ? missing : finite).push(i);
  const out = new Uint32Array(n);
  out.set(finite);
  const head = out.subarray(0, finite.length);
  head.sort((a, b) => keys[a] - keys[b] || a - b);
  out.set(missing, finite.length);
  return { order: out, missing: missing.length };
}

/**
 * Items ordered by a text or key (numbers before strings, strings in code-unit order of
 * their lower-case form, ties by index); `null`/`undefined` last.
 */
export function keyOrder(values: ArrayLike<unknown>): SortedOrder {
  const n = values.length;
  const nums: number[] = [];
  const strs: number[] = [];
  const missing: number[] = [];
  const lower: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === 'number' && !Number.isNaN(v)) nums.push(i);
    else if (v == null || (typeof v === 'number' && Number.isNaN(v))) missing.push(i);
    else {
      lower[i] = String(v).toLowerCase();
      strs.push(i);
    }
  }
  nums.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  strs.sort((a, b) => (lower[a] < lower[b] ? -1 : lower[a] > lower[b] ? 1 : a - b));
  const out = new Uint32Array(n);
  out.set(nums);
  out.set(strs, nums.length);
  out.set(missing, nums.length + strs.length);
  return { order: out, missing: missing.length };
}

/**
 * Descending version of an ascending order: reversed, except that the trailing `missing`
 * entries stay last.
 */
export function descending(order: Uint32Array, missing = 0): Uint32Array {
  const n = order.length;
  const out = new Uint32Array(n);
  const k = n - missing;
  for (let r = 0; r < k; r++) out[r] = order[k - 1 - r];
  out.set(order.subarray(k), k);
  return out;
}

/**
 * The entries of `order` that are in `subset` (item indices), in `order`'s order. With
 * `order` null the subset is returned as is (ascending item order). O(n).
 */
export function applyOrder(subset: Uint32Array, order: Uint32Array | null, n: number): Uint32Array {
  if (!order) return subset;
  if (subset.length === n) return order;
  const mask = new Uint8Array(n);
  for (let k = 0; k < subset.length; k++) mask[subset[k]] = 1;
  const out = new Uint32Array(subset.length);
  let at = 0;
  for (let r = 0; r < order.length; r++) {
    const i = order[r];
    if (mask[i]) out[at++] = i;
  }
  return out;
}
