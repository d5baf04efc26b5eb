import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flowGraph, type FlowGraph } from '@classlens/core';
import { orderColumns, weightedCrossings, type OrderGraph } from '../src/internal/sankey/order.js';
import { fixedOrder, orderGraph, sankeyCrossings, sankeyOrder } from '../src/internal/sankey/layout.js';

/** Brute force: Σ w_a·w_b over link pairs between the same stages whose ends are in opposite order. */
function bruteCrossings(g: OrderGraph, order: number[][]): number {
  const rank = new Map<number, number>();
  for (const col of order) col.forEach((v, i) => rank.set(v, i));
  let c = 0;
  for (let a = 0; a < g.links.length; a++) {
    for (let b = a + 1; b < g.links.length; b++) {
      const la = g.links[a];
      const lb = g.links[b];
      if (g.stage[la.s] !== g.stage[lb.s] || g.stage[la.t] !== g.stage[lb.t]) continue;
      const ds = rank.get(la.s)! - rank.get(lb.s)!;
      const dt = rank.get(la.t)! - rank.get(lb.t)!;
      if (ds * dt < 0) c += la.w * lb.w;
    }
  }
  return c;
}

const graphArb = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 }),
    seed: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 30 }),
  })
  .map(({ sizes, seed }) => {
    const stage: number[] = [];
    const start: number[] = [];
    sizes.forEach((n, s) => {
      start.push(stage.length);
      for (let i = 0; i < n; i++) stage.push(s);
    });
    const seen = new Set<string>();
    const links: { s: number; t: number; w: number }[] = [];
    for (const [a, b, w] of seed) {
      const s = a % (sizes.length - 1);
      const u = start[s] + (a % sizes[s]);
      const v = start[s + 1] + (b % sizes[s + 1]);
      if (seen.has(`${u},${v}`)) continue;
      seen.add(`${u},${v}`);
      links.push({ s: u, t: v, w });
    }
    const order = sizes.map((n, s) => Array.from({ length: n }, (_, i) => start[s] + i));
    return { g: { stage, links } as OrderGraph, order };
  });

describe('weightedCrossings(graph, order)', () => {
  it('equals the brute-force pair count (property)', () => {
    fc.assert(
      fc.property(graphArb, ({ g, order }) => {
        expect(weightedCrossings(g, order)).toBe(bruteCrossings(g, order));
      }),
    );
  });

  it('counts a single crossing as the product of the two widths', () => {
    const g: OrderGraph = {
      stage: [0, 0, 1, 1],
      links: [
        { s: 0, t: 3, w: 2 },
        { s: 1, t: 2, w: 5 },
      ],
    };
    expect(
      weightedCrossings(g, [
        [0, 1],
        [2, 3],
      ]),
    ).toBe(10);
    expect(
      weightedCrossings(g, [
        [0, 1],
        [3, 2],
      ]),
    ).toBe(0);
  });

  it('does not count links that share an end node', () => {
    const g: OrderGraph = {
      stage: [0, 1, 1],
      links: [
        { s: 0, t: 1, w: 1 },
        { s: 0, t: 2, w: 1 },
      ],
    };
    expect(weightedCrossings(g, [[0], [2, 1]])).toBe(0);
  });
});

describe('orderColumns(graph, seeds)', () => {
  it('is never worse than its best seed, keeps every node once, and keeps columns (property)', () => {
    fc.assert(
      fc.property(graphArb, ({ g, order }) => {
        const reversed = order.map((c) => [...c].reverse());
        const out = orderColumns(g, [order, reversed]);
        expect(out.map((c) => [...c].sort((a, b) => a - b))).toEqual(order);
        expect(weightedCrossings(g, out)).toBeLessThanOrEqual(
          Math.min(weightedCrossings(g, order), weightedCrossings(g, reversed)),
        );
      }),
    );
  });

  it('untangles a crossed bipartite graph completely', () => {
    // a→z, b→y, c→x: reversed order has 0 crossings.
    const g: OrderGraph = {
      stage: [0, 0, 0, 1, 1, 1],
      links: [
        { s: 0, t: 5, w: 3 },
        { s: 1, t: 4, w: 2 },
        { s: 2, t: 3, w: 1 },
      ],
    };
    const out = orderColumns(g, [
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
    ]);
    expect(weightedCrossings(g, out)).toBe(0);
  });

  it('keeps pinned nodes ("Other") last in their column', () => {
    const g: OrderGraph = {
      stage: [0, 0, 1, 1],
      links: [
        { s: 0, t: 3, w: 5 },
        { s: 1, t: 2, w: 5 },
      ],
      pinnedLast: [false, true, false, false],
    };
    const out = orderColumns(g, [
      [
        [0, 1],
        [2, 3],
      ],
    ]);
    expect(out[0][out[0].length - 1]).toBe(1);
    expect(weightedCrossings(g, out)).toBe(0);
  });

  it('groups the children of a tree under their parent, in the parent order', () => {
    const data = [
      ['B', 'b2'],
      ['A', 'a1'],
      ['B', 'b1'],
      ['A', 'a2'],
      ['C', 'c1'],
      ['A', 'a1'],
    ];
    const g = flowGraph([data.map((d) => d[0]), data.map((d) => d[1])]);
    const order = sankeyOrder(g, 'auto');
    const keys = order.map((c) => c.map((i) => String(g.nodes[i].key)));
    const parent = (k: string) => keys[0].indexOf(k[0].toUpperCase());
    const parents = keys[1].map(parent);
    expect(parents).toEqual([...parents].sort((x, y) => x - y)); // grouped, in the parents' order
    expect(sankeyCrossings(g, order)).toBe(0);
  });

  it('handles a graph with thousands of links without blowing up (fewer sweeps)', () => {
    const n = 40_000;
    let x = 7;
    const rand = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) % 90;
    const a = Array.from({ length: n }, () => `k${rand()}`);
    const b = Array.from({ length: n }, () => `k${rand()}`);
    const g = flowGraph([a, b], { topK: 100 });
    expect(g.links.length).toBeGreaterThan(4000);
    const order = sankeyOrder(g, 'auto');
    expect(sankeyCrossings(g, order)).toBeLessThanOrEqual(
      Math.min(sankeyCrossings(g, fixedOrder(g, 'key')), sankeyCrossings(g, fixedOrder(g, 'value'))),
    );
  });
});

describe("sankeyOrder(graph, 'auto') on real classifiers' mistakes", () => {
  interface Digits {
    classes: string[];
    truth: number[];
    models: { name: string; pred: number[] }[];
  }
  const files = ['digits.json', 'digits-cv.json'];
  for (const file of files) {
    const d = JSON.parse(readFileSync(new URL(`../../../examples/data/${file}`, import.meta.url), 'utf8')) as Digits;
    for (const m of d.models) {
      it(`${file} ${m.name}: weighted crossings ≤ 85% of the better of key and value order`, () => {
        const g: FlowGraph = flowGraph([d.truth, m.pred], { changedOnly: true });
        const auto = sankeyCrossings(g, sankeyOrder(g, 'auto'));
        const key = sankeyCrossings(g, fixedOrder(g, 'key'));
        const value = sankeyCrossings(g, fixedOrder(g, 'value'));
        expect(auto).toBeLessThanOrEqual(0.85 * Math.min(key, value));
      });
    }
  }

  it('the orderGraph weights follow normalisation (shares, not counts)', () => {
    const g = flowGraph([
      ['a', 'a', 'a', 'b'],
      ['x', 'y', 'y', 'y'],
    ]);
    const w = orderGraph(g, 'source').links.map((l) => l.w);
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(2, 12); // Σ_j P(j | a) + Σ_j P(j | b)
  });
});
