import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bandLabel,
  blockMaxima,
  collapseDendrogram,
  collapseView,
  displayRows,
  identityRows,
  mapPositions,
  mapSpans,
  maskRows,
  outermostNodes,
  rowClasses,
} from '../src/similarity-heatmap/collapse.js';
import { collapsedDetail, fullMark } from '../src/similarity-heatmap/collapse-marks.js';
import { readMatrix } from '../src/similarity-heatmap/input.js';
import { detail, type MarkContext } from '../src/similarity-heatmap/marks.js';
import { computeOrdering, type OrderOptions } from '../src/similarity-heatmap/order.js';
import { dendrogramPath, layoutDendrogram, mergeAt } from '../src/similarity-heatmap/structure.js';

const BLOCKS = [
  [1, 0.1, 0.8, 0.0, 0.7, 0.1],
  [0.1, 1, 0.0, 0.9, 0.2, 0.6],
  [0.8, 0.0, 1, 0.1, 0.75, 0.0],
  [0.0, 0.9, 0.1, 1, 0.1, 0.65],
  [0.7, 0.2, 0.75, 0.1, 1, 0.2],
  [0.1, 0.6, 0.0, 0.65, 0.2, 1],
];
const NAMES = ['cat', 'car', 'dog', 'bus', 'fox', 'van'];
const OPTS: OrderOptions = {
  mode: 'cluster',
  permutation: null,
  groups: null,
  linkage: 'complete',
  distance: '1-r',
  optimal: false,
  axes: 'none',
};

/** The leaves (input indices) under SciPy node `id`. */
function leaves(tree: { merges: [number, number, number, number][] }, n: number, id: number): number[] {
  return id < n ? [id] : [...leaves(tree, n, tree.merges[id - n][0]), ...leaves(tree, n, tree.merges[id - n][1])];
}

function setup() {
  const values = readMatrix(BLOCKS, NAMES, null);
  const ordering = computeOrdering(values, OPTS);
  const tree = ordering.rowTree!;
  const L = layoutDendrogram(tree);
  // The biggest merge below the root: one of the two blocks of three.
  const n = 6;
  const k = tree.merges.findIndex(([, , , size]) => size === 3);
  return { values, ordering, tree, L, n, id: n + k };
}

describe('outermostNodes(n, layout, ids)', () => {
  it('keeps valid merge ids, drops nested, repeated and foreign ones, in display order', () => {
    const { tree, L, n, id } = setup();
    const inner = tree.merges.findIndex(
      ([, , , size], k) => size === 2 && L.lo[k] >= L.lo[id - n] && L.hi[k] <= L.hi[id - n],
    );
    expect(outermostNodes(n, L, [n + inner, id, id, 3, -1, 2 * n - 1, 1.5, NaN])).to.deep.equal([id]);
    expect(outermostNodes(n, L, [n + inner])).to.deep.equal([n + inner]);
    const root = 2 * n - 2;
    expect(outermostNodes(n, L, [id, root])).to.deep.equal([root]);
  });
});

describe('displayRows(n, layout, nodes)', () => {
  it('maps each collapsed subtree onto one row and every other leaf onto its own', () => {
    const { tree, L, n, id } = setup();
    const R = displayRows(n, L, [id]);
    expect(R.count).to.equal(4);
    const lo = L.lo[id - n];
    expect(R.start[R.count]).to.equal(n);
    const d = R.rowOf[lo];
    expect(R.node[d]).to.equal(id);
    expect(R.start[d + 1] - R.start[d]).to.equal(3);
    expect(rowClasses(tree.order, R, d).sort()).to.deep.equal(leaves(tree, n, id).sort());
    for (let p = 0; p < n; p++) expect(R.start[R.rowOf[p]] <= p && p < R.start[R.rowOf[p] + 1]).to.equal(true);
  });

  it('is the identity without collapsed nodes', () => {
    const { L, n } = setup();
    const R = displayRows(n, L, []);
    const I = identityRows(n);
    expect([...R.start]).to.deep.equal([...I.start]);
    expect([...R.rowOf]).to.deep.equal([...I.rowOf]);
    expect([...R.node]).to.deep.equal([...I.node]);
  });
});

describe('blockMaxima(data, cols, rowOrder, colOrder, R, C)', () => {
  it('is the maximum of each block, NaN skipped, NaN only when every cell is', () => {
    // 4 × 4 in input order; rows {0,1} and {2}, {3}; columns the same.
    const N = NaN;
    const data = Float64Array.from([1, 5, N, 2, 7, N, 3, N, N, N, N, N, 0, -4, N, 9]);
    const R = {
      count: 3,
      start: Int32Array.of(0, 2, 3, 4),
      rowOf: Int32Array.of(0, 0, 1, 2),
      node: Int32Array.of(7, -1, -1),
    };
    const out = blockMaxima(data, 4, [0, 1, 2, 3], [0, 1, 2, 3], R, R);
    expect([...out]).to.deep.equal([7, 3, 2, N, N, N, 0, N, 9]);
  });

  it('reads through the row and column orders', () => {
    const data = Float64Array.from([1, 2, 3, 4]); // [[1, 2], [3, 4]]
    const R = identityRows(2);
    expect([...blockMaxima(data, 2, [1, 0], [1, 0], R, R)]).to.deep.equal([4, 3, 2, 1]);
  });

  it('equals a brute-force maximum on random blocks (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constant(NaN)), {
          minLength: 144,
          maxLength: 144,
        }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (n, vals, cuts) => {
          const data = Float64Array.from(vals.slice(0, n * n));
          const starts = [0];
          for (let p = 1; p < n; p++) if (cuts[p]) starts.push(p);
          const count = starts.length;
          const rowOf = new Int32Array(n);
          starts.forEach((s, d) => rowOf.fill(d, s));
          const R = { count, start: Int32Array.from([...starts, n]), rowOf, node: new Int32Array(count).fill(-1) };
          const order = Array.from({ length: n }, (_, i) => i);
          const out = blockMaxima(data, n, order, order, R, R);
          for (let d = 0; d < count; d++) {
            for (let e = 0; e < count; e++) {
              const cells: number[] = [];
              for (let p = R.start[d]; p < R.start[d + 1]; p++)
                for (let q = R.start[e]; q < R.start[e + 1]; q++) cells.push(data[p * n + q]);
              const finite = cells.filter((x) => x === x);
              const want = finite.length ? Math.max(...finite) : NaN;
              expect(Object.is(out[d * count + e], want) || out[d * count + e] === want).to.equal(true);
            }
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('collapseView(values, ordering, dendrogram, ids)', () => {
  it('draws a collapsed subtree as one row and column of block maxima, with the full statistics', () => {
    const { values, ordering, L, tree, n, id } = setup();
    const cv = collapseView(values, ordering, L, [id])!;
    expect(cv.values.rows).to.equal(4);
    expect(cv.values.cols).to.equal(4);
    expect(cv.values.min).to.equal(values.min);
    expect(cv.values.max).to.equal(values.max);
    const d = cv.rows.rowOf[L.lo[id - n]];
    const members = leaves(tree, n, id);
    expect(cv.values.rowLabels[d]).to.equal(`${NAMES[ordering.rows[L.lo[id - n]]]} +2`);
    // A cell between the collapsed row and a single class: the max over the members.
    const e = d === 0 ? 3 : 0;
    const j = ordering.rows[cv.rows.start[e]];
    expect(cv.values.data[d * 4 + e]).to.equal(Math.max(...members.map((i) => BLOCKS[i][j])));
    // The collapsed diagonal cell includes the members' self-similarity.
    expect(cv.values.data[d * 4 + d]).to.equal(1);
    expect(cv.ordering.rows).to.deep.equal([0, 1, 2, 3]);
    expect(cv.ordering.rowTree).to.equal(tree);
  });

  it('is null without a tree or without a valid id', () => {
    const { values, ordering, L } = setup();
    expect(collapseView(values, ordering, L, [])).to.equal(null);
    expect(collapseView(values, ordering, L, [2, 99])).to.equal(null);
    expect(collapseView(values, { ...ordering, rowTree: null }, L, [7])).to.equal(null);
  });

  it('collapses only the rows of a rectangular matrix (its columns stay, in their order)', () => {
    const { ordering, L, id, n } = setup();
    const rect = readMatrix(
      BLOCKS.map((r) => r.slice(0, 4)),
      NAMES,
      ['a', 'b', 'c', 'd'],
    );
    const o = { rows: ordering.rows, cols: [3, 1, 0, 2], rowTree: ordering.rowTree, colTree: null };
    const cv = collapseView(rect, o, L, [id])!;
    expect(cv.values.rows).to.equal(4);
    expect(cv.values.cols).to.equal(4);
    expect(cv.values.colLabels).to.deep.equal(['d', 'b', 'a', 'c']);
    const d = cv.rows.rowOf[L.lo[id - n]];
    const members = rowClasses(ordering.rows, cv.rows, d);
    for (let c = 0; c < 4; c++)
      expect(cv.values.data[d * 4 + c]).to.equal(Math.max(...members.map((i) => BLOCKS[i][o.cols[c]])));
  });

  it('gives the same view for the same ids in any order (stable node ids)', () => {
    const { values, ordering, L, n } = setup();
    const a = collapseView(values, ordering, L, [n + 0, n + 1])!;
    const b = collapseView(values, ordering, L, [n + 1, n + 0, n + 1])!;
    expect(a.nodes).to.deep.equal(b.nodes);
    expect([...a.values.data]).to.deep.equal([...b.values.data]);
  });
});

describe('collapseDendrogram(tree, layout, rows)', () => {
  it('hides merges inside a collapsed subtree, marks it, and joins the others on the display rows', () => {
    const { tree, L, n, id } = setup();
    const R = displayRows(n, L, [id]);
    const D = collapseDendrogram(tree, L, R);
    const k = id - n;
    expect(D.state![k]).to.equal(2);
    tree.merges.forEach((_, j) => {
      const inside = j !== k && L.lo[j] >= L.lo[k] && L.hi[j] <= L.hi[k];
      expect(D.state![j]).to.equal(j === k ? 2 : inside ? 1 : 0);
    });
    const root = tree.merges.length - 1;
    expect(D.lo[root]).to.equal(0);
    expect(D.hi[root]).to.equal(R.count - 1);
    // The triangle picks the collapsed merge; the path draws no bracket for it or inside it.
    const d = R.rowOf[L.lo[k]];
    expect(mergeAt(D, d + 0.5, D.height[k] / 2)).to.equal(k);
    const full = dendrogramPath(tree, L, 100, 10, 0, [0, n - 1]);
    const shown = dendrogramPath(tree, D, 100, 10, 0, [0, R.count - 1]);
    expect(shown.split('M').length).to.be.lessThan(full.split('M').length);
  });
});

describe('mapSpans, mapPositions, maskRows', () => {
  it('move positions of the full order onto the display rows', () => {
    const { L, n, id, ordering } = setup();
    const R = displayRows(n, L, [id]);
    const lo = L.lo[id - n];
    const spans = [
      { start: 0, end: 2, group: 0, label: 'a' },
      { start: 3, end: 5, group: 1, label: 'b' },
    ];
    const m = mapSpans(spans, R);
    expect(m.map((s) => [s.start, s.end])).to.deep.equal(spans.map((s) => [R.rowOf[s.start], R.rowOf[s.end]]));
    expect(mapPositions([lo, lo + 1, 5], R)).to.deep.equal(
      [...new Set([R.rowOf[lo], R.rowOf[5]])].sort((a, b) => a - b),
    );
    const mask = new Uint8Array(n);
    mask[ordering.rows[lo + 2]] = 1;
    const rows = maskRows(mask, ordering.rows, R);
    expect([...rows].map((x, d) => (x ? d : -1)).filter((d) => d >= 0)).to.deep.equal([R.rowOf[lo]]);
    expect(bandLabel(NAMES, ordering.rows, R, R.rowOf[lo])).to.equal(`${NAMES[ordering.rows[lo]]} +2`);
  });
});

describe('collapsedDetail(full, view, mark)', () => {
  function contexts() {
    const s = setup();
    const rowPos = new Int32Array(6);
    s.ordering.rows.forEach((i, r) => (rowPos[i] = r));
    const full: MarkContext = {
      values: s.values,
      ordering: s.ordering,
      rowPos,
      colPos: rowPos,
      groupOf: null,
      stars: new Set(),
      valueName: 'Value',
    };
    return { ...s, full, cv: collapseView(s.values, s.ordering, s.L, [s.id])! };
  }

  it('keeps the exact detail of a cell of two single classes', () => {
    const { full, cv } = contexts();
    const single = [...cv.rows.node].findIndex((x) => x < 0);
    const m = { kind: 'cell' as const, r: single, c: single };
    expect(collapsedDetail(full, cv, m)).to.deep.equal(detail(full, fullMark(cv, m)));
  });

  it('carries all the classes of a collapsed row, the maximum and the cell that holds it', () => {
    const { full, cv, tree, n, id } = contexts();
    const d = [...cv.rows.node].indexOf(id);
    const e = [...cv.rows.node].findIndex((x) => x < 0);
    const got = collapsedDetail(full, cv, { kind: 'cell', r: d, c: e });
    const members = leaves(tree, n, id);
    const j = cv.full.ordering.rows[cv.rows.start[e]];
    expect([...got.rows!].sort()).to.deep.equal([...members].sort());
    expect(got.cols).to.deep.equal([j]);
    expect([...got.indices]).to.deep.equal([...got.rows!, j]);
    expect(got.keys).to.deep.equal([...got.indices].map((i) => NAMES[i]));
    expect(got.value).to.equal(Math.max(...members.map((i) => BLOCKS[i][j])));
    expect(BLOCKS[got.row!][got.col!]).to.equal(got.value);
    expect(got.col).to.equal(j);
  });

  it('maps a block onto the full order: the same classes as the full view', () => {
    const { full, cv } = contexts();
    const m = { kind: 'block' as const, r0: 0, r1: 1, c0: 0, c1: 1 };
    const got = collapsedDetail(full, cv, m);
    expect(got).to.deep.equal(detail(full, fullMark(cv, m)));
    expect(got.classes!.length).to.equal(cv.rows.start[2]);
  });
});
