import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TREND_COLORS,
  classAccuracyTrends,
  classifyTrend,
  trendColor,
  trendColorKey,
  TREND_COLOR_LABELS,
  type TrendKind,
} from '../../src/compare/index.js';
import { expectClose, expectCode, load } from './fixtures.js';

const { cases } = load<{ cases: { values: number[]; tolerance: number; trend: { kind: TrendKind; net: number } }[] }>(
  'trends.json',
);
const g = load<{
  truth: string[];
  preds: Record<'A' | 'B' | 'C', string[]>;
  trends: { class: string; values: number[]; trend: { kind: TrendKind; net: number } }[];
}>('models.json');

describe('classifyTrend(values, { tolerance })', () => {
  for (const c of cases) {
    it(`classifies ${JSON.stringify(c.values)} (tolerance ${c.tolerance}) as ${c.trend.kind}`, () => {
      const t = classifyTrend(c.values, { tolerance: c.tolerance });
      expect(t.kind).toBe(c.trend.kind);
      expect(t.net).toBeCloseTo(c.trend.net, 12);
    });
  }
  it('produces exactly the six kinds, consistent with the step signs (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 8 }), (xs) => {
        const { kind, net } = classifyTrend(xs);
        const steps = xs.slice(1).map((x, i) => Math.sign(x - xs[i]));
        const up = steps.includes(1);
        const down = steps.includes(-1);
        const flat = steps.includes(0);
        const expected =
          up && down
            ? 'mixed'
            : up
              ? flat
                ? 'non-decreasing'
                : 'increasing'
              : down
                ? flat
                  ? 'non-increasing'
                  : 'decreasing'
                : 'stable';
        expect(kind).toBe(expected);
        expect(net).toBe(xs[xs.length - 1] - xs[0]);
      }),
    );
  });
  it('is symmetric: negating the values swaps up and down kinds (property)', () => {
    const swap: Record<TrendKind, TrendKind> = {
      increasing: 'decreasing',
      decreasing: 'increasing',
      'non-decreasing': 'non-increasing',
      'non-increasing': 'non-decreasing',
      stable: 'stable',
      mixed: 'mixed',
    };
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (xs, tolerance) => {
          expect(
            classifyTrend(
              xs.map((x) => -x),
              { tolerance },
            ).kind,
          ).toBe(swap[classifyTrend(xs, { tolerance }).kind]);
        },
      ),
    );
  });
  it('throws EMPTY, NON_FINITE and INVALID_ARGUMENT for bad input', () => {
    expectCode(() => classifyTrend([]), 'EMPTY');
    expectCode(() => classifyTrend([0.1, NaN]), 'NON_FINITE', 'values: NaN at index 1');
    expectCode(() => classifyTrend([0.1], { tolerance: -1 }), 'INVALID_ARGUMENT', /tolerance/);
    expectCode(() => classifyTrend([0.1], { tolerance: NaN }), 'INVALID_ARGUMENT', /tolerance/);
  });
});

describe('trendColor(trend) and TREND_COLORS', () => {
  it('documents the default colours: increasing blue, decreasing red, light blue, orange, grey', () => {
    expect(TREND_COLORS).toEqual({
      increasing: '#1f77b4',
      decreasing: '#d62728',
      'non-decreasing': '#aec7e8',
      'non-increasing': '#ff7f0e',
      stable: '#7f7f7f',
    });
    expect(Object.isFrozen(TREND_COLORS)).toBe(true);
  });
  it("colours mixed trends as the paper's Fig. 10 does: light blue up overall, orange down overall, never strictly", () => {
    // A class that dips and recovers is "overall increasing", not strictly improving.
    expect(trendColor(classifyTrend([0.5, 0.4, 0.7]))).toBe(TREND_COLORS['non-decreasing']);
    expect(trendColor({ kind: 'mixed', net: 0.2 })).toBe(TREND_COLORS['non-decreasing']);
    expect(trendColor({ kind: 'mixed', net: -0.2 })).toBe(TREND_COLORS['non-increasing']);
    // Back where it started: no overall direction, drawn as stable.
    expect(trendColor({ kind: 'mixed', net: 0 })).toBe(TREND_COLORS.stable);
    expect(trendColor({ kind: 'increasing', net: 1 })).toBe(TREND_COLORS.increasing);
    expect(trendColor({ kind: 'decreasing', net: -1 })).toBe(TREND_COLORS.decreasing);
    expect(trendColor({ kind: 'non-increasing', net: -1 })).toBe(TREND_COLORS['non-increasing']);
    expect(trendColor({ kind: 'non-decreasing', net: 1 })).toBe(TREND_COLORS['non-decreasing']);
    expect(trendColor({ kind: 'stable', net: 0 })).toBe(TREND_COLORS.stable);
  });
  it('trendColorKey(trend) names the colour role, and TREND_COLOR_LABELS its legend text', () => {
    expect(trendColorKey({ kind: 'mixed', net: 0.1 })).toBe('non-decreasing');
    expect(trendColorKey({ kind: 'mixed', net: -0.1 })).toBe('non-increasing');
    expect(trendColorKey({ kind: 'mixed', net: 0 })).toBe('stable');
    expect(TREND_COLOR_LABELS['non-decreasing']).toBe('overall increasing or stable');
    expect(Object.keys(TREND_COLOR_LABELS)).toEqual(Object.keys(TREND_COLORS));
  });
  it('is never strictly blue or red for a series that moved both ways — property', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), (values) => {
        const t = classifyTrend(values);
        const c = trendColor(t);
        if (t.kind === 'mixed') {
          expect(c).not.toBe(TREND_COLORS.increasing);
          expect(c).not.toBe(TREND_COLORS.decreasing);
        }
        if (c === TREND_COLORS.increasing)
          for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
      }),
    );
  });
  it('takes overrides', () => {
    expect(trendColor({ kind: 'mixed', net: 1 }, { 'non-decreasing': 'skyblue' })).toBe('skyblue');
    expect(trendColor({ kind: 'stable', net: 0 }, { increasing: 'navy' })).toBe(TREND_COLORS.stable);
  });
  it('rejects a trend that is not one', () => {
    expect(() => trendColor({ kind: 'sideways' as 'stable', net: 0 })).toThrow(/kind/);
    expect(() => trendColor({ kind: 'mixed', net: NaN })).toThrow(/net/);
  });
});

describe('classAccuracyTrends(truth, predsInModelOrder, classes?)', () => {
  it('matches scikit-learn per-class recall across versions, with the trend of each class', () => {
    const rows = classAccuracyTrends(g.truth, [g.preds.A, g.preds.B, g.preds.C]);
    expect(rows.map((r) => r.class)).toEqual(g.trends.map((r) => r.class));
    rows.forEach((r, k) => {
      expectClose(r.values, g.trends[k].values, 1e-12);
      expect(r.trend.kind).toBe(g.trends[k].trend.kind);
      expect(r.trend.net).toBeCloseTo(g.trends[k].trend.net, 12);
    });
  });
  it('accepts an object of versions in key order, and leaves out classes with no true items', () => {
    const rows = classAccuracyTrends(['a', 'a', 'b'], { v1: ['a', 'b', 'b'], v2: ['a', 'a', 'c'] }, ['a', 'b', 'c']);
    expect(rows).toEqual([
      { class: 'a', values: [0.5, 1], trend: { kind: 'increasing', net: 0.5 } },
      { class: 'b', values: [1, 0], trend: { kind: 'decreasing', net: -1 } },
    ]);
  });
  it('applies the tolerance', () => {
    const rows = classAccuracyTrends(
      [1, 1, 1, 1],
      [
        [1, 1, 1, 0],
        [1, 1, 1, 1],
      ],
      undefined,
      { tolerance: 0.3 },
    );
    expect(rows[0].trend.kind).toBe('stable');
  });
  it('throws INVALID_ARGUMENT for no versions or a bad tolerance, LENGTH_MISMATCH naming the version', () => {
    expectCode(() => classAccuracyTrends(['a'], []), 'INVALID_ARGUMENT', /at least one version/);
    expectCode(() => classAccuracyTrends(['a'], [['a']], undefined, { tolerance: -1 }), 'INVALID_ARGUMENT');
    expectCode(() => classAccuracyTrends(['a'], [['a'], []]), 'LENGTH_MISMATCH', /predsInModelOrder\[1\] has length 0/);
    expectCode(() => classAccuracyTrends(['a'], [new Int32Array([1])], ['a']), 'UNKNOWN_CLASS', /class index 1/);
  });
});
