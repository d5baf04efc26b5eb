import { checkKeys, compareKeys, type Key } from '../../common/keys.js';
import { checkMixedSpelling } from '../../common/internal/mixed-keys.js';

/** A column of keys encoded as dense integer codes (internal). */
export interface EncodedStage {
  /** Code of each item: index into `keys`. */
  codes: Int32Array;
  /** Distinct keys, sorted by {@link compareKeys}. */
  keys: Key[];
  /** Items per key. */
  counts: Float64Array;
}

/**
 * Encodes one column of keys to dense codes in a single pass (one Map lookup per item),
 * then renumbers so codes follow the sorted key order. Throws `DUPLICATE_KEY` when a
 * column mixes a number and its string spelling (`1` and `"1"`): both would be labelled
 * "1", which is almost always a data bug.
 */
export function encodeStage(values: ArrayLike<Key>, name: string): EncodedStage {
  const dense = encodeDenseIntegers(values);
  if (dense) return dense;
  checkKeys(values, name);
  const n = values.length;
  const first = new Int32Array(n);
  const map = new Map<Key, number>();
  const seen: Key[] = [];
  for (let i = 0; i < n; i++) {
    const k = values[i];
    let c = map.get(k);
    if (c === undefined) {
      c = seen.length;
      map.set(k, c);
      seen.push(k);
    }
    first[i] = c;
  }
  const order = seen.map((_, i) => i).sort((a, b) => compareKeys(seen[a], seen[b]));
  const remap = new Int32Array(seen.length);
  const keys: Key[] = new Array(seen.length);
  order.forEach((old, pos) => {
    remap[old] = pos;
    keys[pos] = seen[old];
  });
  checkMixedSpelling(keys, name);
  const counts = new Float64Array(keys.length);
  for (let i = 0; i < n; i++) {
    const c = remap[first[i]];
    first[i] = c;
    counts[c]++;
  }
  return { codes: first, keys, counts };
}

/** Widest integer range encoded with a dense lookup table instead of a Map. */
const DENSE_RANGE = 1 << 20;

/**
 * Fast path for class indices (typed arrays, or number arrays of integers in a small
 * range): one pass finds the range and checks every value, a second counts into a dense
 * table. About 10× faster than hashing each item. Returns `null` to fall back to the
 * general path (which also reports bad values with their codes).
 */
function encodeDenseIntegers(values: ArrayLike<Key>): EncodedStage | null {
  const n = values.length;
  if (n === 0 || typeof values[0] !== 'number') return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    // Rejects strings, NaN, ±Infinity and fractions in one comparison.
    if (typeof v !== 'number' || (v | 0) !== v) return null;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo >= DENSE_RANGE) return null;
  const table = new Int32Array(hi - lo + 1);
  for (let i = 0; i < n; i++) table[(values[i] as number) - lo]++;
  const keys: Key[] = [];
  const counts: number[] = [];
  for (let v = 0; v < table.length; v++) {
    if (table[v] > 0) {
      const c = table[v];
      table[v] = keys.length;
      keys.push(v + lo);
      counts.push(c);
    } else table[v] = -1;
  }
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = table[(values[i] as number) - lo];
  return { codes, keys, counts: Float64Array.from(counts) };
}
