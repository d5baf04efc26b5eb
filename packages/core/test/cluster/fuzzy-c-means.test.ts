import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../src/index.js';
import {
  ClasslensError,
  cutTree,
  fuzzyCMeans,
  fuzzyCMeansAsync,
  hclust,
  similarityToDistance,
} from '../../src/index.js';
import { loadFixture, randomPoints } from './helpers.js';

interface FuzzyFixture {
  rows: number[][];
  kinds: string[];
  cases: {
    m: number;
    initialMemberships: number[][];
    fixed: Record<string, { memberships: number[][]; centers: number[][]; iterations: number; objective: number }>;
    converged: {
      memberships: number[][];
      centers: number[][];
      iterations: number;
      objective: number;
      tolerance: number;
    };
  }[];
}
const fixture = loadFixture<FuzzyFixture>('fuzzy.json');

function expectMatrixClose(m: Matrix, expected: number[][], tol: number): void {
  expect(m.rows).toBe(expected.length);
  expect(m.cols).toBe(expected[0].length);
  let worst = 0;
  expected.forEach((row, i) => row.forEach((v, j) => (worst = Math.max(worst, Math.abs(m.data[i * m.cols + j] - v)))));
  expect(worst).toBeLessThanOrEqual(tol);
}

describe('fuzzyCMeans(rows, k, { m, initialMemberships }) against a numpy implementation of the same updates', () => {
  for (const c of fixture.cases) {
    for (const [iters, e] of Object.entries(c.fixed)) {
      it(`m = ${c.m}, ${iters} round(s): memberships, centres and objective to 1e-10`, () => {
        const r = fuzzyCMeans(fixture.rows, 3, {
          m: c.m,
          initialMemberships: c.initialMemberships,
          maxIterations: Number(iters),
          tolerance: 0,
        });
        expect(r.iterations).toBe(e.iterations);
        expect(r.converged).toBe(false);
        expectMatrixClose(r.memberships, e.memberships, 1e-10);
        expectMatrixClose(r.centers, e.centers, 1e-10);
        expect(Math.abs(r.objective - e.objective)).toBeLessThanOrEqual(1e-10 * e.objective);
      });
    }
    it(`m = ${c.m}: converges to numpy's fixed point (tolerance 1e-9, within one round of numpy's count)`, () => {
      const e = c.converged;
      const r = fuzzyCMeans(fixture.rows, 3, {
        m: c.m,
        initialMemberships: c.initialMemberships,
        maxIterations: 1000,
        tolerance: e.tolerance,
      });
      expect(r.converged).toBe(true);
      expect(Math.abs(r.iterations - e.iterations)).toBeLessThanOrEqual(1);
      expectMatrixClose(r.memberships, e.memberships, 1e-8);
      expectMatrixClose(r.centers, e.centers, 1e-8);
    });
  }
});

describe('fuzzyCMeans(rows, k) on similarity rows with overlapping groups', () => {
  const r = fuzzyCMeans(fixture.rows, 3, { seed: 3 });
  const { data, cols } = r.memberships;
  const u = (i: number): number[] => Array.from(data.subarray(i * cols, (i + 1) * cols));
  const clusterOf = (kind: string): number => {
    // The cluster holding most of a group's core members.
    const sums = [0, 0, 0];
    fixture.kinds.forEach((k, i) => k === kind && u(i).forEach((v, j) => (sums[j] += v)));
    return sums.indexOf(Math.max(...sums));
  };
  it('gives core members a dominant membership (≥ 0.7) in their own group', () => {
    expect(r.converged).toBe(true);
    fixture.kinds.forEach((kind, i) => {
      if (kind.length === 1) expect(u(i)[clusterOf(kind)]).toBeGreaterThanOrEqual(0.7);
    });
    expect(new Set(['A', 'B', 'C'].map(clusterOf)).size).toBe(3);
  });
  it('splits the classes between groups A and B (≥ 0.25 in both), which a cut of the hierarchy assigns to one', () => {
    const a = clusterOf('A');
    const b = clusterOf('B');
    const labels = cutTree(hclust(similarityToDistance(fixture.rows), { linkage: 'average' }), 3);
    fixture.kinds.forEach((kind, i) => {
      if (kind !== 'AB') return;
      expect(u(i)[a]).toBeGreaterThanOrEqual(0.25);
      expect(u(i)[b]).toBeGreaterThanOrEqual(0.25);
      // The strict hierarchy puts it in exactly one flat cluster, hiding the overlap.
      expect(labels.filter((l) => l === labels[i]).length).toBeGreaterThan(1);
    });
  });
});

describe('fuzzyCMeans(rows, k) invariants', () => {
  it('memberships lie in [0, 1] with rows summing to 1, the objective never increases, and equal seeds give equal results', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(1.3, 2, 3),
        (seed, n, d, kk, m) => {
          const k = Math.min(kk, n);
          const rows = randomPoints(seed, n, d);
          const r = fuzzyCMeans(rows, k, { seed, m });
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < k; j++) {
              const v = r.memberships.data[i * k + j];
              expect(v >= 0 && v <= 1).toBe(true);
              s += v;
            }
            expect(Math.abs(s - 1)).toBeLessThanOrEqual(1e-12);
          }
          expect(r.centers.rows).toBe(k);
          expect(r.centers.cols).toBe(d);
          expect(fuzzyCMeans(rows, k, { seed, m })).toEqual(r);
          let prev = Infinity;
          for (let t = 1; t <= 6; t++) {
            const obj = fuzzyCMeans(rows, k, { seed, m, maxIterations: t, tolerance: 0 }).objective;
            expect(obj).toBeLessThanOrEqual(prev * (1 + 1e-12) + 1e-12);
            prev = obj;
          }
        },
      ),
      { numRuns: 60 },
    );
  });
  it('different seeds give different starting points', () => {
    const rows = randomPoints(1, 20, 2);
    const a = fuzzyCMeans(rows, 3, { seed: 1, maxIterations: 1 });
    const b = fuzzyCMeans(rows, 3, { seed: 2, maxIterations: 1 });
    expect(a.memberships.data).not.toEqual(b.memberships.data);
  });
  it('k = 1 gives memberships of 1 and the mean as centre', () => {
    const r = fuzzyCMeans([[0], [2], [4]], 1);
    expect(Array.from(r.memberships.data)).toEqual([1, 1, 1]);
    expect(r.centers.data[0]).toBeCloseTo(2, 12);
  });
  it('a row exactly on a centre belongs to it (no NaN from a zero distance)', () => {
    const r = fuzzyCMeans([[0], [0], [1], [1]], 2, {
      initialMemberships: [
        [1, 0],
        [1, 0],
        [0, 1],
        [0, 1],
      ],
    });
    expect(Array.from(r.memberships.data)).toEqual([1, 0, 1, 0, 0, 1, 0, 1]);
    expect(Array.from(r.centers.data)).toEqual([0, 1]);
    expect(r.converged).toBe(true);
    expect(r.objective).toBe(0);
  });
  it('splits a row equally between coinciding centres, and gives 1/k with zero columns', () => {
    const r = fuzzyCMeans([[1], [1]], 2, {
      initialMemberships: [
        [0.3, 0.7],
        [0.6, 0.4],
      ],
    });
    expect(Array.from(r.memberships.data)).toEqual([0.5, 0.5, 0.5, 0.5]);
    const z = fuzzyCMeans([[], [], []], 3);
    expect(Array.from(z.memberships.data)).toEqual(new Array(9).fill(1 / 3));
  });
  it('normalises initial memberships and does not mutate inputs', () => {
    const rows = [[0], [1], [5], [6]];
    const init = [
      [2, 2],
      [1, 3],
      [3, 1],
      [1, 1],
    ];
    const copy = JSON.stringify([rows, init]);
    const a = fuzzyCMeans(rows, 2, { initialMemberships: init, maxIterations: 1 });
    const b = fuzzyCMeans(rows, 2, {
      initialMemberships: [
        [0.5, 0.5],
        [0.25, 0.75],
        [0.75, 0.25],
        [0.5, 0.5],
      ],
      maxIterations: 1,
    });
    expect(a).toEqual(b);
    expect(JSON.stringify([rows, init])).toBe(copy);
  });
});

describe('fuzzyCMeans(rows, k) errors', () => {
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      return e instanceof ClasslensError ? e.code : 'other';
    }
    return undefined;
  };
  const rows = [[0], [1], [2]];
  it('throws EMPTY, NON_FINITE, INVALID_SHAPE', () => {
    expect(code(() => fuzzyCMeans([], 1))).toBe('EMPTY');
    expect(code(() => fuzzyCMeans([[0], [NaN]], 1))).toBe('NON_FINITE');
    expect(code(() => fuzzyCMeans([[0], [1, 2]], 1))).toBe('INVALID_SHAPE');
    expect(code(() => fuzzyCMeans(rows, 2, { initialMemberships: [[1, 0]] }))).toBe('INVALID_SHAPE');
  });
  it('throws INVALID_ARGUMENT for k, m, maxIterations, tolerance, seed and initial memberships', () => {
    expect(() => fuzzyCMeans(rows, 4)).toThrow('k: expected an integer in [1, 3], got 4');
    expect(code(() => fuzzyCMeans(rows, 0))).toBe('INVALID_ARGUMENT');
    expect(code(() => fuzzyCMeans(rows, 1.5))).toBe('INVALID_ARGUMENT');
    expect(code(() => fuzzyCMeans(rows, 2, { m: 1 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => fuzzyCMeans(rows, 2, { m: Infinity }))).toBe('INVALID_ARGUMENT');
    expect(code(() => fuzzyCMeans(rows, 2, { maxIterations: 0 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => fuzzyCMeans(rows, 2, { tolerance: -1 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => fuzzyCMeans(rows, 2, { seed: NaN }))).toBe('INVALID_ARGUMENT');
    expect(
      code(() =>
        fuzzyCMeans(rows, 2, {
          initialMemberships: [
            [1, 0],
            [0, 0],
            [0, 1],
          ],
        }),
      ),
    ).toBe('INVALID_ARGUMENT');
    expect(
      code(() =>
        fuzzyCMeans(rows, 2, {
          initialMemberships: [
            [1, 0],
            [1, 0],
            [1, 0],
          ],
        }),
      ),
    ).toBe('INVALID_ARGUMENT');
    expect(
      code(() =>
        fuzzyCMeans(rows, 2, {
          initialMemberships: [
            [1, -1],
            [1, 0],
            [0, 1],
          ],
        }),
      ),
    ).toBe('INVALID_ARGUMENT');
  });
});

describe('fuzzyCMeansAsync(rows, k, { signal, onProgress })', () => {
  it('resolves to the synchronous result', async () => {
    await expect(fuzzyCMeansAsync(fixture.rows, 3, { seed: 5 })).resolves.toEqual(
      fuzzyCMeans(fixture.rows, 3, { seed: 5 }),
    );
  });
  it('stops with AbortError after an abort during the run', async () => {
    const rows = randomPoints(4, 3000, 20);
    const ctl = new AbortController();
    const seen: number[] = [];
    const run = fuzzyCMeansAsync(rows, 8, {
      tolerance: 0,
      maxIterations: 10_000,
      signal: ctl.signal,
      onProgress: (f) => {
        seen.push(f);
        ctl.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThan(1);
  });
});
