import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClasslensError, condensed, hclust, similarityToDistance, squareform } from '../../src/index.js';

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof ClasslensError ? e.code : 'other';
  }
  return undefined;
}

describe('condensed(matrix) and squareform(values)', () => {
  it('condensed writes the upper triangle row by row, as scipy squareform', () => {
    // scipy.spatial.distance.squareform([[0,1,2],[1,0,3],[2,3,0]]) == [1, 2, 3]
    expect(
      Array.from(
        condensed([
          [0, 1, 2],
          [1, 0, 3],
          [2, 3, 0],
        ]),
      ),
    ).toEqual([1, 2, 3]);
  });
  it('squareform builds the square matrix with a zero diagonal', () => {
    const m = squareform(new Float64Array([1, 2, 3]));
    expect(m.rows).toBe(3);
    expect(Array.from(m.data)).toEqual([0, 1, 2, 1, 0, 3, 2, 3, 0]);
  });
  it('are inverse to each other (round trip, any n, across 64-row blocks)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 140 }), fc.integer(), (n, seed) => {
        const len = (n * (n - 1)) / 2;
        const values = Float64Array.from({ length: len }, (_, k) => Math.sin(seed + k));
        const m = squareform(values);
        expect(condensed(m)).toEqual(values);
      }),
      { numRuns: 30 },
    );
  });
  it('keeps NaN (format conversion only) and ignores the diagonal', () => {
    expect(
      Array.from(
        condensed([
          [5, NaN],
          [NaN, 7],
        ]),
      ),
    ).toEqual([NaN]);
  });
  it('handles the degenerate sizes like scipy: [] ↔ 1 × 1', () => {
    expect(condensed([])).toEqual(new Float64Array(0));
    expect(condensed([[0]])).toEqual(new Float64Array(0));
    expect(squareform([])).toEqual({ rows: 1, cols: 1, data: new Float64Array(1) });
  });
  it('throws NOT_SQUARE, NOT_SYMMETRIC (first pair) and INVALID_SHAPE', () => {
    expect(code(() => condensed([[0, 1]]))).toBe('NOT_SQUARE');
    expect(() =>
      condensed([
        [0, 1, 2],
        [1, 0, 3],
        [2, 4, 0],
      ]),
    ).toThrow('matrix: not symmetric at (1, 2): 3 vs 4');
    expect(
      code(() =>
        condensed(
          [
            [0, 1],
            [1.5, 0],
          ],
          { symmetryTolerance: -1 },
        ),
      ),
    ).toBe('INVALID_ARGUMENT');
    expect(
      code(() =>
        condensed(
          [
            [0, 1],
            [1.5, 0],
          ],
          { symmetryTolerance: 1 },
        ),
      ),
    ).toBeUndefined();
    expect(code(() => squareform(new Float64Array(5)))).toBe('INVALID_SHAPE');
    expect(code(() => squareform(null as never))).toBe('INVALID_ARGUMENT');
  });
  it('finds the first asymmetric pair in row-major order across blocks', () => {
    const m = squareform(Float64Array.from({ length: (130 * 129) / 2 }, (_, k) => k));
    const data = m.data.slice();
    data[120 * 130 + 70] = -1; // (70, 120)
    data[100 * 130 + 5] = -1; // (5, 100): first in row-major order
    try {
      condensed({ rows: 130, cols: 130, data });
      expect.unreachable();
    } catch (e) {
      expect((e as ClasslensError).details).toEqual({ row: 5, col: 100 });
    }
  });
});

describe('similarityToDistance(similarity, { method })', () => {
  const r = [
    [1, 0.5, -1],
    [0.5, 1, 0],
    [-1, 0, 1],
  ];
  it("'1-r' (default) gives 1 − r with a zero diagonal", () => {
    expect(Array.from(similarityToDistance(r).data)).toEqual([0, 0.5, 2, 0.5, 0, 1, 2, 1, 0]);
  });
  it("'sqrt(2(1-r))' gives the Euclidean distance of standardised vectors", () => {
    const d = similarityToDistance(r, { method: 'sqrt(2(1-r))' }).data;
    expect(d[1]).toBeCloseTo(1, 15);
    expect(d[2]).toBeCloseTo(2, 15);
    expect(d[5]).toBeCloseTo(Math.SQRT2, 15);
  });
  it("'1-|r|' treats anti-correlation as closeness", () => {
    expect(Array.from(similarityToDistance(r, { method: '1-|r|' }).data)).toEqual([0, 0.5, 0, 0.5, 0, 1, 0, 1, 0]);
  });
  it('clamps rounding just outside [−1, 1] so distances are never negative, and keeps NaN off the diagonal', () => {
    const d = similarityToDistance([
      [NaN, 1 + 1e-12, NaN],
      [1 + 1e-12, 1, -1 - 1e-12],
      [NaN, -1 - 1e-12, 1],
    ]);
    expect(Array.from(d.data)).toEqual([0, 0, NaN, 0, 0, 2, NaN, 2, 0]);
  });
  it('feeds hclust in one line (NaN rows go last with nan: max)', () => {
    const sim = [
      [1, 0.9, 0.1, NaN],
      [0.9, 1, 0.2, NaN],
      [0.1, 0.2, 1, NaN],
      [NaN, NaN, NaN, NaN],
    ];
    const tree = hclust(similarityToDistance(sim), { linkage: 'average', nan: 'max' });
    expect(tree.merges[0].slice(0, 2)).toEqual([0, 1]);
    expect(tree.merges[2][2]).toBeCloseTo(0.9, 12);
  });
  it('never mutates its input', () => {
    const m = { rows: 2, cols: 2, data: new Float32Array([1, 0.5, 0.5, 1]) };
    similarityToDistance(m);
    expect(Array.from(m.data)).toEqual([1, 0.5, 0.5, 1]);
  });
  it('throws NOT_SQUARE, NON_FINITE, INVALID_ARGUMENT', () => {
    expect(code(() => similarityToDistance([[1, 0]]))).toBe('NOT_SQUARE');
    expect(
      code(() =>
        similarityToDistance([
          [1, Infinity],
          [0, 1],
        ]),
      ),
    ).toBe('NON_FINITE');
    expect(() =>
      similarityToDistance([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow('similarity: 2 at row 0, column 1 is outside [−1, 1]');
    expect(code(() => similarityToDistance(r, { method: 'abs' as '1-r' }))).toBe('INVALID_ARGUMENT');
  });
});
