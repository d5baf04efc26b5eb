// Page for bench/trajectory-projection.bench.mjs (run by bench/elements/browser.mjs).
//
// 1. A scatter of N points (seeded clusters) drawn by cl-trajectory-projection (CPU raster
//    and WebGL), plain regl points, a canvas ImageData raster, regl-scatterplot and deck.gl's
//    ScatterplotLayer, side by side on the same points in one page: the first frame (data
//    handed over → finished pixels) and a pan frame (view moved → finished pixels). Every
//    timing ends with a pixel read back from the canvas that shows the picture.
// 2. States → final layout: the element projects hidden states with t-SNE in its worker;
//    we record total time, progress reports, intermediate layouts drawn, and every
//    main-thread long task (PerformanceObserver 'longtask': tasks over 50 ms).
import createRegl from 'regl';
import '../../packages/elements/src/trajectory-projection/cl-trajectory-projection.js';
import { ClTrajectoryProjection } from '../../packages/elements/src/trajectory-projection/cl-trajectory-projection.js';
import { frames, median, profile, readPixel, rng } from './page-helpers.js';

interface Params {
  part: 'scatter' | 'project';
  points: number;
  runs: number;
  slowRuns: number;
  pans: number;
  slowPans: number;
  peers: string[];
  states: number[];
  iterations: number;
  /** Sample the main thread's CPU profile while projecting (`--profile`). */
  profile?: boolean;
}

const W = 1000;
const H = 700;

function clusters(n: number): { xy: Float32Array; ep: Float32Array; rgba: Uint8Array } {
  const r = rng(7);
  const xy = new Float32Array(2 * n);
  const ep = new Float32Array(n);
  const rgba = new Uint8Array(4 * n);
  for (let i = 0; i < n; i++) {
    const c = i % 7;
    const a = (c / 7) * 2 * Math.PI;
    const rad = Math.sqrt(-2 * Math.log(r() + 1e-12)) * 0.6;
    const t = 2 * Math.PI * r();
    xy[2 * i] = 4 * Math.cos(a) + rad * Math.cos(t);
    xy[2 * i + 1] = 4 * Math.sin(a) + rad * Math.sin(t);
    ep[i] = c < 3 ? 0.1 + 0.2 * r() : 0.7 + 0.3 * r();
    rgba.set(c < 3 ? [66, 105, 208, 255] : [239, 177, 24, 255], 4 * i);
  }
  return { xy, ep, rgba };
}

function host(): HTMLDivElement {
  const d = document.createElement('div');
  d.style.cssText = `width:${W}px;height:${H}px;position:relative;`;
  document.body.append(d);
  return d;
}

/** A canvas covering a host, at device pixel ratio 1. */
function canvasIn(parent: HTMLElement): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = W;
  c.height = H;
  c.style.cssText = `width:${W}px;height:${H}px;display:block;`;
  parent.append(c);
  return c;
}

interface Timing {
  firstFrameMs: number[];
  panMs: number[];
  /** Pixels that differ from the background after the first frame (checked once, untimed). */
  drawnPixels?: number;
  note?: string;
}

/** Pixels of an RGBA image that are not the background (its first pixel's colour at a corner). */
function countDrawn(data: Uint8Array | Uint8ClampedArray, bg: number[]): number {
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] !== bg[0] || data[i + 1] !== bg[1] || data[i + 2] !== bg[2]) n++;
  }
  return n;
}

function drawn2d(canvas: HTMLCanvasElement): number {
  const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  return countDrawn(d, [d[0], d[1], d[2]]);
}

function drawnGl(canvas: HTMLCanvasElement): number {
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
  const d = new Uint8Array(canvas.width * canvas.height * 4);
  gl.readPixels(0, 0, canvas.width, canvas.height, gl.RGBA, gl.UNSIGNED_BYTE, d);
  return countDrawn(d, [d[0], d[1], d[2]]);
}

const summary = (t: Timing) => ({
  firstFrameMedianMs: t.firstFrameMs.length ? median(t.firstFrameMs) : null,
  panMedianMs: t.panMs.length ? median(t.panMs) : null,
  ...t,
});

// ——— the element ———

async function element(
  data: ReturnType<typeof clusters>,
  renderer: 'canvas' | 'webgl',
  p: Params,
): Promise<Timing & { drawOnlyMs: number[]; active: string }> {
  const first: number[] = [];
  const drawOnly: number[] = [];
  const pans: number[] = [];
  let active = '';
  let drawnPixels = 0;
  for (let run = 0; run < p.runs; run++) {
    const h = host();
    const el = document.createElement('cl-trajectory-projection') as ClTrajectoryProjection;
    el.style.cssText = `width:${W}px;height:${H}px;`;
    el.renderer = renderer;
    el.pointSize = 2;
    el.hideLegend = true;
    h.append(el);
    await el.updateComplete;
    await frames(2);
    const matrix = { rows: data.xy.length / 2, cols: 2, data: data.xy };
    const t0 = performance.now();
    el.points = matrix;
    el.expected = data.ep;
    await el.updateComplete;
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    readPixel(canvas, W >> 1, H >> 1);
    first.push(performance.now() - t0);
    const gl = (el as unknown as { gl: { lastFrameMs: number } }).gl;
    drawOnly.push(gl.lastFrameMs);
    active = el.activeRenderer;
    if (run === 0) {
      const snap = (el as unknown as { gl: { snapshot(): ImageData | null } }).gl.snapshot();
      if (snap) drawnPixels = countDrawn(snap.data, [snap.data[0], snap.data[1], snap.data[2]]);
    }
    if (run === 0) {
      const view = (el as unknown as { view: { panBy(dx: number, dy: number): void } }).view;
      for (let k = 0; k < p.pans; k++) {
        await frames(1);
        const t1 = performance.now();
        view.panBy(k % 2 ? -12 : 12, 5);
        await el.updateComplete;
        readPixel(el.shadowRoot!.querySelector('canvas')!, W >> 1, H >> 1);
        pans.push(performance.now() - t1);
      }
    }
    h.remove();
    await frames(2);
  }
  return { firstFrameMs: first, drawOnlyMs: drawOnly, panMs: pans, active, drawnPixels };
}

// ——— plain regl points ———

async function reglPoints(data: ReturnType<typeof clusters>, p: Params): Promise<Timing> {
  const first: number[] = [];
  const pans: number[] = [];
  let drawnPixels = 0;
  for (let run = 0; run < p.runs; run++) {
    const h = host();
    const canvas = canvasIn(h);
    const t0 = performance.now();
    const regl = createRegl({ canvas, attributes: { antialias: false, preserveDrawingBuffer: false } });
    const position = regl.buffer(data.xy);
    const color = regl.buffer(data.rgba);
    const draw = regl({
      vert: `precision highp float; attribute vec2 position; attribute vec4 color; uniform vec2 scale, offset; varying vec4 c;
        void main() { c = color / 255.0; gl_PointSize = 2.0; gl_Position = vec4(position * scale + offset, 0, 1); }`,
      frag: `precision mediump float; varying vec4 c; void main() { gl_FragColor = c; }`,
      attributes: { position, color },
      uniforms: {
        scale: regl.prop<{ scale: number[] }, 'scale'>('scale'),
        offset: regl.prop<{ offset: number[] }, 'offset'>('offset'),
      },
      count: data.xy.length / 2,
      primitive: 'points',
      depth: { enable: false },
    });
    const s = [0.16, 0.16 * (W / H)];
    regl.clear({ color: [1, 1, 1, 1] });
    draw({ scale: s, offset: [0, 0] });
    readPixel(canvas, W >> 1, H >> 1);
    first.push(performance.now() - t0);
    if (run === 0) drawnPixels = drawnGl(canvas);
    if (run === 0) {
      for (let k = 0; k < p.pans; k++) {
        await frames(1);
        const t1 = performance.now();
        regl.clear({ color: [1, 1, 1, 1] });
        draw({ scale: s, offset: [(k % 2 ? -12 : 12) / W, 5 / H] });
        readPixel(canvas, W >> 1, H >> 1);
        pans.push(performance.now() - t1);
      }
    }
    regl.destroy();
    h.remove();
    await frames(2);
  }
  return { firstFrameMs: first, panMs: pans, drawnPixels };
}

// ——— a canvas ImageData raster (1 × 1 pixel points, no blending) ———

async function imageData(data: ReturnType<typeof clusters>, p: Params): Promise<Timing> {
  const first: number[] = [];
  const pans: number[] = [];
  let drawnPixels = 0;
  const n = data.xy.length / 2;
  const colors = new Uint32Array(data.rgba.buffer, data.rgba.byteOffset, n);
  for (let run = 0; run < p.runs; run++) {
    const h = host();
    const canvas = canvasIn(h);
    const ctx = canvas.getContext('2d')!;
    const draw = (dx: number, dy: number) => {
      const img = ctx.createImageData(W, H);
      const out = new Uint32Array(img.data.buffer);
      out.fill(0xffffffff);
      const s = 0.08 * W;
      for (let i = 0; i < n; i++) {
        const x = (W / 2 + data.xy[2 * i] * s + dx) | 0;
        const y = (H / 2 - data.xy[2 * i + 1] * s + dy) | 0;
        if (x >= 0 && x < W && y >= 0 && y < H) out[y * W + x] = colors[i];
      }
      ctx.putImageData(img, 0, 0);
    };
    const t0 = performance.now();
    draw(0, 0);
    readPixel(canvas, W >> 1, H >> 1);
    first.push(performance.now() - t0);
    if (run === 0) drawnPixels = drawn2d(canvas);
    if (run === 0) {
      for (let k = 0; k < p.pans; k++) {
        await frames(1);
        const t1 = performance.now();
        draw(k % 2 ? -12 : 12, 5);
        readPixel(canvas, W >> 1, H >> 1);
        pans.push(performance.now() - t1);
      }
    }
    h.remove();
    await frames(2);
  }
  return { firstFrameMs: first, panMs: pans, drawnPixels };
}

// ——— regl-scatterplot ———

async function reglScatterplot(data: ReturnType<typeof clusters>, p: Params): Promise<Timing> {
  const { default: createScatterplot } = await import('regl-scatterplot');
  const first: number[] = [];
  const pans: number[] = [];
  let drawnPixels = 0;
  const n = data.xy.length / 2;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = data.xy[2 * i] / 7;
    y[i] = data.xy[2 * i + 1] / 7;
  }
  for (let run = 0; run < p.slowRuns; run++) {
    const h = host();
    const canvas = canvasIn(h);
    const sp = createScatterplot({ canvas, width: W, height: H, pointSize: 2, performanceMode: true });
    const drawn = () => new Promise<void>((resolve) => sp.subscribe('draw', () => resolve(), 1));
    const t0 = performance.now();
    const done = drawn();
    await sp.draw({ x, y });
    await done;
    readPixel(canvas, W >> 1, H >> 1);
    first.push(performance.now() - t0);
    if (run === 0) drawnPixels = drawn2d(canvas);
    if (run === 0) {
      for (let k = 0; k < p.slowPans; k++) {
        await frames(1);
        const t1 = performance.now();
        const next = drawn();
        sp.set({ cameraTarget: [(k % 2 ? -12 : 12) / W, 5 / H] });
        await next;
        readPixel(canvas, W >> 1, H >> 1);
        pans.push(performance.now() - t1);
      }
    }
    sp.destroy();
    h.remove();
    await frames(2);
  }
  return { firstFrameMs: first, panMs: pans, drawnPixels };
}

// ——— deck.gl ScatterplotLayer ———

async function deckgl(data: ReturnType<typeof clusters>, p: Params): Promise<Timing & { afterRenderMs: number[] }> {
  const { Deck, OrthographicView } = await import('@deck.gl/core');
  const { ScatterplotLayer } = await import('@deck.gl/layers');
  const first: number[] = [];
  const afterRender: number[] = [];
  const pans: number[] = [];
  const n = data.xy.length / 2;
  let drawnPixels = 0;
  let verify = false;
  for (let run = 0; run < p.slowRuns; run++) {
    const h = host();
    const canvas = canvasIn(h);
    let onRender: (() => void) | null = null;
    const rendered = () => new Promise<void>((resolve) => (onRender = resolve));
    const layer = new ScatterplotLayer({
      id: 'points',
      data: {
        length: n,
        attributes: { getPosition: { value: data.xy, size: 2 }, getFillColor: { value: data.rgba, size: 4 } },
      },
      radiusUnits: 'pixels',
      getRadius: 1,
      stroked: false,
    });
    const t0 = performance.now();
    let t1 = 0;
    const first$ = rendered();
    const deck = new Deck({
      canvas,
      width: W,
      height: H,
      useDevicePixels: false,
      views: new OrthographicView({}),
      initialViewState: { target: [0, 0, 0], zoom: 6.3 },
      controller: false,
      layers: [layer],
      onAfterRender: () => {
        // Read back inside the callback, before the frame is composited (the drawing
        // buffer is not preserved): this is when the pixels exist.
        if (!t1) t1 = performance.now();
        readPixel(canvas, W >> 1, H >> 1);
        if (verify) drawnPixels = drawnGl(canvas);
        const f = onRender;
        onRender = null;
        f?.();
      },
    });
    await first$;
    first.push(performance.now() - t0);
    afterRender.push(t1 - t0);
    if (run === 0) {
      for (let k = 0; k < p.slowPans; k++) {
        await frames(1);
        const t2 = performance.now();
        const next = rendered();
        deck.setProps({ viewState: { target: [(k % 2 ? -12 : 12) / 80, 5 / 80, 0], zoom: 6.3 } });
        await next;
        pans.push(performance.now() - t2);
      }
    }
    if (run === 0) {
      // Untimed: one more frame at rest, to count the pixels it drew.
      verify = true;
      const last = rendered();
      deck.setProps({ viewState: { target: [0, 0, 0], zoom: 6.3 } });
      await last;
      verify = false;
    }
    deck.finalize();
    h.remove();
    await frames(2);
  }
  return { firstFrameMs: first, afterRenderMs: afterRender, panMs: pans, drawnPixels };
}

// ——— states → final layout ———

async function project(states: Float32Array, rows: number, dims: number, iterations: number, profiled = false) {
  ClTrajectoryProjection.workerUrl = '/projection-worker.js';
  const longTasks: number[] = [];
  /** [start after the states were set, duration] of each long task, in ms. */
  const longTaskAt: [number, number][] = [];
  let t0 = performance.now();
  const h = host();
  const el = document.createElement('cl-trajectory-projection') as ClTrajectoryProjection;
  el.style.cssText = `width:${W}px;height:${H}px;`;
  el.renderer = 'canvas';
  el.hideLegend = true;
  el.iterations = iterations;
  h.append(el);
  await el.updateComplete;
  // Observe from a fresh task: the one that decoded the states (this page's own work) must not count.
  await frames(2);
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longTasks.push(e.duration);
      longTaskAt.push([Math.round(e.startTime - t0), Math.round(e.duration)]);
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  const warnings: string[] = [];
  el.addEventListener('cl-warning', (e) => warnings.push((e as CustomEvent<{ code: string }>).detail.code));
  const progress = new Set<string>();
  let layouts = 0;
  let firstLayoutMs = NaN;
  let lastSample = NaN;
  let maxFrameGap = 0;
  if (profiled) await profile(true);
  t0 = performance.now();
  el.states = { rows, cols: dims, data: states };
  let prev = performance.now();
  while (!el.layoutComplete) {
    await frames(1);
    const now = performance.now();
    maxFrameGap = Math.max(maxFrameGap, now - prev);
    prev = now;
    const bar = el.shadowRoot!.querySelector('[part~="progress"]');
    const v = bar?.getAttribute('aria-valuenow');
    if (v) progress.add(v);
    const pos = el.positions;
    if (pos) {
      if (Number.isNaN(firstLayoutMs)) firstLayoutMs = now - t0;
      const sample = pos.data[0] + pos.data[pos.data.length - 1];
      if (sample !== lastSample) layouts++;
      lastSample = sample;
    }
    if (now - t0 > 1_500_000) break;
  }
  await el.updateComplete;
  readPixel(el.shadowRoot!.querySelector('canvas')!, W >> 1, H >> 1);
  const totalMs = performance.now() - t0;
  const selfTimes = profiled ? (await profile(false)).slice(0, 25) : undefined;
  await frames(2);
  observer.disconnect();
  h.remove();
  return {
    states: rows,
    dims,
    iterations,
    totalMs,
    firstLayoutMs,
    progressValues: progress.size,
    layoutsDrawn: layouts,
    longTasks: longTasks.length,
    longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
    longTaskAt: longTaskAt.slice(0, 50),
    selfTimes,
    maxFrameGapMs: maxFrameGap,
    warnings,
    complete: el.layoutComplete,
  };
}

async function reviewStates(limit: number): Promise<{ data: Float32Array; rows: number; dims: number }> {
  const header = await (await fetch('/data/reviews-steps.json')).json();
  const raw = new Int8Array(await (await fetch('/data/' + header.files.states.path)).arrayBuffer());
  const dims = header.hiddenSize as number;
  const rows = Math.min(limit, raw.length / dims);
  const scale = header.files.states.scale as number;
  const data = new Float32Array(rows * dims);
  for (let i = 0; i < data.length; i++) data[i] = raw[i] * scale;
  return { data, rows, dims };
}

declare global {
  interface Window {
    bench(p: Params): Promise<unknown>;
  }
}

/**
 * The control for the long-task count: for `ms`, a page that only puts a full-size
 * ImageData on a canvas every frame (what any CPU-rastered animation costs the page), and
 * one that does nothing — measured under the same machine load.
 */
async function control(ms: number, draw: boolean) {
  const h = host();
  const c = canvasIn(h);
  const ctx = c.getContext('2d')!;
  const img = ctx.createImageData(W, H);
  const longTasks: number[] = [];
  const o = new PerformanceObserver((l) => {
    for (const e of l.getEntries()) longTasks.push(e.duration);
  });
  o.observe({ type: 'longtask', buffered: false });
  const t0 = performance.now();
  let k = 0;
  while (performance.now() - t0 < ms) {
    await frames(1);
    if (draw) {
      new Uint32Array(img.data.buffer).fill(0xff000000 | (++k * 997));
      ctx.putImageData(img, 0, 0);
    }
  }
  o.disconnect();
  h.remove();
  return { ms, draw, longTasks: longTasks.length, longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0 };
}

window.bench = async (p: Params) => {
  if (p.part === 'project') {
    const controls = [await control(5000, false), await control(5000, true)];
    const projection = [];
    for (const n of p.states) {
      const s = await reviewStates(n);
      projection.push(await project(s.data, s.rows, s.dims, p.iterations, p.profile));
    }
    return { projection, controls };
  }
  const data = clusters(p.points);
  const scatter: Record<string, unknown> = {};
  const attempt = async (name: string, f: () => Promise<unknown>) => {
    if (!p.peers.includes(name)) return;
    try {
      const r = (await f()) as Timing;
      scatter[name] = summary(r);
    } catch (e) {
      scatter[name] = { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
  };
  await attempt('classlens-canvas', () => element(data, 'canvas', p));
  await attempt('classlens-webgl', () => element(data, 'webgl', p));
  await attempt('imagedata', () => imageData(data, p));
  await attempt('regl', () => reglPoints(data, p));
  await attempt('regl-scatterplot', () => reglScatterplot(data, p));
  await attempt('deckgl', () => deckgl(data, p));
  const gl = document.createElement('canvas').getContext('webgl');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  return {
    points: p.points,
    viewport: [W, H],
    glRenderer: gl && info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : null,
    scatter,
  };
};
