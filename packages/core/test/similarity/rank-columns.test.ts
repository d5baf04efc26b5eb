import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClasslensError, rankColumns, rankColumnsAsync } from '../../src/index.js';
import { fixture, rowsOf } from './helpers.js';

interface Case {
  name: string;
  x: (number | null)[][];
  expected: number[][];
}
const { cases } = fixture<{ cases: Case[] }>('rankdata.json');

describe('rankColumns(scores) against scipy.stats.rankdata(axis=0)', () => {
  for (const c of cases) {
    for (const backend of ['js', 'wasm'] as const) {
      it(`matches SciPy exactly with backend '${backend}': ${c.name}`, () => {
        const x = c.x as number[][];
        expect(rowsOf(rankColumns(x, { backend }))).toEqual(c.expected);
      });
    }
  }
  it('ranks the documented example', () => {
    expect(
      Array.from(
        rankColumns([
          [3, 1],
          [1, 1],
          [2, 5],
        ]).data,
      ),
    ).toEqual([3, 1.5, 1, 1.5, 2, 3]);
  });
});

describe('rankColumns(scores) degenerate cases and errors', () => {
  it('returns 0 × m for zero rows and (n + 1) / 2 for a constant column', () => {
    const r = rankColumns({ rows: 0, cols: 3, data: new Float64Array(0) });
    expect([r.rows, r.cols]).toEqual([0, 3]);
    expect(Array.from(rankColumns([[7], [7], [7], [7]]).data)).toEqual([2.5, 2.5, 2.5, 2.5]);
  });
  it('ties -0 with 0', () => {
    expect(Array.from(rankColumns([[-0], [0], [-1]]).data)).toEqual([2.5, 2.5, 1]);
  });
  it('throws NON_FINITE naming the first bad value, and INVALID_ARGUMENT for a bad backend', () => {
    try {
      rankColumns([[1], [NaN]]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ClasslensError);
      expect((e as ClasslensError).code).toBe('NON_FINITE');
      expect((e as Error).message).toBe('scores: NaN at row 1, column 0');
    }
    expect(() => rankColumns([[1]], { backend: 'cpu' as never })).toThrow(ClasslensError);
  });
  it('rankColumnsAsync matches rankColumns and rejects bad input', async () => {
    const x = [
      [3, 1],
      [1, 1],
      [2, 5],
    ];
    expect(Array.from((await rankColumnsAsync(x, { workers: false })).data)).toEqual(Array.from(rankColumns(x).data));
    await expect(rankColumnsAsync([[Infinity]])).rejects.toMatchObject({ code: 'NON_FINITE' });
  });
});

// Values drawn from few distinct numbers (many ties), wide magnitudes, and signed zeros.
const valueArb = fc.oneof(
  fc.integer({ min: -4, max: 4 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324),
);

describe('rankColumns(scores) properties', () => {
  it('orders like the values, averages ties, sums to n(n+1)/2, and both backends agree exactly', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 1, maxLength: 300 }), (col) => {
        const n = col.length;
        const x = col.map((v) => [v]);
        const js = Array.from(rankColumns(x, { backend: 'js' }).data);
        const wasm = Array.from(rankColumns(x, { backend: 'wasm' }).data);
        expect(wasm).toEqual(js);
        expect(js.reduce((a, b) => a + b, 0)).toBe((n * (n + 1)) / 2);
        for (let a = 0; a < n; a++) {
          // rank = 1 + (#smaller) + (#equal − 1) / 2, by definition of average ranks
          let smaller = 0;
          let equal = 0;
          for (let b = 0; b < n; b++) {
            if (col[b] < col[a]) smaller++;
            else if (col[b] === col[a]) equal++;
          }
          expect(js[a]).toBe(1 + smaller + (equal - 1) / 2);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('is equivariant to permuting rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(valueArb, valueArb), { minLength: 1, maxLength: 80 }),
        fc.integer(),
        (rows, seed) => {
          const x = rows.map(([a, b]) => [a, b]);
          const p = x.map((_, i) => i);
          let s = seed >>> 0;
          for (let i = p.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            const j = s % (i + 1);
            [p[i], p[j]] = [p[j], p[i]];
          }
          const base = rowsOf(rankColumns(x));
          const perm = rowsOf(rankColumns(p.map((i) => x[i])));
          expect(perm).toEqual(p.map((i) => base[i]));
        },
      ),
      { numRuns: 100 },
    );
  });
});
