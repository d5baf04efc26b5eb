import type { Steps } from './steps.js';
import { gramJs } from './gram-js.js';
import { wasmKernel, WASM_MAX_BYTES } from './wasm-kernel.js';
import { exponentOf, pow2 } from './float-bits.js';

/** Which Gram kernel runs: WebAssembly SIMD (float32 products) or scalar JS (float64). */
export type Kernel = 'wasm' | 'js';

/**
 * What one block of samples (rows r0..r1 of the scores) contributes to Pearson
 * correlations: per-column statistics and the Gram matrix of its centred columns. Blocks
 * are combined exactly by {@link mergePearson} (Chan, Golub & LeVeque, "Algorithms for
 * computing the sample variance", 1983, extended to covariances), so samples can be split
 * across workers with each worker reading only its own rows.
 *
 * Every column c is rescaled by 2^-exp[c] (exact) so that its largest magnitude lies in
 * [0.5, 1): sums of squares cannot overflow, whatever finite values come in.
 */
export interface PearsonPart {
  /** Samples in the block. */
  n: number;
  /** Columns. */
  m: number;
  /** Column means, in units of 2^exp. */
  mean: Float64Array;
  /** Σ (x·2^-exp − mean)² per column, float64. */
  m2: Float64Array;
  /** Per-column binary scale exponent. */
  exp: Int32Array;
  /** 1 where every value of the column in this block equals `first`. */
  constant: Uint8Array;
  /** The first value of each column in this block (unscaled). */
  first: Float64Array;
  /** Packed lower triangle (i(i+1)/2 + j) of Σ_k d_ik d_jk over the block's centred columns. */
  gram: Float64Array;
}

/** Bytes of wasm memory a block of `n` samples × `m` columns needs. */
export function wasmBytes(n: number, m: number): number {
  const mp = (m + 3) & ~3;
  const ld = Math.ceil(n / 48) * 48;
  return 64 + mp * ld * 4 + ((mp * (mp + 1)) / 2) * 8;
}

/** `true` when a block fits a wasm32 memory. */
export function fitsWasm(n: number, m: number): boolean {
  return wasmBytes(n, m) < WASM_MAX_BYTES - 65536;
}

/**
 * Target work per chunk, in multiply-adds: ≈ 10 ms for the SIMD kernel and ≈ 50 ms for
 * the scalar one on this class of machine, so an abort lands within one chunk.
 */
const CHUNK_MULADDS = 2.5e8;

/**
 * A class-major matrix `z` (m padded rows × `ld` samples) ready for a Gram kernel, plus
 * the code that runs the kernel on it. For the wasm kernel `z` lives in the instance's
 * memory (float32); for the JS kernel it is a float64 array.
 */
export interface GramTarget {
  z: Float32Array | Float64Array;
  ld: number;
  mp: number;
  steps(m: number): Steps<Float64Array>;
}

/**
 * Allocates a zeroed class-major buffer of `m` (padded to a multiple of 4) rows by `n`
 * samples for `kernel`; throws when the wasm kernel is unavailable (callers choose the
 * kernel with {@link resolveKernel} first).
 */
export function gramTarget(n: number, m: number, kernel: Kernel): GramTarget {
  const mp = (m + 3) & ~3;
  if (kernel === 'wasm') {
    const k = wasmKernel();
    if (!k) throw new Error('wasm kernel unavailable');
    const ld = Math.ceil(n / 48) * 48;
    const zOff = 64;
    const cOff = zOff + mp * ld * 4;
    const P = (mp * (mp + 1)) / 2;
    const buffer = k.reserve(cOff + P * 8);
    const z = new Float32Array(buffer, zOff, mp * ld);
    return {
      z,
      ld,
      mp,
      *steps(mm) {
        const step = Math.max(48, Math.floor(CHUNK_MULADDS / (mp * mp) / 48) * 48);
        for (let k0 = 0; k0 < ld; k0 += step) {
          k.gram(zOff, ld, mp, k0, Math.min(ld, k0 + step), cOff);
          if (k0 + step < ld) yield (k0 + step) / ld;
        }
        // The packed triangle's first m rows are a prefix: copy it out of wasm memory.
        return new Float64Array(buffer, cOff, (mm * (mm + 1)) / 2).slice();
      },
    };
  }
  const ld = n;
  const z = new Float64Array(mp * ld);
  return {
    z,
    ld,
    mp,
    *steps(mm) {
      const c = new Float64Array((mp * (mp + 1)) / 2);
      const step = Math.max(1, Math.floor(CHUNK_MULADDS / 5 / (mp * mp)));
      for (let k0 = 0; k0 < ld; k0 += step) {
        gramJs(z, ld, mp, k0, Math.min(ld, k0 + step), c);
        if (k0 + step < ld) yield (k0 + step) / ld;
      }
      return c.length === (mm * (mm + 1)) / 2 ? c : c.slice(0, (mm * (mm + 1)) / 2);
    },
  };
}

/**
 * Computes the {@link PearsonPart} of rows [r0, r1) of the row-major n × m `data`
 * (finite values; the caller validated them). Yields progress in [0, 1].
 */
export function* pearsonPartSteps(
  data: Float32Array | Float64Array,
  m: number,
  r0: number,
  r1: number,
  kernel: Kernel,
): Steps<PearsonPart> {
  const n = r1 - r0;
  const sum = new Float64Array(m);
  const maxabs = new Float64Array(m);
  const varies = new Uint8Array(m);
  const first = new Float64Array(m);
  for (let c = 0; c < m; c++) first[c] = data[r0 * m + c];
  // Pass 1 (row-major, sequential): sums, magnitudes, and exact constancy.
  for (let r = r0; r < r1; r++) {
    const off = r * m;
    for (let c = 0; c < m; c++) {
      const x = data[off + c];
      sum[c] += x;
      const a = x < 0 ? -x : x;
      if (a > maxabs[c]) maxabs[c] = a;
      if (x !== first[c]) varies[c] = 1;
    }
  }
  const exp = new Int32Array(m);
  const mean = new Float64Array(m);
  const mul = new Float64Array(m);
  const sub = new Float64Array(m);
  const constant = new Uint8Array(m);
  for (let c = 0; c < m; c++) {
    const e = Math.min(1024, Math.max(-1023, exponentOf(maxabs[c])));
    const sc = pow2(-e);
    exp[c] = e;
    if (!varies[c]) {
      // Exactly constant here: centred values are exactly 0, whatever rounding the mean has.
      constant[c] = 1;
      mean[c] = first[c] * sc;
      continue;
    }
    let s = sum[c];
    if (!Number.isFinite(s)) {
      // The unscaled sum overflowed (values near ±1.8e308): sum the scaled values instead.
      s = 0;
      for (let r = r0; r < r1; r++) s += data[r * m + c] * sc;
      mean[c] = s / n;
    } else mean[c] = (s * sc) / n;
    mul[c] = sc;
    sub[c] = mean[c];
  }
  yield 0.03;

  const target = gramTarget(n, m, kernel);
  const { z, ld } = target;
  // Pass 2: centre, transpose to class-major (the Gram kernel reads each class as one
  // contiguous row) and accumulate the float64 sums of squares on the way. Column blocks
  // of 64 keep the 64 write streams and the read lines in L1.
  const m2 = new Float64Array(m);
  const CB = 64;
  for (let c0 = 0; c0 < m; c0 += CB) {
    const c1 = Math.min(m, c0 + CB);
    for (let r = r0; r < r1; r++) {
      const off = r * m;
      const k = r - r0;
      for (let c = c0; c < c1; c++) {
        const d = data[off + c] * mul[c] - sub[c];
        z[c * ld + k] = d;
        m2[c] += d * d;
      }
    }
    if (c1 < m) yield 0.03 + (0.07 * c1) / m;
  }
  yield 0.1;

  const gramSteps = target.steps(m);
  let step = gramSteps.next();
  while (!step.done) {
    yield 0.1 + 0.9 * step.value;
    step = gramSteps.next();
  }
  return { n, m, mean, m2, exp, constant, first, gram: step.value };
}

/**
 * The {@link PearsonPart} of samples [k0, k1) of a class-major matrix: row c of `src`
 * (stride `ld`) holds column c's samples. Used by Spearman, whose ranks come out
 * class-major.
 */
export function* pearsonPartColumnsSteps(
  src: Float64Array,
  ld: number,
  m: number,
  k0: number,
  k1: number,
  kernel: Kernel,
): Steps<PearsonPart> {
  const n = k1 - k0;
  const exp = new Int32Array(m);
  const mean = new Float64Array(m);
  const constant = new Uint8Array(m);
  const first = new Float64Array(m);
  const m2 = new Float64Array(m);
  const target = gramTarget(n, m, kernel);
  const { z, ld: zld } = target;
  for (let c = 0; c < m; c++) {
    const o = c * ld + k0;
    const x0 = src[o];
    first[c] = x0;
    let sum = 0;
    let maxabs = 0;
    let varies = false;
    for (let k = 0; k < n; k++) {
      const x = src[o + k];
      sum += x;
      const a = x < 0 ? -x : x;
      if (a > maxabs) maxabs = a;
      if (x !== x0) varies = true;
    }
    const e = Math.min(1024, Math.max(-1023, exponentOf(maxabs)));
    const sc = pow2(-e);
    exp[c] = e;
    if (!varies) {
      constant[c] = 1;
      mean[c] = x0 * sc;
      continue;
    }
    let mu = (sum * sc) / n;
    if (!Number.isFinite(sum)) {
      let s = 0;
      for (let k = 0; k < n; k++) s += src[o + k] * sc;
      mu = s / n;
    }
    mean[c] = mu;
    let ss = 0;
    const zo = c * zld;
    for (let k = 0; k < n; k++) {
      const d = src[o + k] * sc - mu;
      z[zo + k] = d;
      ss += d * d;
    }
    m2[c] = ss;
  }
  yield 0.1;
  const gramSteps = target.steps(m);
  let step = gramSteps.next();
  while (!step.done) {
    yield 0.1 + 0.9 * step.value;
    step = gramSteps.next();
  }
  return { n, m, mean, m2, exp, constant, first, gram: step.value };
}

/** Most bytes one block's class-major copy may take before samples are split in blocks. */
const BLOCK_BYTES = 512 * 1024 * 1024;

/**
 * Splits n samples into contiguous blocks whose class-major copy for `kernel` stays under
 * 512 MB (and within a wasm32 memory): the Gram of each block is computed separately and
 * the blocks merged exactly, so memory stays bounded whatever n is.
 */
export function sampleBlocks(n: number, m: number, kernel: Kernel): Array<[number, number]> {
  const mp = (m + 3) & ~3;
  const bytesPerSample = mp * (kernel === 'wasm' ? 4 : 8);
  const per = Math.max(48, Math.floor(BLOCK_BYTES / Math.max(1, bytesPerSample) / 48) * 48);
  const out: Array<[number, number]> = [];
  for (let k = 0; k < n; k += per) out.push([k, Math.min(n, k + per)]);
  if (out.length === 0) out.push([0, 0]);
  return out;
}
