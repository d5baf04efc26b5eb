import { asyncOptionsOf, optionsOf } from '../common/internal/validate.js';
import { throwIfAborted } from '../common/errors.js';
import { toMatrix, type Matrix, type MatrixLike } from '../common/matrix.js';
import type { SimilarityAsyncOptions, SimilarityOptions } from './similarity-options.js';
import { scatterColumns } from './internal/rank-column-blocks.js';
import { checkBackend, resolveKernel } from './internal/kernel.js';
import { checkFinite } from './internal/finite.js';
import { checkWorkers, planWorkers } from '../workers/internal/split-work.js';
import { rankInWorkers } from './internal/rank-in-workers.js';
import { rankColumnsSteps } from './internal/rank-steps.js';
import { runSteps, runStepsAsync } from '../common/internal/steps.js';
import { wasmModuleAsync } from './internal/wasm-kernel.js';
import { WORKER_UNAVAILABLE } from '../workers/worker-pool.js';

function prepare(scores: MatrixLike, options: SimilarityOptions, name: string) {
  const backend = checkBackend(optionsOf(options).backend ?? undefined, name);
  const x = toMatrix(scores, { name: 'scores' });
  checkFinite(x, 'scores');
  return { x, backend };
}

/**
 * Ranks the values of each column separately: entry (r, c) of the result is the rank of
 * `scores[r][c]` among column c's n values, from 1 (smallest) to n, ties getting the mean
 * of the ranks they span — `scipy.stats.rankdata(scores, axis=0)` (method 'average').
 * This is the ranking step of {@link spearmanSimilarity}.
 *
 * Degenerate cases: zero rows give a 0 × m matrix; a constant column ranks (n + 1) / 2
 * everywhere; -0 ties with 0.
 *
 * Method: the WebAssembly kernel LSD-radix-sorts each column on the IEEE-754 bits (three
 * 11-bit passes over the high half of an order-preserving key, then the low half where
 * the high halves tie); the JavaScript kernel distributes each column into n buckets
 * between its minimum and maximum and sorts the buckets. Both are O(n) per column and
 * give identical ranks (`backend` chooses).
 *
 * @param scores n × m, a {@link Matrix} or `number[][]`.
 * @returns n × m Float64 matrix of ranks, row-major like the input.
 * @throws `NON_FINITE` naming the first NaN/±Infinity; `INVALID_SHAPE` for ragged rows;
 *   `INVALID_ARGUMENT` for a bad `backend`.
 *
 * Complexity: O(n·m) expected time, O(n·m) output plus O(16·n) scratch.
 *
 * @example
 * rankColumns([[3, 1], [1, 1], [2, 5]]).data; // Float64Array [3, 1.5, 1, 1.5, 2, 3]
 */
export function rankColumns(scores: MatrixLike, options: SimilarityOptions = {}): Matrix {
  const { x, backend } = prepare(scores, options, 'rankColumns');
  const kernel = resolveKernel(backend, 1, 1, 'rankColumns');
  return runSteps(rankColumnsSteps(x, kernel));
}

/**
 * {@link rankColumns} without blocking the calling thread: blocks of columns are ranked
 * in a worker pool (copied out class-major and transferred) or, without workers,
 * in-thread in chunks of about 3·10⁶ values. Aborting rejects with an `AbortError` within one
 * chunk and terminates the workers involved. Identical result to the synchronous form.
 *
 * @example
 * const ranks = await rankColumnsAsync(scores, { signal, onProgress });
 */
export async function rankColumnsAsync(scores: MatrixLike, options: SimilarityAsyncOptions = {}): Promise<Matrix> {
  const o = optionsOf(options);
  checkWorkers(o.workers ?? undefined, 'rankColumnsAsync');
  const { x, backend } = prepare(scores, o, 'rankColumnsAsync');
  if (backend !== 'js') await wasmModuleAsync();
  const kernel = resolveKernel(backend, 1, 1, 'rankColumnsAsync');
  const { signal, onProgress } = asyncOptionsOf(o);
  throwIfAborted(signal);
  const { rows: n, cols: m } = x;
  const plan = n > 0 && m > 0 ? await planWorkers(o.workers ?? undefined, n * m * 200, Math.ceil(m / 16)) : null;
  if (plan) {
    try {
      const out = new Float64Array(n * m);
      await rankInWorkers(x, kernel, plan, signal, onProgress, (c0, count, ranks) =>
        scatterColumns(ranks as Float64Array, n, count, out, m, c0),
      );
      onProgress?.(1);
      return { rows: n, cols: m, data: out };
    } catch (e) {
      if (!(e instanceof Error && e.name === WORKER_UNAVAILABLE)) throw e;
    }
  }
  const result = await runStepsAsync(rankColumnsSteps(x, kernel), { signal, onProgress });
  return result;
}
