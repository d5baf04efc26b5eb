// Internal: the one pacer of core's in-thread async forms. A long computation is written
// once, as a generator that yields the fraction done; the synchronous form drains it,
// the async form runs it in time slices with the event loop (and an abort) getting a
// turn between them. Writing the work once keeps both forms bit-identical.
//
// Generators yield in one of two ways, and the runner serves both:
// - at natural chunk boundaries (similarity: a block of samples; tsne: an iteration), as
//   often as they like — the runner reports progress at every yield but goes back to the
//   event loop only once a slice of SLICE_MS has passed;
// - only when `deadline()` has passed (clustering, whose inner loops are too hot to yield
//   from at every step) — the runner hands every generator a deadline, Infinity when run
//   synchronously.
import type { AsyncOptions } from '../async.js';
import { yieldToEventLoop } from '../async.js';
import { throwIfAborted } from '../errors.js';

/** A computation that yields its fraction done (in [0, 1]) and returns its result. */
export type Steps<T> = Generator<number, T, void>;

/** The `performance.now()` time at which the current slice ends (Infinity when synchronous). */
export type Deadline = () => number;

/** A generator, or a function that makes one given the slice deadline. */
export type StepsSource<T> = Steps<T> | ((deadline: Deadline) => Steps<T>);

/** Milliseconds of work between two turns of the event loop. */
export const SLICE_MS = 10;

const now: () => number =
  typeof globalThis.performance?.now === 'function' ? () => globalThis.performance.now() : () => Date.now();
const never: Deadline = () => Infinity;

function start<T>(source: StepsSource<T>, deadline: Deadline): Steps<T> {
  return typeof source === 'function' ? source(deadline) : source;
}

/** Runs `source` to completion on the calling thread (the synchronous form of a function). */
export function runSteps<T>(source: StepsSource<T>): T {
  const gen = start(source, never);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs `source` in slices of about {@link SLICE_MS} ms, yielding to the event loop in
 * between. Reports every yielded fraction to `onProgress` (clamped to [0, 1] and never
 * decreasing) and 1 at the end; rejects with an `AbortError` at the first yield after
 * `signal` aborts, without reporting progress again. The caller validates `options`.
 */
export async function runStepsAsync<T>(source: StepsSource<T>, options: AsyncOptions = {}): Promise<T> {
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  let sliceEnd = now() + SLICE_MS;
  const gen = start(source, () => sliceEnd);
  let done = 0;
  try {
    for (;;) {
      const r = gen.next();
      if (r.done) {
        onProgress?.(1);
        return r.value;
      }
      if (r.value > done) done = Math.min(1, r.value);
      onProgress?.(done);
      if (now() >= sliceEnd) {
        await yieldToEventLoop(signal);
        sliceEnd = now() + SLICE_MS;
      } else throwIfAborted(signal);
    }
  } finally {
    gen.return(undefined as never);
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
