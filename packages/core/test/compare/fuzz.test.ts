// Fuzz properties of the compare area (issue 8, "done when"): random hostile inputs give
// a coded error or a correct result, within a time bound.
import fc from 'fast-check';
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
  metricsSummary,
  mismatchScore,
  trendColor,
  wordFrequencies,
  type Key,
  type Trend,
} from '../../src/index.js';
import {
  codedOrCorrect,
  FUZZ_RUNS,
  hostileArray,
  hostileKey,
  hostileMatrix,
  hostileNumber,
  hostileOptions,
  hostileScalar,
} from '../hostile.js';

const n = fc.integer({ min: 0, max: 10 });
const classList = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(['a', 'b', 'c'], [0, 1, 2], ['c', 'b', 'a', 0, 1, 2]) },
  { weight: 1, arbitrary: hostileScalar },
);
/** truth + a record of 1–3 models (names sometimes hostile, e.g. __proto__), all length n. */
const comparison = n.chain((len) =>
  fc.record({
    truth: hostileArray(hostileKey, len),
    preds: fc.oneof(
      {
        weight: 8,
        arbitrary: fc
          .uniqueArray(fc.constantFrom('A', 'B', 'C', '__proto__', 'constructor', 'toString'), {
            minLength: 1,
            maxLength: 3,
          })
          .chain((names) =>
            fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), hostileArray(hostileKey, len)))),
          )
          .map((entries) => {
            const o: Record<string, unknown> = {};
            for (const [name, v] of entries)
              Object.defineProperty(o, name, { value: v, enumerable: true, writable: true, configurable: true });
            return o;
          }),
      },
      { weight: 1, arbitrary: hostileScalar },
    ),
    classes: classList,
  }),
);
type C = { truth: Key[]; preds: Record<string, Key[]>; classes?: Key[] };

/** Reference count of items with truth t predicted p by one model. */
function count(truth: Key[], pred: Key[], t: Key, p: Key): number {
  let c = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === t && pred[i] === p) c++;
  return c;
}

describe('compare on random hostile input — property', () => {
  it('confusionMatrix, classMetrics, metricsSummary: a coded error or the true counts', () => {
    fc.assert(
      fc.property(comparison, (c0) => {
        const c = c0 as unknown as C;
        const pred = c.preds && typeof c.preds === 'object' ? Object.values(c.preds)[0] : undefined;
        codedOrCorrect(
          () => confusionMatrix(c.truth, pred as Key[], c.classes),
          (cm) =>
            cm.counts.forEach((row, i) =>
              row.forEach((v, j) => expect(v).toBe(count(c.truth, pred!, cm.classes[i], cm.classes[j]))),
            ),
        );
        codedOrCorrect(
          () => classMetrics(c.truth, pred as Key[], c.classes),
          (rows) =>
            rows.forEach((r) => {
              expect(r.correct).toBe(count(c.truth, pred!, r.class, r.class));
              expect(r.support).toBe(c.truth.filter((t) => t === r.class).length);
            }),
        );
        codedOrCorrect(
          () => metricsSummary(c.truth, pred as Key[], c.classes),
          (s) => expect(s.items).toBe(c.truth.length),
        );
      }),
      FUZZ_RUNS,
    );
  });

  it('agreement, filterItems, metricsHierarchy: a coded error or every model kept and counted', () => {
    fc.assert(
      fc.property(
        comparison,
        hostileOptions(['indices', 'models'], fc.constantFrom<unknown>([0], ['A'], [])),
        hostileOptions(['truth', 'correct', 'agree'], fc.constantFrom<unknown>(['a'], { A: true }, true)),
        hostileOptions(
          ['by', 'order', 'indices', 'name', 'models'],
          fc.constantFrom<unknown>('predicted', 'models-first', false, 'root'),
        ),
        (c0, agreeOptions, query, hierOptions) => {
          const c = c0 as unknown as C;
          codedOrCorrect(
            () => agreement(c.truth, c.preds, { ...(agreeOptions as object), classes: c.classes }),
            (rows) =>
              rows.forEach((r) => {
                const names = Object.keys(r.correct);
                expect(Object.keys(r.predictions)).toEqual(names);
                expect(r.correctCount).toBe(
                  names.filter((m) => Object.getOwnPropertyDescriptor(r.correct, m)!.value).length,
                );
                // === rather than Object.is: a -0 label is class 0 (Map keys compare by SameValueZero).
                for (const m of names)
                  expect(Object.getOwnPropertyDescriptor(r.predictions, m)!.value === c.preds[m][r.index]).toBe(true);
              }),
          );
          codedOrCorrect(
            () => filterItems(c.truth, c.preds, query as object, { classes: c.classes }),
            (ix) => {
              for (let k = 1; k < ix.length; k++) expect(ix[k]).toBeGreaterThan(ix[k - 1]);
              if (query && typeof query === 'object' && Object.keys(query).length === 0)
                expect(ix.length).toBe(c.truth.length);
            },
          );
          codedOrCorrect(
            () => metricsHierarchy(c.truth, c.preds, { ...(hierOptions as object), classes: c.classes }),
            (root) => {
              let leaves = 0;
              const walk = (d: { value?: number; children?: unknown[] }): void => {
                if (d.children) d.children.forEach((x) => walk(x as typeof d));
                else leaves += d.value ?? 0;
              };
              walk(root);
              expect(leaves).toBe(root.count);
            },
          );
        },
      ),
      FUZZ_RUNS,
    );
  });

  it('chainPaths and classAccuracyTrends: a coded error or counts that add up', () => {
    fc.assert(
      fc.property(
        n.chain((len) => fc.array(hostileArray(hostileKey, len), { maxLength: 4 })),
        hostileOptions(['changedOnly', 'classes'], fc.constantFrom<unknown>(true, ['a', 'b', 'c'])),
        hostileOptions(['tolerance'], fc.constantFrom<unknown>(0.1, 0)),
        (stages, options, trendOptions) => {
          codedOrCorrect(
            () => chainPaths(stages as Key[][], options as object),
            (paths) => {
              const total = paths.reduce((a, p) => a + p.count, 0);
              if (!(options as { changedOnly?: boolean })?.changedOnly)
                expect(total).toBe((stages[0] as Key[] | undefined)?.length ?? 0);
              for (const p of paths) {
                expect(p.indices.length).toBe(p.count);
                for (const i of p.indices) p.path.forEach((k, s) => expect((stages[s] as Key[])[i] === k).toBe(true));
              }
            },
          );
          codedOrCorrect(
            () =>
              classAccuracyTrends(stages[0] as Key[], stages.slice(1) as Key[][], undefined, trendOptions as object),
            (rows) => rows.forEach((r) => r.values.forEach((v) => expect(v >= 0 && v <= 1).toBe(true))),
          );
        },
      ),
      FUZZ_RUNS,
    );
  });

  it('classifyTrend and trendColor: a coded error or a kind consistent with the steps', () => {
    fc.assert(
      fc.property(
        hostileArray(hostileNumber, 5),
        hostileOptions(['tolerance'], fc.constantFrom<unknown>(0, 0.5)),
        (values, options) =>
          codedOrCorrect(
            () => classifyTrend(values as number[], options as object),
            (t) => {
              const v = values as number[];
              expect(t.net).toBe(v[v.length - 1] - v[0]);
              expect(trendColor(t as Trend)).toMatch(/^#[0-9a-f]{6}$/);
            },
          ),
      ),
      FUZZ_RUNS,
    );
  });

  it('histogram: a coded error or bins that count every finite value once', () => {
    fc.assert(
      fc.property(
        hostileArray(hostileNumber, 12),
        hostileOptions(['bins', 'thresholds', 'domain'], fc.constantFrom<unknown>(3, [0, 1], [-1, 1], 1000)),
        (values, options) =>
          codedOrCorrect(
            () => histogram(values as number[], options as object),
            (bins) => {
              const domain = (options as { domain?: [number, number] })?.domain;
              if (domain) return;
              const finite = (values as unknown[]).filter((v) => typeof v === 'number' && Number.isFinite(v)).length;
              expect(bins.reduce((a, b) => a + b.count, 0)).toBe(finite);
            },
          ),
      ),
      FUZZ_RUNS,
    );
  });

  it('mismatchScore, confusionList: a coded error or scores in [1/2, 1] for probability rows', () => {
    const prob = fc.oneof(
      { weight: 8, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
      { weight: 1, arbitrary: hostileScalar },
    );
    fc.assert(
      fc.property(
        n.chain((len) =>
          fc.tuple(
            hostileMatrix(len, 2, prob),
            hostileArray(fc.oneof(fc.constantFrom(0, 1), hostileScalar), len),
            hostileArray(hostileKey, len),
          ),
        ),
        hostileOptions(['binWidth', 'classes'], fc.constantFrom<unknown>(0.1, ['a', 'b'])),
        ([probs, labels, pred], options) => {
          codedOrCorrect(
            () => mismatchScore(probs as number[][], labels as number[]),
            (s) => s.forEach((v) => expect(v >= 0 && v <= 1).toBe(true)),
          );
          codedOrCorrect(
            () => confusionList(labels as Key[], pred as Key[], probs as number[][], options as object),
            (list) => expect(list.rows.reduce((a, r) => a + r.count, 0)).toBe((labels as Key[]).length),
          );
        },
      ),
      FUZZ_RUNS,
    );
  });

  it('wordFrequencies and fromRecords: a coded error or counts of what was given', () => {
    fc.assert(
      fc.property(
        hostileArray(fc.oneof(fc.string(), fc.constantFrom('a b a', '__proto__ constructor'), hostileScalar), 5),
        hostileOptions(['topK', 'stopwords', 'tokenizer', 'indices'], fc.constantFrom<unknown>(2, [], [0])),
        (texts, options) => {
          codedOrCorrect(
            () => wordFrequencies(texts as string[], options as object),
            (words) => words.forEach((w) => expect(w.count).toBeGreaterThanOrEqual(w.documents)),
          );
          codedOrCorrect(
            () => fromRecords(texts as object[], { truth: '__proto__', preds: JSON.parse('{"__proto__":"length"}') }),
            (cols) => expect(Object.keys(cols.preds!)).toEqual(['__proto__']),
          );
        },
      ),
      FUZZ_RUNS,
    );
  });
});
