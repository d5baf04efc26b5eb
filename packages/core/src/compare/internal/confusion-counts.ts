// Internal (not re-exported): counting kernels shared by the metrics functions.

/**
 * Row-major m × m counts: `[t * m + p]` = items of true class t predicted as p (with
 * `weights`, the sum of their weights).
 */
export function confusionCounts(
  truth: Int32Array,
  pred: Int32Array,
  m: number,
  weights: Float64Array | null = null,
): Float64Array {
  const counts = new Float64Array(m * m);
  if (weights === null) for (let i = 0; i < truth.length; i++) counts[truth[i] * m + pred[i]]++;
  else for (let i = 0; i < truth.length; i++) counts[truth[i] * m + pred[i]] += weights[i];
  return counts;
}

/** Items per true class, and items per class that `pred` gets right. */
export function supportAndCorrect(
  truth: Int32Array,
  pred: Int32Array,
  m: number,
): { support: Float64Array; correct: Float64Array } {
  const support = new Float64Array(m);
  const correct = new Float64Array(m);
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    support[t]++;
    if (pred[i] === t) correct[t]++;
  }
  return { support, correct };
}
