import type { Matrix } from '../../common/matrix.js';
import type { WorkerPool } from '../../workers/worker-pool.js';
import { gatherColumns, rankBlockSize } from './rank-column-blocks.js';
import { isShared, runAll } from '../../workers/internal/split-work.js';
import type { Kernel } from './pearson-part.js';

/**
 * Ranks the columns of `x` in workers: columns go out in class-major blocks (copies,
 * transferred; or, for scores on a SharedArrayBuffer, workers gather them in place), several blocks per worker so that the calling thread gathers the next
 * block while workers rank the previous ones; `onBlock` receives each block's ranks
 * (class-major, `count` × n; with `centred`, rank − (n+1)/2 as in {@link columnRanker})
 * and their sums of squared deviations as they arrive.
 */
export async function rankInWorkers(
  x: Matrix,
  kernel: Kernel,
  plan: { pool: WorkerPool; parts: number },
  signal: AbortSignal | undefined,
  onProgress: ((f: number) => void) | undefined,
  onBlock: (c0: number, count: number, ranks: Float64Array | Float32Array, ss: Float64Array) => void,
  centred = false,
): Promise<void> {
  const { rows: n, cols: m } = x;
  const per = Math.max(rankBlockSize(n, m), Math.ceil(m / (plan.parts * 4)));
  const blocks: Array<[number, number]> = [];
  for (let c0 = 0; c0 < m; c0 += per) blocks.push([c0, Math.min(per, m - c0)]);
  await runAll(
    blocks.map(([c0, count]) => async (sig: AbortSignal, progress: (f: number) => void) => {
      type Out = { ranks: Float64Array | Float32Array; ss: Float64Array };
      let r: Out;
      if (isShared(x.data)) {
        // Workers read shared scores in place and gather their columns themselves.
        const shared = { rows: n, cols: m, data: x.data };
        r = await plan.pool.run<Out>(
          'similarity/rank',
          { x: shared, c0, n, count, kernel, centred },
          { signal: sig, onProgress: progress },
        );
      } else {
        const data = new Float64Array(count * n);
        gatherColumns(x, c0, count, data);
        r = await plan.pool.run<Out>(
          'similarity/rank',
          { data, n, count, kernel, centred },
          {
            transfer: [data.buffer],
            signal: sig,
            onProgress: progress,
          },
        );
      }
      onBlock(c0, count, r.ranks, r.ss);
      progress(1);
    }),
    signal,
    onProgress,
  );
}
