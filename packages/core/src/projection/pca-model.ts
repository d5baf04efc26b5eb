import { ClasslensError } from '../common/errors.js';
import { toMatrix, type Matrix, type MatrixLike } from '../common/matrix.js';
import { maxAbs, scaleExponent, scaledCopy, scaleInPlace } from '../common/internal/scale.js';
import { describeValue } from '../common/internal/validate.js';
import { symmetricEigen } from './internal/symmetric-eigen.js';

/** What {@link pcaModel} returns. Every array has one entry per component, largest variance first. */
export interface PcaModel {
  /** n × k: the centred data projected on the components (`(X − mean) · componentsᵀ`). */
  readonly scores: Matrix;
  /** k × d: the principal axes as unit-length rows, sign fixed as described in {@link pcaModel}. */
  readonly components: Matrix;
  /** The column means that were subtracted (length d). */
  readonly mean: Float64Array;
  /** Variance along each component (sample variance, divisor n − 1; 0 when n = 1). */
  readonly explainedVariance: Float64Array;
  /** `explainedVariance` over the total variance of all d columns; `NaN` when the total is 0. */
  readonly explainedVarianceRatio: Float64Array;
  /** Singular values of the centred data: √(variance · (n − 1)). */
  readonly singularValues: Float64Array;
}

/**
 * Principal component analysis of the rows of `data`: the k directions of largest
 * variance, the data projected on them, and how much variance each explains. It
 * matches `sklearn.decomposition.PCA(n_components=k, svd_solver="full")`: the data is
 * centred (column means subtracted), not scaled; variances use the divisor n − 1.
 *
 * **Signs.** An axis is only defined up to sign, so each component is flipped to make
 * its largest-magnitude loading positive (the first such loading on ties). This is the
 * convention of scikit-learn ≥ 1.5 (`svd_flip(u_based_decision=False)`); scikit-learn
 * ≤ 1.4 made the largest-magnitude *score* positive instead, so older results may have
 * columns of opposite sign.
 *
 * **Degenerate cases.** Components with equal variance are determined only up to a
 * rotation among themselves. Zero-variance components (constant columns, or k beyond
 * the rank of the centred data) have zero scores and an arbitrary unit axis orthogonal
 * to the others. Constant data gives ratios of `NaN`.
 *
 * **Magnitudes.** Data whose largest magnitude lies outside 2^±400 (about 1e±120) is
 * scaled by an exact power of two before the covariance is formed and the results are
 * scaled back, so that `pca([[1e300, 1], [-1e300, 2], [0, 3]], 1)` is finite. The
 * variance of such data may itself overflow: `explainedVariance` is then `Infinity`,
 * while scores, axes, ratios and singular values stay finite.
 *
 * **Method.** The eigen-decomposition (Householder + implicit QL) of the d × d
 * covariance matrix, or of the n × n Gram matrix when n < d. Time
 * O(n · d · min(n, d) + min(n, d)³), memory O(min(n, d)² + n · k).
 *
 * @param data n × d, rows are observations. `number[][]` is accepted.
 * @param k number of components, an integer in [1, min(n, d)].
 * @throws {ClasslensError} `EMPTY` with no rows, `NON_FINITE` naming the first NaN/±∞
 *   entry, `INVALID_SHAPE` for ragged rows, `INVALID_ARGUMENT` when k is not an integer
 *   in [1, min(n, d)].
 * @example
 * const m = pcaModel([[1, 2], [3, 4], [5, 7]], 1);
 * m.explainedVarianceRatio[0]; // 0.9969
 * m.scores.data;               // Float64Array [-3.071, -0.261, 3.332]
 */
export function pcaModel(data: MatrixLike, k: number): PcaModel {
  const X = toMatrix(data, { name: 'data', finite: true, allowEmpty: false });
  const n = X.rows;
  const d = X.cols;
  const maxK = Math.min(n, d);
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > maxK) {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `k: ${describeValue(k)} is not an integer in [1, min(rows, cols)] = [1, ${maxK}]`,
      { k, max: maxK },
    );
  }
  // Data beyond 2^±400 is scaled by an exact power of two first, so that the covariance
  // (sums of squares) neither overflows nor underflows; results are scaled back.
  const e = scaleExponent(maxAbs(X.data), -400, 400);
  const src = e === 0 ? X.data : scaledCopy(X.data, e);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += src[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const xc = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) xc[i * d + j] = src[i * d + j] - mean[j];

  let totalSS = 0;
  for (let t = 0; t < n * d; t++) totalSS += xc[t] * xc[t];

  // Components as rows (k × d), and their sums of squares (= singular values²).
  const comps = new Float64Array(k * d);
  const ss = new Float64Array(k);
  if (d <= n) {
    // Scatter matrix Xcᵀ·Xc (upper triangle, then mirrored).
    const C = new Float64Array(d * d);
    for (let i = 0; i < n; i++) {
      const r = i * d;
      for (let a = 0; a < d; a++) {
        const xa = xc[r + a];
        if (xa === 0) continue;
        const row = a * d;
        for (let b = a; b < d; b++) C[row + b] += xa * xc[r + b];
      }
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) C[a * d + b] = C[b * d + a];
    const eig = symmetricEigen(C, d);
    for (let c = 0; c < k; c++) {
      const col = d - 1 - c;
      ss[c] = Math.max(0, eig.values[col]);
      for (let j = 0; j < d; j++) comps[c * d + j] = eig.vectors[j * d + col];
    }
  } else {
    // Gram matrix Xc·Xcᵀ: its eigenvectors u give the axes v = Xcᵀu / ‖Xcᵀu‖.
    const G = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += xc[i * d + t] * xc[j * d + t];
        G[i * n + j] = s;
        G[j * n + i] = s;
      }
    }
    const eig = symmetricEigen(G, n);
    const smax = Math.max(0, eig.values[n - 1]);
    for (let c = 0; c < k; c++) {
      const col = n - 1 - c;
      const lambda = Math.max(0, eig.values[col]);
      ss[c] = lambda;
      // Below this the direction is noise: complete the basis instead (see below).
      if (lambda <= smax * 1e-13 * Math.max(n, d) || lambda === 0) continue;
      for (let i = 0; i < n; i++) {
        const u = eig.vectors[i * n + col];
        if (u === 0) continue;
        for (let j = 0; j < d; j++) comps[c * d + j] += u * xc[i * d + j];
      }
      normalize(comps, c, d);
    }
    completeBasis(comps, k, d);
  }
  for (let c = 0; c < k; c++) flipSign(comps, c, d);

  const scores = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += xc[i * d + j] * comps[c * d + j];
      scores[i * k + c] = s;
    }
  }
  const dof = Math.max(n - 1, 1);
  const explainedVariance = new Float64Array(k);
  const explainedVarianceRatio = new Float64Array(k);
  const singularValues = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    explainedVariance[c] = ss[c] / dof;
    explainedVarianceRatio[c] = ss[c] / totalSS;
    singularValues[c] = Math.sqrt(ss[c]);
  }
  if (e !== 0) {
    scaleInPlace(mean, e);
    scaleInPlace(scores, e);
    scaleInPlace(singularValues, e);
    // May overflow to Infinity (variance of data near 1e300 is near 1e600).
    scaleInPlace(explainedVariance, 2 * e);
  }
  return {
    scores: { rows: n, cols: k, data: scores },
    components: { rows: k, cols: d, data: comps },
    mean,
    explainedVariance,
    explainedVarianceRatio,
    singularValues,
  };
}

function normalize(v: Float64Array, c: number, d: number): boolean {
  let s = 0;
  for (let j = 0; j < d; j++) s += v[c * d + j] * v[c * d + j];
  if (!(s > 0)) return false;
  const inv = 1 / Math.sqrt(s);
  for (let j = 0; j < d; j++) v[c * d + j] *= inv;
  return true;
}

/**
 * Replaces all-zero rows (zero-variance components from the Gram path) by unit vectors
 * orthogonal to every other row: Gram–Schmidt on the standard basis, twice for accuracy.
 */
function completeBasis(v: Float64Array, k: number, d: number): void {
  let e = 0;
  for (let c = 0; c < k; c++) {
    let zero = true;
    for (let j = 0; j < d && zero; j++) if (v[c * d + j] !== 0) zero = false;
    if (!zero) continue;
    for (; e < d; e++) {
      for (let j = 0; j < d; j++) v[c * d + j] = j === e ? 1 : 0;
      for (let pass = 0; pass < 2; pass++) {
        for (let o = 0; o < k; o++) {
          if (o === c) continue;
          let dot = 0;
          for (let j = 0; j < d; j++) dot += v[o * d + j] * v[c * d + j];
          for (let j = 0; j < d; j++) v[c * d + j] -= dot * v[o * d + j];
        }
      }
      let s = 0;
      for (let j = 0; j < d; j++) s += v[c * d + j] * v[c * d + j];
      if (s > 1e-6) {
        normalize(v, c, d);
        e++;
        break;
      }
    }
  }
}

function flipSign(v: Float64Array, c: number, d: number): void {
  let best = 0;
  let at = 0;
  for (let j = 0; j < d; j++) {
    const a = Math.abs(v[c * d + j]);
    if (a > best) {
      best = a;
      at = j;
    }
  }
  if (v[c * d + at] < 0) for (let j = 0; j < d; j++) v[c * d + j] = -v[c * d + j];
}
