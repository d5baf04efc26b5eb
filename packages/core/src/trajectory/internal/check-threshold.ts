// Internal: the threshold option of findJumps and confidenceChanges.
import { describeValue } from '../../common/internal/validate.js';
import { ClasslensError } from '../../common/errors.js';

/** Throws `INVALID_ARGUMENT` unless `t` is a finite number ≥ 0. */
export function checkThreshold(t: unknown, name = 'threshold'): number {
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected a finite number ≥ 0, got ${describeValue(t)}`);
  }
  return t;
}
