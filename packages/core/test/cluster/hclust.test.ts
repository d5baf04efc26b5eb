import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HclustTree, Linkage } from '../../src/index.js';
import { ClasslensError, cophenetic, cutTree, hclust, hclustAsync } from '../../src/index.js';
import type { HclustFixture } from './helpers.js';
import { canonical, loadFixture, naiveLinkage, partitionLabels, pdist, randomPoints, square } from './helpers.js';

const fixture = loadFixture<HclustFixture>('hclust.json');
const LINKAGES: Linkage[] = ['single', 'complete', 'average', 'ward'];
// Heights must equal scipy's to 1e-9 (the bar); in practice they are identical.
const TOL = 1e-9;

function expectCode(f: () => unknown, code: string, message?: RegExp): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ClasslensError);
    expect((e as ClasslensError).code).toBe(code);
    if (message) expect((e as Error).message).toMatch(message);
    return;
  }
  expect.unreachable(`expected ${code}`);
}

describe('hclust(distances, { linkage }) against scipy.cluster.hierarchy.linkage', () => {
  for (const c of fixture.cases) {
    for (const [method, e] of Object.entries(c.linkage)) {
      it(`${c.name}, ${method}: same merges, sizes, heights (1e-9) and leaves_list`, () => {
        const tree = hclust(new Float64Array(c.condensed), { linkage: method as Linkage });
        expect(tree.merges.length).toBe(e.merges.length);
        tree.merges.forEach((m, k) => {
          const s = e.merges[k];
          expect([m[0], m[1], m[3]]).toEqual([s[0], s[1], s[3]]);
          expect(Math.abs(m[2] - s[2])).toBeLessThanOrEqual(TOL);
        });
        expect(tree.order).toEqual(e.order);
      });
    }
  }

  it('gives the same tree from a square Matrix, nested arrays, a Float32 matrix and condensed input', () => {
    const c = fixture.cases.find((x) => x.n === 40)!;
    const cond = new Float64Array(c.condensed);
    const sq = square(cond, c.n);
    const flat = new Float64Array(sq.flat());
    for (const linkage of LINKAGES) {
      const ref = hclust(cond, { linkage });
      expect(hclust(sq, { linkage })).toEqual(ref);
      expect(hclust({ rows: c.n, cols: c.n, data: flat }, { linkage })).toEqual(ref);
      // Float32 inputs are read as the float32 values, the same in both shapes.
      const f32 = hclust(new Float32Array(cond), { linkage });
      expect(hclust({ rows: c.n, cols: c.n, data: new Float32Array(flat) }, { linkage })).toEqual(f32);
    }
  });

  it('defaults to average linkage', () => {
    const c = fixture.cases.find((x) => x.n === 12)!;
    const y = new Float64Array(c.condensed);
    expect(hclust(y)).toEqual(hclust(y, { linkage: 'average' }));
    expect(hclust(y)).not.toEqual(hclust(y, { linkage: 'single' }));
  });

  it('never mutates its input', () => {
    const c = fixture.cases.find((x) => x.n === 40)!;
    const y = new Float64Array(c.condensed);
    const sq = square(y, c.n);
    const copyY = y.slice();
    const copySq = JSON.stringify(sq);
    for (const linkage of LINKAGES) {
      hclust(y, { linkage, optimalOrdering: true });
      hclust(sq, { linkage });
    }
    expect(y).toEqual(copyY);
    expect(JSON.stringify(sq)).toBe(copySq);
  });
});

describe('hclust(distances) degenerate inputs', () => {
  it('returns an empty tree for 0 points and a single leaf for 1 point', () => {
    expect(hclust([])).toEqual({ merges: [], order: [] });
    expect(hclust([[0]])).toEqual({ merges: [], order: [0] });
    expect(hclust(new Float64Array(0))).toEqual({ merges: [], order: [0] });
  });
  it('merges two points at their distance', () => {
    expect(hclust(new Float64Array([2.5]), { linkage: 'ward' })).toEqual({ merges: [[0, 1, 2.5, 2]], order: [0, 1] });
  });
  it('handles all-equal distances (every merge at the same height)', () => {
    const y = new Float64Array(10).fill(1); // 5 points
    for (const linkage of LINKAGES) {
      const t = hclust(y, { linkage });
      expect(t.merges).toHaveLength(4);
      if (linkage !== 'ward') for (const m of t.merges) expect(m[2]).toBe(1);
      expect([...t.order].sort()).toEqual([0, 1, 2, 3, 4]);
    }
  });
  it('accepts zero distances (duplicate points)', () => {
    const t = hclust(new Float64Array([0, 1, 1]), { linkage: 'complete' });
    expect(t.merges[0]).toEqual([0, 1, 0, 2]);
  });
});

describe('hclust(distances) NaN policy', () => {
  const sim = [
    [0, 0.2, NaN, 0.9],
    [0.2, 0, NaN, 0.8],
    [NaN, NaN, 0, NaN],
    [0.9, 0.8, NaN, 0],
  ];
  it('throws NON_FINITE naming the first NaN pair by default', () => {
    expectCode(() => hclust(sim), 'NON_FINITE', /NaN at \(0, 2\).*nan: 'max'/);
  });
  it("with { nan: 'max' } treats NaN as the largest finite distance", () => {
    const replaced = sim.map((r) => r.map((v) => (Number.isNaN(v) ? 0.9 : v)));
    for (const linkage of LINKAGES) {
      expect(hclust(sim, { linkage, nan: 'max' })).toEqual(hclust(replaced, { linkage }));
    }
    const cond = new Float64Array([0.2, NaN, 0.9, NaN, 0.8, NaN]);
    for (const linkage of LINKAGES)
      expect(hclust(cond, { linkage, nan: 'max' })).toEqual(hclust(replaced, { linkage }));
    expect(Array.from(cond.slice(0, 2))).toEqual([0.2, NaN]); // input untouched
  });
  it("with { nan: 'max' } and only NaN distances uses 0", () => {
    expect(hclust(new Float64Array([NaN, NaN, NaN]), { nan: 'max' }).merges.map((m) => m[2])).toEqual([0, 0]);
  });
});

describe('hclust(distances) errors', () => {
  it('throws NOT_SQUARE for a non-square matrix', () => {
    expectCode(
      () =>
        hclust([
          [0, 1, 2],
          [1, 0, 3],
        ]),
      'NOT_SQUARE',
      /2 × 3/,
    );
  });
  it('throws NOT_SYMMETRIC naming the first offending pair', () => {
    const m = [
      [0, 1, 2, 3],
      [1, 0, 4, 5],
      [2, 4, 0, 6],
      [3, 5.5, 6.5, 0],
    ];
    expectCode(() => hclust(m), 'NOT_SYMMETRIC', /\(1, 3\): 5 vs 5.5/);
  });
  it('finds the first offending pair in row-major order even across 64-row blocks', () => {
    const n = 150;
    const m = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0 : 1 + Math.min(i, j) + Math.max(i, j) / 1000)),
    );
    m[140][70] += 1; // pair (70, 140): later block
    m[100][3] += 1; // pair (3, 100): row 3 comes first
    try {
      hclust(m);
      expect.unreachable();
    } catch (e) {
      expect((e as ClasslensError).code).toBe('NOT_SYMMETRIC');
      expect((e as ClasslensError).details).toEqual({ row: 3, col: 100 });
    }
  });
  it('accepts asymmetry within symmetryTolerance and uses the upper triangle', () => {
    const m = [
      [0, 1, 2],
      [1 + 1e-12, 0, 3],
      [2, 3, 0],
    ];
    expect(hclust(m)).toEqual(hclust(new Float64Array([1, 2, 3])));
    expectCode(() => hclust(m, { symmetryTolerance: 0 }), 'NOT_SYMMETRIC');
  });
  it('throws NON_FINITE for Infinity in either triangle and in condensed input', () => {
    expectCode(
      () =>
        hclust([
          [0, Infinity],
          [Infinity, 0],
        ]),
      'NON_FINITE',
      /Infinity at \(0, 1\)/,
    );
    expectCode(
      () =>
        hclust([
          [0, 1],
          [-Infinity, 0],
        ]),
      'NON_FINITE',
      /-Infinity at \(1, 0\)/,
    );
    expectCode(() => hclust(new Float64Array([1, 2, Infinity])), 'NON_FINITE', /Infinity at \(1, 2\)/);
    expectCode(() => hclust(new Float64Array([1, NaN, 2])), 'NON_FINITE', /NaN at \(0, 2\)/);
  });
  it('throws NOT_SYMMETRIC when only one of a pair is NaN', () => {
    expectCode(
      () =>
        hclust(
          [
            [0, NaN],
            [1, 0],
          ],
          { nan: 'max' },
        ),
      'NOT_SYMMETRIC',
    );
  });
  it('throws INVALID_ARGUMENT for negative distances', () => {
    expectCode(
      () =>
        hclust([
          [0, -1],
          [-1, 0],
        ]),
      'INVALID_ARGUMENT',
      /negative distance -1 at \(0, 1\)/,
    );
    expectCode(() => hclust(new Float64Array([1, -2, 3])), 'INVALID_ARGUMENT', /negative distance -2 at \(0, 2\)/);
  });
  it('throws INVALID_SHAPE for a condensed length that is not n(n − 1)/2, or ragged rows', () => {
    expectCode(() => hclust(new Float64Array(4)), 'INVALID_SHAPE', /length 4/);
    expectCode(() => hclust([[0, 1], [1]]), 'INVALID_SHAPE');
  });
  it('throws INVALID_ARGUMENT for unknown options', () => {
    const y = new Float64Array([1, 2, 3]);
    expectCode(() => hclust(y, { linkage: 'centroid' as Linkage }), 'INVALID_ARGUMENT', /linkage/);
    expectCode(() => hclust(y, { nan: 'skip' as 'max' }), 'INVALID_ARGUMENT', /nan/);
    expectCode(
      () => hclust(y, { optimalOrdering: 'yes' as unknown as boolean }),
      'INVALID_ARGUMENT',
      /optimalOrdering/,
    );
    expectCode(() => hclust(y, { symmetryTolerance: -1 }), 'INVALID_ARGUMENT', /symmetryTolerance/);
    expectCode(() => hclust('abc' as unknown as number[][]), 'INVALID_ARGUMENT');
  });
});

describe('hclust(distances) properties', () => {
  const params = fc.record({
    seed: fc.integer(),
    n: fc.integer({ min: 2, max: 14 }),
    dim: fc.integer({ min: 1, max: 4 }),
    linkage: fc.constantFrom<Linkage>(...LINKAGES),
  });

  it('agrees with a textbook O(n³) implementation from the cluster definitions (heights and every partition)', () => {
    fc.assert(
      fc.property(params, ({ seed, n, dim, linkage }) => {
        const pts = randomPoints(seed, n, dim);
        const tree = hclust(pdist(pts), { linkage });
        const ref = naiveLinkage(pts, linkage);
        tree.merges.forEach((m, k) => expect(m[2]).toBeCloseTo(ref.heights[k], 9));
        for (let k = 1; k <= n; k++) {
          expect(Array.from(cutTree(tree, k))).toEqual(partitionLabels(ref.partitions[n - k], n));
        }
      }),
      { numRuns: 120 },
    );
  });

  it('is invariant to permuting the points (same heights, permuted partitions and cophenetic matrix)', () => {
    fc.assert(
      fc.property(params, fc.integer(), ({ seed, n, dim, linkage }, pseed) => {
        const pts = randomPoints(seed, n, dim);
        const perm = randomPoints(pseed, n, 1)
          .map((r, i) => [r[0], i])
          .sort((a, b) => a[0] - b[0])
          .map((r) => r[1]);
        const t1 = hclust(pdist(pts), { linkage });
        const t2 = hclust(pdist(perm.map((i) => pts[i])), { linkage });
        t1.merges.forEach((m, k) => expect(Math.abs(m[2] - t2.merges[k][2])).toBeLessThanOrEqual(1e-9));
        const c1 = cophenetic(t1);
        const c2 = cophenetic(t2);
        for (let a = 0; a < n; a++) {
          for (let b = 0; b < n; b++)
            expect(Math.abs(c2.data[a * n + b] - c1.data[perm[a] * n + perm[b]])).toBeLessThanOrEqual(1e-9);
        }
        for (let k = 1; k <= n; k++) {
          const l1 = cutTree(t1, k);
          expect(Array.from(cutTree(t2, k))).toEqual(canonical(perm.map((i) => l1[i])));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('returns a well-formed linkage: ids < n + k used once, a < b, sizes add up, heights sorted, order a permutation', () => {
    fc.assert(
      fc.property(params, ({ seed, n, dim, linkage }) => {
        const { merges, order } = hclust(pdist(randomPoints(seed, n, dim)), { linkage });
        const size = new Array<number>(2 * n - 1).fill(1);
        const used = new Set<number>();
        merges.forEach(([a, b, h, s], k) => {
          expect(a).toBeLessThan(b);
          expect(b).toBeLessThan(n + k);
          expect(used.has(a) || used.has(b)).toBe(false);
          used.add(a).add(b);
          size[n + k] = size[a] + size[b];
          expect(s).toBe(size[n + k]);
          if (k > 0) expect(h).toBeGreaterThanOrEqual(merges[k - 1][2]);
        });
        expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
      { numRuns: 100 },
    );
  });

  it('single-linkage heights are the minimum spanning tree edges (total weight = Kruskal)', () => {
    fc.assert(
      fc.property(params, ({ seed, n, dim }) => {
        const y = pdist(randomPoints(seed, n, dim));
        const edges: [number, number, number][] = [];
        let k = 0;
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) edges.push([y[k++], i, j]);
        edges.sort((a, b) => a[0] - b[0]);
        const parent = Array.from({ length: n }, (_, i) => i);
        const find = (v: number): number => (parent[v] === v ? v : (parent[v] = find(parent[v])));
        const mst: number[] = [];
        for (const [w, i, j] of edges) {
          if (find(i) !== find(j)) {
            parent[find(i)] = find(j);
            mst.push(w);
          }
        }
        expect(hclust(y, { linkage: 'single' }).merges.map((m) => m[2])).toEqual(mst);
      }),
      { numRuns: 60 },
    );
  });
});

describe('hclustAsync(distances, { signal, onProgress })', () => {
  const big = pdist(randomPoints(5, 2500, 3));

  it('resolves to the same tree as hclust', async () => {
    const c = fixture.cases.find((x) => x.n === 90)!;
    const y = new Float64Array(c.condensed);
    for (const linkage of LINKAGES) {
      await expect(hclustAsync(y, { linkage, optimalOrdering: true })).resolves.toEqual(
        hclust(y, { linkage, optimalOrdering: true }),
      );
    }
  });

  it('reports increasing progress in [0, 1] ending with 1, and yields to the event loop', async () => {
    const seen: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const tree: HclustTree = await hclustAsync(big, { linkage: 'complete', onProgress: (f) => seen.push(f) });
    clearInterval(timer);
    expect(tree.merges).toHaveLength(2499);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    for (const f of seen) expect(f >= 0 && f <= 1).toBe(true);
    expect(ticks).toBeGreaterThan(0);
  });

  it('rejects with AbortError without any progress when the signal is already aborted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const seen: number[] = [];
    await expect(hclustAsync(big, { signal: ctl.signal, onProgress: (f) => seen.push(f) })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(seen).toEqual([]);
  });

  it('stops within one slice of an abort during the run (no further progress)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom<Linkage>('single', 'ward'),
        async (after, linkage) => {
          const ctl = new AbortController();
          const seen: number[] = [];
          const run = hclustAsync(big, {
            linkage,
            signal: ctl.signal,
            onProgress: (f) => {
              seen.push(f);
              // Only between slices: the final report (1) comes after the work is done,
              // and on a fast machine the run may end within `after` slices.
              if (seen.length === after && f < 1) ctl.abort();
            },
          });
          const outcome = await run.then(
            () => 'resolved',
            (e: Error) => e.name,
          );
          if (ctl.signal.aborted) {
            expect(outcome).toBe('AbortError');
            expect(seen).toHaveLength(after);
          } else expect(seen.filter((f) => f < 1).length).toBeLessThan(after);
        },
      ),
      { numRuns: 4 },
    );
  });

  it('rejects with the validation error (not a throw) for bad input', async () => {
    await expect(
      hclustAsync([
        [0, 1],
        [2, 0],
      ]),
    ).rejects.toMatchObject({ code: 'NOT_SYMMETRIC' });
  });
});
