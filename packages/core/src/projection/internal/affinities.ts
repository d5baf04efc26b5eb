/**
 * t-SNE input affinities: per-point Gaussian conditionals calibrated to a perplexity,
 * then symmetrised into a sparse joint distribution P (van der Maaten & Hinton 2008,
 * "Visualizing data using t-SNE", JMLR 9, eqs. 1 and 4; the nearest-neighbour
 * restriction of van der Maaten 2014, §4.1).
 * @internal
 */

/** A sparse symmetric matrix in compressed-row form; columns ascending within a row. */
export interface Csr {
  readonly n: number;
  readonly rowPtr: Int32Array;
  readonly cols: Int32Array;
  readonly vals: Float64Array;
}

const PERPLEXITY_TOLERANCE = 1e-5;
const MAX_STEPS = 100;

/**
 * Calibrates one row: finds β (the Gaussian's precision) such that the entropy of
 * p_j ∝ exp(−β d_j²) equals log(perplexity), by the bisection scikit-learn uses
 * (`sklearn/manifold/_utils.pyx`: β starts at 1, doubles/halves until bracketed, at
 * most 100 steps, stops at |ΔH| ≤ 1e-5 nats). Distances are shifted by their minimum
 * first, which leaves p and H unchanged but keeps exp() from underflowing to an
 * all-zero row when distances are large. Writes the conditionals (summing to 1) into
 * `out` and returns β.
 */
export function calibrateRow(
  d2: Float64Array,
  offset: number,
  k: number,
  perplexity: number,
  out: Float64Array,
): number {
  if (k === 0) return 1;
  let dmin = Infinity;
  for (let j = 0; j < k; j++) if (d2[offset + j] < dmin) dmin = d2[offset + j];
  const target = Math.log(perplexity);
  let beta = 1;
  let betaMin = -Infinity;
  let betaMax = Infinity;
  for (let step = 0; step < MAX_STEPS; step++) {
    let sum = 0;
    let sumDP = 0;
    for (let j = 0; j < k; j++) {
      const d = d2[offset + j] - dmin;
      const p = Math.exp(-d * beta);
      out[offset + j] = p;
      sum += p;
      sumDP += d * p;
    }
    // sum ≥ 1 (the nearest neighbour contributes exp(0)), so no division by zero.
    const inv = 1 / sum;
    for (let j = 0; j < k; j++) out[offset + j] *= inv;
    const entropy = Math.log(sum) + beta * sumDP * inv;
    const diff = entropy - target;
    if (Math.abs(diff) <= PERPLEXITY_TOLERANCE) break;
    if (diff > 0) {
      betaMin = beta;
      beta = betaMax === Infinity ? beta * 2 : (beta + betaMax) / 2;
    } else {
      betaMax = beta;
      beta = betaMin === -Infinity ? beta / 2 : (beta + betaMin) / 2;
    }
  }
  return beta;
}

/**
 * Symmetrises row-wise conditionals given on a k-nearest-neighbour graph:
 * P = (C + Cᵀ) / Σ(C + Cᵀ), as `_joint_probabilities_nn` in scikit-learn does.
 * `idx`/`cond` hold n rows of k entries. O(n·k log k) time, O(n·k) memory.
 */
export function symmetrize(n: number, k: number, idx: Int32Array, cond: Float64Array): Csr {
  // Row lengths before merging: k own entries plus the transposed ones.
  const len = new Int32Array(n);
  for (let e = 0; e < n * k; e++) len[idx[e]]++;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + len[i] + k;
  const tmpCols = new Int32Array(start[n]);
  const tmpVals = new Float64Array(start[n]);
  const fill = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const e = i * k + t;
      const j = idx[e];
      let at = start[i] + fill[i]++;
      tmpCols[at] = j;
      tmpVals[at] = cond[e];
      at = start[j] + fill[j]++;
      tmpCols[at] = i;
      tmpVals[at] = cond[e];
    }
  }
  // Merge duplicates per row (j in kNN(i) and i in kNN(j)) with a dense scratch row.
  const acc = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const rowPtr = new Int32Array(n + 1);
  const cols = new Int32Array(start[n]);
  const merged = new Float64Array(start[n]);
  let nnz = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = start[i];
    const e = s + fill[i];
    const rowStart = nnz;
    for (let a = s; a < e; a++) {
      const j = tmpCols[a];
      if (stamp[j] !== i) {
        stamp[j] = i;
        acc[j] = 0;
        cols[nnz++] = j;
      }
      acc[j] += tmpVals[a];
    }
    cols.subarray(rowStart, nnz).sort();
    for (let a = rowStart; a < nnz; a++) {
      const v = acc[cols[a]];
      merged[a] = v;
      total += v;
    }
    rowPtr[i + 1] = nnz;
  }
  const inv = total > 0 ? 1 / total : 0;
  const vals = new Float64Array(nnz);
  for (let a = 0; a < nnz; a++) vals[a] = merged[a] * inv;
  return { n, rowPtr, cols: cols.slice(0, nnz), vals };
}
