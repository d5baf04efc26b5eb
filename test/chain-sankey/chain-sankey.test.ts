import '../../packages/elements/src/chain-sankey/cl-chain-sankey.js';
import type { ClChainSankey } from '../../packages/elements/src/chain-sankey/cl-chain-sankey.js';
import type { ClErrorDetail, ClMarkDetail, ClWarningDetail } from '../../packages/elements/src/events.js';
import { flowGraph, type FlowGraph } from '@classlens/core';
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

// Ten items over three versions. Items 0–3 never change; 4 and 5 go a → b in v1;
// 6 goes b → c in v2; 7 goes c → a → c; 8 and 9 stay c.
const truth = ['a', 'a', 'b', 'c', 'a', 'b', 'b', 'c', 'c', 'c'];
const v0 = ['a', 'a', 'b', 'c', 'a', 'a', 'b', 'c', 'c', 'c'];
const v1 = ['a', 'a', 'b', 'c', 'b', 'b', 'b', 'a', 'c', 'c'];
const v2 = ['a', 'a', 'b', 'c', 'b', 'b', 'c', 'c', 'c', 'c'];
const changed = [4, 5, 6, 7];

async function chain(props: Partial<ClChainSankey> = {}, attrs = ''): Promise<ClChainSankey> {
  const el = await fixture<ClChainSankey>(
    html`<cl-chain-sankey style="width: 640px; height: 380px"></cl-chain-sankey>`,
  );
  if (attrs) for (const [k, v] of new URLSearchParams(attrs)) el.setAttribute(k, v);
  Object.assign(el, { predictions: { v0, v1, v2 } }, props);
  await settle(el);
  return el;
}

async function settle(el: ClChainSankey) {
  await el.updateComplete;
  await nextFrame(2);
  await el.updateComplete;
}

const links = (el: Element) => shadowQueryAll<SVGPathElement>(el, '[part~="link"]');
const nodes = (el: Element) => shadowQueryAll<SVGRectElement>(el, '[part~="node"]');
const click = (m: Element) => m.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));

/** A graph's nodes and links as plain comparable data. */
function plain(g: FlowGraph) {
  return {
    nodes: g.nodes.map((d) => ({ id: d.id, value: d.value, other: d.other, indices: Array.from(d.indices) })),
    links: g.links.map((l) => ({ source: l.source, target: l.target, value: l.value, indices: Array.from(l.indices) })),
    stageNames: g.stageNames,
    total: g.total,
    kept: g.kept,
  };
}

describe('<cl-chain-sankey>', () => {
  describe('same data, same picture', () => {
    it('given stages, draws the graph flowGraph gives for the same options (only-changed on)', async () => {
      const el = await chain({ predictions: undefined, stages: [v0, v1, v2], stageNames: ['v0', 'v1', 'v2'] });
      const expected = flowGraph([v0, v1, v2], { changedOnly: true, topK: 30, stageNames: ['v0', 'v1', 'v2'] });
      expect(plain(el.flowGraph!)).to.deep.equal(plain(expected));
      expect(nodes(el)).to.have.length(expected.nodes.length);
      expect(links(el)).to.have.length(expected.links.length);
    });

    it('with only-changed off every item appears, and top-k / min-value act as in flowGraph', async () => {
      const el = await chain({ onlyChanged: false, topK: 2, minValue: 2 });
      const expected = flowGraph([v0, v1, v2], { topK: 2, minValue: 2, stageNames: ['v0', 'v1', 'v2'] });
      expect(plain(el.flowGraph!)).to.deep.equal(plain(expected));
      expect(el.flowGraph!.kept).to.equal(10);
    });

    it('only-changed is on by default and keeps the items whose prediction changes (as an attribute too)', async () => {
      const el = await chain();
      expect(el.onlyChanged).to.equal(true);
      expect(el.hasAttribute('only-changed')).to.equal(true);
      expect(el.flowGraph!.kept).to.equal(changed.length);
      const stage0 = el.flowGraph!.nodes.filter((d) => d.stage === 0);
      expect(stage0.flatMap((d) => Array.from(d.indices)).sort((a, b) => a - b)).to.deep.equal(changed);
      el.removeAttribute('only-changed');
      await settle(el);
      expect(el.flowGraph!.kept).to.equal(10);
    });

    it('names the columns after the versions in insertion order, truth first when given', async () => {
      const el = await chain({ predictions: { 'M0 · NB': v0, 'M1 · LR': v1 }, truth });
      expect(shadowQueryAll(el, '[part~="stage-label"]').map((t) => t.textContent)).to.deep.equal([
        'Truth',
        'M0 · NB',
        'M1 · LR',
      ]);
      // The truth column does not count as a change: item 5 (truth b, v0 a, v1 b) changed, item 1 did not.
      const first = el.flowGraph!.nodes.filter((d) => d.stage === 0).flatMap((d) => Array.from(d.indices));
      expect(first.sort((a, b) => a - b)).to.deep.equal([4, 5, 7]);
    });

    it('accepts a Map of versions and keeps "__proto__" as a version name', async () => {
      const el = await chain({
        predictions: new Map([
          ['__proto__', v0],
          ['constructor', v1],
        ]),
      });
      expect(el.flowGraph!.stageNames).to.deep.equal(['__proto__', 'constructor']);
      const el2 = await chain({ predictions: JSON.parse('{"__proto__": ["a","b"], "next": ["b","b"]}') });
      expect(el2.flowGraph!.stageNames).to.deep.equal(['__proto__', 'next']);
      expect(el2.flowGraph!.kept).to.equal(1);
    });

    it('focus-classes keeps the items that touch a class in any column, with their original indices', async () => {
      const el = await chain({}, 'focus-classes=a');
      expect(el.focusClasses).to.deep.equal(['a']);
      // Changed items touching "a": 4, 5 (a → b) and 7 (c → a → c); 6 (b → c) does not.
      const all = el.flowGraph!.nodes.filter((d) => d.stage === 1).flatMap((d) => Array.from(d.indices));
      expect(all.sort((a, b) => a - b)).to.deep.equal([4, 5, 7]);
      expect(el.flowGraph!.total).to.equal(10);
      const i = el.flowGraph!.links.findIndex((l) => l.source === '0:c' && l.target === '1:a');
      const select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      click(links(el)[i]);
      const { detail } = await select;
      expect(detail).to.include({ kind: 'link', stage: 0, value: 1 });
      expect(detail.keys).to.deep.equal(['c', 'a']);
      expect(Array.from(detail.indices)).to.deep.equal([7]);
    });

    it('says why it is empty when no prediction changes', async () => {
      const el = await chain({ predictions: { a: v0, b: v0 } });
      expect(shadowQuery(el, '[part~="empty"]').textContent).to.contain('No prediction changes');
    });

    it('draws every item of a single version (nothing to compare)', async () => {
      const el = await chain({ predictions: { only: v0 } });
      expect(el.flowGraph!.kept).to.equal(10);
      expect(nodes(el)).to.have.length(3);
    });
  });

  describe('node order', () => {
    it('a class keeps one vertical order in every column', async () => {
      const el = await chain({ onlyChanged: false });
      const order = el.nodeOrder.map((c) => c.map(String));
      const rank = order.map((c) => new Map(c.map((k, i) => [k, i])));
      for (let s = 1; s < order.length; s++) {
        const shared = order[0].filter((k) => rank[s].has(k));
        expect(shared.map((k) => rank[s].get(k))).to.deep.equal(
          [...shared.map((k) => rank[s].get(k)!)].sort((a, b) => a - b),
        );
      }
      const yOf = (stage: number, key: string) => {
        const i = el.flowGraph!.nodes.findIndex((d) => d.stage === stage && d.key === key);
        return Number(nodes(el)[i].getAttribute('y'));
      };
      for (const s of [0, 1, 2]) expect(yOf(s, order[0][0])).to.be.lessThan(yOf(s, order[0][2]));
    });

    it('node-sort="key" sorts the shared order by key', async () => {
      const el = await chain({ onlyChanged: false }, 'node-sort=key');
      expect(el.nodeOrder.map((c) => c.map(String))).to.deep.equal([
        ['a', 'b', 'c'],
        ['a', 'b', 'c'],
        ['a', 'b', 'c'],
      ]);
    });
  });

  describe('colour', () => {
    it('color-by="correct" splits a band into right and wrong sub-bands in proportion', async () => {
      const el = await chain({ truth, onlyChanged: false }, 'color-by=correct&legend=');
      const style = getComputedStyle(el);
      const right = style.getPropertyValue('--cl-chain-correct').trim();
      const wrong = style.getPropertyValue('--cl-chain-wrong').trim();
      // truth → v0, link a → a holds items 0, 1, 4 (right in v0) and 5 (truth b, wrong).
      const g = el.flowGraph!;
      const k = g.links.findIndex((l) => l.source === '0:b' && l.target === '1:a');
      expect(Array.from(g.links[k].indices)).to.deep.equal([5]);
      const segs = shadowQueryAll<SVGPathElement>(el, '.link-segment');
      expect(segs.length).to.be.greaterThan(0);
      expect(new Set(segs.map((p) => p.getAttribute('stroke')))).to.deep.equal(new Set([right, wrong]));
      // v0 → v1, link a → b holds 4 (truth a: wrong in v1) and 5 (truth b: right in v1): one each.
      const ab = g.links.findIndex((l) => l.source === '1:a' && l.target === '2:b');
      const band = links(el)[ab];
      expect(band.classList.contains('is-split')).to.equal(true);
      const w = Number(band.getAttribute('stroke-width'));
      const widths = segs.map((p) => Number(p.getAttribute('stroke-width')));
      expect(widths.some((x) => Math.abs(x - w / 2) < 0.01)).to.equal(true);
      // The tooltip counts each colour.
      band.dispatchEvent(new PointerEvent('pointerenter'));
      await el.updateComplete;
      const rows = Object.fromEntries(
        Array.from(shadowQuery(el, '[part~="tooltip"]').querySelectorAll('tr'), (tr) => [
          tr.querySelector('th')!.textContent,
          tr.querySelector('td')!.textContent,
        ]),
      );
      expect(rows).to.include({ Items: '2', Right: '1 (50%)', Wrong: '1 (50%)' });
      expect(shadowQuery(el, '[part~="legend"]').textContent).to.contain('Wrong');
    });

    it('color-by="class" colours later bands by the class the items had in the first column', async () => {
      const el = await chain();
      const g = el.flowGraph!;
      // v1 → v2, b → b carries items 4, 5 (a in v0); its colour is a's node colour.
      const k = g.links.findIndex((l) => l.source === '1:b' && l.target === '2:b');
      const aNode = g.nodes.findIndex((d) => d.id === '0:a');
      expect(links(el)[k].getAttribute('stroke')).to.equal(nodes(el)[aNode].getAttribute('fill'));
    });

    it('color-by="truth" without truth warns once and colours by class', async () => {
      const el = await fixture<ClChainSankey>(
        html`<cl-chain-sankey style="width: 600px; height: 300px" color-by="truth"></cl-chain-sankey>`,
      );
      const warning = oneEvent<CustomEvent<ClWarningDetail>>(el, 'cl-warning');
      el.predictions = { v0, v1, v2 };
      expect((await warning).detail.code).to.equal('NO_TRUTH');
      await settle(el);
      expect(links(el).length).to.be.greaterThan(0);
    });

    it('color-by="truth" with hide-truth colours by true class without drawing the truth column', async () => {
      const el = await chain({ truth }, 'color-by=truth&hide-truth=');
      expect(el.flowGraph!.stageNames).to.deep.equal(['v0', 'v1', 'v2']);
      // v0 → v1, a → b carries 4 (truth a) and 5 (truth b): two colours.
      const k = el.flowGraph!.links.findIndex((l) => l.source === '0:a' && l.target === '1:b');
      expect(links(el)[k].classList.contains('is-split')).to.equal(true);
    });
  });

  describe('interaction', () => {
    it('hovering a node lights up the whole path of its items across every version', async () => {
      const el = await chain();
      const g = el.flowGraph!;
      const i = g.nodes.findIndex((d) => d.id === '1:a'); // item 7 only
      const hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      nodes(el)[i].dispatchEvent(new PointerEvent('pointerenter'));
      const { detail } = await hover;
      expect(Array.from(detail.indices)).to.deep.equal([7]);
      await el.updateComplete;
      const active = links(el)
        .map((p, k) => (p.classList.contains('is-active') ? `${g.links[k].source}>${g.links[k].target}` : ''))
        .filter(Boolean);
      expect(active.sort()).to.deep.equal(['0:c>1:a', '1:a>2:c']);
    });

    it('the tooltip gives the count and the shares of source and target', async () => {
      const el = await chain();
      const g = el.flowGraph!;
      const k = g.links.findIndex((l) => l.source === '0:a' && l.target === '1:b');
      links(el)[k].dispatchEvent(new PointerEvent('pointerenter'));
      await el.updateComplete;
      const tip = shadowQuery(el, '[part~="tooltip"]');
      expect(tip.querySelector('.tooltip__title')!.textContent).to.equal('a → b');
      const rows = Object.fromEntries(
        Array.from(tip.querySelectorAll('tr'), (tr) => [
          tr.querySelector('th')!.textContent,
          tr.querySelector('td')!.textContent,
        ]),
      );
      expect(rows).to.include({ Items: '2', 'P(v1 | v0)': '100%', 'P(v0 | v1)': '66.7%' });
    });

    it('clicking a node selects exactly its items; keyboard reaches every mark', async () => {
      const el = await chain();
      const g = el.flowGraph!;
      const i = g.nodes.findIndex((d) => d.id === '2:c');
      const select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      click(nodes(el)[i]);
      const { detail } = await select;
      expect(detail).to.include({ kind: 'node', stage: 2, value: 2 });
      expect(Array.from(detail.indices)).to.deep.equal([6, 7]);
      const chart = shadowQuery<HTMLElement>(el, '[part~="chart"]');
      chart.focus();
      const key = (k: string) => chart.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      const seen = new Set<string>();
      // The click put the cursor on 2:c (last column): arrows continue from there.
      for (const k of ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowDown']) {
        const hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover', 500).catch(() => null);
        key(k);
        const e = await hover;
        if (e) seen.add(`${e.detail.kind}:${e.detail.stage}`);
      }
      expect([...seen]).to.include.members(['link:1', 'node:1', 'link:0', 'node:0']);
    });

    it('highlight from outside emphasises the items along their paths', async () => {
      const el = await chain();
      el.highlight = [6];
      await el.updateComplete;
      const g = el.flowGraph!;
      const active = links(el)
        .map((p, k) => (p.classList.contains('is-active') ? `${g.links[k].source}>${g.links[k].target}` : ''))
        .filter(Boolean);
      // Item 6 is all of 0:b → 1:b and of 1:b → 2:c; every other band is dimmed.
      expect(active.sort()).to.deep.equal(['0:b>1:b', '1:b>2:c']);
      expect(links(el).filter((p) => p.classList.contains('is-dim'))).to.have.length(links(el).length - 2);
    });

    it('at scale, hairlines are bundled per colour and the one under the pointer is picked', async () => {
      // 60 classes, every pair of classes between two versions: 3,600 links, most far under a pixel.
      const n = 60 * 60 * 2;
      const a: string[] = [];
      const b: string[] = [];
      for (let i = 0; i < n; i++) {
        a.push(`k${Math.floor(i / 2) % 60}`);
        b.push(`k${Math.floor(i / 120) % 60}`);
      }
      for (let i = 0; i < 30_000; i++) (a.push('k0'), b.push('k0'));
      const el = await chain({ predictions: { A: a, B: b }, onlyChanged: false, topK: 60 });
      const bundles = shadowQueryAll<SVGPathElement>(el, '[part~="link-bundle"]');
      expect(bundles.length).to.be.greaterThan(0);
      expect(links(el).length).to.be.lessThan(el.flowGraph!.links.length);
      // Hover the middle of one bundled hairline: its link is the hovered mark.
      const d = bundles[0].getAttribute('d')!;
      const m = /^M([\d.]+),([\d.]+)C[\d.]+,[\d.]+ [\d.]+,[\d.]+ ([\d.]+),([\d.]+)/.exec(d)!;
      const [xa, ya, xb, yb] = [m[1], m[2], m[3], m[4]].map(Number);
      const svgBox = shadowQuery(el, 'svg.sankey').getBoundingClientRect();
      const hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      bundles[0].dispatchEvent(
        new PointerEvent('pointermove', {
          clientX: svgBox.left + (xa + xb) / 2,
          clientY: svgBox.top + (ya + yb) / 2,
          bubbles: true,
        }),
      );
      const { detail } = await hover;
      expect(detail.kind).to.equal('link');
      const link = el.flowGraph!.links.find(
        (l) => l.source === `0:${detail.keys[0]}` && l.target === `1:${detail.keys[1]}`,
      )!;
      expect(Array.from(detail.indices)).to.deep.equal(Array.from(link.indices));
    });
  });

  describe('bad input', () => {
    it('versions of different lengths: coded error, visible state, recovery', async () => {
      const el = await chain();
      const error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.predictions = { v0, v1: v1.slice(2) };
      const { detail } = await error;
      expect(detail).to.deep.equal({ code: 'LENGTH_MISMATCH', message: 'v1 has length 8 but v0 has length 10' });
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="error"]').textContent).to.contain('v1 has length 8');
      el.predictions = { v0, v1 };
      await settle(el);
      expect(shadowQueryAll(el, '[part~="error"]')).to.have.length(0);
      expect(links(el).length).to.be.greaterThan(0);
    });

    it('truth of the wrong length, or a version that is not an array, is rejected with a code', async () => {
      const el = await chain();
      let error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.truth = truth.slice(1);
      expect((await error).detail.code).to.equal('LENGTH_MISMATCH');
      el.truth = undefined;
      error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.predictions = { v0, v1: 42 as unknown as string[] };
      expect((await error).detail).to.deep.equal({
        code: 'INVALID_ARGUMENT',
        message: 'v1: expected an array of class labels',
      });
    });

    it('treats unset and wrongly typed properties as unset', async () => {
      const el = await chain({ predictions: undefined });
      expect(shadowQueryAll(el, '[part~="empty"]')).to.have.length(1);
      el.setAttribute('color-by', 'rainbow');
      el.setAttribute('node-sort', 'sideways');
      el.setAttribute('top-k', 'many');
      el.predictions = { v0, v1 };
      await settle(el);
      expect(links(el).length).to.be.greaterThan(0);
    });

    it('renders labels as text: HTML in a class or version name never runs', async () => {
      const w = window as unknown as { pwned?: boolean };
      const evil = '<img src=x onerror="window.pwned=true">';
      const el = await chain({
        predictions: { [evil]: [evil, 'ok', 'ok'], v1: ['ok', evil, 'ok'] },
        onlyChanged: false,
      });
      await aTimeout(50);
      expect(w.pwned).to.equal(undefined);
      expect(shadowQueryAll(el, 'img')).to.have.length(0);
      expect(shadowQueryAll(el, '[part~="stage-label"]')[0].textContent).to.contain('<img');
    });
  });

  describe('accessibility', () => {
    it('has no axe violations on the chart (with legend and table) and in its error state', async () => {
      const el = await chain({ truth, label: 'Versions' }, 'color-by=correct&legend=');
      await expectNoAxeViolations(el);
      expect(shadowQuery(el, '[part~="chart"]').getAttribute('aria-label')).to.contain(
        'Versions: 4 items across 4 stages',
      );
      const bad = await chain({ predictions: { v0, v1: v1.slice(1) } });
      await expectNoAxeViolations(bad);
      expect(shadowQuery(bad, '[role="alert"]').textContent).to.contain('LENGTH_MISMATCH');
    });
  });

  describe('lifecycle', () => {
    it('connects and disconnects 200 times without leaking listeners or observers', async () => {
      const el = await chain();
      await expectCleanReconnects(el, { settle: () => settle(el) });
      expect(links(el).length).to.be.greaterThan(0);
    });

    it('a re-render with new arrays of the same contents keeps the selection', async () => {
      const el = await chain();
      const i = el.flowGraph!.nodes.findIndex((d) => d.id === '2:c');
      click(nodes(el)[i]);
      await el.updateComplete;
      let cleared = false;
      el.addEventListener('cl-select', () => (cleared = true));
      el.predictions = { v0: [...v0], v1: [...v1], v2: [...v2] };
      await settle(el);
      await aTimeout(10);
      expect(cleared).to.equal(false);
      expect(shadowQueryAll(el, '.is-dim').length).to.be.greaterThan(0);
    });
  });
});
