// Worker tasks of the similarity area, registered by src/worker.ts (the worker entry) through
// registerSimilarityTasks() — a call rather than import side effects, so that bundlers
// honouring `"sideEffects": false` cannot drop it. Each handler is the in-thread code
// path run on a slice.
import { registerTask } from '../../workers/task-registry.js';
import type { Kernel, PearsonPart } from './pearson-part.js';
import { pearsonPartsSteps } from './pearson.js';
import { gramOfColumnsSteps } from './pearson-part.js';
import type { Steps } from '../../common/internal/steps.js';
import { columnRanker, gatherColumns, rankBlockSize } from './rank-column-blocks.js';
import type { Matrix } from '../../common/matrix.js';
import { wasmModule } from './wasm-kernel.js';

function usable(kernel: Kernel): Kernel {
  return kernel === 'wasm' && wasmModule() === null ? 'js' : kernel;
}

function drive<T>(steps: Steps<T>, progress: (f: number) => void): T {
  let r = steps.next();
  while (!r.done) {
    progress(r.value);
    r = steps.next();
  }
  return r.value;
}

function transferParts(parts: PearsonPart[], transfer: (...b: ArrayBuffer[]) => void): PearsonPart[] {
  for (const p of parts) {
    for (const a of [p.mean, p.m2, p.exp, p.constant, p.first, p.gram]) transfer(a.buffer as ArrayBuffer);
  }
  return parts;
}

/** Registers the similarity tasks (idempotent). */
export function registerSimilarityTasks(): void {
  /** Rows [r0, r1) (default: all) of row-major scores → their Pearson parts. */
  registerTask(
    'similarity/pearson-part',
    (p: { data: Float32Array | Float64Array; m: number; r0?: number; r1?: number; kernel: Kernel }, ctx) => {
      const rows = p.m > 0 ? p.data.length / p.m : 0;
      const parts = drive(pearsonPartsSteps(p.data, p.m, p.r0 ?? 0, p.r1 ?? rows, usable(p.kernel)), ctx.progress);
      return transferParts(parts, ctx.transfer);
    },
  );

  /** Class-major centred values (m rows × n samples) → the packed triangle of their Gram matrix. */
  registerTask(
    'similarity/gram',
    (p: { z: Float32Array | Float64Array; m: number; n: number; kernel: Kernel }, ctx) => {
      const kernel = p.z instanceof Float32Array ? usable(p.kernel) : 'js';
      const gram = drive(gramOfColumnsSteps(p.z, p.n, p.m, kernel), ctx.progress);
      ctx.transfer(gram.buffer as ArrayBuffer);
      return gram;
    },
  );

  /**
   * Class-major columns (count × n), or columns [c0, c0 + count) of shared row-major
   * scores → their average ranks (same layout; `centred`: rank − (n+1)/2, float32 from
   * the wasm kernel) and Σ (rank − mean)².
   */
  registerTask(
    'similarity/rank',
    (
      p: {
        data?: Float64Array;
        x?: Matrix;
        c0?: number;
        n: number;
        count: number;
        kernel: Kernel;
        centred?: boolean;
      },
      ctx,
    ) => {
      const { data, x, n, count } = p;
      const ranker = columnRanker(n, rankBlockSize(n, count), usable(p.kernel), p.centred);
      const ranks = ranker.output instanceof Float32Array ? new Float32Array(count * n) : new Float64Array(count * n);
      const ss = new Float64Array(count);
      const tmp = new Float64Array(ranker.block);
      try {
        for (let c0 = 0; c0 < count; c0 += ranker.block) {
          const k = Math.min(ranker.block, count - c0);
          // Shared scores are gathered here, in the worker; otherwise the caller sent a
          // class-major copy of the columns.
          if (x) gatherColumns(x, (p.c0 ?? 0) + c0, k, ranker.input);
          else ranker.input.set(data!.subarray(c0 * n, (c0 + k) * n));
          ranker.rank(k, tmp);
          ranks.set(ranker.output.subarray(0, k * n), c0 * n);
          ss.set(tmp.subarray(0, k), c0);
          ctx.progress((c0 + k) / count);
        }
      } finally {
        ranker.release();
      }
      ctx.transfer(ranks.buffer, ss.buffer);
      return { ranks, ss };
    },
  );
}
