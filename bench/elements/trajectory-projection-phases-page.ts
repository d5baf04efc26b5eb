// Page for bench/trajectory-projection-phases.mjs: where the CPU raster's first frame and
// pan frame of 10^6 points spend their time, phase by phase, in wall time and in the main
// thread's CPU time (CDP thread ticks, which a loaded machine does not inflate).
import '../../packages/elements/src/trajectory-projection/cl-trajectory-projection.js';
import type { ClTrajectoryProjection } from '../../packages/elements/src/trajectory-projection/cl-trajectory-projection.js';
import { CanvasRenderer } from '../../packages/elements/src/internal/gl/index.js';
import { frames, mainThreadMs, median, profile, readPixel, rng } from './page-helpers.js';

interface Params {
  points: number;
  runs: number;
  pans: number;
  pointSize: number;
}

const W = 1000;
const H = 700;

function clusters(n: number): { xy: Float32Array; ep: Float32Array } {
  const r = rng(7);
  const xy = new Float32Array(2 * n);
  const ep = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 7;
    const a = (c / 7) * 2 * Math.PI;
    const rad = Math.sqrt(-2 * Math.log(r() + 1e-12)) * 0.6;
    const t = 2 * Math.PI * r();
    xy[2 * i] = 4 * Math.cos(a) + rad * Math.cos(t);
    xy[2 * i + 1] = 4 * Math.sin(a) + rad * Math.sin(t);
    ep[i] = c < 3 ? 0.1 + 0.2 * r() : 0.7 + 0.3 * r();
  }
  return { xy, ep };
}

/** Wraps `obj[name]` to add its wall time to `acc[label]`. */
function wrap(obj: Record<string, unknown>, name: string, label: string, acc: Record<string, number>) {
  const f = obj[name] as (...a: unknown[]) => unknown;
  if (typeof f !== 'function') return;
  obj[name] = function (this: unknown, ...a: unknown[]) {
    const t0 = performance.now();
    try {
      return f.apply(this, a);
    } finally {
      acc[label] = (acc[label] ?? 0) + performance.now() - t0;
    }
  };
}

declare global {
  interface Window {
    bench(p: Params): Promise<unknown>;
  }
}

window.bench = async (p: Params) => {
  const data = clusters(p.points);
  const acc: Record<string, number> = {};
  const proto = customElements.get('cl-trajectory-projection')!.prototype as Record<string, unknown>;
  for (const m of ['willUpdate', 'readInput', 'recolor', 'fillPositions', 'setLayout', 'render', 'updated'])
    wrap(proto, m, m, acc);
  const cr = CanvasRenderer.prototype as unknown as Record<string, unknown>;
  wrap(cr, 'compose', 'raster.compose', acc);
  wrap(cr, 'draw', 'raster.draw (compose + put)', acc);
  const firsts: Record<string, number>[] = [];
  const pans: Record<string, number>[] = [];
  let firstProfile: unknown = null;
  let panProfile: unknown = null;
  for (let run = 0; run < p.runs; run++) {
    const host = document.createElement('div');
    host.style.cssText = `width:${W}px;height:${H}px;position:relative;`;
    document.body.append(host);
    const el = document.createElement('cl-trajectory-projection') as ClTrajectoryProjection;
    el.style.cssText = `width:${W}px;height:${H}px;`;
    el.renderer = 'canvas';
    el.pointSize = p.pointSize;
    el.hideLegend = true;
    host.append(el);
    await el.updateComplete;
    await frames(2);
    for (const k of Object.keys(acc)) delete acc[k];
    const profiled = run === p.runs - 1;
    if (profiled) await profile(true);
    const c0 = await mainThreadMs();
    const t0 = performance.now();
    el.points = { rows: data.xy.length / 2, cols: 2, data: data.xy };
    el.expected = data.ep;
    await el.updateComplete;
    readPixel(el.shadowRoot!.querySelector('canvas')!, W >> 1, H >> 1);
    const wall = performance.now() - t0;
    const cpu = (await mainThreadMs()) - c0;
    if (profiled) firstProfile = (await profile(false)).slice(0, 25);
    firsts.push({ wall, cpu, ...acc });
    if (run === 0) {
      await profile(true);
      const view = (el as unknown as { view: { panBy(dx: number, dy: number): void } }).view;
      for (let k = 0; k < p.pans; k++) {
        await frames(1);
        for (const key of Object.keys(acc)) delete acc[key];
        const c1 = await mainThreadMs();
        const t1 = performance.now();
        view.panBy(k % 2 ? -12 : 12, 5);
        await el.updateComplete;
        readPixel(el.shadowRoot!.querySelector('canvas')!, W >> 1, H >> 1);
        const w = performance.now() - t1;
        const r = (el as unknown as { gl: { renderer: { lastPointPixels?: number } } }).gl.renderer;
        pans.push({ wall: w, cpu: (await mainThreadMs()) - c1, ...acc, pointPixels: r.lastPointPixels ?? NaN });
      }
      panProfile = (await profile(false)).slice(0, 25);
    }
    host.remove();
    await frames(2);
  }
  const med = (rows: Record<string, number>[]) => {
    const keys = new Set(rows.flatMap((r) => Object.keys(r)));
    return Object.fromEntries([...keys].map((k) => [k, +median(rows.map((r) => r[k] ?? 0)).toFixed(1)]));
  };
  return { first: med(firsts), pan: med(pans), firstRuns: firsts, panRuns: pans, firstProfile, panProfile };
};
