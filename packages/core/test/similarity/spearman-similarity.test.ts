import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClasslensError, spearmanSimilarity, spearmanSimilarityAsync } from '../../src/index.js';
import { expectCorrelationShape, fixture, fromJson, logits, maxAbsDiff, rowsOf } from './helpers.js';

interface Case {
  name: string;
  x: number[][];
  expected: (number | null)[][];
}
const { cases } = fixture<{ cases: Case[] }>('spearman.json');

describe('spearmanSimilarity(scores) against scipy.stats.spearmanr', () => {
  for (const c of cases) {
    it(`matches SciPy within 1e-12 with backend 'js': ${c.name}`, () => {
      expect(maxAbsDiff(spearmanSimilarity(c.x, { backend: 'js' }), fromJson(c.expected))).toBeLessThan(1e-12);
    });
    it(`matches SciPy within 1e-6 with backend 'wasm': ${c.name}`, () => {
      expect(maxAbsDiff(spearmanSimilarity(c.x, { backend: 'wasm' }), fromJson(c.expected))).toBeLessThan(1e-6);
    });
  }
});

describe('spearmanSimilarity(scores) degenerate cases and errors', () => {
  it('gives NaN on the row and column of a class whose values all tie, and all NaN for one sample', () => {
    const r = spearmanSimilarity([
      [1, 2, 9],
      [2, 2, 8],
      [3, 2, 1],
    ]);
    expect([r.data[1], r.data[3], r.data[4], r.data[5], r.data[7]].every(Number.isNaN)).toBe(true);
    expect(r.data[2]).toBeCloseTo(-1, 12);
    expect(Array.from(spearmanSimilarity([[1, 2]]).data).every(Number.isNaN)).toBe(true);
  });
  it('throws EMPTY, NON_FINITE and INVALID_ARGUMENT before any work', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ClasslensError);
        return (e as ClasslensError).code;
      }
      return 'none';
    };
    expect(code(() => spearmanSimilarity([]))).toBe('EMPTY');
    expect(code(() => spearmanSimilarity([[1, Infinity]]))).toBe('NON_FINITE');
    expect(code(() => spearmanSimilarity([[1]], { backend: 'x' as never }))).toBe('INVALID_ARGUMENT');
  });
  it('spearmanSimilarityAsync rejects with the same codes', async () => {
    await expect(spearmanSimilarityAsync([])).rejects.toMatchObject({ code: 'EMPTY' });
    await expect(spearmanSimilarityAsync([[NaN, 1]])).rejects.toMatchObject({ code: 'NON_FINITE' });
    await expect(spearmanSimilarityAsync([[1]], { workers: 1.5 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('spearmanSimilarity(scores) properties', () => {
  it('is unchanged, bit for bit, by a strictly increasing map of any class (x → x³ on integers, → exp)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 50 }), fc.integer({ min: 2, max: 6 }), fc.integer(), (n, m, seed) => {
        const x = rowsOf(logits(n, m, seed)).map((row) => row.map((v) => Math.round(v * 3)));
        const base = spearmanSimilarity(x);
        const cubed = spearmanSimilarity(x.map((row) => [row[0] ** 3, Math.exp(row[1]), ...row.slice(2)]));
        expect(Array.from(cubed.data)).toEqual(Array.from(base.data));
      }),
      { numRuns: 80 },
    );
  });
  it('is symmetric with unit (or NaN) diagonal, and ρ = −1 after reversing a class', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer(), (n, seed) => {
        const x = rowsOf(logits(n, 3, seed));
        const r = spearmanSimilarity(x.map((row) => [row[0], -row[0], row[2]]));
        expectCorrelationShape(r);
        expect(r.data[1]).toBeCloseTo(-1, 12);
      }),
      { numRuns: 60 },
    );
  });
  it("agrees between backend 'wasm' and 'js' within 1e-6", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 1, max: 13 }), fc.integer(), (n, m, seed) => {
        const x = logits(n, m, seed);
        expect(
          maxAbsDiff(spearmanSimilarity(x, { backend: 'wasm' }), spearmanSimilarity(x, { backend: 'js' })),
        ).toBeLessThan(1e-6);
      }),
      { numRuns: 50 },
    );
  });
});
