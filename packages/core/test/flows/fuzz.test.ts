// Fuzz properties of the flows area (issue 8, "done when"): random hostile inputs give a
// coded error or a correct result, within a time bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFlowGraph, conditional, crosstab, flowGraph, type Key } from '../../src/index.js';
import { codedOrCorrect, FUZZ_RUNS, hostileArray, hostileKey, hostileOptions, hostileScalar } from '../hostile.js';

const column = (n: number) => hostileArray(hostileKey, n);

describe('flows on random hostile input — property', () => {
  it('crosstab(source, target, options): a coded error or the true counts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(column(n), column(n))),
        hostileOptions(['sources', 'targets', 'otherLabel'], fc.constantFrom<unknown>(['a', 'b'], [0, 1], 'Other')),
        ([s, t], options) =>
          codedOrCorrect(
            () => crosstab(s as Key[], t as Key[], options as object),
            (r) => {
              const src = s as Key[];
              const tgt = t as Key[];
              let total = 0;
              r.counts.forEach((row, i) =>
                row.forEach((c, j) => {
                  total += c;
                  const other = (options as { otherLabel?: Key })?.otherLabel;
                  if (r.sources[i] === other || r.targets[j] === other) return;
                  let want = 0;
                  for (let k = 0; k < src.length; k++) if (src[k] === r.sources[i] && tgt[k] === r.targets[j]) want++;
                  expect(c).toBe(want);
                }),
              );
              expect(total).toBe(src.length);
              const p = conditional(r, 'source');
              for (const row of p) {
                const sum = row.reduce((a, v) => a + v, 0);
                if (row.length > 0 && !Number.isNaN(sum)) expect(sum).toBeCloseTo(1, 12);
              }
            },
          ),
      ),
      FUZZ_RUNS,
    );
  });

  it('flowGraph(stages, options): a coded error or a graph whose links carry their own items', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 12 }))
          .chain(([S, n]) => fc.array(column(n), { minLength: S, maxLength: S })),
        hostileOptions(['topK', 'minValue', 'otherLabel', 'changedOnly', 'stageNames']),
        (stages, options) =>
          codedOrCorrect(
            () => flowGraph(stages as Key[][], options as object),
            (g) => {
              const cols = stages as Key[][];
              const byId = new Map(g.nodes.map((d) => [d.id, d]));
              expect(byId.size).toBe(g.nodes.length);
              for (const d of g.nodes) {
                for (const i of d.indices) {
                  if (!d.other) expect(cols[d.stage][i] === d.key).toBe(true);
                  else expect(d.members).toContain(cols[d.stage][i]);
                }
              }
              let linked = 0;
              for (const l of g.links) {
                const s = byId.get(l.source)!;
                const t = byId.get(l.target)!;
                expect(t.stage).toBe(s.stage + 1);
                expect(l.value).toBe(l.indices.length);
                for (const i of l.indices) {
                  expect(Array.from(s.indices)).toContain(i);
                  expect(Array.from(t.indices)).toContain(i);
                }
                linked += l.value;
              }
              expect(linked + g.hiddenItems).toBe(Math.max(0, cols.length - 1) * g.kept);
            },
          ),
      ),
      FUZZ_RUNS,
    );
  });

  it('checkFlowGraph(graph): a coded error or a layered graph (every link goes to a later stage)', () => {
    const id = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom<unknown>('a', 'b', 'c', 'd', 0, 1) },
      { weight: 1, arbitrary: hostileScalar },
    );
    const node = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({ id, stage: fc.oneof(fc.constant(undefined), hostileScalar) }, { requiredKeys: ['id'] }),
      },
      { weight: 1, arbitrary: hostileScalar },
    );
    const link = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record(
          {
            source: id,
            target: id,
            value: fc.oneof(
              { weight: 3, arbitrary: fc.integer({ min: 1, max: 9 }) },
              { weight: 1, arbitrary: hostileScalar },
            ),
            indices: fc.oneof(fc.constant(undefined), fc.array(fc.integer({ min: 0, max: 9 })), hostileScalar),
          },
          { requiredKeys: ['source', 'target', 'value'] },
        ),
      },
      { weight: 1, arbitrary: hostileScalar },
    );
    fc.assert(
      fc.property(
        fc.record({
          nodes: fc.oneof(
            { weight: 8, arbitrary: fc.array(node, { maxLength: 6 }) },
            { weight: 1, arbitrary: hostileScalar },
          ),
          links: fc.oneof(
            { weight: 8, arbitrary: fc.array(link, { maxLength: 8 }) },
            { weight: 1, arbitrary: hostileScalar },
          ),
          stageNames: fc.oneof(fc.constant(undefined), fc.array(fc.string(), { maxLength: 4 }), hostileScalar),
        }),
        (graph) =>
          codedOrCorrect(
            () => checkFlowGraph(graph as Parameters<typeof checkFlowGraph>[0]),
            (g) => {
              const stage = new Map(g.nodes.map((d) => [d.id, d.stage]));
              const given = (graph.nodes as { stage?: number }[]).some((d) => d.stage !== undefined);
              for (const l of g.links) {
                expect(l.value).toBeGreaterThan(0);
                if (!given) expect(stage.get(l.target)!).toBeGreaterThan(stage.get(l.source)!);
              }
              expect(g.stageNames.length).toBeGreaterThanOrEqual(Math.max(0, ...g.nodes.map((d) => d.stage + 1)));
            },
          ),
      ),
      FUZZ_RUNS,
    );
  });
});
