// The in-thread ranking steps: every column among its samples (rankColumns, SciPy's
// Spearman), or every row among its classes (the Blocks paper's within-sample Spearman).
import type { Matrix } from '../../common/matrix.js';
import type { Steps } from '../../common/internal/steps.js';
import { columnRanker, gatherColumns, rankBlockSize, scatterColumns } from './rank-column-blocks.js';
import type { Kernel } from './pearson-part.js';
import { RankScratch } from './rank-js.js';

/** Average ranks of every column of `x`, row-major like `x`, in-thread. */
export function* rankColumnsSteps(x: Matrix, kernel: Kernel): Steps<Matrix> {
  const { rows: n, cols: m } = x;
  const out = new Float64Array(n * m);
  if (n === 0 || m === 0) return { rows: n, cols: m, data: out };
  const B = rankBlockSize(n, m);
  const ranker = columnRanker(n, B, kernel);
  const ss = new Float64Array(B);
  try {
    for (let c0 = 0; c0 < m; c0 += B) {
      const count = Math.min(B, m - c0);
      gatherColumns(x, c0, count, ranker.input);
      ranker.rank(count, ss);
      scatterColumns(ranker.output as Float64Array, n, count, out, m, c0);
      if (c0 + count < m) yield (c0 + count) / m;
    }
  } finally {
    ranker.release();
  }
  return { rows: n, cols: m, data: out };
}

/**
 * Average ranks of every row of `x` among its own m values (1..m, ties averaged:
 * `scipy.stats.rankdata(x, axis=1)`), row-major like `x`, in-thread — the within-sample
 * ranking of the Blocks paper. O(n·m) expected (the bucket ranker of `RankScratch`).
 */
export function* rankRowsSteps(x: Matrix): Steps<Matrix> {
  const { rows: n, cols: m } = x;
  const out = new Float64Array(n * m);
  if (n === 0 || m === 0) return { rows: n, cols: m, data: out };
  const scratch = new RankScratch(m);
  // Float32 rows are widened into one reused buffer; float64 rows are read in place.
  const row = x.data instanceof Float64Array ? null : new Float64Array(m);
  const chunk = Math.max(1, Math.floor(2e6 / m));
  for (let i = 0; i < n; i++) {
    if (row) {
      row.set(x.data.subarray(i * m, (i + 1) * m));
      scratch.rank(row, 0, out, i * m, 1);
    } else scratch.rank(x.data as Float64Array, i * m, out, i * m, 1);
    if ((i + 1) % chunk === 0 && i + 1 < n) yield (i + 1) / n;
  }
  return { rows: n, cols: m, data: out };
}
