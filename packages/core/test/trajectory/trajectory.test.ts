import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClasslensError, type ErrorCode, type Matrix } from '../../src/common/index.js';
import {
  confidenceChanges,
  expectedPrediction,
  findJumps,
  predictionChanges,
  sequenceOffsets,
  sequenceStepDistances,
  stackSequences,
  stepDistances,
  topClassChanges,
  topClasses,
  trajectories,
} from '../../src/trajectory/index.js';
import * as root from '../../src/index.js';

// Golden values from numpy (packages/core/test/fixtures/trajectory/make_trajectory_fixture.py)
// over the first sequences of the committed example data.
interface Case {
  name: string;
  hiddenSize: number;
  classes: (string | number)[];
  ids: string[];
  lengths: number[];
  states: number[];
  expected: number[];
  tokens: string[];
  points: number[];
  stepDistances0: number[];
  sequenceStepDistances: (number | null)[];
  maxDistance: number;
  jumps: Record<string, number[]>;
  jumpsSequence0: number[];
  predictionChanges: (number | null)[];
  confidenceChanges: Record<string, number[]>;
  topClassChanges: { index: number; from: number; to: number }[];
  expectedPrediction: number[];
  expectedClassValue: number[];
}
const fx = JSON.parse(readFileSync(new URL('../data/trajectory/trajectory.json', import.meta.url), 'utf8')) as {
  thresholds: number[];
  confidenceThresholds: number[];
  cases: Case[];
};

/** Distances agree with numpy to this relative tolerance (same doubles, different summation order). */
const TOL = 1e-12;

function matrix(flat: number[], cols: number): Matrix {
  return { rows: flat.length / cols, cols, data: Float64Array.from(flat) };
}
const nullToNaN = (a: (number | null)[]) => a.map((v) => (v === null ? NaN : v));

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = TOL) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (Number.isNaN(e)) expect(a, `index ${i}`).toBeNaN();
    else expect(Math.abs(a - e), `index ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  }
}

function expectCode(fn: () => unknown, code: ErrorCode, message?: string | RegExp) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ClasslensError);
    expect((e as ClasslensError).code).toBe(code);
    if (message !== undefined) expect((e as Error).message).toMatch(message);
    return;
  }
  expect.unreachable(`expected ClasslensError ${code}`);
}

describe.each(fx.cases)('golden values from numpy: $name example data', (c) => {
  const m = c.classes.length;
  const states = matrix(c.states, c.hiddenSize);
  const expected = matrix(c.expected, m);
  const points = matrix(c.points, 2);
  const dist = nullToNaN(c.sequenceStepDistances);

  it('stepDistances(states) matches numpy on one sequence', () => {
    const first = matrix(c.states.slice(0, c.lengths[0] * c.hiddenSize), c.hiddenSize);
    expectClose(stepDistances(first), c.stepDistances0);
  });

  it('stepDistances(states) on Float32 states agrees within float32 rounding', () => {
    const first = {
      rows: c.lengths[0],
      cols: c.hiddenSize,
      data: Float32Array.from(c.states.slice(0, c.lengths[0] * c.hiddenSize)),
    };
    expectClose(stepDistances(first), c.stepDistances0, 1e-6);
  });

  it('sequenceStepDistances(states, lengths) matches numpy, NaN at every sequence start', () => {
    expectClose(sequenceStepDistances(states, c.lengths), dist);
  });

  it('findJumps(distances, { threshold }) finds the numpy jump steps at every threshold', () => {
    const d = sequenceStepDistances(states, c.lengths);
    for (const t of fx.thresholds) {
      const jumps = findJumps(d, { threshold: t });
      expect(Array.from(jumps)).toEqual(c.jumps[String(t)]);
      for (const i of jumps) expect(d[i] / c.maxDistance).toBeGreaterThan(t);
    }
  });

  it('findJumps(distances) defaults to threshold 0.4 of the maximum over all sequences', () => {
    const d = sequenceStepDistances(states, c.lengths);
    expect(Array.from(findJumps(d))).toEqual(c.jumps['0.4']);
    expect(Array.from(findJumps(d, { max: c.maxDistance }))).toEqual(c.jumps['0.4']);
  });

  it('findJumps(one sequence) normalises by that sequence only', () => {
    const d = sequenceStepDistances(states, c.lengths).subarray(0, c.lengths[0]);
    expect(Array.from(findJumps(d))).toEqual(c.jumpsSequence0);
  });

  it('predictionChanges(expected, lengths) matches numpy', () => {
    expectClose(predictionChanges(expected, c.lengths), nullToNaN(c.predictionChanges));
  });

  it('confidenceChanges(expected, { threshold, lengths }) matches numpy at every threshold', () => {
    for (const t of fx.confidenceThresholds) {
      const got = confidenceChanges(expected, { threshold: t, lengths: c.lengths });
      expect(Array.from(got)).toEqual(c.confidenceChanges[String(t)]);
    }
    expect(Array.from(confidenceChanges(expected, { lengths: c.lengths }))).toEqual(c.confidenceChanges['0.3']);
  });

  it('topClassChanges(expected, { lengths }) and topClasses(expected) match numpy argmax flips', () => {
    const flips = topClassChanges(expected, { lengths: c.lengths });
    const top = topClasses(expected);
    expect(Array.from(flips, (i) => ({ index: i, from: top[i - 1], to: top[i] }))).toEqual(c.topClassChanges);
  });

  it('expectedPrediction(probs[, values]) matches numpy', () => {
    expectClose(expectedPrediction(expected), c.expectedPrediction);
    expectClose(
      expectedPrediction(
        expected,
        c.classes.map((_, k) => k),
      ),
      c.expectedClassValue,
    );
  });

  it('stackSequences(parts, width) rebuilds the row-stacked matrix and lengths', () => {
    const parts: number[][] = [];
    let o = 0;
    for (const L of c.lengths) {
      parts.push(c.states.slice(o * c.hiddenSize, (o + L) * c.hiddenSize));
      o += L;
    }
    const s = stackSequences(parts, c.hiddenSize);
    expect(s.matrix.rows).toBe(states.rows);
    expect(Array.from(s.matrix.data)).toEqual(c.states);
    expect(Array.from(s.lengths)).toEqual(c.lengths);
    expect(Array.from(s.offsets)).toEqual(Array.from(sequenceOffsets(c.lengths)));
  });

  it('trajectories(points, lengths, opts) splits a numpy projection into per-sequence paths', () => {
    const ep = expectedPrediction(expected);
    const paths = trajectories(points, c.lengths, { tokens: c.tokens, expected: ep, ids: c.ids });
    expect(paths.map((p) => p.id)).toEqual(c.ids);
    expect(paths.map((p) => p.steps.length)).toEqual(c.lengths);
    const flat = paths.flatMap((p) => p.steps);
    expect(flat.map((s) => s.token)).toEqual(c.tokens);
    flat.forEach((s, r) => {
      expect(s.index).toBe(r);
      expect(s.x).toBe(c.points[2 * r]);
      expect(s.y).toBe(c.points[2 * r + 1]);
      expect(s.expected).toBe(ep[r]);
    });
  });
});

describe('stepDistances(states)', () => {
  it('is the Euclidean distance between consecutive rows', () => {
    expect(
      Array.from(
        stepDistances([
          [0, 0],
          [3, 4],
          [3, 4],
        ]),
      ),
    ).toEqual([5, 0]);
  });
  it('returns an empty array for 0 or 1 rows and zeros for 0 columns', () => {
    expect(stepDistances([]).length).toBe(0);
    expect(stepDistances([[1, 2]]).length).toBe(0);
    expect(Array.from(stepDistances({ rows: 3, cols: 0, data: new Float64Array(0) }))).toEqual([0, 0]);
  });
  it('neither underflows nor overflows: distinct states never have distance 0 or Infinity', () => {
    expect(Array.from(stepDistances([[0], [5e-324]]))).toEqual([5e-324]);
    const [d] = stepDistances([
      [1e200, 1e200],
      [-1e200, -1e200],
    ]);
    expect(d / (2e200 * Math.SQRT2)).toBeCloseTo(1, 14);
  });
  it('throws NON_FINITE naming the first bad state and INVALID_SHAPE for ragged rows', () => {
    expectCode(
      () =>
        stepDistances([
          [0, 1],
          [NaN, 0],
        ]),
      'NON_FINITE',
      'states: NaN at row 1, column 0',
    );
    expectCode(() => stepDistances([[0, 1], [0]]), 'INVALID_SHAPE');
  });
  it('stepDistances(states) is non-negative, zero exactly for repeated states, and symmetric under reversal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((cols) =>
          fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: cols, maxLength: cols }), {
            maxLength: 12,
          }),
        ),
        (rows) => {
          const d = stepDistances(rows);
          expect(d.length).toBe(Math.max(0, rows.length - 1));
          d.forEach((v, t) => {
            expect(v).toBeGreaterThanOrEqual(0);
            const same = rows[t].every((x, j) => x === rows[t + 1][j]);
            expect(v === 0).toBe(same);
          });
          const r = Array.from(stepDistances([...rows].reverse())).reverse();
          expect(r).toEqual(Array.from(d));
        },
      ),
    );
  });
});

describe('sequenceOffsets(lengths, rows?)', () => {
  it('is the cumulative sum with a leading 0; empty sequences are allowed', () => {
    expect(Array.from(sequenceOffsets([3, 0, 2]))).toEqual([0, 3, 3, 5]);
    expect(Array.from(sequenceOffsets([]))).toEqual([0]);
  });
  it('throws LENGTH_MISMATCH when the lengths do not sum to rows, naming both', () => {
    expectCode(() => sequenceOffsets([3, 2], 6), 'LENGTH_MISMATCH', 'lengths sum to 5 but states has 6 rows');
  });
  it('throws INVALID_ARGUMENT for negative or fractional lengths, NOT_A_NUMBER for non-numbers, NON_FINITE for NaN', () => {
    expectCode(() => sequenceOffsets([1, -1]), 'INVALID_ARGUMENT', 'lengths: -1 at index 1');
    expectCode(() => sequenceOffsets([1.5]), 'INVALID_ARGUMENT');
    expectCode(() => sequenceOffsets(['2' as unknown as number]), 'NOT_A_NUMBER', /string "2"/);
    expectCode(() => sequenceOffsets([NaN]), 'NON_FINITE');
    expectCode(() => sequenceOffsets(null as unknown as number[]), 'INVALID_ARGUMENT');
  });
});

/** Random row-stacked sequences: lengths (some 0) and a rows × cols matrix. */
const stacked = (cols: number) =>
  fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 6 }).chain((lengths) => {
    const rows = lengths.reduce((a, b) => a + b, 0);
    return fc.record({
      lengths: fc.constant(lengths),
      data: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: rows * cols, maxLength: rows * cols }),
    });
  });

describe('sequenceStepDistances(states, lengths)', () => {
  it('never measures across sequences', () => {
    expectClose(
      sequenceStepDistances(
        [
          [0, 0],
          [3, 4],
          [9, 9],
          [9, 10],
        ],
        [2, 2],
      ),
      [NaN, 5, NaN, 1],
    );
  });
  it('throws LENGTH_MISMATCH when lengths do not cover the rows', () => {
    expectCode(
      () => sequenceStepDistances([[0], [1], [2]], [2]),
      'LENGTH_MISMATCH',
      'lengths sum to 2 but states has 3 rows',
    );
  });
  it('sequenceStepDistances(states, lengths) is NaN exactly at sequence starts and stepDistances within each sequence', () => {
    fc.assert(
      fc.property(stacked(3), ({ lengths, data }) => {
        const m = matrix(data, 3);
        const d = sequenceStepDistances(m, lengths);
        const offsets = sequenceOffsets(lengths);
        lengths.forEach((L, s) => {
          const start = offsets[s];
          if (L === 0) return;
          expect(d[start]).toBeNaN();
          const inner = stepDistances(matrix(data.slice(start * 3, (start + L) * 3), 3));
          expect(Array.from(d.subarray(start + 1, start + L))).toEqual(Array.from(inner));
        });
      }),
    );
  });
});

describe('findJumps(distances, options)', () => {
  it('finds steps above 0.4 of the maximum by default, skipping NaN', () => {
    expect(Array.from(findJumps([NaN, 1, 5, 2.5, 0.5]))).toEqual([2, 3]);
  });
  it('is strict: a distance exactly at the threshold is not a jump', () => {
    expect(Array.from(findJumps([2, 5], { threshold: 0.4 }))).toEqual([1]);
  });
  it("compares raw distances with normalize: 'none', and uses an explicit max", () => {
    expect(Array.from(findJumps([0.5, 2, 3], { normalize: 'none', threshold: 1 }))).toEqual([1, 2]);
    expect(Array.from(findJumps([1, 2], { max: 10, threshold: 0.15 }))).toEqual([1]);
    expect(Array.from(findJumps([1, 2], { max: 10, threshold: 0.25 }))).toEqual([]);
  });
  it('returns no jumps for empty, all-NaN or all-zero distances', () => {
    expect(findJumps([]).length).toBe(0);
    expect(findJumps([NaN, NaN]).length).toBe(0);
    expect(findJumps(new Float64Array(4)).length).toBe(0);
  });
  it('throws INVALID_ARGUMENT for negative distances and bad options, NOT_A_NUMBER for non-numbers, NON_FINITE for Infinity', () => {
    expectCode(() => findJumps([1, -2]), 'INVALID_ARGUMENT', 'distances: negative value -2 at index 1');
    expectCode(() => findJumps([1, Infinity]), 'NON_FINITE', 'distances: Infinity at index 1');
    expectCode(() => findJumps([1], { threshold: -0.1 }), 'INVALID_ARGUMENT', /threshold/);
    expectCode(() => findJumps([1], { threshold: NaN }), 'INVALID_ARGUMENT', /threshold/);
    expectCode(() => findJumps([1], { max: 0 }), 'INVALID_ARGUMENT', /max/);
    expectCode(() => findJumps([1], { normalize: 'sum' as 'max' }), 'INVALID_ARGUMENT', /normalize/);
    expectCode(() => findJumps(null as unknown as number[]), 'INVALID_ARGUMENT');
    expectCode(() => findJumps([1, '2' as unknown as number]), 'NOT_A_NUMBER', /string "2"/);
  });
  const distances = fc.array(fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(NaN)), {
    maxLength: 40,
  });
  it('findJumps(distances, { threshold }) is monotone: a higher threshold never finds more jumps', () => {
    fc.assert(
      fc.property(
        distances,
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        (d, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const low = new Set(findJumps(d, { threshold: lo }));
          const high = findJumps(d, { threshold: hi });
          expect(high.length).toBeLessThanOrEqual(low.size);
          for (const i of high) expect(low.has(i)).toBe(true);
        },
      ),
    );
  });
  it("findJumps(distances) with normalize 'max' reports exactly the entries with d / max > threshold, increasing, the maximum included", () => {
    fc.assert(
      fc.property(distances, fc.double({ min: 0, max: 0.99, noNaN: true }), (d, t) => {
        const jumps = Array.from(findJumps(d, { threshold: t }));
        const max = Math.max(0, ...d.filter((v) => !Number.isNaN(v)));
        const want = max > 0 ? d.flatMap((v, i) => (v / max > t ? [i] : [])) : [];
        expect(jumps).toEqual(want);
        if (max > 0) expect(jumps.some((i) => d[i] === max)).toBe(true);
      }),
    );
  });
});

describe('predictionChanges(expected, lengths?) and confidenceChanges(expected, options)', () => {
  it('is the largest change of any class probability, NaN at sequence starts', () => {
    expectClose(
      predictionChanges(
        [
          [0.9, 0.1],
          [0.4, 0.6],
          [0.5, 0.5],
        ],
        [2, 1],
      ),
      [NaN, 0.5, NaN],
    );
    expectClose(
      predictionChanges([
        [0.9, 0.1],
        [0.4, 0.6],
        [0.5, 0.5],
      ]),
      [NaN, 0.5, 0.1],
    );
  });
  it('equals |ΔP(positive)| for a single sigmoid column', () => {
    expectClose(predictionChanges([[0.2], [0.7], [0.6]]), [NaN, 0.5, 0.1]);
  });
  it('confidenceChanges reports steps above 0.3 by default', () => {
    expect(
      Array.from(
        confidenceChanges([
          [0.9, 0.1],
          [0.4, 0.6],
          [0.3, 0.7],
        ]),
      ),
    ).toEqual([1]);
    expect(
      confidenceChanges(
        [
          [0.9, 0.1],
          [0.4, 0.6],
        ],
        { lengths: [1, 1] },
      ).length,
    ).toBe(0);
  });
  it('throws LENGTH_MISMATCH, NON_FINITE and INVALID_ARGUMENT for bad input', () => {
    expectCode(() => predictionChanges([[1], [0]], [3]), 'LENGTH_MISMATCH', 'lengths sum to 3 but expected has 2 rows');
    expectCode(() => predictionChanges([[1], [NaN]]), 'NON_FINITE', 'expected: NaN at row 1, column 0');
    expectCode(() => confidenceChanges([[1], [0]], { threshold: -1 }), 'INVALID_ARGUMENT', /threshold/);
    expectCode(() => confidenceChanges([[1], [0]], { lengths: [1] }), 'LENGTH_MISMATCH');
  });
  const probs = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 20 })).chain(([m, n]) =>
    fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: m, maxLength: m }), {
      minLength: n,
      maxLength: n,
    }),
  );
  it('confidenceChanges(expected, { threshold }) is monotone in the threshold', () => {
    fc.assert(
      fc.property(
        probs,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const low = new Set(confidenceChanges(p, { threshold: lo }));
          const high = confidenceChanges(p, { threshold: hi });
          for (const i of high) expect(low.has(i)).toBe(true);
          expect(high.length).toBeLessThanOrEqual(low.size);
        },
      ),
    );
  });
});

describe('topClasses(expected) and topClassChanges(expected, options)', () => {
  it('reports the rows where the argmax flips', () => {
    const p = [
      [0.7, 0.2, 0.1],
      [0.3, 0.6, 0.1],
      [0.2, 0.7, 0.1],
    ];
    expect(Array.from(topClasses(p))).toEqual([0, 1, 1]);
    expect(Array.from(topClassChanges(p))).toEqual([1]);
  });
  it('breaks ties towards the first class and reads one column as P(positive)', () => {
    expect(
      Array.from(
        topClasses([
          [0.6, 0.4],
          [0.5, 0.5],
          [0.4, 0.6],
        ]),
      ),
    ).toEqual([0, 0, 1]);
    expect(
      topClassChanges([
        [0.6, 0.4],
        [0.5, 0.5],
      ]).length,
    ).toBe(0);
    expect(Array.from(topClasses([[0.2], [0.5], [0.51], [0.3]]))).toEqual([0, 0, 1, 0]);
    expect(Array.from(topClassChanges([[0.2], [0.5], [0.51], [0.3]]))).toEqual([2, 3]);
  });
  it('ignores flips between sequences', () => {
    expect(
      topClassChanges(
        [
          [0.9, 0.1],
          [0.1, 0.9],
        ],
        { lengths: [1, 1] },
      ).length,
    ).toBe(0);
  });
  it('throws INVALID_SHAPE for zero columns, LENGTH_MISMATCH and NON_FINITE', () => {
    expectCode(
      () => topClasses({ rows: 2, cols: 0, data: new Float64Array(0) }),
      'INVALID_SHAPE',
      'expected: no class columns',
    );
    expectCode(() => topClassChanges({ rows: 2, cols: 0, data: new Float64Array(0) }), 'INVALID_SHAPE');
    expectCode(() => topClasses([[NaN, 1]]), 'NON_FINITE');
    expectCode(() => topClassChanges([[1, 0]], { lengths: [2] }), 'LENGTH_MISMATCH');
    expectCode(() => topClassChanges([[1, Infinity]]), 'NON_FINITE');
  });
  it('topClassChanges(expected, { lengths }) is exactly the in-sequence rows whose argmax differs from the previous row', () => {
    fc.assert(
      fc.property(
        stacked(3).map(({ lengths, data }) => ({ lengths, data: data.map((v) => Math.abs(v)) })),
        ({ lengths, data }) => {
          const m = matrix(data, 3);
          const flips = Array.from(topClassChanges(m, { lengths }));
          const top = topClasses(m);
          const offsets = sequenceOffsets(lengths);
          const argmax = (r: number) => {
            let k = 0;
            for (let j = 1; j < 3; j++) if (data[r * 3 + j] > data[r * 3 + k]) k = j;
            return k;
          };
          const starts = new Set(Array.from(offsets));
          const want: number[] = [];
          for (let r = 1; r < m.rows; r++) if (!starts.has(r) && argmax(r) !== argmax(r - 1)) want.push(r);
          expect(flips).toEqual(want);
          expect(Array.from(top)).toEqual(Array.from({ length: m.rows }, (_, r) => argmax(r)));
        },
      ),
    );
  });
});

describe('expectedPrediction(probs, values?)', () => {
  it('is P(positive) for one or two columns, the top probability beyond, the expected value with values', () => {
    expect(Array.from(expectedPrediction([[0.3], [0.9]]))).toEqual([0.3, 0.9]);
    expect(
      Array.from(
        expectedPrediction([
          [0.2, 0.8],
          [0.9, 0.1],
        ]),
      ),
    ).toEqual([0.8, 0.1]);
    expect(Array.from(expectedPrediction([[0.1, 0.7, 0.2]]))).toEqual([0.7]);
    expect(Array.from(expectedPrediction([[0.5, 0.5, 0]], [1, 2, 3]))).toEqual([1.5]);
  });
  it('returns an empty array for zero rows', () => {
    expect(expectedPrediction([]).length).toBe(0);
    expect(expectedPrediction([], [0, 1]).length).toBe(0);
  });
  it('throws LENGTH_MISMATCH for values of the wrong length, NON_FINITE for bad values, INVALID_SHAPE for no columns', () => {
    expectCode(
      () => expectedPrediction([[0.5, 0.5]], [1, 2, 3]),
      'LENGTH_MISMATCH',
      'values has length 3 but probs has 2 columns',
    );
    expectCode(() => expectedPrediction([[0.5, 0.5]], [1, NaN]), 'NON_FINITE', 'values: NaN at index 1');
    expectCode(() => expectedPrediction([[0.5, NaN]]), 'NON_FINITE');
    expectCode(() => expectedPrediction({ rows: 1, cols: 0, data: new Float64Array(0) }), 'INVALID_SHAPE');
  });
  it('expectedPrediction(probs) on two columns equals the expected value with values [0, 1] and stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }), (ps) => {
        const probs = ps.map((p) => [1 - p, p]);
        const a = expectedPrediction(probs);
        const b = expectedPrediction(probs, [0, 1]);
        expect(Array.from(a)).toEqual(ps);
        a.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          expect(Math.abs(v - b[i])).toBeLessThanOrEqual(1e-15);
        });
      }),
    );
  });
});

describe('stackSequences(parts, width)', () => {
  it('stacks flat parts and Matrix parts, copying them', () => {
    const part = [1, 2, 3, 4];
    const s = stackSequences([part, { rows: 1, cols: 2, data: Float32Array.of(5, 6) }, []], 2);
    expect(s.matrix).toEqual({ rows: 3, cols: 2, data: Float64Array.of(1, 2, 3, 4, 5, 6) });
    expect(Array.from(s.lengths)).toEqual([2, 1, 0]);
    expect(Array.from(s.offsets)).toEqual([0, 2, 3, 3]);
    (s.matrix.data as Float64Array)[0] = 99;
    expect(part[0]).toBe(1);
  });
  it('gives a 0 × width matrix for no parts', () => {
    expect(stackSequences([], 4).matrix).toEqual({ rows: 0, cols: 4, data: new Float64Array(0) });
  });
  it('throws INVALID_ARGUMENT, INVALID_SHAPE and NON_FINITE naming the sequence', () => {
    expectCode(() => stackSequences([[1]], 0), 'INVALID_ARGUMENT', /width/);
    expectCode(
      () => stackSequences([[1, 2, 3]], 2),
      'INVALID_SHAPE',
      'sequence 0: 3 values is not a multiple of width 2',
    );
    expectCode(
      () => stackSequences([[1, 2], { rows: 1, cols: 3, data: new Float64Array(3) }], 2),
      'INVALID_SHAPE',
      /sequence 1/,
    );
    expectCode(
      () =>
        stackSequences(
          [
            [1, 2],
            [3, NaN],
          ],
          2,
        ),
      'NON_FINITE',
      'sequence 1: NaN at step 0, column 1',
    );
    expectCode(
      () => stackSequences([Float64Array.of(1, 2, 3, Infinity)], 2),
      'NON_FINITE',
      'sequence 0: Infinity at step 1, column 1',
    );
    expectCode(() => stackSequences([[1, 'x' as unknown as number]], 2), 'NOT_A_NUMBER', /string "x"/);
    expectCode(() => stackSequences([null as unknown as number[]], 2), 'INVALID_ARGUMENT', /sequence 0/);
  });
});

describe('trajectories(points, lengths, options)', () => {
  it('returns one path per sequence with positions, indices, tokens and colour values', () => {
    const paths = trajectories(
      [
        [0, 1],
        [2, 3],
        [4, 5],
      ],
      [2, 0, 1],
      { tokens: ['a', 'b', 'c'], expected: [0.1, 0.2, 0.3], ids: ['x', 'y', 'z'] },
    );
    expect(paths).toEqual([
      {
        sequence: 0,
        id: 'x',
        steps: [
          { x: 0, y: 1, index: 0, step: 0, token: 'a', expected: 0.1 },
          { x: 2, y: 3, index: 1, step: 1, token: 'b', expected: 0.2 },
        ],
      },
      { sequence: 1, id: 'y', steps: [] },
      { sequence: 2, id: 'z', steps: [{ x: 4, y: 5, index: 2, step: 0, token: 'c', expected: 0.3 }] },
    ]);
  });
  it('defaults ids to positions, expected to NaN, and leaves token out', () => {
    const [p] = trajectories([[1, 2]], [1]);
    expect(p.id).toBe(0);
    expect(p.steps[0].expected).toBeNaN();
    expect('token' in p.steps[0]).toBe(false);
  });
  it('throws INVALID_SHAPE, LENGTH_MISMATCH, NON_FINITE, INVALID_ARGUMENT and DUPLICATE_KEY for bad input', () => {
    expectCode(() => trajectories([[1, 2, 3]], [1]), 'INVALID_SHAPE', 'points: has 3 columns, expected 2 (x, y)');
    expectCode(() => trajectories([[1, 2]], [2]), 'LENGTH_MISMATCH', 'lengths sum to 2 but points has 1 rows');
    expectCode(() => trajectories([[1, NaN]], [1]), 'NON_FINITE');
    expectCode(
      () => trajectories([[1, 2]], [1], { tokens: ['a', 'b'] }),
      'LENGTH_MISMATCH',
      'tokens has length 2 but points rows is 1',
    );
    expectCode(
      () => trajectories([[1, 2]], [1], { tokens: [3 as unknown as string] }),
      'INVALID_ARGUMENT',
      /tokens: number at index 0/,
    );
    expectCode(() => trajectories([[1, 2]], [1], { expected: [] }), 'LENGTH_MISMATCH');
    expectCode(() => trajectories([[1, 2]], [1], { expected: [Infinity] }), 'NON_FINITE');
    expectCode(
      () => trajectories([[1, 2]], [1], { expected: ['0.5' as unknown as number] }),
      'NOT_A_NUMBER',
      /expected: string "0.5" at index 0/,
    );
    expectCode(
      () =>
        trajectories(
          [
            [1, 2],
            [3, 4],
          ],
          [1, 1],
          { ids: ['a'] },
        ),
      'LENGTH_MISMATCH',
    );
    expectCode(
      () =>
        trajectories(
          [
            [1, 2],
            [3, 4],
          ],
          [1, 1],
          { ids: ['a', 'a'] },
        ),
      'DUPLICATE_KEY',
      /duplicate id "a"/,
    );
  });
  it('trajectories(points, lengths) keeps every step once, in order, and never mutates its inputs', () => {
    fc.assert(
      fc.property(stacked(2), ({ lengths, data }) => {
        const m = matrix(data, 2);
        const before = Float64Array.from(m.data);
        const lens = [...lengths];
        const tokens = data.filter((_, i) => i % 2 === 0).map((_, r) => `t${r}`);
        const paths = trajectories(m, lens, { tokens });
        expect(Array.from(m.data)).toEqual(Array.from(before));
        expect(lens).toEqual(lengths);
        expect(paths.map((p) => p.steps.length)).toEqual(lengths);
        const flat = paths.flatMap((p) => p.steps);
        expect(flat.map((s) => s.index)).toEqual(flat.map((_, r) => r));
        paths.forEach((p, s) => {
          expect(p.sequence).toBe(s);
          p.steps.forEach((st, k) => {
            expect(st.step).toBe(k);
            expect(st.x).toBe(data[2 * st.index]);
            expect(st.y).toBe(data[2 * st.index + 1]);
            expect(st.token).toBe(`t${st.index}`);
          });
        });
      }),
    );
  });
});

describe('@classlens/core root', () => {
  it('re-exports every trajectory helper', () => {
    const names = [
      'stepDistances',
      'sequenceOffsets',
      'sequenceStepDistances',
      'stackSequences',
      'trajectories',
      'findJumps',
    ];
    names.push('predictionChanges', 'confidenceChanges', 'topClasses', 'topClassChanges', 'expectedPrediction');
    for (const n of names) expect(typeof (root as Record<string, unknown>)[n], n).toBe('function');
  });
});
