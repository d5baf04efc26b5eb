import { describe, expect, it } from 'vitest';
import { chainPaths, classMetrics, filterItems, fromRecords, metricsHierarchy } from '../../src/compare/index.js';
import { expectCode } from './fixtures.js';

describe('fromRecords(data, accessors)', () => {
  it('reads each column by field name or function, leaving the records untouched', () => {
    const rows = [
      { y: 'cat', a: 'dog', p: [0.2, 0.8], t: 'hi' },
      { y: 'dog', a: 'dog', p: [0.1, 0.9], t: 'yo' },
    ];
    const copy = structuredClone(rows);
    const cols = fromRecords(rows, {
      truth: 'y',
      pred: (d) => d.a,
      preds: { A: 'a' },
      probs: 'p',
      text: (d, i) => `${i}:${d.t}`,
    });
    expect(cols).toEqual({
      truth: ['cat', 'dog'],
      pred: ['dog', 'dog'],
      preds: { A: ['dog', 'dog'] },
      probs: [
        [0.2, 0.8],
        [0.1, 0.9],
      ],
      text: ['0:hi', '1:yo'],
    });
    expect(rows).toEqual(copy);
  });
  it('gives only the columns asked for', () => {
    expect(fromRecords([{ y: 1 }], { truth: 'y' })).toEqual({ truth: [1] });
  });
  it('throws INVALID_ARGUMENT for non-array data or a bad accessor', () => {
    expectCode(() => fromRecords({} as never, { truth: 'y' }), 'INVALID_ARGUMENT', /data: expected an array/);
    expectCode(
      () => fromRecords([{}], { truth: {} as never }),
      'INVALID_ARGUMENT',
      /truth: expected a field name or a function/,
    );
    expectCode(() => fromRecords([{}], { preds: 'y' as never }), 'INVALID_ARGUMENT', /preds/);
    expectCode(() => fromRecords([{}], null as never), 'INVALID_ARGUMENT');
  });
});

describe('class-index inputs (integer typed arrays plus classes)', () => {
  it('reads every integer typed array kind as indices, and numbers[] as keys', () => {
    const classes = ['x', 'y', 'z'];
    const expected = classMetrics(['x', 'y', 'z'], ['x', 'y', 'y']);
    for (const T of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array]) {
      expect(classMetrics(new T([0, 1, 2]), new T([0, 1, 1]), classes)).toEqual(expected);
    }
    expectCode(() => classMetrics([0, 1], [0, 1], classes), 'UNKNOWN_CLASS', 'truth: unknown class 0 at index 0');
  });
  it('throws UNKNOWN_CLASS at the first out-of-range index of a copied typed array', () => {
    expectCode(
      () => classMetrics(new Uint16Array([0, 9, 1]), new Uint16Array([0, 0, 0]), ['x', 'y']),
      'UNKNOWN_CLASS',
      'truth: class index 9 at index 1 is not in [0, 2)',
    );
  });
  it('reads typed arrays without classes as numeric keys', () => {
    expect(classMetrics(new Int32Array([5, 7]), new Int32Array([5, 5])).map((r) => r.class)).toEqual([5, 7]);
  });
  it('handles labels that name Object.prototype members', () => {
    const labels = ['__proto__', 'constructor', 'toString', '__proto__'];
    expect(classMetrics(labels, labels).map((r) => [r.class, r.support])).toEqual([
      ['__proto__', 2],
      ['constructor', 1],
      ['toString', 1],
    ]);
  });
  it('rejects a key space holding both 1 and "1" (DUPLICATE_KEY), as crosstab and flowGraph do', () => {
    expectCode(() => chainPaths([[1, '1']]), 'DUPLICATE_KEY', /both 1 and "1"/);
  });
  it('refuses a hierarchy with more than 2^26 correctness leaves', () => {
    const preds = Object.fromEntries(Array.from({ length: 26 }, (_, k) => [`m${k}`, ['a']]));
    expectCode(
      () => metricsHierarchy(['a', 'b'].slice(0, 1), preds, { classes: ['a', 'b'] }),
      'TOO_LARGE',
      /too many leaves/,
    );
  });

  it('range-checks zero-copy class indices in every function that reads them in its own first pass', () => {
    const ok = new Int32Array([0, 1, 1]);
    const bad = new Int32Array([0, 1, 5]);
    const classes = ['x', 'y'];
    const msg = /class index 5 at index 2 is not in \[0, 2\)/;
    expectCode(() => metricsHierarchy(ok, { A: ok, B: bad }, { classes }), 'UNKNOWN_CLASS', msg);
    expectCode(() => metricsHierarchy(bad, { A: ok }, { classes, by: 'predicted' }), 'UNKNOWN_CLASS', /truth: /);
    expectCode(
      () => metricsHierarchy(ok, { A: ok, B: ok, C: ok, D: ok, E: bad }, { classes }),
      'UNKNOWN_CLASS',
      /preds.E/,
    );
    expectCode(() => chainPaths([ok, ok, bad], { classes }), 'UNKNOWN_CLASS', /stages\[2\]: class index 5/);
    expectCode(() => chainPaths([ok, bad, ok, ok, ok], { classes }), 'UNKNOWN_CLASS', /stages\[1\]/);
    // 1000 classes × 3 stages: the Map path checks before grouping.
    const big = Array.from({ length: 1000 }, (_, j) => j);
    expectCode(
      () => chainPaths([ok, ok, new Int32Array([0, 1, -3])], { classes: big }),
      'UNKNOWN_CLASS',
      /class index -3/,
    );
    expectCode(() => filterItems(bad, { A: ok }, { agree: false }, { classes }), 'UNKNOWN_CLASS', /truth: /);
    expectCode(
      () => filterItems(ok, { A: bad, B: ok }, { correct: { B: true } }, { classes }),
      'UNKNOWN_CLASS',
      /preds.A/,
    );
  });
});
