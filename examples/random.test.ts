import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInteger, intBetween, mulberry32, pick, weightedIndex } from './src/random.js';
import { isClasslensError } from '../packages/core/src/common/errors.js';
// An independent copy of the same generator (the benchmarks' input source).
import { rng } from '../bench/lib.mjs';

describe('mulberry32(seed)', () => {
  it('mulberry32(seed) gives the same stream as bench/lib.mjs rng(seed)', () => {
    for (const seed of [0, 1, 42, 7, 123456789, 2 ** 32 - 1]) {
      const a = mulberry32(seed);
      const b = rng(seed);
      for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
    }
  });

  it('mulberry32(42) starts with the documented value', () => {
    expect(mulberry32(42)()).toBe(0.6011037519201636);
  });

  it('mulberry32(seed) stays in [0, 1) and has a plausible mean', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const r = mulberry32(seed);
        let sum = 0;
        for (let i = 0; i < 2000; i++) {
          const x = r();
          if (!(x >= 0 && x < 1)) return false;
          sum += x;
        }
        // mean of 2,000 uniforms: sd ≈ 0.0065, so ±0.05 is > 7 sd
        return Math.abs(sum / 2000 - 0.5) < 0.05;
      }),
      { numRuns: 50 },
    );
  });

  it('mulberry32(seed) throws INVALID_ARGUMENT for a non-integer seed', () => {
    for (const bad of [1.5, NaN, Infinity, '3' as unknown as number]) {
      expect(() => mulberry32(bad)).toThrow(/seed must be an integer/);
    }
  });
});

describe('weightedIndex(rand, weights)', () => {
  it('weightedIndex(rand, weights) never returns a zero-weight index', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.nat(5), { minLength: 1, maxLength: 12 }), (seed, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const r = mulberry32(seed);
        for (let i = 0; i < 50; i++) {
          const k = weightedIndex(r, weights);
          if (!(k >= 0 && k < weights.length && weights[k] > 0)) return false;
        }
        return true;
      }),
    );
  });

  it('weightedIndex(rand, [1, 0, 3]) draws index 2 about three times as often as 0', () => {
    const r = mulberry32(5);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[weightedIndex(r, [1, 0, 3])]++;
    expect(counts[1]).toBe(0);
    // expected 10,000 / 30,000; sd ≈ 87
    expect(Math.abs(counts[0] - 10_000)).toBeLessThan(500);
  });

  it('weightedIndex(rand, weights) maps u ∈ [0, 1) onto the cumulative weights exactly', () => {
    const at = (u: number) => weightedIndex(() => u, [2, 1, 1]);
    expect([at(0), at(0.49), at(0.5), at(0.74), at(0.75), at(0.999)]).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('pick(rand, items) and intBetween(rand, lo, hi)', () => {
  it('pick(rand, items) and intBetween(rand, lo, hi) stay in range and reach both ends', () => {
    const r = mulberry32(9);
    const seen = new Set<number>();
    const picked = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const v = intBetween(r, 3, 7);
      expect(v >= 3 && v <= 7 && Number.isInteger(v)).toBe(true);
      seen.add(v);
      picked.add(pick(r, ['a', 'b', 'c']));
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect([...picked].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('checkInteger(name, value, min, max)', () => {
  it('checkInteger(name, value, min, max) accepts integers in range and throws INVALID_ARGUMENT otherwise', () => {
    expect(() => checkInteger('items', 0, 0, 10)).not.toThrow();
    expect(() => checkInteger('items', 10, 0, 10)).not.toThrow();
    for (const bad of [-1, 11, 2.5, NaN, '5', null, undefined]) {
      let error: unknown;
      try {
        checkInteger('items', bad, 0, 10);
      } catch (e) {
        error = e;
      }
      expect(isClasslensError(error, 'INVALID_ARGUMENT')).toBe(true);
      expect((error as Error).message).toBe(`items must be an integer in [0, 10], got ${String(bad)}`);
    }
  });
});
