import { throwIfAborted } from '../../common/errors.js';
import { yieldToEventLoop, type AsyncOptions } from '../../common/async.js';

/**
 * A long computation written once as a generator that yields the fraction done after
 * each chunk (≈ 10–50 ms of work). {@link runSteps} drives it to the end synchronously;
 * {@link runStepsAsync} yields to the event loop between chunks, reports progress and
 * stops at the next chunk boundary when the signal aborts. Writing the kernel once keeps
 * the sync and async forms bit-identical.
 */
export type Steps<T> = Generator<number, T, void>;

/** Runs `steps` to completion on the calling thread. */
export function runSteps<T>(steps: Steps<T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/** Runs `steps`, yielding to the event loop between chunks; rejects with `AbortError` on abort. */
export async function runStepsAsync<T>(steps: Steps<T>, options: AsyncOptions = {}): Promise<T> {
  const { signal, onProgress } = options;
  try {
    for (;;) {
      throwIfAborted(signal);
      const r = steps.next();
      if (r.done) return r.value;
      onProgress?.(r.value);
      await yieldToEventLoop(signal);
    }
  } finally {
    steps.return(undefined as never);
  }
}

/** Re-maps the fractions yielded by `steps` from [0, 1] to [from, to]. */
export function* scaleSteps<T>(steps: Steps<T>, from: number, to: number): Steps<T> {
  let r = steps.next();
  while (!r.done) {
    yield from + (to - from) * r.value;
    r = steps.next();
  }
  return r.value;
}
