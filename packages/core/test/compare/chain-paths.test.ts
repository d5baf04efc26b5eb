import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainPaths, type ChainPath } from '../../src/compare/index.js';
import * as flows from '../../src/flows/index.js';
import { expectCode, load } from './fixtures.js';

interface Path {
  path: number[];
  count: number;
  indices: number[];
}
const g = load<{
  classes: string[];
  preds: Record<'A' | 'B' | 'C', string[]>;
  chain: { all: Path[]; changedOnly: Path[] };
}>('models.json');
const stages = [g.preds.A, g.preds.B, g.preds.C];
const asKeys = (ps: Path[]) =>
  ps.map((p) => ({ path: p.path.map((j) => g.classes[j]), count: p.count, indices: p.indices }));

const chainArb = fc
  .integer({ min: 0, max: 60 })
  .chain((n) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }),
  );

describe('chainPaths(stages, { changedOnly })', () => {
  it('matches numpy.unique over the rows, sorted by count then path', () => {
    expect(chainPaths(stages)).toEqual(asKeys(g.chain.all));
  });
  it('keeps only items whose prediction changes somewhere with changedOnly', () => {
    expect(chainPaths(stages, { changedOnly: true })).toEqual(asKeys(g.chain.changedOnly));
  });
  it('gives the same paths from Int32Array class indices plus classes', () => {
    const enc = stages.map((s) => Int32Array.from(s, (x) => g.classes.indexOf(x)));
    expect(chainPaths(enc, { classes: g.classes })).toEqual(chainPaths(stages));
  });
  it('partitions the (changed) items, each path describing its items (property; flat table and Map paths)', () => {
    fc.assert(
      fc.property(chainArb, fc.boolean(), (cols, changedOnly) => {
        const paths = chainPaths(
          cols.map((c) => Int32Array.from(c)),
          { classes: [0, 1, 2, 3], changedOnly },
        );
        const n = cols[0].length;
        const seen = new Set<number>();
        for (let k = 0; k < paths.length; k++) {
          const p = paths[k];
          expect(p.count).toBe(p.indices.length);
          if (k > 0) expect(p.count).toBeLessThanOrEqual(paths[k - 1].count);
          for (const i of p.indices) {
            expect(seen.has(i)).toBe(false);
            seen.add(i);
            expect(cols.map((c) => c[i])).toEqual(p.path);
          }
        }
        let expected = 0;
        for (let i = 0; i < n; i++) if (!changedOnly || cols.some((c) => c[i] !== cols[0][i])) expected++;
        expect(seen.size).toBe(expected);
      }),
      { numRuns: 80 },
    );
  });
  it('breaks count ties by path in class order', () => {
    expect(
      chainPaths([
        ['b', 'a'],
        ['a', 'b'],
      ]).map((p) => p.path),
    ).toEqual([
      ['a', 'b'],
      ['b', 'a'],
    ]);
  });
  it('returns [] for no stages and for no items', () => {
    expect(chainPaths([])).toEqual([]);
    expect(chainPaths([[], []])).toEqual([]);
    expect(chainPaths([['a', 'b']], { changedOnly: true })).toEqual([]);
  });
  it('handles a path space too large for a flat table', () => {
    // 1000 classes over 4 stages: 10^12 possible paths, renumbered through a Map.
    const a = Array.from({ length: 50 }, (_, i) => i * 20);
    const paths = chainPaths([a, a, a.map((x) => x + 1), a], { classes: Array.from({ length: 1000 }, (_, i) => i) });
    expect(paths).toHaveLength(50);
    expect(paths[0]).toEqual({ path: [0, 0, 1, 0], count: 1, indices: [0] });
  });
  it('throws LENGTH_MISMATCH naming the stage, INVALID_ARGUMENT for a non-array', () => {
    expectCode(
      () => chainPaths([['a'], ['a', 'b']]),
      'LENGTH_MISMATCH',
      'stages[1] has length 2 but stages[0] has length 1',
    );
    expectCode(() => chainPaths(null as never), 'INVALID_ARGUMENT');
    expectCode(() => chainPaths([['a'], 'a' as never]), 'INVALID_ARGUMENT', /stages\[1\]: expected an array/);
    expectCode(() => chainPaths([['a']], { classes: ['b'] }), 'UNKNOWN_CLASS');
  });
});

// flowGraph (flows area) draws the same items as links between consecutive stages: every
// link must carry exactly the items of the paths that pass through it.
const flowGraph = (flows as Record<string, unknown>).flowGraph as
  | ((
      s: unknown[],
      o?: { changedOnly?: boolean },
    ) => {
      nodes: { id: string; stage: number; key: unknown; value: number }[];
      links: { source: string; target: string; value: number; indices: ArrayLike<number> }[];
    })
  | undefined;

describe('chainPaths(stages) agrees with flowGraph(stages)', () => {
  it('is exported by the flows area', () => {
    expect(typeof flowGraph).toBe('function');
  });
  for (const changedOnly of [false, true]) {
    it(`gives every link the items of the paths through it (changedOnly: ${changedOnly})`, () => {
      const paths: ChainPath[] = chainPaths(stages, { changedOnly });
      const graph = flowGraph!(stages, { changedOnly });
      const nodeOf = new Map(graph.nodes.map((n) => [n.id, n]));
      const expected = new Map<string, number[]>();
      for (const p of paths) {
        for (let s = 0; s + 1 < p.path.length; s++) {
          const key = `${s}|${String(p.path[s])}|${String(p.path[s + 1])}`;
          expected.set(key, [...(expected.get(key) ?? []), ...p.indices]);
        }
      }
      expect(graph.links).toHaveLength(expected.size);
      for (const link of graph.links) {
        const a = nodeOf.get(link.source)!;
        const b = nodeOf.get(link.target)!;
        expect(b.stage).toBe(a.stage + 1);
        const items = expected.get(`${a.stage}|${String(a.key)}|${String(b.key)}`)!;
        expect(link.value).toBe(items.length);
        expect(Array.from(link.indices)).toEqual(items.sort((x, y) => x - y));
      }
      // Node values: the items of the paths through that (stage, key).
      for (const node of graph.nodes) {
        const value = paths.filter((p) => p.path[node.stage] === node.key).reduce((a, p) => a + p.count, 0);
        expect(node.value).toBe(value);
      }
    });
  }
});
