import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClasslensError, cooccurrence } from '../../src/index.js';
import { fixture, fromJson, maxAbsDiff } from './helpers.js';

const fx = fixture<{
  classes: string[];
  labelSets: string[][];
  count: number[][];
  jaccard: (number | null)[][];
  cosine: (number | null)[][];
}>('cooccurrence.json');

describe('cooccurrence(labelSets, classes) against numpy / scikit-learn', () => {
  it('counts co-occurrences like Yᵀ·Y of the indicator matrix (duplicates count once)', () => {
    expect(maxAbsDiff(cooccurrence(fx.labelSets, fx.classes), fx.count)).toBe(0);
  });
  it("normalize: 'jaccard' matches 1 − sklearn's Jaccard distance", () => {
    expect(
      maxAbsDiff(cooccurrence(fx.labelSets, fx.classes, { normalize: 'jaccard' }), fromJson(fx.jaccard)),
    ).toBeLessThan(1e-15);
  });
  it("normalize: 'cosine' matches sklearn's cosine_similarity", () => {
    expect(
      maxAbsDiff(cooccurrence(fx.labelSets, fx.classes, { normalize: 'cosine' }), fromJson(fx.cosine)),
    ).toBeLessThan(1e-14);
  });
  it('gives the documented example', () => {
    const sets = [['cat', 'dog'], ['dog'], ['cat', 'dog', 'bird']];
    const classes = ['cat', 'dog', 'bird'];
    expect(Array.from(cooccurrence(sets, classes).data)).toEqual([2, 2, 1, 2, 3, 1, 1, 1, 1]);
    expect(cooccurrence(sets, classes, { normalize: 'jaccard' }).data[1]).toBeCloseTo(2 / 3, 15);
  });
});

describe('cooccurrence(labelSets, classes) degenerate cases and errors', () => {
  it('returns zeros for no samples, and NaN for a class that never occurs once normalised', () => {
    expect(Array.from(cooccurrence([], ['a', 'b']).data)).toEqual([0, 0, 0, 0]);
    const j = cooccurrence([['a'], []], ['a', 'b'], { normalize: 'jaccard' });
    expect(Array.from(j.data)).toEqual([1, 0, 0, NaN]);
    const c = cooccurrence([['a']], ['a', 'b'], { normalize: 'cosine' });
    expect(Array.from(c.data)).toEqual([1, NaN, NaN, NaN]);
  });
  it('accepts numeric labels, and rejects a class list holding both 1 and "1" (DUPLICATE_KEY)', () => {
    expect(Array.from(cooccurrence([[1, 2]], [1, 2]).data)).toEqual([1, 1, 1, 1]);
    expect(() => cooccurrence([[1, '1']], [1, '1'])).toThrow(/both 1 and "1"/);
  });
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ClasslensError);
      return [(e as ClasslensError).code, (e as Error).message];
    }
    return ['none'];
  };
  it('throws UNKNOWN_CLASS naming the label and the sample', () => {
    expect(code(() => cooccurrence([['a'], ['a', 'z']], ['a']))).toEqual([
      'UNKNOWN_CLASS',
      'labelSets: unknown class "z" in sample 1',
    ]);
  });
  it('throws DUPLICATE_KEY for a repeated class', () => {
    expect(code(() => cooccurrence([], ['a', 'a']))[0]).toBe('DUPLICATE_KEY');
  });
  it('throws NON_FINITE for a NaN label and INVALID_ARGUMENT for non-key labels, strings as sets, bad options', () => {
    expect(code(() => cooccurrence([[NaN]], [1]))[0]).toBe('NON_FINITE');
    expect(code(() => cooccurrence([[{} as never]], [1]))[0]).toBe('INVALID_ARGUMENT');
    expect(code(() => cooccurrence(['ab' as never], ['a', 'b']))).toEqual([
      'INVALID_ARGUMENT',
      'labelSets: entry 0 is a string, expected an array of labels',
    ]);
    expect(code(() => cooccurrence([null as never], ['a']))[0]).toBe('INVALID_ARGUMENT');
    expect(code(() => cooccurrence(null as never, ['a']))[0]).toBe('INVALID_ARGUMENT');
    expect(code(() => cooccurrence([], ['a'], { normalize: 'dice' as never }))[0]).toBe('INVALID_ARGUMENT');
  });
});

describe('cooccurrence(labelSets, classes) properties', () => {
  const setsArb = fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 8 }), { maxLength: 40 });
  it('is symmetric; counts ≤ the diagonal; normalised values in [0, 1] with unit diagonal where defined', () => {
    fc.assert(
      fc.property(setsArb, (sets) => {
        const classes = [0, 1, 2, 3, 4, 5];
        const c = cooccurrence(sets, classes);
        for (const normalize of ['jaccard', 'cosine'] as const) {
          const s = cooccurrence(sets, classes, { normalize });
          for (let i = 0; i < 6; i++) {
            for (let j = 0; j < 6; j++) {
              const v = s.data[i * 6 + j];
              expect(Object.is(v, s.data[j * 6 + i])).toBe(true);
              if (!Number.isNaN(v)) expect(v >= 0 && v <= 1).toBe(true);
              if (i === j) expect(v).toBe(c.data[i * 6 + i] > 0 ? 1 : NaN);
            }
          }
        }
        for (let i = 0; i < 6; i++) {
          for (let j = 0; j < 6; j++) {
            expect(c.data[i * 6 + j]).toBe(c.data[j * 6 + i]);
            expect(c.data[i * 6 + j]).toBeLessThanOrEqual(Math.min(c.data[i * 7], c.data[j * 7]));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
  it('is invariant to the order of samples and of labels within a sample', () => {
    fc.assert(
      fc.property(setsArb, (sets) => {
        const classes = [0, 1, 2, 3, 4, 5];
        const a = cooccurrence(sets, classes);
        const b = cooccurrence(
          sets
            .slice()
            .reverse()
            .map((s) => s.slice().reverse()),
          classes,
        );
        expect(Array.from(b.data)).toEqual(Array.from(a.data));
      }),
      { numRuns: 100 },
    );
  });
});
