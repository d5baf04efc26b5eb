// cl-trend-grid in the browser at 1,000 classes × 10 versions (the target: first
// frame ≤ 200 ms): time to the first laid-out frame from raw truth + predictions (core's
// classAccuracyTrends over 10^5 items) and from precomputed series; hover-to-tooltip
// latency; the work per scroll step and the frame intervals while scrolling. The
// reference is the same grid with every cell rendered (an element as tall as its grid,
// so nothing is virtualised away). Run by bench/chain-trend.bench.mjs.
import '../../packages/elements/src/trend-grid/cl-trend-grid.js';
import type { ClTrendGrid, TrendSeries } from '../../packages/elements/src/trend-grid/cl-trend-grid.js';
import { forceLayout, frames, mainThreadMs, median, percentile, rng } from './page-helpers.js';

/** n items over `classes` classes and `versions` predictions, each version a little better on average. */
function predictions(classes: number, perClass: number, versions: number, seed: number) {
  const r = rng(seed);
  const n = classes * perClass;
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) truth[i] = i % classes;
  const skill = Array.from({ length: classes }, () => 0.5 + 0.4 * r());
  const drift = Array.from({ length: classes }, () => (r() - 0.4) * 0.04);
  const preds: Record<string, Int32Array> = {};
  for (let v = 0; v < versions; v++) {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = truth[i];
      const acc = Math.min(0.99, Math.max(0.05, skill[c] + drift[c] * v + (r() - 0.5) * 0.02));
      p[i] = r() < acc ? c : (c + 1 + Math.floor(r() * (classes - 1))) % classes;
    }
    preds[`v${v}`] = p;
  }
  const classNames = Array.from({ length: classes }, (_, c) => `class ${String(c).padStart(4, '0')}`);
  return { truth, preds, classNames };
}

function series(classes: number, versions: number, seed: number): TrendSeries[] {
  const r = rng(seed);
  return Array.from({ length: classes }, (_, c) => {
    let v = 0.5 + 0.4 * r();
    return {
      class: `class ${String(c).padStart(4, '0')}`,
      values: Array.from({ length: versions }, () => (v = Math.min(1, Math.max(0, v + (r() - 0.45) * 0.05)))),
      support: 20 + Math.floor(r() * 400),
    };
  });
}

async function drawn(el: ClTrendGrid) {
  for (let k = 0; k < 600; k++) {
    await el.updateComplete;
    if (el.shadowRoot!.querySelector('[part~="cell"]')) {
      forceLayout(el);
      return;
    }
    await frames(1);
  }
  throw new Error('bench: the grid never drew');
}

async function firstFrame(set: (el: ClTrendGrid) => void, height: string, runs: number) {
  const times: number[] = [];
  const cpu: number[] = [];
  const hovers: number[] = [];
  let cells = 0;
  for (let k = 0; k < runs; k++) {
    const el = document.createElement('cl-trend-grid') as ClTrendGrid;
    el.style.cssText = `display:block;width:1100px;height:${height}`;
    document.body.append(el);
    await frames(2);
    const c0 = await mainThreadMs();
    const t0 = performance.now();
    set(el);
    await drawn(el);
    times.push(performance.now() - t0);
    cpu.push((await mainThreadMs()) - c0);
    cells = el.shadowRoot!.querySelectorAll('[part~="cell"]').length;
    const marks = el.shadowRoot!.querySelectorAll('[part~="cell"]');
    for (let h = 0; h < 5; h++) {
      const t1 = performance.now();
      marks[(h * 7) % marks.length].dispatchEvent(new PointerEvent('pointerenter'));
      await el.updateComplete;
      el.shadowRoot!.querySelector('[part~="tooltip"]')?.getBoundingClientRect();
      hovers.push(performance.now() - t1);
    }
    el.remove();
    await frames(1);
  }
  return {
    firstFrameMs: median(times),
    firstFrameCpuMs: median(cpu),
    runsMs: times,
    hoverMs: median(hovers),
    cellsRendered: cells,
  };
}

/** Scrolls through the whole grid in steps of 120 px, one step per animation frame. */
async function scroll(data: TrendSeries[], versions: string[]) {
  const el = document.createElement('cl-trend-grid') as ClTrendGrid;
  el.style.cssText = 'display:block;width:1100px;height:700px';
  document.body.append(el);
  el.series = data;
  el.versions = versions;
  await drawn(el);
  const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
  // The machine's frame interval with nothing to do, for reference (headless Chromium on a
  // loaded machine rarely keeps 16.7 ms).
  const idle: number[] = [];
  let prev = 0;
  await new Promise<void>((resolve) => {
    const tick = (ts: number) => {
      if (prev) idle.push(ts - prev);
      prev = ts;
      if (idle.length < 30) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  const steps: number[] = [];
  const intervals: number[] = [];
  let last = 0;
  await new Promise<void>((resolve) => {
    const step = async (ts: number) => {
      if (last) intervals.push(ts - last);
      last = ts;
      const t0 = performance.now();
      scroller.scrollTop += 120;
      scroller.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      forceLayout(el);
      steps.push(performance.now() - t0);
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) resolve();
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  const out = {
    steps: steps.length,
    stepMedianMs: median(steps),
    stepP95Ms: percentile(steps, 95),
    stepMaxMs: Math.max(...steps),
    frameIntervalMedianMs: median(intervals),
    frameIntervalP95Ms: percentile(intervals, 95),
    idleFrameIntervalMedianMs: median(idle),
    cellsRendered: el.shadowRoot!.querySelectorAll('[part~="cell"]').length,
  };
  el.remove();
  return out;
}

/** The same scroll loop over a plain tall div: what scrolling costs here with no grid at all. */
async function plainScroll(height: number) {
  const box = document.createElement('div');
  box.style.cssText = 'width:1100px;height:700px;overflow-y:auto';
  const inner = document.createElement('div');
  inner.style.cssText = `height:${height}px;background:linear-gradient(#fff,#eee)`;
  box.append(inner);
  document.body.append(box);
  await frames(2);
  const intervals: number[] = [];
  let last = 0;
  await new Promise<void>((resolve) => {
    const step = (ts: number) => {
      if (last) intervals.push(ts - last);
      last = ts;
      box.scrollTop += 120;
      box.getBoundingClientRect();
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) resolve();
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  box.remove();
  return { frameIntervalMedianMs: median(intervals), frameIntervalP95Ms: percentile(intervals, 95) };
}

declare global {
  interface Window {
    bench: (p: { classes: number; versions: number; perClass: number; runs: number }) => Promise<unknown>;
  }
}
window.bench = async ({ classes, versions, perClass, runs }) => {
  const raw = predictions(classes, perClass, versions, 5);
  const s = series(classes, versions, 9);
  const names = Array.from({ length: versions }, (_, v) => `v${v}`);
  const fromPredictions = await firstFrame(
    (el) => {
      el.classes = raw.classNames;
      el.truth = raw.truth;
      el.predictions = raw.preds;
    },
    '700px',
    runs,
  );
  const fromSeries = await firstFrame(
    (el) => {
      el.series = s;
      el.versions = names;
    },
    '700px',
    runs,
  );
  // Reference: every cell rendered (a grid as tall as all its rows: nothing virtualised away).
  const rows = Math.ceil(classes / 6);
  const allCells = await firstFrame(
    (el) => {
      el.series = s;
      el.versions = names;
    },
    `${rows * 104 + 120}px`,
    Math.max(3, runs - 2),
  );
  return {
    classes,
    versions,
    items: classes * perClass,
    fromPredictions,
    fromSeries,
    allCellsRendered: allCells,
    scroll: await scroll(s, names),
    plainScroll: await plainScroll(Math.ceil(classes / 6) * 104),
  };
};
