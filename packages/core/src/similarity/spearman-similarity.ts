import { asyncOptionsOf, enumOption, optionsOf } from '../common/internal/validate.js';
import { throwIfAborted } from '../common/errors.js';
import { toMatrix, type Matrix, type MatrixLike } from '../common/matrix.js';
import type { SimilarityOptions, SpearmanAsyncOptions, SpearmanOptions, SpearmanRank } from './similarity-options.js';
import { pearsonSteps } from './internal/pearson.js';
import { pearsonSimilarityAsync } from './pearson-similarity.js';
import { checkBackend, resolveKernel } from './internal/kernel.js';
import { checkFinite } from './internal/finite.js';
import { mergePearson } from './internal/merge.js';
import { checkWorkers, planWorkers, runAll, splitRange } from '../workers/internal/split-work.js';
import { sampleTasks } from './internal/sample-slices.js';
import { rankInWorkers } from './internal/rank-in-workers.js';
import { rankRowsSteps } from './internal/rank-steps.js';
import { centredRanksPart, RANK_SHARE, spearmanSteps } from './internal/spearman.js';
import { runSteps, runStepsAsync } from '../common/internal/steps.js';
import { wasmModuleAsync } from './internal/wasm-kernel.js';
import { WORKER_UNAVAILABLE } from '../workers/worker-pool.js';

function rankMode(options: unknown): SpearmanRank {
  return enumOption(
    optionsOf(options as SpearmanOptions).rank,
    'rank',
    ['across-samples', 'within-sample'] as const,
    'across-samples',
  );
}

function prepare(scores: MatrixLike, options: SimilarityOptions, name: string) {
  const backend = checkBackend(optionsOf(options).backend ?? undefined, name);
  const x = toMatrix(scores, { name: 'scores', allowEmpty: false });
  checkFinite(x, 'scores');
  return { x, backend };
}

/**
 * Spearman rank correlation between every pair of classes over samples: the Pearson
 * correlation ({@link pearsonSimilarity}) of the per-class ranks ({@link rankColumns},
 * ties averaged) — `scipy.stats.spearmanr(scores).statistic` for m > 2 columns. Robust to
 * monotone rescaling of each class's scores (logits or probabilities rank the same) and
 * to outliers.
 *
 * Symmetric with a unit diagonal and entries in [-1, 1]. A column whose values all tie
 * (including n = 1) gets `NaN` in its row and column, diagonal included. m = 0 gives a
 * 0 × 0 matrix.
 *
 * `rank: 'within-sample'` ranks the other way, as the Blocks paper does (Alsallakh,
 * Jourabloo, Ye, Liu & Ren, "Do Convolutional Neural Networks Learn Class Hierarchy?",
 * IEEE TVCG 24(1), 2018): each sample's m class scores become ranks 1..m (ties averaged,
 * `scipy.stats.rankdata(scores, axis=1)`), then classes are correlated across samples
 * with Pearson (`numpy.corrcoef(ranks, rowvar=False)`). Two classes then correlate when
 * they rise and fall together in each sample's ranking, whatever each sample's scale.
 * A class whose within-sample rank never varies (always on top) gets `NaN`.
 *
 * @param scores n samples × m classes, a {@link Matrix} or `number[][]`.
 * @param options `backend`; `rank`: `'across-samples'` (default, SciPy's) or
 *   `'within-sample'` (the Blocks paper's).
 * @returns m × m Float64 correlation matrix.
 * @throws `EMPTY` for no samples; `NON_FINITE` naming the first NaN/±Infinity;
 *   `NOT_A_NUMBER` for a cell that is not a number;
 *   `INVALID_SHAPE` for ragged rows; `INVALID_ARGUMENT` for a bad option or
 *   `backend: 'wasm'` where it cannot run.
 *
 * Complexity: O(n·m) expected for ranking plus O(n·m²/2) multiply-adds; O(n·m) memory.
 * Over ~50 ms of work, prefer {@link spearmanSimilarityAsync}.
 *
 * @example
 * const rho = spearmanSimilarity([[1, 10, 3], [2, 20, 1], [3, 35, 2]]);
 * rho.data[1]; // 1: classes 0 and 1 rise together
 */
export function spearmanSimilarity(scores: MatrixLike, options: SpearmanOptions = {}): Matrix {
  const rank = rankMode(options);
  const { x, backend } = prepare(scores, options, 'spearmanSimilarity');
  const kernel = resolveKernel(backend, x.rows, x.cols, 'spearmanSimilarity');
  if (rank === 'within-sample') return runSteps(pearsonSteps(runSteps(rankRowsSteps(x)), kernel));
  return runSteps(spearmanSteps(x, kernel));
}

/**
 * {@link spearmanSimilarity} without blocking the calling thread: blocks of columns are
 * ranked in a worker pool, then the centred ranks are cut by samples across the pool for
 * the correlation sums, which add up; without workers, both run in-thread in chunks. Aborting rejects
 * with an `AbortError` within one chunk and terminates the workers involved.
 *
 * @example
 * const rho = await spearmanSimilarityAsync(logits, { signal, onProgress });
 */
export async function spearmanSimilarityAsync(scores: MatrixLike, options: SpearmanAsyncOptions = {}): Promise<Matrix> {
  const o = optionsOf(options);
  const rank = rankMode(o);
  checkWorkers(o.workers ?? undefined, 'spearmanSimilarityAsync');
  const { x, backend } = prepare(scores, o, 'spearmanSimilarityAsync');
  if (rank === 'within-sample') {
    // Rank each sample's classes in-thread (O(n·m), small next to the correlation), then
    // hand the ranks to the Pearson machinery, which splits them across the worker pool.
    const { signal, onProgress } = asyncOptionsOf(o);
    const ranks = await runStepsAsync(rankRowsSteps(x), {
      signal,
      onProgress: onProgress && ((f) => onProgress(RANK_SHARE * f)),
    });
    return pearsonSimilarityAsync(ranks, {
      backend,
      workers: o.workers ?? undefined,
      signal,
      onProgress: onProgress && ((f) => onProgress(RANK_SHARE + (1 - RANK_SHARE) * f)),
    });
  }
  if (backend !== 'js') await wasmModuleAsync();
  const kernel = resolveKernel(backend, x.rows, x.cols, 'spearmanSimilarityAsync');
  const { signal, onProgress } = asyncOptionsOf(o);
  throwIfAborted(signal);
  const { rows: n, cols: m } = x;
  const plan =
    m > 0 ? await planWorkers(o.workers ?? undefined, (n * m * m) / 2 + n * m * 200, Math.ceil(m / 16)) : null;
  if (plan) {
    try {
      // Ranks, centred (rank − (n+1)/2), class-major: float32 for the wasm Gram kernel.
      const z = kernel === 'wasm' ? new Float32Array(m * n) : new Float64Array(m * n);
      const ss = new Float64Array(m);
      await rankInWorkers(
        x,
        kernel,
        plan,
        signal,
        (f) => onProgress?.(RANK_SHARE * f),
        (c0, count, r, s) => {
          z.set(r, c0 * n);
          ss.set(s, c0);
        },
        true,
      );
      // Centred globally, the slices' Gram matrices simply add up.
      const ranges = splitRange(n, sampleTasks(n, m, plan.parts), 48);
      const grams = await runAll(
        ranges.map(([k0, k1]) => (sig: AbortSignal, progress: (f: number) => void) => {
          const nk = k1 - k0;
          const slice = z instanceof Float32Array ? new Float32Array(m * nk) : new Float64Array(m * nk);
          for (let c = 0; c < m; c++) slice.set(z.subarray(c * n + k0, c * n + k1), c * nk);
          return plan.pool.run<Float64Array>(
            'similarity/gram',
            { z: slice, m, n: nk, kernel },
            {
              transfer: [slice.buffer],
              signal: sig,
              onProgress: progress,
            },
          );
        }),
        signal,
        (f) => onProgress?.(RANK_SHARE + (1 - RANK_SHARE) * f),
      );
      const gram = grams[0];
      for (let g = 1; g < grams.length; g++) for (let q = 0; q < gram.length; q++) gram[q] += grams[g][q];
      const result = mergePearson([centredRanksPart(n, ss, gram)], m);
      onProgress?.(1);
      return result;
    } catch (e) {
      if (!(e instanceof Error && e.name === WORKER_UNAVAILABLE)) throw e;
    }
  }
  const result = await runStepsAsync(spearmanSteps(x, kernel), { signal, onProgress });
  return result;
}
