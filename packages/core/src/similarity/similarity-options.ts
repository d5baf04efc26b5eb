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
   * TypeScript sources run by a test runner, where `worker-entry.js` does not exist).
   */
  workers?: boolean | number | WorkerPool;
}
