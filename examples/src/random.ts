import { ClasslensError } from '../../packages/core/src/common/errors.js';
import { mulberry32 as coreMulberry32 } from '../../packages/core/src/common/random.js';

/** A source of uniform numbers in [0, 1), as returned by {@link mulberry32}. */
export type Random = () => number;

/**
 * mulberry32, core's one seeded generator (`@classlens/core`'s `mulberry32`, imported here
 * rather than copied): integer arithmetic only, so every JS engine produces the same
 * stream for the same seed — which is what lets the committed JSON be regenerated
 * exactly. The same stream as `rng` in `bench/lib.mjs` and every seeded choice in core.
 *
 * @param seed - any integer; only its low 32 bits matter.
 * @returns a function giving the next number in [0, 1) on each call (multiples of 2^-32).
 * @throws ClasslensError `INVALID_ARGUMENT` when `seed` is not an integer.
 * Complexity: O(1) per call.
 * @example
 * const rand = mulberry32(42);
 * rand(); // 0.6011037519201636, always
 */
export function mulberry32(seed: number): Random {
  checkInteger('seed', seed, -(2 ** 53), 2 ** 53);
  return coreMulberry32(seed);
}

/**
 * Index drawn with probability proportional to `weights[i]`. Uses the running sum of the
 * weights, so with integer weights the choice is exact (no rounding), and it consumes
 * exactly one number from `rand`.
 *
 * @param rand - the generator to draw from.
 * @param weights - non-negative weights with a positive sum (not checked: internal helper).
 * @returns an index into `weights`; never one whose weight is 0.
 * Complexity: O(weights.length).
 * @example
 * weightedIndex(mulberry32(1), [1, 0, 3]); // 0 or 2, 2 three times as often
 */
export function weightedIndex(rand: Random, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rand() * total;
  for (let i = 0; i < weights.length; i++) {
    if (r < weights[i]) return i;
    r -= weights[i];
  }
  // Only reachable through floating-point round-off with fractional weights.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return 0;
}

/**
 * A uniformly chosen element of `items` (one draw from `rand`).
 *
 * @example
 * pick(mulberry32(1), ['a', 'b', 'c']);
 */
export function pick<T>(rand: Random, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

/**
 * A uniformly chosen integer in [lo, hi] (inclusive, one draw from `rand`).
 *
 * @example
 * intBetween(mulberry32(1), 1950, 1959); // a year of the 1950s
 */
export function intBetween(rand: Random, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

/**
 * Throws `INVALID_ARGUMENT` unless `value` is an integer in [min, max]. The generators'
 * boundary check, so a bad option fails before any data is made.
 *
 * @example
 * checkInteger('items', 2000, 0, 1e6); // ok
 * checkInteger('items', 2.5, 0, 1e6);  // throws INVALID_ARGUMENT: items must be an integer in [0, 1000000], got 2.5
 */
export function checkInteger(name: string, value: unknown, min: number, max: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `${name} must be an integer in [${min}, ${max}], got ${String(value)}`,
      {
        [name]: value,
      },
    );
  }
}
