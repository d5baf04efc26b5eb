import { ClasslensError } from '../common/index.js';
import { badNumber, numberOption, optionsOf } from '../common/internal/validate.js';

/** The six shapes a sequence of values can take ({@link classifyTrend}). */
export type TrendKind = 'increasing' | 'decreasing' | 'non-decreasing' | 'non-increasing' | 'stable' | 'mixed';

/** A trend: its kind and its net change. */
export interface Trend {
  kind: TrendKind;
  /** Last value − first value (0 for a single value). Decides the colour of `mixed`. */
  net: number;
}

/** Options for {@link classifyTrend}. */
export interface ClassifyTrendOptions {
  /** Steps with |Δ| ≤ tolerance count as flat (default 0: only equal values are flat). */
  tolerance?: number;
}

/**
 * Classifies a sequence (e.g. one class's accuracy across model versions, as in a trend
 * grid) by the signs of its steps Δᵢ = vᵢ₊₁ − vᵢ, where |Δᵢ| ≤ `tolerance` counts as flat:
 *
 * - `increasing` / `decreasing`: every step strictly up / strictly down;
 * - `non-decreasing` / `non-increasing`: every step up-or-flat / down-or-flat, with at
 *   least one flat and at least one non-flat step;
 * - `stable`: every step flat (also a single value);
 * - `mixed`: steps in both directions; its `net` (last − first) gives the overall direction.
 *
 * @param values - the sequence, in order (at least one finite value).
 * @param options - `tolerance` (finite, ≥ 0).
 * @throws `EMPTY` for no values; `NON_FINITE` naming the first NaN/±Infinity;
 *   `NOT_A_NUMBER` naming the first value that is not a number (`'0.1'`, `null`);
 *   `INVALID_ARGUMENT` for a tolerance that is not a finite number ≥ 0.
 * @remarks O(n).
 * @example
 * classifyTrend([0.5, 0.6, 0.6]);                      // { kind: 'non-decreasing', net: ≈0.1 }
 * classifyTrend([0.5, 0.7, 0.6]);                      // { kind: 'mixed', net: ≈0.1 }
 * classifyTrend([0.5, 0.51, 0.5], { tolerance: 0.02 }); // { kind: 'stable', net: 0 }
 */
export function classifyTrend(values: ArrayLike<number>, options: ClassifyTrendOptions = {}): Trend {
  const tolerance = numberOption(optionsOf(options).tolerance, 'tolerance', 0, { min: 0 });
  if (values == null || typeof values !== 'object' || typeof values.length !== 'number')
    throw new ClasslensError('INVALID_ARGUMENT', 'values: expected an array of numbers');
  if (values.length === 0) throw new ClasslensError('EMPTY', 'values: no values');
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw badNumber('values', v, `at index ${i}`, { index: i });
  }
  let up = 0;
  let down = 0;
  let flat = 0;
  for (let i = 1; i < values.length; i++) {
    const d = values[i] - values[i - 1];
    if (d > tolerance) up++;
    else if (d < -tolerance) down++;
    else flat++;
  }
  const net = values[values.length - 1] - values[0];
  let kind: TrendKind;
  if (up > 0 && down > 0) kind = 'mixed';
  else if (up > 0) kind = flat > 0 ? 'non-decreasing' : 'increasing';
  else if (down > 0) kind = flat > 0 ? 'non-increasing' : 'decreasing';
  else kind = 'stable';
  return { kind, net };
}
