import type { AsyncOptions } from '../common/async.js';
import type { WorkerPool } from '../workers/worker-pool.js';

/**
 * Which kernel computes a similarity matrix or ranks:
 * - `'wasm'`: WebAssembly SIMD (float32 products widened to float64 every 12 terms;
 *   max abs error ≤ 14·2⁻²⁴ ≈ 8.3e-7 in each correlation, whatever n). Throws
 *   `INVALID_ARGUMENT` where WebAssembly SIMD cannot run.
 * - `'js'`: scalar JavaScript, float64 throughout (≈ 1e-15), ~5× slower.
 * - `'auto'` (default): `'wasm'` where it can run (compiles, instantiates, fits in 4 GiB),
 *   else `'js'`.
 */
export type SimilarityBackend = 'auto' | 'wasm' | 'js';

/** Options of the synchronous similarity functions. */
export interface SimilarityOptions {
  /** Kernel to use; default `'auto'`. See {@link SimilarityBackend}. */
  backend?: SimilarityBackend;
}

/**
 * How {@link spearmanSimilarity} ranks the scores before correlating:
 * - `'across-samples'` (default): each class's scores are ranked over the samples, as
 *   `scipy.stats.spearmanr` does — Spearman's rank correlation of two classes' scores.
 * - `'within-sample'`: each sample's m class scores are ranked 1..m (ties averaged), then
 *   classes are correlated across samples with Pearson — the "Spearman" of the Blocks
 *   paper (Alsallakh et al., "Do Convolutional Neural Networks Learn Class Hierarchy?",
 *   IEEE TVCG 24(1), 2018): two classes correlate when they rise and fall together in
 *   each sample's ranking, whatever the sample's scale (logits and softmax probabilities
 *   rank the same).
 */
export type SpearmanRank = 'across-samples' | 'within-sample';

/** Options of {@link spearmanSimilarity}. */
export interface SpearmanOptions extends SimilarityOptions {
  /** Which values are ranked; default `'across-samples'` (SciPy's). See {@link SpearmanRank}. */
  rank?: SpearmanRank;
}

/** Options of the `*Async` similarity functions. */
export interface SimilarityAsyncOptions extends SimilarityOptions, AsyncOptions {
  /**
   * Where the work runs:
   * - `true` / omitted: split across the shared `defaultWorkerPool()` when the input is
   *   big enough to pay for it (≳ 50 ms of work), else in-thread;
   * - a number: at most that many workers of the shared pool (`0` means in-thread);
   * - a `WorkerPool`: split across that pool;
   * - `false`: in-thread.
   * "In-thread" runs in chunks of ≈ 10–50 ms with `yieldToEventLoop` between them, and is
   * also the fallback wherever workers cannot start (no worker support, a CSP, or
   * TypeScript sources run by a test runner, where `worker.js` does not exist).
   */
  workers?: boolean | number | WorkerPool;
}

/** Options of {@link spearmanSimilarityAsync}. */
export interface SpearmanAsyncOptions extends SimilarityAsyncOptions {
  /** Which values are ranked; default `'across-samples'` (SciPy's). See {@link SpearmanRank}. */
  rank?: SpearmanRank;
}
