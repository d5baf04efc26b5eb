import { ClasslensError, toMatrix, type Key, type MatrixLike } from '../common/index.js';
import { numberOption, optionsOf } from '../common/internal/validate.js';
import { MAX_BINS } from './histogram.js';
import { encodeLabels } from './internal/encode-labels.js';
import { mismatchScore } from './mismatch-score.js';
import { groupTuples } from './internal/group-tuples.js';

/** One cell of a {@link ConfusionList} row: the items of one label predicted as one class. */
export interface ConfusionListCell {
  /** The predicted class. */
  predicted: Key;
  /** `true` for the cell where the prediction equals the label. */
  correct: boolean;
  /** Items in the cell. */
  count: number;
  /** Sum of the items' mismatch scores. */
  scoreSum: number;
  /** 0…1 on a log scale over [0.1·max, max] of the misclassified cells' `scoreSum`. */
  emphasis: number;
  /** Items per mismatch-score bucket, aligned with {@link ConfusionList.bins}. */
  histogram: number[];
  /** The items, ascending (a view into one shared buffer). */
  indices: Uint32Array;
}

/** One row of a {@link ConfusionList}: every item carrying one label. */
export interface ConfusionListRow {
  /** The label (true class). */
  label: Key;
  /** Items with this label. */
  count: number;
  /** Of those, items predicted as another class. */
  misclassified: number;
  /** The correct cell first, then the misclassified cells by count, descending. */
  cells: ConfusionListCell[];
}

/** The sorted label/classification overview of Training De-Confusion ({@link confusionList}). */
export interface ConfusionList {
  /** The classes, in the order of the probability columns. */
  classes: Key[];
  /** The mismatch-score buckets shared by every cell's histogram. */
  bins: { x0: number; x1: number }[];
  /** The `scoreSum` that maps to emphasis 1 (0 when there are no items). */
  maxScoreSum: number;
  /** One row per label with items, by misclassified count, descending. */
  rows: ConfusionListRow[];
  /** The mismatch score of every item ({@link mismatchScore}). */
  scores: Float64Array;
}

/** Options for {@link confusionList}. */
export interface ConfusionListOptions {
  /**
   * The class of each probability column, in order. Without it the classes are the
   * sorted union of `truth` and `pred`, which must then match the column count.
   * With it, integer typed arrays are read as class indices.
   */
  classes?: ArrayLike<Key>;
  /** Width of the mismatch-score buckets (default 0.1). */
  binWidth?: number;
}

/**
 * The sorted overview of Training De-Confusion (Bäuerle, Neumann & Ropinski,
 * arXiv:1808.03114): one row per label, ordered by how many of its items the classifier
 * puts in another class; within a row one cell per predicted class, the correct cell
 * first, the others by count; in each cell a histogram of the items' mismatch scores
 * ({@link mismatchScore}) and an emphasis that draws the eye to where most mismatch sits.
 *
 * Buckets: `binWidth`-wide (0.1) from 1/m up to 1 for m classes, the last one shortened to
 * end at 1 and closed on both sides; each bucket is [x0, x1). Scores below 1/m (only
 * possible for rows that do not sum to 1) count in the first bucket. Note that
 * probability rows give scores in [1/2, 1], so for m > 2 the buckets below 1/2 stay empty.
 *
 * Emphasis: with `max` the largest `scoreSum` of a misclassified cell (of any cell when
 * none is misclassified), `emphasis = clamp(1 + log10(scoreSum / max), 0, 1)`, i.e. a
 * log scale mapping [0.1·max, max] to [0, 1]. The correct cell is measured on the same
 * scale (its large sum of ½-scores usually clamps to 1; draw it apart by `correct`).
 *
 * Ties: rows with equal misclassified counts, and cells with equal counts, keep class
 * order. A row always has its correct cell, with `count` 0 when no item is right.
 *
 * @param truth - the label of each item.
 * @param pred - the predicted class of each item.
 * @param probs - n × m class probabilities, columns in `classes` order.
 * @param options - `classes`, `binWidth`.
 * @throws `LENGTH_MISMATCH` for differing lengths or rows; `INVALID_SHAPE` when the
 *   column count differs from the number of classes; errors of {@link mismatchScore}
 *   for bad probabilities; `UNKNOWN_CLASS`, `NON_FINITE`, `DUPLICATE_KEY` for bad
 *   labels; `INVALID_ARGUMENT` for a `binWidth` not in (0, 1].
 * @remarks O(n·m + cells·log cells); one n-sized indices buffer shared by all cells.
 * @example
 * const list = confusionList(['a', 'a', 'b'], ['a', 'b', 'b'], [[0.9, 0.1], [0.3, 0.7], [0.2, 0.8]]);
 * list.rows[0].label;                    // 'a' (one misclassified item)
 * list.rows[0].cells.map((c) => c.count) // [1, 1]: correct cell first
 */
export function confusionList(
  truth: ArrayLike<Key>,
  pred: ArrayLike<Key>,
  probs: MatrixLike,
  options: ConfusionListOptions = {},
): ConfusionList {
  const o = optionsOf(options);
  const width = numberOption(o.binWidth, 'binWidth', 0.1, { min: 0, minExclusive: true, max: 1 });
  // At most 1/width buckets: refuse a width that asks for millions before allocating them.
  if (1 / width > MAX_BINS) {
    throw new ClasslensError('TOO_LARGE', `binWidth: ${width} makes more than the ${MAX_BINS} buckets allowed`);
  }
  const p = toMatrix(probs, { name: 'probs' });
  const enc = encodeLabels({ truth, pred }, o.classes ?? undefined);
  const { classes, codes, n } = enc;
  const m = classes.length;
  if (p.rows !== n) {
    throw new ClasslensError('LENGTH_MISMATCH', `probs has ${p.rows} rows but truth has length ${n}`, {
      probs: p.rows,
      truth: n,
    });
  }
  // `[]` has no columns to compare; any other shape must match the classes.
  if (p.cols !== m && !(p.rows === 0 && p.cols === 0)) {
    throw new ClasslensError('INVALID_SHAPE', `probs has ${p.cols} columns but there are ${m} classes`, {
      cols: p.cols,
      classes: m,
    });
  }
  const scores = mismatchScore(p, codes[0]);

  // Bucket edges lo + k·width, computed from k (not accumulated) so they match
  // numpy's `lo + np.arange(B) * width`; the last edge is exactly 1.
  const lo = m > 0 ? 1 / m : 1;
  const edges: number[] = [lo];
  while (lo + edges.length * width < 1 - 1e-9) edges.push(lo + edges.length * width);
  edges.push(1);
  const nb = edges.length - 1;
  const bins = Array.from({ length: nb }, (_, k) => ({ x0: edges[k], x1: edges[k + 1] }));

  // Cells are (label, predicted) pairs, grouped by a counting sort over both columns.
  const groups = groupTuples([codes[0], codes[1]], m, false, () => {});
  const starts = new Int32Array(groups.size);
  for (let g = 1; g < groups.size; g++) starts[g] = starts[g - 1] + groups.counts[g - 1];
  const order = new Uint32Array(n);
  groups.fill(order, starts);

  const cellsByLabel = new Map<number, ConfusionListCell[]>();
  const correctCell = new Map<number, ConfusionListCell>();
  for (let g = 0; g < groups.size; g++) {
    const t = groups.tuples[2 * g];
    const q = groups.tuples[2 * g + 1];
    const count = groups.counts[g];
    const indices = order.subarray(starts[g], starts[g] + count);
    const histogram = new Array<number>(nb).fill(0);
    let scoreSum = 0;
    for (let r = 0; r < count; r++) {
      const s = scores[indices[r]];
      scoreSum += s;
      // Floor, then step across an edge that rounding put the score on the wrong side of.
      let k = Math.min(nb - 1, Math.max(0, Math.floor((s - lo) / width)));
      while (k > 0 && s < edges[k]) k--;
      while (k < nb - 1 && s >= edges[k + 1]) k++;
      histogram[k]++;
    }
    const cell: ConfusionListCell = {
      predicted: classes[q],
      correct: t === q,
      count,
      scoreSum,
      emphasis: 0,
      histogram,
      indices,
    };
    if (!cellsByLabel.has(t)) cellsByLabel.set(t, []);
    if (t === q) correctCell.set(t, cell);
    else cellsByLabel.get(t)!.push(cell);
  }

  let max = 0;
  let maxAll = 0;
  for (const [t, cells] of cellsByLabel) {
    for (const c of cells) max = Math.max(max, c.scoreSum);
    maxAll = Math.max(maxAll, correctCell.get(t)?.scoreSum ?? 0);
  }
  if (max === 0) max = maxAll;
  const rows: ConfusionListRow[] = [];
  for (const [t, wrong] of cellsByLabel) {
    const right: ConfusionListCell = correctCell.get(t) ?? {
      predicted: classes[t],
      correct: true,
      count: 0,
      scoreSum: 0,
      emphasis: 0,
      histogram: new Array<number>(nb).fill(0),
      indices: order.subarray(0, 0),
    };
    // Groups arrive in class order of the prediction, and the sort is stable.
    wrong.sort((a, b) => b.count - a.count);
    const cells = [right, ...wrong];
    let count = 0;
    for (const c of cells) {
      count += c.count;
      c.emphasis = max > 0 ? Math.min(1, Math.max(0, 1 + Math.log10(c.scoreSum / max))) : 0;
    }
    rows.push({ label: classes[t], count, misclassified: count - right.count, cells });
  }
  // Map iteration follows insertion, i.e. label order; the sort is stable.
  rows.sort((a, b) => b.misclassified - a.misclassified);
  return { classes, bins, maxScoreSum: max, rows, scores };
}
