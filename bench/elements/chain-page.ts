// cl-chain-sankey in the browser: time to the first laid-out frame and hover-to-highlight
// latency at 10^6 items × 3 versions × 100 classes (the target: first frame
// ≤ 300 ms), with a phase breakdown of the same work outside the element (core's
// flowGraph, the shared class order, layout, labels); and d3-sankey laying out the same
// graph directly, alone and with a naive SVG drawing of its links (one path each), as the
// peer. Run by bench/chain-trend.bench.mjs.
import '../../packages/elements/src/chain-sankey/cl-chain-sankey.js';
import type { ClChainSankey } from '../../packages/elements/src/chain-sankey/cl-chain-sankey.js';
import { flowGraph, type FlowGraph } from '@classlens/core';
import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import { layoutLabels, layoutSankey, sankeyOrder } from '../../packages/elements/src/internal/sankey/layout.js';
import { forceLayout, frames, mainThreadMs, median, rng } from './page-helpers.js';

/**
 * Three versions of a 100-class classifier over n items: class sizes skewed (Zipf-like),
 * and `change` of the items move between versions — 80 % of those to one of their
 * class's three confusers, the rest anywhere (so, at 10^6 items, almost every pair of
 * classes carries a few items: ~10^4 links per pair of versions).
 */
function versions(n: number, classes: number, change: number, seed: number): Int32Array[] {
  const r = rng(seed);
  const confusers = Array.from({ length: classes }, (_, c) => [1, 2, 3].map((k) => (c + k * 7) % classes));
  const pick = () => Math.min(classes - 1, Math.floor(Math.exp(r() * Math.log(classes + 1)) - 1));
  const move = (c: number) => (r() < 0.8 ? confusers[c][Math.floor(r() * 3)] : Math.floor(r() * classes));
  const v = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  for (let i = 0; i < n; i++) {
    v[0][i] = pick();
    v[1][i] = r() < change ? move(v[0][i]) : v[0][i];
    v[2][i] = r() < change ? move(v[1][i]) : v[1][i];
  }
  return v;
}

async function drawn(el: ClChainSankey) {
  for (let k = 0; k < 600; k++) {
    await el.updateComplete;
    if (el.shadowRoot!.querySelector('[part~="node"]')) {
      forceLayout(el);
      return;
    }
    await frames(1);
  }
  throw new Error('bench: the chart never drew');
}

interface Case {
  items: number;
  onlyChanged: boolean;
}

async function element(cols: Int32Array[], c: Case, runs: number) {
  const times: number[] = [];
  const cpu: number[] = [];
  const hovers: number[] = [];
  const hoverCpu: number[] = [];
  let links = 0;
  let elements = 0;
  for (let k = 0; k < runs; k++) {
    const el = document.createElement('cl-chain-sankey') as ClChainSankey;
    el.style.cssText = 'display:block;width:1100px;height:700px';
    el.setAttribute('top-k', '100');
    el.onlyChanged = c.onlyChanged;
    document.body.append(el);
    await frames(2); // sized and empty
    const c0 = await mainThreadMs();
    const t0 = performance.now();
    el.predictions = { V0: cols[0], V1: cols[1], V2: cols[2] };
    await drawn(el);
    times.push(performance.now() - t0);
    cpu.push((await mainThreadMs()) - c0);
    links = el.flowGraph!.links.length;
    elements = el.shadowRoot!.querySelectorAll('*').length;
    // Hover a node, then bands: the emphasis of their items through every version.
    const marks = [
      ...el.shadowRoot!.querySelectorAll('[part~="node"]'),
      ...el.shadowRoot!.querySelectorAll('[part~="link"]'),
    ];
    for (let h = 0; h < 5; h++) {
      const target = marks[(h * 97) % marks.length];
      const h0 = await mainThreadMs();
      const t1 = performance.now();
      target.dispatchEvent(new PointerEvent('pointerenter'));
      await el.updateComplete;
      forceLayout(el);
      hovers.push(performance.now() - t1);
      hoverCpu.push((await mainThreadMs()) - h0);
    }
    el.remove();
    await frames(1);
  }
  return {
    firstFrameMs: median(times),
    firstFrameCpuMs: median(cpu),
    runsMs: times,
    hoverMs: median(hovers),
    hoverCpuMs: median(hoverCpu),
    links,
    shadowElements: elements,
  };
}

/** The same pipeline outside the element, phase by phase (medians). */
function phases(cols: Int32Array[], c: Case, runs: number) {
  const t = { flowGraph: [] as number[], order: [] as number[], layout: [] as number[], labels: [] as number[] };
  let g: FlowGraph | null = null;
  for (let k = 0; k < runs; k++) {
    let t0 = performance.now();
    g = flowGraph(cols, { topK: 100, changedOnly: c.onlyChanged, stageNames: ['V0', 'V1', 'V2'] });
    t.flowGraph.push(performance.now() - t0);
    t0 = performance.now();
    const order = sankeyOrder(g, 'auto', 'none', true);
    t.order.push(performance.now() - t0);
    t0 = performance.now();
    const L = layoutSankey(g, { width: 1100, height: 700, normalize: 'none', order, fontSize: 12 });
    t.layout.push(performance.now() - t0);
    t0 = performance.now();
    layoutLabels(L, { fontSize: 12 });
    t.labels.push(performance.now() - t0);
  }
  return { graph: g as FlowGraph, ms: Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)])) };
}

/** d3-sankey on the same graph: its layout alone, and layout + one SVG path per link. */
async function d3(g: FlowGraph, runs: number) {
  const index = new Map(g.nodes.map((d, i) => [d.id, i]));
  const input = () => ({
    nodes: g.nodes.map((d, i) => ({ i, stage: d.stage })),
    links: g.links.map((l) => ({ source: index.get(l.source)!, target: index.get(l.target)!, value: l.value })),
  });
  const layout = () =>
    sankey<{ i: number; stage: number }, { source: number; target: number; value: number }>()
      .nodeId((d) => d.i)
      .nodeAlign((d) => (d as unknown as { stage: number }).stage)
      .extent([
        [150, 24],
        [950, 694],
      ])(input() as never);
  const layoutMs: number[] = [];
  const drawMs: number[] = [];
  for (let k = 0; k < runs; k++) {
    let t0 = performance.now();
    layout();
    layoutMs.push(performance.now() - t0);
    const svgNS = 'http://www.w3.org/2000/svg';
    const host = document.createElement('div');
    document.body.append(host);
    await frames(1);
    t0 = performance.now();
    const out = layout();
    const svg = document.createElementNS(svgNS, 'svg');
    svg.setAttribute('width', '1100');
    svg.setAttribute('height', '700');
    const path = sankeyLinkHorizontal();
    for (const l of out.links) {
      const p = document.createElementNS(svgNS, 'path');
      p.setAttribute('d', path(l as never) ?? '');
      p.setAttribute('stroke', '#4269d0');
      p.setAttribute('stroke-opacity', '0.38');
      p.setAttribute('fill', 'none');
      p.setAttribute('stroke-width', String(Math.max(1, (l as { width?: number }).width ?? 1)));
      svg.append(p);
    }
    for (const n of out.nodes as unknown as { x0: number; x1: number; y0: number; y1: number }[]) {
      const r = document.createElementNS(svgNS, 'rect');
      r.setAttribute('x', String(n.x0));
      r.setAttribute('y', String(n.y0));
      r.setAttribute('width', String(n.x1 - n.x0));
      r.setAttribute('height', String(Math.max(1, n.y1 - n.y0)));
      svg.append(r);
    }
    host.append(svg);
    svg.getBoundingClientRect();
    drawMs.push(performance.now() - t0);
    host.remove();
  }
  return { layoutMs: median(layoutMs), layoutAndSvgMs: median(drawMs) };
}

declare global {
  interface Window {
    bench: (p: { items: number[]; runs: number }) => Promise<unknown>;
  }
}
window.bench = async ({ items, runs }) => {
  const out = [];
  for (const n of items) {
    const cols = versions(n, 100, 0.1, 7);
    for (const onlyChanged of [true, false]) {
      const c = { items: n, onlyChanged };
      const el = await element(cols, c, runs);
      const ph = phases(cols, c, Math.max(3, runs - 2));
      const peer = await d3(ph.graph, Math.max(3, runs - 2));
      out.push({
        items: n,
        versions: 3,
        classes: 100,
        onlyChanged,
        kept: ph.graph.kept,
        ...el,
        phasesMs: ph.ms,
        d3: peer,
      });
    }
  }
  return out;
};
