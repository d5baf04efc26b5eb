import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkFlowGraph, flowGraph } from '@classlens/core';
import { fixedOrder, layoutLabels, layoutSankey, sankeyOrder } from '../src/internal/sankey/layout.js';
import { emphasisFromItems, emphasisFromPath } from '../src/internal/sankey/emphasis.js';
import { emphasisBands } from '../src/internal/sankey/emphasis-bands.js';
import { moveFocus, navigationColumns } from '../src/internal/sankey/navigation.js';
import { topAncestors } from '../src/internal/sankey/ancestors.js';
import { checkDrawableGraph, itemCount } from '../src/internal/sankey/validate.js';

const truth = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c'];
const pred = ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'a'];
const W = 600;
const H = 360;

function lay(stages = [truth, pred], normalize: 'none' | 'source' | 'target' = 'none') {
  const g = flowGraph(stages);
  return { g, L: layoutSankey(g, { width: W, height: H, normalize, order: sankeyOrder(g, 'auto', normalize) }) };
}

describe('layoutSankey(graph, options)', () => {
  it('stacks each column in the given order without overlap, inside the extent', () => {
    const { g, L } = lay();
    const order = sankeyOrder(g, 'auto');
    for (const col of order) {
      for (let k = 1; k < col.length; k++) expect(L.nodes[col[k]].y0).toBeGreaterThanOrEqual(L.nodes[col[k - 1]].y1);
      for (const i of col) {
        expect(L.nodes[i].y0).toBeGreaterThanOrEqual(L.top - 1e-9);
        expect(L.nodes[i].y1).toBeLessThanOrEqual(H - L.bottom + 1e-9);
      }
    }
  });

  it('fills the height with the fullest column', () => {
    const { L } = lay();
    const bottom = Math.max(...L.nodes.map((d) => d.y1));
    const top = Math.min(...L.nodes.map((d) => d.y0));
    expect(top).toBeCloseTo(L.top, 6);
    expect(bottom).toBeCloseTo(H - L.bottom, 6);
  });

  it('draws counts to one scale: node heights ∝ values, link widths ∝ values', () => {
    const { g, L } = lay();
    const ky = (L.nodes[0].y1 - L.nodes[0].y0) / g.nodes[0].value;
    for (const d of L.nodes) expect(d.y1 - d.y0).toBeCloseTo(d.node.value * ky, 6);
    for (const l of L.links) expect(l.width).toBeCloseTo(l.link.value * ky, 6);
  });

  it('stacks links at a node in the order of their other end (no crossings at nodes)', () => {
    const { L } = lay();
    for (let v = 0; v < L.nodes.length; v++) {
      const outs = L.links.filter((l) => l.s === v).sort((a, b) => a.y0 - b.y0);
      for (let k = 1; k < outs.length; k++) {
        expect(L.nodes[outs[k].t].y0).toBeGreaterThan(L.nodes[outs[k - 1].t].y0);
        expect(outs[k].y0 - outs[k].width / 2).toBeCloseTo(outs[k - 1].y0 + outs[k - 1].width / 2, 6);
      }
    }
  });

  it('normalize="source" gives every source node the same height', () => {
    const { L } = lay([truth, pred], 'source');
    const hs = L.nodes.filter((d) => d.node.stage === 0).map((d) => d.y1 - d.y0);
    for (const h of hs) expect(h).toBeCloseTo(hs[0], 6);
  });

  it('never writes onto the graph it lays out', () => {
    const g = flowGraph([truth, pred]);
    const before = JSON.stringify(g, (_, v) => (v instanceof Uint32Array ? Array.from(v) : v));
    layoutSankey(g, { width: W, height: H, normalize: 'none', order: fixedOrder(g, 'key') });
    expect(JSON.stringify(g, (_, v) => (v instanceof Uint32Array ? Array.from(v) : v))).toBe(before);
  });

  it('keeps a column for a stage whose links are all hidden, and lays out one stage', () => {
    const g = flowGraph([truth, pred], { minValue: 100 });
    const L = layoutSankey(g, { width: W, height: H, normalize: 'none', order: fixedOrder(g, 'key') });
    expect(L.stageX).toHaveLength(2);
    expect(L.links).toHaveLength(0);
    const one = flowGraph([truth]);
    const L1 = layoutSankey(one, { width: W, height: H, normalize: 'none', order: fixedOrder(one, 'key') });
    expect(L1.stageX).toHaveLength(1);
    expect(L1.nodes.every((d) => d.y1 > d.y0)).toBe(true);
  });

  it('gives finite coordinates for any small flow (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        fc.integer({ min: 40, max: 1200 }),
        fc.integer({ min: 40, max: 900 }),
        (rows, w, h) => {
          const g = flowGraph([rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])]);
          const L = layoutSankey(g, { width: w, height: h, normalize: 'none', order: sankeyOrder(g, 'auto') });
          for (const d of L.nodes) for (const v of [d.x0, d.x1, d.y0, d.y1]) expect(Number.isFinite(v)).toBe(true);
          for (const l of L.links) expect(l.path).not.toMatch(/NaN|Infinity/);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('layoutLabels(layout, options)', () => {
  it('labels every node of a 20 + 20 chart at 900 × 600 without overlap', () => {
    const t: string[] = [];
    const p: string[] = [];
    for (let c = 0; c < 20; c++) {
      const n = Math.max(1, Math.round(400 / (c + 1) ** 1.6));
      for (let i = 0; i < n; i++) (t.push(`class ${c}`), p.push(`class ${(c * 7 + i) % 20}`));
    }
    const g = flowGraph([t, p]);
    const L = layoutSankey(g, { width: 900, height: 600, normalize: 'none', order: sankeyOrder(g, 'auto') });
    const { labels, hidden } = layoutLabels(L, { fontSize: 12 });
    expect(hidden).toHaveLength(0);
    expect(labels).toHaveLength(40);
    for (const side of ['left', 'right']) {
      const ys = labels
        .filter((l) => l.side === side)
        .map((l) => l.y)
        .sort((a, b) => a - b);
      for (let k = 1; k < ys.length; k++) expect(ys[k] - ys[k - 1]).toBeGreaterThanOrEqual(Math.ceil(12 * 1.3) - 1e-9);
    }
    // A label that moved has a leader from its node.
    for (const l of labels) {
      const d = L.nodes[l.node];
      expect(Math.abs(l.y - (d.y0 + d.y1) / 2) > 1.5).toBe(l.leader !== null);
    }
  });

  it('drops the smallest nodes only when a lane is full, and reports them', () => {
    const t: string[] = [];
    for (let c = 0; c < 60; c++) for (let i = 0; i <= c; i++) t.push(`k${c}`);
    const g = flowGraph([t, t], { topK: 100 });
    const L = layoutSankey(g, { width: 500, height: 260, normalize: 'none', order: sankeyOrder(g, 'auto') });
    const { labels, hidden } = layoutLabels(L, { fontSize: 12 });
    expect(labels.length + hidden.length).toBe(g.nodes.length);
    const minShown = Math.min(...labels.map((l) => L.nodes[l.node].node.value));
    const maxHidden = Math.max(...hidden.map((i) => L.nodes[i].node.value));
    expect(maxHidden).toBeLessThanOrEqual(minShown);
  });
});

describe('emphasis', () => {
  it('emphasisFromItems gives each mark the share of its items in the mask', () => {
    const g = flowGraph([truth, pred]);
    const mask = new Uint8Array(10);
    mask[3] = mask[9] = 1; // a→b and c→a
    const E = emphasisFromItems(g, mask);
    const node = (id: string) => E.nodes[g.nodes.findIndex((d) => d.id === id)];
    expect(node('0:a')).toBeCloseTo(1 / 4, 12);
    expect(node('1:a')).toBeCloseTo(1 / 4, 12);
    expect(node('0:b')).toBe(0);
  });

  it('emphasisFromPath follows the graph up and down from a link', () => {
    const g = checkFlowGraph({
      nodes: [{ id: 'x' }, { id: 'y' }, { id: 'z' }, { id: 'w' }],
      links: [
        { source: 'x', target: 'y', value: 2 },
        { source: 'y', target: 'z', value: 2 },
        { source: 'w', target: 'z', value: 1 },
      ],
    });
    const E = emphasisFromPath(g, 'link', 1);
    expect(Array.from(E.links)).toEqual([1, 1, 0]);
    expect(Array.from(E.nodes)).toEqual([1, 1, 1, 0]);
  });

  it('emphasisBands draws a partial link as a top-aligned sub-band and a block where it joins', () => {
    const g = flowGraph([Array(40).fill('a'), Array(40).fill('b')]);
    const L = layoutSankey(g, { width: W, height: H, normalize: 'none', order: fixedOrder(g, 'key') });
    const mask = new Uint8Array(40);
    mask[5] = 1;
    const { links, nodes } = emphasisBands(L, emphasisFromItems(g, mask));
    expect(links).toHaveLength(1);
    expect(links[0].width).toBeCloseTo(L.links[0].width / 40, 9);
    const t = L.nodes[L.links[0].t];
    const atTarget = nodes.find((b) => b.node === L.links[0].t)!;
    expect(atTarget.y).toBeCloseTo(L.links[0].y1 - L.links[0].width / 2, 9);
    expect(atTarget.x).toBe(t.x0);
  });
});

describe('keyboard navigation', () => {
  it('reaches every node and link from the first mark, and stays put at the edges', () => {
    const { L } = lay();
    const cols = navigationColumns(L);
    const seen = new Set<string>();
    let at = moveFocus(L, cols, null, 'Home');
    for (let c = 0; c < cols.length; c++) {
      at = moveFocus(L, cols, at, 'Home');
      for (let r = 0; r < cols[c].length; r++) {
        seen.add(`${at!.kind}${at!.index}`);
        at = moveFocus(L, cols, at, 'ArrowDown');
      }
      expect(moveFocus(L, cols, at, 'ArrowDown')).toEqual(at);
      at = moveFocus(L, cols, at, 'ArrowRight');
    }
    expect(seen.size).toBe(L.nodes.length + L.links.length);
    expect(moveFocus(L, cols, at, 'ArrowRight')).toEqual(at);
  });
});

describe('topAncestors(graph)', () => {
  it('names the first-stage node most of a node’s items came from', () => {
    const g = flowGraph([
      ['A', 'A', 'B', 'B', 'B'],
      ['x', 'x', 'x', 'y', 'y'],
    ]);
    const top = topAncestors(g);
    const key = (id: string) => g.nodes[top[g.nodes.findIndex((d) => d.id === id)]].key;
    expect(key('1:x')).toBe('A'); // 2 of 3 from A
    expect(key('1:y')).toBe('B');
  });
});

describe('checkDrawableGraph(graph)', () => {
  const ok = {
    nodes: [
      { id: 'a', stage: 0 },
      { id: 'b', stage: 1 },
    ],
    links: [{ source: 'a', target: 'b', value: 2, indices: [0, 5] }],
  };
  it('accepts a drawable graph; itemCount is the largest index + 1', () => {
    expect(() => checkDrawableGraph(ok)).not.toThrow();
    expect(itemCount(checkFlowGraph(ok))).toBe(6);
  });
  for (const [name, graph, re] of [
    [
      'stage 1e9',
      {
        ...ok,
        nodes: [
          { id: 'a', stage: 0 },
          { id: 'b', stage: 1e9 },
        ],
      },
      /stage 1000000000/,
    ],
    [
      'fractional stage',
      {
        ...ok,
        nodes: [
          { id: 'a', stage: 0 },
          { id: 'b', stage: 0.5 },
        ],
      },
      /stage 0.5/,
    ],
    [
      'backwards',
      {
        ...ok,
        nodes: [
          { id: 'a', stage: 2 },
          { id: 'b', stage: 1 },
        ],
      },
      /back from stage 2/,
    ],
    [
      'same stage',
      {
        ...ok,
        nodes: [
          { id: 'a', stage: 1 },
          { id: 'b', stage: 1 },
        ],
      },
      /two nodes of stage 1/,
    ],
    ['index -1', { ...ok, links: [{ source: 'a', target: 'b', value: 1, indices: [-1] }] }, /item index -1/],
    ['index 1.5', { ...ok, links: [{ source: 'a', target: 'b', value: 1, indices: [1.5] }] }, /item index 1.5/],
    [
      'count ≠ value',
      { ...ok, links: [{ source: 'a', target: 'b', value: 1e12, indices: [0] }] },
      /value 1000000000000 but 1 item index/,
    ],
    ['stageNames', { ...ok, stageNames: ['x'] }, /1 stage names for 2 stages/],
  ] as const) {
    it(`rejects ${name} with INVALID_ARGUMENT`, () => {
      expect(() => checkDrawableGraph(graph as never)).toThrow(re);
      try {
        checkDrawableGraph(graph as never);
      } catch (e) {
        expect((e as { code: string }).code).toBe('INVALID_ARGUMENT');
      }
    });
  }
});
