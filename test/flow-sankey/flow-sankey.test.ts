import '../../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import type { ClFlowSankey } from '../../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import type { ClMarkDetail, ClErrorDetail, ClWarningDetail } from '../../packages/elements/src/events.js';
import {
  aTimeout,
  expect,
  expectCleanReconnects,
  expectNoAxeViolations,
  fixture,
  html,
  nextFrame,
  oneEvent,
  shadowQuery,
  shadowQueryAll,
} from '../harness/index.js';

// truth → predicted for 10 items: a→a ×3, a→b ×1, b→b ×2, b→c ×1, c→c ×2, c→a ×1.
const truth = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c'];
const pred = ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'a'];

async function sankey(props: Partial<ClFlowSankey> = {}, attrs = ''): Promise<ClFlowSankey> {
  const el = await fixture<ClFlowSankey>(html`<cl-flow-sankey style="width: 600px; height: 360px"></cl-flow-sankey>`);
  if (attrs) for (const [k, v] of new URLSearchParams(attrs)) el.setAttribute(k, v);
  Object.assign(el, { stages: [truth, pred], stageNames: ['truth', 'predicted'] }, props);
  await settle(el);
  return el;
}

async function settle(el: ClFlowSankey) {
  await el.updateComplete;
  await nextFrame(2); // ResizeObserver delivers the size, then the chart re-renders
  await el.updateComplete;
}

const links = (el: Element) => shadowQueryAll<SVGPathElement>(el, '[part~="link"]');
const nodes = (el: Element) => shadowQueryAll<SVGRectElement>(el, '[part~="node"]');
const labels = (el: Element) => shadowQueryAll<SVGTextElement>(el, '[part~="label"]');

describe('<cl-flow-sankey>', () => {
  describe('rendering', () => {
    it('draws one node per stage × key and one link per observed pair', async () => {
      const el = await sankey();
      expect(nodes(el)).to.have.length(6);
      expect(links(el)).to.have.length(6);
      const text = labels(el).map((t) =>
        t
          .textContent!.replace(/[\u2068\u2069]/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      expect(text).to.include.members(['a 4', 'b 3', 'c 3']);
    });

    it('labels the stages with stageNames', async () => {
      const el = await sankey();
      expect(shadowQueryAll(el, '[part~="stage-label"]').map((t) => t.textContent)).to.deep.equal([
        'truth',
        'predicted',
      ]);
    });

    it('only-changed keeps the misclassified flows', async () => {
      const el = await sankey({}, 'only-changed=');
      expect(el.onlyChanged).to.equal(true);
      expect(links(el)).to.have.length(3);
      expect(el.flowGraph!.kept).to.equal(3);
    });

    it('top-k merges rare keys into "Other" and warns once', async () => {
      const el = await fixture<ClFlowSankey>(
        html`<cl-flow-sankey style="width: 600px; height: 360px" top-k="2"></cl-flow-sankey>`,
      );
      const warning = oneEvent<CustomEvent<ClWarningDetail>>(el, 'cl-warning');
      el.stages = [truth, pred];
      const w = await warning;
      await settle(el);
      expect(w.detail.code).to.equal('MERGED');
      expect(w.detail.message).to.contain('merged into "Other"');
      const keys = el.flowGraph!.nodes.filter((d) => d.stage === 0).map((d) => d.key);
      expect(keys).to.deep.equal(['a', 'b', 'Other']);
    });

    it('min-value hides thin links and reports them', async () => {
      const el = await fixture<ClFlowSankey>(
        html`<cl-flow-sankey style="width: 600px; height: 360px" min-value="2"></cl-flow-sankey>`,
      );
      const warning = oneEvent<CustomEvent<ClWarningDetail>>(el, 'cl-warning');
      el.stages = [truth, pred];
      expect((await warning).detail).to.include({ code: 'HIDDEN', count: 3 });
      await settle(el);
      expect(links(el)).to.have.length(3);
    });

    it('builds a multi-level hierarchy from data + levels', async () => {
      const data = [
        { cat: 'Electronics', sub: 'Audio', leaf: 'Headphones' },
        { cat: 'Electronics', sub: 'Audio', leaf: 'Speakers' },
        { cat: 'Electronics', sub: 'TV', leaf: 'OLED' },
        { cat: 'Home', sub: 'Kitchen', leaf: 'Kettles' },
      ];
      const el = await sankey({
        stages: undefined,
        stageNames: undefined,
        data,
        levels: ['cat', 'sub', (d: object) => (d as { leaf: string }).leaf],
      });
      expect(shadowQueryAll(el, '[part~="stage-label"]').map((t) => t.textContent)).to.deep.equal([
        'cat',
        'sub',
        'Level 3',
      ]);
      expect(nodes(el)).to.have.length(2 + 3 + 4);
      expect(links(el)).to.have.length(3 + 4);
    });

    it('node-sort="key" orders nodes by key, "value" by size', async () => {
      const s = [
        ['x', 'y', 'y', 'y', 'z', 'z'],
        ['x', 'y', 'y', 'y', 'z', 'z'],
      ];
      const el = await sankey({ stages: s, stageNames: ['a', 'b'], nodeSort: 'value' });
      const yOf = (k: string) => {
        const i = el.flowGraph!.nodes.findIndex((d) => d.stage === 0 && d.key === k);
        return Number(nodes(el)[i].getAttribute('y'));
      };
      expect(yOf('y')).to.be.lessThan(yOf('z'));
      expect(yOf('z')).to.be.lessThan(yOf('x'));
      el.nodeSort = 'key';
      await settle(el);
      expect(yOf('x')).to.be.lessThan(yOf('y'));
      expect(yOf('y')).to.be.lessThan(yOf('z'));
    });

    it('normalize="source" gives every source node the same height (Σ_j P(j | i) = 1)', async () => {
      const el = await sankey({}, 'normalize=source');
      expect(el.normalizeBy).to.equal('source');
      const h = nodes(el)
        .filter((_, i) => el.flowGraph!.nodes[i].stage === 0)
        .map((r) => Number(r.getAttribute('height')));
      for (const v of h) expect(v).to.be.closeTo(h[0], 0.01);
    });

    it('re-lays out when resized', async () => {
      const el = await sankey();
      const x = () => Number(nodes(el)[3].getAttribute('x'));
      const before = x();
      el.style.width = '900px';
      await settle(el);
      expect(x()).to.be.greaterThan(before + 200);
    });

    it('does not modify its input arrays', async () => {
      const t = Object.freeze([...truth]);
      const p = Object.freeze([...pred]);
      const el = await sankey({ stages: [t, p] });
      expect(nodes(el)).to.have.length(6);
      expect([...t]).to.deep.equal(truth);
    });

    it('follows the dark theme', async () => {
      const el = await sankey({}, 'theme=dark');
      expect(getComputedStyle(el).getPropertyValue('--cl-color-bg').trim()).to.equal('#0d1117');
    });
  });

  describe('interaction', () => {
    it('hovering a link shows a tooltip with count, both conditionals and share', async () => {
      const el = await sankey();
      const i = el.flowGraph!.links.findIndex((l) => l.source === '0:a' && l.target === '1:b');
      const hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      links(el)[i].dispatchEvent(new PointerEvent('pointerenter'));
      const e = await hover;
      expect(e.detail.kind).to.equal('link');
      expect(e.detail.keys).to.deep.equal(['a', 'b']);
      await el.updateComplete;
      const tip = shadowQuery(el, '[part~="tooltip"]');
      expect(tip.querySelector('.tooltip__title')!.textContent).to.equal('a → b');
      const rows = Object.fromEntries(
        Array.from(tip.querySelectorAll('tr'), (tr) => [
          tr.querySelector('th')!.textContent,
          tr.querySelector('td')!.textContent,
        ]),
      );
      expect(rows).to.deep.equal({
        Items: '1',
        'P(predicted | truth)': '25%', // 1 of 4 a's
        'P(truth | predicted)': '33.3%', // 1 of 3 predicted b's
        'Share of items drawn': '10%',
      });
    });

    it('moving the pointer repositions the tooltip without re-rendering the chart', async () => {
      const el = await sankey();
      const chart = shadowQuery(el, '[part~="chart"]');
      const box = el.getBoundingClientRect();
      chart.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + 100, clientY: box.top + 150 }));
      links(el)[0].dispatchEvent(new PointerEvent('pointerenter'));
      await el.updateComplete;
      const tip = shadowQuery<HTMLElement>(el, '[part~="tooltip"]');
      expect(tip.style.left).to.equal('112px');
      chart.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + 140, clientY: box.top + 150 }));
      expect(el.isUpdatePending).to.equal(false);
      expect(tip.style.left).to.equal('152px');
      expect(tip.getAttribute('style')).to.contain('152px');
    });

    it('hovering a link emphasises the path of its items and dims the rest', async () => {
      const el = await sankey({ stages: [truth, pred, pred], stageNames: ['t', 'm1', 'm2'] });
      const i = el.flowGraph!.links.findIndex((l) => l.source === '0:a' && l.target === '1:b');
      links(el)[i].dispatchEvent(new PointerEvent('pointerenter'));
      await el.updateComplete;
      const active = links(el).filter((p) => p.classList.contains('is-active'));
      const dim = links(el).filter((p) => p.classList.contains('is-dim'));
      // The hovered link and its continuation 1:b → 2:b carry only that item.
      expect(active).to.have.length(1);
      expect(shadowQueryAll(el, '.link-emphasis')).to.have.length(1); // 1:b → 2:b holds 1 of 3
      // Everything else is dimmed, the partly emphasised link too (its share is the sub-band).
      expect(dim.length).to.equal(links(el).length - 1);
      shadowQuery(el, '.chart').dispatchEvent(new PointerEvent('pointerleave'));
      await el.updateComplete;
      expect(links(el).filter((p) => p.classList.contains('is-dim'))).to.have.length(0);
    });

    it('clicking a link fires cl-select with kind, stage, keys, value and item indices', async () => {
      const el = await sankey();
      const i = el.flowGraph!.links.findIndex((l) => l.source === '0:c' && l.target === '1:a');
      const select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      links(el)[i].dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      const { detail } = await select;
      expect(detail.kind).to.equal('link');
      expect(detail.stage).to.equal(0);
      expect(detail.keys).to.deep.equal(['c', 'a']);
      expect(detail.value).to.equal(1);
      expect(Array.from(detail.indices)).to.deep.equal([9]);
      expect(Object.values(detail).some((v) => v instanceof Node)).to.equal(false);
    });

    it('clicking a node selects its items; clicking it again clears the selection', async () => {
      const el = await sankey();
      const i = el.flowGraph!.nodes.findIndex((d) => d.id === '1:a');
      let select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      nodes(el)[i].dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      let { detail } = await select;
      expect(detail).to.include({ kind: 'node', stage: 1, value: 4 });
      expect(Array.from(detail.indices)).to.deep.equal([0, 1, 2, 9]);
      select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      nodes(el)[i].dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      ({ detail } = await select);
      expect(detail.kind).to.equal('none');
    });

    it('keyboard: one tab stop, arrows move between nodes and links, Enter selects', async () => {
      const el = await sankey();
      const chart = shadowQuery<HTMLElement>(el, '[part~="chart"]');
      expect(chart.tabIndex).to.equal(0);
      expect(shadowQueryAll(el, '[tabindex]')).to.have.length(1);
      chart.focus();
      await el.updateComplete;
      expect(shadowQueryAll(el, '.focus-ring')).to.have.length(1);
      const key = (k: string) => chart.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      let hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      key('ArrowDown');
      expect((await hover).detail).to.include({ kind: 'node', stage: 0 });
      hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      key('ArrowRight');
      expect((await hover).detail.kind).to.equal('link');
      hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      key('ArrowRight');
      const target = (await hover).detail;
      expect(target).to.include({ kind: 'node', stage: 1 });
      const select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      key('Enter');
      expect((await select).detail.keys).to.deep.equal(target.keys);
      await el.updateComplete;
      const live = shadowQuery(el, '[aria-live]').textContent!;
      expect(live).to.contain('predicted:');
    });

    it('highlight (item indices from another view) dims everything else', async () => {
      const el = await sankey();
      el.highlight = [9];
      await el.updateComplete;
      const i = el.flowGraph!.links.findIndex((l) => l.source === '0:c' && l.target === '1:a');
      expect(links(el)[i].classList.contains('is-active')).to.equal(true);
      expect(links(el).filter((p) => p.classList.contains('is-dim'))).to.have.length(5);
      el.highlight = null;
      await el.updateComplete;
      expect(links(el).filter((p) => p.classList.contains('is-dim'))).to.have.length(0);
    });
  });

  describe('bad input', () => {
    it('shows a visible error, emits cl-error, and recovers when the input is fixed', async () => {
      const el = await sankey();
      const error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.stages = [truth, pred.slice(1)];
      const { detail } = await error;
      expect(detail.code).to.equal('LENGTH_MISMATCH');
      expect(detail.message).to.equal('predicted has length 9 but truth has length 10');
      await el.updateComplete;
      const state = shadowQuery(el, '[part~="error"]');
      expect(state.getAttribute('role')).to.equal('alert');
      expect(state.textContent).to.contain('predicted has length 9');
      expect(links(el)).to.have.length(0);
      el.stages = [truth, pred];
      await settle(el);
      expect(shadowQueryAll(el, '[part~="error"]')).to.have.length(0);
      expect(links(el)).to.have.length(6);
    });

    it('rejects a graph with a cycle (CYCLE naming a link) before layout', async () => {
      const el = await sankey();
      const error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.graph = {
        nodes: [{ id: 'a' }, { id: 'b' }],
        links: [
          { source: 'a', target: 'b', value: 1 },
          { source: 'b', target: 'a', value: 1 },
        ],
      };
      const { detail } = await error;
      expect(detail.code).to.equal('CYCLE');
      expect(detail.message).to.match(/link "(a" → "b|b" → "a)" is on a cycle/);
    });

    it('rejects a graph with duplicate or missing ids', async () => {
      const el = await sankey();
      let error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.graph = { nodes: [{ id: 'a' }, { id: 'a' }], links: [] };
      expect((await error).detail.code).to.equal('DUPLICATE_KEY');
      error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.graph = { nodes: [{ id: 'a' }], links: [{ source: 'a', target: 'q', value: 2 }] };
      expect((await error).detail.message).to.contain('missing node "q"');
    });

    it('draws a valid precomputed graph, with path emphasis when links carry no indices', async () => {
      const el = await sankey({
        graph: {
          nodes: [{ id: 'src' }, { id: 'mid' }, { id: 'x' }, { id: 'y' }],
          links: [
            { source: 'src', target: 'mid', value: 5 },
            { source: 'mid', target: 'x', value: 3 },
            { source: 'mid', target: 'y', value: 2 },
          ],
        },
      });
      expect(nodes(el)).to.have.length(4);
      links(el)[1].dispatchEvent(new PointerEvent('pointerenter'));
      await el.updateComplete;
      expect(links(el).filter((p) => p.classList.contains('is-active'))).to.have.length(2);
    });

    it('shows "No data" for empty stages and no exception', async () => {
      const el = await sankey({ stages: [[], []] });
      expect(shadowQuery(el, '[part~="empty"]').textContent).to.contain('No data');
    });

    it('treats undefined, null and wrongly typed properties as unset', async () => {
      const el = await sankey({ stages: undefined });
      expect(shadowQueryAll(el, '[part~="empty"]')).to.have.length(1);
      Object.assign(el, { stages: null, data: 'nope', levels: 42, stageNames: null });
      await settle(el);
      expect(shadowQueryAll(el, '[part~="empty"]')).to.have.length(1);
      el.setAttribute('top-k', 'banana');
      el.setAttribute('node-sort', 'sideways');
      el.setAttribute('normalize', 'weird');
      el.stages = [truth, pred];
      await settle(el);
      expect(nodes(el)).to.have.length(6);
    });

    it('renders labels as text: HTML in a label never runs', async () => {
      const w = window as unknown as { pwned?: boolean };
      const evil = '<img src=x onerror="window.pwned=true">';
      const el = await sankey({
        stages: [
          [evil, 'ok', 'ok'],
          ['ok', evil, 'ok'],
        ],
      });
      await aTimeout(50);
      expect(w.pwned).to.equal(undefined);
      expect(shadowQueryAll(el, 'img')).to.have.length(0);
      expect(labels(el).some((t) => t.textContent!.includes('<img'))).to.equal(true);
    });

    it('renders RTL text and emoji labels', async () => {
      const el = await sankey({
        stages: [
          ['שלום', '🐱 cat', '🐱 cat'],
          ['שלום', 'שלום', '🐱 cat'],
        ],
      });
      const text = labels(el)
        .map((t) => t.textContent)
        .join(' ');
      expect(text).to.contain('שלום');
      expect(text).to.contain('🐱 cat');
      // Each key is direction-isolated, so an RTL key cannot swallow the count after it.
      expect(labels(el).some((t) => /^\u2068שלום\u2069 \d/.test(t.textContent!))).to.equal(true);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations, a summarising label and a data table', async () => {
      const el = await sankey({ label: 'Digits' });
      await expectNoAxeViolations(el);
      const chart = shadowQuery(el, '[part~="chart"]');
      expect(chart.getAttribute('aria-label')).to.contain('Digits: 10 items across 2 stages (truth → predicted)');
      const [flows, nodeTable] = shadowQueryAll(el, '[part~="table"]');
      expect(flows.querySelectorAll('tbody tr')).to.have.length(6);
      expect(nodeTable.querySelectorAll('tbody tr')).to.have.length(6);
    });

    it('has no axe violations in its error state, with the error in an alert', async () => {
      const el = await sankey({ stages: [truth, pred.slice(2)] });
      await expectNoAxeViolations(el);
      expect(shadowQuery(el, '[role="alert"]').textContent).to.contain('LENGTH_MISMATCH');
    });
  });

  describe('export', () => {
    it('toSVG() returns a standalone SVG with inlined styles', async () => {
      const el = await sankey();
      const text = el.toSVG();
      expect(text.startsWith('<?xml')).to.equal(true);
      expect(text).to.contain('xmlns="http://www.w3.org/2000/svg"');
      expect(text).not.to.contain('var(--');
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      expect(doc.querySelector('parsererror')).to.equal(null);
      expect(doc.querySelectorAll('path').length).to.be.greaterThanOrEqual(6);
    });

    it('toPNG() returns a PNG image', async () => {
      const el = await sankey();
      const blob = await el.toPNG(1);
      expect(blob.type).to.equal('image/png');
      const bytes = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
      expect(Array.from(bytes)).to.deep.equal([0x89, 0x50, 0x4e, 0x47]);
    });
  });

  describe('lifecycle', () => {
    it('connects and disconnects 200 times without leaking listeners or observers', async () => {
      const el = await sankey();
      await expectCleanReconnects(el, { settle: () => settle(el) });
      expect(nodes(el)).to.have.length(6);
    });

    it('re-rendering with new data 300 times does not grow the heap beyond noise', async function () {
      // ~2 s on a quiet machine; the limit only guards against a hang (shared CI hosts are slow).
      this.timeout(60_000);
      const el = await sankey();
      const w = window as unknown as { gc: () => void };
      const perf = performance as unknown as { memory: { usedJSHeapSize: number } };
      const big = (k: number) => {
        const n = 2000;
        const a: string[] = [];
        const b: string[] = [];
        for (let i = 0; i < n; i++) {
          a.push(`c${(i * 7 + k) % 40}`);
          b.push(`c${(i * 13 + k) % 40}`);
        }
        return [a, b];
      };
      const round = async (from: number) => {
        for (let k = from; k < from + 150; k++) {
          el.stages = big(k);
          el.highlight = k % 2 ? [k, k + 1] : null;
          await el.updateComplete;
        }
      };
      await round(0); // warm up: JIT, template caches
      w.gc();
      await aTimeout(0);
      w.gc();
      const before = perf.memory.usedJSHeapSize;
      await round(150);
      w.gc();
      await aTimeout(0);
      w.gc();
      const growth = perf.memory.usedJSHeapSize - before;
      // One chart of 2,000 items is ~0.3 MB; 150 leaked renders would be tens of MB.
      // Measured: 18–93 KB normally; a leak of each graph adds ~5 MB.
      expect(growth).to.be.below(1.5 * 1024 * 1024);
    });

    it('registering the tag twice (two bundles) does not throw', async () => {
      const url = new URL('../../packages/elements/src/flow-sankey/cl-flow-sankey.ts', import.meta.url);
      url.search = '?second-copy';
      await import(url.href);
      expect(customElements.get('cl-flow-sankey')).to.be.a('function');
    });
  });
});
