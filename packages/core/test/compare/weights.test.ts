// Item weights (issue 8): every count becomes a weighted sum, indices stay as they are.
// Golden values from test/fixtures/compare/make_weights.py (numpy, scikit-learn's
// sample_weight); plus the property that integer weights equal repeating items.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chainPaths,
  classMetrics,
  confusionMatrix,
  crosstab,
  flowGraph,
  fromRecords,
  metricsHierarchy,
  metricsSummary,
  type Key,
  type MetricsNode,
} from '../../src/index.js';
import { expectCode } from '../hostile.js';
import { load } from './fixtures.js';

interface Group {
  path: string[];
  weight: number;
  items: number;
}
const fx = load<{
  classes: string[];
  truth: string[];
  m1: string[];
  m2: string[];
  weights: number[];
  confusion: number[][];
  precision: (number | null)[];
  recall: (number | null)[];
  f1: (number | null)[];
  support: number[];
  correct: number[];
  links01: Group[];
  links12: Group[];
  nodes: { stage: number; key: string; weight: number; items: number }[];
  paths: Group[];
  hierarchy: { truth: string; m1Right: boolean; m2Right: boolean; weight: number }[];
}>('weights.json');
const TOL = 1e-9;
const close = (a: number, b: number | null) =>
  b === null
    ? expect(a).toBeNaN()
    : expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(TOL * Math.max(1, Math.abs(b)));

describe('weights: against numpy / scikit-learn sample_weight', () => {
  it('confusionMatrix(truth, pred, { classes, weights }) equals confusion_matrix(sample_weight)', () => {
    const cm = confusionMatrix(fx.truth, fx.m1, { classes: fx.classes, weights: fx.weights });
    cm.counts.forEach((row, i) => row.forEach((v, j) => close(v, fx.confusion[i][j])));
  });
  it('classMetrics(truth, pred, { weights }) gives weighted support, correct, precision, recall, F1', () => {
    const rows = classMetrics(fx.truth, fx.m1, { classes: fx.classes, weights: fx.weights });
    rows.forEach((r, j) => {
      close(r.support, fx.support[j]);
      close(r.correct, fx.correct[j]);
      close(r.precision, fx.precision[j]);
      close(r.recall, fx.recall[j]);
      close(r.f1, fx.f1[j]);
    });
    // "shoe" is never predicted by m1: precision 0/0.
    expect(rows[4].precision).toBeNaN();
    const s = metricsSummary(fx.truth, fx.m1, { weights: fx.weights });
    close(
      s.items,
      fx.weights.reduce((a, b) => a + b, 0),
    );
    close(
      s.correct,
      fx.correct.reduce((a, b) => a + b, 0),
    );
  });
  it('crosstab(source, target, { weights }) sums weights per pair', () => {
    const t = crosstab(fx.truth, fx.m1, { weights: fx.weights });
    for (const g of fx.links01) close(t.counts[t.sources.indexOf(g.path[0])][t.targets.indexOf(g.path[1])], g.weight);
  });
  it('flowGraph(stages, { weights }): node and link values are weighted, indices unchanged', () => {
    const stages = [fx.truth, fx.m1, fx.m2];
    const g = flowGraph(stages, { weights: fx.weights });
    const plain = flowGraph(stages);
    const byId = new Map(g.nodes.map((d) => [d.id, d]));
    for (const want of fx.nodes) {
      const d = g.nodes.find((x) => x.stage === want.stage && x.key === want.key)!;
      close(d.value, want.weight);
      expect(d.indices.length).toBe(want.items);
    }
    for (const [s, groups] of [
      [0, fx.links01],
      [1, fx.links12],
    ] as const) {
      for (const want of groups) {
        const l = g.links.find(
          (x) =>
            byId.get(x.source)!.stage === s &&
            byId.get(x.source)!.key === want.path[0] &&
            byId.get(x.target)!.key === want.path[1],
        )!;
        close(l.value, want.weight);
        expect(l.indices.length).toBe(want.items);
      }
    }
    close(
      g.total,
      fx.weights.reduce((a, b) => a + b, 0),
    );
    // The same items on the same links as without weights (order of nodes may differ).
    const items = (x: typeof g) =>
      new Map(x.links.map((l) => [`${l.source}→${l.target}`, Array.from(l.indices).join()]));
    expect(items(g)).toEqual(items(plain));
  });
  it('chainPaths(stages, { weights }) sums weights per path and sorts by them', () => {
    const paths = chainPaths([fx.truth, fx.m1, fx.m2], { weights: fx.weights });
    expect(paths.length).toBe(fx.paths.length);
    for (const want of fx.paths) {
      const p = paths.find((x) => x.path.join() === want.path.join())!;
      close(p.count, want.weight);
      expect(p.indices.length).toBe(want.items);
    }
    for (let k = 1; k < paths.length; k++) expect(paths[k].count).toBeLessThanOrEqual(paths[k - 1].count);
  });
  it('metricsHierarchy(truth, preds, { weights }) sizes leaves by weight, with or without indices', () => {
    for (const indices of [true, false]) {
      const root = metricsHierarchy(fx.truth, { m1: fx.m1, m2: fx.m2 }, { weights: fx.weights, indices });
      close(
        root.count,
        fx.weights.reduce((a, b) => a + b, 0),
      );
      for (const want of fx.hierarchy) {
        const t = root.children!.find((d) => d.key === want.truth)!;
        const a = t.children!.find((d) => d.correct === want.m1Right)!;
        const b = a.children!.find((d) => d.correct === want.m2Right)!;
        close(b.value!, want.weight);
        expect(b.indices === undefined).toBe(!indices);
      }
    }
  });
  it('fromRecords(data, { weights }) reads a weights column', () => {
    const rows = [
      { t: 'a', p: 'a', sales: 3 },
      { t: 'a', p: 'b', sales: 0.5 },
    ];
    const cols = fromRecords(rows, { truth: 't', pred: 'p', weights: 'sales' });
    expect(confusionMatrix(cols.truth!, cols.pred!, { weights: cols.weights }).counts).toEqual([
      [3, 0.5],
      [0, 0],
    ]);
  });
});

describe('weights: validation', () => {
  const t = ['a', 'b', 'a'];
  const p = ['a', 'a', 'b'];
  const calls: [string, (w: unknown) => unknown][] = [
    ['crosstab', (w) => crosstab(t, p, { weights: w as number[] })],
    ['flowGraph', (w) => flowGraph([t, p], { weights: w as number[] })],
    ['confusionMatrix', (w) => confusionMatrix(t, p, { weights: w as number[] })],
    ['classMetrics', (w) => classMetrics(t, p, { weights: w as number[] })],
    ['metricsHierarchy', (w) => metricsHierarchy(t, { A: p }, { weights: w as number[] })],
    ['chainPaths', (w) => chainPaths([t, p], { weights: w as number[] })],
  ];
  for (const [name, f] of calls) {
    it(`${name}: NaN → NON_FINITE, negative → INVALID_ARGUMENT, '2' → NOT_A_NUMBER, wrong length → LENGTH_MISMATCH`, () => {
      expectCode(() => f([1, NaN, 1]), 'NON_FINITE', /weights: NaN at index 1/);
      expectCode(() => f([1, 1, Infinity]), 'NON_FINITE', /index 2/);
      expectCode(() => f([1, -1, 1]), 'INVALID_ARGUMENT', /negative weight -1 at index 1/);
      expectCode(() => f([1, '2', 1]), 'NOT_A_NUMBER', /string "2" at index 1/);
      expectCode(() => f([1, 1]), 'LENGTH_MISMATCH', /weights has length 2 but there are 3 items/);
      expectCode(() => f('heavy'), 'INVALID_ARGUMENT', /weights/);
      expectCode(() => f(() => -2), 'INVALID_ARGUMENT', /negative weight -2 at index 0/);
    });
  }
  it('weights whose sum overflows are TOO_LARGE (counts would be Infinity)', () => {
    expectCode(() => crosstab(t, p, { weights: [1e308, 1e308, 0] }), 'TOO_LARGE', /sum overflows/);
    expect(
      crosstab(t, p, { weights: [1e300, 1e300, 0] })
        .counts.flat()
        .every(Number.isFinite),
    ).toBe(true);
  });
  it('an accessor (i) => weight equals the array of its values', () => {
    const w = [2, 0.5, 3];
    expect(crosstab(t, p, { weights: (i) => w[i] })).toEqual(crosstab(t, p, { weights: w }));
    expect(chainPaths([t, p], { weights: (i) => w[i] })).toEqual(chainPaths([t, p], { weights: w }));
  });
  it('an item of weight 0 keeps its node and indices (value 0)', () => {
    const g = flowGraph(
      [
        ['a', 'b'],
        ['a', 'c'],
      ],
      { weights: [1, 0] },
    );
    expect(g.nodes.map((d) => [d.key, d.value, Array.from(d.indices)])).toEqual([
      ['a', 1, [0]],
      ['b', 0, [1]],
      ['a', 1, [0]],
      ['c', 0, [1]],
    ]);
    expect(g.links.map((l) => [l.source, l.target, l.value])).toEqual([
      ['0:a', '1:a', 1],
      ['0:b', '1:c', 0],
    ]);
  });
});

describe('weights: integer weights equal repeating each item — property', () => {
  const column = (n: number) => fc.array(fc.constantFrom<Key>('a', 'b', 'c', 1, 2), { minLength: n, maxLength: n });
  const input = fc
    .integer({ min: 0, max: 25 })
    .chain((n) =>
      fc.tuple(
        column(n),
        column(n),
        column(n),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
      ),
    );
  const repeat = <T>(a: T[], w: number[]): T[] => a.flatMap((v, i) => new Array<T>(w[i]).fill(v));
  /** Keys → count, dropping zeros (a key of weight 0 has no repeated item). */
  const nonzero = (keys: Key[][], counts: number[]) =>
    new Map(keys.map((k, i) => [JSON.stringify(k), counts[i]] as const).filter(([, c]) => c !== 0));

  it('crosstab and confusionMatrix', () => {
    fc.assert(
      fc.property(input, ([a, b, , w]) => {
        const x = crosstab(a, b, { weights: w });
        const y = crosstab(repeat(a, w), repeat(b, w));
        const cells = (t: typeof x) =>
          nonzero(
            t.sources.flatMap((s) => t.targets.map((u) => [s, u])),
            t.counts.flat(),
          );
        expect(cells(x)).toEqual(cells(y));
        try {
          const cx = confusionMatrix(a, b, { weights: w });
          const cy = confusionMatrix(repeat(a, w), repeat(b, w), cx.classes);
          expect(cx.counts).toEqual(cy.counts);
        } catch (e) {
          // 1 and "1" across truth and predictions: the same refusal either way.
          expect(() => confusionMatrix(a, b)).toThrow((e as Error).message);
        }
      }),
    );
  });
  it('flowGraph link and node values', () => {
    fc.assert(
      fc.property(input, fc.boolean(), ([a, b, c, w], changedOnly) => {
        const x = flowGraph([a, b, c], { weights: w, changedOnly });
        const y = flowGraph([repeat(a, w), repeat(b, w), repeat(c, w)], { changedOnly });
        expect(
          nonzero(
            x.nodes.map((d) => [d.id]),
            x.nodes.map((d) => d.value),
          ),
        ).toEqual(
          nonzero(
            y.nodes.map((d) => [d.id]),
            y.nodes.map((d) => d.value),
          ),
        );
        expect(
          nonzero(
            x.links.map((l) => [l.source, l.target]),
            x.links.map((l) => l.value),
          ),
        ).toEqual(
          nonzero(
            y.links.map((l) => [l.source, l.target]),
            y.links.map((l) => l.value),
          ),
        );
        expect(x.kept).toBe(y.kept);
        expect(x.total).toBe(y.total);
      }),
    );
  });
  it('chainPaths counts and metricsHierarchy leaf values', () => {
    fc.assert(
      fc.property(input, ([a, b, c, w]) => {
        let x: ReturnType<typeof chainPaths>;
        try {
          x = chainPaths([a, b, c], { weights: w });
        } catch {
          return; // 1 and "1" in one key space: refused either way (tested elsewhere)
        }
        const y = chainPaths([repeat(a, w), repeat(b, w), repeat(c, w)]);
        expect(
          nonzero(
            x.map((p) => p.path),
            x.map((p) => p.count),
          ),
        ).toEqual(
          nonzero(
            y.map((p) => p.path),
            y.map((p) => p.count),
          ),
        );
        const leaves = (root: MetricsNode) => {
          const out: [Key[], number][] = [];
          const walk = (d: MetricsNode, path: Key[]): void => {
            const here = d.level === 'root' ? path : [...path, d.name];
            if (d.children) d.children.forEach((ch) => walk(ch, here));
            else out.push([here, d.value!]);
          };
          walk(root, []);
          return nonzero(
            out.map(([p]) => p),
            out.map(([, v]) => v),
          );
        };
        expect(leaves(metricsHierarchy(a, { B: b, C: c }, { weights: w }))).toEqual(
          leaves(metricsHierarchy(repeat(a, w), { B: repeat(b, w), C: repeat(c, w) })),
        );
      }),
    );
  });
});
