import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { filterItems, metricsHierarchy, type MetricsNode } from '@classlens/core';
import { layoutTreemap } from '../src/metrics-treemap/layout.js';
import { cellCandidates, fitLabel } from '../src/metrics-treemap/labels.js';
import { wrongness } from '../src/metrics-treemap/colors.js';
import { cellQuery } from '../src/metrics-treemap/query.js';
import { moveFocus, type NavBox } from '../src/metrics-treemap/navigation.js';
import { leavesOf, pathOf, toTree } from '../src/metrics-treemap/tree.js';
import { contentHeight, MAX_SCROLL_HEIGHT, scrollToRow, visibleRange } from '../src/agreement-table/virtual-window.js';
import { applyOrder, countingOrder, descending, keyOrder, numericOrder } from '../src/agreement-table/order.js';
import { gridTemplate, tableColumns } from '../src/agreement-table/columns.js';

const truth = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c'];
const preds = { A: ['a', 'a', 'b', 'b', 'b', 'a', 'b', 'c'], B: ['a', 'c', 'a', 'a', 'b', 'b', 'a', 'a'] };
const tree = () => toTree(metricsHierarchy(truth, preds), true);

describe('layoutTreemap(tree, options)', () => {
  it('tiles every leaf inside the area, without overlaps, areas ∝ counts within a class', () => {
    const t = tree();
    const L = layoutTreemap(t, { width: 400, height: 300, header: 18 });
    expect(L.cells.map((c) => c.node)).toEqual(leavesOf(t));
    for (const c of L.cells) {
      expect(c.x0).toBeGreaterThanOrEqual(0);
      expect(c.y0).toBeGreaterThanOrEqual(0);
      expect(c.x1).toBeLessThanOrEqual(400 + 1e-9);
      expect(c.y1).toBeLessThanOrEqual(300 + 1e-9);
    }
    for (let i = 0; i < L.cells.length; i++)
      for (let j = i + 1; j < L.cells.length; j++) {
        const p = L.cells[i];
        const q = L.cells[j];
        expect(p.x0 < q.x1 - 1e-9 && q.x0 < p.x1 - 1e-9 && p.y0 < q.y1 - 1e-9 && q.y0 < p.y1 - 1e-9).toBe(false);
      }
    expect(L.groups.map((g) => g.node.name)).toEqual(['a', 'b', 'c']);
    expect(L.groups[0].header).toBe(18);
  });

  it('zoomed into a class, that class fills the area and has no header', () => {
    const t = tree();
    const a = t.children![0];
    const L = layoutTreemap(a, { width: 400, height: 300 });
    expect(L.groups).toHaveLength(1);
    expect(L.groups[0]).toMatchObject({ x0: 0, y0: 0, x1: 400, y1: 300, header: 0 });
    expect(L.cells).toHaveLength(leavesOf(a).length);
  });

  it('binary tiling and a zero-size area', () => {
    expect(layoutTreemap(tree(), { width: 400, height: 300, tile: 'binary' }).cells).toHaveLength(
      leavesOf(tree()).length,
    );
    expect(layoutTreemap(tree(), { width: 0, height: 300 }).cells).toHaveLength(0);
  });
});

describe('toTree(hierarchy, trusted)', () => {
  it('copies without writing to the input, and drops empty leaves', () => {
    const h: MetricsNode = {
      name: 'r',
      level: 'root',
      count: 3,
      children: [
        {
          name: 'x',
          level: 'truth',
          key: 'x',
          count: 3,
          children: [
            { name: 'M ✓', level: 'correct', model: 'M', correct: true, count: 3, value: 3 },
            { name: 'M ✗', level: 'correct', model: 'M', correct: false, count: 0, value: 0 },
          ],
        },
      ],
    };
    const before = JSON.stringify(h);
    const t = toTree(h, false);
    expect(JSON.stringify(h)).toBe(before);
    expect(leavesOf(t)).toHaveLength(1);
    expect(pathOf(leavesOf(t)[0]).map((n) => n.name)).toEqual(['x', 'M ✓']);
  });

  it('rejects non-trees with coded errors, before any work', () => {
    const code = (h: unknown) => {
      try {
        toTree(h as MetricsNode, false);
        return 'ok';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(code(null)).toBe('INVALID_ARGUMENT');
    expect(code({ name: 'r', children: 'x' })).toBe('INVALID_ARGUMENT');
    expect(code({ name: 'r', children: [{ name: 'l', value: Infinity }] })).toBe('NON_FINITE');
    expect(code({ name: 'r', children: [{ name: 'l', value: -1 }] })).toBe('INVALID_ARGUMENT');
    expect(code({ name: 'r', children: [{ name: 'l', value: 2, indices: [0, -1] }] })).toBe('INVALID_ARGUMENT');
    let deep: Record<string, unknown> = { name: 'leaf', value: 1 };
    for (let i = 0; i < 40; i++) deep = { name: `n${i}`, children: [deep] };
    expect(code(deep)).toBe('INVALID_ARGUMENT');
    const wide = { name: 'r', children: Array.from({ length: 100_001 }, () => ({ name: 'l', value: 1 })) };
    expect(code(wide)).toBe('INVALID_ARGUMENT');
  });
});

describe('cellQuery(path)', () => {
  it('means exactly the cell: filterItems(query) returns its indices (property, any labels)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
          { minLength: 1, maxLength: 60 },
        ),
        fc.constantFrom<'correct' | 'predicted'>('correct', 'predicted'),
        (rows, by) => {
          const t = rows.map((r) => `k${r[0]}`);
          const p = { X: rows.map((r) => `k${r[1]}`), Y: rows.map((r) => `k${r[2]}`) };
          for (const leaf of leavesOf(toTree(metricsHierarchy(t, p, { by }), true))) {
            const q = cellQuery(pathOf(leaf))!;
            let got = Array.from(filterItems(t, p, q));
            if (q.predicted)
              got = got.filter((i) => Object.entries(q.predicted!).every(([m, k]) => p[m as 'X' | 'Y'][i] === k));
            expect(got).toEqual(Array.from(leaf.indices!));
          }
        },
      ),
    );
  });

  it('keeps model names such as __proto__ as data', () => {
    const p = JSON.parse('{"__proto__": ["a", "b"]}') as Record<string, string[]>;
    const leaf = leavesOf(toTree(metricsHierarchy(['a', 'a'], p), true))[1];
    const q = cellQuery(pathOf(leaf))!;
    expect(Object.keys(q.correct!)).toEqual(['__proto__']);
    expect(Array.from(filterItems(['a', 'a'], p, q))).toEqual([1]);
  });
});

describe('cell colour and labels', () => {
  it('wrongness orders the cells of a class monotonically, first model weighing most', () => {
    const values = leavesOf(tree().children![0]).map((l) => wrongness(pathOf(l)));
    expect(values).toEqual([...values].sort((x, y) => x - y));
    expect(values[0]).toBe(0);
    expect(wrongness(pathOf(leavesOf(tree())[0]))).toBe(0);
  });

  it('fitLabel takes the first candidate that fits, else nothing', () => {
    const measure = (s: string) => s.length * 6;
    const rect = { x0: 0, y0: 0, x1: 60, y1: 40 };
    const c = cellCandidates(pathOf(leavesOf(tree())[1]), '12');
    expect(c[0]).toEqual(['A ✓ B ✗', '12']);
    expect(fitLabel(rect, c, measure, 14)).toEqual(['A ✓ B ✗', '12']);
    expect(fitLabel({ ...rect, x1: 34 }, c, measure, 14)).toEqual(['✓✗', '12']);
    expect(fitLabel({ ...rect, y1: 24 }, c, measure, 14)).toEqual(['✓✗ 12']);
    expect(fitLabel({ x0: 0, y0: 0, x1: 6, y1: 6 }, c, measure, 14)).toBe(null);
  });
});

describe('moveFocus(boxes, from, key)', () => {
  const boxes: NavBox[] = [
    { x0: 0, y0: 0, x1: 50, y1: 50, group: 0 },
    { x0: 50, y0: 0, x1: 100, y1: 50, group: 0 },
    { x0: 0, y0: 50, x1: 100, y1: 100, group: 1 },
  ];
  it('moves to the nearest box in the arrow direction; Home/End; PageDown/PageUp by class', () => {
    expect(moveFocus(boxes, null, 'ArrowDown')).toBe(0);
    expect(moveFocus(boxes, 0, 'ArrowRight')).toBe(1);
    expect(moveFocus(boxes, 1, 'ArrowDown')).toBe(2);
    expect(moveFocus(boxes, 2, 'ArrowUp')).toBe(0);
    expect(moveFocus(boxes, 1, 'ArrowRight')).toBe(1);
    expect(moveFocus(boxes, 0, 'End')).toBe(2);
    expect(moveFocus(boxes, 0, 'PageDown')).toBe(2);
    expect(moveFocus(boxes, 2, 'PageUp')).toBe(0);
    expect(moveFocus([], null, 'Home')).toBe(null);
  });
});

describe('visibleRange(state) / scrollToRow(row, state)', () => {
  it('renders the visible rows plus overscan, at their own offset', () => {
    const w = visibleRange({ rows: 1000, rowHeight: 30, viewport: 300, scrollTop: 3015, overscan: 5 });
    expect(w).toMatchObject({
      firstVisible: 100,
      endVisible: 111,
      start: 95,
      end: 116,
      offset: 95 * 30,
      height: 30_000,
      scaled: false,
    });
  });

  it('compresses past MAX_SCROLL_HEIGHT and still reaches the first and last rows', () => {
    const rows = 1_000_000;
    expect(contentHeight(rows, 30)).toBe(MAX_SCROLL_HEIGHT);
    const top = visibleRange({ rows, rowHeight: 30, viewport: 300, scrollTop: 0, overscan: 2 });
    expect(top).toMatchObject({ firstVisible: 0, start: 0, scaled: true });
    const end = visibleRange({ rows, rowHeight: 30, viewport: 300, scrollTop: MAX_SCROLL_HEIGHT - 300, overscan: 2 });
    expect(end.endVisible).toBe(rows);
    // The last row's bottom sits at the viewport's bottom.
    const lastTop = end.offset + (rows - 1 - end.start) * 30;
    expect(lastTop + 30).toBeCloseTo(MAX_SCROLL_HEIGHT, 6);
  });

  it('scrollToRow brings a row into view with the least movement (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, a, b) => {
          const s = { rows, rowHeight: 30, viewport: 300, scrollTop: a * contentHeight(rows, 30) };
          const row = Math.floor(b * (rows - 1));
          const top = scrollToRow(row, s);
          const w = visibleRange({ ...s, scrollTop: top, overscan: 0 });
          expect(row).toBeGreaterThanOrEqual(w.firstVisible);
          expect(row).toBeLessThan(w.endVisible);
        },
      ),
    );
  });
});

describe('row orders', () => {
  it('countingOrder is a stable sort by small integer keys', () => {
    expect(Array.from(countingOrder([2, 0, 1, 0, 2], 3))).toEqual([1, 3, 2, 0, 4]);
  });

  it('numericOrder puts NaN last; descending keeps them last', () => {
    const o = numericOrder([3, NaN, 1, 2, 1]);
    expect(Array.from(o.order)).toEqual([2, 4, 3, 0, 1]);
    expect(Array.from(descending(o.order, o.missing))).toEqual([0, 3, 4, 2, 1]);
  });

  it('keyOrder: numbers, then strings case-insensitively, then missing', () => {
    expect(Array.from(keyOrder(['b', 2, null, 'A', 1]).order)).toEqual([4, 1, 3, 0, 2]);
  });

  it('applyOrder keeps a subset in the order of a permutation (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 50 }),
        fc.array(fc.boolean(), { maxLength: 50 }),
        (keys, keep) => {
          const n = keys.length;
          const subset = Uint32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => keep[i]));
          const order = countingOrder(keys, 6);
          const got = Array.from(applyOrder(subset, order, n));
          expect(got).toEqual(Array.from(order).filter((i) => keep[i]));
        },
      ),
    );
  });
});

describe('tableColumns(input)', () => {
  it('gives fixed widths (rows align), one growing text column, and a free track otherwise', () => {
    const measure = (s: string) => s.length * 7;
    const base = {
      items: 100,
      ids: null,
      modelsWidth: 40,
      models: 2,
      classes: ['cat', 'dog'],
      numeric: ['p'],
      thumbnail: 24,
      measure,
    };
    const withText = tableColumns({ ...base, item: 'text' });
    expect(withText.map((c) => c.id)).toEqual(['index', 'models', 'truth', 'right', 'item', 'column:p']);
    expect(gridTemplate(withText).template).toMatch(/minmax\(260px, 1fr\)/);
    const noText = gridTemplate(tableColumns({ ...base, item: null }));
    expect(noText.template.endsWith(' 1fr')).toBe(true);
    expect(noText.template).not.toContain('max-content');
  });
});
