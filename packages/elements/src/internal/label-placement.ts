/**
 * Collision-free placement of labels along one axis (a column of node labels, a row of
 * tick labels). Each label wants to sit centred at `at`; labels keep their order, never
 * overlap, stay inside [`min`, `max`], and move as little as possible in the least-squares
 * sense. That is isotonic regression after subtracting the cumulative spacing — solved
 * exactly by pool-adjacent-violators (Barlow et al. 1972) in O(n), then clamped to the
 * bounds, which is optimal for a common box constraint. When the labels cannot all fit,
 * the lowest-priority ones are dropped (and reported), never silently overlapped.
 */

/** One label to place. */
export interface LabelRequest {
  /** Where its centre would ideally be. */
  at: number;
  /** Its extent along the axis (e.g. the line height). */
  size: number;
  /** Higher survives when space runs out (e.g. the node's value). */
  priority: number;
}

/** The result for each request, in input order. */
export interface LabelSlot {
  /** Centre of the placed label, or `null` when it did not fit. */
  at: number | null;
  /** How far it moved from where it wanted to be (0 when hidden). */
  shift: number;
}

/** Places labels along [min, max]; see the module comment. `gap` is kept between neighbours. */
export function placeLabels(requests: readonly LabelRequest[], min: number, max: number, gap = 0): LabelSlot[] {
  const n = requests.length;
  const out: LabelSlot[] = requests.map(() => ({ at: null, shift: 0 }));
  if (n === 0 || !(max > min)) return out;
  // Keep the highest-priority labels that fit (ties: the larger, then input order).
  const byPriority = requests
    .map((r, i) => i)
    .sort((a, b) => requests[b].priority - requests[a].priority || requests[b].size - requests[a].size || a - b);
  const room = max - min;
  const kept: number[] = [];
  let used = 0;
  for (const i of byPriority) {
    const need = requests[i].size + (kept.length ? gap : 0);
    if (used + need <= room + 1e-9) {
      kept.push(i);
      used += need;
    }
  }
  kept.sort((a, b) => requests[a].at - requests[b].at || a - b);
  const m = kept.length;
  if (m === 0) return out;
  // offset[k]: distance from the first label's centre to label k's centre when packed.
  const offset = new Float64Array(m);
  for (let k = 1; k < m; k++) {
    offset[k] = offset[k - 1] + (requests[kept[k - 1]].size + requests[kept[k]].size) / 2 + gap;
  }
  // Pool adjacent violators on y_k = at_k − offset_k (non-decreasing fit).
  const blockStart: number[] = [];
  const blockSum: number[] = [];
  const blockLen: number[] = [];
  for (let k = 0; k < m; k++) {
    blockStart.push(k);
    blockSum.push(requests[kept[k]].at - offset[k]);
    blockLen.push(1);
    while (blockSum.length > 1) {
      const b = blockSum.length - 1;
      if (blockSum[b - 1] / blockLen[b - 1] <= blockSum[b] / blockLen[b]) break;
      blockSum[b - 1] += blockSum[b];
      blockLen[b - 1] += blockLen[b];
      blockSum.pop();
      blockLen.pop();
      blockStart.pop();
    }
  }
  const lo = min + requests[kept[0]].size / 2;
  const hi = max - requests[kept[m - 1]].size / 2 - offset[m - 1];
  for (let b = 0; b < blockSum.length; b++) {
    const q = Math.min(hi, Math.max(lo, blockSum[b] / blockLen[b]));
    const end = b + 1 < blockStart.length ? blockStart[b + 1] : m;
    for (let k = blockStart[b]; k < end; k++) {
      const i = kept[k];
      const at = q + offset[k];
      out[i] = { at, shift: Math.abs(at - requests[i].at) };
    }
  }
  return out;
}
