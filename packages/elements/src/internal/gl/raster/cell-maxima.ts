import type { AxisRanges } from '../cell-ranges.js';
import { quantize } from '../color.js';
import { CELL_LEVELS } from '../layers.js';
import { BLOCK_MAX_WASM_BASE64 } from './block-max.generated.js';

/** What {@link cellMaxima} reads: row-major values and, optionally, the display order of each axis. */
export interface CellValues {
  rows: number;
  cols: number;
  data: Float32Array | Float64Array;
  /** Input row of each display row (`null`: input order). */
  rowOrder?: ArrayLike<number> | null;
  /** Input column of each display column (`null`: input order). */
  colOrder?: ArrayLike<number> | null;
}

/** One frame's block maxima and the statistics of every value, from one pass. */
export interface CellMaxima {
  /** Per device pixel (`width × height`): the largest value of the cells it covers; NaN where all are NaN or it covers none. */
  pixels: Float64Array;
  /** Smallest and largest non-NaN value (`NaN` when there is none; ±Infinity as found). */
  min: number;
  max: number;
  /** NaN cells (each counted once). */
  nanCount: number;
}

/** Options of {@link cellMaxima}. */
export interface CellMaximaOptions {
  /**
   * Use the WebAssembly SIMD kernel where it compiles (default `true`). Pass `false` where
   * the page may forbid it (a Content-Security-Policy without `'unsafe-eval'` or
   * `'wasm-unsafe-eval'`): compiling would be refused and reported as a violation.
   */
  wasm?: boolean;
}

/** The input cells `[first, end)` that ranges entry `k` covers at level 0 (a level's cell `c` stands for `[c·2^L, (c+1)·2^L)`). */
function rawRanges(a: AxisRanges, n: number): { from: Int32Array; to: Int32Array } {
  const size = a.start.length;
  const from = new Int32Array(size);
  const to = new Int32Array(size);
  const f = 2 ** a.level;
  for (let k = 0; k < size; k++) {
    if (!a.count[k]) continue;
    from[k] = a.start[k] * f;
    to[k] = Math.min(n, (a.start[k] + a.count[k]) * f);
  }
  return { from, to };
}

/** Whether the ranges (non-decreasing, as `axisRanges` makes them) together cover `[0, n)`. */
function covers(a: AxisRanges, r: { from: Int32Array; to: Int32Array }, n: number): boolean {
  let reach = 0;
  for (let k = 0; k < a.start.length; k++) {
    if (!a.count[k]) continue;
    if (r.from[k] > reach) return false;
    if (r.to[k] > reach) reach = r.to[k];
  }
  return reach >= n;
}

/**
 * The first frame of a cell layer straight from its values: each device pixel's maximum
 * over the cells it covers (the frame's {@link AxisRanges}, at any pooling level; Blocks'
 * "visual boosting", NaN-aware: a pixel is NaN only when all its cells are), and the
 * minimum, maximum and NaN count of all values — in one pass that reads every value once
 * (rows on a pixel-row border twice, for the maxima only).
 *
 * Quantizing a pixel's maximum gives the byte `fillCells` computes from the quantized
 * cells (`quantize` is monotone, NaN → the lowest byte), so a frame coloured from these
 * maxima is the frame drawn from the cell bytes — which can then be made after it.
 *
 * Per pixel row, the column maxima over its cell rows come first (WebAssembly SIMD, four
 * float32 or two float64 values per instruction, where it compiles; else JavaScript),
 * then each pixel's maximum over its columns. Returns `null` when the frame does not
 * cover every cell (a zoomed view): the statistics would miss the cells out of view.
 * O(rows · cols + height · width · span).
 */
export function cellMaxima(
  v: CellValues,
  x: AxisRanges,
  y: AxisRanges,
  options: CellMaximaOptions = {},
): CellMaxima | null {
  const { rows, cols, data } = v;
  const W = x.start.length;
  const H = y.start.length;
  const xr = rawRanges(x, cols);
  const yr = rawRanges(y, rows);
  if (rows === 0 || cols === 0 || !covers(x, xr, cols) || !covers(y, yr, rows)) return null;
  const colOrder = v.colOrder && !isIdentity(v.colOrder, cols) ? Int32Array.from(v.colOrder) : null;
  const rowOrder = v.rowOrder && !isIdentity(v.rowOrder, rows) ? v.rowOrder : null;
  let span = 0;
  for (let Y = 0; Y < H; Y++) if (y.count[Y]) span = Math.max(span, yr.to[Y] - yr.from[Y]);
  // Each pixel column's cells (an empty range outside the matrix).
  const ranges = new Int32Array(2 * W);
  for (let X = 0; X < W; X++) {
    if (!x.count[X]) continue;
    ranges[2 * X] = xr.from[X];
    ranges[2 * X + 1] = xr.to[X];
  }
  const k = options.wasm === false ? null : kernel();
  const block = k ? wasmBlocks(k, data, cols, span, ranges) : jsBlocks(data, cols, ranges);
  const pixels = new Float64Array(W * H).fill(-Infinity);
  let done = 0; // rows [0, done) are in the statistics
  for (let Y = 0; Y < H; Y++) {
    if (!y.count[Y]) continue;
    block.run(yr.from[Y], yr.to[Y], done, rowOrder, colOrder, pixels, Y * W);
    done = Math.max(done, yr.to[Y]);
  }
  let max = -Infinity;
  for (let p = 0; p < pixels.length; p++) {
    const m = pixels[p];
    if (m > max) max = m;
    else if (m === -Infinity) pixels[p] = NaN;
  }
  const { min, nanCount } = block.stats();
  const any = min <= max || min === -Infinity;
  return { pixels, min: any ? min : NaN, max: any ? max : NaN, nanCount };
}

/** One pixel row's maxima from its cell rows; the statistics of the rows not seen before. */
interface Blocks {
  /**
   * Cell rows `[from, to)` (display order; rows below `done` are already in the
   * statistics) → each pixel's maximum (−∞: all NaN, or no cells) into `out[o …]`.
   */
  run(
    from: number,
    to: number,
    done: number,
    rowOrder: ArrayLike<number> | null,
    colOrder: Int32Array | null,
    out: Float64Array,
    o: number,
  ): void;
  stats(): { min: number; nanCount: number };
}

function jsBlocks(data: Float32Array | Float64Array, cols: number, ranges: Int32Array): Blocks {
  const W = ranges.length >> 1;
  const colMax = new Float64Array(cols);
  const gather = data instanceof Float32Array ? new Float32Array(cols) : new Float64Array(cols);
  let min = Infinity;
  let nan = 0;
  return {
    run(from, to, done, rowOrder, colOrder, out, o) {
      colMax.fill(-Infinity);
      for (let i = from; i < to; i++) {
        const src = rowOrder ? rowOrder[i] * cols : i * cols;
        let row = data;
        let base = src;
        if (colOrder) {
          for (let j = 0; j < cols; j++) gather[j] = data[src + colOrder[j]];
          row = gather;
          base = 0;
        }
        if (i < done) {
          for (let j = 0; j < cols; j++) {
            const val = row[base + j];
            const c = colMax[j];
            colMax[j] = val > c ? val : c;
          }
        } else {
          for (let j = 0; j < cols; j++) {
            const val = row[base + j];
            // An unconditional store: which row holds a column's maximum is data, not a pattern the branch predictor learns.
            const c = colMax[j];
            colMax[j] = val > c ? val : c;
            if (val < min) min = val;
            else if (val !== val) nan++;
          }
        }
      }
      for (let X = 0; X < W; X++) {
        let m = -Infinity;
        for (let j = ranges[2 * X]; j < ranges[2 * X + 1]; j++) if (colMax[j] > m) m = colMax[j];
        out[o + X] = m;
      }
    },
    stats: () => ({ min, nanCount: nan }),
  };
}

// ——— WebAssembly ———

// The DOM lib types WebAssembly, but the elements' code also runs in Node tests: read it
// from globalThis and declare the little we use.
interface BlockKernel {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  blockF32(rows: number, k: number, n: number, colMax: number, acc: number, s: number): void;
  blockF64(rows: number, k: number, n: number, colMax: number, acc: number, s: number): void;
  pixelsF32(colMax: number, ranges: number, w: number, out: number): void;
  pixelsF64(colMax: number, ranges: number, w: number, out: number): void;
  quantizeF32(src: number, n: number, k: number, off: number, out: number): void;
  quantizeF64(src: number, n: number, k: number, off: number, out: number): void;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let compiled: BlockKernel | null | undefined;

/** The block-maximum kernel (assembly/block-max.ts), compiled once per page; `null` where WebAssembly SIMD is missing. */
function kernel(): BlockKernel | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  try {
    // About 1 KB: small enough to compile synchronously on the main thread.
    const bytes = Uint8Array.from(atob(BLOCK_MAX_WASM_BASE64), (c) => c.charCodeAt(0));
    compiled = new api.Instance(new api.Module(bytes), {}).exports as BlockKernel;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** Which kernel {@link cellMaxima} runs by default here: WebAssembly SIMD, or JavaScript where that does not compile. */
export function cellMaximaKernel(): 'wasm-simd' | 'js' {
  return kernel() ? 'wasm-simd' : 'js';
}

/**
 * Memory: 64 bytes of accumulators (min as f32x4 / f64x2, NaN counts, the scalar tail's
 * min and count), the column maxima, the pixel columns' ranges, a pixel row, then the
 * pixel row's cell rows, copied in.
 */
function wasmBlocks(
  K: BlockKernel,
  values: Float32Array | Float64Array,
  cols: number,
  span: number,
  ranges: Int32Array,
): Blocks {
  const f32 = values instanceof Float32Array;
  const size = f32 ? 4 : 8;
  const W = ranges.length >> 1;
  const align = (b: number) => Math.ceil(b / 16) * 16;
  const colMaxAt = 64;
  const rangesAt = colMaxAt + align(cols * size);
  const pixelAt = rangesAt + align(ranges.byteLength);
  const rowsAt = pixelAt + align(W * size);
  const need = rowsAt + span * cols * size;
  if (K.memory.buffer.byteLength < need) K.memory.grow(Math.ceil((need - K.memory.buffer.byteLength) / 65536));
  const buf = K.memory.buffer;
  const Arr = f32 ? Float32Array : Float64Array;
  const rowView = new Arr(buf, rowsAt, span * cols);
  new Int32Array(buf, rangesAt, ranges.length).set(ranges);
  const pixelRow = new Arr(buf, pixelAt, W);
  const acc = new Arr(buf, 0, 64 / size);
  const accInt = new Int32Array(buf, 0, 16);
  // min lanes +∞, NaN counts 0, tail min +∞, tail count 0.
  accInt.fill(0);
  if (f32) {
    acc.fill(Infinity, 0, 4);
    acc[8] = Infinity;
  } else {
    acc.fill(Infinity, 0, 2);
    acc[4] = Infinity;
  }
  const run = f32 ? K.blockF32 : K.blockF64;
  const reduce = f32 ? K.pixelsF32 : K.pixelsF64;
  return {
    run(from, to, done, rowOrder, colOrder, out, o) {
      for (let i = from; i < to; i++) {
        const src = rowOrder ? rowOrder[i] * cols : i * cols;
        const off = (i - from) * cols;
        if (colOrder) for (let j = 0; j < cols; j++) rowView[off + j] = values[src + colOrder[j]];
        else rowView.set(values.subarray(src, src + cols), off);
      }
      run(rowsAt, to - from, cols, colMaxAt, 0, Math.max(0, Math.min(to, done) - from));
      reduce(colMaxAt, rangesAt, W, pixelAt);
      out.set(pixelRow, o);
    },
    stats() {
      if (f32) {
        const min = Math.min(acc[0], acc[1], acc[2], acc[3], acc[8]);
        return { min, nanCount: accInt[4] + accInt[5] + accInt[6] + accInt[7] + accInt[9] };
      }
      // f64x2 lanes of i64 counts: their low words (a count stays below 2^31 here).
      const min = Math.min(acc[0], acc[1], acc[4]);
      return { min, nanCount: accInt[4] + accInt[6] + accInt[10] };
    },
  };
}

/**
 * `quantize(values, lo, hi, out)` (the same bytes: float64 arithmetic, NaN → 0, clamped to
 * 1 … 255), four values per instruction through the SIMD kernel where it compiles — the
 * cell bytes a heatmap makes after its first frame. `wasm: false` (a page that forbids
 * eval) or an empty range: `quantize` itself.
 */
export function quantizeFast(
  values: Float32Array | Float64Array,
  lo: number,
  hi: number,
  out: Uint8Array,
  options: CellMaximaOptions = {},
): Uint8Array {
  const span = hi - lo;
  const K = options.wasm === false || !(span > 0) ? null : kernel();
  if (!K) return quantize(values, lo, hi, out);
  const k = (CELL_LEVELS - 1) / span;
  const off = 1.5 - lo * k;
  const f32 = values instanceof Float32Array;
  const size = f32 ? 4 : 8;
  const chunk = 1 << 16;
  const srcAt = 64;
  const outAt = srcAt + chunk * size;
  const need = outAt + chunk;
  if (K.memory.buffer.byteLength < need) K.memory.grow(Math.ceil((need - K.memory.buffer.byteLength) / 65536));
  const buf = K.memory.buffer;
  const src = f32 ? new Float32Array(buf, srcAt, chunk) : new Float64Array(buf, srcAt, chunk);
  const dst = new Uint8Array(buf, outAt, chunk);
  const run = f32 ? K.quantizeF32 : K.quantizeF64;
  for (let a = 0; a < values.length; a += chunk) {
    const b = Math.min(values.length, a + chunk);
    src.set(values.subarray(a, b));
    run(srcAt, b - a, k, off, outAt);
    out.set(b - a === chunk ? dst : dst.subarray(0, b - a), a);
  }
  return out;
}

function isIdentity(order: ArrayLike<number>, n: number): boolean {
  if (order.length !== n) return false;
  for (let k = 0; k < n; k++) if (order[k] !== k) return false;
  return true;
}
