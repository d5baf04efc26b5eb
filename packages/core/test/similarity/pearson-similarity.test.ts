import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClasslensError, pearsonSimilarity, pearsonSimilarityAsync, type Matrix } from '../../src/index.js';
import { expectCorrelationShape, fixture, fromJson, logits, maxAbsDiff, rowsOf } from './helpers.js';

interface Case {
  name: string;
  float32: boolean;
  x: number[][];
  expected: (number | null)[][];
}
const { cases } = fixture<{ cases: Case[] }>('pearson.json');

function input(c: Case): Matrix {
  const rows = c.x.length;
  const cols = c.x[0].length;
  const flat = c.x.flat();
  return { rows, cols, data: c.float32 ? Float32Array.from(flat) : Float64Array.from(flat) };
}

describe('pearsonSimilarity(scores) against numpy.corrcoef', () => {
  for (const c of cases) {
    it(`matches numpy within 1e-12 with backend 'js': ${c.name}`, () => {
      expect(maxAbsDiff(pearsonSimilarity(input(c), { backend: 'js' }), fromJson(c.expected))).toBeLessThan(1e-12);
    });
    it(`matches numpy within 1e-6 with backend 'wasm': ${c.name}`, () => {
      expect(maxAbsDiff(pearsonSimilarity(input(c), { backend: 'wasm' }), fromJson(c.expected))).toBeLessThan(1e-6);
    });
  }
  it('accepts number[][] and a Matrix alike', () => {
    const c = cases[0];
    expect(pearsonSimilarity(c.x, { backend: 'js' }).data).toEqual(pearsonSimilarity(input(c), { backend: 'js' }).data);
  });
});

describe('pearsonSimilarity(scores) degenerate cases', () => {
  it('gives NaN on the whole row and column of a constant class, diagonal included', () => {
    const r = pearsonSimilarity([
      [1, 5, 2],
      [2, 5, 1],
      [3, 5, 7],
    ]);
    expect(rowsOf(r)[1].every(Number.isNaN)).toBe(true);
    expect([r.data[1], r.data[7]].every(Number.isNaN)).toBe(true);
    expect(r.data[0]).toBe(1);
    expect(r.data[8]).toBe(1);
  });
  it('gives all NaN for a single sample (every column constant)', () => {
    const r = pearsonSimilarity([[1, 2, 3]]);
    expect(Array.from(r.data).every(Number.isNaN)).toBe(true);
  });
  it('treats a column as constant only when its values are exactly equal (0.1 repeated is constant)', () => {
    const r = pearsonSimilarity([
      [0.1, 1],
      [0.1, 2],
      [0.1, 4],
    ]);
    expect(r.data[0]).toBeNaN();
    expect(r.data[1]).toBeNaN();
  });
  it('returns a 0 × 0 matrix for zero classes', () => {
    const r = pearsonSimilarity({ rows: 3, cols: 0, data: new Float64Array(0) });
    expect([r.rows, r.cols, r.data.length]).toEqual([0, 0, 0]);
  });
  it('gives exactly ±1 for perfectly (anti-)correlated classes and clamps to [-1, 1]', () => {
    const r = pearsonSimilarity(
      [
        [1, 2, -3],
        [2, 4, -6],
        [4, 8, -12],
      ],
      { backend: 'js' },
    );
    expect(r.data[1]).toBeCloseTo(1, 15);
    expect(r.data[2]).toBeCloseTo(-1, 15);
    expect(Math.abs(r.data[1])).toBeLessThanOrEqual(1);
  });
  it('does not modify its input', () => {
    const x = logits(50, 7, 3);
    const copy = x.data.slice();
    pearsonSimilarity(x);
    pearsonSimilarity(x, { backend: 'js' });
    expect(x.data).toEqual(copy);
  });
});

describe('pearsonSimilarity(scores) errors', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ClasslensError);
      return [(e as ClasslensError).code, (e as Error).message];
    }
    throw new Error('did not throw');
  };
  it('throws EMPTY for zero samples', () => {
    expect(code(() => pearsonSimilarity([]))[0]).toBe('EMPTY');
    expect(code(() => pearsonSimilarity({ rows: 0, cols: 3, data: new Float64Array(0) }))[0]).toBe('EMPTY');
  });
  it('throws NON_FINITE naming the first NaN / Infinity', () => {
    expect(
      code(() =>
        pearsonSimilarity([
          [1, 2],
          [3, NaN],
        ]),
      ),
    ).toEqual(['NON_FINITE', 'scores: NaN at row 1, column 1']);
    expect(
      code(() =>
        pearsonSimilarity([
          [1, -Infinity],
          [3, 4],
        ]),
      ),
    ).toEqual(['NON_FINITE', 'scores: -Infinity at row 0, column 1']);
  });
  it('names the first NaN / ±Infinity in row-major order, with either backend and in the async form', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(NaN, Infinity, -Infinity)), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('wasm' as const, 'js' as const),
        async (n, m, bad, backend) => {
          const x = logits(n, m, n * 31 + m);
          for (const [k, v] of bad) x.data[k % (n * m)] = v;
          const first = x.data.findIndex((v) => !Number.isFinite(v));
          const msg = `scores: ${x.data[first]} at row ${Math.floor(first / m)}, column ${first % m}`;
          expect(code(() => pearsonSimilarity(x, { backend }))).toEqual(['NON_FINITE', msg]);
          await expect(pearsonSimilarityAsync(x, { backend, workers: false })).rejects.toMatchObject({
            code: 'NON_FINITE',
            message: msg,
          });
        },
      ),
      { numRuns: 60 },
    );
  });
  it('throws INVALID_SHAPE for ragged rows and a data array of the wrong length', () => {
    expect(code(() => pearsonSimilarity([[1, 2], [3]]))[0]).toBe('INVALID_SHAPE');
    expect(code(() => pearsonSimilarity({ rows: 2, cols: 2, data: new Float64Array(3) }))[0]).toBe('INVALID_SHAPE');
  });
  it('throws INVALID_ARGUMENT for an unknown backend', () => {
    expect(code(() => pearsonSimilarity([[1]], { backend: 'gpu' as never }))).toEqual([
      'INVALID_ARGUMENT',
      `pearsonSimilarity: backend must be 'auto', 'wasm' or 'js', got "gpu"`,
    ]);
  });
  it('pearsonSimilarityAsync rejects with the same codes, and INVALID_ARGUMENT for a bad workers option', async () => {
    await expect(pearsonSimilarityAsync([])).rejects.toMatchObject({ code: 'EMPTY' });
    await expect(pearsonSimilarityAsync([[NaN]])).rejects.toMatchObject({ code: 'NON_FINITE' });
    await expect(pearsonSimilarityAsync([[1]], { workers: -1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

// Small, arbitrary finite matrices: huge and tiny magnitudes, repeated values, constant columns.
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const matrixArb = fc
  .record({ n: fc.integer({ min: 1, max: 12 }), m: fc.integer({ min: 1, max: 7 }) })
  .chain(({ n, m }) =>
    fc.array(fc.array(fc.oneof(finite, fc.integer({ min: -3, max: 3 })), { minLength: m, maxLength: m }), {
      minLength: n,
      maxLength: n,
    }),
  );

describe('pearsonSimilarity(scores) properties', () => {
  it('is symmetric with unit (or NaN) diagonal and entries in [-1, 1], for any finite input and both backends', () => {
    fc.assert(
      fc.property(matrixArb, (x) => {
        expectCorrelationShape(pearsonSimilarity(x, { backend: 'js' }));
        expectCorrelationShape(pearsonSimilarity(x, { backend: 'wasm' }));
      }),
      { numRuns: 200 },
    );
  });
  it('is invariant to permuting samples and equivariant to permuting classes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 60 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer(),
        fc.integer(),
        (n, m, seed, pseed) => {
          const x = rowsOf(logits(n, m, seed));
          const perm = (k: number) => {
            const p = Array.from({ length: k }, (_, i) => i);
            let s = pseed >>> 0;
            for (let i = k - 1; i > 0; i--) {
              s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
              const j = s % (i + 1);
              [p[i], p[j]] = [p[j], p[i]];
            }
            return p;
          };
          const pr = perm(n);
          const pc = perm(m);
          const base = pearsonSimilarity(x, { backend: 'js' });
          const rowsPermuted = pearsonSimilarity(
            pr.map((i) => x[i]),
            { backend: 'js' },
          );
          expect(maxAbsDiff(rowsPermuted, base)).toBeLessThan(1e-12);
          const colsPermuted = pearsonSimilarity(
            x.map((row) => pc.map((j) => row[j])),
            { backend: 'js' },
          );
          for (let a = 0; a < m; a++) {
            for (let b = 0; b < m; b++) {
              expect(colsPermuted.data[a * m + b]).toBeCloseTo(base.data[pc[a] * m + pc[b]], 12);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
  it('is invariant to a positive affine map of any class (scale by a power of ten, shift)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 40 }), fc.integer(), fc.integer({ min: -150, max: 150 }), (n, seed, e) => {
        const x = rowsOf(logits(n, 4, seed));
        const base = pearsonSimilarity(x, { backend: 'js' });
        const scaled = x.map((row) => [(row[0] + 3) * 10 ** e, ...row.slice(1)]);
        expect(maxAbsDiff(pearsonSimilarity(scaled, { backend: 'js' }), base)).toBeLessThan(1e-9);
      }),
      { numRuns: 60 },
    );
  });
  it("agrees between backend 'wasm' and 'js' within 1e-6 (the float32 bound is 8.3e-7)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.integer({ min: 1, max: 23 }), fc.integer(), (n, m, seed) => {
        const x = logits(n, m, seed);
        expect(
          maxAbsDiff(pearsonSimilarity(x, { backend: 'wasm' }), pearsonSimilarity(x, { backend: 'js' })),
        ).toBeLessThan(1e-6);
      }),
      { numRuns: 80 },
    );
  });
});
