import { describe, expect, it } from 'vitest';
import { flowGraph } from '@classlens/core';
import { emphasisFromItems } from '../src/internal/sankey/emphasis.js';
import { bundleHairlines, curveY, pickHairline } from '../src/internal/sankey/hairlines.js';
import { layoutSankey, sankeyOrder, stageHeaderChars } from '../src/internal/sankey/layout.js';
import {
  MIN_SPLIT_WIDTH,
  MIN_SUB_BAND,
  splitBands,
  splitEmphasis,
  splitLinks,
} from '../src/internal/sankey/link-split.js';

// a → x ×3 (categories 0, 0, 1), a → y ×1 (category 1), b → y ×2 (category 0).
const source = ['a', 'a', 'a', 'a', 'b', 'b'];
const target = ['x', 'x', 'x', 'y', 'y', 'y'];
const codes = [0, 0, 1, 1, 0, 0];

function laid(width = 400, height = 300) {
  const g = flowGraph([source, target]);
  const L = layoutSankey(g, { width, height, normalize: 'none', order: sankeyOrder(g, 'key') });
  return { g, L };
}

describe('splitLinks(graph, categories)', () => {
  it('counts each link’s items per category, in category order, with the majority', () => {
    const { g } = laid();
    const split = splitLinks(g, { codes: [codes], colors: ['red', 'blue'] });
    const at = (s: string, t: string) => g.links.findIndex((l) => l.source === s && l.target === t);
    expect(Array.from(split.parts[at('0:a', '1:x')]!)).toEqual([0, 2, 1, 1]);
    expect(split.parts[at('0:a', '1:y')]).toBe(null); // one category: one colour
    expect(split.parts[at('0:b', '1:y')]).toBe(null);
    expect(split.major[at('0:a', '1:x')]).toBe(0);
    expect(split.major[at('0:a', '1:y')]).toBe(1);
  });

  it('uses the codes of the stage a link enters when given one array per stage', () => {
    const { g } = laid();
    // Stage 1's codes put every item in category 1.
    const split = splitLinks(g, { codes: [codes, [1, 1, 1, 1, 1, 1]], colors: ['red', 'blue'] });
    expect(split.parts.every((p) => p === null)).toBe(true);
    expect(Array.from(split.major)).toEqual(g.links.map(() => 1));
  });

  it('ignores items without a category (−1 or out of range)', () => {
    const { g } = laid();
    const split = splitLinks(g, { codes: [[0, -1, 7, 1, 0, 0]], colors: ['red', 'blue'] });
    const k = g.links.findIndex((l) => l.source === '0:a' && l.target === '1:x');
    expect(split.parts[k]).toBe(null);
    expect(split.major[k]).toBe(0);
  });
});

describe('splitBands(layout, split)', () => {
  it('stacks sub-bands from the band’s top edge, widths in proportion, summing to the band', () => {
    const { g, L } = laid();
    const split = splitLinks(g, { codes: [codes], colors: ['red', 'blue'] });
    const bands = splitBands(L, split, ['red', 'blue']);
    const k = g.links.findIndex((l) => l.source === '0:a' && l.target === '1:x');
    const mine = bands.filter((b) => b.link === k);
    expect(mine.map((b) => b.category)).toEqual([0, 1]);
    const w = L.links[k].width;
    expect(mine[0].width).toBeCloseTo((2 / 3) * w, 9);
    expect(mine[1].width).toBeCloseTo((1 / 3) * w, 9);
    // The first sub-band's centre line starts w0/2 below the band's top edge.
    const y = Number(/^M[\d.]+,([\d.]+)/.exec(mine[0].path)![1]);
    expect(y).toBeCloseTo(L.links[k].y0 - w / 2 + mine[0].width / 2, 1);
    expect(bands.every((b) => b.link === k)).toBe(true);
    expect(mine.map((b) => b.color)).toEqual(['red', 'blue']);
  });

  it('merges sub-bands under MIN_SUB_BAND into one band of their blended colour, at the bottom', () => {
    // One wide band a → x: 1,000 items of category 0, and 1 item each of categories 1 and 2.
    const n = 1002;
    const g = flowGraph([Array(n).fill('a'), Array(n).fill('x')]);
    const L = layoutSankey(g, { width: 400, height: 300, normalize: 'none', order: sankeyOrder(g, 'key') });
    const codes = [...Array(1000).fill(0), 1, 2];
    const split = splitLinks(g, { codes: [codes], colors: ['#ff0000', '#0000ff', '#00ff00'] });
    const bands = splitBands(L, split, ['#ff0000', '#0000ff', '#00ff00']);
    expect(bands.map((b) => b.category)).toEqual([0, -1]);
    expect(bands[1].color).not.toBe('#0000ff');
    expect(bands[1].color).not.toBe('#00ff00');
    expect(bands[0].width + bands[1].width).toBeCloseTo(L.links[0].width, 9);
    expect(bands[1].width).toBeLessThan(2 * MIN_SUB_BAND);
  });

  it('leaves bands narrower than MIN_SPLIT_WIDTH whole', () => {
    // 2,000 more items b → y make the a → x band (3 items) far thinner than 2 px.
    const more = Array.from({ length: 2000 }, () => 'b');
    const g = flowGraph([
      [...source, ...more],
      [...target, ...more.map(() => 'y')],
    ]);
    const L = layoutSankey(g, { width: 400, height: 300, normalize: 'none', order: sankeyOrder(g, 'key') });
    const split = splitLinks(g, { codes: [[...codes, ...more.map(() => 1)]], colors: ['red', 'blue'] });
    const k = g.links.findIndex((l) => l.source === '0:a' && l.target === '1:x');
    expect(split.parts[k]).not.toBe(null);
    expect(L.links[k].width).toBeLessThan(MIN_SPLIT_WIDTH);
    const bands = splitBands(L, split, ['red', 'blue']);
    expect(bands.some((b) => b.link === k)).toBe(false);
    // b → y (2,002 items: 2 of category 0, 2,000 of category 1) is wide and split; the
    // 2 items are under a pixel, so they form the merged rest at the bottom.
    const by = g.links.findIndex((l) => l.source === '0:b' && l.target === '1:y');
    expect(bands.filter((b) => b.link === by).map((b) => b.category)).toEqual([1, -1]);
  });
});

describe('splitEmphasis(layout, emphasis, categories)', () => {
  it('divides a partly emphasised band’s emphasised share among the emphasised items’ categories', () => {
    const { g, L } = laid();
    const cats = { codes: [codes], colors: ['red', 'blue'] };
    // Emphasise items 0 and 2 of a → x (categories 0 and 1): 2 of its 3 items.
    const E = emphasisFromItems(g, Uint8Array.from([1, 0, 1, 0, 0, 0]));
    const k = g.links.findIndex((l) => l.source === '0:a' && l.target === '1:x');
    const parts = splitEmphasis(L, E, cats, 0.999).get(k)!;
    expect(parts.map((p) => p.category)).toEqual([0, 1]);
    expect(parts[0].width + parts[1].width).toBeCloseTo((2 / 3) * L.links[k].width, 9);
    // Fully emphasised or untouched links are not split here.
    expect(splitEmphasis(L, emphasisFromItems(g, Uint8Array.from([1, 1, 1, 0, 0, 0])), cats, 0.999).size).toBe(0);
  });
});

describe('bundleHairlines(layout, colorOf)', () => {
  it('keeps every link separate below the threshold', () => {
    const { L } = laid();
    const { single, bundles } = bundleHairlines(L, () => 'red');
    expect(single).toEqual(L.links.map((_, k) => k));
    expect(bundles).toEqual([]);
  });

  it('bundles links under a pixel by colour above the threshold; wide links stay separate', () => {
    const big = Array.from({ length: 5000 }, () => 'a');
    const g = flowGraph([
      [...source, ...big],
      [...target, ...big.map(() => 'x')],
    ]);
    const L = layoutSankey(g, { width: 400, height: 300, normalize: 'none', order: sankeyOrder(g, 'key') });
    const { single, bundles } = bundleHairlines(L, (k) => (k % 2 ? 'red' : 'blue'), 1);
    const thin = L.links.map((l, k) => (l.width < 1 ? k : -1)).filter((k) => k >= 0);
    expect(thin.length).toBeGreaterThan(0);
    expect(bundles.flatMap((b) => b.links).sort()).toEqual(thin.sort());
    expect(single.every((k) => L.links[k].width >= 1)).toBe(true);
    for (const b of bundles) expect(b.d).toBe(b.links.map((k) => L.links[k].path).join(''));
  });
});

describe('curveY / pickHairline', () => {
  it('curveY follows the band’s cubic: ends, midpoint, monotonic between', () => {
    expect(curveY(0, 10, 100, 50, 0)).toBeCloseTo(10, 6);
    expect(curveY(0, 10, 100, 50, 100)).toBeCloseTo(50, 6);
    expect(curveY(0, 10, 100, 50, 50)).toBeCloseTo(30, 6);
    expect(curveY(0, 10, 100, 50, 101)).toBe(null);
    let prev = -Infinity;
    for (let x = 0; x <= 100; x += 5) {
      const y = curveY(0, 10, 100, 50, x)!;
      expect(y).toBeGreaterThanOrEqual(prev);
      prev = y;
    }
  });

  it('picks the link whose centre line passes nearest the point, within the tolerance', () => {
    const { L } = laid();
    const all = L.links.map((_, k) => k);
    for (const k of all) {
      const l = L.links[k];
      const xa = L.nodes[l.s].x1;
      const xb = L.nodes[l.t].x0;
      const x = xa + 0.3 * (xb - xa);
      expect(pickHairline(L, all, x, curveY(xa, l.y0, xb, l.y1, x)!)).toBe(k);
    }
    expect(pickHairline(L, all, 1, 1)).toBe(null);
  });
});

describe('stageHeaderChars(stageX, nodeWidth, names, charWidth, width)', () => {
  it('gives every header its full name when there is room', () => {
    expect(stageHeaderChars([100, 400, 700], 14, ['V0', 'V1', 'V2'], 8, 800)).toEqual([2, 2, 2]);
  });

  it('never lets the last two headers overlap: the short one keeps its length', () => {
    const x = [100, 300, 500];
    const names = ['first', 'a long middle version name', 'V2'];
    const out = stageHeaderChars(x, 14, names, 8, 600);
    expect(out[2]).toBe(2);
    expect((out[1] + out[2]) * 8 + 12).toBeLessThanOrEqual(500 + 14 - 300);
    const both = stageHeaderChars(x, 14, ['a', 'a long middle version name', 'another long last name'], 8, 600);
    expect((both[1] + both[2]) * 8 + 12).toBeLessThanOrEqual(500 + 14 - 300 + 8);
  });

  it('limits middle headers to their column gap', () => {
    const out = stageHeaderChars([0, 100, 200, 300], 14, ['x'.repeat(40), 'y'.repeat(40), 'z', 'w'], 8, 400);
    expect(out[0] * 8).toBeLessThanOrEqual(100);
    expect(out[1] * 8).toBeLessThanOrEqual(100);
  });
});
