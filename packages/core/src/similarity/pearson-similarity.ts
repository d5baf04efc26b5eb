import { asyncOptionsOf, optionsOf } from '../common/internal/validate.js';
import { throwIfAborted } from '../common/errors.js';
import { toMatrix, type Matrix, type MatrixLike } from '../common/matrix.js';
import type { SimilarityAsyncOptions, SimilarityOptions } from './similarity-options.js';
import { checkBackend, resolveKernel } from './internal/kernel.js';
import { rethrowNonFinite } from './internal/finite.js';
import { mergePearson } from './internal/merge.js';
import { checkWorkers, isShared, planWorkers, runAll, splitRange } from '../workers/internal/split-work.js';
import { sampleTasks } from './internal/sample-slices.js';
import { pearsonSteps } from './internal/pearson.js';
import type { PearsonPart } from './internal/pearson-part.js';
import { runSteps, runStepsAsync } from '../common/internal/steps.js';
import { wasmModuleAsync } from './internal/wasm-kernel.js';
import { WORKER_UNAVAILABLE } from '../workers/worker-pool.js';

function prepare(scores: MatrixLike, options: SimilarityOptions, name: string) {
  const backend = checkBackend(optionsOf(options).backend ?? undefined, name);
  // NaN/±Infinity are caught by the first pass over the data (its sums, minima and maxima
  // show them), before any correlation work; see rethrowNonFinite.
  const x = toMatrix(scores, { name: 'scores', allowEmpty: false });
  return { x, backend };
}

/**
 * Pearson correlation between every pair of classes over samples: entry (i, j) of the
 * m × m result is the correlation of score columns i and j across the n samples
 * (Alsallakh et al., "Do Convolutional Neural Networks Learn Class Hierarchy?", IEEE
 * VIS 2017, use it on logits to find which classes a classifier confuses; pass logits,
 * not softmax probabilities, whose sum-to-one constraint adds spurious negative
 * correlation). Equals `numpy.corrcoef(scores, rowvar=False)`.
 *
 * The result is symmetric with a unit diagonal and entries in [-1, 1]. A column whose
 * values are all identical (including n = 1) has no defined correlation: its whole row
 * and column, diagonal included, are `NaN`. m = 0 gives a 0 × 0 matrix.
 *
 * Method: columns are centred (and scaled by an exact power of two, so that no finite
 * input overflows) and transposed; only the lower triangle of the Gram matrix is
 * computed, by a cache-blocked, register-tiled kernel — WebAssembly SIMD by default
 * (float32 products with float64 accumulation every 12 terms: max abs error ≤ 8.3e-7),
 * or scalar float64 JavaScript (`backend: 'js'`). See `docs/core/similarity.md`.
 *
 * @param scores n samples × m classes (logits), a {@link Matrix} or `number[][]`.
 * @returns m × m Float64 correlation matrix.
 * @throws `EMPTY` for no samples; `NON_FINITE` naming the first NaN/±Infinity (a NaN
 *   logit means a broken export: never skipped; found by the first pass over the data,
 *   whose sums and extremes reveal it, before any correlation work); `INVALID_SHAPE` for ragged rows;
 *   `INVALID_ARGUMENT` for a bad option or `backend: 'wasm'` where it cannot run.
 *
 * Complexity: O(n·m²/2) multiply-adds, O(n·m) extra memory (float32 with wasm).
 * Over ~50 ms of work, prefer {@link pearsonSimilarityAsync}.
 *
 * @example
 * const r = pearsonSimilarity([[2.1, 0.3, -1], [1.9, 0.1, -0.8], [0.2, 1.7, 0.4]]);
 * r.data[0 * 3 + 1]; // correlation of classes 0 and 1
 */
export function pearsonSimilarity(scores: MatrixLike, options: SimilarityOptions = {}): Matrix {
  const { x, backend } = prepare(scores, options, 'pearsonSimilarity');
  const kernel = resolveKernel(backend, x.rows, x.cols, 'pearsonSimilarity');
  try {
    return runSteps(pearsonSteps(x, kernel));
  } catch (e) {
    rethrowNonFinite(e, x, 'scores');
  }
}

/**
 * {@link pearsonSimilarity} without blocking the calling thread: samples are split into
 * slices run on a worker pool (each slice is copied and transferred to a worker, which
 * returns its partial sums; the parts are merged exactly), or, without workers, computed in-thread in
 * chunks of ≈ 10–50 ms. Scores whose `data` lives on a `SharedArrayBuffer` are read by the
 * workers in place, saving the copies. Aborting rejects with an `AbortError` within one chunk and
 * terminates the workers involved. Same result as the synchronous form up to rounding in
 * the last bits when the work is split.
 *
 * @param options `signal`, `onProgress(fraction)`, `workers` (see
 *   {@link SimilarityAsyncOptions}) and `backend`.
 * @throws (rejects) the errors of {@link pearsonSimilarity}, before any work; `AbortError`.
 *
 * @example
 * const ac = new AbortController();
 * const r = await pearsonSimilarityAsync(logits, { signal: ac.signal, onProgress: (f) => bar.value = f });
 */
export async function pearsonSimilarityAsync(
  scores: MatrixLike,
  options: SimilarityAsyncOptions = {},
): Promise<Matrix> {
  const o = optionsOf(options);
  checkWorkers(o.workers ?? undefined, 'pearsonSimilarityAsync');
  const { x, backend } = prepare(scores, o, 'pearsonSimilarityAsync');
  if (backend !== 'js') await wasmModuleAsync();
  const kernel = resolveKernel(backend, x.rows, x.cols, 'pearsonSimilarityAsync');
  const { signal, onProgress } = asyncOptionsOf(o);
  throwIfAborted(signal);
  const n = x.rows;
  const m = x.cols;
  const plan = m > 0 ? await planWorkers(o.workers ?? undefined, (n * m * m) / 2, Math.floor(n / 48) || 1) : null;
  if (plan) {
    try {
      const ranges = splitRange(n, sampleTasks(n, m, plan.parts), 48);
      const parts = await runAll(
        ranges.map(([r0, r1]) => (sig: AbortSignal, progress: (f: number) => void) => {
          const run = { signal: sig, onProgress: progress };
          // Shared memory is read in place; otherwise each worker gets a copy of its rows
          // (transferred, not copied again), so the caller's array is never detached.
          if (isShared(x.data)) {
            return plan.pool.run<PearsonPart[]>('similarity/pearson-part', { data: x.data, m, r0, r1, kernel }, run);
          }
          const data = x.data.slice(r0 * m, r1 * m);
          return plan.pool.run<PearsonPart[]>(
            'similarity/pearson-part',
            { data, m, kernel },
            {
              ...run,
              transfer: [data.buffer as ArrayBuffer],
            },
          );
        }),
        signal,
        onProgress,
      );
      const result = mergePearson(parts.flat(), m);
      onProgress?.(1);
      return result;
    } catch (e) {
      if (!(e instanceof Error && e.name === WORKER_UNAVAILABLE)) rethrowNonFinite(e, x, 'scores');
    }
  }
  try {
    const result = await runStepsAsync(pearsonSteps(x, kernel), { signal, onProgress });
    return result;
  } catch (e) {
    rethrowNonFinite(e, x, 'scores');
  }
}
