// Small DOM helpers for element tests, so tests drive elements through one place
// instead of poking into shadow roots by hand.

/** Resolves after `n` animation frames (default 1); two make sure a rAF-scheduled draw ran. */
export async function nextFrame(n = 1): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<number>((resolve) => requestAnimationFrame(resolve));
}

/**
 * Resolves with the next `type` event dispatched on `target`. Rejects after `timeoutMs`
 * (default 2000) naming the event, so a missing event fails the test instead of hanging it.
 */
export function oneEvent<E extends Event = CustomEvent>(
  target: EventTarget,
  type: string,
  timeoutMs = 2000,
): Promise<E> {
  return new Promise<E>((resolve, reject) => {
    const timer = setTimeout(() => {
      target.removeEventListener(type, listener);
      reject(new Error(`oneEvent: no "${type}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    function listener(event: Event) {
      clearTimeout(timer);
      target.removeEventListener(type, listener);
      resolve(event as E);
    }
    target.addEventListener(type, listener);
  });
}

function collect(root: ParentNode, selector: string, out: Element[]): void {
  for (const el of root.querySelectorAll(selector)) out.push(el);
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) collect(el.shadowRoot, selector, out);
  }
}

/**
 * Every element matching `selector` inside `el`'s shadow root and, recursively, inside
 * the open shadow roots of its descendants (document order within each root).
 */
export function shadowQueryAll<T extends Element = Element>(el: Element, selector: string): T[] {
  if (!el.shadowRoot) throw new Error(`shadowQueryAll: <${el.localName}> has no open shadow root`);
  const out: Element[] = [];
  collect(el.shadowRoot, selector, out);
  return out as T[];
}

/** The first match of {@link shadowQueryAll}; throws naming the selector when there is none. */
export function shadowQuery<T extends Element = Element>(el: Element, selector: string): T {
  const [first] = shadowQueryAll<T>(el, selector);
  if (!first) throw new Error(`shadowQuery: nothing matches "${selector}" in <${el.localName}>`);
  return first;
}
