// cl-metrics-treemap and cl-agreement-table in the browser (run by bench/treemap-table.bench.mjs):
//  - treemap first frame at 10^6 items × 3 models × 100 classes, with its core and layout
//    shares, against a plain d3 pipeline (Map rollup → d3.hierarchy → d3.treemap → SVG);
//  - table first frame at 10^5 rows, against a plain DOM table of every row;
//  - table scrolling at 10^5 rows: p95 frame time over a scripted scroll;
//  - table re-filter latency at 10^6 items (query → rows drawn), with core's filterItems share.
import '../../packages/elements/src/metrics-treemap/cl-metrics-treemap.js';
import '../../packages/elements/src/agreement-table/cl-agreement-table.js';
import type { ClMetricsTreemap } from '../../packages/elements/src/metrics-treemap/cl-metrics-treemap.js';
import type {
  ClAgreementTable,
  AgreementQuery,
} from '../../packages/elements/src/agreement-table/cl-agreement-table.js';
import { filterItems, metricsHierarchy, type MetricsNode } from '@classlens/core';
import { hierarchy, treemap, treemapSquarify, type HierarchyNode } from 'd3-hierarchy';
import { forceLayout, frames, mainThreadMs, median, percentile, rng } from './page-helpers.js';

interface Data {
  classes: string[];
  truth: Int32Array;
  preds: Record<string, Int32Array>;
  score: Float64Array;
}

function data(n: number, m: number, seed: number): Data {
  const r = rng(seed);
  const truth = new Int32Array(n);
  const preds = { A: new Int32Array(n), B: new Int32Array(n), C: new Int32Array(n) };
  const score = new Float64Array(n);
  const acc = [0.9, 0.8, 0.7];
  for (let i = 0; i < n; i++) {
    // Skewed class sizes, as real data has.
    const t = Math.min(m - 1, Math.floor(m * r() * r()));
    truth[i] = t;
    preds.A[i] = r() < acc[0] ? t : Math.floor(r() * m);
    preds.B[i] = r() < acc[1] ? t : Math.floor(r() * m);
    preds.C[i] = r() < acc[2] ? t : Math.floor(r() * m);
    score[i] = r();
  }
  return { classes: Array.from({ length: m }, (_, c) => `class ${c}`), truth, preds, score };
}

async function until(check: () => boolean, el: { updateComplete: Promise<boolean> }) {
  for (let k = 0; k < 2000; k++) {
    await el.updateComplete;
    if (check()) return;
    await frames(1);
  }
  throw new Error('bench: never drew');
}

function host<T extends HTMLElement>(tag: string, w: number, h: number): T {
  const el = document.createElement(tag) as T;
  el.style.cssText = `display:block;width:${w}px;height:${h}px`;
  document.body.append(el);
  return el;
}

async function treemapFirstFrame(d: Data, runs: number) {
  const times: number[] = [];
  const cpu: number[] = [];
  let cells = 0;
  for (let k = 0; k < runs; k++) {
    const el = host<ClMetricsTreemap>('cl-metrics-treemap', 1100, 700);
    await frames(2);
    const c0 = await mainThreadMs();
    const t0 = performance.now();
    el.classes = d.classes;
    el.predictions = d.preds;
    el.truth = d.truth;
    await until(() => !!el.shadowRoot!.querySelector('[part~="cell"]'), el);
    forceLayout(el);
    times.push(performance.now() - t0);
    cpu.push((await mainThreadMs()) - c0);
    cells = el.shadowRoot!.querySelectorAll('[part~="cell"]').length;
    el.remove();
    await frames(1);
  }
  // Shares: core's tree alone, and d3-hierarchy's layout of that tree alone.
  const core: number[] = [];
  const layout: number[] = [];
  const coreCpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = await mainThreadMs();
    const t0 = performance.now();
    const root = metricsHierarchy(d.truth, d.preds, { classes: d.classes });
    core.push(performance.now() - t0);
    coreCpu.push((await mainThreadMs()) - c0);
    const t1 = performance.now();
    treemap<MetricsNode>().tile(treemapSquarify).size([1100, 640]).paddingInner(2)(
      hierarchy(root).sum((x) => x.value ?? 0),
    );
    layout.push(performance.now() - t1);
  }
  return {
    firstFrameMs: median(times),
    runs: times,
    cpuMs: median(cpu),
    cells,
    coreMs: median(core),
    coreCpuMs: median(coreCpu),
    d3LayoutMs: median(layout),
  };
}

/** The plain-d3 way: group items with Maps, d3.hierarchy + d3.treemap, one SVG rect per leaf. */
async function d3Peer(d: Data, runs: number) {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const div = host<HTMLDivElement>('div', 1100, 700);
    await frames(2);
    const c0 = await mainThreadMs();
    const t0 = performance.now();
    const models = Object.keys(d.preds);
    const root = new Map<number, Map<string, number>>();
    for (let i = 0; i < d.truth.length; i++) {
      const t = d.truth[i];
      let key = '';
      for (const m of models) key += d.preds[m][i] === t ? '1' : '0';
      let byClass = root.get(t);
      if (!byClass) root.set(t, (byClass = new Map()));
      byClass.set(key, (byClass.get(key) ?? 0) + 1);
    }
    type N = { name: string; value?: number; children?: N[] };
    const tree: N = {
      name: 'all',
      children: [...root].map(([t, m]) => ({
        name: d.classes[t],
        children: [...m].map(([name, value]) => ({ name, value })),
      })),
    };
    const laid = treemap<N>().size([1100, 700]).paddingInner(2).paddingTop(14)(
      hierarchy(tree).sum((x) => x.value ?? 0),
    );
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '1100');
    svg.setAttribute('height', '700');
    laid.leaves().forEach((l: HierarchyNode<N> & { x0?: number; y0?: number; x1?: number; y1?: number }) => {
      const r = document.createElementNS(ns, 'rect');
      r.setAttribute('x', String(l.x0));
      r.setAttribute('y', String(l.y0));
      r.setAttribute('width', String(l.x1! - l.x0!));
      r.setAttribute('height', String(l.y1! - l.y0!));
      r.setAttribute('fill', '#4269d0');
      svg.append(r);
    });
    div.append(svg);
    forceLayout(div);
    times.push(performance.now() - t0);
    cpu.push((await mainThreadMs()) - c0);
    div.remove();
  }
  return { firstFrameMs: median(times), runs: times, cpuMs: median(cpu) };
}

async function tableFirstFrame(d: Data, runs: number) {
  const items = Array.from({ length: d.truth.length }, (_, i) => ({ id: `row-${i}` }));
  const times: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const el = host<ClAgreementTable>('cl-agreement-table', 1100, 700);
    await frames(2);
    const c0 = await mainThreadMs();
    const t0 = performance.now();
    Object.assign(el, { classes: d.classes, predictions: d.preds, items, columns: { score: d.score }, truth: d.truth });
    await until(() => !!el.shadowRoot!.querySelector('[part~="row"]'), el);
    forceLayout(el);
    times.push(performance.now() - t0);
    cpu.push((await mainThreadMs()) - c0);
    el.remove();
    await frames(1);
  }
  return { firstFrameMs: median(times), runs: times, cpuMs: median(cpu) };
}

/** A plain DOM table with every row (no virtualisation): the first frame a naive table pays. */
async function plainTable(d: Data) {
  const div = host<HTMLDivElement>('div', 1100, 700);
  div.style.overflow = 'auto';
  await frames(2);
  const c0 = await mainThreadMs();
  const t0 = performance.now();
  const table = document.createElement('table');
  const body = document.createElement('tbody');
  for (let i = 0; i < d.truth.length; i++) {
    const tr = document.createElement('tr');
    for (const v of [
      String(i),
      `row-${i}`,
      d.classes[d.truth[i]],
      d.classes[d.preds.A[i]],
      d.classes[d.preds.B[i]],
      d.classes[d.preds.C[i]],
      d.score[i].toFixed(3),
    ]) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  div.append(table);
  forceLayout(div);
  const ms = performance.now() - t0;
  const cpuMs = (await mainThreadMs()) - c0;
  div.remove();
  return { firstFrameMs: ms, cpuMs };
}

async function tableScroll(d: Data, frameCount: number) {
  const el = host<ClAgreementTable>('cl-agreement-table', 1100, 700);
  Object.assign(el, { classes: d.classes, predictions: d.preds, columns: { score: d.score }, truth: d.truth });
  await until(() => !!el.shadowRoot!.querySelector('[part~="row"]'), el);
  await frames(5);
  const grid = el.shadowRoot!.querySelector<HTMLElement>('[part~="table"]')!;
  // The machine's own frame-time floor: unthrottled frames with nothing to do.
  const idleDeltas: number[] = [];
  let prev = performance.now();
  for (let f = 0; f < Math.min(120, frameCount); f++) {
    await frames(1);
    const now = performance.now();
    idleDeltas.push(now - prev);
    prev = now;
  }
  const deltas: number[] = [];
  const work: number[] = [];
  let renders = 0;
  // A fast flick: 45 rows (1,350 px) per frame, down then up.
  const step = 1350;
  let last = performance.now();
  let y = 0;
  for (let f = 0; f < frameCount; f++) {
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        const now = performance.now();
        deltas.push(now - last);
        last = now;
        y = f < frameCount / 2 ? y + step : Math.max(0, y - step);
        const t0 = performance.now();
        grid.scrollTop = y;
        grid.dispatchEvent(new Event('scroll')); // handle it now, so its cost is measured here
        if (el.isUpdatePending) renders++;
        void el.updateComplete.then(() => {
          forceLayout(el);
          work.push(performance.now() - t0);
          resolve();
        });
      }),
    );
  }
  const rowsInDom = el.shadowRoot!.querySelectorAll('[part~="row"]').length;
  // Main-thread CPU per frame (script, style, layout, paint; no idle, no other processes):
  // one scroll step, then the next frame, between two readings. Idle frames give the floor.
  const frameCpu = async (stepPx: number, n: number) => {
    const out: number[] = [];
    for (let f = 0; f < n; f++) {
      const c0 = await mainThreadMs();
      if (stepPx) {
        y = f < n / 2 ? y + stepPx : Math.max(0, y - stepPx);
        grid.scrollTop = y;
        grid.dispatchEvent(new Event('scroll'));
        await el.updateComplete;
      }
      await frames(1);
      out.push((await mainThreadMs()) - c0);
    }
    return out;
  };
  const idle = await frameCpu(0, Math.min(120, frameCount));
  const flick = await frameCpu(step, frameCount);
  const wheel = await frameCpu(120, frameCount);
  el.remove();
  deltas.shift();
  return {
    cpuP95FlickMs: percentile(flick, 95),
    cpuMedianFlickMs: median(flick),
    cpuP95WheelMs: percentile(wheel, 95),
    cpuMedianWheelMs: median(wheel),
    cpuP95IdleFrameMs: percentile(idle, 95),
    p95IdleFrameMs: percentile(idleDeltas, 95),
    frames: deltas.length,
    p95FrameMs: percentile(deltas, 95),
    medianFrameMs: median(deltas),
    p95WorkMs: percentile(work, 95),
    medianWorkMs: median(work),
    rerenders: renders,
    rowsInDom,
  };
}

async function refilter(d: Data, runs: number) {
  const el = host<ClAgreementTable>('cl-agreement-table', 1100, 700);
  Object.assign(el, { classes: d.classes, predictions: d.preds, columns: { score: d.score }, truth: d.truth });
  await until(() => !!el.shadowRoot!.querySelector('[part~="row"]'), el);
  const queries: AgreementQuery[] = [
    { correct: { A: true, B: false } },
    { truth: d.classes.slice(0, 10) },
    { agree: false },
    { correct: { C: false }, agree: true },
    {},
  ];
  const cpu: number[] = [];
  const measure = async () => {
    const times: number[] = [];
    for (let k = 0; k < runs; k++) {
      for (const q of queries) {
        const c0 = await mainThreadMs();
        const t0 = performance.now();
        el.query = q;
        await el.updateComplete;
        forceLayout(el);
        times.push(performance.now() - t0);
        cpu.push((await mainThreadMs()) - c0);
      }
    }
    return times;
  };
  const byIndex = await measure();
  const cpuByIndex = cpu.splice(0);
  el.sortBy = 'column:score';
  el.sortOrder = 'desc';
  await el.updateComplete;
  const sorted = await measure();
  const cpuSorted = cpu.splice(0);
  el.remove();
  // Core's share: filterItems alone on the same encoded columns.
  const core: number[] = [];
  const coreCpu: number[] = [];
  for (let k = 0; k < runs; k++)
    for (const q of queries) {
      const c0 = await mainThreadMs();
      const t0 = performance.now();
      filterItems(
        d.truth,
        d.preds,
        {
          ...(q.truth ? { truth: q.truth } : {}),
          ...(q.correct ? { correct: q.correct } : {}),
          ...(q.agree !== undefined ? { agree: q.agree } : {}),
        },
        { classes: d.classes },
      );
      core.push(performance.now() - t0);
      coreCpu.push((await mainThreadMs()) - c0);
    }
  return {
    cpuMedianMs: median(cpuByIndex),
    cpuP95Ms: percentile(cpuByIndex, 95),
    cpuSortedMedianMs: median(cpuSorted),
    coreFilterItemsCpuMs: median(coreCpu),
    medianMs: median(byIndex),
    p95Ms: percentile(byIndex, 95),
    sortedMedianMs: median(sorted),
    sortedP95Ms: percentile(sorted, 95),
    coreFilterItemsMs: median(core),
  };
}

declare global {
  interface Window {
    bench: (p: {
      runs: number;
      treemapItems: number;
      tableRows: number;
      refilterItems: number;
      scrollFrames: number;
    }) => Promise<unknown>;
  }
}

window.bench = async ({ runs, treemapItems, tableRows, refilterItems, scrollFrames }) => {
  const big = data(treemapItems, 100, 7);
  const tm = await treemapFirstFrame(big, runs);
  const peer = await d3Peer(big, runs);
  const rows = data(tableRows, 100, 11);
  const table = await tableFirstFrame(rows, runs);
  const plain = await plainTable(rows);
  const scroll = await tableScroll(rows, scrollFrames);
  const re = await refilter(refilterItems === treemapItems ? big : data(refilterItems, 100, 13), Math.max(3, runs - 2));
  return {
    treemap: { items: treemapItems, models: 3, classes: 100, ...tm, d3Peer: peer },
    table: { rows: tableRows, ...table, plainDomTable: plain },
    scroll: { rows: tableRows, ...scroll },
    refilter: { items: refilterItems, ...re },
  };
};
