import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Linkage } from '../../src/index.js';
import {
  ClasslensError,
  cophenetic,
  copheneticAsync,
  copheneticCorrelation,
  copheneticCorrelationAsync,
  hclust,
} from '../../src/index.js';
import type { HclustFixture } from './helpers.js';
import { loadFixture, pdist, randomPoints, square } from './helpers.js';

const fixture = loadFixture<HclustFixture>('hclust.json');

describe('cophenetic(tree) against scipy.cluster.hierarchy.cophenet', () => {
  for (const c of fixture.cases) {
    for (const [method, e] of Object.entries(c.linkage)) {
      const expected = e.cophenet;
      if (!expected) continue;
      it(`${c.name}, ${method}: squareform(cophenet(Z)) exactly`, () => {
        const m = cophenetic(hclust(new Float64Array(c.condensed), { linkage: method as Linkage }));
        expect(m.rows).toBe(c.n);
        expect(m.cols).toBe(c.n);
        expect(Array.from(m.data)).toEqual(square(expected, c.n).flat());
      });
    }
  }
});

describe('copheneticCorrelation(tree, distances) against scipy.cluster.hierarchy.cophenet', () => {
  for (const c of fixture.cases) {
    for (const [method, e] of Object.entries(c.linkage)) {
      it(`${c.name}, ${method}: r = ${e.copheneticCorrelation ?? 'NaN'} (to 1e-12)`, () => {
        const y = new Float64Array(c.condensed);
        const r = copheneticCorrelation(hclust(y, { linkage: method as Linkage }), y);
        if (e.copheneticCorrelation === null) expect(r).toBeNaN();
        else expect(Math.abs(r - e.copheneticCorrelation)).toBeLessThanOrEqual(1e-12);
      });
    }
  }
  it('reads square input the same as condensed input', () => {
    const c = fixture.cases.find((x) => x.n === 40)!;
    const y = new Float64Array(c.condensed);
    const t = hclust(y);
    expect(copheneticCorrelation(t, square(y, c.n))).toBe(copheneticCorrelation(t, y));
  });
  it('is NaN for fewer than 2 points', () => {
    expect(copheneticCorrelation({ merges: [], order: [0] }, [[0]])).toBeNaN();
  });
  it('applies the NaN policy of hclust', () => {
    const y = new Float64Array([1, NaN, 2]);
    const t = hclust(y, { nan: 'max' });
    expect(copheneticCorrelation(t, y, { nan: 'max' })).toBe(copheneticCorrelation(t, new Float64Array([1, 2, 2])));
    expect(() => copheneticCorrelation(t, y)).toThrow(ClasslensError);
  });
  it('throws LENGTH_MISMATCH when tree and distances disagree in size', () => {
    const t = hclust(new Float64Array([1, 2, 3]));
    try {
      copheneticCorrelation(t, new Float64Array([1]));
      expect.unreachable();
    } catch (e) {
      expect((e as ClasslensError).code).toBe('LENGTH_MISMATCH');
    }
  });
});

describe('cophenetic(tree) properties', () => {
  it('is a symmetric ultrametric with zero diagonal whose values are merge heights', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom<Linkage>('single', 'complete', 'average', 'ward'),
        (seed, n, linkage) => {
          const t = hclust(pdist(randomPoints(seed, n, 3)), { linkage });
          const { data } = cophenetic(t);
          const heights = new Set(t.merges.map((m) => m[2]));
          for (let i = 0; i < n; i++) {
            expect(data[i * n + i]).toBe(0);
            for (let j = 0; j < n; j++) {
              expect(data[i * n + j]).toBe(data[j * n + i]);
              if (i !== j) expect(heights.has(data[i * n + j])).toBe(true);
              for (let k = 0; k < n; k++)
                expect(data[i * n + j]).toBeLessThanOrEqual(Math.max(data[i * n + k], data[k * n + j]));
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
  it('matches a direct lowest-common-ancestor walk on trees whose heights are not monotone', () => {
    // Hand-made tree (not from hclust): merge 2 is lower than merge 1.
    const tree = {
      merges: [
        [0, 1, 5, 2],
        [2, 3, 7, 2],
        [4, 5, 1, 4],
      ] as [number, number, number, number][],
      order: [0, 1, 2, 3],
    };
    const m = cophenetic(tree);
    expect(Array.from(m.data)).toEqual([0, 5, 1, 1, 5, 0, 1, 1, 1, 1, 0, 7, 1, 1, 7, 0]);
  });
  it('gives 0 × 0 and [[0]] for trees with 0 and 1 leaves', () => {
    expect(cophenetic({ merges: [], order: [] })).toEqual({ rows: 0, cols: 0, data: new Float64Array(0) });
    expect(cophenetic({ merges: [], order: [0] })).toEqual({ rows: 1, cols: 1, data: new Float64Array([0]) });
  });
});

describe('copheneticAsync / copheneticCorrelationAsync', () => {
  const y = pdist(randomPoints(2, 300, 3));
  const t = hclust(y);
  it('resolve to the synchronous results', async () => {
    await expect(copheneticAsync(t)).resolves.toEqual(cophenetic(t));
    await expect(copheneticCorrelationAsync(t, y)).resolves.toBe(copheneticCorrelation(t, y));
  });
  it('reject with AbortError when aborted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(copheneticAsync(t, { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(copheneticCorrelationAsync(t, y, { signal: ctl.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
