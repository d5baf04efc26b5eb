// The test harness helpers themselves: each can fail.
import {
  countListeners,
  countObservers,
  expect,
  fixture,
  html,
  nextFrame,
  oneEvent,
  shadowQuery,
  shadowQueryAll,
  type ListenerCounter,
} from '../harness/index.js';

class InfraNest extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const leaf = this.hasAttribute('leaf');
    const hit = document.createElement('span');
    hit.className = 'hit';
    hit.textContent = leaf ? 'inner' : 'outer';
    const box = document.createElement('div');
    root.append(hit, box);
    if (!leaf) {
      const inner = document.createElement('infra-nest');
      inner.setAttribute('leaf', '');
      box.append(inner);
    }
  }
}
if (!customElements.get('infra-nest')) customElements.define('infra-nest', InfraNest);

describe('shadowQueryAll(el, selector)', () => {
  it('finds matches in nested open shadow roots', async () => {
    const el = await fixture(html`<infra-nest></infra-nest>`);
    expect(shadowQueryAll(el, '.hit').length).to.equal(2);
    expect(shadowQuery(el, '.hit').textContent).to.equal('outer');
  });

  it('throws naming the selector when nothing matches', async () => {
    const el = await fixture(html`<infra-nest></infra-nest>`);
    expect(() => shadowQuery(el, '.missing')).to.throw('.missing');
  });
});

describe('oneEvent(target, type, timeoutMs)', () => {
  it('resolves with the dispatched event', async () => {
    const target = new EventTarget();
    const next = oneEvent<CustomEvent<number>>(target, 'cl-x');
    target.dispatchEvent(new CustomEvent('cl-x', { detail: 7 }));
    expect((await next).detail).to.equal(7);
  });

  it('rejects after the timeout naming the event', async () => {
    let message = '';
    await oneEvent(new EventTarget(), 'cl-never', 10).catch((err: Error) => (message = err.message));
    expect(message).to.contain('cl-never');
  });
});

describe('nextFrame(n)', () => {
  it('waits for n animation frames', async () => {
    let frames = 0;
    const count = () => {
      frames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    await nextFrame(3);
    expect(frames).to.be.at.least(2);
  });
});

describe('countListeners()', () => {
  let counter: ListenerCounter | undefined;
  afterEach(() => counter?.restore());

  it('counts adds and removes, ignoring duplicates', () => {
    counter = countListeners();
    const target = new EventTarget();
    const fn = () => {};
    target.addEventListener('a', fn);
    target.addEventListener('a', fn);
    target.addEventListener('a', fn, { capture: true });
    window.addEventListener('resize', fn);
    expect(counter.live).to.equal(3);
    expect(counter.on(target)).to.equal(2);
    expect(counter.byType()).to.deep.equal({ a: 2, resize: 1 });
    target.removeEventListener('a', fn);
    target.removeEventListener('a', fn, true);
    window.removeEventListener('resize', fn);
    expect(counter.live).to.equal(0);
  });

  it('drops once-listeners after they fire and still calls them', () => {
    counter = countListeners();
    const target = new EventTarget();
    let calls = 0;
    target.addEventListener('a', () => calls++, { once: true });
    expect(counter.live).to.equal(1);
    target.dispatchEvent(new Event('a'));
    target.dispatchEvent(new Event('a'));
    expect(calls).to.equal(1);
    expect(counter.live).to.equal(0);
  });

  it('removes a once-listener by its original function', () => {
    counter = countListeners();
    const target = new EventTarget();
    let calls = 0;
    const fn = () => calls++;
    target.addEventListener('a', fn, { once: true });
    target.removeEventListener('a', fn);
    target.dispatchEvent(new Event('a'));
    expect(calls).to.equal(0);
    expect(counter.live).to.equal(0);
  });

  it('drops listeners whose signal aborts', () => {
    counter = countListeners();
    const controller = new AbortController();
    window.addEventListener('keydown', () => {}, { signal: controller.signal });
    expect(counter.live).to.equal(1);
    controller.abort();
    expect(counter.live).to.equal(0);
  });

  it('sees a leak: a listener left on window', () => {
    counter = countListeners();
    const leaky = () => {};
    window.addEventListener('resize', leaky);
    expect(counter.live).to.equal(1);
    window.removeEventListener('resize', leaky);
  });
});

describe('countObservers()', () => {
  it('counts observed targets until unobserve or disconnect', () => {
    const counter = countObservers();
    try {
      const a = document.createElement('div');
      const b = document.createElement('div');
      const ro = new ResizeObserver(() => {});
      ro.observe(a);
      ro.observe(b);
      ro.observe(b);
      const mo = new MutationObserver(() => {});
      mo.observe(a, { childList: true });
      expect(counter.live()).to.deep.equal({ resize: 2, mutation: 1, intersection: 0 });
      ro.unobserve(a);
      expect(counter.live().resize).to.equal(1);
      ro.disconnect();
      mo.disconnect();
      expect(counter.live()).to.deep.equal({ resize: 0, mutation: 0, intersection: 0 });
    } finally {
      counter.restore();
    }
  });
});
