// Spearman's correlation (ranks across samples) in-thread: columns ranked straight into
// the class-major matrix the Gram kernel reads, then the Pearson merge of centred ranks.
import type { Matrix } from '../../common/matrix.js';
import { gatherColumns, rankBlockSize } from './rank-column-blocks.js';
import { mergePearson } from './merge.js';
import {
  jsGramSteps,
  pad4,
  pad48,
  released,
  wasmGramSteps,
  zeroGramPadding,
  type Kernel,
  type PearsonPart,
} from './pearson-part.js';
import { RankScratch } from './rank-js.js';
import { scaleSteps, type Steps } from '../../common/internal/steps.js';
import { wasmKernel, WASM_MAX_BYTES } from './wasm-kernel.js';

/** Share of Spearman's time spent ranking (progress weighting only). */
export const RANK_SHARE = 0.4;

/** Bytes of wasm memory {@link spearmanSteps} needs for n × m (z, C, rank input and scratch). */
function spearmanWasmBytes(n: number, m: number): number {
  const mp = pad4(m);
  return 64 + mp * pad48(n) * 4 + ((mp * (mp + 1)) / 2) * 8 + 16 * n * 8 + 16 * n + 8192 + 64;
}

/** `true` when {@link spearmanSteps} can run n × m on the wasm kernel. */
export function spearmanFitsWasm(n: number, m: number): boolean {
  return spearmanWasmBytes(n, m) < WASM_MAX_BYTES - 65536;
}

/**
 * The one {@link PearsonPart} of globally centred ranks: means are 0 by construction and
 * Σ (rank − mean)² comes exactly from the ranking, so the merge only divides.
 */
export function centredRanksPart(n: number, ss: Float64Array, gram: Float64Array): PearsonPart {
  const m = ss.length;
  const constant = new Uint8Array(m);
  for (let c = 0; c < m; c++) constant[c] = ss[c] === 0 ? 1 : 0;
  return {
    n,
    m,
    mean: new Float64Array(m),
    m2: ss,
    exp: new Int32Array(m),
    constant,
    first: new Float64Array(m),
    gram,
  };
}

/**
 * Spearman correlations of a validated, non-empty `x`, in-thread: each column is ranked
 * straight into the class-major matrix the Gram kernel reads, as rank − (n+1)/2 (float32
 * in wasm memory, exact; float64 for JS), then ρ_ij = Σ_k z_ik z_jk / √(ss_i ss_j) with
 * the exact sums of squares from the ranking.
 */
export function* spearmanSteps(x: Matrix, kernel: Kernel): Steps<Matrix> {
  const { rows: n, cols: m } = x;
  if (m === 0) return { rows: 0, cols: 0, data: new Float64Array(0) };
  const B = rankBlockSize(n, m);
  const mp = pad4(m);
  const mid = (n + 1) / 2;
  const ss = new Float64Array(m);
  const k = kernel === 'wasm' && spearmanFitsWasm(n, m) ? wasmKernel() : null;
  let gramSteps: Steps<Float64Array>;
  if (k) {
    const ld = pad48(n);
    const zOff = 64;
    const cOff = zOff + mp * ld * 4;
    const inOff = cOff + ((mp * (mp + 1)) / 2) * 8 + 8;
    const wOff = inOff + B * n * 8;
    let handedOver = false;
    try {
      const input = new Float64Array(k.reserve(wOff + 16 * n + 8192), inOff, B * n);
      zeroGramPadding(k, zOff, ld, n, m, mp, cOff);
      for (let c0 = 0; c0 < m; c0 += B) {
        const count = Math.min(B, m - c0);
        gatherColumns(x, c0, count, input);
        for (let b = 0; b < count; b++) ss[c0 + b] = k.rank(inOff + b * n * 8, n, wOff, zOff + (c0 + b) * ld * 4, 4, 1);
        if (c0 + count < m) yield (RANK_SHARE * (c0 + count)) / m;
      }
      gramSteps = released(k, wasmGramSteps(k, zOff, ld, mp, cOff, m));
      handedOver = true;
    } finally {
      if (!handedOver) k.release();
    }
  } else {
    const z = new Float64Array(mp * n);
    const input = new Float64Array(B * n);
    const scratch = new RankScratch(n);
    for (let c0 = 0; c0 < m; c0 += B) {
      const count = Math.min(B, m - c0);
      gatherColumns(x, c0, count, input);
      for (let b = 0; b < count; b++) ss[c0 + b] = scratch.rank(input, b * n, z, (c0 + b) * n, 1, mid);
      if (c0 + count < m) yield (RANK_SHARE * (c0 + count)) / m;
    }
    gramSteps = jsGramSteps(z, n, mp, m);
  }
  yield RANK_SHARE;
  const gram = yield* scaleSteps(gramSteps, RANK_SHARE, 1);
  return mergePearson([centredRanksPart(n, ss, gram)], m);
}
