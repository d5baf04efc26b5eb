import { ClasslensError } from '../common/errors.js';
import { checkLengthsOf, compareKeys, type Key } from '../common/keys.js';
import { checkMixedSpelling } from '../common/internal/mixed-keys.js';
import { booleanOption, integerOption, keyOption, numberOption, optionsOf } from '../common/internal/validate.js';
import { readWeights, weightOf, type Weights } from '../common/internal/weights.js';
import { encodeStage } from './internal/encode-stage.js';

/** Options for {@link flowGraph}. */
export interface FlowGraphOptions {
  /**
   * Keep at most this many keys per stage (the most frequent; ties broken by key order)
   * and merge the rest into one `otherLabel` node. Default: keep all.
   */
  topK?: number;
  /**
   * Hide links carrying fewer than this many items (default 0: keep all). Nodes keep
   * their full value, so hidden flow shows as the gap between a node and its links;
   * `hiddenLinks`/`hiddenItems` report what was hidden.
   */
  minValue?: number;
  /** Label of the merged node (default `"Other"`). Must not equal a kept key. */
  otherLabel?: Key;
  /**
   * Keep only items whose key changes between some pair of consecutive stages (e.g. the
   * misclassified items of a truth → prediction flow). Keys are compared before `topK`
   * merging. Default `false`.
   */
  changedOnly?: boolean;
  /** One display name per stage (default `"Stage 1"`, `"Stage 2"`, …). */
  stageNames?: readonly string[];
  /**
   * Item weights (an array, or `(i) => weight`; non-negative finite numbers): every count
   * — node and link `value`, `topK`'s ranking, `minValue`'s threshold, `total`, `kept`,
   * `hiddenItems` — becomes the sum of the items' weights (Sankey-for-ML's importance of
   * each item). `indices` are unchanged. Default: every item counts 1.
   */
  weights?: Weights;
}

/** One node: a key at a stage. */
export interface FlowNode {
  /** Unique id: `"<stage>:<key>"`. */
  id: string;
  /** Stage index, 0-based. */
  stage: number;
  /** The key (or `otherLabel` for the merged node). */
  key: Key;
  /** Number of items at this node (with `weights`, the sum of their weights). */
  value: number;
  /** `true` for the node that merges keys beyond `topK`. */
  other: boolean;
  /** For the merged node, the keys it stands for (sorted); otherwise `[key]`. */
  members: Key[];
  /** Indices of the items at this node, ascending. */
  indices: Uint32Array;
}

/** One link between nodes of consecutive stages. */
export interface FlowLink {
  /** Id of the source node (stage s). */
  source: string;
  /** Id of the target node (stage s + 1). */
  target: string;
  /** Number of items flowing through (with `weights`, the sum of their weights). */
  value: number;
  /** Indices of those items, ascending (for linked selection). */
  indices: Uint32Array;
}

/** The result of {@link flowGraph}. Plain data: safe to copy into any layout. */
export interface FlowGraph {
  nodes: FlowNode[];
  links: FlowLink[];
  stageNames: string[];
  /** Items in the input (with `weights`, their total weight). */
  total: number;
  /** Items in the graph (after `changedOnly`; with `weights`, their total weight). */
  kept: number;
  /** Links hidden by `minValue`, and the items they carried (with `weights`, their weight). */
  hiddenLinks: number;
  hiddenItems: number;
}

/**
 * Builds a layered flow graph from equally long key columns, one per stage — e.g.
 * `[truth, predicted]`, `[category, subcategory, leaf]`, or the predictions of model
 * versions `[m0, m1, m2]`. There is one node per (stage, key), so a chain over the same
 * labels never has cycles, and every link joins consecutive stages. Links and nodes carry
 * the indices of their items, so a selection in the chart maps back to rows.
 *
 * Nodes are ordered by stage, then by value (descending; ties by key), with the merged
 * `otherLabel` node last; links by source node, then target node. Deterministic: shuffling
 * items permutes `indices` but changes nothing else.
 *
 * Throws `LENGTH_MISMATCH` when stages differ in length, `INVALID_ARGUMENT` for a bad
 * option or a `stageNames` of the wrong length, `DUPLICATE_KEY` when `otherLabel` equals a
 * kept key or a stage mixes `1` and `"1"`. An empty stage list or zero items give an empty
 * graph. O(n · stages + links).
 *
 * @example
 * const g = flowGraph([truth, pred], { changedOnly: true, topK: 10, stageNames: ['truth', 'predicted'] });
 * g.links[0] // → { source: '0:3', target: '1:8', value: 12, indices: Uint32Array [...] }
 */
export function flowGraph(stages: readonly ArrayLike<Key>[], options: FlowGraphOptions = {}): FlowGraph {
  if (!Array.isArray(stages))
    throw new ClasslensError('INVALID_ARGUMENT', 'flowGraph: stages must be an array of key arrays');
  const o = optionsOf(options);
  const topK = integerOption(o.topK, 'topK', Infinity, 1, Infinity, true);
  const minValue = numberOption(o.minValue, 'minValue', 0, { min: 0 });
  const changedOnly = booleanOption(o.changedOnly, 'changedOnly', false);
  const otherLabel = keyOption(o.otherLabel, 'otherLabel', 'Other');
  const S = stages.length;
  let stageNames: string[];
  if (o.stageNames == null) stageNames = stages.map((_, s) => `Stage ${s + 1}`);
  else {
    if (!Array.isArray(o.stageNames) || o.stageNames.some((d) => typeof d !== 'string')) {
      throw new ClasslensError('INVALID_ARGUMENT', 'flowGraph: stageNames must be an array of strings');
    }
    stageNames = [...(o.stageNames as string[])];
  }
  if (stageNames.length !== S) {
    throw new ClasslensError('INVALID_ARGUMENT', `flowGraph: ${stageNames.length} stageNames for ${S} stages`);
  }
  // (name, column) pairs: stage names come from data and may repeat or be "__proto__".
  const n = S ? checkLengthsOf(stages.map((col, i) => [stageNames[i], col] as const)) : 0;
  const w = readWeights(o.weights, n);
  let total = n;
  if (w !== null) {
    total = 0;
    for (let i = 0; i < n; i++) total += w[i];
  }
  const empty: FlowGraph = { nodes: [], links: [], stageNames, total, kept: 0, hiddenLinks: 0, hiddenItems: 0 };
  if (S === 0) return empty;

  // Which items take part.
  let items: Uint32Array;
  if (changedOnly && S > 1) {
    const keep = new Uint32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      for (let s = 0; s + 1 < S; s++) {
        if (stages[s][i] !== stages[s + 1][i]) {
          keep[m++] = i;
          break;
        }
      }
    }
    items = keep.slice(0, m);
  } else {
    items = new Uint32Array(n);
    for (let i = 0; i < n; i++) items[i] = i;
  }
  const kept = items.length;
  const keptValue = weightOf(items, w);

  // Encode each stage and merge keys beyond topK; `code[s][i]` is the item's node slot.
  const encoded = stages.map((col, s) => encodeStage(col, stageNames[s]));
  // changedOnly compares keys across stages, so they share one key space there.
  if (changedOnly && S > 1) checkMixedSpelling(new Set(encoded.flatMap((e) => e.keys)), 'flowGraph: stages');
  const layers = stages.map((_, s) => {
    const enc = encoded[s];
    // Items per key decide which keys are present; with weights, their weight ranks them
    // (a key whose items all weigh 0 is still a node, of value 0).
    const itemCount = new Float64Array(enc.keys.length);
    if (kept === n) itemCount.set(enc.counts);
    else for (let t = 0; t < kept; t++) itemCount[enc.codes[items[t]]]++;
    let counts = itemCount;
    if (w !== null) {
      counts = new Float64Array(enc.keys.length);
      for (let t = 0; t < kept; t++) counts[enc.codes[items[t]]] += w[items[t]];
    }
    const present = enc.keys.map((_, c) => c).filter((c) => itemCount[c] > 0);
    present.sort((a, b) => counts[b] - counts[a] || compareKeys(enc.keys[a], enc.keys[b]));
    const keep = present.slice(0, Math.min(present.length, topK));
    const merged = present.slice(keep.length);
    const slotOf = new Int32Array(enc.keys.length).fill(-1);
    keep.forEach((c, slot) => (slotOf[c] = slot));
    const slots: { key: Key; other: boolean; members: Key[] }[] = keep.map((c) => ({
      key: enc.keys[c],
      other: false,
      members: [enc.keys[c]],
    }));
    if (merged.length) {
      if (keep.some((c) => String(enc.keys[c]) === String(otherLabel))) {
        throw new ClasslensError(
          'DUPLICATE_KEY',
          `flowGraph: otherLabel ${JSON.stringify(otherLabel)} is a key of ${stageNames[s]}; pick another otherLabel`,
        );
      }
      for (const c of merged) slotOf[c] = keep.length;
      slots.push({ key: otherLabel, other: true, members: merged.map((c) => enc.keys[c]).sort(compareKeys) });
    }
    const code = new Int32Array(n).fill(-1);
    for (let t = 0; t < kept; t++) code[items[t]] = slotOf[enc.codes[items[t]]];
    return { code, slots, stage: s };
  });

  // Nodes with their items (counting sort → one allocation per stage).
  const nodes: FlowNode[] = [];
  const nodeIds: string[][] = [];
  for (const L of layers) {
    const k = L.slots.length;
    const buckets = bucketItems(items, L.code, k);
    nodeIds.push(L.slots.map((sl) => `${L.stage}:${String(sl.key)}`));
    L.slots.forEach((sl, slot) => {
      nodes.push({
        id: nodeIds[L.stage][slot],
        stage: L.stage,
        key: sl.key,
        value: weightOf(buckets[slot], w),
        other: sl.other,
        members: sl.members,
        indices: buckets[slot],
      });
    });
  }

  // Links between consecutive stages: items sorted by (source slot, target slot) with two
  // stable counting sorts (by target, then by source), so each link is a run of items,
  // ascending within the run. O(n + slots) per stage pair, whatever the number of
  // possible pairs: no pair code, so nothing overflows at 10^5 × 10^5 keys.
  const links: FlowLink[] = [];
  let hiddenLinks = 0;
  let hiddenItems = 0;
  const byTarget = new Uint32Array(kept);
  for (let s = 0; s + 1 < S; s++) {
    // One buffer per stage pair; each link's indices are a view into it.
    const sorted = new Uint32Array(kept);
    const a = layers[s].code;
    const b = layers[s + 1].code;
    countingSort(items, b, layers[s + 1].slots.length, byTarget);
    countingSort(byTarget, a, layers[s].slots.length, sorted);
    for (let start = 0; start < kept;) {
      const first = sorted[start];
      const sa = a[first];
      const sb = b[first];
      let end = start + 1;
      while (end < kept && a[sorted[end]] === sa && b[sorted[end]] === sb) end++;
      const indices = sorted.subarray(start, end);
      const value = weightOf(indices, w);
      if (value < minValue) {
        hiddenLinks++;
        hiddenItems += value;
      } else {
        links.push({ source: nodeIds[s][sa], target: nodeIds[s + 1][sb], value, indices });
      }
      start = end;
    }
  }
  return { nodes, links, stageNames, total, kept: keptValue, hiddenLinks, hiddenItems };
}

/** Stable counting sort of `items` by `code[item]` (codes in [0, k)) into `out`. */
function countingSort(items: Uint32Array, code: Int32Array, k: number, out: Uint32Array): void {
  const start = new Uint32Array(k + 1);
  for (let t = 0; t < items.length; t++) start[code[items[t]] + 1]++;
  for (let c = 0; c < k; c++) start[c + 1] += start[c];
  for (let t = 0; t < items.length; t++) out[start[code[items[t]]]++] = items[t];
}

/**
 * Groups `items` by `code[item]` into `k` ascending index lists that share one buffer
 * (counting sort).
 */
function bucketItems(items: Uint32Array, code: Int32Array, k: number): Uint32Array[] {
  const counts = new Uint32Array(k + 1);
  for (let t = 0; t < items.length; t++) counts[code[items[t]] + 1]++;
  for (let c = 0; c < k; c++) counts[c + 1] += counts[c];
  const buf = new Uint32Array(items.length);
  const pos = counts.slice(0, k);
  for (let t = 0; t < items.length; t++) buf[pos[code[items[t]]]++] = items[t];
  const out: Uint32Array[] = new Array(k);
  for (let c = 0; c < k; c++) out[c] = buf.subarray(counts[c], counts[c + 1]);
  return out;
}
