import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pca, pcaModel, type Matrix } from '../../src/index.js';
import { expectCode, fixture, maxAbsDiff } from './helpers.js';

interface PcaCase {
  name: string;
  data: number[][];
  k: number;
  scores: number[][];
  components: number[][];
  mean: number[];
  explainedVariance: number[];
  explainedVarianceRatio: number[];
  singularValues: number[];
}
const { cases } = fixture<{ cases: PcaCase[] }>('pca.json');

// Golden values: numpy SVD of the centred data with scikit-learn >= 1.5's sign rule,
// cross-checked against sklearn PCA(svd_solver="full") by make_projection.py.
// Tolerance 1e-9 absolute: eigen-decomposition of the covariance vs SVD of the data.
const TOL = 1e-9;

describe('pcaModel(data, k) against numpy/scikit-learn', () => {
  for (const c of cases) {
    it(`matches the reference for ${c.name}`, () => {
      const m = pcaModel(c.data, c.k);
      expect(m.scores.rows).toBe(c.data.length);
      expect(m.scores.cols).toBe(c.k);
      expect(maxAbsDiff(m.scores.data, c.scores.flat())).toBeLessThan(TOL);
      expect(maxAbsDiff(m.components.data, c.components.flat())).toBeLessThan(TOL);
      expect(maxAbsDiff(m.mean, c.mean)).toBeLessThan(1e-12);
      expect(maxAbsDiff(m.explainedVariance, c.explainedVariance)).toBeLessThan(TOL);
      expect(maxAbsDiff(m.explainedVarianceRatio, c.explainedVarianceRatio)).toBeLessThan(TOL);
      expect(maxAbsDiff(m.singularValues, c.singularValues)).toBeLessThan(TOL);
    });
  }
  it('pca(data, k) returns the scores of pcaModel', () => {
    const c = cases[0];
    expect(Array.from(pca(c.data, c.k).data)).toEqual(Array.from(pcaModel(c.data, c.k).scores.data));
  });
});

describe('pcaModel(data, k) conventions', () => {
  it('makes the largest-magnitude loading of each component positive', () => {
    const m = pcaModel(cases[0].data, 3);
    for (let c = 0; c < 3; c++) {
      const row = Array.from(m.components.data.subarray(c * 6, c * 6 + 6));
      const at = row.reduce((best, v, j) => (Math.abs(v) > Math.abs(row[best]) ? j : best), 0);
      expect(row[at]).toBeGreaterThan(0);
    }
  });
  it('accepts a Float32Array matrix and does not modify its input', () => {
    const data = new Float32Array([1, 2, 3, 5, 4, 1, 0, 7, 2, 2, 2, 9]);
    const copy = data.slice();
    const m = pcaModel({ rows: 4, cols: 3, data }, 2);
    expect(Array.from(data)).toEqual(Array.from(copy));
    expect(m.scores.data).toBeInstanceOf(Float64Array);
  });
  it('gives zero scores and NaN ratios for constant data', () => {
    const m = pcaModel(
      [
        [2, 2],
        [2, 2],
        [2, 2],
      ],
      2,
    );
    expect(Array.from(m.scores.data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(m.explainedVariance)).toEqual([0, 0]);
    expect(Number.isNaN(m.explainedVarianceRatio[0])).toBe(true);
    // The axes are still an orthonormal basis.
    const v = m.components.data;
    expect(v[0] * v[0] + v[1] * v[1]).toBeCloseTo(1, 12);
    expect(v[0] * v[2] + v[1] * v[3]).toBeCloseTo(0, 12);
  });
  it('gives zero scores and orthonormal axes for components beyond the rank (Gram path)', () => {
    // 3 rows in 5-D: the centred data has rank 2, so component 3 has no variance.
    const m = pcaModel(
      [
        [1, 0, 2, 0, 1],
        [0, 3, 1, 1, 0],
        [2, 1, 0, 4, 1],
      ],
      3,
    );
    for (let i = 0; i < 3; i++) expect(Math.abs(m.scores.data[i * 3 + 2])).toBeLessThan(1e-12);
    const v = m.components.data;
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        let dot = 0;
        for (let j = 0; j < 5; j++) dot += v[a * 5 + j] * v[b * 5 + j];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
      }
    }
  });
  it('uses the divisor n − 1 for variance and 1 when n = 1', () => {
    const m = pcaModel([[1, 2, 3]], 1);
    expect(m.explainedVariance[0]).toBe(0);
    expect(Array.from(m.scores.data)).toEqual([0]);
  });
});

describe('pcaModel(data, k) properties', () => {
  const matrices = fc.tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 6 })).chain(([n, d]) =>
    fc.record({
      n: fc.constant(n),
      d: fc.constant(d),
      values: fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n * d, maxLength: n * d }),
    }),
  );
  const toM = (x: { n: number; d: number; values: number[] }): Matrix => ({
    rows: x.n,
    cols: x.d,
    data: Float64Array.from(x.values),
  });

  it('has orthonormal components, descending variances and centred, uncorrelated scores', () => {
    fc.assert(
      fc.property(matrices, (x) => {
        const k = Math.min(x.n, x.d);
        const m = pcaModel(toM(x), k);
        const { data: v } = m.components;
        const scale = Math.max(1, ...x.values.map(Math.abs));
        for (let a = 0; a < k; a++) {
          for (let b = 0; b < k; b++) {
            let dot = 0;
            for (let j = 0; j < x.d; j++) dot += v[a * x.d + j] * v[b * x.d + j];
            expect(Math.abs(dot - (a === b ? 1 : 0))).toBeLessThan(1e-8);
          }
        }
        for (let c = 1; c < k; c++) {
          expect(m.explainedVariance[c]).toBeLessThanOrEqual(m.explainedVariance[c - 1] + 1e-9 * scale * scale);
        }
        const s = m.scores.data;
        for (let a = 0; a < k; a++) {
          let mean = 0;
          for (let i = 0; i < x.n; i++) mean += s[i * k + a];
          expect(Math.abs(mean / x.n)).toBeLessThan(1e-9 * scale);
          for (let b = a + 1; b < k; b++) {
            let cov = 0;
            for (let i = 0; i < x.n; i++) cov += s[i * k + a] * s[i * k + b];
            expect(Math.abs(cov)).toBeLessThan(1e-7 * scale * scale * x.n);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reconstructs the data exactly with k = d ≤ n (scores · components + mean)', () => {
    fc.assert(
      fc.property(
        matrices.filter((x) => x.d <= x.n),
        (x) => {
          const m = pcaModel(toM(x), x.d);
          const scale = Math.max(1, ...x.values.map(Math.abs));
          for (let i = 0; i < x.n; i++) {
            for (let j = 0; j < x.d; j++) {
              let r = m.mean[j];
              for (let c = 0; c < x.d; c++) r += m.scores.data[i * x.d + c] * m.components.data[c * x.d + j];
              expect(Math.abs(r - x.values[i * x.d + j])).toBeLessThan(1e-8 * scale);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is unchanged by translating the data, up to the sign of tied loadings (only the mean moves)', () => {
    fc.assert(
      fc.property(matrices, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (x, shift) => {
        const k = 1;
        const a = pcaModel(toM(x), k);
        const b = pcaModel({ rows: x.n, cols: x.d, data: Float64Array.from(x.values, (v) => v + shift) }, k);
        // Skip near-ties between the top two variances, where the axis is ill-defined.
        const ev = pcaModel(toM(x), Math.min(x.n, x.d)).explainedVariance;
        if (ev.length > 1 && ev[0] - ev[1] < 1e-3 * (ev[0] + 1)) return;
        const scale = Math.max(1, Math.abs(shift), ...x.values.map(Math.abs));
        // Up to sign: when two loadings tie in magnitude (e.g. an axis along (1, −1)),
        // rounding decides which one the sign rule sees as largest.
        const neg = Float64Array.from(b.scores.data, (v) => -v);
        const diff = Math.min(maxAbsDiff(a.scores.data, b.scores.data), maxAbsDiff(a.scores.data, neg));
        expect(diff).toBeLessThan(1e-6 * scale);
      }),
      { numRuns: 100 },
    );
  });
});

describe('pcaModel(data, k) errors', () => {
  it('throws EMPTY for no rows', () => {
    expectCode(() => pcaModel([], 1), 'EMPTY');
  });
  it('throws NON_FINITE naming the first bad entry', () => {
    expectCode(
      () =>
        pca(
          [
            [1, 2],
            [3, NaN],
          ],
          1,
        ),
      'NON_FINITE',
      /row 1, column 1/,
    );
    expectCode(
      () =>
        pca(
          [
            [Infinity, 2],
            [3, 4],
          ],
          1,
        ),
      'NON_FINITE',
      /row 0, column 0/,
    );
  });
  it('throws INVALID_SHAPE for ragged rows', () => {
    expectCode(() => pca([[1, 2], [3]], 1), 'INVALID_SHAPE');
  });
  it('throws INVALID_ARGUMENT for k outside [1, min(n, d)] or not an integer', () => {
    const X = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    expectCode(() => pca(X, 0), 'INVALID_ARGUMENT', /\[1, 2\]/);
    expectCode(() => pca(X, 3), 'INVALID_ARGUMENT', /\[1, 2\]/);
    expectCode(() => pca(X, 1.5), 'INVALID_ARGUMENT');
    expectCode(() => pca(X, NaN), 'INVALID_ARGUMENT');
    expectCode(() => pca(X, '2' as unknown as number), 'INVALID_ARGUMENT');
  });
});
