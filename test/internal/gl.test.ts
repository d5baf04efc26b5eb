// The shared GL layer in a real browser: both renderers draw the same pixels, the
// controller picks and switches renderers, survives a lost context, respects the page's
// context budget and frees everything on disconnect.
import { LitElement, html } from 'lit';
import { mulberry32 } from '@classlens/core';
import {
  CanvasRenderer,
  CellLayer,
  contextBudget,
  GlController,
  LineLayer,
  PointLayer,
  resetGlProbes,
  WebglRenderer,
  type FrameSize,
  type GlScene,
} from '../../packages/elements/src/internal/gl/index.js';
import { aTimeout, countListeners, expect, fixture, fixtureCleanup, nextFrame, oneEvent } from '../harness/index.js';

/** Seeded uniform [0, 1): core's one generator. */
const rng = mulberry32;

function cells(rows: number, cols: number, seed = 1): CellLayer {
  const r = rng(seed);
  const c = new Uint8Array(rows * cols);
  for (let q = 0; q < c.length; q++) c[q] = Math.floor(r() * 256);
  const lut = new Uint8Array(1024);
  for (let b = 0; b < 256; b++) lut.set([b, (b * 5) & 255, 255 - b, 255], 4 * b);
  return new CellLayer().setCells(rows, cols, c).setLut(lut);
}

function points(n: number, seed = 2): PointLayer {
  const r = rng(seed);
  const p = new Float32Array(2 * n);
  const c = new Uint8Array(4 * n);
  for (let k = 0; k < n; k++) {
    p[2 * k] = r() * 100;
    p[2 * k + 1] = r() * 100;
    c.set([Math.floor(r() * 256), Math.floor(r() * 256), Math.floor(r() * 256), 160 + Math.floor(r() * 96)], 4 * k);
  }
  return new PointLayer().setPoints(p, c);
}

function lines(n: number, len: number, seed = 3): LineLayer {
  const r = rng(seed);
  const v = new Float32Array(2 * n * len);
  let x = 50;
  let y = 50;
  for (let k = 0; k < n * len; k++) {
    if (k % len === 0) {
      x = r() * 100;
      y = r() * 100;
    }
    x += (r() - 0.5) * 15;
    y += (r() - 0.5) * 15;
    v[2 * k] = x;
    v[2 * k + 1] = y;
  }
  const starts = Uint32Array.from({ length: n }, (_, l) => l * len);
  const c = new Uint8Array(4 * n);
  for (let l = 0; l < n; l++) c.set([Math.floor(r() * 256), Math.floor(r() * 256), Math.floor(r() * 256), 200], 4 * l);
  return new LineLayer().setLines(v, starts, c);
}

const BG = [250, 248, 240, 255] as const;

/** Draws one scene with both renderers; returns both pictures. */
function both(scene: GlScene, size: FrameSize): [ImageData, ImageData] {
  const a = document.createElement('canvas');
  const b = document.createElement('canvas');
  a.width = b.width = size.width;
  a.height = b.height = size.height;
  const gl = b.getContext('webgl', { antialias: false, alpha: false, depth: false, stencil: false })!;
  // The CPU raster snaps vertices to the GL's sub-pixel grid, as the controller sets it up.
  const cpu = new CanvasRenderer(a, gl.getParameter(gl.SUBPIXEL_BITS) as number);
  const webgl = new WebglRenderer(gl);
  try {
    return [cpu.snapshot(scene, size), webgl.snapshot(scene, size)];
  } finally {
    cpu.destroy();
    webgl.destroy();
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

/** Pixels differing by more than `tol` in any channel, and how many non-background pixels there are. */
function diff(a: ImageData, b: ImageData, tol = 1): { differ: number; drawn: number } {
  let differ = 0;
  let drawn = 0;
  for (let p = 0; p < a.data.length; p += 4) {
    let d = 0;
    for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(a.data[p + c] - b.data[p + c]));
    if (d > tol) differ++;
    if (a.data[p] !== BG[0] || a.data[p + 1] !== BG[1] || a.data[p + 2] !== BG[2]) drawn++;
  }
  return { differ, drawn };
}

const scene = (layers: GlScene['layers'], t: GlScene['transform'], width = 160, height = 120): GlScene => ({
  width,
  height,
  pixelRatio: 1,
  background: BG,
  transform: t,
  layers,
});

describe('GL layer: the CPU raster and WebGL draw the same picture', () => {
  it('cells, magnified (each pixel the cell under its centre)', () => {
    const s = scene([cells(13, 17)], { sx: 8.3, sy: 7.1, tx: 5.5, ty: 3 });
    const [a, b] = both(s, { width: 160, height: 120, ratio: 1 });
    const d = diff(a, b, 0);
    expect(d.drawn).to.be.greaterThan(10000);
    expect(d.differ).to.equal(0);
  });

  it('cells, more cells than pixels (each pixel the max of its block, level 0 and pooled levels)', () => {
    for (const [rows, cols, w, h] of [
      [500, 400, 120, 90],
      [3000, 2000, 100, 80],
    ]) {
      const layer = cells(rows, cols, rows);
      const s = scene([layer], { sx: w / cols, sy: h / rows, tx: 0, ty: 0 }, w, h);
      const [a, b] = both(s, { width: w, height: h, ratio: 1 });
      expect(diff(a, b, 0).differ, `${rows} × ${cols}`).to.equal(0);
    }
  });

  it('cells taller than the largest texture (rows continue in side-by-side tiles)', () => {
    const gl = document.createElement('canvas').getContext('webgl')!;
    const max = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    const rows = max + 300;
    const layer = cells(rows, 6, 11);
    // Zoomed onto the rows around the tile boundary, magnified.
    const s = scene([layer], { sx: 20, sy: 4, tx: 0, ty: -(max - 15) * 4 }, 120, 120);
    const [a, b] = both(s, { width: 120, height: 120, ratio: 1 });
    expect(diff(a, b, 0).differ).to.equal(0);
  });

  it('points (circles and squares, translucent, per-point colours)', () => {
    const circles = points(1500);
    circles.size = 5;
    const squares = points(500, 9);
    squares.shape = 'square';
    squares.size = 4;
    const s = scene([circles, squares], { sx: 1.5, sy: 1.1, tx: 5, ty: 4 });
    const [a, b] = both(s, { width: 160, height: 120, ratio: 1 });
    const d = diff(a, b);
    expect(d.drawn).to.be.greaterThan(5000);
    expect(d.differ / d.drawn, `${d.differ} of ${d.drawn} pixels differ`).to.be.lessThan(0.005);
  });

  it('one-pixel squares (the fast path of 10^6-point maps), opaque and translucent', () => {
    const opaque = points(4000, 13);
    opaque.shape = 'square';
    opaque.size = 1;
    for (let k = 3; k < opaque.colors!.length; k += 8) opaque.colors![k] = 255;
    const s = scene([opaque], { sx: 1.5, sy: 1.1, tx: 5, ty: 4 });
    const [a, b] = both(s, { width: 160, height: 120, ratio: 1 });
    const d = diff(a, b);
    expect(d.drawn).to.be.greaterThan(2000);
    expect(d.differ / d.drawn, `${d.differ} of ${d.drawn} pixels differ`).to.be.lessThan(0.005);
  });

  it('two-pixel squares (the 10^6-point benchmark’s size, drawn by the integer loop), opaque and translucent', () => {
    const opaque = points(4000, 14);
    opaque.shape = 'square';
    opaque.size = 2;
    for (let k = 3; k < opaque.colors!.length; k += 8) opaque.colors![k] = 255;
    // A whole-pixel translation, as the tests above use: with a fractional one (5.3, 4.7)
    // SwiftShader puts ~3 % of these pixels elsewhere than the raster's rule does — the same
    // pixels before and after the integer loop (a known difference, not this loop's).
    const s = scene([opaque], { sx: 1.5, sy: 1.1, tx: 5, ty: 4 });
    const [a, b] = both(s, { width: 160, height: 120, ratio: 1 });
    const d = diff(a, b);
    expect(d.drawn).to.be.greaterThan(5000);
    expect(d.differ / d.drawn, `${d.differ} of ${d.drawn} pixels differ`).to.be.lessThan(0.005);
  });

  it('panned points: the shifted cached image equals a fresh raster, and only the edges are recomputed', () => {
    const circles = points(3000, 21);
    circles.size = 5;
    const dots = points(20000, 22);
    dots.shape = 'square';
    dots.size = 2;
    for (const layer of [circles, dots]) {
      const cpu = new CanvasRenderer(document.createElement('canvas'));
      const size = { width: 160, height: 120, ratio: 1 };
      let t = { sx: 1.7, sy: 1.3, tx: -20.37, ty: -15.5 };
      cpu.snapshot(scene([layer], t), size);
      expect(cpu.lastPointPixels).to.equal(160 * 120);
      let prepared = false;
      for (const [dx, dy, prepare] of [
        [12, 5, false],
        [-3, 0, true],
        [0, -7, false],
        [40, 33, false],
        [-9, 2, true],
      ] as const) {
        // Idle time builds the grid that later pans use to visit only the points near the strips.
        if (prepare) cpu.prepare(0);
        prepared ||= prepare;
        t = { ...t, tx: t.tx + dx, ty: t.ty + dy };
        const panned = cpu.snapshot(scene([layer], t), size);
        expect(cpu.lastPointPixels, `pan ${dx}, ${dy}`).to.be.lessThan(160 * 120 * 0.75);
        if (prepared) expect(cpu.lastPointsVisited).to.be.lessThan(layer.count);
        else expect(cpu.lastPointsVisited).to.equal(layer.count);
        const fresh = new CanvasRenderer(document.createElement('canvas')).snapshot(scene([layer], t), size);
        const d = diff(panned, fresh, 0);
        expect(d.drawn).to.be.greaterThan(2000);
        expect(d.differ, `pan ${dx}, ${dy}`).to.equal(0);
      }
      // A fractional pan or a zoom draws from scratch (still the same picture).
      t = { ...t, tx: t.tx + 0.5 };
      cpu.snapshot(scene([layer], t), size);
      expect(cpu.lastPointPixels).to.equal(160 * 120);
      cpu.destroy();
    }
  });

  it('polylines (translucent, per-line colours) over cells', () => {
    const l = lines(40, 25);
    l.width = 2;
    const s = scene([cells(10, 10), l], { sx: 1.5, sy: 1.1, tx: 5, ty: 4 });
    const [a, b] = both(s, { width: 160, height: 120, ratio: 1 });
    const d = diff(a, b);
    expect(d.drawn).to.be.greaterThan(5000);
    expect(d.differ / d.drawn, `${d.differ} of ${d.drawn} pixels differ`).to.be.lessThan(0.005);
  });
});

class GlHost extends LitElement {
  static override properties = { renderer: {} };
  renderer = 'auto';
  layer = cells(40, 40, 5);
  gl = new GlController(this, {
    renderer: () => this.renderer,
    scene: () => ({
      width: 80,
      height: 60,
      pixelRatio: 1,
      background: BG,
      transform: { sx: 2, sy: 1.5, tx: 0, ty: 0 },
      layers: [this.layer],
    }),
  });
  override render() {
    return html`<div>${this.gl.canvas}</div>`;
  }
}
customElements.define('test-gl-host', GlHost);

const drawnCanvas = (el: GlHost) => el.shadowRoot!.querySelector('canvas')!;

describe('GlController', () => {
  afterEach(() => {
    fixtureCleanup();
    resetGlProbes();
  });

  it('skips a frame when nothing drawn changed, and draws again when a layer or the view does', async () => {
    const el = await fixture<GlHost>(html`<test-gl-host renderer="canvas"></test-gl-host>`);
    await el.updateComplete;
    const drawn = el.gl.frames;
    expect(drawn).to.be.greaterThan(0);
    el.requestUpdate(); // e.g. a tooltip or progress bar: same scene
    await el.updateComplete;
    expect(el.gl.frames).to.equal(drawn);
    const lut = new Uint8Array(1024).fill(200);
    el.layer.setLut(lut);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.gl.frames).to.equal(drawn + 1);
    el.renderer = 'webgl'; // a new canvas always draws
    await el.updateComplete;
    expect(el.gl.frames).to.equal(drawn + 2);
  });

  it('auto draws with the CPU raster on software GL (SwiftShader here), quietly', async () => {
    let warned = 0;
    const el = await fixture<GlHost>(html`<test-gl-host @cl-warning=${() => warned++}></test-gl-host>`);
    await el.updateComplete;
    expect(el.gl.activeRenderer).to.equal('canvas');
    expect(el.gl.fallbackReason).to.equal('software');
    expect(drawnCanvas(el).dataset.renderer).to.equal('canvas');
    expect(drawnCanvas(el).width).to.equal(80);
    await nextFrame(2);
    expect(warned).to.equal(0);
  });

  it('renderer="webgl" takes WebGL; switching to canvas swaps the canvas and keeps the picture', async () => {
    const el = await fixture<GlHost>(html`<test-gl-host .renderer=${'webgl'}></test-gl-host>`);
    await el.updateComplete;
    expect(el.gl.activeRenderer).to.equal('webgl');
    expect(drawnCanvas(el).dataset.renderer).to.equal('webgl');
    expect(el.gl.glResources).to.equal(1);
    const glPicture = el.gl.snapshot()!;
    el.renderer = 'canvas';
    await el.updateComplete;
    expect(el.gl.activeRenderer).to.equal('canvas');
    expect(el.shadowRoot!.querySelectorAll('canvas').length).to.equal(1);
    expect(drawnCanvas(el).dataset.renderer).to.equal('canvas');
    expect(diff(glPicture, el.gl.snapshot()!, 0).differ).to.equal(0);
    expect(contextBudget().live).to.equal(0);
  });

  it('a lost context falls back at once (one cl-warning), and a restored one draws with WebGL again', async () => {
    const warnings: string[] = [];
    const el = await fixture<GlHost>(
      html`<test-gl-host
        .renderer=${'webgl'}
        @cl-warning=${(e: CustomEvent) => warnings.push(e.detail.code)}
      ></test-gl-host>`,
    );
    await el.updateComplete;
    const glCanvas = drawnCanvas(el);
    const ext = (glCanvas.getContext('webgl') as WebGLRenderingContext).getExtension('WEBGL_lose_context')!;
    ext.loseContext();
    await oneEvent(el, 'cl-warning');
    await el.updateComplete;
    expect(el.gl.activeRenderer).to.equal('canvas');
    expect(el.gl.fallbackReason).to.equal('context-lost');
    expect(drawnCanvas(el)).to.not.equal(glCanvas);
    const fallbackPicture = el.gl.snapshot()!;
    expect(diff(fallbackPicture, fallbackPicture).drawn).to.be.greaterThan(1000);
    await aTimeout(0);
    const restored = oneEvent(glCanvas, 'webglcontextrestored');
    ext.restoreContext();
    await restored;
    await el.updateComplete;
    expect(el.gl.activeRenderer).to.equal('webgl');
    expect(drawnCanvas(el)).to.equal(glCanvas);
    expect(diff(fallbackPicture, el.gl.snapshot()!, 0).differ).to.equal(0);
    expect(warnings).to.deep.equal(['RENDERER_FALLBACK']);
  });

  it('twenty on a page all draw: WebGL up to the page budget, the CPU raster past it (one warning each)', async () => {
    const warned = new Set<Element>();
    const root = await fixture<HTMLDivElement>(
      html`<div @cl-warning=${(e: Event) => warned.add(e.target as Element)}></div>`,
    );
    const hosts: GlHost[] = [];
    for (let k = 0; k < 20; k++) {
      const el = document.createElement('test-gl-host') as GlHost;
      el.renderer = 'webgl';
      root.append(el);
      hosts.push(el);
    }
    await Promise.all(hosts.map((h) => h.updateComplete));
    const { limit } = contextBudget();
    expect(contextBudget().live).to.equal(limit);
    expect(hosts.filter((h) => h.gl.activeRenderer === 'webgl').length).to.equal(limit);
    const rest = hosts.filter((h) => h.gl.activeRenderer === 'canvas');
    expect(rest.length).to.equal(20 - limit);
    expect(rest.every((h) => h.gl.fallbackReason === 'context-limit')).to.equal(true);
    for (const h of hosts)
      expect(diff(h.gl.snapshot()!, h.gl.snapshot()!).drawn, 'every host draws').to.be.greaterThan(1000);
    await nextFrame(2);
    expect(warned.size).to.equal(20 - limit);
    root.remove();
    expect(contextBudget().live).to.equal(0);
  });

  it('without WebGL, auto and webgl fall back with one cl-warning', async () => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
      if (kind === 'webgl' || kind === 'webgl2' || kind === 'experimental-webgl') return null;
      return (original as (...a: unknown[]) => unknown).call(this, kind, ...rest);
    } as typeof original;
    resetGlProbes();
    try {
      const warnings: string[] = [];
      const el = await fixture<GlHost>(
        html`<test-gl-host
          .renderer=${'webgl'}
          @cl-warning=${(e: CustomEvent) => warnings.push(e.detail.message)}
        ></test-gl-host>`,
      );
      await el.updateComplete;
      await nextFrame(2);
      expect(el.gl.activeRenderer).to.equal('canvas');
      expect(el.gl.fallbackReason).to.equal('unavailable');
      expect(warnings.length).to.equal(1);
      expect(warnings[0]).to.contain('WebGL is not available');
      expect(diff(el.gl.snapshot()!, el.gl.snapshot()!).drawn).to.be.greaterThan(1000);
    } finally {
      HTMLCanvasElement.prototype.getContext = original;
    }
  });

  it('connect/disconnect 40 times leaves no context, listener or GL object behind', async function () {
    // Each cycle makes a context and compiles regl's shaders (slow on SwiftShader under load).
    this.timeout(120_000);
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('test-gl-host') as GlHost;
    el.renderer = 'webgl';
    root.append(el);
    await el.updateComplete;
    el.remove();
    const listeners = countListeners();
    try {
      for (let k = 0; k < 40; k++) {
        root.append(el);
        await el.updateComplete;
        expect(el.gl.activeRenderer).to.equal('webgl');
        el.remove();
      }
      expect(listeners.live).to.equal(0);
      expect(contextBudget().live).to.equal(0);
      expect(el.gl.glResources).to.equal(0);
      expect(el.gl.canvas).to.equal(null);
    } finally {
      listeners.restore();
    }
  });
});

describe('GlController under a strict Content-Security-Policy', () => {
  it("falls back to the CPU raster without a single violation when the page's CSP forbids 'unsafe-eval'", async () => {
    const frame = document.createElement('iframe');
    const violations: string[] = [];
    const fixtureUrl = new URL('./gl-csp-fixture.ts', import.meta.url).pathname;
    frame.srcdoc = `<!doctype html><html><head>
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'">
      <script type="module" src="${fixtureUrl}"></script></head><body></body></html>`;
    await new Promise<void>((resolve) => {
      frame.addEventListener('load', () => {
        frame.contentDocument!.addEventListener('securitypolicyviolation', (e) =>
          violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`),
        );
        resolve();
      });
      document.body.append(frame);
    });
    const win = frame.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('csp-gl-host');
    const warnings: string[] = [];
    const el = win.document.createElement('csp-gl-host') as HTMLElement & {
      gl: GlController;
      updateComplete: Promise<boolean>;
    };
    el.addEventListener('cl-warning', (e) => warnings.push((e as CustomEvent).detail.message));
    win.document.body.append(el);
    await el.updateComplete;
    await nextFrame(2);
    expect(el.gl.activeRenderer).to.equal('canvas');
    expect(el.gl.fallbackReason).to.equal('csp');
    const px = el.gl.snapshot()!;
    expect(px.data[0]).to.equal(200);
    expect(warnings.length).to.equal(1);
    expect(warnings[0]).to.contain('unsafe-eval');
    expect(violations).to.deep.equal([]);
    frame.remove();
  });
});
