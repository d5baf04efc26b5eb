import type { Matrix } from '../../common/matrix.js';
import { RankScratch } from './rank.js';
import { wasmKernel } from './wasm-kernel.js';
import type { Kernel } from './pearson-part.js';

/**
 * Ranks columns a block at a time: fill `input` (column b of the block at
 * [b·n, (b+1)·n)), call `rank(count, ss)`, read the ranks from `output` in the same
 * layout; `ss[b]` receives Σ (rank − (n+1)/2)². With the wasm kernel both buffers live in
 * the kernel's own memory, so nothing is copied in or out.
 */
export interface ColumnRanker {
  readonly n: number;
  readonly block: number;
  readonly input: Float64Array;
  readonly output: Float64Array;
  rank(count: number, ss: Float64Array): void;
}

/**
 * Columns ranked per block (and per async chunk): 16 adjacent values make the row-major
 * gather read whole cache lines, and 16 columns of 10^5 values take ≈ 50 ms.
 */
export function rankBlockSize(m: number): number {
  return Math.max(1, Math.min(m, 16));
}

export function columnRanker(n: number, block: number, kernel: Kernel): ColumnRanker {
  if (kernel === 'wasm') {
    const k = wasmKernel();
    if (k) {
      const inOff = 64;
      const outOff = inOff + block * n * 8;
      const wOff = outOff + block * n * 8;
      const buffer = k.reserve(wOff + 32 * n + 1024);
      const input = new Float64Array(buffer, inOff, block * n);
      const output = new Float64Array(buffer, outOff, block * n);
      return {
        n,
        block,
        input,
        output,
        rank(count, ss) {
          for (let b = 0; b < count; b++) ss[b] = k.rank(inOff + b * n * 8, n, wOff, outOff + b * n * 8, 8);
        },
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
      for (let b = 0; b < count; b++) ss[b] = scratch.rank(input, b * n, output, b * n, 1);
    },
  };
}

/**
 * Copies columns [c0, c0 + count) of the row-major `x` into `into`, class-major (column b
 * at [b·n, (b+1)·n)). Reading `count` adjacent values per row keeps the access sequential
 * enough; reading one column at a time would touch a new cache line (and page) per value.
 */
export function gatherColumns(x: Matrix, c0: number, count: number, into: Float64Array): void {
  const { rows: n, cols: m, data } = x;
  for (let r = 0; r < n; r++) {
    const off = r * m + c0;
    for (let b = 0; b < count; b++) into[b * n + r] = data[off + b];
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
  for (let r = 0; r < n; r++) {
    const off = r * m + c0;
    for (let b = 0; b < count; b++) out[off + b] = from[b * n + r];
  }
}
