import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flowGraph, type FlowGraph, type Key } from '@classlens/core';
import {
  groupColumns,
  groupPairCrossings,
  nodePairCrossings,
  orderGroups,
  weightedCrossings,
  type OrderGraph,
} from '../src/internal/sankey/order.js';
import { consistentOrder, keyGroups, orderGraph, sankeyCrossings, sankeyOrder } from '../src/internal/sankey/layout.js';

/** Keys of each column, top to bottom. */
const keysOf = (g: FlowGraph, order: number[][]) => order.map((c) => c.map((i) => g.nodes[i].key));

/** Every pair of keys that appears in two columns is in the same relative order in both. */
function sameRelativeOrder(cols: Key[][]): boolean {
  const rank = cols.map((c) => new Map(c.map((k, i) => [k, i])));
  for (let a = 0; a < cols.length; a++) {
    for (let b = a + 1; b < cols.length; b++) {
      const shared = cols[a].filter((k) => rank[b].has(k));
      for (let i = 0; i + 1 < shared.length; i++) {
        if ((rank[b].get(shared[i]) as number) > (rank[b].get(shared[i + 1]) as number)) return false;
      }
    }
  }
  return true;
}

// Random chains: 2–4 stages over up to 7 classes, items that mostly keep their class.
const chainArb = fc
  .record({
    n: fc.integer({ min: 1, max: 60 }),
    stages: fc.integer({ min: 2, max: 4 }),
    classes: fc.integer({ min: 1, max: 7 }),
    topK: fc.integer({ min: 1, max: 8 }),
    seed: fc.integer({ min: 1, max: 1e6 }),
  })
  .map(({ n, stages, classes, topK, seed }) => {
    let x = seed;
    const rand = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const cols: string[][] = [Array.from({ length: n }, () => `c${Math.floor(rand() * classes)}`)];
    for (let s = 1; s < stages; s++) {
      cols.push(cols[s - 1].map((k) => (rand() < 0.7 ? k : `c${Math.floor(rand() * classes)}`)));
    }
    return { cols, topK };
  });

describe('consistentOrder(graph, sort)', () => {
  it('gives every class the same relative place in every column, "Other" last (property)', () => {
    fc.assert(
      fc.property(chainArb, fc.constantFrom('auto', 'key', 'value', 'input' as const), ({ cols, topK }, sort) => {
        const g = flowGraph(cols, { topK });
        const order = consistentOrder(g, sort);
        // Every node exactly once, in its own column.
        expect(order.flat().sort((a, b) => a - b)).toEqual(g.nodes.map((_, i) => i));
        order.forEach((c, s) => c.forEach((i) => expect(g.nodes[i].stage).toBe(s)));
        expect(sameRelativeOrder(keysOf(g, order))).toBe(true);
        for (const c of order) {
          const others = c.map((i, r) => (g.nodes[i].other ? r : -1)).filter((r) => r >= 0);
          expect(others.every((r) => r === c.length - 1)).toBe(true);
        }
      }),
    );
  });

  it('auto is never worse than the shared key or value order (property)', () => {
    fc.assert(
      fc.property(chainArb, ({ cols, topK }) => {
        const g = flowGraph(cols, { topK });
        const auto = sankeyCrossings(g, consistentOrder(g, 'auto'));
        expect(auto).toBeLessThanOrEqual(
          Math.min(sankeyCrossings(g, consistentOrder(g, 'key')), sankeyCrossings(g, consistentOrder(g, 'value'))),
        );
      }),
    );
  });

  it('key sorts the classes once; value by total items over all stages; input by first appearance', () => {
    const g = flowGraph([
      ['b', 'c', 'a', 'a', 'c'],
      ['b', 'c', 'c', 'c', 'd'],
    ]);
    expect(keysOf(g, consistentOrder(g, 'key'))).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c', 'd'],
    ]);
    // Totals: c 5, a 2, b 2, d 1 (ties by key).
    expect(keysOf(g, consistentOrder(g, 'value'))).toEqual([
      ['c', 'a', 'b'],
      ['c', 'b', 'd'],
    ]);
    // First item of each class: b 0, c 1, a 2, d 4.
    expect(keysOf(g, consistentOrder(g, 'input'))).toEqual([
      ['b', 'c', 'a'],
      ['b', 'c', 'd'],
    ]);
  });

  it('moves a class next to the class its items switch to (fewer crossings than key order)', () => {
    // 40 items of "a" become "d" in the second version; b and c stay. In key order the
    // a → d band crosses b → b and c → c; a shared order with a next to d crosses nothing.
    const m0 = [...Array(40).fill('a'), ...Array(30).fill('b'), ...Array(30).fill('c'), ...Array(30).fill('d')];
    const m1 = [...Array(40).fill('d'), ...Array(30).fill('b'), ...Array(30).fill('c'), ...Array(30).fill('d')];
    const g = flowGraph([m0, m1, m1]);
    const key = consistentOrder(g, 'key');
    const auto = consistentOrder(g, 'auto');
    expect(sankeyCrossings(g, key)).toBeGreaterThan(0);
    expect(sankeyCrossings(g, auto)).toBe(0);
    expect(sameRelativeOrder(keysOf(g, auto))).toBe(true);
  });

  it('keeps 1 and "1" apart as classes', () => {
    const g = flowGraph([
      [1, 2, 2],
      ['1', '1', '2'],
    ]);
    const { keys } = keyGroups(g);
    expect(keys).toEqual(expect.arrayContaining([1, '1', 2, '2']));
    expect(keys).toHaveLength(4);
  });

  it('sankeyOrder(…, consistent) is consistentOrder; without it columns are ordered independently', () => {
    const g = flowGraph([
      ['a', 'a', 'b', 'c'],
      ['c', 'c', 'b', 'a'],
    ]);
    expect(sankeyOrder(g, 'auto', 'none', true)).toEqual(consistentOrder(g, 'auto'));
    // Independent columns may reverse the second column to untangle a ↔ c; a shared order cannot.
    expect(sankeyCrossings(g, sankeyOrder(g, 'auto'))).toBe(0);
    expect(sameRelativeOrder(keysOf(g, consistentOrder(g, 'auto')))).toBe(true);
  });

  it('lays out the catalogue chain (62 classes, 4 versions) with fewer crossings than key order', () => {
    const d = JSON.parse(
      readFileSync(new URL('../../../examples/data/catalogue-versions.json', import.meta.url), 'utf8'),
    ) as { classes: { name: string }[]; versions: { pred: number[] }[] };
    const name = (i: number) => d.classes[i].name;
    const g = flowGraph(
      d.versions.map((v) => v.pred.map(name)),
      { changedOnly: true, topK: 100 },
    );
    const auto = sankeyCrossings(g, consistentOrder(g, 'auto'));
    const key = sankeyCrossings(g, consistentOrder(g, 'key'));
    expect(auto).toBeLessThan(0.8 * key);
    expect(sameRelativeOrder(keysOf(g, consistentOrder(g, 'auto')))).toBe(true);
  });
});

describe('orderGroups(graph, group, seeds)', () => {
  it('returns a permutation of the groups no worse than its seeds, pinned groups last', () => {
    // Groups 0..2 over two stages; group 2 pinned (an "Other").
    const g: OrderGraph = {
      stage: [0, 0, 0, 1, 1, 1],
      links: [
        { s: 0, t: 4, w: 5 },
        { s: 1, t: 3, w: 5 },
        { s: 2, t: 5, w: 1 },
      ],
      pinnedLast: [false, false, true, false, false, true],
    };
    const group = [0, 1, 2, 0, 1, 2];
    const seed = [0, 1, 2];
    const perm = orderGroups(g, group, [seed]);
    expect([...perm].sort()).toEqual([0, 1, 2]);
    expect(perm[2]).toBe(2);
    const cols = groupColumns(g.stage, group, perm);
    // 0 → 1 and 1 → 0 cross in the seed order whichever way; the pinned group stays last.
    expect(weightedCrossings(g, cols)).toBeLessThanOrEqual(weightedCrossings(g, groupColumns(g.stage, group, seed)));
    expect(cols.map((c) => c[c.length - 1])).toEqual([2, 5]);
  });
});

describe('nodePairCrossings(graph, order, upper, lower)', () => {
  it('equals the brute-force count for nodes with hundreds of links (the sorted path)', () => {
    // Stage 0: nodes 0, 1 (the pair); stage 1: 40 nodes; stage -: in-links from 30 nodes.
    let x = 3;
    const rand = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const stage = [...Array(30).fill(0), 1, 1, ...Array(40).fill(2)];
    const links: { s: number; t: number; w: number }[] = [];
    for (const u of [30, 31]) {
      for (let i = 0; i < 30; i++) if (rand() < 0.8) links.push({ s: i, t: u, w: 1 + Math.floor(rand() * 9) });
      for (let j = 0; j < 40; j++) if (rand() < 0.8) links.push({ s: u, t: 32 + j, w: 1 + Math.floor(rand() * 9) });
    }
    const g: OrderGraph = { stage, links };
    const order = [
      Array.from({ length: 30 }, (_, i) => 29 - i),
      [30, 31],
      Array.from({ length: 40 }, (_, j) => 32 + ((j * 7) % 40)),
    ];
    const rank = new Map<number, number>();
    for (const c of order) c.forEach((v, i) => rank.set(v, i));
    const brute = (u: number, v: number) => {
      let c = 0;
      for (const a of links) {
        for (const b of links) {
          if (a.s === u && b.s === v && rank.get(a.t)! > rank.get(b.t)!) c += a.w * b.w;
          if (a.t === u && b.t === v && rank.get(a.s)! > rank.get(b.s)!) c += a.w * b.w;
        }
      }
      return c;
    };
    expect(brute(30, 31)).toBeGreaterThan(0);
    expect(nodePairCrossings(g, order, 30, 31)).toBe(brute(30, 31));
    expect(nodePairCrossings(g, order, 31, 30)).toBe(brute(31, 30));
  });
});

describe('groupPairCrossings(graph, group, perm, a, b)', () => {
  it('equals the change in weighted crossings when a and b trade places (property)', () => {
    fc.assert(
      fc.property(chainArb, ({ cols, topK }) => {
        const g = flowGraph(cols, { topK });
        const og = orderGraph(g);
        const { group, keys } = keyGroups(g);
        if (keys.length < 2) return;
        const perm = keys.map((_, i) => i);
        // Adjacent a, b: crossings(a above b) − crossings(b above a) is the whole difference.
        for (let i = 0; i + 1 < perm.length; i++) {
          const a = perm[i];
          const b = perm[i + 1];
          const swapped = [...perm];
          swapped[i] = b;
          swapped[i + 1] = a;
          const diff =
            weightedCrossings(og, groupColumns(og.stage, group, perm)) -
            weightedCrossings(og, groupColumns(og.stage, group, swapped));
          const local = groupPairCrossings(og, group, perm, a, b) - groupPairCrossings(og, group, swapped, b, a);
          expect(local).toBeCloseTo(diff, 9);
        }
      }),
    );
  });
});
