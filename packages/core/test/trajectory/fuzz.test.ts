// Fuzz properties of the trajectory area (issue 8, "done when"): random hostile inputs
// give a coded error or a correct result, within a time bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
} from '../../src/index.js';
import {
  codedOrCorrect,
  FUZZ_RUNS,
  hostileArray,
  hostileMatrix,
  hostileNumber,
  hostileOptions,
  hostileScalar,
} from '../hostile.js';

const cell = fc.oneof(
  { weight: 6, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(1e300, -1e300, 1e-300) },
);
const states = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 3 }))
  .chain(([r, c]) => hostileMatrix(r, c, cell));
const probs = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 3 }))
  .chain(([r, c]) =>
    hostileMatrix(
      r,
      c,
      fc.oneof(
        { weight: 6, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
        { weight: 1, arbitrary: hostileScalar },
      ),
    ),
  );
const lengths = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: hostileArray(hostileScalar, 3) },
);

describe('trajectory on random hostile input — property', () => {
  it('stepDistances, sequenceStepDistances, findJumps: a coded error or finite, non-negative steps', () => {
    fc.assert(
      fc.property(
        states,
        lengths,
        hostileOptions(['threshold', 'normalize', 'max'], fc.constantFrom<unknown>(0.4, 'none', 'max', 2)),
        (x, len, options) => {
          let steps: Float64Array | undefined;
          codedOrCorrect(
            () => stepDistances(x as number[][]),
            (d) => {
              expect(d.length).toBe(Math.max(0, (x as unknown[]).length - 1));
              d.forEach((v) => expect(v >= 0 && Number.isFinite(v)).toBe(true));
              steps = d;
            },
          );
          codedOrCorrect(
            () => sequenceStepDistances(x as number[][], len as number[]),
            (d) => d.forEach((v) => expect(Number.isNaN(v) || v >= 0).toBe(true)),
          );
          if (steps) {
            const s = steps;
            codedOrCorrect(
              () => findJumps(s, options as object),
              (ix) => ix.forEach((i) => expect(i).toBeLessThan(s.length)),
            );
          }
        },
      ),
      FUZZ_RUNS,
    );
  });

  it('expectedPrediction, topClasses and the change finders: a coded error or one value per row', () => {
    fc.assert(
      fc.property(
        probs,
        lengths,
        hostileOptions(['threshold', 'lengths'], fc.constantFrom<unknown>(0.3, [1, 1])),
        (p, len, options) => {
          const rows = Array.isArray(p) ? p.length : 0;
          codedOrCorrect(
            () => expectedPrediction(p as number[][]),
            (e) => expect(e.length).toBe(rows),
          );
          codedOrCorrect(
            () => topClasses(p as number[][]),
            (t) => expect(t.length).toBe(rows),
          );
          codedOrCorrect(
            () => predictionChanges(p as number[][], len as number[]),
            (c) => expect(c.length).toBe(rows),
          );
          codedOrCorrect(
            () => confidenceChanges(p as number[][], options as object),
            (c) => c.forEach((i) => expect(i).toBeLessThan(rows)),
          );
          codedOrCorrect(
            () => topClassChanges(p as number[][], options as object),
            (c) => c.forEach((i) => expect(i).toBeLessThan(rows)),
          );
        },
      ),
      FUZZ_RUNS,
    );
  });

  it('sequenceOffsets, stackSequences, trajectories: a coded error or consistent offsets', () => {
    fc.assert(
      fc.property(
        lengths,
        hostileArray(hostileArray(cell, 4), 3),
        fc.oneof(fc.integer({ min: 1, max: 3 }), hostileScalar),
        hostileOptions(['tokens', 'expected', 'ids'], fc.constantFrom<unknown>(['a'], [0.5], ['x'])),
        (len, parts, width, options) => {
          codedOrCorrect(
            () => sequenceOffsets(len as number[]),
            (o) => {
              for (let s = 1; s < o.length; s++) expect(o[s]).toBeGreaterThanOrEqual(o[s - 1]);
            },
          );
          codedOrCorrect(
            () => stackSequences(parts as number[][], width as number),
            (st) => {
              expect(st.offsets[st.offsets.length - 1]).toBe(st.matrix.rows);
              codedOrCorrect(
                () =>
                  trajectories(
                    st.matrix.cols >= 2 ? st.matrix : { rows: 0, cols: 2, data: new Float64Array(0) },
                    st.matrix.cols >= 2 ? st.lengths : [],
                    options as object,
                  ),
                (ts) =>
                  expect(ts.reduce((a, t) => a + t.steps.length, 0)).toBe(st.matrix.cols >= 2 ? st.matrix.rows : 0),
              );
            },
          );
        },
      ),
      FUZZ_RUNS,
    );
  });
});
