import { bin } from 'd3-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogram } from '../../src/compare/index.js';
import { expectCode, load } from './fixtures.js';

const g = load<{
  values: number[];
  cases: { thresholds: number[]; domain: [number, number]; edges: number[]; counts: number[] }[];
}>('histogram.json');

/** d3-array's bin() as the reference: same bounds and counts. */
function d3bins(values: number[], opts: { bins?: number; thresholds?: number[]; domain?: [number, number] }) {
  let b = bin<number, number>();
  if (opts.domain) b = b.domain(opts.domain);
  if (opts.thresholds) b = b.thresholds(opts.thresholds);
  else if (opts.bins) b = b.thresholds(opts.bins);
  return b(values).map((x) => ({ x0: x.x0, x1: x.x1, count: x.length }));
}

describe('histogram(values, { bins | thresholds, domain })', () => {
  for (const c of g.cases) {
    it(`matches numpy.histogram with edges ${JSON.stringify(c.edges)}`, () => {
      const bins = histogram(g.values, { thresholds: c.thresholds, domain: c.domain });
      expect(bins.map((b) => b.x0)).toEqual(c.edges.slice(0, -1));
      expect(bins.map((b) => b.x1)).toEqual(c.edges.slice(1));
      expect(bins.map((b) => b.count)).toEqual(c.counts);
    });
  }
  it('matches d3-array bin() with default, counted and explicit thresholds (property)', () => {
    const values = fc.array(
      fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e3, max: 1e3, noNaN: true })),
      {
        minLength: 1,
        maxLength: 80,
      },
    );
    const opts = fc.oneof(
      fc.constant({}),
      fc.record({ bins: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ bins: fc.integer({ min: 1, max: 30 }), domain: fc.constant<[number, number]>([-100, 100]) }),
      fc.record({
        thresholds: fc
          .array(fc.integer({ min: -60, max: 60 }), { maxLength: 8 })
          .map((t) => [...t].sort((a, b) => a - b)),
      }),
    );
    fc.assert(
      fc.property(values, opts, (xs, o) => {
        const ours = histogram(xs, o);
        const theirs = d3bins(xs, o);
        const total = (b: { count: number }[]) => b.reduce((a, x) => a + x.count, 0);
        // d3 drops a value its niced lower bound rounded past (-5e-324 → domain from -0);
        // every finite value is counted here. Elsewhere the bins are d3's exactly.
        if (o.domain === undefined && o.thresholds === undefined && total(theirs) < xs.length) {
          expect(total(ours)).toBe(xs.length);
        } else expect(ours).toEqual(theirs);
      }),
      { numRuns: 300 },
    );
  });
  it('counts a value that niceing would round past, unlike d3 (-5e-324 made the domain start at -0)', () => {
    const v = [0, 0, 1e300, -5e-324];
    expect(histogram(v).reduce((a, b) => a + b.count, 0)).toBe(4);
    expect(histogram(v)[0].x0).toBe(-5e-324);
  });
  it('matches d3 on the classic cases', () => {
    const xs = [1, 2, 2, 3, 7];
    // d3 picks a nice step of 2 for "about 3" bins over [1, 7].
    expect(histogram(xs, { bins: 3 })).toEqual([
      { x0: 0, x1: 2, count: 1 },
      { x0: 2, x1: 4, count: 3 },
      { x0: 4, x1: 6, count: 0 },
      { x0: 6, x1: 8, count: 1 },
    ]);
    expect(histogram([0.1, 0.2, 0.30000000000000004])).toEqual(d3bins([0.1, 0.2, 0.30000000000000004], {}));
    expect(histogram([5, 5, 5])).toEqual([{ x0: 5, x1: 5, count: 3 }]);
  });
  it('skips null, undefined, NaN and ±Infinity; reads records through value', () => {
    expect(histogram([1, null, NaN, undefined, Infinity, 2], { thresholds: [1.5], domain: [0, 3] })).toEqual([
      { x0: 0, x1: 1.5, count: 1 },
      { x0: 1.5, x1: 3, count: 1 },
    ]);
    expect(
      histogram([{ s: 1 }, { s: 2 }], { value: 's', thresholds: [1.5], domain: [0, 3] }).map((b) => b.count),
    ).toEqual([1, 1]);
    expect(histogram([{ s: 1 }], { value: (d) => d.s * 10, domain: [0, 20], thresholds: [] })).toEqual([
      { x0: 0, x1: 20, count: 1 },
    ]);
  });
  it('drops values outside an explicit domain and includes the upper bound in the last bin', () => {
    expect(histogram([-1, 0, 0.5, 1, 2], { domain: [0, 1], thresholds: [0.5] })).toEqual([
      { x0: 0, x1: 0.5, count: 1 },
      { x0: 0.5, x1: 1, count: 2 },
    ]);
  });
  it('returns [] for no finite values, zero-count bins with a domain', () => {
    expect(histogram([])).toEqual([]);
    expect(histogram([NaN, null])).toEqual([]);
    expect(histogram([], { domain: [0, 1], bins: 2 })).toEqual([
      { x0: 0, x1: 0.5, count: 0 },
      { x0: 0.5, x1: 1, count: 0 },
    ]);
  });
  it('throws INVALID_ARGUMENT for bad options, NOT_A_NUMBER for non-numeric values', () => {
    expectCode(() => histogram([1], { bins: 3, thresholds: [1] }), 'INVALID_ARGUMENT', /bins or thresholds/);
    expectCode(() => histogram([1], { bins: 0 }), 'INVALID_ARGUMENT', /bins/);
    expectCode(() => histogram([1], { thresholds: [2, 1] }), 'INVALID_ARGUMENT', /thresholds: 1 at index 1/);
    expectCode(() => histogram([1], { domain: [1, 0] }), 'INVALID_ARGUMENT', /domain/);
    expectCode(() => histogram(['1' as never]), 'NOT_A_NUMBER', /string "1" at index 0/);
    expectCode(() => histogram(null as never), 'INVALID_ARGUMENT');
  });
});
