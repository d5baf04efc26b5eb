import { yieldToEventLoop } from '../../common/async.js';
import { throwIfAborted } from '../../common/errors.js';

const now: () => number =
  typeof globalThis.performance?.now === 'function' ? () => globalThis.performance.now() : () => Date.now();

/**
 * Paces a long in-thread computation: `step()` checks the abort signal every time it
 * is called (once per iteration), reports progress, and yields to the event loop once
 * `sliceMs` of work has passed since the last yield, so an abort or other task can run
 * without paying a macrotask per iteration on tiny inputs.
 * @internal
 */
export class Pacer {
  private last = now();
  private lastFraction = 0;

  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((fraction: number) => void) | undefined,
    private readonly sliceMs = 8,
  ) {}

  /** Reports `fraction` (clamped to be non-decreasing) and maybe yields; rejects once aborted. */
  async step(fraction: number): Promise<void> {
    throwIfAborted(this.signal);
    if (fraction > this.lastFraction) this.lastFraction = Math.min(1, fraction);
    this.onProgress?.(this.lastFraction);
    if (now() - this.last >= this.sliceMs) {
      await yieldToEventLoop(this.signal);
      throwIfAborted(this.signal);
      this.last = now();
    }
  }
}
