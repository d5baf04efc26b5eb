import { describe, expect, it } from 'vitest';
import {
  ClasslensError,
  KeyIndex,
  checkLengths,
  encodeKeys,
  fuzzyCMeans,
  mulberry32,
  toMatrix,
  tsne,
  uniqueKeys,
} from '../src/index.js';

describe('toMatrix(input)', () => {
  it('copies nested arrays into a row-major Float64Array', () => {
    const m = toMatrix([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(3);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('returns a Matrix unchanged (same object)', () => {
    const m = { rows: 1, cols: 2, data: new Float32Array([1, 2]) };
    expect(toMatrix(m)).toBe(m);
  });
  it('throws INVALID_SHAPE naming the ragged row', () => {
    expect(() => toMatrix([[1, 2], [3]])).toThrow(/row 1 has length 1, expected 2/);
  });
  it('throws NON_FINITE with the first bad position when finite is set', () => {
    try {
      toMatrix(
        [
          [1, 2],
          [3, NaN],
        ],
        { finite: true, name: 'scores' },
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ClasslensError);
      expect((e as ClasslensError).code).toBe('NON_FINITE');
      expect((e as Error).message).toBe('scores: NaN at row 1, column 1');
    }
  });
});

describe('checkLengths(arrays)', () => {
  it('throws LENGTH_MISMATCH naming both lengths', () => {
    expect(() => checkLengths({ truth: [1, 2, 3], pred: [1, 2] })).toThrow('pred has length 2 but truth has length 3');
  });
  it('throws INVALID_ARGUMENT (not a TypeError) for a number or string', () => {
    expect(() => checkLengths({ truth: [1], pred: 5 as unknown as number[] })).toThrow(
      'pred: expected an array, got number 5',
    );
    expect(() => checkLengths({ truth: 'abc' as unknown as number[] })).toThrow(ClasslensError);
  });
  it('returns the common length', () => {
    expect(checkLengths({ a: [1, 2], b: new Int32Array(2) })).toBe(2);
  });
});

describe('KeyIndex(keys)', () => {
  it('throws DUPLICATE_KEY', () => {
    expect(() => new KeyIndex(['a', 'b', 'a'])).toThrow(/duplicate key "a"/);
  });
  it('encodeKeys throws UNKNOWN_CLASS naming the label, or maps to a fallback', () => {
    const idx = new KeyIndex(['cat', 'dog']);
    expect(() => encodeKeys(['cat', 'emu'], idx, 'pred')).toThrow('pred: unknown class "emu" at index 1');
    expect(Array.from(encodeKeys(['cat', 'emu'], idx, 'pred', 2))).toEqual([0, 2]);
  });
  it('uniqueKeys sorts numbers before strings, deterministically', () => {
    expect(uniqueKeys(['b', 3, 'a'], [1, 'b'])).toEqual([1, 3, 'a', 'b']);
  });
});

describe('mulberry32(seed) — the one seeded generator', () => {
  it('gives the documented stream: mulberry32(42)() is 0.6011037519201636', () => {
    expect(mulberry32(42)()).toBe(0.6011037519201636);
    // ToUint32 seeds: 2^32 + 7 and 7.9 are seed 7.
    const a = mulberry32(7);
    const b = mulberry32(2 ** 32 + 7);
    const c = mulberry32(7.9);
    for (let k = 0; k < 5; k++) expect([b(), c()]).toEqual(Array(2).fill(a()));
  });
  it('is the stream of every seeded choice: tsne with seed 7 draws what fuzzyCMeans with seed 7 draws', async () => {
    // tsne on three points with init 'random' returns its seeded start: 1e-4 × standard
    // normals (Box–Muller) from mulberry32(seed) — no per-area mixing of the seed.
    const y = await tsne([[0], [1], [2]], { init: 'random', seed: 7 });
    const u = mulberry32(7);
    const normals: number[] = [];
    while (normals.length < 6) {
      let p = 0;
      while (p === 0) p = u();
      const q = u();
      const r = Math.sqrt(-2 * Math.log(p));
      normals.push(r * Math.cos(2 * Math.PI * q), r * Math.sin(2 * Math.PI * q));
    }
    expect(Array.from(y.data)).toEqual(normals.map((v) => 1e-4 * v));
    // fuzzyCMeans' initial memberships are the same stream's draws, row by row.
    const rows = [[0], [1], [5], [6]];
    const v = mulberry32(7);
    const start = rows.map(() => [v(), v()]);
    expect(fuzzyCMeans(rows, 2, { seed: 7 })).toEqual(fuzzyCMeans(rows, 2, { initialMemberships: start }));
  });
});
