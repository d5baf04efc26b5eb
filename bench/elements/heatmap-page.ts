// cl-similarity-heatmap in headless Chromium (software GL: SwiftShader). Run by
// bench/heatmap.bench.mjs, one part per page:
//   'first-frame' — a 2,000² matrix handed over → finished pixels, side by side with regl
//                   alone (an 8-bit texture and a colour table), a plain canvas putImageData
//                   (nearest cell per pixel), Plotly's heatmap and ECharts' heatmap;
//   'pan'         — first frame, zoom frame and pan frames at 2,000² and 10,000²;
//   'scores'      — scores → first ordered frame (similarity in workers + hclust) at 1,000
//                   (the WordNet simulated classifier) and 10,000 classes.
// Every timing ends with a pixel read (getImageData / readPixels / a forced layout).
import '../../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import type { ClSimilarityHeatmap } from '../../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import { hclustAsync, pearsonSimilarityAsync, similarityToDistance } from '@classlens/core';
import createREGL from 'regl';
import { simulateClassifier } from '../../examples/src/simulated-classifier.js';
import { blockMatrix, frames, median, readPixel, rng } from './page-helpers.js';

/** The diverging colour table every contender uses (blue → white → red, 256 entries). */
function colorTable(): Uint8Array {
  const lut = new Uint8Array(1024);
  for (let b = 0; b < 256; b++) {
    const t = b / 255;
    const [r, g, bl] =
      t < 0.5
        ? [33 + (247 - 33) * 2 * t, 102 + (247 - 102) * 2 * t, 172 + (247 - 172) * 2 * t]
        : [247 + (178 - 247) * (2 * t - 1), 247 + (24 - 247) * (2 * t - 1), 247 + (43 - 247) * (2 * t - 1)];
    lut.set([r, g, bl, 255], 4 * b);
  }
  return lut;
}

function box(size: number): HTMLDivElement {
  const d = document.createElement('div');
  d.style.cssText = `width:${size}px;height:${size}px;position:relative`;
  document.body.append(d);
  return d;
}

// ——— contenders ———

/** The element: handed a matrix, until the canvas holds the first frame. Returns [ms, plot size, renderer]. */
async function ours(
  data: Float32Array,
  n: number,
  renderer: 'auto' | 'webgl',
): Promise<{ ms: number; plot: number; active: string }> {
  const el = document.createElement('cl-similarity-heatmap') as ClSimilarityHeatmap;
  el.style.cssText = 'display:block;width:980px;height:900px';
  el.order = 'input';
  el.renderer = renderer;
  document.body.append(el);
  await el.updateComplete;
  await frames(2);
  const t0 = performance.now();
  el.matrix = { rows: n, cols: n, data };
  await el.updateComplete;
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  readPixel(canvas, 1, 1);
  const ms = performance.now() - t0;
  const out = { ms, plot: canvas.width, active: el.activeRenderer };
  el.remove();
  return out;
}

/** The next macrotask (no timer clamp): a Lit update requested now has run by then. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve();
    c.port2.postMessage(0);
  });
}

/**
 * The element with its default order (`cluster`): the first pixels (the input order,
 * drawn while the clustering runs in workers) and the clustered frame.
 */
async function oursCluster(data: Float32Array, n: number): Promise<{ ms: number; orderedMs: number; plot: number }> {
  const el = document.createElement('cl-similarity-heatmap') as ClSimilarityHeatmap;
  el.style.cssText = 'display:block;width:980px;height:900px';
  document.body.append(el);
  await el.updateComplete;
  await frames(2);
  const t0 = performance.now();
  el.matrix = { rows: n, cols: n, data };
  await nextTask();
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  readPixel(canvas, 1, 1);
  const ms = performance.now() - t0;
  if (!el.computing) throw new Error('expected the clustering task to be running after the first frame');
  await el.updateComplete;
  readPixel(el.shadowRoot!.querySelector('canvas')!, 1, 1);
  const orderedMs = performance.now() - t0;
  const out = { ms, orderedMs, plot: canvas.width };
  el.remove();
  return out;
}

/** regl alone: quantize to bytes, upload a luminance texture, draw one quad through the colour table, read a pixel. */
function reglAlone(data: Float32Array, n: number, size: number): { ms: number; pan?: number[] } {
  const host = box(size);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  host.append(canvas);
  const t0 = performance.now();
  const regl = createREGL({ canvas, attributes: { antialias: false, preserveDrawingBuffer: true } });
  const bytes = new Uint8Array(n * n);
  for (let q = 0; q < bytes.length; q++) bytes[q] = Math.round((data[q] + 1) * 127.5);
  const tex = regl.texture({ width: n, height: n, data: bytes, format: 'luminance', min: 'nearest', mag: 'nearest' });
  const lut = regl.texture({ width: 256, height: 1, data: colorTable(), min: 'nearest', mag: 'nearest' });
  const draw = regl({
    vert: `precision highp float; attribute vec2 p; varying vec2 uv; uniform vec2 offset; uniform float zoom;
      void main() { uv = (p * 0.5 + 0.5) / zoom + offset; gl_Position = vec4(p, 0, 1); }`,
    frag: `precision highp float; varying vec2 uv; uniform sampler2D tex, lut;
      void main() { float v = texture2D(tex, vec2(uv.x, 1.0 - uv.y)).r; gl_FragColor = texture2D(lut, vec2(v * 255.0 / 256.0 + 0.5 / 256.0, 0.5)); }`,
    attributes: { p: [-1, -1, 1, -1, -1, 1, -1, 1, 1, -1, 1, 1] },
    uniforms: {
      tex,
      lut,
      offset: regl.prop<{ offset: number[] }, 'offset'>('offset'),
      zoom: regl.prop<{ zoom: number }, 'zoom'>('zoom'),
    },
    count: 6,
  });
  draw({ offset: [0, 0], zoom: 1 });
  regl.read({ x: 0, y: 0, width: 1, height: 1 });
  const ms = performance.now() - t0;
  const pan: number[] = [];
  for (let k = 0; k < 10; k++) {
    const t1 = performance.now();
    draw({ offset: [0.3 + k * 0.003, 0.3], zoom: 4 });
    regl.read({ x: 0, y: 0, width: 1, height: 1 });
    pan.push(performance.now() - t1);
  }
  regl.destroy();
  host.remove();
  return { ms, pan };
}

/** A plain canvas: each pixel the nearest cell through the colour table, one putImageData. */
function plainCanvas(data: Float32Array, n: number, size: number): { ms: number } {
  const host = box(size);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  host.append(canvas);
  const t0 = performance.now();
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(size, size);
  const px = new Uint32Array(img.data.buffer);
  const lut8 = colorTable();
  const lut = new Uint32Array(256);
  for (let b = 0; b < 256; b++) lut[b] = (255 << 24) | (lut8[4 * b + 2] << 16) | (lut8[4 * b + 1] << 8) | lut8[4 * b];
  for (let Y = 0; Y < size; Y++) {
    const row = Math.floor(((Y + 0.5) * n) / size) * n;
    for (let X = 0; X < size; X++)
      px[Y * size + X] = lut[Math.round((data[row + Math.floor(((X + 0.5) * n) / size)] + 1) * 127.5)];
  }
  ctx.putImageData(img, 0, 0);
  ctx.getImageData(0, 0, 1, 1);
  const ms = performance.now() - t0;
  host.remove();
  return { ms };
}

type Plotly = {
  newPlot(el: HTMLElement, data: unknown[], layout: unknown, config: unknown): Promise<unknown>;
  purge(el: HTMLElement): void;
};

/** Plotly's heatmap (its canvas image trace), until newPlot resolves and the plot is laid out. */
async function plotly(data: Float32Array, n: number, size: number): Promise<{ ms: number }> {
  const Plotly = ((await import('plotly.js-dist-min')) as unknown as { default: Plotly }).default;
  const host = box(size);
  const t0 = performance.now();
  const z: Float32Array[] = [];
  for (let i = 0; i < n; i++) z.push(data.subarray(i * n, (i + 1) * n));
  await Plotly.newPlot(
    host,
    [{ z, type: 'heatmap', zmin: -1, zmax: 1, colorscale: 'RdBu', reversescale: true, showscale: false }],
    {
      width: size,
      height: size,
      margin: { l: 0, r: 0, t: 0, b: 0 },
      xaxis: { visible: false },
      yaxis: { visible: false },
    },
    { staticPlot: true },
  );
  host.getBoundingClientRect();
  const ms = performance.now() - t0;
  Plotly.purge(host);
  host.remove();
  return { ms };
}

/** ECharts' heatmap series (n² [x, y, v] items), rendered at once (progressive off) until 'finished'. */
async function echarts(data: Float32Array, n: number, size: number): Promise<{ ms: number }> {
  const ec = (await import('echarts')) as unknown as {
    init(
      el: HTMLElement,
      theme: null,
      o: { renderer: string; width: number; height: number },
    ): {
      setOption(o: unknown): void;
      on(e: string, f: () => void): void;
      dispose(): void;
    };
  };
  const host = box(size);
  const t0 = performance.now();
  const items: [number, number, number][] = new Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) items[i * n + j] = [j, i, data[i * n + j]];
  const chart = ec.init(host, null, { renderer: 'canvas', width: size, height: size });
  const done = new Promise<void>((resolve) => chart.on('finished', resolve));
  const cats = Array.from({ length: n }, (_, i) => i);
  chart.setOption({
    animation: false,
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'category', data: cats, show: false },
    yAxis: { type: 'category', data: cats, show: false },
    visualMap: { min: -1, max: 1, show: false, inRange: { color: ['#2166ac', '#f7f7f7', '#b2182b'] } },
    series: [{ type: 'heatmap', data: items, progressive: 0 }],
  });
  await done;
  readPixel(host.querySelector('canvas')!, 1, 1);
  const ms = performance.now() - t0;
  chart.dispose();
  host.remove();
  return { ms };
}

// ——— parts ———

async function attempt<T>(f: () => Promise<T> | T): Promise<T | { error: string }> {
  try {
    return await f();
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

async function firstFrame(p: { n: number; runs: number; slowRuns: number; peers: string[] }) {
  const data = blockMatrix(p.n, 7);
  const probe = await ours(data, p.n, 'auto');
  const size = probe.plot;
  const out: Record<string, unknown> = { n: p.n, plotPx: size };
  const runs = async (name: string, k: number, f: () => Promise<{ ms: number }> | { ms: number }) => {
    const rs: number[] = [];
    const ordered: number[] = [];
    let extra: Record<string, unknown> = {};
    for (let i = 0; i < k; i++) {
      const r = await attempt(f);
      if ('error' in r) {
        out[name] = { error: r.error };
        return;
      }
      rs.push(r.ms);
      if ('orderedMs' in r) ordered.push(r.orderedMs as number);
      extra = { ...r, ms: undefined };
      await frames(2);
    }
    out[name] = {
      medianMs: median(rs),
      runsMs: rs,
      ...extra,
      ...(ordered.length ? { orderedMs: median(ordered), orderedRunsMs: ordered } : {}),
    };
  };
  // Alternating contenders, each several runs, in one page.
  await runs('classlens-auto', p.runs, () => ours(data, p.n, 'auto'));
  await runs('classlens-webgl', p.runs, () => ours(data, p.n, 'webgl'));
  // order="cluster" (the default): first pixels in input order, then the clustered frame.
  await runs('classlens-auto-cluster', p.slowRuns, () => oursCluster(data, p.n));
  await runs('regl', p.runs, () => reglAlone(data, p.n, size));
  await runs('canvas-putImageData', p.runs, () => plainCanvas(data, p.n, size));
  if (p.peers.includes('plotly')) await runs('plotly', p.slowRuns, () => plotly(data, p.n, size));
  if (p.peers.includes('echarts')) await runs('echarts', 1, () => echarts(data, p.n, size));
  return out;
}

/** First frame, then zoom and pan frames of one element (auto renderer), driven like a user. */
async function panFrames(p: { n: number; pans: number; renderer: 'auto' | 'webgl' }) {
  const data = blockMatrix(p.n, 11);
  // The first element of a fresh page also pays for compiling the element's code: timed
  // apart (cold), then the element below (warm) is the first frame a page sees after that.
  const cold = await ours(data, p.n, p.renderer);
  await frames(2);
  const el = document.createElement('cl-similarity-heatmap') as ClSimilarityHeatmap;
  el.style.cssText = 'display:block;width:980px;height:900px';
  el.order = 'input';
  el.renderer = p.renderer;
  document.body.append(el);
  await el.updateComplete;
  await frames(2);
  const t0 = performance.now();
  el.matrix = { rows: p.n, cols: p.n, data };
  await el.updateComplete;
  const canvas = () => el.shadowRoot!.querySelector('canvas')!;
  readPixel(canvas(), 1, 1);
  const first = performance.now() - t0;
  const plot = el.shadowRoot!.querySelector<HTMLElement>('[part~="plot"]')!;
  const b = plot.getBoundingClientRect();
  // Zoom frames: 1.25× steps around the centre (the block maxima are recomputed).
  const zooms: number[] = [];
  for (let k = 0; k < 6; k++) {
    const t1 = performance.now();
    el.zoomBy(1.25);
    await el.updateComplete;
    readPixel(canvas(), 1, 1);
    zooms.push(performance.now() - t1);
  }
  // Pan frames: a drag in 6-pixel steps (the cached reduced image is re-blitted).
  const pans: number[] = [];
  const at = { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  plot.dispatchEvent(
    new PointerEvent('pointerdown', {
      bubbles: true,
      composed: true,
      pointerId: 1,
      button: 0,
      clientX: at.x,
      clientY: at.y,
    }),
  );
  for (let k = 1; k <= p.pans; k++) {
    const dx = (k % 20 < 10 ? -6 : 6) * k;
    const t1 = performance.now();
    plot.dispatchEvent(
      new PointerEvent('pointermove', {
        bubbles: true,
        composed: true,
        pointerId: 1,
        clientX: at.x + dx,
        clientY: at.y + dx / 2,
      }),
    );
    await el.updateComplete;
    readPixel(canvas(), 1, 1);
    pans.push(performance.now() - t1);
    await frames(1);
  }
  plot.dispatchEvent(
    new PointerEvent('pointerup', { bubbles: true, composed: true, pointerId: 1, clientX: at.x, clientY: at.y }),
  );
  const out = {
    n: p.n,
    renderer: el.activeRenderer,
    plotPx: canvas().width,
    firstFrameMs: first,
    coldFirstFrameMs: cold.ms,
    zoomFrameMedianMs: median(zooms),
    zoomFramesMs: zooms,
    panFrameMedianMs: median(pans),
    panFrameP90Ms: [...pans].sort((x, y) => x - y)[Math.floor(pans.length * 0.9)],
    zoom: el.viewport.zoom,
  };
  el.remove();
  return out;
}

/** n samples × m classes of logits with m/25 correlated class blocks. */
function blockLogits(n: number, m: number, seed: number): Float32Array {
  const r = rng(seed);
  const blocks = Math.max(2, Math.round(m / 25));
  const out = new Float32Array(n * m);
  const f = new Float32Array(blocks);
  for (let i = 0; i < n; i++) {
    for (let b = 0; b < blocks; b++) f[b] = r() * 2 - 1;
    for (let j = 0; j < m; j++) out[i * m + j] = 2 * f[((j * blocks) / m) | 0] + (r() - 0.5);
  }
  return out;
}

async function scoresToOrdered(p: { sizes: { classes: number; samples: number }[] }) {
  const out: unknown[] = [];
  for (const s of p.sizes) {
    let scores: { rows: number; cols: number; data: Float32Array };
    let source: string;
    if (s.classes === 1000) {
      const h = await (await fetch('/data/wordnet-classes.json')).json();
      scores = simulateClassifier(h, { samples: s.samples, seed: 1 }).logits;
      source = 'simulated WordNet classifier (examples/src)';
    } else {
      scores = { rows: s.samples, cols: s.classes, data: blockLogits(s.samples, s.classes, 3) };
      source = 'generated block logits';
    }
    const r = await attempt(async () => {
      // Core alone, same inputs: the similarity and the clustering.
      const c0 = performance.now();
      const sim = await pearsonSimilarityAsync(scores);
      const c1 = performance.now();
      const tree = await hclustAsync(similarityToDistance(sim), { linkage: 'complete', nan: 'max' });
      const c2 = performance.now();
      void tree;
      const el = document.createElement('cl-similarity-heatmap') as ClSimilarityHeatmap;
      el.style.cssText = 'display:block;width:980px;height:900px';
      document.body.append(el);
      await el.updateComplete;
      await frames(2);
      const progress: number[] = [];
      const t0 = performance.now();
      el.scores = scores;
      const bar = setInterval(() => {
        const v = el.shadowRoot?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
        if (v != null) progress.push(Number(v));
      }, 50);
      await el.updateComplete;
      clearInterval(bar);
      readPixel(el.shadowRoot!.querySelector('canvas')!, 1, 1);
      const ms = performance.now() - t0;
      const ordered = el.tree !== null;
      el.remove();
      return {
        classes: s.classes,
        samples: s.samples,
        source,
        ms,
        ordered,
        progressValues: new Set(progress).size,
        coreSimilarityMs: c1 - c0,
        coreHclustMs: c2 - c1,
      };
    });
    out.push(r);
  }
  return out;
}

function glInfo(): string {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return 'none';
  const i = gl.getExtension('WEBGL_debug_renderer_info');
  const s = String(i ? gl.getParameter(i.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return s;
}

declare global {
  interface Window {
    bench: (p: Record<string, unknown>) => Promise<unknown>;
  }
}

window.bench = async (p: Record<string, unknown>) => {
  const gl = glInfo();
  if (p.part === 'first-frame') return { gl, ...(await firstFrame(p as never)) };
  if (p.part === 'pan') {
    const sizes = p.sizes as number[];
    const out = [];
    for (const n of sizes)
      out.push(
        await attempt(() => panFrames({ n, pans: p.pans as number, renderer: (p.renderer as 'auto') ?? 'auto' })),
      );
    return { gl, pan: out };
  }
  if (p.part === 'scores') return { gl, scores: await scoresToOrdered(p as never) };
  throw new Error(`unknown part ${String(p.part)}`);
};
