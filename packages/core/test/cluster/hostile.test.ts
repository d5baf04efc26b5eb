// Hostile input to the cluster area (issue 8): each test failed before its fix.
import { describe, expect, it } from 'vitest';
import { cophenetic, cutTree, fuzzyCMeans, hclust, similarityToDistance } from '../../src/index.js';
import { expectCode } from '../hostile.js';

describe('hclust(distances) on malformed input', () => {
  it('a plain array of numbers is named as such (not "row 0 has length undefined")', () => {
    const e = expectCode(() => hclust([1, 2, 3] as unknown as number[][]), 'INVALID_SHAPE');
    expect(e.message).toMatch(/distances: row 0 is 1, expected an array/);
    expect(e.message).toMatch(/Float64Array/);
  });
  it('a null distance is NOT_A_NUMBER, never a merge at 0', () => {
    const d = [
      [0, null, 3],
      [null, 0, 4],
      [3, 4, 0],
    ] as unknown as number[][];
    expectCode(() => hclust(d), 'NOT_A_NUMBER', /null at row 0, column 1/);
    expectCode(
      () =>
        similarityToDistance([
          [1, '0.5'],
          ['0.5', 1],
        ] as unknown as number[][]),
      'NOT_A_NUMBER',
    );
  });
  it('options must be an object with known values', () => {
    expectCode(() => hclust([[0]], 'ward' as unknown as object), 'INVALID_ARGUMENT', /options/);
  });
});

describe('sizes implied by options are refused before allocating', () => {
  it('fuzzyCMeans on 10^5 rows with k = 10^5 (10^10 memberships) is TOO_LARGE, at once', { timeout: 5_000 }, () => {
    const rows = { rows: 100_000, cols: 1, data: new Float64Array(100_000).map((_, i) => i) };
    expectCode(() => fuzzyCMeans(rows, 100_000), 'TOO_LARGE', /memberships/);
  });
  it('fuzzyCMeans maxIterations beyond 10^6 is TOO_LARGE; k must be a number', () => {
    expectCode(() => fuzzyCMeans([[0], [1]], 2, { maxIterations: 1e9 }), 'TOO_LARGE', /maxIterations/);
    expectCode(() => fuzzyCMeans([[0], [1]], '2' as unknown as number), 'INVALID_ARGUMENT', /k/);
  });
  it('cophenetic of a tree over 46,341 points (n² > 2^31 entries) is TOO_LARGE', () => {
    // A chain merging point s + 1 into the cluster so far.
    const n = 46_341;
    const merges: [number, number, number, number][] = [];
    for (let s = 0; s < n - 1; s++) merges.push([s === 0 ? 0 : n + s - 1, s + 1, s + 1, s + 2]);
    expectCode(() => cophenetic({ merges }), 'TOO_LARGE');
    expect(cutTree({ merges }, 2)[n - 1]).toBe(1);
  });
});

describe('fuzzyCMeans(rows, k) at huge magnitudes', () => {
  const base = [
    [0, 0],
    [0.1, 0],
    [0, 0.1],
    [5, 5],
    [5.1, 5],
    [5, 5.1],
  ];
  for (const scale of [1e300, 1e-300]) {
    it(`rows scaled by ${scale} give the memberships of the unscaled rows (scaled internally)`, () => {
      const ref = fuzzyCMeans(base, 2, { seed: 3 });
      const big = fuzzyCMeans(
        base.map((r) => r.map((v) => v * scale)),
        2,
        { seed: 3 },
      );
      const u = Array.from(big.memberships.data);
      expect(u.every(Number.isFinite)).toBe(true);
      expect(Math.max(...u)).toBeGreaterThan(0.9);
      const want = Array.from(ref.memberships.data);
      u.forEach((v, i) => expect(v).toBeCloseTo(want[i], 6));
      Array.from(big.centers.data).forEach((v, i) => expect(v / scale).toBeCloseTo(ref.centers.data[i], 6));
      // J = Σ u^m d² itself over- or underflows at these scales (1e600, 1e-600), but is never NaN.
      expect(big.objective).not.toBeNaN();
    });
  }
});
