import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, filterItems, fromRecords } from '../../src/compare/index.js';
import { expectCode, load } from './fixtures.js';

interface Models {
  classes: string[];
  truth: string[];
  preds: Record<'A' | 'B' | 'C', string[]>;
  right: Record<'A' | 'B' | 'C', boolean[]>;
  agree: boolean[];
  queries: { query: { truth?: string[]; correct?: Record<string, boolean>; agree?: boolean }; indices: number[] }[];
}
const g = load<Models>('models.json');
const enc = (xs: string[]) => Int32Array.from(xs, (x) => g.classes.indexOf(x));
const encoded = { truth: enc(g.truth), preds: { A: enc(g.preds.A), B: enc(g.preds.B), C: enc(g.preds.C) } };

/** Up to 6 models over 4 classes, 0–80 items. */
const modelsArb = fc.integer({ min: 0, max: 80 }).chain((n) =>
  fc.record({
    truth: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    preds: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }), {
      minLength: 0,
      maxLength: 6,
    }),
  }),
);

describe('agreement(truth, preds)', () => {
  it('matches numpy per item: which models are right, and whether all agree', () => {
    const items = agreement(g.truth, g.preds);
    expect(items).toHaveLength(g.truth.length);
    items.forEach((it, i) => {
      expect(it.index).toBe(i);
      expect(it.truth).toBe(g.truth[i]);
      expect(it.predictions).toEqual({ A: g.preds.A[i], B: g.preds.B[i], C: g.preds.C[i] });
      expect(it.correct).toEqual({ A: g.right.A[i], B: g.right.B[i], C: g.right.C[i] });
      expect(it.correctCount).toBe(+g.right.A[i] + +g.right.B[i] + +g.right.C[i]);
      expect(it.agree).toBe(g.agree[i]);
    });
  });
  it('gives the same records from Int32Array class indices plus classes', () => {
    expect(agreement(encoded.truth, encoded.preds, { classes: g.classes })).toEqual(agreement(g.truth, g.preds));
  });
  it('returns only the requested items, in the requested order', () => {
    const items = agreement(g.truth, g.preds, { indices: [5, 2] });
    expect(items.map((x) => x.index)).toEqual([5, 2]);
    expect(items[0].truth).toBe(g.truth[5]);
  });
  it('follows the models option for order and subset', () => {
    const [first] = agreement(g.truth, g.preds, { models: ['C', 'A'] });
    expect(Object.keys(first.predictions)).toEqual(['C', 'A']);
  });
  it('says two models that make the same mistake agree', () => {
    const [x] = agreement(['cat'], { A: ['dog'], B: ['dog'] });
    expect(x.agree).toBe(true);
    expect(x.correctCount).toBe(0);
  });
  it('returns [] for no items', () => {
    expect(agreement([], { A: [], B: [] })).toEqual([]);
  });
  it('throws INVALID_ARGUMENT for fewer than two models or a bad index', () => {
    expectCode(() => agreement(['a'], { A: ['a'] }), 'INVALID_ARGUMENT', 'preds: expected at least 2 models, got 1');
    expectCode(() => agreement(['a'], { A: ['a'], B: ['a'] }, { indices: [1] }), 'INVALID_ARGUMENT', /1 at position 0/);
    expectCode(() => agreement(['a'], null as never), 'INVALID_ARGUMENT');
  });
  it('throws LENGTH_MISMATCH naming the model, MISSING_KEY for an unknown model in models', () => {
    expectCode(
      () => agreement(['a', 'b'], { A: ['a', 'b'], B: ['a'] }),
      'LENGTH_MISMATCH',
      'preds.B has length 1 but truth has length 2',
    );
    expectCode(() => agreement(['a'], { A: ['a'], B: ['a'] }, { models: ['A', 'Z'] }), 'MISSING_KEY', /"Z"/);
    expectCode(() => agreement(['a'], { A: ['a'], B: ['a'] }, { models: ['A', 'A'] }), 'DUPLICATE_KEY');
  });
});

describe('filterItems(truth, preds, query)', () => {
  for (const { query, indices } of g.queries) {
    it(`matches numpy for ${JSON.stringify(query)}`, () => {
      const got = filterItems(g.truth, g.preds, query);
      expect(got).toBeInstanceOf(Uint32Array);
      expect(Array.from(got)).toEqual(indices);
      // Zero-copy path: Int32Array class indices plus classes.
      expect(Array.from(filterItems(encoded.truth, encoded.preds, query, { classes: g.classes }))).toEqual(indices);
    });
  }
  it('agrees with a per-item reference for any query over 0–6 models (property; fast path and generic loop)', () => {
    const query = fc.record(
      {
        truth: fc.subarray([0, 1, 2, 3]),
        correct: fc.dictionary(fc.constantFrom('m0', 'm1', 'm2', 'm3', 'm4', 'm5'), fc.boolean()),
        agree: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(modelsArb, query, ({ truth, preds }, q) => {
        const named = Object.fromEntries(preds.map((p, k) => [`m${k}`, Int32Array.from(p)]));
        const correct = Object.fromEntries(Object.entries(q.correct ?? {}).filter(([k]) => k in named));
        const expected: number[] = [];
        for (let i = 0; i < truth.length; i++) {
          if (q.truth && !q.truth.includes(truth[i])) continue;
          if (Object.entries(correct).some(([k, w]) => (named[k][i] === truth[i]) !== w)) continue;
          if (q.agree !== undefined) {
            const same = preds.every((p) => p[i] === preds[0][i]);
            if (preds.length < 2 ? !q.agree : same !== q.agree) continue;
          }
          expected.push(i);
        }
        const got = filterItems(Int32Array.from(truth), named, { ...q, correct }, { classes: [0, 1, 2, 3] });
        expect(Array.from(got)).toEqual(expected);
      }),
    );
  });
  it('reads records through fromRecords', () => {
    const rows = [
      { label: 'cat', v1: 'dog', v2: 'cat' },
      { label: 'dog', v1: 'dog', v2: 'cat' },
    ];
    const { truth, preds } = fromRecords(rows, { truth: 'label', preds: { v1: 'v1', v2: (d) => d.v2 } });
    expect(Array.from(filterItems(truth!, preds!, { correct: { v1: false, v2: true } }))).toEqual([0]);
  });
  it('matches nothing for a class absent from the data, but throws UNKNOWN_CLASS with explicit classes', () => {
    expect(filterItems(['a', 'b'], { A: ['a', 'b'] }, { truth: ['zebra'] })).toHaveLength(0);
    expectCode(
      () => filterItems(['a', 'b'], { A: ['a', 'b'] }, { truth: ['zebra'] }, { classes: ['a', 'b'] }),
      'UNKNOWN_CLASS',
      'query.truth: unknown class "zebra"',
    );
  });
  it('keeps all items for agree: true and none for agree: false with one model', () => {
    expect(Array.from(filterItems([1, 2], { A: [1, 1] }, { agree: true }))).toEqual([0, 1]);
    expect(filterItems([1, 2], { A: [1, 1] }, { agree: false })).toHaveLength(0);
  });
  it('never mutates its inputs', () => {
    const t = Int32Array.from(encoded.truth);
    filterItems(t, encoded.preds, { correct: { A: false } }, { classes: g.classes });
    expect(t).toEqual(encoded.truth);
  });
  it('throws MISSING_KEY for an unknown model, INVALID_ARGUMENT for non-boolean conditions', () => {
    expectCode(
      () => filterItems(['a'], { A: ['a'] }, { correct: { B: true } }),
      'MISSING_KEY',
      'query.correct: no predictions for model "B"',
    );
    expectCode(
      () => filterItems(['a'], { A: ['a'] }, { correct: { A: 1 as never } }),
      'INVALID_ARGUMENT',
      /query.correct.A/,
    );
    expectCode(() => filterItems(['a'], { A: ['a'] }, { agree: 'yes' as never }), 'INVALID_ARGUMENT', /query.agree/);
    expectCode(() => filterItems(['a'], { A: ['a'] }, null as never), 'INVALID_ARGUMENT');
    expectCode(() => filterItems(['a'], { A: ['a'] }, { truth: [NaN] }), 'NON_FINITE');
  });
  it('throws UNKNOWN_CLASS for an out-of-range class index, LENGTH_MISMATCH for short predictions', () => {
    expectCode(
      () => filterItems(new Int32Array([0, 1]), { A: new Int32Array([0, 7]) }, {}, { classes: ['a', 'b'] }),
      'UNKNOWN_CLASS',
      /preds.A: class index 7 at index 1/,
    );
    // Zero-copy columns are checked four at a time: a bad 4th and 6th column are found too.
    const ok = new Int32Array([0, 1]);
    const bad = new Int32Array([1, 2]);
    expectCode(
      () => filterItems(ok, { A: ok, B: ok, C: bad }, {}, { classes: ['a', 'b'] }),
      'UNKNOWN_CLASS',
      /preds.C: class index 2 at index 1/,
    );
    expectCode(
      () => filterItems(ok, { A: ok, B: ok, C: ok, D: ok, E: bad }, {}, { classes: ['a', 'b'] }),
      'UNKNOWN_CLASS',
      /preds.E: class index 2 at index 1/,
    );
    expectCode(() => filterItems(['a', 'b'], { A: ['a'] }, {}), 'LENGTH_MISMATCH');
  });
});
