// Fuzz properties of the projection area (issue 8, "done when"): random hostile inputs
// give a coded error or a correct result, within a time bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pca, pcaModel, trustworthiness, tsne } from '../../src/index.js';
import {
  codedOrCorrect,
  codedOrCorrectAsync,
  FUZZ_RUNS,
  hostileMatrix,
  hostileNumber,
  hostileOptions,
  hostileScalar,
} from '../hostile.js';

const cell = fc.oneof(
  { weight: 6, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(1e300, -1e300, 1e-300, -1e-300) },
);
const data = fc
  .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 4 }))
  .chain(([r, c]) => hostileMatrix(r, c, cell));

describe('projection on random hostile input — property', () => {
  it('pca, pcaModel: a coded error or finite scores with unit, orthogonal axes', () => {
    fc.assert(
      fc.property(data, hostileScalar, (x, k) => {
        codedOrCorrect(
          () => pcaModel(x as number[][], k as number),
          (m) => {
            m.scores.data.forEach((v) => expect(Number.isFinite(v)).toBe(true));
            const { rows: kk, cols: d, data: v } = m.components;
            for (let a = 0; a < kk; a++) {
              for (let b = 0; b < kk; b++) {
                let dot = 0;
                for (let j = 0; j < d; j++) dot += v[a * d + j] * v[b * d + j];
                expect(dot).toBeCloseTo(a === b ? 1 : 0, 6);
              }
            }
            m.explainedVarianceRatio.forEach((r) =>
              expect(Number.isNaN(r) || (r >= -1e-12 && r <= 1 + 1e-12)).toBe(true),
            );
          },
        );
        codedOrCorrect(
          () => pca(x as number[][], k as number),
          (s) => expect(s.cols).toBe(k),
        );
      }),
      FUZZ_RUNS,
    );
  });

  it('trustworthiness: a coded error or a value in [0, 1]', () => {
    fc.assert(
      fc.property(data, data, hostileScalar, (high, low, k) =>
        codedOrCorrect(
          () => trustworthiness(high as number[][], low as number[][], k as number),
          (t) => expect(t >= 0 && t <= 1).toBe(true),
        ),
      ),
      FUZZ_RUNS,
    );
  });

  it('tsne: a coded error (as a rejection) or finite coordinates for every row', async () => {
    const options = hostileOptions(
      [
        'perplexity',
        'iterations',
        'theta',
        'seed',
        'earlyExaggeration',
        'exaggerationIterations',
        'learningRate',
        'init',
        'method',
      ],
      fc.constantFrom<unknown>(2, 5, 20, 0.5, 'random', 'pca', 'exact', 'barnes-hut', 'auto', 12),
    ).map((o) =>
      // Keep accepted runs short: a valid iteration count is capped here (hostile ones pass through).
      o &&
      typeof o === 'object' &&
      typeof (o as { iterations?: unknown }).iterations === 'number' &&
      (o as { iterations: number }).iterations <= 1e6
        ? { ...(o as object), iterations: Math.min(30, (o as { iterations: number }).iterations) }
        : o && typeof o === 'object'
          ? { iterations: 30, ...(o as object) }
          : o,
    );
    await fc.assert(
      fc.asyncProperty(data, options, async (x, o) =>
        codedOrCorrectAsync(
          () => tsne(x as number[][], o as object),
          (y) => {
            expect(y.cols).toBe(2);
            expect(y.rows).toBe((x as unknown[]).length);
            y.data.forEach((v) => expect(Number.isFinite(v)).toBe(true));
          },
        ),
      ),
      { numRuns: 80 },
    );
  });
});
