import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutTree, hclust, isClasslensError, pearsonSimilarity, similarityToDistance } from '@classlens/core';
import { quantize } from '../src/internal/gl/color.js';
import { displayBytes } from '../src/similarity-heatmap/cells.js';
import { colorDomain, isDiverging } from '../src/similarity-heatmap/color-scale.js';
import { describeValues, looksLikeProbabilities, readConfusion, readMatrix } from '../src/similarity-heatmap/input.js';
import { layoutHeatmap } from '../src/similarity-heatmap/layout.js';
import {
  axisDistances,
  checkPermutation,
  computeOrdering,
  groupOrder,
  type OrderOptions,
} from '../src/similarity-heatmap/order.js';
import {
  clusterSpans,
  dendrogramPath,
  keySpans,
  layoutDendrogram,
  mergeAt,
  spansOf,
  starRows,
} from '../src/similarity-heatmap/structure.js';

const BLOCKS = [
  [1, 0.1, 0.8, 0.0, 0.7, 0.1],
  [0.1, 1, 0.0, 0.9, 0.2, 0.6],
  [0.8, 0.0, 1, 0.1, 0.75, 0.0],
  [0.0, 0.9, 0.1, 1, 0.1, 0.65],
  [0.7, 0.2, 0.75, 0.1, 1, 0.2],
  [0.1, 0.6, 0.0, 0.65, 0.2, 1],
];
const OPTS: OrderOptions = {
  mode: 'cluster',
  permutation: null,
  groups: null,
  linkage: 'complete',
  distance: '1-r',
  optimal: false,
  axes: 'none',
};

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isClasslensError(e) ? e.code : 'other';
  }
  return 'none';
};

describe('readMatrix(matrix, labels, columnLabels)', () => {
  it('describes range, symmetry and correlation-likeness; NaN is no data', () => {
    const v = readMatrix(BLOCKS, ['a', 'b', 'c', 'd', 'e', 'f'], null);
    expect(v).toMatchObject({ rows: 6, cols: 6, symmetric: true, correlation: true, min: 0, max: 1 });
    expect(
      readMatrix(
        [
          [1, NaN],
          [NaN, 1],
        ],
        null,
        null,
      ).symmetric,
    ).toBe(true);
    expect(
      readMatrix(
        [
          [1, 2],
          [3, 4],
        ],
        null,
        null,
      ),
    ).toMatchObject({ symmetric: false, correlation: false });
    expect(describeValues(1, 2, [NaN, NaN])).toMatchObject({ min: NaN, correlation: false });
  });
  it('rejects bad input with codes', () => {
    expect(code(() => readMatrix(BLOCKS, ['a'], null))).toBe('LENGTH_MISMATCH');
    expect(
      code(() =>
        readMatrix(
          [
            [1, 0],
            [0, 1],
          ],
          ['a', 'a'],
          null,
        ),
      ),
    ).toBe('DUPLICATE_KEY');
    // Statistics are read lazily (in the element's first pass over the values): ±Infinity throws then.
    expect(
      code(
        () =>
          readMatrix(
            [
              [1, Infinity],
              [0, 1],
            ],
            null,
            null,
          ).max,
      ),
    ).toBe('NON_FINITE');
    expect(code(() => readMatrix([[1, 2], [3]], null, null))).toBe('INVALID_SHAPE');
    expect(
      code(() =>
        readMatrix(
          [
            [1, 0, 0],
            [0, 1, 0],
          ],
          null,
          ['x', 'y'],
        ),
      ),
    ).toBe('LENGTH_MISMATCH');
  });
  it('confusion matrices keep their largest off-diagonal count', () => {
    const v = readConfusion(['a', 'a', 'b', 'b', 'b'], ['a', 'b', 'b', 'b', 'a'], null);
    expect(Array.from(v.data)).toEqual([1, 1, 1, 2]);
    expect(v.offMax).toBe(1);
    expect(colorDomain(v, false, null)).toEqual([0, 1]);
  });
  it('spots probability-like scores (rows on the simplex), not logits', () => {
    expect(
      looksLikeProbabilities([
        [0.2, 0.8],
        [0.5, 0.5],
      ]),
    ).toBe(true);
    expect(
      looksLikeProbabilities([
        [2, -1],
        [0.5, 0.5],
      ]),
    ).toBe(false);
    expect(
      looksLikeProbabilities([
        [0.2, 0.7],
        [0.5, 0.5],
      ]),
    ).toBe(false);
  });
});

describe('ordering', () => {
  it('a correlation matrix clusters on core’s 1 − r distances', () => {
    const v = readMatrix(BLOCKS, null, null);
    expect(Array.from(axisDistances(v, 'rows', '1-r').data)).toEqual(Array.from(similarityToDistance(BLOCKS).data));
    const o = computeOrdering(v, OPTS);
    expect(o.rows).toEqual(hclust(similarityToDistance(BLOCKS), { linkage: 'complete', nan: 'max' }).order);
    expect(o.cols).toBe(o.rows);
  });
  it('a confusion-like square matrix: classes often confused together are close', () => {
    const v = readMatrix(
      [
        [50, 9, 0],
        [7, 40, 1],
        [0, 2, 60],
      ],
      null,
      null,
    );
    const d = axisDistances(v, 'rows', '1-r').data;
    expect(d[0 * 3 + 1]).toBe(0); // the largest confusion (9 + 7)
    expect(d[0 * 3 + 2]).toBe(1); // never confused
    expect(d[1 * 3 + 2]).toBeCloseTo(1 - 3 / 16, 12);
  });
  it('a rectangular matrix clusters each axis on 1 − Pearson r of its profiles', () => {
    const m = [
      [1, 2, 3, 10],
      [2, 4, 6, 1],
      [1, 2, 3, 11],
    ];
    const v = readMatrix(m, null, null);
    const cols = axisDistances(v, 'cols', '1-r');
    expect(Array.from(cols.data)).toEqual(Array.from(similarityToDistance(pearsonSimilarity(m)).data));
    const o = computeOrdering(v, { ...OPTS, axes: 'both' });
    expect(o.rowTree).not.toBeNull();
    expect(o.colTree).not.toBeNull();
    expect(computeOrdering(v, OPTS).rowTree).toBeNull(); // axes: none
  });
  it('groups, permutations and their errors', () => {
    expect(groupOrder(['b', 'a', 'b', 'c', 'a'], 5)).toEqual([0, 2, 1, 4, 3]);
    expect(checkPermutation([2, 0, 1], 3)).toEqual([2, 0, 1]);
    expect(code(() => checkPermutation([0, 0, 1], 3))).toBe('INVALID_ARGUMENT');
    expect(code(() => checkPermutation([0, 1], 3))).toBe('LENGTH_MISMATCH');
    expect(code(() => computeOrdering(readMatrix(BLOCKS, null, null), { ...OPTS, mode: 'groups' }))).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

describe('structure', () => {
  const tree = hclust(similarityToDistance(BLOCKS), { linkage: 'complete' });
  it('cutTree clusters are contiguous spans of the leaf order, labelled', () => {
    const { groupOf, spans } = clusterSpans(tree, 2, ['cat', 'car', 'dog', 'bus', 'fox', 'van']);
    expect(Array.from(groupOf)).toEqual(Array.from(cutTree(tree, 2)));
    expect(spans).toHaveLength(2);
    expect(spans[0].start).toBe(0);
    expect(spans[1].end).toBe(5);
    expect(spans[0].label).toMatch(/\+1$/);
    const named = clusterSpans(
      tree,
      2,
      ['cat', 'car', 'dog', 'bus', 'fox', 'van'],
      ['animal', 'vehicle', 'animal', 'vehicle', 'animal', 'animal'],
    );
    expect(named.spans.map((s) => s.label).sort()).toEqual(['animal · 3', 'vehicle 67% · 3']);
  });
  it('key spans split where the order separates a group', () => {
    const { spans, keys } = keySpans([0, 1, 2, 3], ['x', 'y', 'x', 'x']);
    expect(keys).toEqual(['x', 'y']);
    expect(spans.map((s) => [s.start, s.end, s.label])).toEqual([
      [0, 0, 'x'],
      [1, 1, 'y'],
      [2, 3, 'x'],
    ]);
    expect(spansOf([1, 0], [5, 5], (g) => String(g))).toEqual([{ start: 0, end: 1, group: 5, label: '5' }]);
  });
  it('the dendrogram layout spans each merge’s leaves and reaches the root at height 1', () => {
    const L = layoutDendrogram(tree);
    const last = tree.merges.length - 1;
    expect([L.lo[last], L.hi[last], L.height[last]]).toEqual([0, 5, 1]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: last }), (k) => {
        expect(L.hi[k] - L.lo[k] + 1).toBe(tree.merges[k][3]);
        expect(L.mid[k]).toBeGreaterThan(L.lo[k]);
        expect(L.mid[k]).toBeLessThan(L.hi[k] + 1);
      }),
    );
    // One bracket (M + 3 L) per drawn merge; tiny merges are skipped.
    expect(dendrogramPath(tree, L, 60, 10, 0, [0, 5]).match(/M/g)).toHaveLength(5);
    expect(dendrogramPath(tree, L, 60, 1, 0, [0, 5], 2.5).match(/M/g)!.length).toBeLessThan(5);
    expect(mergeAt(L, 5.5, 0)).toBeGreaterThanOrEqual(0);
    expect(mergeAt(L, 0.5, 1.5)).toBe(-1);
  });
  it('star rows: many high values outside the own group', () => {
    const n = 12;
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) data[i * n + j] = i === j || Math.floor(i / 4) === Math.floor(j / 4) ? 0.9 : 0.1;
    // Class 5 resembles all of group 2.
    for (const j of [8, 9, 10, 11]) data[5 * n + j] = data[j * n + 5] = 0.8;
    const order = Array.from({ length: n }, (_, i) => i);
    const spans = spansOf(
      order,
      Int32Array.from(order, (i) => Math.floor(i / 4)),
      String,
    );
    expect(starRows(data, n, order, order, spans, 0.5)).toEqual([5]);
  });
});

describe('cells and colours', () => {
  it('displayBytes gathers the display order and quantizes like the GL layer', () => {
    const v = readMatrix(BLOCKS, null, null);
    const rows = [3, 1, 0, 5, 2, 4];
    const bytes = displayBytes(v, rows, rows, -1, 1);
    for (let r = 0; r < 6; r++)
      for (let c = 0; c < 6; c++) expect(bytes[r * 6 + c]).toBe(quantize([BLOCKS[rows[r]][rows[c]]], -1, 1)[0]);
    const same = displayBytes(v, [0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5], 0, 1);
    expect(Array.from(same)).toEqual(Array.from(quantize(v.data, 0, 1)));
  });
  it('auto scales: diverging for correlations with negatives, else sequential; domains', () => {
    const v = readMatrix(
      [
        [1, -0.5],
        [-0.5, 1],
      ],
      null,
      null,
    );
    expect(isDiverging('auto', v)).toBe(true);
    expect(colorDomain(v, true, null)).toEqual([-1, 1]);
    expect(colorDomain(v, true, [-0.5, 0.5])).toEqual([-0.5, 0.5]);
    expect(colorDomain(v, true, [1, 0])).toEqual([-1, 1]);
    const counts = readMatrix(
      [
        [5, 2],
        [0, 9],
      ],
      null,
      null,
    );
    expect(isDiverging('auto', counts)).toBe(false);
    expect(colorDomain(counts, false, null)).toEqual([0, 9]);
  });
  it('layout: a square matrix gets a square plot', () => {
    const L = layoutHeatmap({
      width: 800,
      height: 500,
      rows: 10,
      cols: 10,
      dendrogram: true,
      colDendrogram: false,
      barColumns: 2,
      labelWidth: 120,
      colLabelHeight: 60,
    });
    expect(L.plot.w).toBe(L.plot.h);
    expect(L.plot.h).toBe(440);
    expect(L.rowLabels.x).toBe(L.plot.x + L.plot.w);
    expect(L.height).toBe(500);
  });
});
