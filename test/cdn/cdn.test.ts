// The single-file CDN bundle, as a plain HTML page would use it: one module, every tag
// registered, dependencies inlined, and safe to load twice. `npm test` builds it first.
import { expect, fixture, html, nextFrame } from '../harness/index.js';

const bundle = new URL('../../packages/elements/dist/cdn/classlens.js', import.meta.url).href;

describe('CDN bundle (dist/cdn/classlens.js)', () => {
  it('registers cl-flow-sankey and draws with no other imports', async () => {
    await import(bundle);
    expect(customElements.get('cl-flow-sankey')).to.be.a('function');
    const el = await fixture<HTMLElement & { stages: string[][]; updateComplete: Promise<boolean> }>(
      html`<cl-flow-sankey style="width: 500px; height: 300px"></cl-flow-sankey>`,
    );
    el.stages = [
      ['a', 'b', 'b'],
      ['a', 'a', 'b'],
    ];
    await el.updateComplete;
    await nextFrame(2);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~="link"]').length).to.equal(3);
  });

  it('can be loaded a second time (two copies on one page) without throwing', async () => {
    await import(`${bundle}?copy=2`);
    expect(customElements.get('cl-flow-sankey')).to.be.a('function');
  });

  it('imports no bare module specifiers (everything is inlined)', async () => {
    const text = await (await fetch(bundle)).text();
    expect(text).not.to.match(/from\s*["'](lit|d3-[a-z]+|@classlens\/[a-z]+)["']/);
  });
});
