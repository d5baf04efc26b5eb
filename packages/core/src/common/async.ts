import { throwIfAborted } from './errors.js';

/** Options every async (heavy) core function takes. */
export interface AsyncOptions {
  /** Aborting rejects the promise with an `AbortError` within one iteration. */
  signal?: AbortSignal;
  /** Called with the fraction done, in [0, 1], at least once at the end with 1. */
  onProgress?: (fraction: number) => void;
}

/**
 * Lets other tasks run (and an abort arrive) between chunks of a long computation.
 * Uses `setImmediate` where present (Node), else a `MessageChannel` (browsers,
 * workers), else `setTimeout(0)`.
 */
export function yieldToEventLoop(signal?: AbortSignal): Promise<void> {
  throwIfAborted(signal);
  const g = globalThis as unknown as {
    setImmediate?: (cb: () => void) => unknown;
    MessageChannel?: new () => {
      port1: { onmessage: null | (() => void); close(): void };
      port2: { postMessage(v: unknown): void; close(): void };
    };
  };
  return new Promise((resolve) => {
    if (g.setImmediate) g.setImmediate(resolve);
    else if (g.MessageChannel) {
      const ch = new g.MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        ch.port2.close();
        resolve();
      };
      ch.port2.postMessage(0);
    } else setTimeout(resolve, 0);
  });
}
