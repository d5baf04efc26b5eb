import type { Csr } from './affinities.js';

/**
 * The pieces of one t-SNE gradient-descent iteration that do not depend on how the
 * repulsion is approximated.
 * @internal
 */

/** The strictly upper triangle of the symmetric P, so that each pair is visited once. @internal */
export function upperTriangle(P: Csr): Csr {
  const { n, rowPtr, cols, vals } = P;
  const ptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let a = rowPtr[i]; a < rowPtr[i + 1]; a++) if (cols[a] > i) c++;
    ptr[i + 1] = ptr[i] + c;
  }
  const uc = new Int32Array(ptr[n]);
  const uv = new Float64Array(ptr[n]);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let a = rowPtr[i]; a < rowPtr[i + 1]; a++) {
      if (cols[a] > i) {
        uc[at] = cols[a];
        uv[at] = vals[a];
        at++;
      }
    }
  }
  return { n, rowPtr: ptr, cols: uc, vals: uv };
}

/**
 * ∂KL/∂yᵢ = 4 Σⱼ (pᵢⱼ − qᵢⱼ) wᵢⱼ (yᵢ − yⱼ), wᵢⱼ = (1 + ‖yᵢ − yⱼ‖²)⁻¹, qᵢⱼ = wᵢⱼ / Z
 * (van der Maaten 2014, eq. 5), split into the sparse attraction Σⱼ pᵢⱼ wᵢⱼ (yᵢ − yⱼ),
 * summed here over each stored pair once, and the repulsion Σⱼ wᵢⱼ² (yᵢ − yⱼ) / Z.
 */
export function gradient(
  upper: Csr,
  y: Float64Array,
  exaggeration: number,
  rep: Float64Array,
  invZ: number,
  grad: Float64Array,
): void {
  const { n, rowPtr, cols, vals } = upper;
  grad.fill(0);
  for (let i = 0; i < n; i++) {
    const xi = y[2 * i];
    const yi = y[2 * i + 1];
    let ax = 0;
    let ay = 0;
    const end = rowPtr[i + 1];
    for (let a = rowPtr[i]; a < end; a++) {
      const j = cols[a];
      const dx = xi - y[2 * j];
      const dy = yi - y[2 * j + 1];
      const pw = vals[a] / (1 + dx * dx + dy * dy);
      const fx = pw * dx;
      const fy = pw * dy;
      ax += fx;
      ay += fy;
      grad[2 * j] -= fx;
      grad[2 * j + 1] -= fy;
    }
    grad[2 * i] += ax;
    grad[2 * i + 1] += ay;
  }
  const e4 = 4 * exaggeration;
  const r4 = 4 * invZ;
  for (let t = 0; t < 2 * n; t++) grad[t] = e4 * grad[t] - r4 * rep[t];
}

/** One momentum step with delta-bar-delta gains (Jacobs 1988), as scikit-learn. */
export function step(
  y: Float64Array,
  grad: Float64Array,
  update: Float64Array,
  gains: Float64Array,
  momentum: number,
  lr: number,
): void {
  for (let t = 0; t < y.length; t++) {
    const g = grad[t];
    const u = update[t];
    let gain = u * g < 0 ? gains[t] + 0.2 : gains[t] * 0.8;
    if (gain < 0.01) gain = 0.01;
    gains[t] = gain;
    const s = momentum * u - lr * gain * g;
    update[t] = s;
    y[t] += s;
  }
}
