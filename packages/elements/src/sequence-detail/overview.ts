import { confusionMatrix, histogram, type HistogramBin } from '@classlens/core';
import type { SequenceData } from '../internal/trajectory/sequence-data.js';
import type { StepMeasures } from '../internal/trajectory/step-marks.js';

/** The classification overview (Garcia, Munz & Weiskopf 2021, Figs. 1 and 6): counts, accuracy, per-class bars. */
export interface ClassificationOverview {
  sequences: number;
  steps: number;
  /** Sequences with a truth and a prediction. */
  labelled: number;
  correct: number;
  /** `correct / labelled` (NaN when none). */
  accuracy: number;
  /** Core's `confusionMatrix(truth, predicted, classes).counts`: rows truth, columns prediction. */
  counts: number[][];
  /** Sequences per true class (row sums). */
  truthTotals: number[];
}

/** The overview through core's `confusionMatrix`, or `null` without truth and prediction. */
export function classificationOverview(data: SequenceData): ClassificationOverview | null {
  const { truth, predicted } = data;
  if (!truth || !predicted) return null;
  const t: number[] = [];
  const p: number[] = [];
  for (let s = 0; s < data.n; s++) {
    if (predicted[s] < 0) continue; // an empty sequence has no answer
    t.push(truth[s]);
    p.push(predicted[s]);
  }
  const m = confusionMatrix(Int32Array.from(t), Int32Array.from(p), data.classes);
  let correct = 0;
  for (let c = 0; c < m.counts.length; c++) correct += m.counts[c][c];
  return {
    sequences: data.n,
    steps: data.total,
    labelled: t.length,
    correct,
    accuracy: t.length ? correct / t.length : NaN,
    counts: m.counts,
    truthTotals: m.counts.map((row) => row.reduce((a, b) => a + b, 0)),
  };
}

/** Which sequences the table lists. */
export interface SequenceFilter {
  /** True class index, or -1 for any. */
  truth: number;
  /** Predicted class index, or -1 for any. */
  predicted: number;
  correct: 'all' | 'right' | 'wrong';
}

/** Sequence indices passing `f`, in input order. O(n). */
export function filterSequences(data: SequenceData, f: SequenceFilter): Uint32Array {
  const out: number[] = [];
  const { truth, predicted } = data;
  for (let s = 0; s < data.n; s++) {
    if (f.truth >= 0 && (!truth || truth[s] !== f.truth)) continue;
    if (f.predicted >= 0 && (!predicted || predicted[s] !== f.predicted)) continue;
    if (f.correct !== 'all') {
      if (!truth || !predicted) continue;
      const right = truth[s] === predicted[s];
      if (right !== (f.correct === 'right')) continue;
    }
    out.push(s);
  }
  return Uint32Array.from(out);
}

/** Bins of the step-distance histogram: 20 bins of 0.05 over the normalised distance [0, 1]. */
export const HISTOGRAM_BINS = 20;

/**
 * The histogram of normalised step distances over the whole data set (the paper's
 * histogram beside the distance bars), through core's `histogram` (NaN starts skipped).
 */
export function distanceHistogram(measures: StepMeasures): HistogramBin[] {
  const d = measures.distances;
  if (!d || !(measures.max > 0)) return [];
  const normalised = new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) normalised[i] = d[i] / measures.max;
  const thresholds = Array.from({ length: HISTOGRAM_BINS - 1 }, (_, i) => (i + 1) / HISTOGRAM_BINS);
  return histogram(normalised, { thresholds, domain: [0, 1] });
}
