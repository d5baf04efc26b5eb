import { ClasslensError } from '../common/errors.js';
import { checkKeys, compareKeys, type Key } from '../common/keys.js';

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
  const labels = new Set<string>();
  for (const k of keys) {
    const s = String(k);
    if (labels.has(s)) {
      throw new ClasslensError('DUPLICATE_KEY', `${name}: both ${s} and "${s}" occur; use one type per column`, {
        key: s,
      });
    }
    labels.add(s);
  }
  const counts = new Float64Array(keys.length);
  for (let i = 0; i < n; i++) {
    const c = remap[first[i]];
    first[i] = c;
    counts[c]++;
  }
  return { codes: first, keys, counts };
}
