import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Linkage } from '../../src/index.js';
import { ClasslensError, cutTree, hclust } from '../../src/index.js';
import type { HclustFixture } from './helpers.js';
import { canonical, loadFixture, pdist, randomPoints } from './helpers.js';

const fixture = loadFixture<HclustFixture>('hclust.json');

describe('cutTree(tree, k) against scipy.cluster.hierarchy.cut_tree', () => {
  for (const c of fixture.cases) {
    for (const [method, e] of Object.entries(c.linkage)) {
      it(`${c.name}, ${method}: same labels as cut_tree(Z, n_clusters=k) for k in ${Object.keys(e.cutTree).join(', ')}`, () => {
        const tree = hclust(new Float64Array(c.condensed), { linkage: method as Linkage });
        for (const [k, labels] of Object.entries(e.cutTree))
          expect(Array.from(cutTree(tree, Number(k)))).toEqual(labels);
      });
    }
  }
  // fcluster only cuts at merge heights, so it may return fewer than k clusters; where it
  // returns exactly k, the partition is the same (numbered differently).
  it('gives the same partition as fcluster(Z, k, "maxclust") where that has k clusters, on tie-free trees', () => {
    let compared = 0;
    for (const c of fixture.cases.filter((x) => !x.ties)) {
      for (const [method, e] of Object.entries(c.linkage)) {
        const tree = hclust(new Float64Array(c.condensed), { linkage: method as Linkage });
        for (const [k, labels] of Object.entries(e.fclusterMaxclust)) {
          if (new Set(labels).size !== Number(k)) continue;
          compared++;
          expect(Array.from(cutTree(tree, Number(k)))).toEqual(canonical(labels));
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('cutTree(tree, k) properties', () => {
  it('has exactly k labels 0 … k − 1 numbered by first appearance, and k + 1 refines k', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 25 }),
        fc.constantFrom<Linkage>('single', 'complete', 'average', 'ward'),
        (seed, n, linkage) => {
          const tree = hclust(pdist(randomPoints(seed, n, 2)), { linkage });
          let prev: Int32Array | null = null;
          for (let k = n; k >= 1; k--) {
            const labels = cutTree(tree, k);
            expect(new Set(labels).size).toBe(k);
            expect(Array.from(labels)).toEqual(canonical(labels));
            if (prev) {
              // Every cluster of the finer cut lies inside one cluster of the coarser cut.
              const map = new Map<number, number>();
              prev.forEach((l, i) => {
                if (!map.has(l)) map.set(l, labels[i]);
                expect(labels[i]).toBe(map.get(l));
              });
            }
            prev = labels;
          }
        },
      ),
      { numRuns: 60 },
    );
  });
  it('gives 0 … n − 1 for k = n and all zeros for k = 1', () => {
    const tree = hclust(pdist(randomPoints(1, 6, 2)));
    expect(Array.from(cutTree(tree, 6))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(cutTree(tree, 1))).toEqual([0, 0, 0, 0, 0, 0]);
  });
  it('handles trees with 0 and 1 leaves', () => {
    expect(Array.from(cutTree({ merges: [], order: [] }, 0))).toEqual([]);
    expect(Array.from(cutTree({ merges: [], order: [0] }, 1))).toEqual([0]);
  });
});

describe('cutTree(tree, k) errors', () => {
  const tree = hclust(pdist(randomPoints(1, 5, 2)));
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      return e instanceof ClasslensError ? `${e.code}: ${e.message}` : 'other';
    }
    return undefined;
  };
  it('throws INVALID_ARGUMENT for k outside [1, n] or not an integer', () => {
    expect(code(() => cutTree(tree, 0))).toBe('INVALID_ARGUMENT: k: expected an integer in [1, 5], got 0');
    expect(code(() => cutTree(tree, 6))).toMatch(/^INVALID_ARGUMENT/);
    expect(code(() => cutTree(tree, 2.5))).toMatch(/^INVALID_ARGUMENT/);
  });
  it('throws for malformed trees: bad ids, reused ids, self-merges, non-finite heights, wrong order length', () => {
    expect(code(() => cutTree({ merges: [[0, 5, 1, 2]] } as never, 1))).toMatch(
      /^INVALID_ARGUMENT: tree: merge 0 has an invalid cluster id 5/,
    );
    expect(
      code(() =>
        cutTree(
          {
            merges: [
              [0, 1, 1, 2],
              [1, 2, 2, 2],
            ],
          },
          1,
        ),
      ),
    ).toMatch(/invalid cluster id 1/);
    expect(code(() => cutTree({ merges: [[1, 1, 1, 2]] }, 1))).toMatch(/^INVALID_ARGUMENT/);
    expect(code(() => cutTree({ merges: [[0, 1, NaN, 2]] }, 1))).toMatch(/^NON_FINITE/);
    expect(code(() => cutTree({ merges: [[0, 1, 1, 2]], order: [0, 1, 2] }, 1))).toMatch(/^LENGTH_MISMATCH/);
    expect(code(() => cutTree(null as never, 1))).toMatch(/^INVALID_ARGUMENT/);
  });
});
