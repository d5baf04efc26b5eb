// Leak tests need a forced garbage collection: the runner starts Chromium with
// --js-flags=--expose-gc and precise memory info.
import { aTimeout, expect } from '../harness/index.js';

declare global {
  interface Window {
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number; totalJSHeapSize: number; jsHeapSizeLimit: number };
  }
}

describe('garbage collection in the test browser', () => {
  it('exposes window.gc', () => {
    expect(window.gc).to.be.a('function');
  });

  it('collects an unreachable object when gc() runs', async () => {
    let ref: WeakRef<object> | undefined;
    (() => {
      ref = new WeakRef({ payload: new Array(1000).fill(1) });
    })();
    // WeakRef targets stay alive until the current task ends.
    await aTimeout(0);
    window.gc!();
    expect(ref!.deref()).to.equal(undefined);
  });

  it('reports heap size from performance.memory', () => {
    expect(performance.memory?.usedJSHeapSize).to.be.a('number').and.be.greaterThan(0);
  });
});
