import '../../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import type { ClSimilarityHeatmap } from '../../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import type {
  ClChangeDetail,
  ClErrorDetail,
  ClMarkDetail,
  ClWarningDetail,
} from '../../packages/elements/src/events.js';
import {
  confusionMatrix,
  hclust,
  mulberry32,
  pearsonSimilarity,
  similarityToDistance,
  spearmanSimilarity,
} from '@classlens/core';
import { contextBudget, quantize, type CellLayer } from '../../packages/elements/src/internal/gl/index.js';
import { cellMaximaKernel } from '../../packages/elements/src/internal/gl/raster/cell-maxima.js';
import { describeValues } from '../../packages/elements/src/similarity-heatmap/input.js';
import {
  countListeners,
  countObservers,
  expect,
  expectNoAxeViolations,
  fixture,
  html,
  nextFrame,
  oneEvent,
  shadowQuery,
  shadowQueryAll,
} from '../harness/index.js';
import { BLOCKS, heatmap, NAMES, pixelAt, plot, settle, snapshot } from './fixtures.js';

/** n samples × m classes of logits in three correlated groups of classes. */
function logits(n: number, m: number, seed = 1): number[][] {
  const r = mulberry32(seed);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const f = [r() * 2 - 1, r() * 2 - 1, r() * 2 - 1];
    out.push(Array.from({ length: m }, (_, j) => 2 * f[j % 3] + (r() - 0.5)));
  }
  return out;
}

/** Client coordinates of the centre of display cell (r, c) at the current view. */
function cellPoint(el: ClSimilarityHeatmap, r: number, c: number): { clientX: number; clientY: number } {
  const b = plot(el).getBoundingClientRect();
  const v = el.viewport;
  const rows = v.rows[1] - v.rows[0] + 1;
  const cols = v.cols[1] - v.cols[0] + 1;
  return {
    clientX: b.left + ((c - v.cols[0] + 0.5) * b.width) / cols,
    clientY: b.top + ((r - v.rows[0] + 0.5) * b.height) / rows,
  };
}

function pointer(el: Element, type: string, at: { clientX: number; clientY: number }, extra: PointerEventInit = {}) {
  el.dispatchEvent(
    new PointerEvent(type, {
      bubbles: true,
      composed: true,
      pointerId: 1,
      pointerType: 'mouse',
      button: 0,
      ...at,
      ...extra,
    }),
  );
}

describe('<cl-similarity-heatmap>', () => {
  describe('numbers from core', () => {
    it('orders a matrix by complete linkage on 1 − r, as core computes it', async () => {
      const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
      const tree = hclust(similarityToDistance(BLOCKS), { linkage: 'complete', nan: 'max' });
      expect(el.leafOrder).to.deep.equal(tree.order);
      expect(el.columnOrder).to.deep.equal(tree.order);
      expect(el.tree!.merges).to.deep.equal(tree.merges);
      // The two blocks are contiguous in the order.
      const pos = el.leafOrder.map((i) => i % 2);
      expect(pos.slice(0, 3).every((p) => p === pos[0])).to.equal(true);
    });

    it('linkage, distance and order="input" / a permutation change the order', async () => {
      const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
      el.linkage = 'average';
      await settle(el);
      expect(el.leafOrder).to.deep.equal(
        hclust(similarityToDistance(BLOCKS), { linkage: 'average', nan: 'max' }).order,
      );
      el.order = 'input';
      await settle(el);
      expect(el.leafOrder).to.deep.equal([0, 1, 2, 3, 4, 5]);
      expect(el.tree).to.equal(null);
      el.order = [5, 4, 3, 2, 1, 0];
      await settle(el);
      expect(el.leafOrder).to.deep.equal([5, 4, 3, 2, 1, 0]);
    });

    it('computes Pearson similarity of scores in a task, with a progress bar, then orders it', async () => {
      const scores = logits(400, 9);
      const el = await fixture<ClSimilarityHeatmap>(
        html`<cl-similarity-heatmap style="width: 600px; height: 520px" renderer="canvas"></cl-similarity-heatmap>`,
      );
      el.scores = scores;
      await el.updateComplete;
      const expected = pearsonSimilarity(scores);
      const sim = el.similarity!;
      expect(sim.rows).to.equal(9);
      for (let q = 0; q < expected.data.length; q++) expect(sim.data[q]).to.be.closeTo(expected.data[q], 1e-6);
      const tree = hclust(similarityToDistance(expected), { linkage: 'complete', nan: 'max' });
      expect(el.leafOrder).to.deep.equal(tree.order);
      expect(el.computing).to.equal(false);
    });

    it("spearman: Blocks' within-sample rank correlation of core, the same on logits and probabilities", async () => {
      const scores = logits(300, 6, 4);
      const el = await heatmap({ scores, measure: 'spearman' });
      const expected = spearmanSimilarity(scores, { rank: 'within-sample' });
      const scipyStyle = spearmanSimilarity(scores);
      expect(Math.abs(expected.data[1] - scipyStyle.data[1])).to.be.greaterThan(1e-3);
      for (let q = 0; q < expected.data.length; q++)
        expect(el.similarity!.data[q]).to.be.closeTo(expected.data[q], 1e-6);
    });

    it('a new input aborts the running computation: only the latest result lands', async () => {
      const el = await fixture<ClSimilarityHeatmap>(
        html`<cl-similarity-heatmap style="width: 600px; height: 520px" renderer="canvas"></cl-similarity-heatmap>`,
      );
      el.scores = logits(3000, 40, 1);
      await nextFrame(1);
      const second = logits(200, 5, 2);
      el.scores = second;
      await el.updateComplete;
      expect(el.similarity!.rows).to.equal(5);
      const expected = pearsonSimilarity(second);
      expect(el.similarity!.data[1]).to.be.closeTo(expected.data[1], 1e-6);
    });

    it('truth + predictions: the confusion matrix of core', async () => {
      const truth = ['a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'c'];
      const pred = ['a', 'b', 'b', 'b', 'c', 'c', 'c', 'a', 'c'];
      const el = await heatmap({ truth, predictions: pred });
      const cm = confusionMatrix(truth, pred);
      expect(Array.from(el.similarity!.data)).to.deep.equal(cm.counts.flat());
    });

    it('draws each display cell in the colour of its value (both renderers, same pixels)', async () => {
      const el = await heatmap({ matrix: BLOCKS, labels: NAMES, legend: false });
      const o = el.leafOrder;
      // Equal values are equal colours; the diagonal (r = 1) is the darkest.
      const diag = pixelAt(el, 0, 0, 6);
      for (let r = 1; r < 6; r++) expect(pixelAt(el, r, r, 6)).to.deep.equal(diag);
      const a = pixelAt(el, 0, 1, 6);
      const vA = BLOCKS[o[0]][o[1]];
      const b = pixelAt(el, 0, 5, 6);
      const vB = BLOCKS[o[0]][o[5]];
      expect(vA).to.not.equal(vB);
      // Values in [0, 1]: a sequential scale, the higher value darker.
      const light = (c: number[]) => c[0] + c[1] + c[2];
      expect(light(vA > vB ? a : b)).to.be.lessThan(light(vA > vB ? b : a));
      const cpu = snapshot(el);
      el.renderer = 'webgl';
      await settle(el);
      expect(el.activeRenderer).to.equal('webgl');
      const gl = snapshot(el);
      let differ = 0;
      for (let p = 0; p < cpu.data.length; p++) if (cpu.data[p] !== gl.data[p]) differ++;
      expect(differ).to.equal(0);
    });

    it('a constant score column: NaN similarity drawn as no data, one cl-warning, clustered last-merged', async () => {
      const scores = logits(200, 5, 3).map((row) => row.map((v, j) => (j === 2 ? 1 : v)));
      const warnings: ClWarningDetail[] = [];
      const el = await fixture<ClSimilarityHeatmap>(
        html`<cl-similarity-heatmap
          style="width: 600px; height: 520px"
          renderer="canvas"
          @cl-warning=${(e: CustomEvent<ClWarningDetail>) => warnings.push(e.detail)}
        ></cl-similarity-heatmap>`,
      );
      el.scores = scores;
      await settle(el);
      expect(Number.isNaN(el.similarity!.data[2 * 5 + 0])).to.equal(true);
      expect(warnings.map((w) => w.code)).to.include('NAN_CLASSES');
      const r = el.leafOrder.indexOf(2);
      const grey = pixelAt(el, r, (r + 1) % 5, 5);
      expect(pixelAt(el, (r + 1) % 5, r, 5)).to.deep.equal(grey);
      expect(shadowQuery(el, '[part~="legend"]').textContent).to.contain('no data');
    });

    it('warns once when Pearson runs on probability-like scores', async () => {
      const warnings: ClWarningDetail[] = [];
      const probs = logits(100, 4).map((row) => {
        const e = row.map(Math.exp);
        const s = e.reduce((a, b) => a + b, 0);
        return e.map((x) => x / s);
      });
      const el = await fixture<ClSimilarityHeatmap>(
        html`<cl-similarity-heatmap
          renderer="canvas"
          @cl-warning=${(e: CustomEvent<ClWarningDetail>) => warnings.push(e.detail)}
        ></cl-similarity-heatmap>`,
      );
      el.scores = probs;
      await settle(el);
      expect(warnings.filter((w) => w.code === 'PROBABILITIES')).to.have.length(1);
      expect(shadowQuery(el, '[part~="legend"]').textContent).to.contain('logits');
    });

    it('the same contents in new arrays (a framework re-render) keep the order, zoom and selection', async () => {
      const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
      const tree = el.tree;
      el.zoomBy(2);
      pointer(plot(el), 'pointerdown', cellPoint(el, 1, 1));
      pointer(plot(el), 'pointerup', cellPoint(el, 1, 1));
      await settle(el);
      const zoom = el.viewport.zoom;
      const selects: ClMarkDetail[] = [];
      el.addEventListener('cl-select', (e) => selects.push(e.detail));
      el.matrix = BLOCKS.map((row) => [...row]);
      el.labels = [...NAMES];
      await settle(el);
      expect(el.tree).to.equal(tree);
      expect(el.viewport.zoom).to.equal(zoom);
      expect(selects).to.deep.equal([]);
      // A real change is read.
      el.matrix = BLOCKS.map((row, i) => row.map((x, j) => (i === j ? 1 : x / 2)));
      await settle(el);
      expect(el.similarity!.data[1]).to.equal(BLOCKS[0][1] / 2);
    });

    it('groups: cutTree clusters as spans, boxes on the diagonal, and a side bar', async () => {
      const el = await heatmap({ matrix: BLOCKS, labels: NAMES, groups: 2 });
      const g = el.groupOf!;
      expect(g[0]).to.equal(g[2]);
      expect(g[0]).to.equal(g[4]);
      expect(g[1]).to.equal(g[3]);
      expect(g[0]).to.not.equal(g[1]);
      expect(shadowQueryAll(el, '.group-box')).to.have.length(2);
    });
  });

  describe('events', () => {
    it('hover: cl-hover with the cell, input indices and value', async () => {
      const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
      const o = el.leafOrder;
      const got = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      pointer(plot(el), 'pointermove', cellPoint(el, 1, 4));
      const d = (await got).detail;
      expect(d.kind).to.equal('cell');
      expect(d.row).to.equal(o[1]);
      expect(d.col).to.equal(o[4]);
      expect(d.keys).to.deep.equal([NAMES[o[1]], NAMES[o[4]]]);
      expect(d.value).to.equal(BLOCKS[o[1]][o[4]]);
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="tooltip"]').textContent).to.contain(NAMES[o[1]]);
    });

    it('Shift+drag across the diagonal selects the diagonal block; off the diagonal, a split group', async () => {
      const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
      const o = el.leafOrder;
      let got = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      pointer(plot(el), 'pointerdown', cellPoint(el, 0, 0), { shiftKey: true });
      pointer(plot(el), 'pointermove', cellPoint(el, 2, 2), { shiftKey: true });
      pointer(plot(el), 'pointerup', cellPoint(el, 2, 2), { shiftKey: true });
      let d = (await got).detail;
      expect(d.kind).to.equal('block');
      expect(d.classes).to.deep.equal(o.slice(0, 3));
      expect(Array.from(d.indices)).to.deep.equal(o.slice(0, 3));
      expect(d.rows).to.equal(undefined);
      got = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      pointer(plot(el), 'pointerdown', cellPoint(el, 0, 4), { shiftKey: true });
      pointer(plot(el), 'pointermove', cellPoint(el, 1, 5), { shiftKey: true });
      pointer(plot(el), 'pointerup', cellPoint(el, 1, 5), { shiftKey: true });
      d = (await got).detail;
      expect(d.rows).to.deep.equal(o.slice(0, 2));
      expect(d.cols).to.deep.equal(o.slice(4, 6));
      await el.updateComplete;
      expect(shadowQueryAll(el, '.selection')).to.have.length(1);
    });

    it('a Shift+click on a dendrogram bracket selects its subtree', async () => {
      const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
      const tree = el.tree!;
      const dendro = shadowQuery<SVGSVGElement>(el, '[part~="dendrogram"]');
      const b = dendro.getBoundingClientRect();
      const p = plot(el).getBoundingClientRect();
      // Just left of the leaves, at the middle of the first three rows: the first block's bracket.
      const got = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      dendro.dispatchEvent(
        new MouseEvent('click', {
          bubbles: true,
          composed: true,
          clientX: b.right - 3,
          clientY: p.top + (1.5 * p.height) / 6,
          shiftKey: true,
        }),
      );
      const d = (await got).detail;
      expect(d.kind).to.equal('block');
      expect(d.classes!.length).to.be.greaterThan(1);
      // A subtree: its classes are the leaves of one merge of the tree.
      const n = 6;
      const leaves = (id: number): number[] =>
        id < n ? [id] : [...leaves(tree.merges[id - n][0]), ...leaves(tree.merges[id - n][1])];
      const sets = tree.merges.map((_, k) =>
        leaves(n + k)
          .sort()
          .join(','),
      );
      expect(sets).to.include([...d.classes!].sort().join(','));
    });

    it('a double click on a dendrogram bracket zooms onto its subtree', async () => {
      const n = 40;
      const m = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => (i === j ? 1 : Math.floor(i / 10) === Math.floor(j / 10) ? 0.8 : 0.05)),
      );
      const el = await heatmap({ matrix: m });
      const dendro = shadowQuery<SVGSVGElement>(el, '[part~="dendrogram"]');
      const b = dendro.getBoundingClientRect();
      const p = plot(el).getBoundingClientRect();
      dendro.dispatchEvent(
        new MouseEvent('dblclick', {
          bubbles: true,
          composed: true,
          clientX: b.right - 2,
          clientY: p.top + (5 * p.height) / n,
        }),
      );
      await settle(el);
      const v = el.viewport;
      expect(v.zoom).to.be.greaterThan(2);
      expect(v.rows[1] - v.rows[0] + 1).to.be.lessThan(n);
    });

    it('the cut-off slider fades values below it and emits cl-change', async () => {
      const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
      const before = pixelAt(el, 0, 5, 6);
      const slider = shadowQuery<HTMLInputElement>(el, 'input[type="range"]');
      const got = oneEvent<CustomEvent<ClChangeDetail>>(el, 'cl-change');
      slider.value = '0.5';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      expect((await got).detail).to.deep.equal({ name: 'cutoff', value: 0.5 });
      await settle(el);
      expect(el.cutoff).to.equal(0.5);
      const o = el.leafOrder;
      const low = BLOCKS[o[0]][o[5]] < 0.5;
      expect(low).to.equal(true);
      const after = pixelAt(el, 0, 5, 6);
      expect(after).to.not.deep.equal(before);
      // Faded toward the (white) background.
      expect(after[0] + after[1] + after[2]).to.be.greaterThan(before[0] + before[1] + before[2]);
    });
  });

  describe('keyboard', () => {
    it('arrows move a cell cursor with cl-hover; Shift+arrows select a block; Escape clears', async () => {
      const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
      const o = el.leafOrder;
      const area = plot(el);
      const hovers: ClMarkDetail[] = [];
      const selects: ClMarkDetail[] = [];
      el.addEventListener('cl-hover', (e) => hovers.push(e.detail));
      el.addEventListener('cl-select', (e) => selects.push(e.detail));
      area.focus();
      await el.updateComplete;
      expect(hovers.at(-1)!.row).to.equal(o[0]);
      const key = (k: string, shiftKey = false) =>
        area.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true }));
      key('ArrowRight');
      key('ArrowDown');
      await el.updateComplete;
      expect(hovers.at(-1)).to.include({ kind: 'cell', row: o[1], col: o[1] });
      expect(shadowQueryAll(el, '.cursor')).to.have.length(1);
      key('ArrowDown', true);
      key('ArrowRight', true);
      await el.updateComplete;
      const block = selects.at(-1)!;
      expect(block.kind).to.equal('block');
      expect(block.classes).to.deep.equal(o.slice(1, 3));
      key('Enter');
      expect(selects.at(-1)!.kind).to.equal('cell');
      key('Escape');
      expect(selects.at(-1)!.kind).to.equal('none');
    });

    it('+ zooms in (labels appear when they fit) and 0 shows everything', async () => {
      const n = 80;
      const m = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => (i === j ? 1 : Math.cos(i - j) * 0.5)),
      );
      const el = await heatmap({ matrix: m, order: 'input' });
      expect(shadowQueryAll(el, '.labels text')).to.have.length(0);
      plot(el).focus();
      for (let k = 0; k < 4; k++)
        plot(el).dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true, composed: true }));
      await settle(el);
      expect(el.viewport.zoom).to.be.greaterThan(3);
      expect(shadowQueryAll(el, '.labels text').length).to.be.within(5, 40);
      plot(el).dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true, composed: true }));
      await settle(el);
      expect(el.viewport.zoom).to.be.closeTo(1, 1e-9);
    });

    it('wheel zooms around the pointer; drag pans', async () => {
      const n = 200;
      const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
      const el = await heatmap({ matrix: m, order: 'input' });
      const at = cellPoint(el, 50, 50);
      plot(el).dispatchEvent(
        new WheelEvent('wheel', { deltaY: -600, bubbles: true, composed: true, cancelable: true, ...at }),
      );
      await settle(el);
      const v = el.viewport;
      expect(v.zoom).to.be.greaterThan(2);
      expect(v.rows[0]).to.be.lessThan(50);
      expect(v.rows[1]).to.be.greaterThan(50);
      const start = cellPoint(el, 60, 60);
      pointer(plot(el), 'pointerdown', start);
      pointer(plot(el), 'pointermove', { clientX: start.clientX - 100, clientY: start.clientY - 100 });
      pointer(plot(el), 'pointerup', { clientX: start.clientX - 100, clientY: start.clientY - 100 });
      await settle(el);
      expect(el.viewport.rows[0]).to.be.greaterThan(v.rows[0]);
    });
  });

  describe('highlight, accessibility, safety', () => {
    it('highlight (class indices) dims the other rows and columns', async () => {
      const el = await heatmap({ matrix: BLOCKS, labels: NAMES });
      expect(shadowQueryAll(el, 'path.dim')).to.have.length(0);
      el.highlight = [0, 2];
      await settle(el);
      const dims = shadowQueryAll<SVGPathElement>(el, 'path.dim');
      expect(dims).to.have.length(2);
      expect(dims[0].getAttribute('d')).to.match(/^M/);
    });

    it('has no axe violations on the chart and on the error state', async () => {
      const el = await heatmap({ matrix: BLOCKS, labels: NAMES, groups: 2 });
      await expectNoAxeViolations(el);
      el.labels = ['a', 'b'];
      await settle(el);
      await expectNoAxeViolations(el);
    });

    it('labels are text, never HTML', async () => {
      const evil = '<img src=x onerror="window.__pwned=1">';
      const n = 4;
      const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0.2)));
      const el = await heatmap({ matrix: m, labels: [evil, 'javascript:alert(1)', 'שלום', '🐱 cat'], order: 'input' });
      expect(shadowQueryAll(el, 'img')).to.have.length(0);
      expect(shadowQuery(el, '.labels').textContent).to.contain('<img');
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('bad input: a coded error, a visible state, untouched properties, and recovery', async () => {
      const errors: ClErrorDetail[] = [];
      const el = await fixture<ClSimilarityHeatmap>(
        html`<cl-similarity-heatmap
          renderer="canvas"
          @cl-error=${(e: CustomEvent<ClErrorDetail>) => errors.push(e.detail)}
        ></cl-similarity-heatmap>`,
      );
      el.matrix = BLOCKS;
      el.labels = ['a', 'b', 'c'];
      await settle(el);
      expect(errors.map((e) => e.code)).to.deep.equal(['LENGTH_MISMATCH']);
      expect(shadowQuery(el, '[part~="error"]').textContent).to.contain('LENGTH_MISMATCH');
      expect(el.labels).to.deep.equal(['a', 'b', 'c']);
      el.matrix = [
        [1, Infinity],
        [0, 1],
      ];
      el.labels = undefined;
      await settle(el);
      expect(errors.map((e) => e.code)).to.include('NON_FINITE');
      el.matrix = BLOCKS;
      await settle(el);
      expect(shadowQueryAll(el, '[part~="error"]')).to.have.length(0);
      expect(el.leafOrder).to.have.length(6);
    });

    it('empty input shows the empty state', async () => {
      const el = await heatmap({ matrix: [] });
      expect(shadowQuery(el, '[part~="empty"]').textContent).to.contain('No data');
    });

    it('one class and two classes draw', async () => {
      const one = await heatmap({ matrix: [[1]], labels: ['only'] });
      expect(one.leafOrder).to.deep.equal([0]);
      const two = await heatmap({
        matrix: [
          [1, 0.3],
          [0.3, 1],
        ],
        labels: ['a', 'b'],
      });
      expect(two.leafOrder).to.have.length(2);
      expect(pixelAt(two, 0, 0, 2)).to.deep.equal(pixelAt(two, 1, 1, 2));
    });
  });

  describe('renderers and lifecycle', () => {
    it('auto takes the CPU raster on software GL; webgl takes WebGL', async () => {
      const el = await heatmap({ matrix: BLOCKS, renderer: 'auto' });
      expect(el.activeRenderer).to.equal('canvas');
      expect(el.rendererReason).to.equal('software');
      el.renderer = 'webgl';
      await settle(el);
      expect(el.activeRenderer).to.equal('webgl');
    });

    it('connect/disconnect 10 times (WebGL) and 30 times (CPU raster) leaves no listener, observer or GL context behind', async function () {
      // Each WebGL cycle makes a context and compiles regl's shaders: slow on SwiftShader.
      this.timeout(120_000);
      const root = await fixture<HTMLDivElement>(html`<div style="width: 500px; height: 400px"></div>`);
      const el = document.createElement('cl-similarity-heatmap') as ClSimilarityHeatmap;
      el.renderer = 'webgl';
      el.matrix = BLOCKS;
      root.append(el);
      await settle(el);
      el.remove();
      const listeners = countListeners();
      const observers = countObservers();
      try {
        for (let k = 0; k < 40; k++) {
          if (k === 10) el.renderer = 'canvas';
          root.append(el);
          await settle(el);
          expect(el.activeRenderer).to.equal(k < 10 ? 'webgl' : 'canvas');
          el.remove();
        }
        expect(listeners.live).to.equal(0);
        expect(observers.live()).to.deep.equal({ resize: 0, mutation: 0, intersection: 0 });
        expect(contextBudget().live).to.equal(0);
      } finally {
        listeners.restore();
        observers.restore();
      }
    });

    it('twenty heatmaps on one page all draw (WebGL up to the budget, the CPU raster after)', async function () {
      this.timeout(120_000);
      const root = await fixture<HTMLDivElement>(html`<div></div>`);
      const els: ClSimilarityHeatmap[] = [];
      for (let k = 0; k < 20; k++) {
        const el = document.createElement('cl-similarity-heatmap') as ClSimilarityHeatmap;
        el.style.cssText = 'display: inline-block; width: 220px; height: 220px';
        el.renderer = 'webgl';
        el.legend = false;
        el.matrix = BLOCKS;
        root.append(el);
        els.push(el);
      }
      await Promise.all(els.map((e) => settle(e)));
      const { limit } = contextBudget();
      expect(els.filter((e) => e.activeRenderer === 'webgl')).to.have.length(limit);
      for (const e of els) {
        const img = snapshot(e);
        let coloured = 0;
        for (let p = 0; p < img.data.length; p += 4) if (img.data[p] !== img.data[p + 2]) coloured++;
        expect(coloured, `${e.activeRenderer} heatmap draws`).to.be.greaterThan(100);
      }
      root.remove();
      expect(contextBudget().live).to.equal(0);
    });
  });

  describe('first frame from the values (block maxima before the cell bytes)', () => {
    /** A seeded n × n matrix of values in [0, 40) with NaN cells and one all-NaN block (not correlations). */
    function counts(n: number, seed: number): Float64Array {
      const r = mulberry32(seed);
      const d = new Float64Array(n * n);
      for (let q = 0; q < d.length; q++) d[q] = r() < 0.02 ? NaN : Math.floor(r() * 400) / 10;
      for (let i = 10; i < 14; i++) d.fill(NaN, i * n + 20, i * n + 24);
      return d;
    }
    const layerOf = (el: ClSimilarityHeatmap) => (el as unknown as { cellLayer: CellLayer }).cellLayer;

    it('the first frame (cells not made yet) is the picture WebGL draws from the cell bytes; the statistics are core-equal', async () => {
      const n = 700;
      const data = counts(n, 4);
      const cpu = await fixture<ClSimilarityHeatmap>(
        html`<cl-similarity-heatmap
          style="width: 520px; height: 500px"
          .renderer=${'canvas'}
          .order=${'input'}
        ></cl-similarity-heatmap>`,
      );
      cpu.matrix = { rows: n, cols: n, data };
      await cpu.updateComplete;
      expect(layerOf(cpu).cellsReady, 'drawn before the cell bytes').to.equal(false);
      expect(cellMaximaKernel(), 'Chromium runs the SIMD kernel').to.equal('wasm-simd');
      const first = snapshot(cpu);
      const gl = await fixture<ClSimilarityHeatmap>(
        html`<cl-similarity-heatmap
          style="width: 520px; height: 500px"
          .renderer=${'webgl'}
          .order=${'input'}
        ></cl-similarity-heatmap>`,
      );
      gl.matrix = { rows: n, cols: n, data };
      await settle(gl);
      expect(gl.activeRenderer).to.equal('webgl');
      const ref = snapshot(gl);
      expect([first.width, first.height]).to.deep.equal([ref.width, ref.height]);
      let differ = 0;
      for (let p = 0; p < ref.data.length; p++) if (first.data[p] !== ref.data[p]) differ++;
      expect(differ).to.equal(0);
      // Domain from the one pass: core's range of the finite values; NaN shown as no data.
      const d = describeValues(n, n, data);
      expect(cpu.colorRange).to.deep.equal([d.min, d.max]);
      expect(shadowQuery(cpu, '.heat-legend__nan')).to.exist;
      // The bytes arrive after the first frame, in slices, and equal the eager ones.
      for (let k = 0; k < 200 && !layerOf(cpu).cellsReady; k++) await nextFrame();
      expect(layerOf(cpu).cellsReady).to.equal(true);
      expect(layerOf(cpu).cells).to.deep.equal(quantize(data, d.min, d.max));
    });

    it('order="cluster" past 400 classes: the input order is drawn first, the clustering starts after it and lands', async () => {
      const n = 450;
      const r = mulberry32(9);
      const m: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (let i = 0; i < n; i++) {
        m[i][i] = 1;
        for (let j = i + 1; j < n; j++) m[i][j] = m[j][i] = (i % 3 === j % 3 ? 0.6 : 0) + r() * 0.3;
      }
      const el = await heatmap({ legend: false });
      el.matrix = m;
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(el.computing, 'clustering runs after the first frame').to.equal(true);
      expect(el.leafOrder).to.deep.equal(Array.from({ length: n }, (_, i) => i));
      expect(layerOf(el).preview, 'the first frame came from the values').to.not.equal(null);
      await el.updateComplete;
      expect(el.computing).to.equal(false);
      expect(el.leafOrder).to.deep.equal(hclust(similarityToDistance(m), { linkage: 'complete', nan: 'max' }).order);
    });

    it('a new matrix mid-way replaces the rest of the old one; a removed element stops making cells', async () => {
      const n = 600;
      const a = counts(n, 5);
      const b = counts(n, 6);
      const el = await heatmap({ order: 'input', legend: false });
      el.matrix = { rows: n, cols: n, data: a };
      await el.updateComplete;
      el.matrix = { rows: n, cols: n, data: b };
      await el.updateComplete;
      expect(layerOf(el).cellsReady).to.equal(false);
      for (let k = 0; k < 200 && !layerOf(el).cellsReady; k++) await nextFrame();
      const d = describeValues(n, n, b);
      expect(layerOf(el).cells).to.deep.equal(quantize(b, d.min, d.max));
      // Hover reads the cells; zoomed, the picture comes from them.
      el.zoomBy(3);
      await settle(el);
      expect(snapshot(el).width).to.be.greaterThan(0);
      // (A zoomed view of a new matrix of the same size quantizes it all first; at fit it does not.)
      el.resetZoom();
      el.matrix = { rows: n, cols: n, data: a };
      await el.updateComplete;
      expect(layerOf(el).cellsReady).to.equal(false);
      el.remove();
      for (let k = 0; k < 10; k++) await nextFrame();
      expect(layerOf(el).cellsReady, 'no work after disconnect').to.equal(false);
    });
  });
});
