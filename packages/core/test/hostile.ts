// Helpers shared by the hostile-input tests of every area (test/<area>/hostile.test.ts):
// asserting a coded error, and the "a coded error or a correct result, within a time
// bound" rule of the fuzz properties.
import { expect } from 'vitest';
import { ClasslensError } from '../src/index.js';

/** The error `fn` throws (fails the test when it returns). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return expect.unreachable('expected a throw');
}

/** Asserts `fn` throws a ClasslensError with `code` (and a message matching `message`). */
export function expectCode(fn: () => unknown, code: string, message?: RegExp | string): ClasslensError {
  const e = thrown(fn);
  expect(e, String(e)).toBeInstanceOf(ClasslensError);
  expect((e as ClasslensError).code, (e as Error).message).toBe(code);
  if (message !== undefined) expect((e as Error).message).toMatch(message);
  return e as ClasslensError;
}

/** As {@link expectCode}, for a promise. */
export async function expectRejectCode(p: Promise<unknown>, code: string, message?: RegExp): Promise<ClasslensError> {
  let e: unknown;
  try {
    await p;
  } catch (err) {
    e = err;
  }
  expect(e, 'expected a rejection').toBeInstanceOf(ClasslensError);
  expect((e as ClasslensError).code, (e as Error).message).toBe(code);
  if (message !== undefined) expect((e as Error).message).toMatch(message);
  return e as ClasslensError;
}

/**
 * Milliseconds any single call on a fuzzed input may take. Not a benchmark: a guard
 * against hangs and quadratic blow-ups, generous enough for a loaded 2-core machine.
 */
export const CALL_BOUND_MS = 2_000;

/**
 * Runs `fn` on a hostile input: it must either return (then `check` validates the
 * result) or throw a {@link ClasslensError} with a code — never another error — and
 * finish within {@link CALL_BOUND_MS}.
 */
export function codedOrCorrect<T>(fn: () => T, check: (result: T) => void = () => {}): void {
  const t0 = performance.now();
  let result: T;
  try {
    result = fn();
  } catch (e) {
    if (!(e instanceof ClasslensError)) throw new Error(`uncoded error: ${String(e)}`, { cause: e });
    expect(typeof e.code).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message).not.toMatch(/\[object Object\]|length undefined/);
    expect(performance.now() - t0).toBeLessThan(CALL_BOUND_MS);
    return;
  }
  expect(performance.now() - t0).toBeLessThan(CALL_BOUND_MS);
  check(result);
}

/** {@link codedOrCorrect} for async functions. */
export async function codedOrCorrectAsync<T>(
  fn: () => Promise<T>,
  check: (result: T) => void = () => {},
): Promise<void> {
  const t0 = performance.now();
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    if (!(e instanceof ClasslensError)) throw new Error(`uncoded error: ${String(e)}`, { cause: e });
    expect(e.message).not.toMatch(/\[object Object\]|length undefined/);
    expect(performance.now() - t0).toBeLessThan(CALL_BOUND_MS);
    return;
  }
  expect(performance.now() - t0).toBeLessThan(CALL_BOUND_MS);
  check(result);
}
