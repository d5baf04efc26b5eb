// spearmanSimilarity(scores, { rank: 'within-sample' }): the Blocks paper's Spearman
// (Alsallakh et al., IEEE TVCG 2018) — classes ranked within each sample, then Pearson
// across samples — against numpy/SciPy (test/fixtures/similarity/make_spearman_within.py).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pearsonSimilarity, spearmanSimilarity, spearmanSimilarityAsync, type Matrix } from '../../src/index.js';
import { expectCode, expectRejectCode } from '../hostile.js';
import { fixture, fromJson, maxAbsDiff } from './helpers.js';

interface Case {
  name: string;
  x: number[][];
  ranks: number[][];
  expected: (number | null)[][];
}
const { cases } = fixture<{ cases: Case[] }>('spearman-within.json');

describe("spearmanSimilarity(scores, { rank: 'within-sample' }) against numpy/SciPy", () => {
  for (const c of cases) {
    it(`matches rankdata(axis=1) + corrcoef within 1e-12 with backend 'js': ${c.name}`, () => {
      const r = spearmanSimilarity(c.x, { rank: 'within-sample', backend: 'js' });
      expect(maxAbsDiff(r, fromJson(c.expected))).toBeLessThan(1e-12);
    });
    it(`matches within 1e-6 with the default backend, and the async form equals the sync one: ${c.name}`, async () => {
      const r = spearmanSimilarity(c.x, { rank: 'within-sample' });
      expect(maxAbsDiff(r, fromJson(c.expected))).toBeLessThan(1e-6);
      const a = await spearmanSimilarityAsync(c.x, { rank: 'within-sample', workers: false });
      expect(maxAbsDiff(a, r)).toBe(0);
    });
  }
  it('is Pearson of the within-sample ranks', () => {
    const c = cases[1];
    expect(
      maxAbsDiff(
        spearmanSimilarity(c.x, { rank: 'within-sample', backend: 'js' }),
        pearsonSimilarity(c.ranks, { backend: 'js' }),
      ),
    ).toBeLessThan(1e-14);
  });
  it("differs from SciPy's across-samples Spearman (the default), which ranks each class over samples", () => {
    const c = cases[0];
    const across = spearmanSimilarity(c.x);
    expect(maxAbsDiff(across, spearmanSimilarity(c.x, { rank: 'across-samples' }))).toBe(0);
    expect(maxAbsDiff(across, spearmanSimilarity(c.x, { rank: 'within-sample' }))).toBeGreaterThan(0.01);
  });
  it('logits and their softmax give the same matrix (softmax keeps the order within a sample)', () => {
    const lg = cases[5].x.map((row) => row.map((v) => Math.log(v)));
    expect(
      maxAbsDiff(
        spearmanSimilarity(lg, { rank: 'within-sample' }),
        spearmanSimilarity(cases[5].x, { rank: 'within-sample' }),
      ),
    ).toBeLessThan(1e-6);
  });
  it('rank must be one of the two modes', async () => {
    expectCode(() => spearmanSimilarity([[1, 2]], { rank: 'rows' as 'within-sample' }), 'INVALID_ARGUMENT', /rank/);
    await expectRejectCode(
      spearmanSimilarityAsync([[1, 2]], { rank: 1 as unknown as 'within-sample' }),
      'INVALID_ARGUMENT',
      /rank/,
    );
    expectCode(
      () => spearmanSimilarity([[1, null]] as unknown as number[][], { rank: 'within-sample' }),
      'NOT_A_NUMBER',
    );
    expectCode(() => spearmanSimilarity([[1, NaN]], { rank: 'within-sample' }), 'NON_FINITE');
  });
  it('is symmetric with a unit diagonal, invariant to any increasing transform of each sample — property', () => {
    const input = fc.tuple(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 6 })).chain(([n, m]) =>
      fc.array(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: m, maxLength: m }), {
        minLength: n,
        maxLength: n,
      }),
    );
    fc.assert(
      fc.property(
        input,
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 30, maxLength: 30 }),
        (x, scale) => {
          const r = spearmanSimilarity(x, { rank: 'within-sample', backend: 'js' });
          // Each row through its own increasing map: a·v³ + b, a > 0.
          const y = x.map((row, i) => row.map((v) => scale[i] * v ** 3 + i));
          const s = spearmanSimilarity(y, { rank: 'within-sample', backend: 'js' });
          expect(maxAbsDiff(r, s)).toBeLessThan(1e-12);
          const m = r.rows;
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < m; j++) {
              const v = r.data[i * m + j];
              if (!Number.isNaN(v)) expect(Math.abs(v - r.data[j * m + i])).toBeLessThan(1e-12);
              if (i === j && !Number.isNaN(v)) expect(v).toBeCloseTo(1, 12);
            }
          }
        },
      ),
    );
  });
  it('with workers, the async form equals the sync one up to rounding', async () => {
    const big: Matrix = {
      rows: 3000,
      cols: 40,
      data: new Float64Array(3000 * 40).map((_, k) => Math.sin(k * 0.37) + ((k * 7919) % 13)),
    };
    const a = await spearmanSimilarityAsync(big, { rank: 'within-sample', workers: 2 });
    expect(maxAbsDiff(a, spearmanSimilarity(big, { rank: 'within-sample' }))).toBeLessThan(1e-6);
  });
});
