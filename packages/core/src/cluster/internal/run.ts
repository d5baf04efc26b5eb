import { asyncOptionsOf } from '../../common/internal/validate.js';
import type { AsyncOptions } from '../../common/async.js';
import { yieldToEventLoop } from '../../common/async.js';
import { throwIfAborted } from '../../common/errors.js';

/**
 * A long computation written once as a generator: it runs until `deadline()` has
 * passed, yields the fraction done, and returns its result. The synchronous form
 * drains it with an infinite deadline; the async form gives the event loop (and an
 * abort) a turn between slices.
 */
export type Steps<T> = Generator<number, T, void>;

/** Milliseconds a slice may run before the async form yields to the event loop. */
const SLICE_MS = 12;

const never = (): number => Infinity;
const now = (): number => performance.now();

/** Runs `make` to completion in one go (the synchronous form of a function). */
export function runSync<T>(make: (deadline: () => number) => Steps<T>): T {
  const gen = make(never);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs `make` in slices of about {@link SLICE_MS} ms, yielding to the event loop in
 * between. Rejects with an `AbortError` at the first slice boundary after `signal`
 * aborts; calls `onProgress` after every slice and once with 1 at the end.
 */
export async function runAsync<T>(make: (deadline: () => number) => Steps<T>, options: AsyncOptions = {}): Promise<T> {
  const { signal, onProgress } = asyncOptionsOf(options);
  throwIfAborted(signal);
  let end = 0;
  const gen = make(() => end);
  for (;;) {
    end = now() + SLICE_MS;
    const r = gen.next();
    if (r.done) {
      onProgress?.(1);
      return r.value;
    }
    onProgress?.(Math.min(1, Math.max(0, r.value)));
    await yieldToEventLoop(signal);
  }
}
