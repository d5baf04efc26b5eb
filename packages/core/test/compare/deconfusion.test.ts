import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confusionList, mismatchScore } from '../../src/compare/index.js';
import { expectClose, expectCode, load } from './fixtures.js';

interface Cell {
  label: number;
  predicted: number;
  count: number;
  scoreSum: number;
  histogram: number[];
  indices: number[];
  emphasis: number;
}
interface Case {
  m: number;
  labels: number[];
  pred: number[];
  probs: number[][];
  scores: number[];
  edges: number[];
  maxScoreSum: number;
  rows: { label: number; count: number; misclassified: number; cells: Cell[] }[];
}
const { cases } = load<{ cases: Case[] }>('deconfusion.json');
// Sums of ≤ 150 scores in [0.5, 1]: a few ulps of 150.
const TOL = 1e-12;

const probRows = fc
  .integer({ min: 2, max: 6 })
  .chain((m) =>
    fc.array(
      fc.tuple(
        fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: m, maxLength: m }),
        fc.integer({ min: 0, max: m - 1 }),
      ),
      { minLength: 1, maxLength: 30 },
    ),
  );

describe('mismatchScore(probs, labelIndex)', () => {
  for (const c of cases) {
    it(`matches numpy (max p + 1 − p_label) / 2 for ${c.labels.length} items × ${c.m} classes`, () => {
      expectClose(mismatchScore(c.probs, c.labels), c.scores, 1e-15);
    });
  }
  it('accepts a Float32 Matrix without copying or changing it', () => {
    const data = new Float32Array([0.9, 0.1, 0.2, 0.8]);
    const s = mismatchScore({ rows: 2, cols: 2, data }, new Int32Array([0, 0]));
    expectClose(s, [0.5, (0.8 + 1 - 0.2) / 2], 1e-7);
    expect(Array.from(data)).toEqual(Array.from(new Float32Array([0.9, 0.1, 0.2, 0.8])));
  });
  it('lies in [1/2, 1] for probability rows, 1/2 exactly when the label is most probable (property)', () => {
    fc.assert(
      fc.property(probRows, (rows) => {
        const probs = rows.map(([w]) => {
          const s = w.reduce((a, b) => a + b, 0);
          return w.map((x) => x / s);
        });
        const labels = rows.map(([, l]) => l);
        const scores = mismatchScore(probs, labels);
        scores.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(0.5 - 1e-12);
          expect(v).toBeLessThanOrEqual(1 + 1e-12);
          if (Math.max(...probs[i]) === probs[i][labels[i]]) expect(v).toBeCloseTo(0.5, 12);
        });
      }),
    );
  });
  it('throws on bad input with specific codes', () => {
    expectCode(
      () => mismatchScore([[0.5, 0.5]], [0, 1]),
      'LENGTH_MISMATCH',
      'labelIndex has length 2 but probs has length 1',
    );
    expectCode(() => mismatchScore([[0.5, NaN]], [0]), 'NON_FINITE', 'probs: NaN at row 0, column 1');
    expectCode(
      () => mismatchScore([[1.5, -0.5]], [0]),
      'INVALID_ARGUMENT',
      /1.5 at row 0, column 0 is not a probability/,
    );
    expectCode(
      () => mismatchScore([[0.5, 0.5]], [2]),
      'UNKNOWN_CLASS',
      /2 at index 0 is not a column index in \[0, 2\)/,
    );
    expectCode(() => mismatchScore([[0.5, 0.5]], [0.5]), 'UNKNOWN_CLASS');
    expectCode(() => mismatchScore([[0.5, 0.5], [1]], [0, 0]), 'INVALID_SHAPE');
    expectCode(() => mismatchScore([[0.5, 0.5]], null as never), 'INVALID_ARGUMENT');
  });
});

describe('confusionList(truth, pred, probs)', () => {
  for (const c of cases) {
    it(`matches the numpy overview for ${c.labels.length} items × ${c.m} classes`, () => {
      const classes = Array.from({ length: c.m }, (_, j) => `c${j}`);
      const name = (j: number) => classes[j];
      const list = confusionList(c.labels.map(name), c.pred.map(name), c.probs, { classes });
      expect(list.classes).toEqual(classes);
      expectClose(
        list.bins.map((b) => b.x0),
        c.edges.slice(0, -1),
        0,
      );
      expectClose(
        list.bins.map((b) => b.x1),
        c.edges.slice(1),
        0,
      );
      expect(Math.abs(list.maxScoreSum - c.maxScoreSum)).toBeLessThan(TOL);
      expectClose(list.scores, c.scores, 1e-15);
      expect(list.rows.map((r) => r.label)).toEqual(c.rows.map((r) => name(r.label)));
      list.rows.forEach((row, r) => {
        const e = c.rows[r];
        expect(row.count).toBe(e.count);
        expect(row.misclassified).toBe(e.misclassified);
        expect(row.cells.map((x) => x.predicted)).toEqual(e.cells.map((x) => name(x.predicted)));
        row.cells.forEach((cell, k) => {
          const ec = e.cells[k];
          expect(cell.correct).toBe(ec.label === ec.predicted);
          expect(cell.count).toBe(ec.count);
          expect(Math.abs(cell.scoreSum - ec.scoreSum)).toBeLessThan(TOL);
          expect(cell.histogram).toEqual(ec.histogram);
          expect(Array.from(cell.indices)).toEqual(ec.indices);
          expect(Math.abs(cell.emphasis - ec.emphasis)).toBeLessThan(1e-12);
        });
      });
    });
  }
  it('uses 0.1-wide buckets from 1/m to 1, the last shortened', () => {
    const list = confusionList(
      [0, 1, 2],
      [0, 1, 2],
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    );
    expect(list.bins.map((b) => +b.x0.toFixed(4))).toEqual([0.3333, 0.4333, 0.5333, 0.6333, 0.7333, 0.8333, 0.9333]);
    expect(list.bins[6].x1).toBe(1);
    // Three confident correct items: score 1/2 each, all in the [0.4333, 0.5333) bucket.
    expect(list.rows.map((r) => r.cells[0].histogram[1])).toEqual([1, 1, 1]);
  });
  it('puts a score that sits exactly on an edge in the bucket that starts there', () => {
    // m = 2: edges 0.5 + k·0.1. Row [0.4, 0.6] with label 0 scores exactly 0.6 = edge 1,
    // yet (0.6 − 0.5) / 0.1 = 0.999…: a plain floor would put it one bucket low (numpy does not).
    const list = confusionList([0], [1], [[0.4, 0.6]]);
    expect(list.scores[0]).toBe(list.bins[1].x0);
    expect(list.rows[0].cells[1].histogram).toEqual([0, 1, 0, 0, 0]);
  });
  it('puts the correct cell first even when empty, misclassified cells by count', () => {
    const probs = [
      [0.1, 0.9, 0],
      [0.1, 0.9, 0],
      [0.1, 0, 0.9],
    ];
    const list = confusionList(['a', 'a', 'a'], ['b', 'b', 'c'], probs, { classes: ['a', 'b', 'c'] });
    expect(list.rows).toHaveLength(1);
    const cells = list.rows[0].cells;
    expect(cells.map((c) => [c.predicted, c.correct, c.count])).toEqual([
      ['a', true, 0],
      ['b', false, 2],
      ['c', false, 1],
    ]);
    expect(cells[1].emphasis).toBe(1);
    // log10(0.95 / 1.9) = −0.301… → emphasis 0.699
    expect(cells[2].emphasis).toBeCloseTo(1 + Math.log10(0.95 / 1.9), 12);
    expect(cells[0].emphasis).toBe(0);
  });
  it('orders rows by misclassified count and keeps every item in exactly one cell (property)', () => {
    fc.assert(
      fc.property(
        probRows,
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 30, maxLength: 30 }),
        (rows, predSeed) => {
          const m = rows[0][0].length;
          const probs = rows.map(([w]) => {
            const s = w.reduce((a, b) => a + b, 0);
            return w.map((x) => x / s);
          });
          const truth = rows.map(([, l]) => l);
          const pred = rows.map((_, i) => predSeed[i] % m);
          const classes = Array.from({ length: m }, (_, j) => j);
          const list = confusionList(truth, pred, probs, { classes });
          const seen = new Set<number>();
          list.rows.forEach((row, r) => {
            if (r > 0) expect(row.misclassified).toBeLessThanOrEqual(list.rows[r - 1].misclassified);
            expect(row.cells[0].correct).toBe(true);
            for (const cell of row.cells) {
              expect(cell.histogram.reduce((a, b) => a + b, 0)).toBe(cell.count);
              expect(cell.emphasis >= 0 && cell.emphasis <= 1).toBe(true);
              for (const i of cell.indices) {
                expect(seen.has(i)).toBe(false);
                seen.add(i);
                expect([truth[i], pred[i]]).toEqual([row.label, cell.predicted]);
              }
            }
          });
          expect(seen.size).toBe(truth.length);
        },
      ),
    );
  });
  it('returns no rows for no items', () => {
    const list = confusionList([], [], [], { classes: ['a', 'b'] });
    expect(list.rows).toEqual([]);
    expect(list.maxScoreSum).toBe(0);
  });
  it('throws INVALID_SHAPE when columns and classes differ, LENGTH_MISMATCH for missing rows', () => {
    expectCode(
      () => confusionList(['a'], ['a'], [[1, 0]], { classes: ['a'] }),
      'INVALID_SHAPE',
      'probs has 2 columns but there are 1 classes',
    );
    expectCode(
      () => confusionList(['a', 'b'], ['a', 'b'], [[1, 0]]),
      'LENGTH_MISMATCH',
      'probs has 1 rows but truth has length 2',
    );
    expectCode(() => confusionList(['a'], ['a'], [[1]], { binWidth: 0 }), 'INVALID_ARGUMENT', /binWidth/);
    expectCode(() => confusionList(['a'], ['z'], [[1]], { classes: ['a'] }), 'UNKNOWN_CLASS');
    expectCode(
      () =>
        confusionList(
          ['a', 'b'],
          ['a', 'b'],
          [
            [1, 0],
            [0.5, NaN],
          ],
        ),
      'NON_FINITE',
    );
  });
});
