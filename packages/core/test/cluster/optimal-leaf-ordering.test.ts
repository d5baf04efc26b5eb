import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HclustTree, Linkage } from '../../src/index.js';
import { ClasslensError, hclust, optimalLeafOrdering, optimalLeafOrderingAsync } from '../../src/index.js';
import type { HclustFixture } from './helpers.js';
import { loadFixture, pathCost, pdist, randomPoints, square } from './helpers.js';

const fixture = loadFixture<HclustFixture>('hclust.json');
// Costs are float32 sums (as in scipy), so "optimal" holds to float32 resolution.
const COST_TOL = 1e-5;

/** Smallest neighbour-distance sum over all 2^(n−1) child flips. */
function bruteForce(tree: HclustTree, y: Float64Array, n: number): number {
  let best = Infinity;
  const count = tree.merges.length;
  for (let mask = 0; mask < 1 << count; mask++) {
    const a = tree.merges.map((m, k) => ((mask >> k) & 1 ? m[1] : m[0]));
    const b = tree.merges.map((m, k) => ((mask >> k) & 1 ? m[0] : m[1]));
    const order: number[] = [];
    const visit = (v: number): void => {
      if (v < n) order.push(v);
      else {
        visit(a[v - n]);
        visit(b[v - n]);
      }
    };
    visit(2 * n - 2);
    best = Math.min(best, pathCost(y, n, order));
  }
  return best;
}

describe("optimalLeafOrdering(tree, distances, { method: 'scipy' }) against scipy.cluster.hierarchy.optimal_leaf_ordering", () => {
  for (const c of fixture.cases) {
    for (const [method, e] of Object.entries(c.linkage)) {
      it(`${c.name}, ${method}: same swapped merges and leaves_list`, () => {
        const y = new Float64Array(c.condensed);
        const tree = hclust(y, { linkage: method as Linkage });
        const ours = optimalLeafOrdering(tree, y, { method: 'scipy' });
        expect(ours.merges.map((m) => [m[0], m[1], m[3]])).toEqual(e.optimal.merges.map((m) => [m[0], m[1], m[3]]));
        expect(ours.order).toEqual(e.optimal.order);
        expect(hclust(y, { linkage: method as Linkage, optimalOrdering: 'scipy' })).toEqual(ours);
      });
    }
  }
  for (const o of fixture.olo) {
    it(`${o.name} (${o.method}): scipy's output reproduced, including when it is not optimal`, () => {
      const y = new Float64Array(o.condensed);
      const ours = hclust(y, { linkage: o.method as Linkage, optimalOrdering: 'scipy' });
      expect(ours.order).toEqual(o.scipy.order);
      expect(ours.merges.map((m) => [m[0], m[1]])).toEqual(o.scipy.merges.map((m) => [m[0], m[1]]));
    });
  }
});

describe("optimalLeafOrdering(tree, distances) (method 'exact')", () => {
  for (const o of fixture.olo) {
    it(`${o.name} (${o.method}): reaches the brute-force optimum (scipy: ${o.scipy.cost > o.optimalCost + 1e-9 ? 'misses it' : 'optimal'})`, () => {
      const y = new Float64Array(o.condensed);
      const n = (1 + Math.sqrt(1 + 8 * y.length)) / 2;
      const ours = hclust(y, { linkage: o.method as Linkage, optimalOrdering: true });
      const cost = pathCost(y, n, ours.order);
      expect(Math.abs(cost - o.optimalCost)).toBeLessThanOrEqual(COST_TOL * o.optimalCost);
      // Where scipy is optimal (and the optimum unique here), the orders are identical.
      if (o.scipy.cost <= o.optimalCost + 1e-9) expect(ours.order).toEqual(o.scipy.order);
    });
  }

  it('never costs more than scipy on the fixtures, and equals scipy where scipy is optimal', () => {
    for (const c of fixture.cases) {
      const y = new Float64Array(c.condensed);
      for (const [method, e] of Object.entries(c.linkage)) {
        const ours = hclust(y, { linkage: method as Linkage, optimalOrdering: true });
        const ourCost = pathCost(y, c.n, ours.order);
        const scipyCost = pathCost(y, c.n, e.optimal.order);
        expect(ourCost).toBeLessThanOrEqual(scipyCost * (1 + COST_TOL));
      }
    }
  });

  it('keeps the tree: same merges and heights, only the two ids of rows swapped', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 3, max: 30 }),
        fc.constantFrom<Linkage>('single', 'complete', 'average', 'ward'),
        (seed, n, linkage) => {
          const y = pdist(randomPoints(seed, n, 2));
          const t = hclust(y, { linkage });
          const o = optimalLeafOrdering(t, y);
          o.merges.forEach((m, k) => {
            expect([Math.min(m[0], m[1]), Math.max(m[0], m[1]), m[2], m[3]]).toEqual(t.merges[k]);
          });
          expect([...o.order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is optimal over all 2^(n−1) flips of random trees', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 3, max: 9 }),
        fc.constantFrom<Linkage>('single', 'complete', 'average', 'ward'),
        (seed, n, linkage) => {
          const y = pdist(randomPoints(seed, n, 2));
          const t = hclust(y, { linkage });
          const best = bruteForce(t, y, n);
          const cost = pathCost(y, n, optimalLeafOrdering(t, y).order);
          expect(cost).toBeLessThanOrEqual(best * (1 + COST_TOL));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('accepts square distances and leaves the input tree untouched', () => {
    const y = pdist(randomPoints(3, 12, 2));
    const t = hclust(y);
    const before = JSON.stringify(t);
    expect(optimalLeafOrdering(t, square(y, 12))).toEqual(optimalLeafOrdering(t, y));
    expect(JSON.stringify(t)).toBe(before);
  });

  it('returns trees with fewer than 3 leaves unchanged', () => {
    expect(optimalLeafOrdering({ merges: [], order: [] }, [])).toEqual({ merges: [], order: [] });
    expect(optimalLeafOrdering({ merges: [[0, 1, 2, 2]], order: [0, 1] }, new Float64Array([2]))).toEqual({
      merges: [[0, 1, 2, 2]],
      order: [0, 1],
    });
  });

  it('throws LENGTH_MISMATCH, INVALID_ARGUMENT and the distance errors', () => {
    const y = pdist(randomPoints(3, 5, 2));
    const t = hclust(y);
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof ClasslensError ? e.code : 'other';
      }
      return undefined;
    };
    expect(code(() => optimalLeafOrdering(t, new Float64Array(3)))).toBe('LENGTH_MISMATCH');
    expect(code(() => optimalLeafOrdering(t, y, { method: 'fast' as 'exact' }))).toBe('INVALID_ARGUMENT');
    expect(code(() => optimalLeafOrdering({ merges: [[0, 0, 1, 2]] }, new Float64Array([1])))).toBe('INVALID_ARGUMENT');
    const bad = y.slice();
    bad[2] = NaN;
    expect(code(() => optimalLeafOrdering(t, bad))).toBe('NON_FINITE');
    expect(code(() => optimalLeafOrdering(t, bad, { nan: 'max' }))).toBeUndefined();
  });
});

describe('optimalLeafOrderingAsync(tree, distances, { signal, onProgress })', () => {
  it('resolves to the synchronous result and ends progress at 1', async () => {
    const y = pdist(randomPoints(9, 120, 3));
    const t = hclust(y, { linkage: 'average' });
    const seen: number[] = [];
    await expect(optimalLeafOrderingAsync(t, y, { onProgress: (f) => seen.push(f) })).resolves.toEqual(
      optimalLeafOrdering(t, y),
    );
    expect(seen[seen.length - 1]).toBe(1);
  });
  it('rejects with AbortError when aborted', async () => {
    const y = pdist(randomPoints(9, 600, 3));
    const t = hclust(y);
    const ctl = new AbortController();
    const seen: number[] = [];
    const run = optimalLeafOrderingAsync(t, y, {
      signal: ctl.signal,
      onProgress: (f) => {
        seen.push(f);
        ctl.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(1);
  });
});
