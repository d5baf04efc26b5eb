import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classMetrics, confusionMatrix, metricsSummary } from '../../src/compare/index.js';
import { expectClose, expectCode, load, nan } from './fixtures.js';

interface MetricCase {
  name: string;
  truth: (string | number)[];
  pred: (string | number)[];
  classes: (string | number)[];
  counts: number[][];
  support: number[];
  correct: number[];
  precision: (number | null)[];
  recall: (number | null)[];
  f1: (number | null)[];
  accuracy: number;
  macro: Record<'precision' | 'recall' | 'f1', number | null>;
  micro: Record<'precision' | 'recall' | 'f1', number>;
}
const { cases } = load<{ cases: MetricCase[] }>('metrics.json');
// Sums of at most a few hundred terms: exact up to a few ulps.
const TOL = 1e-12;

const labels = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 1, 2), { maxLength: 60 });
const pairs = labels.chain((t) =>
  fc
    .array(fc.constantFrom('a', 'b', 'c', 'd', 1, 2), { minLength: t.length, maxLength: t.length })
    .map((p) => [t, p] as const),
);

describe('confusionMatrix(truth, pred, classes?)', () => {
  for (const c of cases) {
    it(`matches sklearn.metrics.confusion_matrix: ${c.name}`, () => {
      const cm = confusionMatrix(c.truth, c.pred, c.classes);
      expect(cm.classes).toEqual(c.classes);
      expect(cm.counts).toEqual(c.counts);
    });
  }
  it('defaults to the sorted union of both sides, numbers before strings', () => {
    const cm = confusionMatrix(['b', 2, 'b'], ['a', 2, 'b']);
    expect(cm.classes).toEqual([2, 'a', 'b']);
    // 'a' is never true: its row is zeros; it is predicted once for a true 'b'.
    expect(cm.counts).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [0, 1, 1],
    ]);
  });
  it('reads an Int32Array with classes as class indices, without copying or mutating it', () => {
    const t = new Int32Array([0, 1, 1]);
    const p = new Uint8Array([0, 0, 1]);
    expect(confusionMatrix(t, p, ['x', 'y']).counts).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(Array.from(t)).toEqual([0, 1, 1]);
  });
  it('returns an empty matrix for empty input, and zeros over given classes', () => {
    expect(confusionMatrix([], [])).toEqual({ classes: [], counts: [] });
    expect(confusionMatrix([], [], ['a', 'b']).counts).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
  it('sums to n, with row sums equal to each class count in truth (property)', () => {
    fc.assert(
      fc.property(pairs, ([t, p]) => {
        const cm = confusionMatrix(t, p);
        const total = cm.counts.flat().reduce((a, b) => a + b, 0);
        expect(total).toBe(t.length);
        cm.classes.forEach((k, i) => {
          expect(cm.counts[i].reduce((a, b) => a + b, 0)).toBe(t.filter((x) => x === k).length);
        });
      }),
    );
  });
  it('throws LENGTH_MISMATCH naming both lengths', () => {
    expectCode(() => confusionMatrix(['a', 'b'], ['a']), 'LENGTH_MISMATCH', 'pred has length 1 but truth has length 2');
  });
  it('throws UNKNOWN_CLASS naming a label outside classes, and an out-of-range class index', () => {
    expectCode(
      () => confusionMatrix(['a', 'z'], ['a', 'a'], ['a', 'b']),
      'UNKNOWN_CLASS',
      'truth: unknown class "z" at index 1',
    );
    expectCode(
      () => confusionMatrix(new Int32Array([0, 2]), new Int32Array([0, 0]), ['a', 'b']),
      'UNKNOWN_CLASS',
      /truth: class index 2 at index 1/,
    );
    expectCode(
      () => confusionMatrix(new Int32Array([0, 1]), new Int32Array([-1, 0]), ['a', 'b']),
      'UNKNOWN_CLASS',
      /pred: class index -1 at index 0/,
    );
  });
  it('throws NON_FINITE for a NaN label and INVALID_ARGUMENT for null or a non-array', () => {
    expectCode(() => confusionMatrix([1, NaN], [1, 1]), 'NON_FINITE', 'truth: NaN at index 1');
    expectCode(() => confusionMatrix([1, 2], [1, NaN], [1, 2]), 'NON_FINITE', 'pred: NaN at index 1');
    expectCode(() => confusionMatrix(['a', null as never], ['a', 'a']), 'INVALID_ARGUMENT', /truth: null at index 1/);
    expectCode(() => confusionMatrix(5 as never, ['a']), 'INVALID_ARGUMENT', /truth: expected an array/);
  });
  it('throws DUPLICATE_KEY for repeated classes', () => {
    expectCode(() => confusionMatrix(['a'], ['a'], ['a', 'a']), 'DUPLICATE_KEY');
  });
});

describe('classMetrics(truth, pred, classes?)', () => {
  for (const c of cases) {
    it(`matches sklearn precision_recall_fscore_support (NaN where ill-defined): ${c.name}`, () => {
      const rows = classMetrics(c.truth, c.pred, c.classes);
      expect(rows.map((r) => r.class)).toEqual(c.classes);
      expect(rows.map((r) => r.support)).toEqual(c.support);
      expect(rows.map((r) => r.correct)).toEqual(c.correct);
      expectClose(
        rows.map((r) => r.precision),
        nan(c.precision),
        TOL,
      );
      expectClose(
        rows.map((r) => r.recall),
        nan(c.recall),
        TOL,
      );
      expectClose(
        rows.map((r) => r.accuracy),
        nan(c.recall),
        TOL,
      );
      expectClose(
        rows.map((r) => r.f1),
        nan(c.f1),
        TOL,
      );
    });
  }
  it('gives a never-predicted class NaN precision and F1 0, a never-true class NaN recall', () => {
    const rows = classMetrics(['a', 'b'], ['a', 'a'], ['a', 'b', 'c']);
    const b = rows[1];
    expect(b.precision).toBeNaN();
    expect(b.recall).toBe(0);
    expect(b.f1).toBe(0);
    const c = rows[2];
    expect(c.support).toBe(0);
    expect(c.recall).toBeNaN();
    expect(c.precision).toBeNaN();
    expect(c.f1).toBeNaN();
  });
  it('returns exactly the contract fields', () => {
    expect(Object.keys(classMetrics(['a'], ['a'])[0]).sort()).toEqual([
      'accuracy',
      'class',
      'correct',
      'f1',
      'precision',
      'recall',
      'support',
    ]);
  });
  it('keeps every rate in [0, 1] or NaN, and F1 between precision and recall (property)', () => {
    fc.assert(
      fc.property(pairs, ([t, p]) => {
        for (const r of classMetrics(t, p)) {
          for (const v of [r.precision, r.recall, r.f1]) if (!Number.isNaN(v)) expect(v >= 0 && v <= 1).toBe(true);
          if (!Number.isNaN(r.precision) && !Number.isNaN(r.recall)) {
            expect(r.f1).toBeGreaterThanOrEqual(Math.min(r.precision, r.recall) - 1e-12);
            expect(r.f1).toBeLessThanOrEqual(Math.max(r.precision, r.recall) + 1e-12);
          }
        }
      }),
    );
  });
  it('throws LENGTH_MISMATCH', () => {
    expectCode(() => classMetrics([1], [1, 2]), 'LENGTH_MISMATCH');
  });
});

describe('metricsSummary(truth, pred, classes?)', () => {
  for (const c of cases) {
    it(`matches sklearn micro averages and NaN-skipping macro averages: ${c.name}`, () => {
      const s = metricsSummary(c.truth, c.pred, c.classes);
      expect(s.items).toBe(c.truth.length);
      expect(Math.abs(s.accuracy - c.accuracy)).toBeLessThan(TOL);
      for (const k of ['precision', 'recall', 'f1'] as const) {
        expectClose([s.macro[k]], nan([c.macro[k]]), TOL);
        expect(Math.abs(s.micro[k] - c.micro[k])).toBeLessThan(TOL);
      }
      expect(s.classes).toEqual(classMetrics(c.truth, c.pred, c.classes));
    });
  }
  it('gives NaN accuracy and averages for no items', () => {
    const s = metricsSummary([], []);
    expect(s.items).toBe(0);
    expect(s.accuracy).toBeNaN();
    expect(s.macro.f1).toBeNaN();
  });
  it('micro F1 equals accuracy for single-label data (property)', () => {
    fc.assert(
      fc.property(pairs, ([t, p]) => {
        const s = metricsSummary(t, p);
        const acc = t.filter((x, i) => x === p[i]).length / t.length;
        if (t.length === 0) expect(s.micro.f1).toBeNaN();
        else expect(Math.abs(s.micro.f1 - acc)).toBeLessThan(1e-12);
      }),
    );
  });
});
