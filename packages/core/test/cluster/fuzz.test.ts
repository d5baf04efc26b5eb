// Fuzz properties of the cluster area (issue 8, "done when"): random hostile inputs give
// a coded error or a correct result, within a time bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  condensed,
  cophenetic,
  copheneticCorrelation,
  cutTree,
  fuzzyCMeans,
  hclust,
  optimalLeafOrdering,
  similarityToDistance,
  squareform,
  type HclustTree,
} from '../../src/index.js';
import {
  codedOrCorrect,
  FUZZ_RUNS,
  hostileArray,
  hostileMatrix,
  hostileNumber,
  hostileOptions,
  hostileScalar,
} from '../hostile.js';

/** Mostly valid symmetric distance matrices (any magnitude), sometimes hostile. */
const distances = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 7 }), fc.constantFrom(1, 1e300, 1e-300, 1e200)).chain(([n, scale]) =>
      fc
        .array(fc.double({ min: 0, max: 10, noNaN: true }), {
          minLength: (n * (n - 1)) / 2,
          maxLength: (n * (n - 1)) / 2,
        })
        .map((c) => {
          const d = Array.from({ length: n }, () => new Array<number>(n).fill(0));
          let k = 0;
          for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) d[i][j] = d[j][i] = c[k++] * scale;
          return d;
        }),
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5 }).chain((n) => hostileMatrix(n, n)) },
  { weight: 1, arbitrary: hostileArray(hostileNumber, 6) },
);
const hclustOptions = hostileOptions(
  ['linkage', 'optimalOrdering', 'nan', 'symmetryTolerance'],
  fc.constantFrom<unknown>('single', 'complete', 'average', 'ward', true, 'scipy', 'max'),
);

/** A valid dendrogram: n − 1 merges, heights non-negative, leaf order a permutation. */
function expectTree(t: HclustTree, n: number): void {
  expect(t.merges.length).toBe(Math.max(0, n - 1));
  expect([...t.order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  for (const [a, b, h, size] of t.merges) {
    expect(a).not.toBe(b);
    expect(h).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(h)).toBe(false);
    expect(size).toBeGreaterThanOrEqual(2);
  }
}

describe('cluster on random hostile input — property', () => {
  it('hclust, cutTree, cophenetic, copheneticCorrelation, optimalLeafOrdering: a coded error or a valid tree', () => {
    fc.assert(
      fc.property(distances, hclustOptions, hostileScalar, (d, options, k) => {
        const n = Array.isArray(d) ? d.length : 0;
        let tree: HclustTree | undefined;
        codedOrCorrect(
          () => hclust(d as number[][], options as object),
          (t) => {
            expectTree(t, n);
            const linkage = (options as { linkage?: string })?.linkage;
            // Monotone linkages: heights never decrease.
            if (linkage !== 'ward' && linkage !== 'centroid') {
              for (let s = 1; s < t.merges.length; s++)
                expect(t.merges[s][2]).toBeGreaterThanOrEqual(t.merges[s - 1][2]);
            }
            tree = t;
          },
        );
        if (!tree) return;
        const t = tree;
        codedOrCorrect(
          () => cutTree(t, k as number),
          // === so that k = -0 (an empty tree) matches a size of 0.
          (labels) => expect(new Set(labels).size === k).toBe(true),
        );
        codedOrCorrect(
          () => cophenetic(t),
          (c) => c.data.forEach((v) => expect(Number.isFinite(v)).toBe(true)),
        );
        codedOrCorrect(
          () => copheneticCorrelation(t, d as number[][], options as object),
          (r) => expect(Number.isNaN(r) || Math.abs(r) <= 1 + 1e-9).toBe(true),
        );
        codedOrCorrect(
          () => optimalLeafOrdering(t, d as number[][], options as object),
          (o) => expectTree(o, n),
        );
      }),
      FUZZ_RUNS,
    );
  });

  it('condensed, squareform, similarityToDistance: a coded error or a round trip', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          distances,
          fc
            .integer({ min: 0, max: 4 })
            .chain((n) => hostileMatrix(n, n, fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), hostileScalar))),
        ),
        hostileOptions(['method', 'symmetryTolerance'], fc.constantFrom<unknown>('1-r', 'sqrt(2(1-r))', '1-|r|', 1e-9)),
        (m, options) => {
          codedOrCorrect(
            () => condensed(m as number[][], options as object),
            (c) => {
              const back = squareform(c);
              // Empty condensed arrays stand for one point (documented): 0 × 0 comes back 1 × 1.
              expect(back.rows).toBe(Math.max(1, (m as number[][]).length));
            },
          );
          codedOrCorrect(
            () => similarityToDistance(m as number[][], options as object),
            (dm) => dm.data.forEach((v) => expect(Number.isNaN(v) || v >= 0).toBe(true)),
          );
        },
      ),
      FUZZ_RUNS,
    );
  });

  it('fuzzyCMeans: a coded error or memberships that sum to 1 per row', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 3 }))
          .chain(([r, c]) => hostileMatrix(r, c, fc.oneof(hostileNumber, fc.constantFrom(1e300, -1e300, 1e-300)))),
        hostileScalar,
        hostileOptions(
          ['m', 'seed', 'maxIterations', 'tolerance', 'initialMemberships'],
          fc.constantFrom<unknown>(2, 3, 7, 50, 1e-4),
        ),
        (rows, k, options) =>
          codedOrCorrect(
            () => fuzzyCMeans(rows as number[][], k as number, options as object),
            (r) => {
              const { rows: n, cols, data } = r.memberships;
              for (let i = 0; i < n; i++) {
                let s = 0;
                for (let j = 0; j < cols; j++) {
                  expect(Number.isFinite(data[i * cols + j])).toBe(true);
                  s += data[i * cols + j];
                }
                expect(s).toBeCloseTo(1, 9);
              }
              expect(Number.isNaN(r.objective)).toBe(false);
            },
          ),
      ),
      FUZZ_RUNS,
    );
  });
});
