import { ClasslensError, type Key } from '../common/index.js';
import { booleanOption, enumOption, optionsOf } from '../common/internal/validate.js';
import { readWeights, weightOf, type Weights } from '../common/internal/weights.js';
import { correctnessPass } from './internal/counting-kernels.js';
import { checkDeferred, encodeComparison, failDeferred, modelEntries } from './internal/encode-labels.js';
import { groupTuples } from './internal/group-tuples.js';

/** What a level of {@link metricsHierarchy} splits on. */
export type MetricsLevel = 'root' | 'truth' | 'correct' | 'predicted';

/**
 * A node of {@link metricsHierarchy}: the shape d3-hierarchy reads (`children`, and
 * `value` on leaves only, so `hierarchy(root).sum(d => d.value)` counts each item once),
 * plus structured fields so a view can label and colour nodes without parsing `name`.
 */
export interface MetricsNode {
  /** Readable label: `"all"`, a class (`"cat"`), `"A ✓"` / `"A ✗"`, or `"A: dog"`. */
  name: string;
  /** Which level the node belongs to. */
  level: MetricsLevel;
  /** The class, on `truth` and `predicted` nodes. */
  key?: Key;
  /** The model, on `correct` and `predicted` nodes. */
  model?: string;
  /**
   * On `correct` nodes: whether the model is right. On `predicted` nodes below the truth
   * level: whether the predicted class is the true class.
   */
  correct?: boolean;
  /** Items under this node (every node; with `weights`, their total weight). */
  count: number;
  /** Items in this leaf (leaves only; equals `count`; with `weights`, their total weight). */
  value?: number;
  /** The items in this leaf, ascending (leaves only, unless `indices: false`). */
  indices?: Uint32Array;
  /** Child nodes (internal nodes only), in class order and ✓ before ✗. */
  children?: MetricsNode[];
}

/** Options for {@link metricsHierarchy}. */
export interface MetricsHierarchyOptions {
  /** Class list; with it, integer typed arrays are read as class indices into it. */
  classes?: ArrayLike<Key>;
  /** Model order of the levels (default `Object.keys(preds)`); may name a subset. */
  models?: readonly string[];
  /** Model levels split on correctness (`'correct'`, default) or on the predicted class. */
  by?: 'correct' | 'predicted';
  /** `'truth-first'` (default): truth, then models; `'models-first'`: models, then truth. */
  order?: 'truth-first' | 'models-first';
  /** Attach `indices` to leaves (default `true`); `false` skips the second pass. */
  indices?: boolean;
  /** Name of the root node (default `"all"`). */
  name?: string;
  /**
   * Item weights (an array, or `(i) => weight`; non-negative finite numbers): every
   * `count` and leaf `value` becomes the sum of the items' weights (a treemap sized by
   * importance); leaf `indices` are unchanged. Default: every item counts 1.
   */
  weights?: Weights;
}

/** Largest number of leaf slots (classes × 2^models) counted in a flat table. */
const MAX_LEAF_CODES = 1 << 26;

type Level = { kind: 'truth' } | { kind: 'correct' | 'predicted'; model: string };

/**
 * A nested tree of item counts for a metrics treemap (DeepCompare's
 * "truth → model A correct? → model B correct? → …", Murugesan et al., IEEE CG&A 2019),
 * for any number of models, ready for `d3.hierarchy(root).sum(d => d.value)`.
 *
 * Levels: the true class, then one level per model splitting its items into right (✓)
 * and wrong (✗) — or, with `by: 'predicted'`, into the class that model predicted. With
 * `order: 'models-first'` the model levels come first and the true class last. Nodes
 * with no items are left out, so every leaf has `value ≥ 1`; children follow class order,
 * ✓ before ✗. Leaves carry the item indices as views into one shared `Uint32Array`
 * (transfer or clone the tree whole; the views share one buffer).
 *
 * Cost: for `by: 'correct'`, one pass range-checks the class indices and counts items
 * per leaf, a second writes the indices (skipped with `indices: false`); `Int32Array`
 * class indices plus `classes` are read in place, and the only item-sized allocation is
 * the indices buffer.
 *
 * @param truth - true label per item.
 * @param preds - model name → predicted label per item (any number of models; none gives
 *   a tree of true classes only).
 * @param options - see {@link MetricsHierarchyOptions}.
 * @returns the root node (`level: 'root'`, `count` = number of items).
 * @throws `LENGTH_MISMATCH`, `UNKNOWN_CLASS`, `NON_FINITE`, `INVALID_ARGUMENT` for bad labels;
 *   `MISSING_KEY` / `DUPLICATE_KEY` for a bad `models` list; `INVALID_ARGUMENT` for an unknown
 *   `by`/`order` or an option of the wrong type; `TOO_LARGE` for more than 2^26 possible leaves
 *   with `by: 'correct'` (classes × 2^models); for `weights`: `LENGTH_MISMATCH`,
 *   `NOT_A_NUMBER`, `NON_FINITE`, `INVALID_ARGUMENT` (negative) naming the index.
 * @remarks O(n·k + m·2^k) for `by: 'correct'`; O(n·k + leaves) for `by: 'predicted'`.
 * @example
 * const root = metricsHierarchy(['a', 'a', 'b'], { A: ['a', 'b', 'b'], B: ['a', 'a', 'a'] });
 * root.children[0].name;             // 'a'
 * root.children[0].children[0].name; // 'A ✓'
 * d3.treemap()(d3.hierarchy(root).sum((d) => d.value ?? 0));
 */
export function metricsHierarchy(
  truth: ArrayLike<Key>,
  preds: Record<string, ArrayLike<Key>>,
  options: MetricsHierarchyOptions = {},
): MetricsNode {
  const o = optionsOf(options);
  const by = enumOption(o.by, 'by', ['correct', 'predicted'] as const, 'correct');
  const order = enumOption(o.order, 'order', ['truth-first', 'models-first'] as const, 'truth-first');
  const withIndices = booleanOption(o.indices, 'indices', true);
  const rootName = o.name ?? 'all';
  if (typeof rootName !== 'string') throw new ClasslensError('INVALID_ARGUMENT', 'name: expected a string');
  const models = modelEntries(preds, 0, o.models ?? undefined);
  // The first counting pass range-checks zero-copy class indices itself.
  const enc = encodeComparison(truth, models, o.classes ?? undefined, true);
  const { classes, codes, n } = enc;
  const w = readWeights(o.weights, n);
  // Weighted leaves sum their items' weights, which needs the items of each leaf.
  const needItems = withIndices || w !== null;
  const m = classes.length;
  const k = models.length;
  const modelLevels: Level[] = models.map(([model]) => ({ kind: by, model }));
  const levels: Level[] =
    order === 'truth-first' ? [{ kind: 'truth' }, ...modelLevels] : [...modelLevels, { kind: 'truth' }];
  const depth = levels.length;

  // Leaves as (tuple of level values, count, start in the indices buffer), in
  // lexicographic order of level values — the order children are listed in.
  let leafCount = 0;
  let tupleOf: (g: number) => ArrayLike<number>;
  let countOf: (g: number) => number;
  let out: Uint32Array | null = null;
  const starts: number[] = [];

  if (by === 'correct') {
    const slots = m * 2 ** k;
    if (slots > MAX_LEAF_CODES) {
      throw new ClasslensError(
        'TOO_LARGE',
        `${m} classes × 2^${k} models is too many leaves for a hierarchy (at most 2^26)`,
      );
    }
    // code = t·tw + Σ wrong_j·w_j, with the first level most significant so ascending
    // codes are lexicographic paths, and "right" (0) sorting before "wrong" (1).
    const tw = order === 'truth-first' ? 2 ** k : 1;
    const unit = order === 'truth-first' ? 1 : m;
    const weights = models.map((_, j) => unit * 2 ** (k - 1 - j));
    const table = new Int32Array(slots);
    if (correctnessPass(codes[0], codes.slice(1), tw, weights, m, 0, table, null)) failDeferred(enc);
    const leafCodes: number[] = [];
    const leafCounts: number[] = [];
    let start = 0;
    for (let c = 0; c < slots; c++) {
      const count = table[c];
      if (count === 0) continue;
      leafCodes.push(c);
      leafCounts.push(count);
      starts.push(start);
      table[c] = start; // the second pass writes each code's items from here on
      start += count;
    }
    leafCount = leafCodes.length;
    if (needItems) {
      out = new Uint32Array(n);
      correctnessPass(codes[0], codes.slice(1), tw, weights, m, 1, table, out);
    }
    const tuple = new Int32Array(depth);
    tupleOf = (g) => {
      const c = leafCodes[g];
      const t = order === 'truth-first' ? Math.floor(c / tw) : c % m;
      const bits = order === 'truth-first' ? c % tw : Math.floor(c / m);
      const offset = order === 'truth-first' ? 1 : 0;
      for (let j = 0; j < k; j++) tuple[offset + j] = (bits >>> (k - 1 - j)) & 1;
      tuple[order === 'truth-first' ? 0 : k] = t;
      return tuple;
    };
    countOf = (g) => leafCounts[g];
  } else {
    const cols = order === 'truth-first' ? codes : [...codes.slice(1), codes[0]];
    const groups = groupTuples(cols, m, false, () => checkDeferred(enc));
    leafCount = groups.size;
    let start = 0;
    const startArray = new Int32Array(leafCount);
    for (let g = 0; g < leafCount; g++) {
      starts.push(start);
      startArray[g] = start;
      start += groups.counts[g];
    }
    if (needItems) {
      out = new Uint32Array(n);
      groups.fill(out, startArray);
    }
    tupleOf = (g) => groups.tuples.subarray(g * depth, (g + 1) * depth);
    countOf = (g) => groups.counts[g];
  }

  const root: MetricsNode = { name: rootName, level: 'root', count: 0, children: [] };
  const truthLevel = order === 'truth-first' ? 0 : depth - 1;
  const stack: MetricsNode[] = [];
  const prev = new Int32Array(depth).fill(-1);
  for (let g = 0; g < leafCount; g++) {
    const tuple = tupleOf(g);
    const items = countOf(g);
    const leafItems = out ? out.subarray(starts[g], starts[g] + items) : null;
    const count = w === null ? items : weightOf(leafItems!, w);
    let d = 0;
    while (d < depth && tuple[d] === prev[d]) d++;
    for (let j = d; j < depth; j++) {
      const level = levels[j];
      const v = tuple[j];
      let node: MetricsNode;
      if (level.kind === 'truth') node = { name: String(classes[v]), level: 'truth', key: classes[v], count: 0 };
      else if (level.kind === 'correct') {
        const right = v === 0;
        node = {
          name: `${level.model} ${right ? '✓' : '✗'}`,
          level: 'correct',
          model: level.model,
          correct: right,
          count: 0,
        };
      } else {
        node = {
          name: `${level.model}: ${String(classes[v])}`,
          level: 'predicted',
          model: level.model,
          key: classes[v],
          count: 0,
        };
        if (truthLevel < j) node.correct = v === tuple[truthLevel];
      }
      if (j < depth - 1) node.children = [];
      (j === 0 ? root : stack[j - 1]).children!.push(node);
      stack[j] = node;
      prev[j] = v;
    }
    for (let j = 0; j < depth; j++) stack[j].count += count;
    root.count += count;
    const leaf = stack[depth - 1];
    leaf.value = count;
    if (withIndices && leafItems) leaf.indices = leafItems;
  }
  return root;
}
