import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyTrend, TREND_COLORS } from '@classlens/core';
import {
  cellPosition,
  gridGeometry,
  moveCell,
  niceDomain,
  sortRows,
  sparkline,
  visibleCells,
  type TrendRow,
} from '../src/trend-grid/grid.js';
import {
  DEFAULT_TREND_COLORS,
  TREND_COLOR_KEYS,
  TREND_COLOR_LABELS,
  trendColorKey,
} from '../src/trend-grid/trend-colors.js';

describe('trendColorKey(trend) (core’s, re-exported for the grid) — the paper’s Fig. 10 rule', () => {
  it('strict trends keep their colour; mixed goes light blue / orange by its net change, grey at none', () => {
    expect(trendColorKey(classifyTrend([0.1, 0.2, 0.3]))).toBe('increasing');
    expect(trendColorKey(classifyTrend([0.3, 0.2, 0.1]))).toBe('decreasing');
    expect(trendColorKey(classifyTrend([0.1, 0.1, 0.3]))).toBe('non-decreasing');
    expect(trendColorKey(classifyTrend([0.3, 0.3, 0.1]))).toBe('non-increasing');
    expect(trendColorKey(classifyTrend([0.3, 0.3, 0.3]))).toBe('stable');
    // A class that dips and recovers is "overall increasing or stable", never "increasing".
    expect(trendColorKey(classifyTrend([0.5, 0.4, 0.7]))).toBe('non-decreasing');
    expect(trendColorKey(classifyTrend([0.5, 0.6, 0.3]))).toBe('non-increasing');
    expect(trendColorKey(classifyTrend([0.5, 0.6, 0.5]))).toBe('stable');
  });

  it('a mixed trend is never painted a strict colour (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), (values) => {
        const t = classifyTrend(values);
        const k = trendColorKey(t);
        if (t.kind === 'mixed') expect(['non-decreasing', 'non-increasing', 'stable']).toContain(k);
        else expect(k).toBe(t.kind);
      }),
    );
  });

  it('default colours are core’s TREND_COLORS, legend labels core’s wording capitalised', () => {
    for (const k of TREND_COLOR_KEYS) expect(DEFAULT_TREND_COLORS[k]).toBe(TREND_COLORS[k]);
    expect(TREND_COLOR_LABELS['non-decreasing']).toBe('Overall increasing or stable');
    expect(TREND_COLOR_LABELS.increasing).toBe('Strictly increasing');
  });
});

describe('gridGeometry / cellPosition / visibleCells', () => {
  it('fits as many columns as the minimum width allows and stretches the cells', () => {
    const g = gridGeometry(10, 760, { minCellWidth: 176, cellHeight: 96, gap: 8 });
    expect(g.cols).toBe(4);
    expect(g.cellWidth * 4 + 8 * 3).toBeCloseTo(760, 9);
    expect(g.rows).toBe(3);
    expect(g.height).toBe(3 * 104 - 8);
    expect(cellPosition(g, 5)).toEqual({ x: g.cellWidth + 8, y: 104 });
    expect(gridGeometry(3, 50, { minCellWidth: 176, cellHeight: 96, gap: 8 }).cols).toBe(1);
  });

  it('renders the rows in the viewport plus the overscan, whole rows, clamped', () => {
    const g = gridGeometry(1000, 1000, { minCellWidth: 160, cellHeight: 96, gap: 8 }); // 6 columns
    expect(g.cols).toBe(6);
    expect(visibleCells(g, 0, 500, 2)).toEqual({ first: 0, end: 7 * 6 });
    // Rows 20..24 visible at 104 px per row, two more each side.
    expect(visibleCells(g, 20 * 104, 500, 2)).toEqual({ first: 18 * 6, end: 27 * 6 });
    expect(visibleCells(g, 1e9, 500, 2).end).toBe(1000);
    expect(visibleCells(gridGeometry(0, 500, { minCellWidth: 100, cellHeight: 90, gap: 8 }), 0, 500)).toEqual({
      first: 0,
      end: 0,
    });
  });

  it('the visible window always contains the cells the viewport shows (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 100, max: 2000 }),
        fc.integer({ min: 0, max: 300000 }),
        fc.integer({ min: 50, max: 1200 }),
        (count, width, top, view) => {
          const g = gridGeometry(count, width, { minCellWidth: 150, cellHeight: 90, gap: 8 });
          const { first, end } = visibleCells(g, top, view, 0);
          for (let i = 0; i < count; i++) {
            const { y } = cellPosition(g, i);
            const inView = y + g.cellHeight > top && y < top + view;
            if (inView) expect(i >= first && i < end).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('moveCell(geometry, from, key, pageRows)', () => {
  const g = gridGeometry(10, 760, { minCellWidth: 176, cellHeight: 96, gap: 8 }); // 4 columns, 3 rows
  it('moves by one, by a row and by a page, staying inside', () => {
    expect(moveCell(g, null, 'ArrowDown', 2)).toBe(0);
    expect(moveCell(g, 0, 'ArrowLeft', 2)).toBe(0);
    expect(moveCell(g, 0, 'ArrowRight', 2)).toBe(1);
    expect(moveCell(g, 1, 'ArrowDown', 2)).toBe(5);
    expect(moveCell(g, 7, 'ArrowDown', 2)).toBe(7); // no cell below 7 (row 3 has 8, 9)
    expect(moveCell(g, 5, 'ArrowUp', 2)).toBe(1);
    expect(moveCell(g, 1, 'PageDown', 2)).toBe(9);
    expect(moveCell(g, 9, 'PageUp', 2)).toBe(1);
    expect(moveCell(g, 4, 'End', 2)).toBe(9);
    expect(moveCell(g, 4, 'Home', 2)).toBe(0);
    expect(moveCell(gridGeometry(0, 100, { minCellWidth: 50, cellHeight: 50, gap: 0 }), null, 'Home', 1)).toBe(null);
  });
});

describe('sortRows(rows, sort)', () => {
  const row = (c: string, values: number[], support: number | null = null): TrendRow => ({
    class: c,
    values,
    support,
    trend: classifyTrend(values),
  });
  const rows = [
    row('dec', [0.9, 0.8], 10),
    row('inc', [0.5, 0.6], 30),
    row('flat', [0.7, 0.7], 20),
    row('dip', [0.5, 0.3, 0.6], 5),
  ];
  it('trend: by colour (best first), then by net change', () => {
    expect(sortRows(rows, 'trend').map((r) => r.class)).toEqual(['inc', 'dip', 'flat', 'dec']);
  });
  it('net: the largest drop first; latest: the lowest first; support: the most first; name: by key', () => {
    // inc and dip both gain 0.1 and end at 0.6: ties go by key.
    expect(sortRows(rows, 'net').map((r) => r.class)).toEqual(['dec', 'flat', 'dip', 'inc']);
    expect(sortRows(rows, 'latest').map((r) => r.class)).toEqual(['dip', 'inc', 'flat', 'dec']);
    expect(sortRows(rows, 'support').map((r) => r.class)).toEqual(['inc', 'flat', 'dec', 'dip']);
    expect(sortRows(rows, 'name').map((r) => r.class)).toEqual(['dec', 'dip', 'flat', 'inc']);
  });
  it('does not modify its input', () => {
    const before = rows.map((r) => r.class);
    sortRows(rows, 'name');
    expect(rows.map((r) => r.class)).toEqual(before);
  });
});

describe('niceDomain(values) / sparkline(values, domain, box)', () => {
  it('pads to round steps, widens flat series, stays inside [0, 1] for shares', () => {
    expect(niceDomain([0.83, 0.91])).toEqual([0.8, 0.95]);
    const [lo, hi] = niceDomain([0.7, 0.7]);
    expect(lo).toBeLessThan(0.7);
    expect(hi).toBeGreaterThan(0.7);
    expect(niceDomain([0.99, 1])[1]).toBe(1);
    expect(niceDomain([0, 0.01])[0]).toBe(0);
    expect(niceDomain([null, null])).toEqual([0, 1]);
    expect(niceDomain([3, 17])).toEqual([0, 20]);
  });

  it('maps values into the box, top = high, and breaks the line at a missing value', () => {
    const s = sparkline([0, 1, null, 0.5], [0, 1], { x: 10, y: 20, width: 30, height: 100 });
    expect(s.points).toEqual([
      { x: 10, y: 120, i: 0 },
      { x: 20, y: 20, i: 1 },
      { x: 40, y: 70, i: 3 },
    ]);
    expect(s.d).toBe('M10,120L20,20M40,70');
  });
});
