import type { Matrix } from '../../common/matrix.js';
import { RankScratch } from './rank-js.js';
import { wasmKernel } from './wasm-kernel.js';
import type { Kernel } from './pearson-part.js';

/**
 * Ranks columns a block at a time: fill `input` (column b of the block at
 * [b·n, (b+1)·n)), call `rank(count, ss)`, read the ranks from `output` in the same
 * layout; `ss[b]` receives Σ (rank − (n+1)/2)². With `centred`, `output` holds
 * rank − (n+1)/2 instead — float32 from the wasm kernel (exact below 2²² samples), float64
 * from the JS one — which is what Spearman's Gram kernel reads. With the wasm kernel both
 * buffers live in the kernel's own memory, so nothing is copied in or out.
 */
export interface ColumnRanker {
  readonly n: number;
  readonly block: number;
  readonly input: Float64Array;
  readonly output: Float64Array | Float32Array;
  rank(count: number, ss: Float64Array): void;
  /** Hands a wasm instance back for reuse (a no-op for JS); the buffers are unusable after. */
  release(): void;
}

/**
 * Columns ranked per block (and per async chunk): about 3·10⁶ values (≈ 75 ms), between 8
 * and 64 columns. Wider blocks make the row-major gather and scatter cheaper (each row's
 * memory page is visited once per block; 32 columns cost ~20% less than 16), narrower
 * ones keep chunks short.
 */
export function rankBlockSize(n: number, m: number): number {
  return Math.max(1, Math.min(m, 64, Math.max(8, Math.floor(3e6 / Math.max(1, n)))));
}

export function columnRanker(n: number, block: number, kernel: Kernel, centred = false): ColumnRanker {
  const mid = (n + 1) / 2;
  if (kernel === 'wasm') {
    const k = wasmKernel();
    if (k) {
      const width = centred ? 4 : 8;
      const inOff = 64;
      const outOff = inOff + block * n * 8;
      const wOff = outOff + block * n * 8;
      const buffer = k.reserve(wOff + 16 * n + 8192);
      const input = new Float64Array(buffer, inOff, block * n);
      const output = centred
        ? new Float32Array(buffer, outOff, block * n)
        : new Float64Array(buffer, outOff, block * n);
      return {
        n,
        block,
        input,
        output,
        rank(count, ss) {
          for (let b = 0; b < count; b++) {
            ss[b] = k.rank(inOff + b * n * 8, n, wOff, outOff + b * n * width, width, centred ? 1 : 0);
          }
        },
        release: () => k.release(),
      };
    }
  }
  const scratch = new RankScratch(n);
  const input = new Float64Array(block * n);
  const output = new Float64Array(block * n);
  return {
    n,
    block,
    input,
    output,
    rank(count, ss) {
      for (let b = 0; b < count; b++) ss[b] = scratch.rank(input, b * n, output, b * n, 1, centred ? mid : 0);
    },
    release: () => {},
  };
}

/** Rows per tile of the gathers/scatters below. */
const RB = 64;

/**
 * Copies columns [c0, c0 + count) of the row-major `x` into `into`, class-major (column b
 * at [b·n, (b+1)·n)). Tiles of 64 rows: each row of x lies on its own memory page once m
 * is in the hundreds, and without huge pages every new page costs a TLB miss (expensive
 * under virtualisation), so a tile's 64 rows are visited once for all `count` columns
 * while each column receives 64 contiguous values.
 */
export function gatherColumns(x: Matrix, c0: number, count: number, into: Float64Array): void {
  const { rows: n, cols: m, data } = x;
  for (let r0 = 0; r0 < n; r0 += RB) {
    const r1 = Math.min(n, r0 + RB);
    for (let b = 0; b < count; b++) {
      const o = b * n;
      const c = c0 + b;
      for (let r = r0; r < r1; r++) into[o + r] = data[r * m + c];
    }
  }
}

/** The inverse of {@link gatherColumns}: writes class-major `from` into row-major `out` (m columns). */
export function scatterColumns(
  from: Float64Array,
  n: number,
  count: number,
  out: Float64Array,
  m: number,
  c0: number,
): void {
  for (let r0 = 0; r0 < n; r0 += RB) {
    const r1 = Math.min(n, r0 + RB);
    for (let b = 0; b < count; b++) {
      const o = b * n;
      const c = c0 + b;
      for (let r = r0; r < r1; r++) out[r * m + c] = from[o + r];
    }
  }
}
