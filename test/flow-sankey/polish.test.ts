// The defects a designer and a framework user found in cl-flow-sankey (issue 7), one test
// each: every test here failed before the element layer was reworked.
import '../../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import type { ClFlowSankey } from '../../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import type { ClErrorDetail, ClMarkDetail, ClWarningDetail } from '../../packages/elements/src/events.js';
import { expect, fixture, html, nextFrame, oneEvent, shadowQuery, shadowQueryAll } from '../harness/index.js';

async function settle(el: ClFlowSankey) {
  await el.updateComplete;
  await nextFrame(2);
  await el.updateComplete;
}

async function sankey(props: Partial<ClFlowSankey>, style = 'width: 600px; height: 360px'): Promise<ClFlowSankey> {
  const el = await fixture<ClFlowSankey>(html`<cl-flow-sankey style=${style}></cl-flow-sankey>`);
  Object.assign(el, props);
  await settle(el);
  return el;
}

const links = (el: Element) => shadowQueryAll<SVGPathElement>(el, '[part~="link"]');
const nodes = (el: Element) => shadowQueryAll<SVGRectElement>(el, '[part~="node"]');
const labelTexts = (el: Element) =>
  shadowQueryAll<SVGTextElement>(el, '[part~="label"]').map((t) =>
    t.textContent!.replace(/[\u2068\u2069]/g, '').trim(),
  );
const nodeIndex = (el: ClFlowSankey, stage: number, key: string) =>
  el.flowGraph!.nodes.findIndex((d) => d.stage === stage && String(d.key) === key);
const linkIndex = (el: ClFlowSankey, s: string, t: string) =>
  el.flowGraph!.links.findIndex((l) => l.source === `0:${s}` && l.target === `1:${t}`);

// truth → predicted, 10 classes; several misclassifications into "8".
const truth = ['0', '1', '1', '2', '3', '3', '5', '7', '8', '9', '1', '3', '9', '8'];
const pred = ['0', '8', '1', '8', '8', '3', '5', '7', '8', '8', '7', '5', '4', '3'];

describe('cl-flow-sankey polish (issue 7)', () => {
  it('a click on a node focuses that node, not the first one: after the pointer leaves nothing shows "0"', async () => {
    const el = await sankey({ stages: [truth, pred], stageNames: ['truth', 'predicted'] });
    const k = nodeIndex(el, 1, '8');
    const chart = shadowQuery<HTMLElement>(el, '.chart');
    const selected = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
    // What a real click does: pointerdown (which focuses the chart), then click.
    chart.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    chart.focus();
    nodes(el)[k].dispatchEvent(new PointerEvent('pointerenter'));
    nodes(el)[k].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const e = await selected;
    expect(e.detail.keys).to.deep.equal(['8']);
    chart.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(shadowQueryAll(el, '[part~="tooltip"]')).to.have.length(0);
    expect(shadowQueryAll(el, '.focus-ring')).to.have.length(0);
    // The emphasis is the selected "8", not the first node.
    expect(nodes(el)[k].classList.contains('is-dim')).to.equal(false);
    expect(nodes(el)[nodeIndex(el, 0, '0')].classList.contains('is-dim')).to.equal(true);
    // Arrows continue from the clicked node.
    const hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
    chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    const h = await hover;
    expect(h.detail.kind).to.equal('node');
    expect(h.detail.stage).to.equal(1);
    expect(h.detail.keys).to.not.deep.equal(['8']);
  });

  it('a framework re-render with equal new arrays keeps hover, focus and selection', async () => {
    const el = await sankey({ stages: [truth, pred], stageNames: ['truth', 'predicted'] });
    const k = linkIndex(el, '1', '8');
    links(el)[k].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await el.updateComplete;
    const dimBefore = links(el).map((p) => p.classList.contains('is-dim'));
    expect(dimBefore.filter((d) => !d)).to.have.length(1);
    let cleared = false;
    el.addEventListener('cl-select', (e) => {
      if ((e as CustomEvent<ClMarkDetail>).detail.kind === 'none') cleared = true;
    });
    const graph = el.flowGraph;
    el.stages = [[...truth], [...pred]]; // what React does with stages={[truth, pred]}
    el.stageNames = ['truth', 'predicted'];
    await settle(el);
    expect(el.flowGraph, 'not recomputed').to.equal(graph);
    expect(links(el).map((p) => p.classList.contains('is-dim'))).to.deep.equal(dimBefore);
    // New data in which the selected link still exists: the selection follows it.
    el.stages = [
      [...truth, '1'],
      [...pred, '8'],
    ];
    await settle(el);
    const k2 = linkIndex(el, '1', '8');
    expect(links(el)[k2].classList.contains('is-dim')).to.equal(false);
    expect(links(el).filter((p) => !p.classList.contains('is-dim'))).to.have.length(1);
    await nextFrame();
    expect(cleared).to.equal(false);
  });

  it('new data that reorders the links keeps the selection on the same link, by keys', async () => {
    const el = await sankey({ stages: [truth, pred], stageNames: ['truth', 'predicted'] });
    const k = linkIndex(el, '9', '8');
    links(el)[k].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await el.updateComplete;
    // A new, larger class sorts first (nodes go by value): link indices shift, while the
    // 9 → 8 link still exists.
    el.stages = [
      [...Array<string>(20).fill('X'), ...truth],
      [...Array<string>(20).fill('Y'), ...pred],
    ];
    await settle(el);
    const k2 = linkIndex(el, '9', '8');
    expect(k2).to.not.equal(k);
    const lit = links(el).filter((p) => !p.classList.contains('is-dim'));
    expect(lit).to.have.length(1);
    expect(lit[0]).to.equal(links(el)[k2]);
  });

  it('keys containing ">", ":" and NUL never make links collide', async () => {
    const a = ['a>1:b', 'a', 'a>1:b', 'a', 'a', 'x\u0000y'];
    const b = ['c', 'b>1:c', 'c', 'b>1:c', 'b>1:c', 'c'];
    const el = await sankey({ stages: [a, b], stageNames: ['s', 't'] });
    const g = el.flowGraph!;
    expect(links(el)).to.have.length(g.links.length);
    for (let k = 0; k < g.links.length; k++) {
      links(el)[k].dispatchEvent(new PointerEvent('pointerenter'));
      await el.updateComplete;
      const l = g.links[k];
      const s = g.nodes.find((d) => d.id === l.source)!;
      const t = g.nodes.find((d) => d.id === l.target)!;
      expect(shadowQuery(el, '.tooltip__title').textContent).to.equal(`${String(s.key)} → ${String(t.key)}`);
      const active = links(el).filter((p) => p.classList.contains('is-active'));
      expect(active).to.have.length(1);
      expect(active[0]).to.equal(links(el)[k]);
    }
  });

  it('at 900 × 600 px a two-stage chart with 20 nodes per stage labels every node', async () => {
    // Zipf-like sizes: the smallest nodes are a few pixels tall.
    const t: string[] = [];
    const p: string[] = [];
    for (let c = 0; c < 20; c++) {
      const n = Math.max(1, Math.round(400 / (c + 1) ** 1.6));
      for (let i = 0; i < n; i++) {
        t.push(`class ${c}`);
        p.push(`class ${(c * 7 + i) % 20}`);
      }
    }
    const el = await sankey({ stages: [t, p], stageNames: ['truth', 'predicted'] }, 'width: 900px; height: 600px');
    const g = el.flowGraph!;
    expect(g.nodes).to.have.length(40);
    expect(labelTexts(el)).to.have.length(40);
    expect(shadowQueryAll(el, '[part~="note"]')).to.have.length(0);
    // Labels never overlap: within a side, centres are at least a line apart.
    const ys = shadowQueryAll<SVGTextElement>(el, '[part~="label"]').map((t) => ({
      x: Number(t.getAttribute('x')),
      y: Number(t.getAttribute('y')),
    }));
    for (const side of new Set(ys.map((d) => d.x))) {
      const col = ys.filter((d) => d.x === side).sort((a, b) => a.y - b.y);
      for (let i = 1; i < col.length; i++) expect(col[i].y - col[i - 1].y).to.be.greaterThan(12);
    }
    // Labels that moved away from their node have a leader line.
    expect(shadowQueryAll(el, '.leader').length).to.be.greaterThan(0);
  });

  it('labels that cannot fit are counted in a visible note and stay in the table', async () => {
    const t: string[] = [];
    for (let c = 0; c < 60; c++) for (let i = 0; i <= c; i++) t.push(`k${c}`);
    const el = await sankey({ stages: [t, t], stageNames: ['a', 'b'], topK: 100 }, 'width: 500px; height: 260px');
    const g = el.flowGraph!;
    const shown = labelTexts(el).length;
    expect(shown).to.be.lessThan(g.nodes.length);
    const note = shadowQuery(el, '[part~="note"]').textContent!;
    expect(note).to.contain(`${g.nodes.length - shown} small nodes are unlabelled`);
    const nodeTable = shadowQueryAll(el, '[part~="table"]')[1];
    expect(nodeTable.querySelectorAll('tbody tr')).to.have.length(g.nodes.length);
    // The largest nodes keep their labels.
    expect(labelTexts(el).some((s) => s.startsWith('k59'))).to.equal(true);
  });

  it('the layout fills the element height', async () => {
    const el = await sankey({ stages: [truth, pred], stageNames: ['truth', 'predicted'], onlyChanged: true });
    const ys = nodes(el).map((r) => Number(r.getAttribute('y')) + Number(r.getAttribute('height')));
    const svg = shadowQuery<SVGSVGElement>(el, 'svg');
    const h = svg.viewBox.baseVal.height;
    expect(Math.max(...ys)).to.be.greaterThan(h - 12);
  });

  it('under only-changed, "Other → Other" is left out, warned about and noted', async () => {
    const t: string[] = [];
    const p: string[] = [];
    // 4 big classes; 12 rare ones that swap among themselves (merged into Other by top-k 4).
    for (let c = 0; c < 4; c++)
      for (let i = 0; i < 30; i++) (t.push(`big${c}`), p.push(i < 3 ? `big${(c + 1) % 4}` : `big${c}`));
    for (let c = 0; c < 12; c++) for (let i = 0; i < 3; i++) (t.push(`rare${c}`), p.push(`rare${(c + 1) % 12}`));
    const el = await fixture<ClFlowSankey>(html`<cl-flow-sankey style="width: 600px; height: 360px"></cl-flow-sankey>`);
    const warnings: ClWarningDetail[] = [];
    el.addEventListener('cl-warning', (e) => warnings.push((e as CustomEvent<ClWarningDetail>).detail));
    Object.assign(el, { stages: [t, p], stageNames: ['truth', 'predicted'], topK: 4, onlyChanged: true });
    await settle(el);
    const g = el.flowGraph!;
    const other = new Set(g.nodes.filter((d) => d.other).map((d) => d.id));
    expect(other.size).to.equal(2);
    expect(g.links.some((l) => other.has(l.source) && other.has(l.target))).to.equal(false);
    const w = warnings.find((x) => x.code === 'OTHER_CHANGES')!;
    expect(w.count).to.equal(36);
    expect(shadowQuery(el, '[part~="note"]').textContent).to.contain('36 changes within "Other" not drawn');
  });

  it('hover emphasis is drawn where the link joins the node, as a sub-band of proportional width', async () => {
    // Into predicted "8": from 1, 2, 3, 8, 9. Hover 9 → 8: its block must sit where that link enters.
    const el = await sankey({ stages: [truth, pred], stageNames: ['truth', 'predicted'], nodeSort: 'key' });
    const k = linkIndex(el, '9', '8');
    links(el)[k].dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    const target = nodes(el)[nodeIndex(el, 1, '8')];
    // One block at the target (where the link enters) and one at the source "9" (where it leaves).
    const blocks = shadowQueryAll<SVGRectElement>(el, '.node-emphasis');
    expect(blocks).to.have.length(2);
    const block = blocks.find((b) => b.getAttribute('x') === target.getAttribute('x'))!;
    const y0 = Number(target.getAttribute('y'));
    const by = Number(block.getAttribute('y'));
    expect(by, 'not pinned to the node top').to.be.greaterThan(y0 + 1);
    // The link enters at its band centre ± width/2: the block covers exactly that span.
    const w = Number(links(el)[k].getAttribute('stroke-width'));
    expect(Number(block.getAttribute('height'))).to.be.closeTo(w, 0.01);
  });

  it('a highlighted share is a thin sub-band; the rest of the band is dimmed', async () => {
    const t = Array<string>(40).fill('a');
    const p = Array<string>(40).fill('b');
    const el = await sankey({ stages: [t, p], stageNames: ['s', 't'], highlight: [3] });
    const [band] = links(el);
    expect(band.classList.contains('is-dim')).to.equal(true);
    const sub = shadowQuery<SVGPathElement>(el, '.link-emphasis');
    expect(Number(sub.getAttribute('stroke-width'))).to.be.closeTo(
      Number(band.getAttribute('stroke-width')) / 40,
      0.01,
    );
  });

  describe('bad graph input: a coded error and a visible state, never a blank chart', () => {
    const base = () => ({
      nodes: [
        { id: 'a', stage: 0 },
        { id: 'b', stage: 1 },
      ] as { id: string; stage?: number }[],
      links: [{ source: 'a', target: 'b', value: 1, indices: [0] as number[] }] as {
        source: string;
        target: string;
        value: number;
        indices?: number[];
      }[],
      stageNames: undefined as string[] | undefined,
    });
    const cases: [string, () => ReturnType<typeof base>, RegExp][] = [
      [
        'a node at stage 150000',
        () => ({
          ...base(),
          nodes: [
            { id: 'a', stage: 0 },
            { id: 'b', stage: 150000 },
          ],
        }),
        /stage 150000/,
      ],
      [
        'stage 1e9',
        () => ({
          ...base(),
          nodes: [
            { id: 'a', stage: 0 },
            { id: 'b', stage: 1e9 },
          ],
        }),
        /stage 1000000000/,
      ],
      [
        'stages ordered backwards',
        () => ({
          ...base(),
          nodes: [
            { id: 'a', stage: 1 },
            { id: 'b', stage: 0 },
          ],
        }),
        /goes back from stage 1 to stage 0/,
      ],
      [
        'a link within one stage',
        () => ({
          ...base(),
          nodes: [
            { id: 'a', stage: 0 },
            { id: 'b', stage: 0 },
          ],
        }),
        /joins two nodes of stage 0/,
      ],
      [
        'value 1e12 with one index',
        () => ({ ...base(), links: [{ source: 'a', target: 'b', value: 1e12, indices: [0] }] }),
        /value 1000000000000 but 1 item index/,
      ],
      [
        'indices [-1]',
        () => ({ ...base(), links: [{ source: 'a', target: 'b', value: 1, indices: [-1] }] }),
        /item index -1/,
      ],
      [
        'an indices count that differs from value',
        () => ({ ...base(), links: [{ source: 'a', target: 'b', value: 3, indices: [0, 1] }] }),
        /value 3 but 2 item indices/,
      ],
      [
        'stageNames of the wrong length',
        () => ({ ...base(), stageNames: ['one', 'two', 'three'] }),
        /3 stage names for 2 stages/,
      ],
      [
        'a 150000-node chain (stages by longest path)',
        () => ({
          nodes: Array.from({ length: 150000 }, (_, i) => ({ id: `n${i}` })),
          links: Array.from({ length: 149999 }, (_, i) => ({ source: `n${i}`, target: `n${i + 1}`, value: 1 })),
          stageNames: undefined,
        }),
        /150000 stages; at most 64/,
      ],
    ];
    for (const [name, make, message] of cases) {
      it(name, async () => {
        const el = await fixture<ClFlowSankey>(
          html`<cl-flow-sankey style="width: 500px; height: 300px"></cl-flow-sankey>`,
        );
        const error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error', 5000);
        // Decided before any allocation: the old element hung or overflowed here (the
        // 5 s event wait and mocha's timeout guard against a hang; no timing is asserted).
        el.graph = make();
        const e = await error;
        expect(e.detail.code).to.equal('INVALID_ARGUMENT');
        expect(e.detail.message).to.match(message);
        expect(shadowQuery(el, '[part~="error"]').textContent).to.match(message);
        // Recovers when fixed.
        el.graph = base();
        await settle(el);
        expect(shadowQueryAll(el, '[part~="error"]')).to.have.length(0);
        expect(links(el)).to.have.length(1);
      });
    }
  });

  it('toPNG(NaN) throws a coded error', async () => {
    const el = await sankey({ stages: [truth, pred] });
    let caught: unknown;
    try {
      await el.toPNG(NaN);
    } catch (e) {
      caught = e;
    }
    expect((caught as { code?: string }).code).to.equal('INVALID_ARGUMENT');
  });

  it('shows a visible title from `heading`, separate from the accessible label', async () => {
    const el = await sankey({ stages: [truth, pred], heading: 'Where the digits go', label: 'Digits' });
    expect(shadowQuery(el, '[part~="heading"]').textContent).to.equal('Where the digits go');
    expect(shadowQuery(el, '[part~="chart"]').getAttribute('aria-label')).to.match(/^Digits:/);
  });

  describe('colour', () => {
    it('25 classes get 25 distinct colours, none of them the "Other" grey', async () => {
      const keys = Array.from({ length: 25 }, (_, i) => `c${i}`);
      const el = await sankey({ stages: [keys, keys], stageNames: ['a', 'b'], nodeSort: 'key' });
      const fills = nodes(el).map((r) => r.getAttribute('fill'));
      const stage0 = el.flowGraph!.nodes.map((d, i) => (d.stage === 0 ? fills[i] : null)).filter(Boolean);
      expect(new Set(stage0).size).to.equal(25);
      expect(stage0).to.not.include('#8c959f');
      // A class has one colour in both stages.
      for (const k of keys) expect(fills[nodeIndex(el, 0, k)]).to.equal(fills[nodeIndex(el, 1, k)]);
    });

    it('a hierarchy is coloured by its top-level ancestor, lighter with depth; `colors` overrides', async () => {
      const data = [
        { d: 'Food', c: 'Fruit' },
        { d: 'Food', c: 'Bread' },
        { d: 'Tools', c: 'Saws' },
        { d: 'Tools', c: 'Drills' },
      ];
      const el = await sankey({ data, levels: ['d', 'c'] });
      const fill = (s: number, k: string) => nodes(el)[nodeIndex(el, s, k)].getAttribute('fill');
      expect(fill(1, 'Fruit')).to.equal(fill(1, 'Bread'));
      expect(fill(1, 'Saws')).to.equal(fill(1, 'Drills'));
      expect(fill(1, 'Fruit')).to.not.equal(fill(1, 'Saws'));
      expect(fill(1, 'Fruit')).to.not.equal(fill(0, 'Food'));
      el.colors = { Tools: '#123456', Fruit: '#654321' };
      await settle(el);
      expect(fill(0, 'Tools')).to.equal('#123456');
      expect(fill(1, 'Fruit')).to.equal('#654321');
      // A class named like an Object.prototype member is data, not a lookup into the prototype.
      el.colors = {};
      el.data = [{ d: 'constructor', c: '__proto__' }];
      await settle(el);
      expect(fill(0, 'constructor')).to.match(/^#[0-9a-f]{6}$/);
    });
  });
});
