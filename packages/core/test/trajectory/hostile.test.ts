// Hostile input to the trajectory area (issue 8): each test failed before its fix.
import { describe, expect, it } from 'vitest';
import { expectedPrediction, stackSequences, stepDistances, topClasses } from '../../src/index.js';
import { expectCode } from '../hostile.js';

describe('trajectory inputs never coerce their cells', () => {
  it('stepDistances: null, true and "5" are NOT_A_NUMBER naming the position', () => {
    for (const v of [null, true, '5']) {
      expectCode(
        () =>
          stepDistances([
            [0, 1],
            [1, v],
          ] as unknown as number[][]),
        'NOT_A_NUMBER',
        /row 1, column 1/,
      );
    }
  });
  it('expectedPrediction and topClasses: a string probability is NOT_A_NUMBER', () => {
    expectCode(() => expectedPrediction([[0.5, '0.5']] as unknown as number[][]), 'NOT_A_NUMBER');
    expectCode(() => topClasses([['0.9', 0.1]] as unknown as number[][]), 'NOT_A_NUMBER');
  });
  it('stackSequences: a non-number value is NOT_A_NUMBER (as in every numeric input)', () => {
    expectCode(
      () => stackSequences([[1, null]] as unknown as number[][], 1),
      'NOT_A_NUMBER',
      /sequence 0: null at index 1/,
    );
  });
  it('stepDistances at ±1e300 stays finite', () => {
    const d = stepDistances([
      [1e300, -1e300],
      [-1e300, 1e300],
    ]);
    expect(d[0]).toBeCloseTo(Math.sqrt(8) * 1e300, -290);
  });
});
