// How the Pearson and Spearman `…Async` forms cut their samples into worker tasks.

/** Multiply-adds per worker task (≈ 300 ms with the SIMD kernel). */
const TASK_MULADDS = 4e9;

/**
 * How many tasks to cut n samples × m classes of Gram work into for `parts` workers:
 * several per worker, so that the calling thread copies the next slice while workers
 * compute (and a slow worker does not hold up the end), but each big enough that its
 * m × m partial result (transferred back and merged) stays a small overhead.
 */
export function sampleTasks(n: number, m: number, parts: number): number {
  // A multiple of `parts`, so that the workers finish together rather than one of them
  // computing the last slice alone.
  const byWork = Math.ceil((n * m * m) / 2 / TASK_MULADDS / parts) * parts;
  return Math.max(1, Math.min(8 * parts, Math.max(parts, byWork), Math.floor(n / 48)));
}
