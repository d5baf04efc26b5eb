// Loads the golden JSON written by test/fixtures/compare/make_compare.py (numpy /
// scikit-learn). JSON has no NaN: the generator writes null, `nan` maps it back.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ClasslensError, type ErrorCode } from '../../src/common/index.js';
import { expect } from 'vitest';

export function load<T>(name: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../data/compare/${name}`, import.meta.url)), 'utf8')) as T;
}

/** null → NaN, element-wise. */
export const nan = (xs: (number | null)[]): number[] => xs.map((x) => (x === null ? NaN : x));

/** Asserts `fn` throws a ClasslensError with `code`, and (optionally) a message matching `message`. */
export function expectCode(fn: () => unknown, code: ErrorCode, message?: RegExp | string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a ClasslensError').toBeInstanceOf(ClasslensError);
  expect((caught as ClasslensError).code).toBe(code);
  if (message !== undefined) expect((caught as Error).message).toMatch(message);
}

/** `actual` equals `expected` within `tol` (absolute), NaN matching NaN. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(e)) expect(a, `index ${i}`).toBeNaN();
    else expect(Math.abs(a - e), `index ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tol);
  }
}
