import '../../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import '../../packages/elements/src/linked/cl-linked.js';
import type { ClFlowSankey } from '../../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import type { ClLinked } from '../../packages/elements/src/linked/cl-linked.js';
import { expect, fixture, html, nextFrame, shadowQueryAll } from '../harness/index.js';

async function settle(el: ClFlowSankey) {
  await el.updateComplete;
  await nextFrame(2);
  await el.updateComplete;
}
const links = (el: Element) => shadowQueryAll<SVGPathElement>(el, '[part~="link"]');
const nodes = (el: Element) => shadowQueryAll<SVGRectElement>(el, '[part~="node"]');
const nodeIndex = (el: ClFlowSankey, stage: number, key: string) =>
  el.flowGraph!.nodes.findIndex((d) => d.stage === stage && String(d.key) === key);
const linkIndex = (el: ClFlowSankey, s: string, t: string) =>
  el.flowGraph!.links.findIndex((l) => l.source === `0:${s}` && l.target === `1:${t}`);

describe('<cl-linked>', () => {
  it('<cl-linked> gives its views one class colour and links selection to highlight', async () => {
    const wrap = await fixture<ClLinked>(
      html`<cl-linked>
        <cl-flow-sankey id="one" style="display: block; width: 500px; height: 240px"></cl-flow-sankey>
        <cl-flow-sankey id="two" style="display: block; width: 500px; height: 240px"></cl-flow-sankey>
      </cl-linked>`,
    );
    const one = wrap.querySelector<ClFlowSankey>('#one')!;
    const two = wrap.querySelector<ClFlowSankey>('#two')!;
    // Different class subsets: alone, "c" would be slot 0 in `two` and slot 2 in `one`.
    one.stages = [
      ['a', 'b', 'c', 'c'],
      ['a', 'b', 'c', 'a'],
    ];
    two.stages = [
      ['c', 'c', 'c', 'c'],
      ['c', 'c', 'c', 'c'],
    ];
    await settle(one);
    await settle(two);
    await settle(one);
    const fillOf = (el: ClFlowSankey, key: string) => nodes(el)[nodeIndex(el, 0, key)].getAttribute('fill');
    expect(fillOf(one, 'c')).to.equal(fillOf(two, 'c'));
    // Select a link in one → the other view highlights those items.
    const k = linkIndex(one, 'c', 'a');
    links(one)[k].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(two);
    expect(Array.from(two.highlight as ArrayLike<number>)).to.deep.equal([3]);
    expect(one.highlight).to.equal(undefined);
    // Clearing the selection clears the highlight.
    links(one)[k].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(two);
    expect(two.highlight).to.equal(undefined);
  });

  it('hover highlights while on a mark, then falls back to the selection', async () => {
    const wrap = await fixture<ClLinked>(
      html`<cl-linked>
        <cl-flow-sankey id="one" style="display: block; width: 500px; height: 240px"></cl-flow-sankey>
        <div><cl-flow-sankey id="two" style="display: block; width: 500px; height: 240px"></cl-flow-sankey></div>
      </cl-linked>`,
    );
    const one = wrap.querySelector<ClFlowSankey>('#one')!;
    const two = wrap.querySelector<ClFlowSankey>('#two')!;
    const t = ['a', 'a', 'b', 'b'];
    const p = ['a', 'b', 'b', 'a'];
    one.stages = [t, p];
    two.stages = [t, t];
    await settle(one);
    await settle(two);
    links(one)[linkIndex(one, 'a', 'b')].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(two);
    expect(Array.from(two.highlight as ArrayLike<number>)).to.deep.equal([1]);
    links(one)[linkIndex(one, 'b', 'a')].dispatchEvent(new PointerEvent('pointerenter'));
    await settle(two);
    expect(Array.from(two.highlight as ArrayLike<number>)).to.deep.equal([3]);
    one.shadowRoot!.querySelector('.chart')!.dispatchEvent(new PointerEvent('pointerleave'));
    await settle(two);
    expect(Array.from(two.highlight as ArrayLike<number>)).to.deep.equal([1]);
    // on="select" ignores hover.
    wrap.on = 'select';
    await wrap.updateComplete;
    links(one)[linkIndex(one, 'b', 'a')].dispatchEvent(new PointerEvent('pointerenter'));
    await settle(two);
    expect(Array.from(two.highlight as ArrayLike<number>)).to.deep.equal([1]);
    // independent-colors hands the shared scale back.
    wrap.independentColors = true;
    await wrap.updateComplete;
    expect(one.colorScale).to.equal(undefined);
  });
});
