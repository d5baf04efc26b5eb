// Helpers shared by the hostile-input tests of every area (test/<area>/hostile.test.ts):
// asserting a coded error, and the "a coded error or a correct result, within a time
// bound" rule of the fuzz properties.
import fc from 'fast-check';
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

// ------------------------------------------------------------------ arbitraries
// Random hostile inputs for the per-area fuzz properties (test/<area>/fuzz.test.ts).

/**
 * Scalars that break naive code: non-numbers that coerce (`null` → 0, `true` → 1,
 * `'5'` → 5), non-finite and huge numbers, sizes past every limit, keys named after
 * Object.prototype members, strings that look like markup or join characters. Sizes
 * appear either small or beyond core's limits, never in between, so that an accepted
 * size never makes a call legitimately slow.
 */
export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    NaN,
    Infinity,
    -Infinity,
    0,
    -0,
    1,
    -1,
    2,
    1.5,
    0.5,
    1e9,
    -1e9,
    1e300,
    -1e300,
    1e-300,
    2 ** 31,
    2 ** 32,
    Number.MAX_SAFE_INTEGER,
    '5',
    '',
    'a',
    '1',
    '__proto__',
    'constructor',
    'toString',
    '<img src=x onerror=alert(1)>',
    'a>b',
    'a:b',
    '\u0000',
    {},
    [],
    [1, 2],
  ),
  fc.integer({ min: -3, max: 12 }),
);

/** Keys, mostly valid (so that some calls succeed and are checked), sometimes hostile. */
export const hostileKey: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>('a', 'b', 'c', 0, 1, 2) },
  { weight: 1, arbitrary: hostileScalar },
);

/** Numbers, mostly finite and small, sometimes hostile. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: hostileScalar },
);

/** An array of `n` entries drawn from `entry`, or (rarely) something that is not an array. */
export function hostileArray(entry: fc.Arbitrary<unknown>, n: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.array(entry, { minLength: n, maxLength: n }) },
    { weight: 1, arbitrary: fc.array(entry, { maxLength: n + 2 }) },
    { weight: 1, arbitrary: hostileScalar },
  );
}

/** An r × c nested array of numbers (ragged or hostile cells sometimes), or a hostile value. */
export function hostileMatrix(rows: number, cols: number, cell = hostileNumber): fc.Arbitrary<unknown> {
  return fc.oneof(
    {
      weight: 10,
      arbitrary: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
    },
    { weight: 1, arbitrary: fc.array(fc.array(cell, { maxLength: cols + 1 }), { maxLength: rows + 1 }) },
    { weight: 1, arbitrary: hostileArray(cell, rows) },
    { weight: 1, arbitrary: hostileScalar },
  );
}

/** An options object with each named option absent, valid-looking or hostile, or a hostile value. */
export function hostileOptions(
  names: readonly string[],
  valid: fc.Arbitrary<unknown> = hostileScalar,
): fc.Arbitrary<unknown> {
  const entry = fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: hostileScalar });
  const obj = fc.record(Object.fromEntries(names.map((n) => [n, entry])), { requiredKeys: [] });
  return fc.oneof({ weight: 8, arbitrary: obj }, { weight: 1, arbitrary: hostileScalar });
}

/** fast-check settings shared by the fuzz properties: enough runs to find the edges, seeded by fast-check. */
export const FUZZ_RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 150) };
