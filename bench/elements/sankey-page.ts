// cl-flow-sankey in the browser: time to the first laid-out frame, and hover-to-emphasis
// latency, at 10^5 and 10^6 items (3 stages × 30 classes); and highlight latency between
// two views linked by <cl-linked>. Run by bench/sankey.bench.mjs.
import '../../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import '../../packages/elements/src/linked/cl-linked.js';
import type { ClFlowSankey } from '../../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import { forceLayout, frames, median, rng } from './page-helpers.js';

function columns(n: number, classes: number, seed: number): Int32Array[] {
  const r = rng(seed);
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  const c = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = Math.floor(r() * classes);
    b[i] = r() < 0.8 ? a[i] : Math.floor(r() * classes);
    c[i] = r() < 0.85 ? b[i] : Math.floor(r() * classes);
  }
  return [a, b, c];
}

/** Resolves when the chart's links are in the DOM and laid out. */
async function drawn(el: ClFlowSankey) {
  for (let k = 0; k < 600; k++) {
    await el.updateComplete;
    if (el.shadowRoot!.querySelector('[part~="link"]')) {
      forceLayout(el);
      return;
    }
    await frames(1);
  }
  throw new Error('bench: the chart never drew');
}

async function firstFrame(n: number, runs: number) {
  const cols = columns(n, 30, 7);
  const times: number[] = [];
  const hovers: number[] = [];
  for (let k = 0; k < runs; k++) {
    const el = document.createElement('cl-flow-sankey') as ClFlowSankey;
    el.style.cssText = 'display:block;width:1100px;height:700px';
    document.body.append(el);
    await frames(2); // sized, empty
    const t0 = performance.now();
    el.stages = cols;
    await drawn(el);
    times.push(performance.now() - t0);
    // Hover a mid link: the emphasis of its items through every stage.
    const links = el.shadowRoot!.querySelectorAll('[part~="link"]');
    for (let h = 0; h < 5; h++) {
      const target = links[(h * 97) % links.length];
      const t1 = performance.now();
      target.dispatchEvent(new PointerEvent('pointerenter'));
      await el.updateComplete;
      forceLayout(el);
      hovers.push(performance.now() - t1);
    }
    el.remove();
  }
  return { items: n, firstFrameMs: median(times), runs: times, hoverMs: median(hovers) };
}

async function linked(n: number) {
  const cols = columns(n, 30, 11);
  const wrap = document.createElement('cl-linked');
  const a = document.createElement('cl-flow-sankey') as ClFlowSankey;
  const b = document.createElement('cl-flow-sankey') as ClFlowSankey;
  for (const el of [a, b]) el.style.cssText = 'display:block;width:800px;height:400px';
  wrap.append(a, b);
  document.body.append(wrap);
  a.stages = [cols[0], cols[1]];
  b.stages = [cols[0], cols[2]];
  await drawn(a);
  await drawn(b);
  const links = a.shadowRoot!.querySelectorAll('[part~="link"]');
  const times: number[] = [];
  for (let h = 0; h < 9; h++) {
    const t0 = performance.now();
    links[(h * 31) % links.length].dispatchEvent(new PointerEvent('pointerenter'));
    await a.updateComplete;
    await b.updateComplete;
    forceLayout(b);
    times.push(performance.now() - t0);
  }
  wrap.remove();
  return { items: n, linkedHoverMs: median(times) };
}

declare global {
  interface Window {
    bench: (p: { sizes: number[]; runs: number }) => Promise<unknown>;
  }
}
window.bench = async ({ sizes, runs }) => {
  const out = [];
  for (const n of sizes) out.push({ ...(await firstFrame(n, runs)), ...(await linked(n)) });
  return out;
};
