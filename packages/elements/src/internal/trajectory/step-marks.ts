import {
  ClasslensError,
  confidenceChanges,
  findJumps,
  predictionChanges,
  sequenceStepDistances,
  topClassChanges,
} from '@classlens/core';
import type { SequenceData } from './sequence-data.js';

/**
 * Default jump threshold: a step is a jump when its hidden-state distance, divided by the
 * largest step distance of the data set, exceeds 0.40 — the default of the tool of
 * Garcia, Munz & Weiskopf, "Visual analytics tool for the interpretation of hidden states
 * in recurrent neural networks", Visual Computing for Industry, Biomedicine, and Art 4, 24
 * (2021). Core's `findJumps` compares strictly (`>`).
 */
export const DEFAULT_JUMP_THRESHOLD = 0.4;

/**
 * Default confidence-change threshold: a step is marked when the expected prediction
 * changes by more than 0.30 (the largest change of any class probability; |ΔP(positive)|
 * for a binary classifier), the default of the same paper's tool (core's `confidenceChanges`).
 */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.3;

/** Per-step distances, their normaliser and the prediction changes: computed once per data. */
export interface StepMeasures {
  /** Hidden-state distance to the previous step, aligned with the rows (NaN at sequence starts), or `null`. */
  distances: Float64Array | null;
  /** The largest finite distance (the jump normaliser), or NaN when there is none. */
  max: number;
  /** Core's `predictionChanges(probs, lengths)` (NaN at starts), or `null` without probabilities. */
  changes: Float64Array | null;
}

/** Which steps are marked for the current thresholds. */
export interface StepMarks {
  /** 1 where the normalised distance exceeds the jump threshold. */
  jump: Uint8Array;
  /** 1 where the expected prediction changed by more than the confidence threshold. */
  confidence: Uint8Array;
  /** 1 where the top class differs from the previous step's. */
  flip: Uint8Array;
  /** Counts of each. */
  jumps: number;
  confidences: number;
  flips: number;
}

/**
 * Step distances (core's `sequenceStepDistances`, in the hidden space: t-SNE does not
 * keep distances, which is why the paper shows the original-space distances) or the
 * caller's precomputed `given` ones, validated; and the prediction changes.
 */
export function stepMeasures(data: SequenceData, given?: ArrayLike<number> | null): StepMeasures {
  let distances: Float64Array | null = null;
  if (given != null) {
    if (typeof given !== 'object' || typeof given.length !== 'number') {
      throw new ClasslensError('INVALID_ARGUMENT', 'distances: expected an array of numbers');
    }
    if (given.length !== data.total) {
      throw new ClasslensError(
        'LENGTH_MISMATCH',
        `distances has length ${given.length} but there are ${data.total} steps`,
      );
    }
    distances = new Float64Array(data.total);
    for (let i = 0; i < given.length; i++) {
      const v = given[i];
      if (typeof v !== 'number' || v < 0 || v === Infinity) {
        throw new ClasslensError(
          v === Infinity ? 'NON_FINITE' : 'INVALID_ARGUMENT',
          `distances: ${String(v)} at step ${i}, expected a number ≥ 0 (or NaN at a sequence start)`,
          { index: i },
        );
      }
      distances[i] = v;
    }
  } else if (data.states) {
    distances = sequenceStepDistances(data.states, data.lengths);
  }
  let max = NaN;
  if (distances) {
    for (let i = 0; i < distances.length; i++) {
      const v = distances[i];
      if (v === v && !(v <= max)) max = v;
    }
  }
  const changes = data.probs ? predictionChanges(data.probs, data.lengths) : null;
  return { distances, max, changes };
}

/**
 * The marked steps for the thresholds, through core: `findJumps` (normalised by the
 * largest distance of the data set, so every sequence is judged on one scale, as the
 * paper's single histogram and threshold are), `confidenceChanges` and `topClassChanges`.
 * Thresholds are strict (`>`). O(total · classes).
 */
export function markSteps(
  data: SequenceData,
  measures: StepMeasures,
  jumpThreshold: number,
  confidenceThreshold: number,
): StepMarks {
  const n = data.total;
  const jump = new Uint8Array(n);
  const confidence = new Uint8Array(n);
  const flip = new Uint8Array(n);
  const d = measures.distances;
  const set = (mask: Uint8Array, rows: Uint32Array) => {
    for (let k = 0; k < rows.length; k++) mask[rows[k]] = 1;
    return rows.length;
  };
  const jumps = d && measures.max > 0 ? set(jump, findJumps(d, { threshold: jumpThreshold, max: measures.max })) : 0;
  let confidences = 0;
  let flips = 0;
  if (data.probs) {
    confidences = set(
      confidence,
      confidenceChanges(data.probs, { threshold: confidenceThreshold, lengths: data.lengths }),
    );
    flips = set(flip, topClassChanges(data.probs, { lengths: data.lengths }));
  }
  return { jump, confidence, flip, jumps, confidences, flips };
}

/** A threshold attribute: a finite number ≥ 0, else the default. */
export function readThreshold(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}
