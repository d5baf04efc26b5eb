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
  // Links in source-rank order by a counting sort (ranks are small integers): O(L).
  let sCount = 0;
  for (let k = 0; k < L; k++) sCount = Math.max(sCount, r[grp.s[k]] + 1);
  const start = new Int32Array(sCount + 1);
  for (let k = 0; k < L; k++) start[r[grp.s[k]] + 1]++;
  for (let q = 0; q < sCount; q++) start[q + 1] += start[q];
  const idx = new Int32Array(L);
  for (let k = 0; k < L; k++) idx[start[r[grp.s[k]]]++] = k;
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

/**
 * Weighted crossings between the links of `upper` and `lower` when `upper` is above
 * `lower`: pairs of their links on the same side whose far ends lie in one stage with the
 * far end of `upper`'s link below that of `lower`'s. Links sharing a far end never cross.
 * Small degrees compare all pairs; large ones sort the far ends (O(d log d)), as at scale
 * two nodes can carry hundreds of links each.
 */
function mutual(ctx: Ctx, upper: number, lower: number, r: Int32Array): number {
  let c = 0;
  for (const side of ['in', 'out'] as const) {
    const a = side === 'in' ? ctx.inL[upper] : ctx.outL[upper];
    const b = side === 'in' ? ctx.inL[lower] : ctx.outL[lower];
    if (a.length === 0 || b.length === 0) continue;
    if (a.length * b.length <= 256) {
      for (const ka of a) {
        const la = ctx.links[ka];
        const ea = side === 'in' ? la.s : la.t;
        for (const kb of b) {
          const lb = ctx.links[kb];
          const eb = side === 'in' ? lb.s : lb.t;
          if (ctx.stage[ea] === ctx.stage[eb] && r[ea] > r[eb]) c += la.w * lb.w;
        }
      }
      continue;
    }
    c += sortedMutual(ctx, a, b, side, r);
  }
  return c;
}

/** {@link mutual} for one side, by sorting far ends: Σ w_a · (weight of b-ends strictly above a's end in a's stage). */
function sortedMutual(ctx: Ctx, a: readonly number[], b: readonly number[], side: 'in' | 'out', r: Int32Array): number {
  // Composite key stage·(n + 1) + rank orders ends by stage, then by rank within it.
  const key = (k: number) => {
    const l = ctx.links[k];
    const e = side === 'in' ? l.s : l.t;
    return ctx.stage[e] * (ctx.n + 1) + r[e];
  };
  const bk = Float64Array.from(b, key);
  const bo = Array.from(b.keys()).sort((x, y) => bk[x] - bk[y]);
  const keys = Float64Array.from(bo, (i) => bk[i]);
  const cum = new Float64Array(bo.length + 1);
  bo.forEach((i, q) => (cum[q + 1] = cum[q] + ctx.links[b[i]].w));
  const lowerBound = (v: number) => {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (keys[m] < v) lo = m + 1;
      else hi = m;
    }
    return lo;
  };
  let c = 0;
  for (const ka of a) {
    const k = key(ka);
    const stageStart = k - (k % (ctx.n + 1));
    // b-ends in the same stage with a smaller rank: they lie above a's end.
    c += ctx.links[ka].w * (cum[lowerBound(k)] - cum[lowerBound(stageStart)]);
  }
  return c;
}

/**
 * One vertical order of node *groups* (classes) shared by every column: node `v` belongs
 * to group `group[v]`, and every column lists its nodes in the group order, so a class
 * keeps its place from column to column and a straight band reads as "unchanged" (the
 * chain Sankey's rule). Chooses the permutation of groups with the fewest weighted
 * crossings over the whole graph that the heuristic finds: barycentre sweeps on the
 * aggregated group graph (a group moves to the weighted mean position of the groups its
 * items flow to or come from, in any column), then adjacent exchanges of groups, each
 * evaluated on the real crossings of every column. Groups of pinned nodes stay last.
 * Never worse than the best seed permutation. Returns the permutation of groups.
 *
 * `seeds` are permutations of `0 … G − 1` (G = the largest group + 1). A group has at
 * most one node per column (a flow graph has one node per stage and key).
 */
export function orderGroups(
  g: OrderGraph,
  group: ArrayLike<number>,
  seeds: readonly (readonly number[])[],
  o: OrderOptions = {},
): number[] {
  if (seeds.length === 0) throw new Error('orderGroups: no seed order');
  const ctx = context(g);
  let G = 0;
  for (let v = 0; v < ctx.n; v++) G = Math.max(G, group[v] + 1);
  const pinnedG = new Uint8Array(G);
  for (let v = 0; v < ctx.n; v++) if (ctx.pinned[v]) pinnedG[group[v]] = 1;
  // Nodes of each group, by stage (at most one per stage in a flow graph; kept general).
  const members: number[][] = Array.from({ length: G }, () => []);
  for (let v = 0; v < ctx.n; v++) members[group[v]].push(v);
  // Aggregated undirected group graph: links between different groups, weights summed.
  const agg = new Map<number, number>();
  for (const l of g.links) {
    const a = group[l.s];
    const b = group[l.t];
    if (a === b) continue;
    const key = a < b ? a * G + b : b * G + a;
    agg.set(key, (agg.get(key) ?? 0) + l.w);
  }
  const nbr: { o: number; w: number }[][] = Array.from({ length: G }, () => []);
  for (const [key, w] of agg) {
    const a = Math.floor(key / G);
    const b = key % G;
    nbr[a].push({ o: b, w });
    nbr[b].push({ o: a, w });
  }
  const cost = (perm: readonly number[]) => crossingsOf(ctx, groupColumnsFromMembers(ctx, members, perm));
  const sweeps = o.sweeps ?? 12;
  let best: number[] | null = null;
  let bestCost = Infinity;
  for (const seed of seeds) {
    let perm = seed.slice();
    let permCost = cost(perm);
    const seedCost = permCost;
    let cur = perm.slice();
    const pos = new Float64Array(G);
    for (let it = 0; it < sweeps && permCost > 0; it++) {
      cur.forEach((gp, i) => (pos[gp] = G > 1 ? i / (G - 1) : 0.5));
      const key = new Float64Array(G);
      for (let a = 0; a < G; a++) {
        let sw = 0;
        let sp = 0;
        for (const e of nbr[a]) {
          sw += e.w;
          sp += e.w * pos[e.o];
        }
        key[a] = sw > 0 ? sp / sw : pos[a];
      }
      const rank = new Int32Array(G);
      cur.forEach((gp, i) => (rank[gp] = i));
      cur = cur.slice().sort((a, b) => pinnedG[a] - pinnedG[b] || key[a] - key[b] || rank[a] - rank[b]);
      const c = cost(cur);
      if (c < permCost) {
        perm = cur.slice();
        permCost = c;
      } else if (it > 1) {
        cur = perm.slice();
      }
    }
    transposeGroups(ctx, members, pinnedG, perm, o.transposePasses ?? 8);
    permCost = cost(perm);
    const [p, c] = seedCost <= permCost ? [seed.slice(), seedCost] : [perm, permCost];
    if (c < bestCost) {
      best = p;
      bestCost = c;
    }
  }
  return best as number[];
}

/** Every column of nodes (`stage[v]`, `group[v]`) in the order of `perm`, a permutation of groups. */
export function groupColumns(stage: ArrayLike<number>, group: ArrayLike<number>, perm: readonly number[]): number[][] {
  const n = stage.length;
  let S = 0;
  for (let v = 0; v < n; v++) S = Math.max(S, stage[v] + 1);
  const rank = new Int32Array(perm.length);
  perm.forEach((gp, i) => (rank[gp] = i));
  const cols: number[][] = Array.from({ length: S }, () => []);
  for (let v = 0; v < n; v++) cols[stage[v]].push(v);
  for (const c of cols) c.sort((a, b) => rank[group[a]] - rank[group[b]] || a - b);
  return cols;
}

/**
 * Adjacent exchanges of groups: swapping neighbours a, b of the permutation swaps their
 * nodes in every column where both appear (they are adjacent there too), and changes only
 * the crossings between the links of a's and b's nodes, summed over the columns. Each
 * pass lists every node's far ends in (stage, rank) order — O(L), by walking the far
 * nodes in column order, no sorting — and compares a pair by merging two sorted lists
 * (O(d)); ends moved by swaps earlier in the same pass are re-listed at the next pass
 * (the caller re-checks the exact cost).
 */
function transposeGroups(ctx: Ctx, members: number[][], pinnedG: Uint8Array, perm: number[], passes: number): void {
  const r = ranks(ctx, groupColumnsFromMembers(ctx, members, perm));
  for (let p = 0; p < passes; p++) {
    const ends = [
      sortedEnds(ctx, groupColumnsFromMembers(ctx, members, perm), r, 'in'),
      sortedEnds(ctx, groupColumnsFromMembers(ctx, members, perm), r, 'out'),
    ];
    let improved = false;
    for (let i = 0; i + 1 < perm.length; i++) {
      const a = perm[i];
      const b = perm[i + 1];
      if (pinnedG[a] !== pinnedG[b]) continue;
      let keep = 0;
      let swap = 0;
      const pairs: [number, number][] = [];
      for (const u of members[a]) {
        for (const v of members[b]) {
          if (ctx.stage[u] !== ctx.stage[v]) continue;
          pairs.push([u, v]);
          for (const e of ends) {
            keep += mergeCrossings(e, u, v, ctx.n + 1);
            swap += mergeCrossings(e, v, u, ctx.n + 1);
          }
        }
      }
      if (swap < keep - 1e-12) {
        perm[i] = b;
        perm[i + 1] = a;
        for (const [u, v] of pairs) {
          const t = r[u];
          r[u] = r[v];
          r[v] = t;
        }
        improved = true;
      }
    }
    if (!improved) break;
  }
}

/**
 * Every node's far ends on one side, in (stage, rank) order, as one flat list: node v's
 * ends are `key`/`w` from `start[v]` to `start[v + 1]`, keyed stage·(n + 1) + rank.
 */
interface Ends {
  start: Int32Array;
  key: Float64Array;
  w: Float64Array;
}

/**
 * The far ends of every node on one side, listed by walking the far nodes column by
 * column, top to bottom, and appending each of their links to the list of its near end:
 * each list comes out sorted, in O(nodes + links).
 */
function sortedEnds(ctx: Ctx, order: readonly (readonly number[])[], r: Int32Array, side: 'in' | 'out'): Ends {
  const n = ctx.n;
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = start[v] + (side === 'in' ? ctx.inL[v].length : ctx.outL[v].length);
  const key = new Float64Array(start[n]);
  const w = new Float64Array(start[n]);
  const at = start.slice(0, n);
  for (const col of order) {
    for (const f of col) {
      // f is a far end: for in-ends, a source of links out of f; for out-ends, a target of links into f.
      const ks = side === 'in' ? ctx.outL[f] : ctx.inL[f];
      const k0 = ctx.stage[f] * (n + 1) + r[f];
      for (const k of ks) {
        const l = ctx.links[k];
        const near = side === 'in' ? l.t : l.s;
        const q = at[near]++;
        key[q] = k0;
        w[q] = l.w;
      }
    }
  }
  return { start, key, w };
}

/**
 * Σ over pairs (x of node a, y of node b) in one stage with y's end strictly above x's
 * end of w_x · w_y: the crossings on this side when a sits above b. Two pointers.
 */
function mergeCrossings(e: Ends, a: number, b: number, stride: number): number {
  let c = 0;
  const bEnd = e.start[b + 1];
  let below = e.start[b]; // first b-end with key ≥ the current a key
  let stageStart = e.start[b]; // first b-end in the current a key's stage
  let wBelow = 0; // Σ w of b's ends before `below`
  let wStage = 0; // Σ w of b's ends before `stageStart`
  for (let q = e.start[a]; q < e.start[a + 1]; q++) {
    const k = e.key[q];
    const s0 = k - (k % stride);
    while (stageStart < bEnd && e.key[stageStart] < s0) wStage += e.w[stageStart++];
    if (below < stageStart) {
      below = stageStart;
      wBelow = wStage;
    }
    while (below < bEnd && e.key[below] < k) wBelow += e.w[below++];
    c += e.w[q] * (wBelow - wStage);
  }
  return c;
}

function groupColumnsFromMembers(ctx: Ctx, members: number[][], perm: readonly number[]): number[][] {
  const cols: number[][] = Array.from({ length: ctx.S }, () => []);
  for (const gp of perm) for (const v of members[gp]) cols[ctx.stage[v]].push(v);
  return cols;
}

/**
 * Weighted crossings between the links of node `upper` and those of node `lower` if
 * `upper` sat above `lower` in their column, under `order` for every other node: what
 * the adjacent exchanges compare.
 */
export function nodePairCrossings(
  g: OrderGraph,
  order: readonly (readonly number[])[],
  upper: number,
  lower: number,
): number {
  const ctx = context(g);
  return mutual(ctx, upper, lower, ranks(ctx, order));
}

/**
 * Weighted crossings between the links of groups `a` and `b` over every column, if `a`
 * sat directly above `b` in the permutation `perm`: what the exchanges of
 * {@link orderGroups} compare (through the sorted end lists).
 */
export function groupPairCrossings(
  g: OrderGraph,
  group: ArrayLike<number>,
  perm: readonly number[],
  a: number,
  b: number,
): number {
  const ctx = context(g);
  let G = 0;
  for (let v = 0; v < ctx.n; v++) G = Math.max(G, group[v] + 1);
  const members: number[][] = Array.from({ length: G }, () => []);
  for (let v = 0; v < ctx.n; v++) members[group[v]].push(v);
  // `perm` with a directly above b.
  const p = perm.filter((x) => x !== b);
  p.splice(p.indexOf(a) + 1, 0, b);
  const order = groupColumnsFromMembers(ctx, members, p);
  const r = ranks(ctx, order);
  const ends = [sortedEnds(ctx, order, r, 'in'), sortedEnds(ctx, order, r, 'out')];
  let c = 0;
  for (const u of members[a]) {
    for (const v of members[b]) {
      if (ctx.stage[u] !== ctx.stage[v]) continue;
      for (const e of ends) c += mergeCrossings(e, u, v, ctx.n + 1);
    }
  }
  return c;
}
