import type { Steps } from './run.js';
import type { TreeColumns } from './tree.js';

/**
 * Calls `visit(i, j, height)` once for every pair of points with the height of the merge
 * that first puts them in one cluster (their cophenetic distance). O(n²): each pair is
 * produced exactly once, by walking the two members' linked lists at each merge.
 * Yields the fraction of pairs visited whenever `deadline()` has passed.
 */
export function* copheneticPairs(t: TreeColumns, visit: (i: number, j: number, height: number) => void, deadline: () => number): Steps<void> {
  const n = t.n;
  const total = (n * (n - 1)) / 2;
  // Members of each live cluster as a linked list of points: head/tail per cluster id.
  const next = new Int32Array(n).fill(-1);
  const head = new Int32Array(Math.max(1, 2 * n - 1));
  const tail = new Int32Array(Math.max(1, 2 * n - 1));
  const size = new Int32Array(Math.max(1, 2 * n - 1)).fill(1);
  for (let i = 0; i < n; i++) {
    head[i] = i;
    tail[i] = i;
  }
  let done = 0;
  for (let k = 0; k < n - 1; k++) {
    const a = t.a[k];
    const b = t.b[k];
    const h = t.h[k];
    for (let p = head[a]; p >= 0; p = next[p]) {
      for (let q = head[b]; q >= 0; q = next[q]) visit(p, q, h);
    }
    next[tail[a]] = head[b];
    head[n + k] = head[a];
    tail[n + k] = tail[b];
    size[n + k] = size[a] + size[b];
    done += size[a] * size[b];
    if (performance.now() > deadline()) yield done / total;
  }
}
