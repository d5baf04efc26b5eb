// Fuzz properties of the similarity area (issue 8, "done when"): random hostile inputs
// give a coded error or a correct result, within a time bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cooccurrence,
  pearsonSimilarity,
  pearsonSimilarityAsync,
  rankColumns,
  spearmanSimilarity,
  spearmanSimilarityAsync,
  type Key,
  type Matrix,
} from '../../src/index.js';
import {
  codedOrCorrect,
  codedOrCorrectAsync,
  FUZZ_RUNS,
  hostileArray,
  hostileKey,
  hostileMatrix,
  hostileNumber,
  hostileOptions,
  hostileScalar,
} from '../hostile.js';

const scores = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 5 }))
  .chain(([r, c]) => hostileMatrix(r, c));
/** A big-magnitude column now and then: pearson scales per column, so 1e300 must work. */
const wide = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 4 }))
  .chain(([r, c]) => hostileMatrix(r, c, fc.oneof(hostileNumber, fc.constantFrom(1e300, -1e300, 1e-300, 3e307))));
const simOptions = hostileOptions(['backend'], fc.constantFrom<unknown>('js', 'wasm', 'auto'));

/** A correlation matrix: symmetric, entries in [-1, 1] or NaN, NaN rows exactly the constant columns. */
function expectCorrelation(r: Matrix): void {
  const m = r.rows;
  expect(r.cols).toBe(m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const v = r.data[i * m + j];
      const w = r.data[j * m + i];
      if (Number.isNaN(v)) expect(w).toBeNaN();
      else {
        expect(Math.abs(v)).toBeLessThanOrEqual(1 + 1e-6);
        expect(Math.abs(v - w)).toBeLessThanOrEqual(1e-6);
        if (i === j) expect(v).toBeCloseTo(1, 5);
      }
    }
  }
}

describe('similarity on random hostile input — property', () => {
  it('pearsonSimilarity, spearmanSimilarity, rankColumns: a coded error or a correlation matrix', () => {
    fc.assert(
      fc.property(fc.oneof(scores, wide), simOptions, (x, options) => {
        codedOrCorrect(() => pearsonSimilarity(x as number[][], options as object), expectCorrelation);
        codedOrCorrect(() => spearmanSimilarity(x as number[][], options as object), expectCorrelation);
        codedOrCorrect(
          () => rankColumns(x as number[][], options as object),
          (r) => {
            // Each column's ranks sum to n(n + 1)/2.
            for (let c = 0; c < r.cols; c++) {
              let s = 0;
              for (let i = 0; i < r.rows; i++) s += r.data[i * r.cols + c];
              expect(s).toBeCloseTo((r.rows * (r.rows + 1)) / 2, 9);
            }
          },
        );
      }),
      FUZZ_RUNS,
    );
  });

  it('the async forms: a coded error (as a rejection) or a correlation matrix', async () => {
    await fc.assert(
      fc.asyncProperty(
        scores,
        hostileOptions(['backend', 'workers'], fc.constantFrom<unknown>('js', false, 0)),
        async (x, options) => {
          await codedOrCorrectAsync(
            () => pearsonSimilarityAsync(x as number[][], options as object),
            expectCorrelation,
          );
          await codedOrCorrectAsync(
            () => spearmanSimilarityAsync(x as number[][], options as object),
            expectCorrelation,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('cooccurrence: a coded error or a symmetric matrix of counts', () => {
    fc.assert(
      fc.property(
        hostileArray(hostileArray(hostileKey, 2), 5),
        fc.oneof(fc.constantFrom<unknown>(['a', 'b', 'c'], [0, 1, 2]), hostileScalar),
        hostileOptions(['normalize'], fc.constantFrom<unknown>('jaccard', 'cosine', 'count')),
        (sets, classes, options) =>
          codedOrCorrect(
            () => cooccurrence(sets as Key[][], classes as Key[], options as object),
            (c) => {
              const m = c.rows;
              for (let i = 0; i < m; i++)
                for (let j = 0; j < m; j++)
                  expect(
                    Object.is(c.data[i * m + j], c.data[j * m + i]) || c.data[i * m + j] === c.data[j * m + i],
                  ).toBe(true);
            },
          ),
      ),
      FUZZ_RUNS,
    );
  });
});
