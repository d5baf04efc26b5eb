// Hostile input to the similarity area (issue 8): each test failed before its fix.
import { describe, expect, it } from 'vitest';
import { pearsonSimilarity, rankColumns, spearmanSimilarity, toMatrix } from '../../src/index.js';
import { expectCode } from '../hostile.js';

const cells: [string, unknown, RegExp][] = [
  ['null', null, /null at row 1, column 1, expected a number \(JSON writes NaN as null\)/],
  ['true', true, /boolean true at row 1, column 1, expected a number/],
  ["'5'", '5', /string "5" at row 1, column 1, expected a number/],
  ['undefined', undefined, /undefined at row 1, column 1/],
  ['an object', {}, /an object at row 1, column 1/],
];

describe('numeric matrices never coerce their cells', () => {
  for (const [what, v, message] of cells) {
    const m = [
      [1, 2],
      [2, v],
      [3, 4],
    ] as unknown as number[][];
    it(`pearsonSimilarity: ${what} in a cell is NOT_A_NUMBER naming the position`, () => {
      expectCode(() => pearsonSimilarity(m), 'NOT_A_NUMBER', message);
    });
    it(`spearmanSimilarity and rankColumns: ${what} in a cell is NOT_A_NUMBER`, () => {
      expectCode(() => spearmanSimilarity(m), 'NOT_A_NUMBER', message);
      expectCode(() => rankColumns(m), 'NOT_A_NUMBER', message);
    });
  }
  it('toMatrix: a row that is not an array is INVALID_SHAPE naming it (not "length undefined")', () => {
    expectCode(() => toMatrix([1, 2, 3] as unknown as number[][]), 'INVALID_SHAPE', /row 0 is 1, expected an array/);
    expectCode(() => toMatrix([[1], 'a'] as unknown as number[][]), 'INVALID_SHAPE', /row 1 is string "a"/);
    expectCode(() => toMatrix([[1], null] as unknown as number[][]), 'INVALID_SHAPE', /row 1 is null/);
  });
  it('pearsonSimilarity still handles ±1e300 (scaled per column)', () => {
    const r = pearsonSimilarity([
      [1e300, -1e300],
      [-1e300, 1e300],
      [0, 2e299],
    ]);
    expect(Array.from(r.data).every(Number.isFinite)).toBe(true);
  });
});
