import '../../packages/elements/src/trajectory-projection/cl-trajectory-projection.js';
import { ClTrajectoryProjection } from '../../packages/elements/src/trajectory-projection/cl-trajectory-projection.js';
import type { ClErrorDetail, ClMarkDetail, ClWarningDetail } from '../../packages/elements/src/events.js';
import { tsne, pca } from '@classlens/core';
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
  waitUntil,
} from '../harness/index.js';

// Served by the test runner as TypeScript: the worker module itself, not a build.
const WORKER = new URL('../../packages/elements/src/internal/projection/projection-worker.ts', import.meta.url);

// Two sequences on a precomputed layout (x, y), so every pixel is known:
//   s0 rows 0–3 along the x axis, s1 rows 4–5 above.
const points = [
  [0, 0],
  [1, 0],
  [2, 0],
  [3, 0],
  [0, 2],
  [3, 2],
];
const base = {
  points,
  offsets: [0, 4],
  expected: [0.5, 0.1, 0.2, 0.9, 0.8, 0.95],
  tokens: [
    ['not', 'bad', 'at', 'all'],
    ['great', 'film'],
  ],
  truth: ['neg', 'pos'],
  classes: ['neg', 'pos'],
  ids: ['a', 'b'],
  // Distances for the jump labels: rows 1 and 3 jump (5 and 4 of 5 > 0.4), row 2 does not.
  distances: [NaN, 5, 1, 4, NaN, 2],
};

async function projection(props: Record<string, unknown> = {}, attrs = ''): Promise<ClTrajectoryProjection> {
  const el = await fixture<ClTrajectoryProjection>(
    html`<cl-trajectory-projection style="width: 420px; height: 300px" renderer="canvas"></cl-trajectory-projection>`,
  );
  if (attrs) for (const [k, v] of new URLSearchParams(attrs)) el.setAttribute(k, v);
  Object.assign(el, base, props);
  await settle(el);
  return el;
}

async function settle(el: ClTrajectoryProjection) {
  await el.updateComplete;
  await nextFrame(2);
  await el.updateComplete;
  await nextFrame(1);
}

const plot = (el: Element) => shadowQuery<HTMLElement>(el, '[part~="plot"]');

/** The plot pixel of step `r`. */
function pixelOf(el: ClTrajectoryProjection, r: number): [number, number] {
  const t = el.viewTransform!;
  const p = el.positions!;
  return [t.sx * p.data[2 * r] + t.tx, t.sy * p.data[2 * r + 1] + t.ty];
}

function pointer(el: ClTrajectoryProjection, type: string, X: number, Y: number, init: PointerEventInit = {}) {
  const r = plot(el).getBoundingClientRect();
  plot(el).dispatchEvent(
    new PointerEvent(type, {
      clientX: r.left + X,
      clientY: r.top + Y,
      bubbles: true,
      pointerId: 1,
      button: 0,
      ...init,
    }),
  );
}

/** RGBA of the drawn picture at plot pixel (X, Y). */
function pixel(el: ClTrajectoryProjection, X: number, Y: number): number[] {
  const canvas = shadowQuery<HTMLCanvasElement>(el, 'canvas');
  const ratio = canvas.width / plot(el).clientWidth;
  const ctx = canvas.getContext('2d');
  if (ctx) return Array.from(ctx.getImageData(Math.floor(X * ratio), Math.floor(Y * ratio), 1, 1).data);
  return [];
}

afterEach(() => {
  ClTrajectoryProjection.workerUrl = undefined;
});

describe('<cl-trajectory-projection>', () => {
  describe('layout and drawing', () => {
    it('draws precomputed points: positions are the input, the bounding box centred in the plot', async () => {
      const el = await projection();
      expect(Array.from(el.positions!.data)).to.deep.equal(points.flat());
      expect(el.layoutComplete).to.equal(true);
      const t = el.viewTransform!;
      const { clientWidth: w, clientHeight: h } = plot(el);
      // The box [0, 3] × [0, 2] is centred; x and y share one scale, y points up.
      expect(t.sx * 1.5 + t.tx).to.be.closeTo(w / 2, 1e-9);
      expect(t.sy * 1 + t.ty).to.be.closeTo(h / 2, 1e-9);
      expect(t.sy).to.equal(-t.sx);
      expect(el.activeRenderer).to.equal('canvas');
    });

    it('paints each point in its EP colour; the grey of P = 0.5 exactly', async () => {
      const el = await projection({ truth: undefined }); // no right/wrong opacity
      const [X, Y] = pixelOf(el, 0);
      expect(pixel(el, X, Y).slice(0, 3)).to.deep.equal([140, 149, 159]);
      const [X3, Y3] = pixelOf(el, 3);
      const c = pixel(el, X3, Y3);
      expect(c[2]).to.be.below(c[0]); // 0.9 leans to the positive (amber) colour
    });

    it('projects states with core’s t-SNE in a worker: the same layout as tsne() with the same seed', async () => {
      ClTrajectoryProjection.workerUrl = WORKER;
      const states = Array.from({ length: 30 }, (_, i) => [Math.sin(i), Math.cos(i * 1.3), (i % 5) / 5]);
      const el = await fixture<ClTrajectoryProjection>(
        html`<cl-trajectory-projection
          style="width: 400px; height: 300px"
          renderer="canvas"
        ></cl-trajectory-projection>`,
      );
      const warnings: string[] = [];
      el.addEventListener('cl-warning', (e) => warnings.push((e as CustomEvent<ClWarningDetail>).detail.code));
      Object.assign(el, { states, offsets: [0, 10, 20], iterations: 200, seed: 3 });
      await el.updateComplete;
      expect(el.busy).to.equal(true);
      expect(shadowQuery(el, '[part~="progress"]').getAttribute('role')).to.equal('progressbar');
      await waitUntil(() => el.layoutComplete, 'the projection finished', { timeout: 20000 });
      const want = await tsne(states, { iterations: 200, seed: 3 });
      expect(Array.from(el.positions!.data)).to.deep.equal(Array.from(want.data));
      expect(warnings).to.not.include('WORKER_UNAVAILABLE');
    });

    it('without a worker it computes on the main thread (same numbers) and says so once', async () => {
      ClTrajectoryProjection.workerUrl = null;
      const states = Array.from({ length: 24 }, (_, i) => [i % 3, Math.sqrt(i), (i * 7) % 11]);
      const el = await fixture<ClTrajectoryProjection>(html`<cl-trajectory-projection></cl-trajectory-projection>`);
      const warned = oneEvent<CustomEvent<ClWarningDetail>>(el, 'cl-warning', 20000);
      Object.assign(el, { states, iterations: 120, seed: 5 });
      expect((await warned).detail.code).to.equal('WORKER_UNAVAILABLE');
      await waitUntil(() => el.layoutComplete, 'finished', { timeout: 20000 });
      const want = await tsne(states, { iterations: 120, seed: 5 });
      expect(Array.from(el.positions!.data)).to.deep.equal(Array.from(want.data));
    });

    it('the layout animates in: intermediate layouts are drawn before the last', async () => {
      ClTrajectoryProjection.workerUrl = WORKER;
      const states = Array.from({ length: 400 }, (_, i) => [Math.sin(i / 7), Math.cos(i / 11), (i % 13) / 13, i % 2]);
      const el = await fixture<ClTrajectoryProjection>(
        html`<cl-trajectory-projection
          style="width: 300px; height: 200px"
          renderer="canvas"
        ></cl-trajectory-projection>`,
      );
      Object.assign(el, { states, iterations: 600 });
      await waitUntil(() => el.positions !== null, 'a first layout', { timeout: 20000 });
      expect(el.layoutComplete).to.equal(false);
      expect(el.busy).to.equal(true);
      await waitUntil(() => el.layoutComplete, 'finished', { timeout: 30000 });
      expect(el.intermediateLayoutsDrawn).to.be.greaterThan(0);
      // The final layout is always drawn, exactly as computed (core's t-SNE, same seed).
      const want = await tsne(states, { iterations: 600, seed: 1 });
      expect(Array.from(el.positions!.data)).to.deep.equal(Array.from(want.data));
    });

    it('intermediate layouts are coalesced: one per frame, the newest; a stale run’s never lands', async () => {
      // A worker that never answers keeps the projection pending; layouts are fed by hand.
      const silent = URL.createObjectURL(new Blob([''], { type: 'text/javascript' }));
      ClTrajectoryProjection.workerUrl = silent;
      const el = await fixture<ClTrajectoryProjection>(
        html`<cl-trajectory-projection
          style="width: 300px; height: 200px"
          renderer="canvas"
        ></cl-trajectory-projection>`,
      );
      const states = Array.from({ length: 50 }, (_, i) => [Math.sin(i), Math.cos(i / 3), i % 5]);
      Object.assign(el, { states });
      await el.updateComplete;
      expect(el.busy).to.equal(true);
      const inner = el as unknown as { queueLayout(l: Float32Array, run: number): void; projectionRun: number };
      const layout = (k: number) => Float32Array.from({ length: 100 }, (_, i) => k * 1000 + i * (i % 2 ? 1 : -1));
      const run = inner.projectionRun;
      const drawn = el.intermediateLayoutsDrawn;
      for (let k = 1; k <= 5; k++) inner.queueLayout(layout(k), run);
      inner.queueLayout(layout(9), run - 1);
      expect(el.positions).to.equal(null);
      await nextFrame(2);
      await el.updateComplete;
      expect(el.intermediateLayoutsDrawn - drawn).to.equal(1);
      expect(Array.from(el.positions!.data)).to.deep.equal(Array.from(layout(5)));
      // New data aborts the run: a layout it queued is dropped.
      inner.queueLayout(layout(7), inner.projectionRun);
      el.points = { rows: 50, cols: 2, data: new Float64Array(100).fill(3) };
      await nextFrame(2);
      await el.updateComplete;
      expect(el.layoutComplete).to.equal(true);
      expect(Array.from(el.positions!.data)).to.deep.equal(new Array(100).fill(3));
      URL.revokeObjectURL(silent);
    });

    it('method="pca" gives core’s pca(states, 2)', async () => {
      ClTrajectoryProjection.workerUrl = WORKER;
      const states = Array.from({ length: 12 }, (_, i) => [i, (i * i) % 7, Math.sin(i)]);
      const el = await fixture<ClTrajectoryProjection>(
        html`<cl-trajectory-projection method="pca"></cl-trajectory-projection>`,
      );
      el.states = states;
      await waitUntil(() => el.layoutComplete, 'finished', { timeout: 20000 });
      expect(Array.from(el.positions!.data)).to.deep.equal(Array.from(pca(states, 2).data));
    });

    it('a change while projecting aborts the run: the stale layout never lands', async () => {
      ClTrajectoryProjection.workerUrl = WORKER;
      const states = Array.from({ length: 300 }, (_, i) => [Math.sin(i), Math.cos(i / 3), i % 4]);
      const el = await fixture<ClTrajectoryProjection>(html`<cl-trajectory-projection></cl-trajectory-projection>`);
      Object.assign(el, { states, iterations: 5000 });
      await el.updateComplete;
      el.method = 'pca';
      await waitUntil(() => el.layoutComplete, 'finished', { timeout: 20000 });
      expect(Array.from(el.positions!.data)).to.deep.equal(Array.from(pca(states, 2).data));
      await new Promise((r) => setTimeout(r, 300));
      expect(Array.from(el.positions!.data)).to.deep.equal(Array.from(pca(states, 2).data));
    });

    it('labels the selected sequence’s jump words without overlap', async () => {
      const el = await projection({ sequence: 0 });
      const labels = el.labels;
      expect(labels.map((l) => l.row).sort()).to.deep.equal([1, 3]);
      expect(labels.find((l) => l.row === 1)!.text).to.contain('bad');
      expect(shadowQueryAll(el, '[part~="label"]').map((t) => t.textContent)).to.have.length(2);
      const boxes = shadowQueryAll<SVGTextElement>(el, '[part~="label"]').map((t) => t.getBBox());
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          expect(overlap, `labels ${i} and ${j} overlap`).to.equal(false);
        }
    });

    it('many labels in a small plot: kept ones never overlap, the rest are dropped', async () => {
      const n = 80;
      const pts = Array.from({ length: n }, (_, i) => [Math.cos(i / 5) * (1 + i / 40), Math.sin(i / 5) * (1 + i / 40)]);
      const el = await projection({
        points: pts,
        offsets: [0],
        expected: Array.from({ length: n }, (_, i) => (i % 2 ? 0.9 : 0.1)),
        tokens: [Array.from({ length: n }, (_, i) => `word${i}`)],
        truth: ['neg'],
        ids: ['long'],
        distances: [NaN, ...Array.from({ length: n - 1 }, () => 3)],
        sequence: 0,
      });
      const boxes = el.labels.map((l) => ({ x: l.x, y: l.y, w: 6 * 9, h: 12 }));
      expect(el.labels.length).to.be.above(3);
      expect(el.labels.length).to.be.below(n);
      const texts = shadowQueryAll<SVGTextElement>(el, '[part~="label"]').map((t) => t.getBBox());
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i];
          const b = texts[j];
          expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).to.equal(
            false,
          );
        }
      expect(boxes.length).to.equal(texts.length);
    });
  });

  describe('interaction', () => {
    it('hovering a point (picked through the spatial index) fires cl-hover with its row and sequence', async () => {
      const el = await projection();
      const [X, Y] = pixelOf(el, 5);
      expect(el.pick(X, Y)).to.equal(5);
      const ev = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      pointer(el, 'pointermove', X + 1, Y);
      const d = (await ev).detail;
      expect(d).to.deep.include({ kind: 'point', value: 1, sequence: 1, step: 1 });
      expect(Array.from(d.indices)).to.deep.equal([5]);
      expect(d.keys).to.deep.equal(['b']);
      await el.updateComplete;
      const tip = shadowQuery(el, '[part~="tooltip"]');
      expect(tip.textContent).to.contain('film');
      expect(tip.textContent).to.contain('2 of 2');
    });

    it('a binary EP as one number per step: the same pixels and tooltips as the two columns [1 − p, p]', async () => {
      const one = await projection();
      const two = await projection({ expected: base.expected.map((v) => [1 - v, v]) });
      for (let r = 0; r < points.length; r++) {
        const [X, Y] = pixelOf(one, r);
        expect(pixelOf(two, r)).to.deep.equal([X, Y]);
        expect(pixel(one, X, Y)).to.deep.equal(pixel(two, X, Y));
        const tips: string[] = [];
        for (const el of [one, two]) {
          const ev = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
          pointer(el, 'pointermove', X, Y);
          expect(Array.from((await ev).detail.indices)).to.deep.equal([r]);
          await el.updateComplete;
          tips.push(shadowQuery(el, '[part~="tooltip"]').textContent!.replace(/\s+/g, ' '));
          pointer(el, 'pointerleave', -10, -10);
          await el.updateComplete;
        }
        expect(tips[0]).to.equal(tips[1]);
        expect(tips[0]).to.contain('P(pos)');
        expect(tips[0]).to.contain('Top class');
      }
    });

    it('a big map: first the points; the spatial index, legend and table come when idle, and picking works before and after', async () => {
      const n = 60_000;
      const xy = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        xy[2 * i] = (i % 300) / 3;
        xy[2 * i + 1] = Math.floor(i / 300) / 2;
      }
      const el = await fixture<ClTrajectoryProjection>(
        html`<cl-trajectory-projection
          style="width: 420px; height: 300px"
          renderer="canvas"
        ></cl-trajectory-projection>`,
      );
      el.points = { rows: n, cols: 2, data: xy };
      el.expected = new Float32Array(n).fill(0.9);
      await el.updateComplete;
      const inner = el as unknown as { index: unknown };
      expect(inner.index).to.equal(null);
      expect(shadowQueryAll(el, '[part~="legend"]')).to.have.length(0);
      await waitUntil(() => inner.index !== null, 'the index built when idle', { timeout: 5000 });
      await waitUntil(() => shadowQueryAll(el, '[part~="legend"]').length > 0, 'the legend after idle', {
        timeout: 5000,
      });
      const [X, Y] = pixelOf(el, 12_345);
      const row = el.pick(X, Y, 0.5);
      expect(row).to.be.greaterThanOrEqual(0);
      const [rx, ry] = pixelOf(el, row);
      expect(Math.hypot(rx - X, ry - Y)).to.be.lessThan(0.5);
      // Without the index (a pointer move before the page was idle), picking builds it.
      inner.index = null;
      expect(el.pick(X, Y, 0.5)).to.equal(row);
      expect(inner.index).to.not.equal(null);
    });

    it('clicking a point selects its sequence (cl-select with its rows); clicking it again clears', async () => {
      const el = await projection();
      const [X, Y] = pixelOf(el, 2);
      let ev = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      pointer(el, 'pointerdown', X, Y);
      pointer(el, 'pointerup', X, Y);
      let d = (await ev).detail;
      expect(d.kind).to.equal('sequence');
      expect(Array.from(d.indices)).to.deep.equal([0, 1, 2, 3]);
      expect(el.sequence).to.equal(0);
      await settle(el);
      ev = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      pointer(el, 'pointerdown', X, Y);
      pointer(el, 'pointerup', X, Y);
      d = (await ev).detail;
      expect(d.kind).to.equal('none');
      expect(el.sequence).to.equal(null);
    });

    it('Shift+drag draws a lasso: cl-select with exactly the rows inside', async () => {
      const el = await projection();
      // A box around rows 1 and 2 (data x ∈ [0.5, 2.5], y ∈ [−0.5, 0.5]).
      const t = el.viewTransform!;
      const px = (x: number, y: number): [number, number] => [t.sx * x + t.tx, t.sy * y + t.ty];
      const corners = [px(0.5, -0.5), px(2.5, -0.5), px(2.5, 0.5), px(0.5, 0.5)];
      const ev = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      pointer(el, 'pointerdown', ...corners[0], { shiftKey: true });
      for (const c of [...corners.slice(1), corners[0]]) pointer(el, 'pointermove', ...c);
      pointer(el, 'pointerup', ...corners[0]);
      const d = (await ev).detail;
      expect(d.kind).to.equal('lasso');
      expect(Array.from(d.indices)).to.deep.equal([1, 2]);
      expect(d.value).to.equal(2);
      expect(Array.from(el.lassoSelection!)).to.deep.equal([1, 2]);
    });

    it('wheel zooms around the pointer (the point under it stays put); drag pans; double-click resets', async () => {
      const el = await projection();
      const [X, Y] = pixelOf(el, 3);
      const before = el.viewTransform!;
      const r = plot(el).getBoundingClientRect();
      plot(el).dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: -300,
          clientX: r.left + X,
          clientY: r.top + Y,
          bubbles: true,
          cancelable: true,
        }),
      );
      await settle(el);
      const after = el.viewTransform!;
      expect(after.sx).to.be.above(before.sx * 1.5);
      const [X2, Y2] = pixelOf(el, 3);
      expect(X2).to.be.closeTo(X, 1e-6);
      expect(Y2).to.be.closeTo(Y, 1e-6);
      pointer(el, 'pointerdown', 100, 100);
      pointer(el, 'pointermove', 140, 90);
      pointer(el, 'pointerup', 140, 90);
      await settle(el);
      const panned = el.viewTransform!;
      expect(panned.tx - after.tx).to.be.closeTo(40, 1e-6);
      expect(panned.ty - after.ty).to.be.closeTo(-10, 1e-6);
      plot(el).dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      await settle(el);
      expect(el.viewTransform).to.deep.equal(before);
    });

    it('keyboard: arrows walk the trajectory and jump between sequences, Enter selects, +/0 zoom', async () => {
      const el = await projection();
      const hovers: number[] = [];
      el.addEventListener('cl-hover', (e) => hovers.push(...(e as CustomEvent<ClMarkDetail>).detail.indices));
      const p = plot(el);
      p.focus();
      const key = (k: string) => p.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      key('ArrowRight');
      key('ArrowRight');
      key('ArrowDown');
      expect(hovers).to.deep.equal([0, 1, 2, 5]);
      const sel = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      key('Enter');
      expect(Array.from((await sel).detail.indices)).to.deep.equal([4, 5]);
      const s0 = el.viewTransform!.sx;
      key('+');
      await settle(el);
      expect(el.viewTransform!.sx).to.be.closeTo(s0 * 1.5, 1e-9);
      key('0');
      await settle(el);
      expect(el.viewTransform!.sx).to.be.closeTo(s0, 1e-9);
    });

    it('highlight dims every other point', async () => {
      const el = await projection({ truth: undefined });
      const [X0, Y0] = pixelOf(el, 0);
      const [X4, Y4] = pixelOf(el, 4);
      const bg = pixel(el, 2, 2);
      const before = pixel(el, X4, Y4);
      el.highlight = [0];
      await settle(el);
      const lit = pixel(el, X0, Y0);
      const dimmed = pixel(el, X4, Y4);
      expect(lit.slice(0, 3)).to.deep.equal([140, 149, 159]);
      // Dimmed toward the background: closer to it than before.
      const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
      expect(dist(dimmed, bg)).to.be.below(dist(before, bg) * 0.5);
    });

    it('selecting a sequence draws its trajectory on top', async () => {
      const el = await projection({ sequence: 0 });
      // Midway between rows 0 and 1 lies the polyline.
      const [Xa, Ya] = pixelOf(el, 0);
      const [Xb] = pixelOf(el, 1);
      const mid = pixel(el, (Xa + Xb) / 2, Ya);
      const bg = pixel(el, 2, 2);
      expect(mid).to.not.deep.equal(bg);
    });
  });

  describe('renderers', () => {
    it('renderer="webgl" draws with WebGL (software GL here), the same points as the CPU raster', async () => {
      const gl = await projection({}, 'renderer=webgl');
      expect(gl.activeRenderer).to.equal('webgl');
      const cpu = await projection();
      expect(cpu.activeRenderer).to.equal('canvas');
      // Both pick through the index, never pixels.
      const [X, Y] = pixelOf(gl, 4);
      expect(gl.pick(X, Y)).to.equal(4);
    });
  });

  describe('bad input and edge cases', () => {
    it('NON_FINITE for NaN in the states, visible, and recovers when fixed', async () => {
      const el = await fixture<ClTrajectoryProjection>(html`<cl-trajectory-projection></cl-trajectory-projection>`);
      const ev = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.states = [
        [0, 1],
        [NaN, 2],
      ];
      const d = (await ev).detail;
      expect(d.code).to.equal('NON_FINITE');
      expect(d.message).to.contain('row 1');
      await settle(el);
      expect(shadowQuery(el, '[part~="error"]').textContent).to.contain('NON_FINITE');
      await expectNoAxeViolations(el);
      el.states = undefined;
      Object.assign(el, base);
      await settle(el);
      expect(shadowQueryAll(el, '[part~="error"]')).to.have.length(0);
      expect(el.positions!.rows).to.equal(6);
    });

    it('INVALID_SHAPE for points that are not n × 2; LENGTH_MISMATCH for points vs offsets/expected', async () => {
      const el = await fixture<ClTrajectoryProjection>(html`<cl-trajectory-projection></cl-trajectory-projection>`);
      let ev = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.points = [[0, 1, 2]];
      expect((await ev).detail.code).to.equal('INVALID_SHAPE');
      ev = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      Object.assign(el, {
        points: [
          [0, 1],
          [2, 3],
        ],
        expected: [0.1, 0.2, 0.3],
      });
      expect((await ev).detail.code).to.equal('LENGTH_MISMATCH');
      ev = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      Object.assign(el, { expected: undefined, values: [1, Infinity] });
      expect((await ev).detail.code).to.equal('NON_FINITE');
    });

    it('empty input shows "No data"', async () => {
      const el = await projection({
        points: [],
        offsets: [],
        expected: [],
        tokens: [],
        truth: [],
        ids: [],
        distances: [],
      });
      expect(shadowQuery(el, '[part~="empty"]').textContent).to.contain('No data');
    });

    it('one sequence of length 1 and identical points draw without NaN', async () => {
      const el = await projection({
        points: [[2, 2]],
        offsets: [0],
        expected: [0.7],
        tokens: ['only'],
        truth: ['pos'],
        ids: ['one'],
        distances: [NaN],
      });
      const t = el.viewTransform!;
      expect([t.sx, t.tx, t.ty].every(Number.isFinite)).to.equal(true);
      const [X, Y] = pixelOf(el, 0);
      expect(el.pick(X, Y)).to.equal(0);
      const same = await projection({ points: Array.from({ length: 6 }, () => [1, 1]) });
      expect(Number.isFinite(same.viewTransform!.sx)).to.equal(true);
    });

    it('color-by="value": the ramp follows the values; NaN is grey', async () => {
      const el = await projection(
        { truth: undefined, expected: undefined, values: [0, 1, NaN, 0.5, 1, 0] },
        'color-by=value',
      );
      const [X1, Y1] = pixelOf(el, 1);
      const [X5, Y5] = pixelOf(el, 5);
      expect(pixel(el, X1, Y1)).to.not.deep.equal(pixel(el, X5, Y5));
      expect(shadowQuery(el, '[part~="legend"]').textContent).to.contain('Value');
    });

    it('renders tokens and ids as text: markup never runs', async () => {
      const xss = '<img src=x onerror="window.__xssProj=1">';
      const el = await projection({
        tokens: [
          [xss, 'b', 'c', 'd'],
          ['e', 'f'],
        ],
        ids: [xss, 'b'],
        distances: [NaN, 9, 0, 0, NaN, 0],
        sequence: 0,
      });
      const [X, Y] = pixelOf(el, 1);
      pointer(el, 'pointermove', X, Y);
      await settle(el);
      expect(shadowQueryAll(el, 'img')).to.have.length(0);
      expect((window as unknown as { __xssProj?: number }).__xssProj).to.equal(undefined);
      expect(shadowQuery(el, '[part~="tooltip"]').textContent).to.contain('b');
    });
  });

  describe('accessibility and lifecycle', () => {
    it('has no axe violations', async () => {
      const el = await projection({ sequence: 0 });
      await expectNoAxeViolations(el);
    });

    it('connects and disconnects 50 times without leaking listeners or observers', async function () {
      this.timeout(60_000); // each connect starts a (software) WebGL context and regl
      const el = await projection({}, 'renderer=webgl');
      const parent = el.parentElement!;
      const listeners = countListeners();
      const observers = countObservers();
      try {
        for (let i = 0; i < 50; i++) {
          el.remove();
          parent.append(el);
          if (i % 10 === 0) await el.updateComplete;
        }
        await settle(el);
        expect(el.activeRenderer).to.equal('webgl');
        // Disconnected, nothing is left registered: no listener (the GL canvas's and
        // regl's own context listeners included), no observer.
        el.remove();
        expect(listeners.live, JSON.stringify(listeners.byType())).to.equal(0);
        expect(observers.live().resize).to.equal(0);
        parent.append(el);
        await settle(el);
        expect(el.positions!.rows).to.equal(6);
      } finally {
        listeners.restore();
        observers.restore();
      }
    });

    it('registering the tag twice (two bundles) does not throw', async () => {
      const url = new URL(
        '../../packages/elements/src/trajectory-projection/cl-trajectory-projection.ts',
        import.meta.url,
      );
      url.search = '?second-copy';
      await import(url.href);
      expect(customElements.get('cl-trajectory-projection')).to.be.a('function');
    });
  });
});
