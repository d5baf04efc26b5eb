import '../../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import type { ClSimilarityHeatmap } from '../../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import type { ClChangeDetail, ClMarkDetail, ClWarningDetail } from '../../packages/elements/src/events.js';
import { aTimeout, expect, expectNoAxeViolations, oneEvent, shadowQuery, shadowQueryAll } from '../harness/index.js';
import { BLOCKS, heatmap, NAMES, pixelAt, plot, settle, snapshot } from './fixtures.js';

const N = 6;

/** The block of three classes: its node id and its first display row. */
function blockNode(el: ClSimilarityHeatmap): { id: number; members: number[] } {
  const tree = el.tree!;
  const k = tree.merges.findIndex(([, , , size]) => size === 3);
  const leaves = (id: number): number[] =>
    id < N ? [id] : [...leaves(tree.merges[id - N][0]), ...leaves(tree.merges[id - N][1])];
  return { id: N + k, members: leaves(N + k) };
}

function clickDendrogram(
  el: ClSimilarityHeatmap,
  row: number,
  rows: number,
  init: MouseEventInit = {},
  type = 'click',
) {
  const dendro = shadowQuery<SVGSVGElement>(el, '[part~="dendrogram"]');
  const b = dendro.getBoundingClientRect();
  const p = plot(el).getBoundingClientRect();
  dendro.dispatchEvent(
    new MouseEvent(type, {
      bubbles: true,
      composed: true,
      clientX: b.right - 3,
      clientY: p.top + ((row + 0.5) * p.height) / rows,
      ...init,
    }),
  );
}

describe('<cl-similarity-heatmap> collapsed subtrees', () => {
  it('a click on a bracket collapses its subtree into one row of block maxima; a click on the triangle expands it', async () => {
    const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
    const before = snapshot(el);
    const o = el.leafOrder;
    // The first block of three: a click beside its middle row, just left of the leaves
    // (the smallest bracket there is a pair; two levels up, the block).
    const { id, members } = blockNode(el);
    const first = Math.min(...members.map((i) => o.indexOf(i)));
    let got = oneEvent<CustomEvent<ClChangeDetail>>(el, 'cl-change');
    const dendro = shadowQuery<SVGSVGElement>(el, '[part~="dendrogram"]');
    const b = dendro.getBoundingClientRect();
    const p = plot(el).getBoundingClientRect();
    const k = id - N;
    // Just right of the block's bar, at its middle: inside the block's bracket, above both children.
    const D = el.tree!.merges[k][2] / Math.max(...el.tree!.merges.map((m) => m[2]));
    dendro.dispatchEvent(
      new MouseEvent('click', {
        bubbles: true,
        composed: true,
        clientX: b.left + b.width * (1 - D) + 2,
        clientY: p.top + ((first + 1.5) * p.height) / N,
      }),
    );
    const d = (await got).detail;
    expect(d).to.deep.equal({ name: 'collapsed', value: 1, ids: [id] });
    await settle(el);
    expect(el.collapsed).to.deep.equal([id]);
    expect(el.leafOrder).to.deep.equal(o);
    const rows = el.displayRows;
    expect(rows).to.have.length(4);
    expect(rows.flat()).to.deep.equal(o);
    const band = rows.findIndex((r) => r.length === 3);
    expect([...rows[band]].sort()).to.deep.equal([...members].sort());
    expect(el.viewport.rows).to.deep.equal([0, 3]);
    expect(shadowQueryAll(el, '.tree-collapsed')).to.have.length(1);
    expect(shadowQueryAll(el, '.collapsed-band')).to.have.length(1);
    const labels = shadowQueryAll<SVGTextElement>(el, '.labels text.band-label');
    expect(labels.map((t) => t.textContent)).to.deep.equal([`${NAMES[o[first]]} +2`]);
    // Pixels: each cell of the collapsed row is coloured as the largest value of its block.
    const other = band === 0 ? 3 : 0;
    const j = rows[other][0];
    const max = Math.max(...members.map((i) => BLOCKS[i][j]));
    const collapsedPixel = pixelAt(el, band, other, 4);
    // The same value drawn in the full view: the member cell that holds the maximum.
    el.collapsed = [];
    await settle(el);
    const at = members.find((i) => BLOCKS[i][j] === max)!;
    expect(pixelAt(el, o.indexOf(at), o.indexOf(j), N)).to.deep.equal(collapsedPixel);
    // Expanded: exactly the original picture.
    const after = snapshot(el);
    expect(after.width).to.equal(before.width);
    expect(Array.from(after.data).every((x, q) => x === before.data[q])).to.equal(true);
    // Collapse again, then a click on the triangle expands.
    el.collapsed = [id];
    await settle(el);
    got = oneEvent<CustomEvent<ClChangeDetail>>(el, 'cl-change');
    clickDendrogram(el, band, 4);
    expect((await got).detail).to.deep.equal({ name: 'collapsed', value: 0, ids: [] });
    await settle(el);
    expect(el.displayRows).to.have.length(N);
  });

  it('hover and select on a collapsed row carry all its classes; other cells keep their details', async () => {
    const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
    const { id, members } = blockNode(el);
    el.collapsed = [id];
    await settle(el);
    const rows = el.displayRows;
    const band = rows.findIndex((r) => r.length === 3);
    const other = band === 0 ? 3 : 0;
    const j = rows[other][0];
    const p = plot(el).getBoundingClientRect();
    const at = (r: number, c: number) => ({
      clientX: p.left + ((c + 0.5) * p.width) / 4,
      clientY: p.top + ((r + 0.5) * p.height) / 4,
    });
    const hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
    plot(el).dispatchEvent(
      new PointerEvent('pointermove', { bubbles: true, composed: true, pointerId: 1, ...at(band, other) }),
    );
    const d = (await hover).detail;
    expect(d.kind).to.equal('cell');
    expect(d.rows).to.deep.equal(rows[band]);
    expect(d.cols).to.deep.equal([j]);
    expect(Array.from(d.indices)).to.deep.equal([...rows[band], j]);
    expect(d.keys).to.deep.equal([...rows[band], j].map((i) => NAMES[i]));
    const max = Math.max(...members.map((i) => BLOCKS[i][j]));
    expect(d.value).to.equal(max);
    expect(BLOCKS[d.row!][d.col!]).to.equal(max);
    const tip = shadowQuery(el, '[part~="tooltip"]');
    await el.updateComplete;
    expect(tip.textContent).to.match(/Value \(max of block\)/);
    // A cell of two single classes: the detail of the full view.
    const single = rows.findIndex((r) => r.length === 1);
    const hover2 = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
    plot(el).dispatchEvent(
      new PointerEvent('pointermove', { bubbles: true, composed: true, pointerId: 1, ...at(single, single) }),
    );
    const s = (await hover2).detail;
    const i = rows[single][0];
    expect(s).to.deep.include({ kind: 'cell', row: i, col: i, value: 1, keys: [NAMES[i], NAMES[i]] });
    expect(s.rows).to.equal(undefined);
    // Shift+click on the dendrogram still selects a subtree: the collapsed block's classes.
    const sel = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
    clickDendrogram(el, band, 4, { shiftKey: true });
    const blk = (await sel).detail;
    expect(blk.kind).to.equal('block');
    expect([...blk.classes!].sort()).to.deep.equal([...members].sort());
  });

  it('set from outside: no event, draws the same in both renderers, highlight, toPNG, axe', async () => {
    const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
    const { id, members } = blockNode(el);
    let changes = 0;
    el.addEventListener('cl-change', () => changes++);
    el.collapsed = [id];
    await settle(el);
    expect(changes).to.equal(0);
    expect(el.displayRows).to.have.length(4);
    const cpu = snapshot(el);
    el.renderer = 'webgl';
    await settle(el);
    expect(el.activeRenderer).to.equal('webgl');
    const gl = snapshot(el);
    expect(gl.width).to.equal(cpu.width);
    let diff = 0;
    for (let q = 0; q < cpu.data.length; q++) diff = Math.max(diff, Math.abs(cpu.data[q] - gl.data[q]));
    expect(diff).to.be.at.most(1);
    el.renderer = 'canvas';
    // highlight: the collapsed row is highlighted when any of its classes is.
    el.highlight = [members[1]];
    await settle(el);
    const rows = el.displayRows;
    const band = rows.findIndex((r) => r.length === 3);
    const labels = shadowQueryAll<SVGTextElement>(el, '.labels text');
    expect(labels).to.have.length(4);
    labels.forEach((t, r) => expect(t.classList.contains('is-dim')).to.equal(r !== band));
    const png = await el.toPNG();
    expect(png.size).to.be.greaterThan(100);
    expect(plot(el).getAttribute('aria-label')).to.match(/1 subtree is collapsed/);
    await expectNoAxeViolations(el);
  });

  it('a double click zooms and does not collapse', async () => {
    const n = 40;
    const m = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 1 : Math.floor(i / 10) === Math.floor(j / 10) ? 0.8 : 0.05)),
    );
    const el = await heatmap({ matrix: m });
    let changes = 0;
    el.addEventListener('cl-change', () => changes++);
    clickDendrogram(el, 4.5, n, { detail: 1 });
    clickDendrogram(el, 4.5, n, { detail: 2 });
    clickDendrogram(el, 4.5, n, {}, 'dblclick');
    await aTimeout(400);
    await settle(el);
    expect(changes).to.equal(0);
    expect(el.collapsed ?? []).to.deep.equal([]);
    expect(el.viewport.zoom).to.be.greaterThan(2);
  });

  it('keyboard: C collapses the cursor row into its subtree (again: the next one up), E expands', async () => {
    const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
    const o = el.leafOrder;
    const area = plot(el);
    area.focus();
    await el.updateComplete;
    const key = (k: string) =>
      area.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
    const changes: ClChangeDetail[] = [];
    el.addEventListener('cl-change', (e) => changes.push(e.detail));
    key('c');
    await settle(el);
    expect(changes).to.have.length(1);
    const first = el.displayRows[0];
    expect(first.length).to.be.greaterThan(1);
    expect(first[0]).to.equal(o[0]);
    key('c');
    await settle(el);
    expect(el.displayRows[0].length).to.be.greaterThan(first.length);
    expect(changes).to.have.length(2);
    // E expands the outer one: the inner one is collapsed again.
    const hovers: ClMarkDetail[] = [];
    el.addEventListener('cl-hover', (e) => hovers.push(e.detail));
    key('e');
    await settle(el);
    expect(el.displayRows[0]).to.deep.equal(first);
    key('e');
    await settle(el);
    expect(el.displayRows).to.have.length(N);
    expect(el.collapsed).to.deep.equal([]);
  });

  it('a new matrix clears the collapsed subtrees; a rectangular matrix warns and ignores them', async () => {
    const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
    const { id } = blockNode(el);
    el.collapsed = [id];
    await settle(el);
    expect(el.displayRows).to.have.length(4);
    el.matrix = BLOCKS.map((r) => r.map((x) => x * 0.9 + 0.05));
    await settle(el);
    expect(el.collapsed).to.deep.equal([]);
    expect(el.displayRows).to.have.length(N);
    // Bad input while collapsed: the error state, then recovery with the same ids.
    el.collapsed = [blockNode(el).id];
    await settle(el);
    el.matrix = [
      [1, Infinity],
      [0, 1],
    ];
    await settle(el);
    expect(shadowQuery(el, '[part~="error"]')).to.exist;
    expect(el.displayRows).to.deep.equal([]);
    // The same matrix again: the same tree, so the same ids apply.
    el.matrix = BLOCKS;
    el.collapsed = [id];
    await settle(el);
    expect(el.displayRows).to.have.length(4);
    const warn = oneEvent<CustomEvent<ClWarningDetail>>(el, 'cl-warning');
    el.matrix = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    el.labels = undefined;
    el.collapsed = [3];
    const w = (await warn).detail;
    expect(w.code).to.equal('COLLAPSE_IGNORED');
    await settle(el);
    expect(el.displayRows).to.have.length(2);
  });

  it('a rectangular matrix collapses its rows (cluster-axes="rows"): columns stay, events carry the rows', async () => {
    const M = BLOCKS.map((r) => r.slice(0, 4));
    const el = await heatmap({ matrix: M, labels: NAMES, columnLabels: ['a', 'b', 'c', 'd'], clusterAxes: 'rows' });
    const tree = el.tree!;
    const k = tree.merges.findIndex(([, , , size]) => size === 3);
    el.collapsed = [N + k];
    await settle(el);
    const rows = el.displayRows;
    expect(rows).to.have.length(4);
    expect(el.viewport.cols).to.deep.equal([0, 3]);
    expect(shadowQueryAll(el, '.tree-collapsed')).to.have.length(1);
    const band = rows.findIndex((r) => r.length === 3);
    const c = 2;
    const j = el.columnOrder[c];
    const p = plot(el).getBoundingClientRect();
    const hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
    plot(el).dispatchEvent(
      new PointerEvent('pointermove', {
        bubbles: true,
        composed: true,
        pointerId: 1,
        clientX: p.left + ((c + 0.5) * p.width) / 4,
        clientY: p.top + ((band + 0.5) * p.height) / 4,
      }),
    );
    const d = (await hover).detail;
    expect(d.rows).to.deep.equal(rows[band]);
    expect(d.cols).to.deep.equal([j]);
    expect(Array.from(d.indices)).to.deep.equal(rows[band]);
    expect(d.keys).to.deep.equal([...rows[band].map((i) => NAMES[i]), ['a', 'b', 'c', 'd'][j]]);
    expect(d.value).to.equal(Math.max(...rows[band].map((i) => M[i][j])));
  });
});
