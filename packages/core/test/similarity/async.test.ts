// The *Async forms in-thread: what runs under vitest on the TypeScript sources, where
// workers cannot start (worker-entry.js does not exist next to worker-pool.ts), and what
// `workers: false` asks for. The worker path is tested on built JS in test/workers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  pearsonSimilarity,
  pearsonSimilarityAsync,
  rankColumns,
  rankColumnsAsync,
  spearmanSimilarity,
  spearmanSimilarityAsync,
  type Matrix,
} from '../../src/index.js';
import { defaultWorkerPool } from '../../src/workers/index.js';
import { logits } from './helpers.js';

type AsyncFn = (x: Matrix, o: Parameters<typeof pearsonSimilarityAsync>[1]) => Promise<Matrix>;
const pairs: Array<[string, (x: Matrix) => Matrix, AsyncFn]> = [
  ['pearsonSimilarityAsync', (x) => pearsonSimilarity(x), pearsonSimilarityAsync],
  ['spearmanSimilarityAsync', (x) => spearmanSimilarity(x), spearmanSimilarityAsync],
  ['rankColumnsAsync', (x) => rankColumns(x), rankColumnsAsync],
];

// Big enough to need several chunks: m = 600 → k-chunks of 672 samples for the Gram, and
// 38 blocks of 16 columns for the ranks.
const big = logits(1500, 600, 42);

describe('*Async(scores, { workers: false }) in-thread', () => {
  for (const [name, sync, async] of pairs) {
    it(`${name} equals the synchronous result bit for bit and reports rising progress ending at 1`, async () => {
      const seen: number[] = [];
      const r = await async(big, { workers: false, onProgress: (f) => seen.push(f) });
      expect(Array.from(r.data)).toEqual(Array.from(sync(big).data));
      expect(seen.length).toBeGreaterThan(2);
      expect(seen.at(-1)).toBe(1);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
      expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
    });
    it(`${name} rejects with an AbortError at once for an aborted signal`, async () => {
      const ac = new AbortController();
      ac.abort();
      await expect(async(big, { signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
    });
  }
});

describe('*Async(scores, { signal }) aborting mid-way', () => {
  it('rejects with AbortError within one chunk of the abort, whenever it comes, and reports nothing after', async () => {
    const x = logits(800, 400, 3);
    // Progress reports of a full run (the last one, 1, comes after the result is ready).
    const counts: number[] = [];
    for (const [, , f] of pairs) {
      let c = 0;
      await f(x, { workers: false, onProgress: () => c++ });
      counts.push(c);
    }
    expect(Math.min(...counts)).toBeGreaterThan(2);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (which, at) => {
          const after = 1 + Math.min(counts[which] - 2, Math.floor(at * (counts[which] - 1)));
          const ac = new AbortController();
          let calls = 0;
          let afterAbort = 0;
          const p = pairs[which][2](x, {
            workers: false,
            signal: ac.signal,
            onProgress: () => {
              if (ac.signal.aborted) afterAbort++;
              if (++calls === after) ac.abort();
            },
          });
          await expect(p).rejects.toMatchObject({ name: 'AbortError' });
          expect(afterAbort).toBe(0);
        },
      ),
      { numRuns: 24 },
    );
  });
  it('passes an AbortError given as the reason through unchanged', async () => {
    const ac = new AbortController();
    const reason = new DOMException('user left the page', 'AbortError');
    const p = pearsonSimilarityAsync(big, { workers: false, signal: ac.signal, onProgress: () => ac.abort(reason) });
    await expect(p).rejects.toBe(reason);
  });
});

describe('*Async(scores) with the default pool where workers cannot start', () => {
  it('falls back to in-thread chunks and gives the synchronous result', async () => {
    // 1500 × 600²/2 ≈ 2.7e8 multiply-adds: under the threshold; make it bigger.
    const x = logits(2000, 600, 5);
    const r = await pearsonSimilarityAsync(x);
    expect(Array.from(r.data)).toEqual(Array.from(pearsonSimilarity(x).data));
    expect(defaultWorkerPool().unavailableReason).not.toBe('');
    expect(defaultWorkerPool().workerCount).toBe(0);
  });
});
