import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trustworthiness, type Matrix } from '../../src/index.js';
import { expectCode, fixture, mat } from './helpers.js';

interface TwCase {
  high: number[][];
  low: number[][];
  k: number[];
  expected: number[];
}
const { cases } = fixture<{ cases: TwCase[] }>('trustworthiness.json');

describe('trustworthiness(high, low, k) against sklearn.manifold.trustworthiness', () => {
  cases.forEach((c, ci) => {
    c.k.forEach((k, ki) => {
      it(`case ${ci} (n = ${c.high.length}), k = ${k}`, () => {
        // Same arithmetic up to summation order: 1e-12.
        expect(Math.abs(trustworthiness(c.high, c.low, k) - c.expected[ki])).toBeLessThan(1e-12);
      });
    });
  });
  it('accepts Matrix inputs (Float32 and Float64) as well as nested arrays', () => {
    const c = cases[0];
    const high = mat(c.high);
    const low = { rows: c.low.length, cols: 2, data: Float64Array.from(c.low.flat()) };
    expect(Math.abs(trustworthiness(high, low, 5) - c.expected[1])).toBeLessThan(1e-12);
    const high32 = { rows: high.rows, cols: high.cols, data: Float32Array.from(high.data) };
    expect(Math.abs(trustworthiness(high32, low, 5) - c.expected[1])).toBeLessThan(1e-3);
  });
  it('defaults to k = 5 like scikit-learn', () => {
    const c = cases[0];
    expect(trustworthiness(c.high, c.low)).toBe(trustworthiness(c.high, c.low, 5));
  });
});

describe('trustworthiness(high, low, k) properties', () => {
  const cloud = fc.tuple(fc.integer({ min: 6, max: 40 }), fc.integer({ min: 1, max: 5 })).chain(([n, d]) =>
    fc.record({
      n: fc.constant(n),
      d: fc.constant(d),
      // Multiples of 1/16: every distance is exact, so comparisons cannot depend on rounding.
      values: fc.array(
        fc.integer({ min: -160, max: 160 }).map((v) => v / 16),
        { minLength: n * d, maxLength: n * d },
      ),
      k: fc.integer({ min: 1, max: Math.ceil(n / 2) - 1 }),
    }),
  );
  const M = (x: { n: number; d: number; values: number[] }): Matrix => ({
    rows: x.n,
    cols: x.d,
    data: Float64Array.from(x.values),
  });

  it('is 1 for an embedding that is the data itself', () => {
    fc.assert(
      fc.property(cloud, (x) => {
        expect(trustworthiness(M(x), M(x), x.k)).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
  it('is unchanged by quarter turns, reflections and power-of-two scaling of the embedding', () => {
    // These maps change no distance comparison (they are exact in floating point).
    fc.assert(
      fc.property(cloud, fc.integer({ min: 0, max: 3 }), fc.integer({ min: -3, max: 3 }), (x, turn, exp) => {
        const n = x.n;
        const low = new Float64Array(2 * n);
        for (let i = 0; i < n; i++) {
          low[2 * i] = x.values[(i * 7) % x.values.length];
          low[2 * i + 1] = x.values[(i * 13 + 1) % x.values.length];
        }
        const f = 2 ** exp;
        const moved = new Float64Array(2 * n);
        for (let i = 0; i < n; i++) {
          let a = low[2 * i];
          let b = low[2 * i + 1];
          for (let t = 0; t < turn; t++) [a, b] = [-b, a];
          moved[2 * i] = f * a;
          moved[2 * i + 1] = -f * b;
        }
        const t0 = trustworthiness(M(x), { rows: n, cols: 2, data: low }, x.k);
        const t1 = trustworthiness(M(x), { rows: n, cols: 2, data: moved }, x.k);
        expect(t1).toBe(t0);
        expect(t0).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });
  it('falls when the embedding is shuffled', () => {
    const c = cases[2];
    const perm = c.low.map((_, i) => c.low[(i * 37) % c.low.length]);
    expect(trustworthiness(c.high, perm, 5)).toBeLessThan(trustworthiness(c.high, c.low, 5));
  });
});

describe('trustworthiness(high, low, k) errors', () => {
  const X = [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
    [2, 2],
  ];
  it('throws LENGTH_MISMATCH naming both lengths', () => {
    expectCode(() => trustworthiness(X, X.slice(0, 4), 1), 'LENGTH_MISMATCH', /4.*5|5.*4/);
  });
  it('throws INVALID_ARGUMENT for k ≥ n / 2, k < 1 or a non-integer k', () => {
    expectCode(() => trustworthiness(X, X, 3), 'INVALID_ARGUMENT', /n \/ 2 = 2.5/);
    expectCode(() => trustworthiness(X, X, 0), 'INVALID_ARGUMENT');
    expectCode(() => trustworthiness(X, X, 1.5), 'INVALID_ARGUMENT');
  });
  it('throws NON_FINITE for NaN in either input', () => {
    const bad = X.map((r) => r.slice());
    bad[2][1] = NaN;
    expectCode(() => trustworthiness(bad, X, 1), 'NON_FINITE', /high: NaN at row 2, column 1/);
    expectCode(() => trustworthiness(X, bad, 1), 'NON_FINITE', /low: NaN at row 2, column 1/);
  });
  it('throws EMPTY for no rows', () => {
    expectCode(() => trustworthiness([], [], 1), 'EMPTY');
  });
});
