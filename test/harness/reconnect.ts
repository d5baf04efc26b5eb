// The lifecycle check every element shares: disconnect and reconnect it many times, then
// assert that nothing piled up while it was connected.
import { expect } from '@open-wc/testing';
import { countListeners, countObservers } from './leaks.js';

/** Options for {@link expectCleanReconnects}. */
export interface ReconnectOptions {
  /** Disconnect/reconnect cycles (default 200). */
  times?: number;
  /** Resolves once the element has drawn again (its size known, its update complete). */
  settle: () => Promise<void>;
  /** Resize observers allowed while connected (default 1: the element's own). */
  maxResizeObservers?: number;
  /** Listeners allowed while connected, counted from before the first cycle (default 2). */
  maxListeners?: number;
}

/**
 * Removes `el` and appends it back to its parent `times` times (awaiting an update every
 * 50 cycles), settles it, and asserts that at most one resize observer and two listeners
 * registered during the cycles are still live — a controller that forgets to disconnect
 * would leave `times` of them. The element must be in the document when called.
 */
export async function expectCleanReconnects(
  el: HTMLElement & { updateComplete: Promise<unknown> },
  { times = 200, settle, maxResizeObservers = 1, maxListeners = 2 }: ReconnectOptions,
): Promise<void> {
  const parent = el.parentElement;
  if (!parent) throw new Error('expectCleanReconnects: the element is not in the document');
  const listeners = countListeners();
  const observers = countObservers();
  try {
    for (let i = 0; i < times; i++) {
      el.remove();
      parent.append(el);
      if (i % 50 === 0) await el.updateComplete;
    }
    await settle();
    expect(observers.live().resize, 'live resize observers').to.be.at.most(maxResizeObservers);
    expect(listeners.live, `live listeners ${JSON.stringify(listeners.byType())}`).to.be.at.most(maxListeners);
  } finally {
    listeners.restore();
    observers.restore();
  }
}
