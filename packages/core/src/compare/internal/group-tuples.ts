// Internal (not re-exported): groups items by the tuple of their class indices across
// several columns (one path through a chain of predictions, or one leaf of a
// "truth → predicted by A → predicted by B" hierarchy) with a counting sort.
import { ClasslensError } from '../../common/index.js';
import { tuplePass } from './counting-kernels.js';

/**
 * Largest mixed-radix code space counted in a flat table. Past it (or past a few
 * times the item count, where the table would mostly hold zeros) the tuples are
 * renumbered column by column through a Map instead.
 */
const MAX_TABLE = 1 << 24;

/** Distinct tuples, in lexicographic order of class indices (first column most significant). */
export interface TupleGroups {
  /** Number of distinct tuples. */
  readonly size: number;
  /** Number of columns. */
  readonly width: number;
  /** `tuples[g * width + s]`: class index of group g in column s. */
  readonly tuples: Int32Array;
  /** Items per group. */
  readonly counts: Int32Array;
  /** Items counted (all, or the changed ones with `skipUnchanged`). */
  readonly total: number;
  /**
   * Writes each group's items (ascending) to `out`, group g starting at `starts[g]`.
   * `out` must have room for `total` items.
   */
  fill(out: Uint32Array, starts: Int32Array): void;
  /** Writes each group's items (ascending) into `arrays[g]`, which must hold `counts[g]` slots. */
  fillArrays(arrays: number[][]): void;
}

/**
 * Groups the items of equally long class-index columns by their tuple. With
 * `skipUnchanged`, items whose columns all hold the same class are left out.
 *
 * Indices must lie in [0, m); `check` throws (the caller's precise error) when one does
 * not. The flat-table path range-checks in its counting pass and calls `check` only when
 * it met a bad index; the Map path does not look at the values and calls it upfront.
 */
export function groupTuples(cols: Int32Array[], m: number, skipUnchanged: boolean, check: () => void): TupleGroups {
  const s = cols.length;
  const n = s > 0 ? cols[0].length : 0;
  let space = 1;
  for (let j = 0; j < s; j++) space *= m;
  if (s > 0 && space <= MAX_TABLE && space <= 4 * n + 4096) return direct(cols, m, space, skipUnchanged, check);
  check();
  return renumbered(cols, m, n, skipUnchanged);
}

/** Flat-table path: two passes over the columns (count, then place), nothing per item stored. */
function direct(cols: Int32Array[], m: number, space: number, skipUnchanged: boolean, check: () => void): TupleGroups {
  const s = cols.length;
  // Mixed radix, first column most significant, so ascending codes are lexicographic tuples.
  const weights = new Array<number>(s);
  for (let j = s - 1, w = 1; j >= 0; j--, w *= m) weights[j] = w;
  const table = new Int32Array(space);
  if (tuplePass(cols, weights, m, skipUnchanged, 0, table, null, null, null)) {
    check();
    throw new ClasslensError('UNKNOWN_CLASS', 'class index out of range');
  }
  let size = 0;
  for (let c = 0; c < space; c++) if (table[c] !== 0) size++;
  const codes = new Float64Array(size);
  const counts = new Int32Array(size);
  const tuples = new Int32Array(size * s);
  let total = 0;
  for (let c = 0, g = 0; c < space; c++) {
    if (table[c] === 0) continue;
    codes[g] = c;
    counts[g] = table[c];
    total += table[c];
    for (let j = s - 1, r = c; j >= 0; j--) {
      tuples[g * s + j] = r % m;
      r = Math.floor(r / m);
    }
    g++;
  }
  return {
    size,
    width: s,
    tuples,
    counts,
    total,
    fill(out, starts) {
      for (let g = 0; g < size; g++) table[codes[g]] = starts[g];
      tuplePass(cols, weights, m, skipUnchanged, 1, table, null, out, null);
    },
    fillArrays(arrays) {
      for (let g = 0; g < size; g++) table[codes[g]] = g;
      tuplePass(cols, weights, m, skipUnchanged, 2, table, new Int32Array(size), null, arrays);
    },
  };
}

/**
 * Map path for large code spaces: renumbers (previous id, next class) pairs densely,
 * column by column, keeping one id per item (an n-sized scratch this path needs).
 */
function renumbered(cols: Int32Array[], m: number, n: number, skipUnchanged: boolean): TupleGroups {
  const s = cols.length;
  if (s === 0) {
    const none = new Int32Array(0);
    return { size: 0, width: 0, tuples: none, counts: none, total: 0, fill() {}, fillArrays() {} };
  }
  const ids = Int32Array.from(cols[0]);
  // levels[j - 1].parent[id] / .last[id] rebuild each tuple from an id of column j;
  // the ids of column 0 are its class indices.
  const levels: { parent: number[]; last: number[] }[] = [];
  let size = m;
  for (let j = 1; j < s; j++) {
    const col = cols[j];
    const map = new Map<number, number>();
    const parent: number[] = [];
    const last: number[] = [];
    for (let i = 0; i < n; i++) {
      // ids < n and classes < m keep the key below n·m, far inside 2^53.
      const key = ids[i] * m + col[i];
      let id = map.get(key);
      if (id === undefined) {
        id = map.size;
        map.set(key, id);
        parent.push(ids[i]);
        last.push(col[i]);
      }
      ids[i] = id;
    }
    levels.push({ parent, last });
    size = map.size;
  }
  const keep = skipUnchanged ? new Uint8Array(n) : null;
  if (keep) {
    for (let i = 0; i < n; i++) {
      const x = cols[0][i];
      for (let j = 1; j < s; j++) {
        if (cols[j][i] !== x) {
          keep[i] = 1;
          break;
        }
      }
    }
  }
  const rawCounts = new Int32Array(size);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (keep && keep[i] === 0) continue;
    rawCounts[ids[i]]++;
    total++;
  }
  // Rebuild the tuple of every used id, then order ids lexicographically by tuple.
  const used: number[] = [];
  for (let id = 0; id < size; id++) if (rawCounts[id] > 0) used.push(id);
  const rawTuples = new Int32Array(used.length * s);
  used.forEach((id, u) => {
    let cur = id;
    for (let j = s - 1; j >= 1; j--) {
      const level = levels[j - 1];
      rawTuples[u * s + j] = level.last[cur];
      cur = level.parent[cur];
    }
    rawTuples[u * s] = cur;
  });
  const order = used.map((_, u) => u);
  order.sort((a, b) => {
    for (let j = 0; j < s; j++) {
      const d = rawTuples[a * s + j] - rawTuples[b * s + j];
      if (d !== 0) return d;
    }
    return 0;
  });
  const groupOf = new Int32Array(size).fill(-1);
  const tuples = new Int32Array(order.length * s);
  const counts = new Int32Array(order.length);
  order.forEach((u, g) => {
    groupOf[used[u]] = g;
    counts[g] = rawCounts[used[u]];
    tuples.set(rawTuples.subarray(u * s, (u + 1) * s), g * s);
  });
  return {
    size: order.length,
    width: s,
    tuples,
    counts,
    total,
    fill(out, starts) {
      const pos = Int32Array.from(starts);
      for (let i = 0; i < n; i++) {
        if (keep && keep[i] === 0) continue;
        out[pos[groupOf[ids[i]]]++] = i;
      }
    },
    fillArrays(arrays) {
      const pos = new Int32Array(order.length);
      for (let i = 0; i < n; i++) {
        if (keep && keep[i] === 0) continue;
        const g = groupOf[ids[i]];
        arrays[g][pos[g]++] = i;
      }
    },
  };
}
