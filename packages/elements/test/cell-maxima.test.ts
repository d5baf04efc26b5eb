import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@classlens/core';
import { axisRanges, cellLevel } from '../src/internal/gl/cell-ranges.js';
import { quantize } from '../src/internal/gl/color.js';
import { CellLayer } from '../src/internal/gl/layers.js';
import { CellRaster, cellGeometry, cellPreviewKey } from '../src/internal/gl/raster/cells.js';
import { cellMaxima, cellMaximaKernel, quantizeFast } from '../src/internal/gl/raster/cell-maxima.js';
import { describeValues } from '../src/similarity-heatmap/input.js';
import { displayBytes, inputBytesWithStats } from '../src/similarity-heatmap/cells.js';
import type { HeatmapValues } from '../src/similarity-heatmap/input.js';

/** Seeded values in [lo, hi) with about `nanShare` NaN cells and two all-NaN rows. */
function values(rows: number, cols: number, seed: number, nanShare = 0.05, lo = -1, hi = 1): Float64Array {
  const r = mulberry32(seed);
  const d = new Float64Array(rows * cols);
  for (let q = 0; q < d.length; q++) d[q] = r() < nanShare ? NaN : lo + (hi - lo) * r();
  for (const i of [1, rows - 2]) if (i >= 0 && i < rows) d.fill(NaN, i * cols, (i + 1) * cols);
  return d;
}

function shuffled(n: number, seed: number): number[] {
  const r = mulberry32(seed);
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

const LUT = (() => {
  const lut = new Uint8Array(1024);
  for (let b = 0; b < 256; b++) lut.set([b, 255 - b, (b * 7) & 255, 255], 4 * b);
  return lut;
})();

/** The frame drawn from the quantized cells, and the frame coloured from `cellMaxima` (the layer's preview). */
function bothFrames(
  rows: number,
  cols: number,
  data: Float32Array | Float64Array,
  rowOrder: number[],
  colOrder: number[],
  width: number,
  height: number,
  t = { sx: width / cols, sy: height / rows, tx: 0, ty: 0 },
) {
  const v = { kind: 'matrix', rows, cols, data } as unknown as HeatmapValues;
  const eager = new CellLayer().setCells(rows, cols, displayBytes(v, rowOrder, colOrder, -1, 1)).setLut(LUT);
  const fromCells = new CellRaster().draw(eager, t, 1, width, height, 0xff000000, lut32()).slice();
  const lazy = new CellLayer();
  const out = new Uint8Array(rows * cols);
  lazy.setLazyCells(rows, cols, out, (r0, r1) => displayBytes(v, rowOrder, colOrder, -1, 1, out, r0, r1)).setLut(LUT);
  const g = cellGeometry(lazy, t, 1);
  const x = axisRanges(cols, g.originX, g.pxX, width);
  const y = axisRanges(rows, g.originY, g.pxY, height);
  const m = cellMaxima({ rows, cols, data, rowOrder, colOrder }, x, y);
  if (m) lazy.preview = { key: cellPreviewKey(g, width, height), bytes: quantize(m.pixels, -1, 1) };
  const raster = new CellRaster();
  const fromValues = raster.draw(lazy, t, 1, width, height, 0xff000000, lut32()).slice();
  return { m, fromCells, fromValues, raster, lazy, eager, t };
}

function lut32(): Uint32Array {
  const out = new Uint32Array(256);
  for (let b = 0; b < 256; b++)
    out[b] = ((255 << 24) | (LUT[4 * b + 2] << 16) | (LUT[4 * b + 1] << 8) | LUT[4 * b]) >>> 0;
  return out;
}

describe('cellMaxima(values, x, y)', () => {
  it('colours the same frame as the quantized cells, with NaN cells, at level 0 and pooled levels, in any order', () => {
    const cases: [number, number, number, number][] = [
      [37, 53, 20, 20], // 1.9–2.7 cells per pixel
      [300, 200, 17, 23], // pooled levels (more than 16 cells per pixel)
      [9, 7, 40, 33], // magnified: the cell under each pixel centre
      [120, 120, 747 / 8, 747 / 8].map(Math.round) as [number, number, number, number],
    ];
    for (const [k, [rows, cols, W, H]] of cases.entries()) {
      const data = values(rows, cols, 10 + k);
      for (const [ro, co] of [
        [Array.from({ length: rows }, (_, i) => i), Array.from({ length: cols }, (_, j) => j)],
        [shuffled(rows, 3 + k), shuffled(cols, 5 + k)],
      ]) {
        const { m, fromCells, fromValues, raster } = bothFrames(rows, cols, data, ro, co, W, H);
        expect(m).not.toBeNull();
        expect(raster.lastFromPreview).toBe(true);
        expect(fromValues).toEqual(fromCells);
      }
    }
  });

  it('NaN-aware: a pixel is "no data" only when all its cells are NaN', () => {
    const rows = 8;
    const cols = 8;
    const data = new Float32Array(rows * cols).fill(NaN);
    data[0] = 0.5; // pixel (0, 0) covers cells (0…1, 0…1): one value among NaNs
    const x = axisRanges(cols, 0, 0.5, 4);
    const m = cellMaxima({ rows, cols, data }, x, x)!;
    expect(m.pixels[0]).toBeCloseTo(0.5, 6);
    expect(Number.isNaN(m.pixels[1])).toBe(true);
    expect(m.nanCount).toBe(63);
  });

  it('the statistics equal one pass of describeValues (range, NaN count), each cell counted once', () => {
    for (const [rows, cols, W, H, seed] of [
      [50, 70, 19, 31, 1],
      [301, 173, 16, 9, 2],
      [64, 64, 64, 64, 3],
    ]) {
      const data = values(rows, cols, seed, 0.1, -3, 7);
      const x = axisRanges(cols, 0, W / cols, W);
      const y = axisRanges(rows, 0, H / rows, H);
      const m = cellMaxima({ rows, cols, data, rowOrder: shuffled(rows, seed) }, x, y)!;
      const d = describeValues(rows, cols, data);
      expect([m.min, m.max, m.nanCount]).toEqual([d.min, d.max, d.nanCount]);
    }
    const allNaN = cellMaxima(
      { rows: 2, cols: 2, data: new Float64Array(4).fill(NaN) },
      axisRanges(2, 0, 1, 2),
      axisRanges(2, 0, 1, 2),
    )!;
    expect([allNaN.min, allNaN.max, allNaN.nanCount]).toEqual([NaN, NaN, 4]);
    const inf = new Float64Array([0, -Infinity, 1, Infinity]);
    const mi = cellMaxima({ rows: 2, cols: 2, data: inf }, axisRanges(2, 0, 1, 2), axisRanges(2, 0, 1, 2))!;
    expect([mi.min, mi.max]).toEqual([-Infinity, Infinity]);
  });

  it('returns null when the frame misses cells (a zoomed view: the statistics would be partial)', () => {
    const x = axisRanges(100, -40, 1.5, 50);
    expect(cellMaxima({ rows: 100, cols: 100, data: new Float64Array(10000) }, x, x)).toBeNull();
  });
});

describe('CellLayer lazy cells', () => {
  it('cellLevel, pans and a geometry other than the preview read the cells, made on first read; fillSome makes them in slices', () => {
    const rows = 90;
    const cols = 70;
    const data = values(rows, cols, 7);
    const ro = shuffled(rows, 1);
    const co = shuffled(cols, 2);
    const { lazy, eager, raster, t } = bothFrames(rows, cols, data, ro, co, 40, 40);
    expect(lazy.cellsReady).toBe(false);
    // A pan at the same zoom reveals strips: they come from the cells, which are made now.
    const panned = { ...t, tx: t.tx + 3 };
    const a = raster.draw(lazy, panned, 1, 40, 40, 0xff000000, lut32()).slice();
    expect(lazy.cellsReady).toBe(true);
    expect(a).toEqual(new CellRaster().draw(eager, panned, 1, 40, 40, 0xff000000, lut32()));
    expect(lazy.cells).toEqual(eager.cells);
    // In slices: the same bytes.
    const v = { kind: 'matrix', rows, cols, data } as unknown as HeatmapValues;
    const out = new Uint8Array(rows * cols);
    const sliced = new CellLayer().setLazyCells(rows, cols, out, (r0, r1) =>
      displayBytes(v, ro, co, -1, 1, out, r0, r1),
    );
    let calls = 0;
    while (!sliced.fillSome(Infinity, cols * 7)) calls++;
    expect(calls).toBe(0); // an infinite deadline finishes in one call
    expect(sliced.cells).toEqual(eager.cells);
    const slow = new CellLayer().setLazyCells(rows, cols, new Uint8Array(rows * cols), () => {});
    expect(slow.fillSome(-Infinity)).toBe(false); // a passed deadline makes nothing
    expect(cellLevel(slow, 1, 1)).toHaveLength(Math.ceil(rows / 2) * Math.ceil(cols / 2));
    expect(slow.cellsReady).toBe(true);
  });

  it('setCells drops the preview and any rows still to make (a new matrix mid-way)', () => {
    let made = 0;
    const layer = new CellLayer().setLazyCells(4, 4, new Uint8Array(16), (r0, r1) => (made += r1 - r0));
    layer.preview = { key: 'k', bytes: new Uint8Array(1) };
    layer.fillSome(Infinity, 4); // one row per chunk
    expect(made).toBe(4);
    const next = new CellLayer().setLazyCells(4, 4, new Uint8Array(16), (r0, r1) => (made += r1 - r0));
    next.preview = { key: 'k', bytes: new Uint8Array(1) };
    next.setCells(4, 4, new Uint8Array(16));
    expect(next.preview).toBeNull();
    expect(next.cellsReady).toBe(true);
    next.ensureCells();
    expect(made).toBe(4);
  });
});

describe('cellMaxima: the WebAssembly SIMD kernel and the JavaScript fallback', () => {
  it('give the same maxima and statistics (float32 and float64, NaN, odd widths, any order)', () => {
    expect(cellMaximaKernel()).toBe('wasm-simd'); // Node ≥ 16.4 has WebAssembly SIMD
    for (const [rows, cols, W, H, seed] of [
      [37, 53, 20, 20, 1],
      [300, 203, 17, 23, 2],
      [9, 7, 40, 33, 3],
      [130, 131, 93, 90, 4],
    ]) {
      const d64 = values(rows, cols, seed, 0.05, -3, 7);
      const d32 = Float32Array.from(d64);
      const x = axisRanges(cols, 0, W / cols, W);
      const y = axisRanges(rows, 0, H / rows, H);
      for (const data of [d64, d32]) {
        for (const order of [{}, { rowOrder: shuffled(rows, seed), colOrder: shuffled(cols, seed + 1) }]) {
          const v = { rows, cols, data, ...order };
          const js = cellMaxima(v, x, y, { wasm: false })!;
          const wasm = cellMaxima(v, x, y)!;
          expect(wasm).toEqual(js);
          const d = describeValues(rows, cols, data);
          expect([wasm.min, wasm.max, wasm.nanCount]).toEqual([d.min, d.max, d.nanCount]);
        }
      }
    }
  });

  it('the embedded module is up to date with packages/elements/assembly (scripts/build-block-max-wasm.mjs --check)', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
    const out = execFileSync(process.execPath, [join(root, 'scripts', 'build-block-max-wasm.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toMatch(/is up to date/);
  }, 60_000);
});

describe('quantize(values, lo, hi) far outside the range', () => {
  it('clamps values millions of ranges away (no 32-bit wrap), in both quantizers', () => {
    const xs = [1e7, -1e7, 3e7, -3e7, 1e300, -1e300, 0.5, NaN];
    const want = [255, 1, 255, 1, 255, 1, 128, 0];
    expect([...quantize(xs, 0, 1)]).toEqual(want);
    const out = new Uint8Array(xs.length);
    const stats = inputBytesWithStats(Float64Array.from(xs), xs.length, 0, 1, out);
    expect([...out]).toEqual(want);
    expect(stats.nanCount).toBe(1);
  });
});

describe('quantizeFast(values, lo, hi, out): the SIMD quantizer', () => {
  it('gives the bytes of quantize (float32 and float64; NaN, ±Infinity, far outside, bin edges, tails, chunks)', () => {
    expect(cellMaximaKernel()).toBe('wasm-simd');
    const r = mulberry32(21);
    const n = 70_003; // past one 65,536-value chunk, and a tail of 3
    const d = new Float64Array(n);
    for (let q = 0; q < n; q++) d[q] = r() * 2.2 - 1.1;
    // Exact bin edges of [−1, 1] (x = v·k + off lands on an integer), specials.
    for (let b = 0; b < 256; b++) d[b] = -1 + (b - 0.5) * (2 / 254);
    d.set([NaN, Infinity, -Infinity, 1e7, -1e7, 1e300, -0, 0, 1, -1], 300);
    for (const data of [d, Float32Array.from(d)]) {
      for (const [lo, hi] of [
        [-1, 1],
        [0, 1],
        [-0.37, 0.91],
      ]) {
        const want = quantize(data, lo, hi);
        expect(quantizeFast(data, lo, hi, new Uint8Array(n))).toEqual(want);
        expect(quantizeFast(data.subarray(5, 12), lo, hi, new Uint8Array(7))).toEqual(want.subarray(5, 12));
      }
      expect(quantizeFast(data, 2, 2, new Uint8Array(n))).toEqual(quantize(data, 2, 2)); // an empty range
    }
  });

  it('displayBytes with the SIMD quantizer equals it without (input order and permuted)', () => {
    const rows = 61;
    const cols = 67;
    const data = Float32Array.from(values(rows, cols, 8));
    const v = { kind: 'matrix', rows, cols, data } as unknown as HeatmapValues;
    const id = (n: number) => Array.from({ length: n }, (_, i) => i);
    for (const [ro, co] of [
      [id(rows), id(cols)],
      [shuffled(rows, 4), id(cols)],
      [shuffled(rows, 4), shuffled(cols, 5)],
    ]) {
      const js = displayBytes(v, ro, co, -1, 1);
      expect(displayBytes(v, ro, co, -1, 1, new Uint8Array(rows * cols), 0, rows, true)).toEqual(js);
      const part = new Uint8Array(rows * cols);
      displayBytes(v, ro, co, -1, 1, part, 10, 30, true);
      expect(part.subarray(10 * cols, 30 * cols)).toEqual(js.subarray(10 * cols, 30 * cols));
    }
  });
});
