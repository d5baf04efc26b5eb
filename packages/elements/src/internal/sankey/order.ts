/**
 * Node order within the columns of a layered flow graph that keeps weighted link
 * crossings low: the layer-by-layer sweep of Sugiyama, Tagawa & Toda (1981) with the
 * barycentre heuristic, weighted by link value (a crossing of two bands costs the product
 * of their widths, as in Alemasoor et al.'s weighted Sankey crossing measure), followed by
 * adjacent-exchange refinement ("transpose", Gansner et al. 1993, §3). Minimising
 * crossings is NP-hard even for two layers; the sweeps are a heuristic, so the result is
 * never worse than the best seed order it starts from — that is checked, not assumed.
 *
 * Pure data in, plain arrays out: no DOM, no d3.
 */

/** A layered graph as the ordering sees it: nodes by index, links between them. */
export interface OrderGraph {
  /** Stage (column) of each node. */
  stage: ArrayLike<number>;
  /** Links as node indices with a weight (> 0). Links must go to a later stage. */
  links: readonly { s: number; t: number; w: number }[];
  /** Nodes that stay last in their column whatever the heuristic says (the merged "Other"). */
  pinnedLast?: ArrayLike<boolean>;
}

/** Options for {@link orderColumns}. */
export interface OrderOptions {
  /** Down+up sweep pairs (default 12). */
  sweeps?: number;
  /** Passes of adjacent exchanges after the sweeps (default 8). */
  transposePasses?: number;
}

/**
 * Orders every column to reduce weighted crossings. `seeds` are complete starting orders
 * (each: one array of node indices per stage); every seed is swept and the order with the
 * fewest weighted crossings wins (ties: the earlier seed), so the result is at most the
 * best seed's crossings. Sorting is stable, so nodes with equal barycentres keep their
 * seed order — e.g. the children of one parent in a tree stay grouped, in seed order.
 */
export function orderColumns(g: OrderGraph, seeds: readonly number[][][], o: OrderOptions = {}): number[][] {
  if (seeds.length === 0) throw new Error('orderColumns: no seed order');
  const ctx = context(g);
  let best: number[][] | null = null;
  let bestCost = Infinity;
  for (const seed of seeds) {
    const result = sweep(ctx, seed, o.sweeps ?? 12);
    transpose(ctx, result, o.transposePasses ?? 8);
    const cost = crossingsOf(ctx, result);
    const seedCost = crossingsOf(ctx, seed);
    const [order, c] = seedCost <= cost ? [seed.map((c) => c.slice()), seedCost] : [result, cost];
    if (c < bestCost) {
      best = order;
      bestCost = c;
    }
  }
  return best as number[][];
}

/**
 * Weighted crossings of an order: over every pair of links between the same two stages
 * whose ends are in opposite order, the product of their weights. Links sharing an end
 * node never count (a Sankey stacks them at that node in the other end's order).
 * O(L log L) per stage pair.
 */
export function weightedCrossings(g: OrderGraph, order: readonly (readonly number[])[]): number {
  return crossingsOf(context(g), order);
}

interface Ctx {
  n: number;
  S: number;
  stage: Int32Array;
  pinned: Uint8Array;
  /** Links grouped by (source stage, target stage). */
  groups: Map<number, { s: Int32Array; t: Int32Array; w: Float64Array }>;
  inL: number[][];
  outL: number[][];
  links: readonly { s: number; t: number; w: number }[];
}

function context(g: OrderGraph): Ctx {
  const n = g.stage.length;
  const stage = Int32Array.from(g.stage as ArrayLike<number>);
  let S = 0;
  for (let i = 0; i < n; i++) S = Math.max(S, stage[i] + 1);
  const pinned = new Uint8Array(n);
  if (g.pinnedLast) for (let i = 0; i < n; i++) pinned[i] = g.pinnedLast[i] ? 1 : 0;
  const inL: number[][] = Array.from({ length: n }, () => []);
  const outL: number[][] = Array.from({ length: n }, () => []);
  const buckets = new Map<number, number[]>();
  g.links.forEach((l, k) => {
    outL[l.s].push(k);
    inL[l.t].push(k);
    const key = stage[l.s] * S + stage[l.t];
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = []));
    b.push(k);
  });
  const groups = new Map<number, { s: Int32Array; t: Int32Array; w: Float64Array }>();
  for (const [key, ks] of buckets) {
    groups.set(key, {
      s: Int32Array.from(ks, (k) => g.links[k].s),
      t: Int32Array.from(ks, (k) => g.links[k].t),
      w: Float64Array.from(ks, (k) => g.links[k].w),
    });
  }
  return { n, S, stage, pinned, groups, inL, outL, links: g.links };
}

/** Rank of every node within its column under `order`. */
function ranks(ctx: Ctx, order: readonly (readonly number[])[]): Int32Array {
  const r = new Int32Array(ctx.n);
  for (const col of order) col.forEach((v, i) => (r[v] = i));
  return r;
}

function crossingsOf(ctx: Ctx, order: readonly (readonly number[])[]): number {
  const r = ranks(ctx, order);
  let total = 0;
  for (const [key, grp] of ctx.groups) {
    const tStage = key % ctx.S;
    total += pairCrossings(grp, r, order[tStage]?.length ?? 0);
  }
  return total;
}

/**
 * Σ w_a·w_b over link pairs with rank(s_a) < rank(s_b) and rank(t_a) > rank(t_b): sweep
 * sources in rank order, and for each source group query a Fenwick tree of the weights
 * already seen at higher target ranks before inserting the group.
 */
function pairCrossings(grp: { s: Int32Array; t: Int32Array; w: Float64Array }, r: Int32Array, tCount: number): number {
  const L = grp.s.length;
  if (L < 2) return 0;
  const idx = Array.from({ length: L }, (_, k) => k).sort((a, b) => r[grp.s[a]] - r[grp.s[b]]);
  const tree = new Float64Array(tCount + 1);
  let inserted = 0;
  const prefix = (i: number) => {
    let acc = 0;
    for (let x = i; x > 0; x -= x & -x) acc += tree[x];
    return acc;
  };
  let total = 0;
  let k = 0;
  while (k < L) {
    const src = r[grp.s[idx[k]]];
    let e = k;
    while (e < L && r[grp.s[idx[e]]] === src) e++;
    for (let q = k; q < e; q++) {
      const a = idx[q];
      // weight of earlier links whose target rank is above (greater than) this target's
      total += grp.w[a] * (inserted - prefix(r[grp.t[a]] + 1));
    }
    for (let q = k; q < e; q++) {
      const a = idx[q];
      for (let x = r[grp.t[a]] + 1; x <= tCount; x += x & -x) tree[x] += grp.w[a];
      inserted += grp.w[a];
    }
    k = e;
  }
  return total;
}

/** Alternating down/up barycentre sweeps from `seed`; returns the best order seen. */
function sweep(ctx: Ctx, seed: readonly number[][], sweeps: number): number[][] {
  let order = seed.map((c) => c.slice());
  let best = order.map((c) => c.slice());
  let bestCost = crossingsOf(ctx, order);
  const pos = new Float64Array(ctx.n);
  const setPos = (col: readonly number[]) =>
    col.forEach((v, i) => (pos[v] = col.length > 1 ? i / (col.length - 1) : 0.5));
  for (let it = 0; it < sweeps && bestCost > 0; it++) {
    for (const col of order) setPos(col);
    for (let s = 1; s < ctx.S; s++) {
      order[s] = byBarycentre(ctx, order[s], pos, 'in');
      setPos(order[s]);
    }
    for (let s = ctx.S - 2; s >= 0; s--) {
      order[s] = byBarycentre(ctx, order[s], pos, 'out');
      setPos(order[s]);
    }
    const cost = crossingsOf(ctx, order);
    if (cost < bestCost) {
      bestCost = cost;
      best = order.map((c) => c.slice());
    } else if (it > 1) {
      // Sweeps can cycle; restart from the best found so the last sweep refines it.
      order = best.map((c) => c.slice());
    }
  }
  // End with a downward sweep of the best: in a tree each child's barycentre is its
  // parent's position, so this groups siblings under their parent, in seed order.
  for (const col of best) setPos(col);
  const down = best.map((c) => c.slice());
  for (let s = 1; s < ctx.S; s++) {
    down[s] = byBarycentre(ctx, down[s], pos, 'in');
    setPos(down[s]);
  }
  return crossingsOf(ctx, down) <= bestCost ? down : best;
}

/**
 * A column re-sorted by the weighted mean position of each node's neighbours on one side
 * (`in`: previous stages, `out`: next stages). Nodes without neighbours on that side keep
 * their current position; pinned nodes go last. Stable.
 */
function byBarycentre(ctx: Ctx, col: readonly number[], pos: Float64Array, side: 'in' | 'out'): number[] {
  const key = new Float64Array(col.length);
  col.forEach((v, i) => {
    const ks = side === 'in' ? ctx.inL[v] : ctx.outL[v];
    let sw = 0;
    let sp = 0;
    for (const k of ks) {
      const l = ctx.links[k];
      sw += l.w;
      sp += l.w * pos[side === 'in' ? l.s : l.t];
    }
    key[i] = sw > 0 ? sp / sw : col.length > 1 ? i / (col.length - 1) : 0.5;
  });
  const idx = col.map((_, i) => i);
  idx.sort((a, b) => ctx.pinned[col[a]] - ctx.pinned[col[b]] || key[a] - key[b] || a - b);
  return idx.map((i) => col[i]);
}

/**
 * Adjacent exchanges: swap neighbours u, v in a column when that lowers the weighted
 * crossings between their links (only their mutual crossings change), until no swap helps
 * or `passes` run out.
 */
function transpose(ctx: Ctx, order: number[][], passes: number): void {
  for (let p = 0; p < passes; p++) {
    let improved = false;
    const r = ranks(ctx, order);
    for (const col of order) {
      for (let i = 0; i + 1 < col.length; i++) {
        const u = col[i];
        const v = col[i + 1];
        if (ctx.pinned[u] !== ctx.pinned[v]) continue;
        const keep = mutual(ctx, u, v, r);
        const swap = mutual(ctx, v, u, r);
        if (swap < keep - 1e-12) {
          col[i] = v;
          col[i + 1] = u;
          r[u] = i + 1;
          r[v] = i;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
}

/** Weighted crossings between the links of `upper` and `lower` when `upper` is above `lower`. */
function mutual(ctx: Ctx, upper: number, lower: number, r: Int32Array): number {
  let c = 0;
  for (const side of ['in', 'out'] as const) {
    const a = side === 'in' ? ctx.inL[upper] : ctx.outL[upper];
    const b = side === 'in' ? ctx.inL[lower] : ctx.outL[lower];
    for (const ka of a) {
      const la = ctx.links[ka];
      const ea = side === 'in' ? la.s : la.t;
      for (const kb of b) {
        const lb = ctx.links[kb];
        const eb = side === 'in' ? lb.s : lb.t;
        if (ctx.stage[ea] === ctx.stage[eb] && r[ea] > r[eb]) c += la.w * lb.w;
      }
    }
  }
  return c;
}
