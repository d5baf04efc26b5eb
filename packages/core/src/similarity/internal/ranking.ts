import type { Matrix } from '../../common/matrix.js';
import { columnRanker, gatherColumns, rankBlockSize, scatterColumns } from './column-ranker.js';
import { mergePearson } from './merge.js';
import type { Kernel } from './pearson-part.js';
import { pearsonColumnPartsSteps } from './pearson.js';
import { scaleSteps, type Steps } from './steps.js';

/** Average ranks of every column of `x`, row-major like `x`, in-thread. */
export function* rankColumnsSteps(x: Matrix, kernel: Kernel): Steps<Matrix> {
  const { rows: n, cols: m } = x;
  const out = new Float64Array(n * m);
  if (n === 0 || m === 0) return { rows: n, cols: m, data: out };
  const B = rankBlockSize(m);
  const ranker = columnRanker(n, B, kernel);
  const ss = new Float64Array(B);
  for (let c0 = 0; c0 < m; c0 += B) {
    const count = Math.min(B, m - c0);
    gatherColumns(x, c0, count, ranker.input);
    ranker.rank(count, ss);
    scatterColumns(ranker.output, n, count, out, m, c0);
    if (c0 + count < m) yield (c0 + count) / m;
  }
  return { rows: n, cols: m, data: out };
}

/** Average ranks of every column of `x`, class-major (column c at [c·n, (c+1)·n)). */
export function* rankClassMajorSteps(x: Matrix, kernel: Kernel): Steps<Float64Array> {
  const { rows: n, cols: m } = x;
  const ranks = new Float64Array(n * m);
  if (n === 0 || m === 0) return ranks;
  const B = rankBlockSize(m);
  const ranker = columnRanker(n, B, kernel);
  const ss = new Float64Array(B);
  for (let c0 = 0; c0 < m; c0 += B) {
    const count = Math.min(B, m - c0);
    gatherColumns(x, c0, count, ranker.input);
    ranker.rank(count, ss);
    ranks.set(ranker.output.subarray(0, count * n), c0 * n);
    if (c0 + count < m) yield (c0 + count) / m;
  }
  return ranks;
}

/** Share of Spearman's time spent ranking (progress weighting only). */
export const RANK_SHARE = 0.4;

/** Spearman correlations of a validated, non-empty `x`, in-thread: Pearson on ranks. */
export function* spearmanSteps(x: Matrix, kernel: Kernel): Steps<Matrix> {
  const { rows: n, cols: m } = x;
  const ranks = yield* scaleSteps(rankClassMajorSteps(x, kernel), 0, RANK_SHARE);
  const parts = yield* scaleSteps(pearsonColumnPartsSteps(ranks, n, m, 0, n, kernel), RANK_SHARE, 1);
  return mergePearson(parts, m);
}
