import type { Steps } from '../../common/internal/steps.js';
import { gramJs } from './gram-js.js';
import { wasmKernel, WASM_MAX_BYTES, type WasmKernel } from './wasm-kernel.js';
import { exponentOf, pow2 } from './float-bits.js';
import { centerJs, columnStatsJs } from './prepare-js.js';
import { NonFiniteInput, statsShowNonFinite } from './finite.js';

/** Which Gram kernel runs: WebAssembly SIMD (float32 products) or scalar JS (float64). */
export type Kernel = 'wasm' | 'js';

/**
 * What one block of samples contributes to Pearson correlations: per-column statistics
 * and the Gram matrix of its centred columns. Blocks are combined exactly by
 * `mergePearson` (Chan, Golub & LeVeque, "Algorithms for computing the sample variance",
 * 1983, extended to co-moments), so samples can be split across workers, each reading
 * only its own rows, and memory stays bounded for any n.
 *
 * Every column c is rescaled by 2^-exp[c] (exact) so that its largest magnitude lies in
 * [0.5, 1): sums of squares cannot overflow or underflow, whatever finite values come in.
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
  /** 1 where every value of the column in this block is the same (`first`). */
  constant: Uint8Array;
  /** The column's value where `constant` (its minimum otherwise; unscaled). */
  first: Float64Array;
  /** Packed lower triangle (i(i+1)/2 + j) of Σ_k d_ik d_jk over the block's centred columns. */
  gram: Float64Array;
}

/** m padded to the Gram kernel's tile height (4). */
export const pad4 = (m: number) => (m + 3) & ~3;
/** n padded to the wasm Gram kernel's sample step (48 = 4 lanes × 12 products). */
export const pad48 = (n: number) => Math.ceil(n / 48) * 48;
/** Rows of float64 copied into wasm memory at a time (4 MiB), whatever the input. */
const STAGE_BYTES = 4 * 1024 * 1024;

/** Bytes of wasm memory a block of `n` samples × `m` columns needs. */
export function wasmBytes(n: number, m: number): number {
  const mp = pad4(m);
  return 64 + mp * pad48(n) * 4 + ((mp * (mp + 1)) / 2) * 8 + 6 * (m + 2) * 8 + Math.max(STAGE_BYTES, m * 8) + 64;
}

/** `true` when a block fits a wasm32 memory. */
export function fitsWasm(n: number, m: number): boolean {
  return wasmBytes(n, m) < WASM_MAX_BYTES - 65536;
}

/** Most bytes one block's class-major copy may take before samples are split in blocks. */
const BLOCK_BYTES = 512 * 1024 * 1024;

/**
 * Splits n samples into contiguous blocks whose class-major copy for `kernel` stays under
 * 512 MB (and within a wasm32 memory): the Gram of each block is computed separately and
 * the blocks merged exactly.
 */
export function sampleBlocks(n: number, m: number, kernel: Kernel): Array<[number, number]> {
  const bytesPerSample = pad4(m) * (kernel === 'wasm' ? 4 : 8);
  const per = Math.max(48, Math.floor(BLOCK_BYTES / Math.max(1, bytesPerSample) / 48) * 48);
  const out: Array<[number, number]> = [];
  for (let k = 0; k < n; k += per) out.push([k, Math.min(n, k + per)]);
  if (out.length === 0) out.push([0, 0]);
  return out;
}

/**
 * Target work per chunk, in multiply-adds: ≈ 10 ms for the SIMD kernel and ≈ 50 ms for
 * the scalar one on this class of machine, so an abort lands within one chunk.
 */
const CHUNK_MULADDS = 2.5e8;

/**
 * Zeroes what the Gram kernel reads but nobody writes: the padding rows m..mp and samples
 * n..ld of z, and the accumulator C (packed, mp rows).
 */
export function zeroGramPadding(
  k: WasmKernel,
  zOff: number,
  ld: number,
  n: number,
  m: number,
  mp: number,
  cOff: number,
): void {
  if (ld > n) for (let c = 0; c < m; c++) k.zero(zOff + (c * ld + n) * 4, (ld - n) * 4);
  k.zero(zOff + m * ld * 4, (mp - m) * ld * 4);
  k.zero(cOff, ((mp * (mp + 1)) / 2) * 8);
}

/** Runs the wasm Gram kernel over z (at zOff) in k-chunks; returns the packed triangle of the first m rows. */
export function* wasmGramSteps(
  k: WasmKernel,
  zOff: number,
  ld: number,
  mp: number,
  cOff: number,
  m: number,
): Steps<Float64Array> {
  const step = Math.max(48, Math.floor(CHUNK_MULADDS / (mp * mp) / 48) * 48);
  for (let k0 = 0; k0 < ld; k0 += step) {
    k.gram(zOff, ld, mp, k0, Math.min(ld, k0 + step), cOff);
    if (k0 + step < ld) yield (k0 + step) / ld;
  }
  // The packed triangle's first m rows are a prefix: copy it out of wasm memory.
  return new Float64Array(k.reserve(0), cOff, (m * (m + 1)) / 2).slice();
}

/** Runs the JS Gram kernel over z in k-chunks; returns the packed triangle of the first m rows. */
export function* jsGramSteps(z: Float64Array, ld: number, mp: number, m: number): Steps<Float64Array> {
  const c = new Float64Array((mp * (mp + 1)) / 2);
  const step = Math.max(1, Math.floor(CHUNK_MULADDS / 5 / (mp * mp)));
  for (let k0 = 0; k0 < ld; k0 += step) {
    gramJs(z, ld, mp, k0, Math.min(ld, k0 + step), c);
    if (k0 + step < ld) yield (k0 + step) / ld;
  }
  return c.length === (m * (m + 1)) / 2 ? c : c.slice(0, (m * (m + 1)) / 2);
}

/** Re-maps a gram generator's fractions into [from, 1] and returns its value. */
function* tail<T>(steps: Steps<T>, from: number): Steps<T> {
  let s = steps.next();
  while (!s.done) {
    yield from + (1 - from) * s.value;
    s = steps.next();
  }
  return s.value;
}

interface ColumnPlan {
  exp: Int32Array;
  mean: Float64Array;
  constant: Uint8Array;
  first: Float64Array;
}

/**
 * From each column's sum, min and max over n samples: its binary scale, its mean in those
 * units, and whether it is constant; writes the centring map d = x·mul − sub (0 for a
 * constant column, whose centred values are then exactly 0 whatever rounding the mean
 * has). `rescan(c, sc)` re-sums column c scaled, for the rare sum that overflowed.
 */
function planColumns(
  n: number,
  m: number,
  sum: Float64Array,
  mn: Float64Array,
  mx: Float64Array,
  mul: Float64Array,
  sub: Float64Array,
  rescan: (c: number, sc: number) => number,
): ColumnPlan {
  const exp = new Int32Array(m);
  const mean = new Float64Array(m);
  const constant = new Uint8Array(m);
  const first = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    const lo = mn[c];
    const hi = mx[c];
    const e = Math.min(1024, Math.max(-1023, exponentOf(Math.max(-lo, hi))));
    const sc = pow2(-e);
    exp[c] = e;
    first[c] = lo;
    if (lo === hi) {
      constant[c] = 1;
      mean[c] = lo * sc;
      mul[c] = 0;
      sub[c] = 0;
      continue;
    }
    const s = sum[c];
    mean[c] = Number.isFinite(s) ? (s * sc) / n : rescan(c, sc) / n;
    mul[c] = sc;
    sub[c] = mean[c];
  }
  return { exp, mean, constant, first };
}

/**
 * Computes the {@link PearsonPart} of rows [r0, r1) of the row-major `data` (m columns).
 * Yields progress in [0, 1]. Throws {@link NonFiniteInput} right after the first pass
 * (before any Gram work) when the rows hold a NaN or ±Infinity.
 */
export function pearsonPartSteps(
  data: Float32Array | Float64Array,
  m: number,
  r0: number,
  r1: number,
  kernel: Kernel,
): Steps<PearsonPart> {
  const k = kernel === 'wasm' ? wasmKernel() : null;
  return k ? released(k, pearsonPartWasm(k, data, m, r0, r1)) : pearsonPartJs(data, m, r0, r1);
}

/** Runs `steps`, then (or on abort, error, or abandonment) hands the kernel instance back. */
export function* released<T>(k: WasmKernel, steps: Steps<T>): Steps<T> {
  try {
    return yield* steps;
  } finally {
    k.release();
  }
}

function rescanner(data: Float32Array | Float64Array, m: number, r0: number, r1: number) {
  return (c: number, sc: number) => {
    let s = 0;
    for (let r = r0; r < r1; r++) s += data[r * m + c] * sc;
    return s;
  };
}

function* pearsonPartWasm(
  k: WasmKernel,
  data: Float32Array | Float64Array,
  m: number,
  r0: number,
  r1: number,
): Steps<PearsonPart> {
  const n = r1 - r0;
  const mp = pad4(m);
  const ld = pad48(n);
  // Layout: z (class-major float32) | packed C | sum mn mx mul sub m2 (float64 × m each) | staging rows.
  const zOff = 64;
  const cOff = zOff + mp * ld * 4;
  const aOff = cOff + ((mp * (mp + 1)) / 2) * 8 + 16;
  const mE = m + 2;
  const [sumOff, mnOff, mxOff, mulOff, subOff, m2Off] = [0, 1, 2, 3, 4, 5].map((i) => aOff + i * mE * 8);
  const stOff = aOff + 6 * mE * 8;
  const rowsPerStage = Math.max(1, Math.floor(STAGE_BYTES / (m * 8)));
  const buffer = k.reserve(stOff + rowsPerStage * m * 8);
  const f64 = (off: number, len: number) => new Float64Array(buffer, off, len);
  const sum = f64(sumOff, m).fill(0);
  const mn = f64(mnOff, m).fill(Infinity);
  const mx = f64(mxOff, m).fill(-Infinity);
  const stage = f64(stOff, rowsPerStage * m);
  // Pass 1: column sums, minima and maxima (SIMD), rows copied into wasm memory 4 MiB at a time.
  const chunkRows = Math.max(rowsPerStage, Math.floor(2e7 / m));
  for (let rs = r0; rs < r1; rs += rowsPerStage) {
    const re = Math.min(r1, rs + rowsPerStage);
    stage.set(data.subarray(rs * m, re * m));
    k.colstats(stOff, re - rs, m, sumOff, mnOff, mxOff);
    if (re < r1 && Math.floor((re - r0) / chunkRows) > Math.floor((rs - r0) / chunkRows)) {
      yield (0.02 * (re - r0)) / n;
    }
  }
  if (statsShowNonFinite(sum, mn, mx, m)) throw new NonFiniteInput();
  const mul = f64(mulOff, m);
  const sub = f64(subOff, m);
  const plan = planColumns(n, m, sum, mn, mx, mul, sub, rescanner(data, m, r0, r1));
  f64(m2Off, m).fill(0);
  zeroGramPadding(k, zOff, ld, n, m, mp, cOff);
  yield 0.02;
  // Pass 2: centre, scale, transpose to class-major float32 and sum the squares (float64).
  for (let rs = r0; rs < r1; rs += rowsPerStage) {
    const re = Math.min(r1, rs + rowsPerStage);
    stage.set(data.subarray(rs * m, re * m));
    k.center(stOff, re - rs, m, rs - r0, zOff, ld, mulOff, subOff, m2Off);
    if (re < r1 && Math.floor((re - r0) / chunkRows) > Math.floor((rs - r0) / chunkRows)) {
      yield 0.02 + (0.06 * (re - r0)) / n;
    }
  }
  const m2 = f64(m2Off, m).slice();
  yield 0.08;
  const gram = yield* tail(wasmGramSteps(k, zOff, ld, mp, cOff, m), 0.08);
  return { n, m, mean: plan.mean, m2, exp: plan.exp, constant: plan.constant, first: plan.first, gram };
}

function* pearsonPartJs(data: Float32Array | Float64Array, m: number, r0: number, r1: number): Steps<PearsonPart> {
  const n = r1 - r0;
  const mp = pad4(m);
  const sum = new Float64Array(m);
  const mn = new Float64Array(m).fill(Infinity);
  const mx = new Float64Array(m).fill(-Infinity);
  const CH = Math.max(16, Math.floor(4e6 / m));
  for (let rs = r0; rs < r1; rs += CH) {
    const re = Math.min(r1, rs + CH);
    columnStatsJs(data, m, rs, re, sum, mn, mx);
    if (re < r1) yield (0.02 * (re - r0)) / n;
  }
  if (statsShowNonFinite(sum, mn, mx, m)) throw new NonFiniteInput();
  const mul = new Float64Array(m);
  const sub = new Float64Array(m);
  const plan = planColumns(n, m, sum, mn, mx, mul, sub, rescanner(data, m, r0, r1));
  yield 0.02;
  const z = new Float64Array(mp * n);
  const m2 = new Float64Array(m);
  for (let rs = r0; rs < r1; rs += CH) {
    const re = Math.min(r1, rs + CH);
    centerJs(data, m, rs, re, z, n, rs - r0, mul, sub, m2);
    if (re < r1) yield 0.02 + (0.06 * (re - r0)) / n;
  }
  yield 0.08;
  const gram = yield* tail(jsGramSteps(z, n, mp, m), 0.08);
  return { n, m, mean: plan.mean, m2, exp: plan.exp, constant: plan.constant, first: plan.first, gram };
}

/**
 * The packed lower triangle of Σ_k z_ik z_jk for a class-major matrix `z` (m rows of n
 * samples, already centred): what a worker computes for one slice of Spearman's centred
 * ranks. float32 input goes to the wasm kernel, float64 to the JS kernel.
 */
export function* gramOfColumnsSteps(
  z: Float32Array | Float64Array,
  n: number,
  m: number,
  kernel: Kernel,
): Steps<Float64Array> {
  const mp = pad4(m);
  const k = kernel === 'wasm' ? wasmKernel() : null;
  if (k) {
    const ld = pad48(n);
    const zOff = 64;
    const cOff = zOff + mp * ld * 4;
    const zv = new Float32Array(k.reserve(cOff + ((mp * (mp + 1)) / 2) * 8), zOff, mp * ld);
    zeroGramPadding(k, zOff, ld, n, m, mp, cOff);
    for (let c = 0; c < m; c++) zv.set(z.subarray(c * n, (c + 1) * n), c * ld);
    return yield* released(k, wasmGramSteps(k, zOff, ld, mp, cOff, m));
  }
  const zz = new Float64Array(mp * n);
  zz.set(z);
  return yield* jsGramSteps(zz, n, mp, m);
}
