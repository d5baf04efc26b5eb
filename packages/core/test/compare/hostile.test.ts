// Hostile input to the compare area (issue 8): each test failed before its fix.
import { describe, expect, it } from 'vitest';
import {
  agreement,
  chainPaths,
  classAccuracyTrends,
  classifyTrend,
  classMetrics,
  confusionList,
  confusionMatrix,
  filterItems,
  fromRecords,
  histogram,
  metricsHierarchy,
  mismatchScore,
  wordFrequencies,
  type Key,
} from '../../src/index.js';
import { expectCode } from '../hostile.js';

describe('model names from JSON.parse (__proto__, constructor, toString) are data', () => {
  const preds = JSON.parse('{"__proto__":["a","b"],"B":["a","a"]}') as Record<string, Key[]>;
  it('agreement(truth, preds) keeps a model named __proto__ in predictions and correct', () => {
    const rows = agreement(['a', 'b'], preds);
    expect(Object.keys(rows[1].predictions)).toEqual(['__proto__', 'B']);
    expect(Object.keys(rows[1].correct)).toEqual(['__proto__', 'B']);
    expect(Object.getOwnPropertyDescriptor(rows[1].predictions, '__proto__')?.value).toBe('b');
    expect(Object.getOwnPropertyDescriptor(rows[1].correct, '__proto__')?.value).toBe(true);
    expect(rows[1].correctCount).toBe(1);
    // Still ordinary objects: the prototype is untouched.
    expect(Object.getPrototypeOf(rows[1].predictions)).toBe(Object.prototype);
  });
  it('fromRecords(data, { preds }) keeps a model named __proto__, and reads only own __proto__ fields', () => {
    const accessors = JSON.parse('{"preds":{"__proto__":"p","constructor":"q"}}') as {
      preds: Record<string, string>;
    };
    const cols = fromRecords([{ p: 'x', q: 'y' }], accessors);
    expect(Object.keys(cols.preds!)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(cols.preds, '__proto__')?.value).toEqual(['x']);
    const records = [JSON.parse('{"__proto__":"cat"}'), { other: 1 }];
    expect(fromRecords(records, { truth: '__proto__' }).truth).toEqual(['cat', undefined]);
  });
  it('metricsHierarchy, filterItems and classAccuracyTrends read every model', () => {
    const root = metricsHierarchy(['a', 'b'], preds);
    expect(root.children![0].children!.map((d) => d.name)).toEqual(['__proto__ ✓']);
    expect(Array.from(filterItems(['a', 'b'], preds, { correct: JSON.parse('{"__proto__":false}') }))).toEqual([]);
    expect(Array.from(filterItems(['a', 'b'], preds, { correct: JSON.parse('{"__proto__":true}') }))).toEqual([0, 1]);
    expect(classAccuracyTrends(['a', 'b'], preds).map((t) => t.values)).toEqual([
      [1, 1],
      [1, 0],
    ]);
  });
});

describe('mixed keys 1 and "1" are rejected the same way everywhere', () => {
  const cases: [string, () => unknown][] = [
    ['confusionMatrix', () => confusionMatrix([1, '1'], [1, 1])],
    ['confusionMatrix across columns', () => confusionMatrix([1, 2], ['1', '2'])],
    ['classMetrics', () => classMetrics([1, 2], [1, '1'])],
    ['agreement', () => agreement([1, 1], { A: [1, 1], B: ['1', 1] })],
    ['filterItems', () => filterItems([1, '1'], { A: [1, 1] })],
    ['metricsHierarchy', () => metricsHierarchy([1, 1], { A: ['1', 1] })],
    ['chainPaths', () => chainPaths([[1, '1']])],
    ['classAccuracyTrends', () => classAccuracyTrends([1, 2], [['1', 2]])],
    [
      'confusionList',
      () =>
        confusionList(
          [1, '1'],
          [1, 1],
          [
            [1, 0],
            [0, 1],
          ],
        ),
    ],
    ['classes list', () => confusionMatrix([1], [1], [1, '1'])],
  ];
  for (const [name, f] of cases) {
    it(`${name} throws DUPLICATE_KEY naming the key`, () => expectCode(f, 'DUPLICATE_KEY', /1 and "1"/));
  }
  it('filterItems: a query for 1 over labels spelt "1" is DUPLICATE_KEY, not an empty match', () => {
    expectCode(() => filterItems(['1', '2'], { A: ['1', '1'] }, { truth: [1] }), 'DUPLICATE_KEY', /query.truth/);
  });
  it('typed class indices with a classes list are indices, not keys (no mix)', () => {
    expect(confusionMatrix(new Int32Array([0, 1]), new Int32Array([1, 1]), ['1', 'x']).counts).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });
});

describe('options and arguments get the same validation as data', () => {
  it("classes: 'ab' is INVALID_ARGUMENT, never read letter by letter", () => {
    expectCode(() => confusionMatrix(['a'], ['b'], 'ab' as unknown as Key[]), 'INVALID_ARGUMENT', /classes/);
    expectCode(() => classMetrics(['a'], ['b'], 'ab' as unknown as Key[]), 'INVALID_ARGUMENT', /classes/);
    expectCode(
      () => agreement(['a'], { A: ['a'], B: ['b'] }, { classes: 'ab' as unknown as Key[] }),
      'INVALID_ARGUMENT',
    );
    expectCode(() => chainPaths([['a']], { classes: 'ab' as unknown as Key[] }), 'INVALID_ARGUMENT', /classes/);
    expectCode(
      () => filterItems(['a'], { A: ['a'] }, { truth: 'ab' as unknown as Key[] }),
      'INVALID_ARGUMENT',
      /truth/,
    );
  });
  it('boolean options must be booleans', () => {
    expectCode(
      () => chainPaths([['a'], ['b']], { changedOnly: 'yes' as unknown as boolean }),
      'INVALID_ARGUMENT',
      /changedOnly/,
    );
    expectCode(
      () => metricsHierarchy(['a'], { A: ['a'] }, { indices: 'no' as unknown as boolean }),
      'INVALID_ARGUMENT',
      /indices/,
    );
  });
  it('options must be objects', () => {
    expectCode(() => chainPaths([['a']], 'x' as unknown as object), 'INVALID_ARGUMENT', /options/);
    expectCode(() => metricsHierarchy(['a'], { A: ['a'] }, 5 as unknown as object), 'INVALID_ARGUMENT', /options/);
    expectCode(() => histogram([1], 'x' as unknown as object), 'INVALID_ARGUMENT', /options/);
  });
  it('metricsHierarchy name must be a string; wordFrequencies topK an integer ≥ 0', () => {
    expectCode(
      () => metricsHierarchy(['a'], { A: ['a'] }, { name: 5 as unknown as string }),
      'INVALID_ARGUMENT',
      /name/,
    );
    expectCode(() => wordFrequencies(['a b'], { topK: '2' as unknown as number }), 'INVALID_ARGUMENT', /topK/);
    expectCode(() => wordFrequencies(['a b'], { topK: 1.5 }), 'INVALID_ARGUMENT', /topK/);
  });
  it("classifyTrend(['0.1']) is NOT_A_NUMBER naming a string, not NON_FINITE '0.1'", () => {
    expectCode(
      () => classifyTrend(['0.1'] as unknown as number[]),
      'NOT_A_NUMBER',
      'values: string "0.1" at index 0, expected a number',
    );
    expectCode(() => classifyTrend([0.1, null] as unknown as number[]), 'NOT_A_NUMBER', /null at index 1/);
    expectCode(() => classifyTrend([0.1, NaN]), 'NON_FINITE', /NaN at index 1/);
    expectCode(() => classifyTrend([1], { tolerance: '0' as unknown as number }), 'INVALID_ARGUMENT', /tolerance/);
  });
  it('histogram values that are not numbers are NOT_A_NUMBER (null is skipped, as d3 does)', () => {
    expectCode(() => histogram([1, '2'] as unknown as number[]), 'NOT_A_NUMBER', /string "2" at index 1/);
    expect(histogram([1, null, 2] as unknown as number[]).reduce((s, b) => s + b.count, 0)).toBe(2);
  });
  it('mismatchScore labels that are not integers are named with their type', () => {
    expectCode(() => mismatchScore([[0.5, 0.5]], ['0'] as unknown as number[]), 'UNKNOWN_CLASS', /string "0"/);
  });
});

describe('sizes from hostile options are refused before allocating', () => {
  it('histogram([0, 1], { bins: 1e9 }) is TOO_LARGE, at once', { timeout: 5_000 }, () => {
    expectCode(() => histogram([0, 1], { bins: 1e9 }), 'TOO_LARGE', /bins/);
    expectCode(() => histogram([0, 1], { bins: 1e8 }), 'TOO_LARGE', /bins/);
    expect(histogram([0, 1], { bins: 1000 }).length).toBeGreaterThan(500);
  });
  it('histogram thresholds beyond the bin limit are TOO_LARGE', () => {
    expectCode(
      () => histogram([0, 1], { thresholds: { length: 2e7 } as unknown as number[] }),
      'TOO_LARGE',
      /thresholds/,
    );
  });
  it('confusionList binWidth 1e-9 (10^9 buckets) is TOO_LARGE, at once', { timeout: 5_000 }, () => {
    expectCode(
      () => confusionList(['a'], ['a'], [[1, 0]], { classes: ['a', 'b'], binWidth: 1e-9 }),
      'TOO_LARGE',
      /binWidth/,
    );
  });
  it('metricsHierarchy beyond 2^26 correctness leaves is TOO_LARGE', () => {
    const preds = Object.fromEntries(Array.from({ length: 26 }, (_, k) => [`m${k}`, ['a']]));
    expectCode(() => metricsHierarchy(['a'], preds, { classes: ['a', 'b'] }), 'TOO_LARGE');
  });
});
