// The elements under a strict Content-Security-Policy (QUALITY.md): `script-src 'self';
// style-src 'self'` — no inline scripts or styles, no eval. Lit's constructable
// stylesheets and style-property bindings must draw without a single violation.
import type { ClFlowSankey } from '../../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import type { ClChainSankey } from '../../packages/elements/src/chain-sankey/cl-chain-sankey.js';
import type { ClTrendGrid } from '../../packages/elements/src/trend-grid/cl-trend-grid.js';
import type { ClSimilarityHeatmap } from '../../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import { expect, nextFrame } from '../harness/index.js';

const bundle = new URL('../../packages/elements/dist/cdn/classlens.js', import.meta.url).pathname;

function strictFrame(): Promise<{ frame: HTMLIFrameElement; violations: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.width = '700px';
  frame.style.height = '420px';
  const violations: string[] = [];
  frame.srcdoc = `<!doctype html><html><head>
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:">
    <script type="module" src="${bundle}"></script></head><body></body></html>`;
  return new Promise((resolve) => {
    frame.addEventListener('load', () => {
      frame.contentDocument!.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`),
      );
      resolve({ frame, violations });
    });
    document.body.append(frame);
  });
}

describe('under a strict Content-Security-Policy', () => {
  it('cl-flow-sankey registers, draws, styles and shows tooltips with no violation', async () => {
    const { frame, violations } = await strictFrame();
    const win = frame.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('cl-flow-sankey');
    const doc = frame.contentDocument!;
    const el = doc.createElement('cl-flow-sankey') as ClFlowSankey;
    el.style.display = 'block'; // CSSOM is allowed; a style *attribute* would be blocked
    doc.body.append(el);
    el.stages = [
      ['a', 'a', 'b', 'c'],
      ['a', 'b', 'b', 'c'],
    ];
    await el.updateComplete;
    await nextFrame(3);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('[part~="link"]').length).to.equal(4); // a→a, a→b, b→b, c→c
    // Styles came through adopted stylesheets: a themed colour is applied.
    const node = root.querySelector('[part~="node"]')!;
    expect(win.getComputedStyle(node).stroke).to.not.equal('none');
    await nextFrame(2);
    expect(violations, 'while drawing').to.deep.equal([]);
    root.querySelector('[part~="link"]')!.dispatchEvent(new win.PointerEvent('pointerenter'));
    await el.updateComplete;
    expect(root.querySelector('[part~="tooltip"]')).to.not.equal(null);
    await nextFrame(2);
    expect(violations, 'after the tooltip').to.deep.equal([]);
    // Export writes the document as text: no style attribute is ever set on a DOM node.
    const text = el.toSVG();
    expect(text).to.contain('style="');
    expect(text).to.contain('<path');
    await nextFrame(2);
    expect(violations, 'after toSVG()').to.deep.equal([]);
    frame.remove();
  });

  it('cl-sequence-detail draws words, heatmap, bars and tooltips with no violation', async () => {
    const { frame, violations } = await strictFrame();
    const win = frame.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('cl-sequence-detail');
    const doc = frame.contentDocument!;
    const el = doc.createElement('cl-sequence-detail') as unknown as HTMLElement & Record<string, unknown>;
    el.style.width = '660px';
    doc.body.append(el);
    Object.assign(el, {
      sequences: [
        {
          id: 'a',
          label: 'neg',
          prediction: 'pos',
          tokens: ['not', 'bad'],
          states: [0, 0, 3, 4],
          expected: [0.5, 0.5, 0.2, 0.8],
        },
        { id: 'b', label: 'pos', prediction: 'pos', tokens: ['good'], states: [1, 1], expected: [0.1, 0.9] },
      ],
      classes: ['neg', 'pos'],
      sequence: 0,
    });
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await nextFrame(3);
    const root = el.shadowRoot!;
    const word = root.querySelector('[part~="word"] .word__text')!;
    // The EP colour arrived through the CSSOM (a style attribute would have been blocked).
    expect(win.getComputedStyle(word).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    expect(root.querySelectorAll('[part~="bar"]').length).to.equal(1);
    root.querySelector('[part~="word"]')!.dispatchEvent(new win.PointerEvent('pointerenter'));
    await nextFrame(2);
    expect(root.querySelector('[part~="tooltip"]')).to.not.equal(null);
    await nextFrame(2);
    expect(violations).to.deep.equal([]);
    frame.remove();
  });

  it('cl-metrics-treemap and cl-agreement-table draw, show thumbnails and tooltips with no violation', async () => {
    const { frame, violations } = await strictFrame();
    const win = frame.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('cl-agreement-table');
    const doc = frame.contentDocument!;
    type El = HTMLElement & Record<string, unknown> & { updateComplete: Promise<boolean> };
    const treemap = doc.createElement('cl-metrics-treemap') as unknown as El;
    const table = doc.createElement('cl-agreement-table') as unknown as El;
    for (const el of [treemap, table]) {
      el.style.display = 'block';
      el.style.height = '200px';
      doc.body.append(el);
    }
    const truth = ['a', 'a', 'b', 'c'];
    const predictions = { A: ['a', 'b', 'b', 'c'], B: ['a', 'a', 'c', 'c'] };
    Object.assign(treemap, { truth, predictions, legend: true });
    Object.assign(table, { truth, predictions, items: truth.map(() => ({ image: [0, 16, 16, 0] })), legend: true });
    for (const el of [treemap, table]) await el.updateComplete;
    await nextFrame(3);
    for (const el of [treemap, table]) await el.updateComplete;
    expect(treemap.shadowRoot!.querySelectorAll('[part~="cell"]').length).to.equal(4);
    expect(table.shadowRoot!.querySelectorAll('[part~="row"]').length).to.equal(4);
    const canvas = table.shadowRoot!.querySelector('canvas')!;
    expect(canvas.getContext('2d')!.getImageData(1, 0, 1, 1).data[0]).to.be.below(128);
    treemap
      .shadowRoot!.querySelector('[part~="cell"]')!
      .dispatchEvent(new win.PointerEvent('pointerover', { bubbles: true }));
    table
      .shadowRoot!.querySelector('[part~="row"]')!
      .dispatchEvent(new win.PointerEvent('pointerover', { bubbles: true }));
    for (const el of [treemap, table]) await el.updateComplete;
    expect(treemap.shadowRoot!.querySelector('[part~="tooltip"]')).to.not.equal(null);
    expect(table.shadowRoot!.querySelector('[part~="tooltip"]')).to.not.equal(null);
    await nextFrame(2);
    expect(violations).to.deep.equal([]);
    frame.remove();
  });

  it('cl-chain-sankey draws split bands, a legend and tooltips with no violation', async () => {
    const { frame, violations } = await strictFrame();
    const win = frame.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('cl-chain-sankey');
    const doc = frame.contentDocument!;
    const el = doc.createElement('cl-chain-sankey') as ClChainSankey;
    el.style.display = 'block';
    el.setAttribute('color-by', 'correct');
    el.setAttribute('legend', '');
    doc.body.append(el);
    el.truth = ['a', 'a', 'b', 'b', 'c'];
    el.predictions = { v0: ['a', 'b', 'b', 'a', 'c'], v1: ['b', 'b', 'a', 'b', 'a'] };
    await el.updateComplete;
    await nextFrame(3);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('[part~="link"]').length).to.be.greaterThan(0);
    expect(root.querySelectorAll('.link-segment').length).to.be.greaterThan(0);
    expect(root.querySelector('[part~="legend"]')).to.not.equal(null);
    root.querySelector('[part~="node"]')!.dispatchEvent(new win.PointerEvent('pointerenter'));
    await el.updateComplete;
    expect(root.querySelector('[part~="tooltip"]')).to.not.equal(null);
    await nextFrame(2);
    expect(violations).to.deep.equal([]);
    frame.remove();
  });

  it('cl-trend-grid draws cells, a legend and tooltips, and scrolls, with no violation', async () => {
    const { frame, violations } = await strictFrame();
    const win = frame.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('cl-trend-grid');
    const doc = frame.contentDocument!;
    const el = doc.createElement('cl-trend-grid') as ClTrendGrid;
    el.style.display = 'block';
    el.style.height = '300px';
    doc.body.append(el);
    el.series = Array.from({ length: 60 }, (_, c) => ({ class: `c${c}`, values: [0.5, 0.5 + (c % 3) * 0.1, 0.6] }));
    el.versions = ['a', 'b', 'c'];
    await el.updateComplete;
    await nextFrame(3);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('[part~="cell"]').length).to.be.greaterThan(0);
    expect(root.querySelector('[part~="legend"]')).to.not.equal(null);
    root.querySelector('[part~="cell"]')!.dispatchEvent(new win.PointerEvent('pointerenter'));
    await el.updateComplete;
    expect(root.querySelector('[part~="tooltip"]')).to.not.equal(null);
    const scroller = root.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = 400;
    scroller.dispatchEvent(new win.Event('scroll'));
    await el.updateComplete;
    await nextFrame(2);
    expect(violations).to.deep.equal([]);
    const text = el.toSVG();
    expect(text).to.contain('c59');
    await nextFrame(2);
    expect(violations, 'after toSVG()').to.deep.equal([]);
    frame.remove();
  });

  it('cl-trajectory-projection projects in its worker and draws on the CPU raster with no violation', async () => {
    const { frame, violations } = await strictFrame();
    const win = frame.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('cl-trajectory-projection');
    const doc = frame.contentDocument!;
    const el = doc.createElement('cl-trajectory-projection') as unknown as HTMLElement & Record<string, unknown>;
    el.style.width = '400px';
    el.style.height = '300px';
    const warnings: string[] = [];
    el.addEventListener('cl-warning', (e) => warnings.push((e as CustomEvent<{ code: string }>).detail.code));
    doc.body.append(el);
    Object.assign(el, {
      states: Array.from({ length: 40 }, (_, i) => [Math.sin(i), Math.cos(i / 2), i % 3]),
      offsets: [0, 20],
      expected: Array.from({ length: 40 }, (_, i) => (i % 10) / 10),
      iterations: 150,
      sequence: 0,
    });
    const deadline = Date.now() + 20000;
    while (!el.layoutComplete && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(el.layoutComplete).to.equal(true);
    await nextFrame(3);
    // regl cannot compile without 'unsafe-eval': the CPU raster draws, and the worker ran
    // (the CDN bundle's projection-worker.js beside it, allowed by script-src 'self').
    expect(el.activeRenderer).to.equal('canvas');
    expect(warnings).to.not.include('WORKER_UNAVAILABLE');
    expect(el.shadowRoot!.querySelector('canvas')).to.not.equal(null);
    expect(violations).to.deep.equal([]);
    frame.remove();
  });

  it('cl-similarity-heatmap draws with the CPU raster (regl needs eval) and reports no violation', async () => {
    const { frame, violations } = await strictFrame();
    const win = frame.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('cl-similarity-heatmap');
    const doc = frame.contentDocument!;
    const el = doc.createElement('cl-similarity-heatmap') as ClSimilarityHeatmap;
    el.style.display = 'block';
    el.style.height = '380px';
    const warnings: string[] = [];
    el.addEventListener('cl-warning', (e) => warnings.push((e as CustomEvent).detail.code));
    doc.body.append(el);
    el.renderer = 'webgl';
    el.matrix = [
      [1, 0.8, 0.1],
      [0.8, 1, 0.2],
      [0.1, 0.2, 1],
    ];
    el.labels = ['a', 'b', 'c'];
    await el.updateComplete;
    await nextFrame(3);
    await el.updateComplete;
    expect(el.activeRenderer).to.equal('canvas');
    expect(el.rendererReason).to.equal('csp');
    expect(el.leafOrder).to.have.length(3);
    expect(warnings).to.include('RENDERER_FALLBACK');
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(canvas.width).to.be.greaterThan(0);
    el.shadowRoot!.querySelector('[part~="plot"]')!.dispatchEvent(
      new win.PointerEvent('pointermove', {
        bubbles: true,
        composed: true,
        clientX: canvas.getBoundingClientRect().left + 5,
        clientY: canvas.getBoundingClientRect().top + 5,
      }),
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="tooltip"]')).to.not.equal(null);
    await nextFrame(2);
    expect(violations).to.deep.equal([]);
    frame.remove();
  });

  it('a violation would be seen: an inline style element is reported', async () => {
    const { frame, violations } = await strictFrame();
    const style = frame.contentDocument!.createElement('style');
    style.textContent = 'body { color: red }';
    frame.contentDocument!.head.append(style);
    await nextFrame(3);
    expect(violations.some((v) => v.startsWith('style-src'))).to.equal(true);
    frame.remove();
  });
});
