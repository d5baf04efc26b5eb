// Hostile input to the projection area (issue 8): each test failed before its fix.
import { describe, expect, it } from 'vitest';
import { pca, pcaModel, trustworthiness, tsne } from '../../src/index.js';
import { expectCode, expectRejectCode } from '../hostile.js';
import { clusters } from './helpers.js';

describe('pca(data, k) at huge and tiny magnitudes', () => {
  it('pca([[1e300, 1], [-1e300, 2], [0, 3]], 1) is finite: the first column dominates', () => {
    const s = pca(
      [
        [1e300, 1],
        [-1e300, 2],
        [0, 3],
      ],
      1,
    );
    expect(Array.from(s.data).every(Number.isFinite)).toBe(true);
    expect(Math.abs(s.data[0]) / 1e300).toBeCloseTo(1, 12);
    expect(s.data[0] + s.data[1]).toBeCloseTo(0, 0);
    expect(s.data[2]).toBe(0);
  });
  for (const scale of [2 ** 990, 2 ** -1000]) {
    it(`data scaled by 2^${Math.log2(scale)} gives the scaled scores, variances and singular values`, () => {
      const X = [
        [1, 2, 0.5],
        [3, 1, -1],
        [0, -2, 2],
        [2, 2, 2],
      ];
      const ref = pcaModel(X, 2);
      const m = pcaModel(
        X.map((r) => r.map((v) => v * scale)),
        2,
      );
      Array.from(m.scores.data).forEach((v, i) => expect(v / scale).toBeCloseTo(ref.scores.data[i], 10));
      Array.from(m.components.data).forEach((v, i) => expect(v).toBeCloseTo(ref.components.data[i], 10));
      Array.from(m.singularValues).forEach((v, i) => expect(v / scale).toBeCloseTo(ref.singularValues[i], 10));
      Array.from(m.explainedVarianceRatio).forEach((v, i) => expect(v).toBeCloseTo(ref.explainedVarianceRatio[i], 10));
    });
  }
  it('k must be an integer in range', () => {
    expectCode(() => pca([[1, 2]], '1' as unknown as number), 'INVALID_ARGUMENT', /k/);
  });
});

describe('tsne(data) at huge magnitudes and hostile sizes', () => {
  const { X } = clusters([30, 30, 30], 5, 8, 11);
  for (const scale of [1e300, 1e-300, 1e20]) {
    it(`data scaled by ${scale} embeds as well as the unscaled data (finite, trustworthy)`, async () => {
      const scaled = { rows: X.rows, cols: X.cols, data: X.data.map((v) => v * scale) };
      const y = await tsne(scaled, { iterations: 300, seed: 1 });
      expect(Array.from(y.data).every(Number.isFinite)).toBe(true);
      expect(trustworthiness(X, y, 5)).toBeGreaterThan(0.9);
    });
  }
  it('perplexity that needs 10^10 neighbour slots is TOO_LARGE, before any work', { timeout: 5_000 }, async () => {
    const data = { rows: 100_000, cols: 1, data: new Float64Array(100_000).map((_, i) => i) };
    await expectRejectCode(tsne(data, { perplexity: 40_000 }), 'TOO_LARGE', /neighbours/);
    await expectRejectCode(tsne(data, { method: 'exact' }), 'TOO_LARGE', /neighbours/);
  });
  it('iterations beyond 10^6 are TOO_LARGE; wrong types are INVALID_ARGUMENT', async () => {
    await expectRejectCode(tsne(X, { iterations: 1e9 }), 'TOO_LARGE', /iterations/);
    await expectRejectCode(tsne(X, { perplexity: '5' as unknown as number }), 'INVALID_ARGUMENT', /perplexity/);
    await expectRejectCode(tsne(X, 'fast' as unknown as object), 'INVALID_ARGUMENT', /options/);
  });
  it('trustworthiness(high, low, k) with non-number cells is NOT_A_NUMBER', () => {
    expectCode(
      () => trustworthiness([[1], [2], [null], [4], [5]] as unknown as number[][], [[1], [2], [3], [4], [5]], 1),
      'NOT_A_NUMBER',
      /high: null at row 2, column 0/,
    );
  });
});

describe('trustworthiness(high, low, k) at huge magnitudes', () => {
  it('data scaled by 1e300 or 1e-300 gives the trustworthiness of the unscaled data', () => {
    const { X } = clusters([20, 20], 4, 6, 5);
    const low = {
      rows: X.rows,
      cols: 2,
      data: new Float64Array(X.rows * 2).map((_, t) => X.data[Math.floor(t / 2) * 4 + (t % 2)]),
    };
    const ref = trustworthiness(X, low, 5);
    for (const s of [1e300, 1e-300]) {
      const scale = (m: typeof low) => ({ ...m, data: m.data.map((v) => v * s) });
      expect(trustworthiness(scale(X), scale(low), 5)).toBeCloseTo(ref, 12);
    }
  });
});
