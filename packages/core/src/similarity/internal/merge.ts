import type { Matrix } from '../../common/matrix.js';
import type { PearsonPart } from './pearson-part.js';
import { pow2 } from './float-bits.js';

/**
 * Combines the {@link PearsonPart}s of disjoint blocks of samples into the m × m Pearson
 * correlation matrix. With global mean μ and block means μ_p (n_p samples each), the
 * centred cross-product sums add as
 *
 *   S_ij = Σ_p [ G^p_ij + n_p (μ_p,i − μ_i)(μ_p,j − μ_j) ]
 *
 * (Chan, Golub & LeVeque 1983, eq. 2.1b, applied to co-moments), and
 * r_ij = S_ij / √(S_ii S_jj), where S_ii comes from the float64 sums of squares rather
 * than the Gram diagonal (which may carry the float32 kernel's rounding). Blocks with
 * different binary scales are brought to the largest one first (exact).
 *
 * Columns that are exactly constant over all blocks get `NaN` in their row and column,
 * diagonal included; every other diagonal entry is exactly 1 and off-diagonal entries
 * are clamped to [-1, 1].
 */
export function mergePearson(parts: readonly PearsonPart[], m: number): Matrix {
  const out = new Float64Array(m * m);
  const used = parts.filter((p) => p.n > 0);
  const n = used.reduce((s, p) => s + p.n, 0);
  const E = new Int32Array(m).fill(-2000);
  for (const p of used) for (let c = 0; c < m; c++) if (p.exp[c] > E[c]) E[c] = p.exp[c];

  const mean = new Float64Array(m);
  const f = used.map((p) => {
    const fp = new Float64Array(m);
    for (let c = 0; c < m; c++) fp[c] = pow2(Math.max(-1074, p.exp[c] - E[c]));
    return fp;
  });
  used.forEach((p, k) => {
    for (let c = 0; c < m; c++) mean[c] += p.n * p.mean[c] * f[k][c];
  });
  for (let c = 0; c < m; c++) mean[c] /= n;

  const constant = new Uint8Array(m).fill(1);
  const sii = new Float64Array(m);
  const S = new Float64Array((m * (m + 1)) / 2);
  used.forEach((p, k) => {
    const fp = f[k];
    const delta = new Float64Array(m);
    for (let c = 0; c < m; c++) {
      delta[c] = p.mean[c] * fp[c] - mean[c];
      sii[c] += p.m2[c] * fp[c] * fp[c] + p.n * delta[c] * delta[c];
      if (!p.constant[c] || p.first[c] !== used[0].first[c]) constant[c] = 0;
    }
    const g = p.gram;
    const single = used.length === 1;
    for (let i = 0, q = 0; i < m; i++) {
      const fi = fp[i];
      const ndi = p.n * delta[i];
      if (single) for (let j = 0; j <= i; j++, q++) S[q] = g[q];
      else for (let j = 0; j <= i; j++, q++) S[q] += g[q] * fi * fp[j] + ndi * delta[j];
    }
  });

  // NaN marks classes without variance; S_ij / √(S_ii S_jj) rounds once in the square root
  // and once in the division, so perfectly related columns give exactly ±1 more often.
  const var_ = new Float64Array(m);
  for (let c = 0; c < m; c++) var_[c] = constant[c] || !(sii[c] > 0) ? NaN : sii[c];
  for (let i = 0, q = 0; i < m; i++) {
    for (let j = 0; j < i; j++, q++) {
      let r = S[q] / Math.sqrt(var_[i] * var_[j]);
      if (r > 1) r = 1;
      else if (r < -1) r = -1;
      out[i * m + j] = r;
      out[j * m + i] = r;
    }
    out[i * m + i] = Number.isNaN(var_[i]) ? NaN : 1;
    q++;
  }
  return { rows: m, cols: m, data: out };
}
