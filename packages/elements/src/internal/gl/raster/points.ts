import type { PointLayer } from '../layers.js';
import type { Transform } from '../types.js';

/**
 * The CPU raster of point layers in fixed point, with GL's rules (see `marks.ts`):
 *
 * - a point's centre is snapped to the GL's sub-pixel grid, in integer sub-pixel units
 *   `P = round(a · x) + T`, where `a` is the scale in sub-pixels per data unit and `T` the
 *   view's translation, itself rounded to the grid (both renderers draw with that
 *   translation: see `snappedTranslation`). So a pan by whole device pixels moves every
 *   point by exactly that many pixels, and an image shifted by the pan is *the same
 *   picture* as one drawn from scratch — which {@link PointRaster} uses;
 * - a point whose centre leaves the viewport is clipped whole, as in GL;
 * - it covers the pixels whose centres lie in its square of side `s = size · ratio`
 *   (centres on the left and bottom edges count, GL's tie rule), cut to the inscribed
 *   disc for `circle` — the test `dx² + dy² ≤ (s/2)²` in sub-pixel units, exact integers;
 * - colours blend source-over in 8 bits: `round((c·a + d·(255 − a)) / 255)` per channel,
 *   computed exactly in integers (the quotient never falls on .5, so this is the same
 *   rounding as the floating-point formula).
 *
 * Colours are read as whole 32-bit words (little-endian RGBA, the frame's packing).
 */

/** Fixed-point drawing parameters of a point layer on a frame. */
export interface PointGeometry {
  /** Sub-pixel steps per pixel (`2^subpixelBits`). */
  q: number;
  /** Scale: sub-pixel units per data unit, per axis (`ratio · sx · q`). */
  ax: number;
  ay: number;
  /** Translation in whole sub-pixel units (`round(ratio · tx · q)`). */
  tx: number;
  ty: number;
  /** Half the side (square) or the radius (circle), in sub-pixel units. */
  h: number;
  circle: boolean;
}

/** The translation both renderers draw points and lines with: device pixels, on the `2^-bits` grid. */
export function snappedTranslation(t: Transform, ratio: number, subpixelBits: number): [number, number] {
  const q = 2 ** subpixelBits;
  return [Math.round(ratio * t.tx * q) / q, Math.round(ratio * t.ty * q) / q];
}

/** {@link PointGeometry} of `layer` under view `t` at `ratio` device pixels per CSS pixel. */
export function pointGeometry(layer: PointLayer, t: Transform, ratio: number, subpixelBits: number): PointGeometry {
  const q = 2 ** subpixelBits;
  const s = Math.max(1, layer.size * ratio);
  return {
    q,
    ax: ratio * t.sx * q,
    ay: ratio * t.sy * q,
    tx: Math.round(ratio * t.tx * q),
    ty: Math.round(ratio * t.ty * q),
    h: (s * q) / 2,
    circle: layer.shape === 'circle',
  };
}

const wordsCache = new WeakMap<Uint8Array, Uint32Array>();

/** The layer's colours as 32-bit words (a view when aligned, else a copy kept per array), or `null`. */
export function colorWords(colors: Uint8Array | null, count: number): Uint32Array | null {
  if (!colors) return null;
  if (colors.byteOffset % 4 === 0) return new Uint32Array(colors.buffer, colors.byteOffset, count);
  let w = wordsCache.get(colors);
  if (!w || w.length !== count) {
    w = new Uint32Array(count);
    new Uint8Array(w.buffer).set(colors.subarray(0, 4 * count));
    wordsCache.set(colors, w);
  }
  return w;
}

/** `[r, g, b, a]` as a little-endian word. */
function solidWord(c: readonly number[]): number {
  return (c[0] | (c[1] << 8) | (c[2] << 16) | (c[3] << 24)) >>> 0;
}

/** Whether the centre of pixel column `X` lies in the disc (the row's `dy²` given), in sub-pixel units. */
function inDisc(X: number, q: number, half: number, px: number, dy2: number, h2: number): boolean {
  const dx = X * q + half - px;
  return dx * dx + dy2 <= h2;
}

/**
 * Paints one point's pixels `[X0, X1) × [Y0, Y1)` (already clipped): every pixel for a
 * square, those whose centre is in the disc for a circle (`h2 ≥ 0`: the squared radius
 * in sub-pixel units). `w` is the colour word, `a` its alpha (> 0).
 */
function paint(
  out: Uint32Array,
  W: number,
  X0: number,
  X1: number,
  Y0: number,
  Y1: number,
  px: number,
  py: number,
  q: number,
  h2: number,
  w: number,
  a: number,
): void {
  const half = q / 2;
  const exact = h2 % 1 === 0;
  if (a === 255 && h2 < 0) {
    for (let Y = Y0; Y < Y1; Y++) out.fill(w, Y * W + X0, Y * W + X1);
    return;
  }
  const r = w & 255;
  const g = (w >>> 8) & 255;
  const b = (w >>> 16) & 255;
  const ia = 255 - a;
  for (let Y = Y0; Y < Y1; Y++) {
    const row = Y * W;
    let xa = X0;
    let xb = X1;
    if (h2 >= 0) {
      // The disc's pixels in this row are one run, from √ of what is left of the radius.
      // With an integer squared radius (sizes whose side is a whole number of sub-pixels)
      // that is exact: √ is correctly rounded, and an integer k ≤ √m exactly when k² ≤ m.
      // Otherwise the per-pixel test at both ends settles the run.
      const dy = Y * q + half - py;
      const dy2 = dy * dy;
      if (dy2 > h2) continue;
      const rr = Math.sqrt(h2 - dy2);
      let lo = Math.ceil((px - half - rr) / q);
      let hi = Math.floor((px - half + rr) / q);
      if (!exact) {
        while (lo <= hi && !inDisc(lo, q, half, px, dy2, h2)) lo++;
        while (hi >= lo && !inDisc(hi, q, half, px, dy2, h2)) hi--;
        while (lo <= hi && inDisc(lo - 1, q, half, px, dy2, h2)) lo--;
        while (lo <= hi && inDisc(hi + 1, q, half, px, dy2, h2)) hi++;
      }
      if (lo > hi) continue;
      if (lo > xa) xa = lo;
      if (hi + 1 < xb) xb = hi + 1;
    }
    if (a === 255) {
      for (let X = xa; X < xb; X++) out[row + X] = w;
      continue;
    }
    for (let X = xa; X < xb; X++) {
      const p = row + X;
      const d = out[p];
      // round(n / 255) for n = c·a + d·(255 − a): floor((n + 127) / 255), exact for n < 65535.
      let n = r * a + (d & 255) * ia + 127;
      const R = (n + 1 + (n >> 8)) >> 8;
      n = g * a + ((d >>> 8) & 255) * ia + 127;
      const G = (n + 1 + (n >> 8)) >> 8;
      n = b * a + ((d >>> 16) & 255) * ia + 127;
      const B = (n + 1 + (n >> 8)) >> 8;
      out[p] = 0xff000000 | (B << 16) | (G << 8) | R;
    }
  }
}

/**
 * `Math.round(u)` without its branch: `floor(u) + (1 + floor(frac(u) − ½))`, where
 * `frac(u) = u − floor(u)` is exact and subtracting ½ cannot change its sign, so the
 * second term is 0 below ½ and 1 from ½ up (ties up, as `Math.round`). The same value for
 * every finite `u`; ±∞ gives NaN (clipped like ±∞ by the raster). Over the points of a
 * map, `Math.round`'s branch goes either way at random: this halves the cost of a point.
 */
export function roundHalfUp(u: number): number {
  const f = Math.floor(u);
  return f + (1 + Math.floor(u - f - 0.5));
}

/**
 * {@link rasterPointLayer} for squares of side ≤ 2 device pixels (`h ≤ q`) with whole
 * sub-pixel edges (`h` an integer, `q = 2^bits`), drawn whole and in index order: the
 * 10^6-point first frame. The same pixels as the general loop, in integers: with `P` an
 * integer, `ceil((P − lo) / q)` is `(P − lo + q − 1) >> bits` and `floor((P + hi) / q)`
 * is `(P + hi) >> bits` (an arithmetic shift floors), so a point costs two roundings, one
 * clip test and its (at most 2 × 2) words, with no call unless it is translucent.
 */
function rasterSquares(
  out: Uint32Array,
  W: number,
  H: number,
  positions: Float32Array,
  words: Uint32Array,
  g: PointGeometry,
  bits: number,
): number {
  const { q, ax, ay, tx, ty, h } = g;
  const count = words.length;
  const Wq = W * q;
  const Hq = H * q;
  // Pixel centres in [px − h, px + h) × (py − h, py + h] (see rasterPointLayer).
  const lo = h + q / 2;
  const hi = h - q / 2;
  const cx0 = q - 1 - lo;
  const cx1 = q - 1 + hi;
  // Side 2 (h = q): X1 = X0 + 2 and Y1 = Y0 + 2 before clipping.
  const two = h === q;
  const W1 = W - 1;
  const H1 = H - 1;
  let touched = 0;
  for (let k = 0; k < count; k++) {
    const px = roundHalfUp(ax * positions[2 * k]) + tx;
    const py = roundHalfUp(ay * positions[2 * k + 1]) + ty;
    // As in GL, a point whose centre leaves the viewport is clipped whole (NaN too); the
    // test also keeps the shifts below inside int32.
    if (!(px >= 0 && px <= Wq && py >= 0 && py <= Hq)) continue;
    const w = words[k];
    const a = w >>> 24;
    if (a === 0) continue;
    let X0 = (px + cx0) >> bits;
    let Y0 = ((py - lo) >> bits) + 1;
    if (two && a === 255 && X0 >= 0 && X0 < W1 && Y0 >= 0 && Y0 < H1) {
      // Side 2, wholly inside the frame: its four words.
      const o = Y0 * W + X0;
      out[o] = w;
      out[o + 1] = w;
      out[o + W] = w;
      out[o + W + 1] = w;
      touched++;
      continue;
    }
    let X1 = (px + cx1) >> bits;
    let Y1 = ((py + hi) >> bits) + 1;
    if (X0 < 0) X0 = 0;
    if (X1 > W) X1 = W;
    if (Y0 < 0) Y0 = 0;
    if (Y1 > H) Y1 = H;
    if (X0 >= X1 || Y0 >= Y1) continue;
    touched++;
    if (a !== 255) {
      paint(out, W, X0, X1, Y0, Y1, px, py, q, -1, w, a);
      continue;
    }
    const o = Y0 * W + X0;
    if (X1 - X0 === 2 && Y1 - Y0 === 2) {
      out[o] = w;
      out[o + 1] = w;
      out[o + W] = w;
      out[o + W + 1] = w;
    } else {
      for (let r = o, Y = Y0; Y < Y1; Y++, r += W) {
        out[r] = w;
        if (X0 + 1 < X1) out[r + 1] = w;
      }
    }
  }
  return touched;
}

/**
 * A rectangle of device pixels `[x0, x1) × [y0, y1)` left alone by {@link rasterPointLayer}
 * (the part of a panned frame that was shifted from the previous one).
 */
export interface Keep {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Draws a point layer into `out` (`W × H` packed RGBA words), in index order; with `keep`,
 * only the pixels outside that rectangle; with `subset` (increasing indices), only those
 * points. Returns how many points touched a drawn pixel region (for tests and
 * benchmarks). O(count + pixels drawn).
 */
export function rasterPointLayer(
  out: Uint32Array,
  W: number,
  H: number,
  layer: PointLayer,
  g: PointGeometry,
  keep: Keep | null = null,
  subset: Uint32Array | null = null,
): number {
  const { positions, count } = layer;
  const words = colorWords(layer.colors, count);
  const solid = solidWord(layer.color);
  const { q, ax, ay, tx, ty, h } = g;
  const h2 = g.circle ? h * h : -1;
  const inv = 1 / q;
  const lo = h + q / 2;
  const hi = h - q / 2;
  const Wq = W * q;
  const Hq = H * q;
  // Centres strictly inside these bounds cover only pixels inside `keep` (one pixel of
  // margin: the exact test below decides the rest).
  const kx0 = keep ? keep.x0 * q + lo + q : Infinity;
  const kx1 = keep ? keep.x1 * q - lo - q : -Infinity;
  const ky0 = keep ? keep.y0 * q + lo + q : Infinity;
  const ky1 = keep ? keep.y1 * q - lo - q : -Infinity;
  // Opaque squares of side ≤ 2 device pixels outside any `keep` (10^6-point maps) are
  // written inline: one or two words per row, no call per point.
  const tiny = !g.circle && h <= q;
  if (tiny && !keep && !subset && words) {
    const bits = 31 - Math.clz32(q);
    // Whole sub-pixel edges and a frame well inside int32: the integer loop below.
    if (2 ** bits === q && bits > 0 && h % 1 === 0 && (W + 2) * q < 2 ** 30 && (H + 2) * q < 2 ** 30) {
      return rasterSquares(out, W, H, positions, words, g, bits);
    }
  }
  let touched = 0;
  const m = subset ? subset.length : count;
  for (let j = 0; j < m; j++) {
    const k = subset ? subset[j] : j;
    const px = Math.round(ax * positions[2 * k]) + tx;
    const py = Math.round(ay * positions[2 * k + 1]) + ty;
    // As in GL, a point whose centre leaves the viewport is clipped whole (NaN too).
    if (!(px >= 0 && px <= Wq && py >= 0 && py <= Hq)) continue;
    if (px > kx0 && px < kx1 && py > ky0 && py < ky1) continue;
    const w = words ? words[k] : solid;
    const a = w >>> 24;
    if (a === 0) continue;
    // Pixel centres in [px − h, px + h) × (py − h, py + h], in sub-pixel units.
    let X0 = Math.ceil((px - lo) * inv);
    let X1 = Math.ceil((px + hi) * inv);
    let Y0 = Math.floor((py - lo) * inv) + 1;
    let Y1 = Math.floor((py + hi) * inv) + 1;
    if (X0 < 0) X0 = 0;
    if (X1 > W) X1 = W;
    if (Y0 < 0) Y0 = 0;
    if (Y1 > H) Y1 = H;
    if (X0 >= X1 || Y0 >= Y1) continue;
    if (!keep) {
      touched++;
      if (tiny && a === 255) {
        for (let Y = Y0; Y < Y1; Y++) {
          const o = Y * W;
          out[o + X0] = w;
          if (X0 + 1 < X1) out[o + X0 + 1] = w;
        }
      } else paint(out, W, X0, X1, Y0, Y1, px, py, q, h2, w, a);
      continue;
    }
    if (X0 >= keep.x0 && X1 <= keep.x1 && Y0 >= keep.y0 && Y1 <= keep.y1) continue;
    touched++;
    // The parts of the point's rectangle outside `keep`: rows above and below it, then
    // the columns left and right of it in the rows beside it.
    const ya = Math.min(Y1, Math.max(Y0, keep.y0));
    const yb = Math.max(ya, Math.min(Y1, keep.y1));
    if (Y0 < ya) paint(out, W, X0, X1, Y0, ya, px, py, q, h2, w, a);
    if (yb < Y1) paint(out, W, X0, X1, yb, Y1, px, py, q, h2, w, a);
    if (ya < yb) {
      const xa = Math.min(X1, keep.x0);
      const xb = Math.max(X0, keep.x1);
      if (X0 < xa) paint(out, W, X0, xa, ya, yb, px, py, q, h2, w, a);
      if (xb < X1) paint(out, W, xb, X1, ya, yb, px, py, q, h2, w, a);
    }
  }
  return touched;
}

/**
 * The bottom point layer's image at the size of the frame, cached between frames. A pan
 * by whole device pixels at the same zoom shifts the cached image and redraws only the
 * pixels outside the part that is known to be unchanged: the strips that came into view,
 * and a band along each edge as wide as a point (where points whose centres cross the
 * edge appear or are clipped). The result is the same picture as drawing from scratch.
 */
export class PointRaster {
  private layer: PointLayer | null = null;
  private key = '';
  private tx = 0;
  private ty = 0;
  private buf: Uint32Array = new Uint32Array(0);
  private spare: Uint32Array = new Uint32Array(0);
  /** Pixels recomputed by the last draw (the whole frame, or the strips of a pan). */
  lastComputed = 0;
  /** Points drawn (wholly or in part) by the last draw. */
  lastPoints = 0;
  /** Points looked at by the last draw (all of them, or those near a pan's strips). */
  lastVisited = 0;
  /** Where the points are at this zoom, built by {@link prepare} after a full draw. */
  private grid: PointGrid | null = null;
  private geometry: PointGeometry | null = null;

  /** The layer over background `bg` (a packed word) in a `W × H` frame. */
  draw(layer: PointLayer, t: Transform, ratio: number, W: number, H: number, bg: number, bits: number): Uint32Array {
    const g = pointGeometry(layer, t, ratio, bits);
    const c = layer.color;
    const key = `${layer.version}|${layer.colorVersion}|${g.h}|${g.circle}|${c[0]},${c[1]},${c[2]},${c[3]}|${W}x${H}|${bg}|${g.ax}|${g.ay}`;
    const n = W * H;
    const q = g.q;
    const dxq = g.tx - this.tx;
    const dyq = g.ty - this.ty;
    const same = layer === this.layer && key === this.key && this.buf.length === n;
    if (same && dxq === 0 && dyq === 0) {
      this.lastComputed = 0;
      this.lastPoints = 0;
      return this.buf;
    }
    // Pixels at least a point's size from every edge, before and after the pan.
    const m = Math.ceil(g.h / q) + 1;
    const dx = dxq / q;
    const dy = dyq / q;
    const x0 = m + Math.max(0, dx);
    const x1 = W - m + Math.min(0, dx);
    const y0 = m + Math.max(0, dy);
    const y1 = H - m + Math.min(0, dy);
    const shift = same && Number.isInteger(dx) && Number.isInteger(dy) && x0 < x1 && y0 < y1;
    if (!shift) {
      this.grid = null;
      this.lastVisited = layer.count;
      if (this.buf.length !== n) this.buf = new Uint32Array(n);
      this.buf.fill(bg);
      this.lastPoints = rasterPointLayer(this.buf, W, H, layer, g);
      this.lastComputed = n;
    } else {
      if (this.spare.length !== n) this.spare = new Uint32Array(n);
      const src = this.buf;
      const dst = this.spare;
      for (let Y = 0; Y < H; Y++) {
        const o = Y * W;
        if (Y < y0 || Y >= y1) {
          dst.fill(bg, o, o + W);
          continue;
        }
        dst.fill(bg, o, o + x0);
        const s = (Y - dy) * W - dx;
        dst.set(src.subarray(s + x0, s + x1), o + x0);
        dst.fill(bg, o + x1, o + W);
      }
      const keep = { x0, x1, y0, y1 };
      // With the grid (built by `prepare` when the page was idle), only the points near the
      // strips; without it, one pass over all of them (the grid would cost more than that).
      const near = this.grid ? this.grid.outside(g, W, H, keep) : null;
      this.lastVisited = near ? near.length : layer.count;
      this.lastPoints = rasterPointLayer(dst, W, H, layer, g, keep, near);
      this.lastComputed = n - (x1 - x0) * (y1 - y0);
      this.spare = src;
      this.buf = dst;
    }
    this.layer = layer;
    this.geometry = g;
    this.key = key;
    this.tx = g.tx;
    this.ty = g.ty;
    return this.buf;
  }

  /**
   * Builds what the next pan needs (the grid of the cached image's points), so the first
   * pan after new data or a zoom costs no more than the others; for layers of at least
   * `minPoints`. For idle time.
   */
  prepare(minPoints = GRID_FROM): void {
    // Below GRID_FROM a pan's single pass over the points costs a few milliseconds: no grid (and
    // none rebuilt for every frame of an animating t-SNE layout).
    if (this.layer && this.layer.count >= minPoints && !this.grid && this.geometry) {
      this.grid = new PointGrid(this.layer, this.geometry);
    }
  }

  /** Forgets the cached image. */
  reset(): void {
    this.layer = null;
    this.geometry = null;
    this.key = '';
    this.grid = null;
  }
}

/** Fewest points for which {@link PointRaster.prepare} builds a grid. */
export const GRID_FROM = 200_000;

/** Most buckets of a {@link PointGrid}. */
const MAX_BUCKETS = 1 << 16;

/**
 * The points of a layer bucketed by where they fall at one zoom, in translation-free
 * sub-pixel units (`round(a · x)`, as {@link rasterPointLayer} computes them): square
 * buckets of at least 32 device pixels, each listing its points in increasing index
 * order. A pan then visits only the buckets near the strips it redraws (a few per cent of
 * 10^6 points) instead of every point. Built in O(count) (a counting sort).
 */
class PointGrid {
  private readonly x0: number;
  private readonly y0: number;
  private readonly size: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly start: Uint32Array;
  private readonly items: Uint32Array;

  constructor(layer: PointLayer, g: PointGeometry) {
    const { positions, count } = layer;
    const { ax, ay, q } = g;
    // Bounds of the raw coordinates; `round(a · x)` is monotonic, so they give the grid's.
    let xmin = Infinity;
    let ymin = Infinity;
    let xmax = -Infinity;
    let ymax = -Infinity;
    for (let k = 0; k < count; k++) {
      const x = positions[2 * k];
      const y = positions[2 * k + 1];
      if (x < xmin) xmin = x;
      if (x > xmax) xmax = x;
      if (y < ymin) ymin = y;
      if (y > ymax) ymax = y;
    }
    let x0 = Math.min(Math.round(ax * xmin), Math.round(ax * xmax));
    let x1 = Math.max(Math.round(ax * xmin), Math.round(ax * xmax));
    let y0 = Math.min(Math.round(ay * ymin), Math.round(ay * ymax));
    let y1 = Math.max(Math.round(ay * ymin), Math.round(ay * ymax));
    if (!(x0 <= x1 && y0 <= y1)) x0 = x1 = y0 = y1 = 0;
    let size = 32 * q;
    while (Math.ceil((x1 - x0 + 1) / size) * Math.ceil((y1 - y0 + 1) / size) > MAX_BUCKETS) size *= 2;
    const nx = Math.ceil((x1 - x0 + 1) / size);
    const ny = Math.ceil((y1 - y0 + 1) / size);
    // Bucket per point (the last bucket, past the grid, holds NaN positions: never drawn).
    // A product by the inverse may put a point on a bucket's edge into its neighbour: the
    // margin of `outside` covers that.
    const inv = 1 / size;
    const nb = nx * ny;
    const bucket = new Uint32Array(count);
    const start = new Uint32Array(nb + 2);
    for (let k = 0; k < count; k++) {
      const fx = (Math.round(ax * positions[2 * k]) - x0) * inv;
      const fy = (Math.round(ay * positions[2 * k + 1]) - y0) * inv;
      let b = nb;
      if (fx >= 0 && fy >= 0) {
        const bx = Math.min(nx - 1, fx | 0);
        const by = Math.min(ny - 1, fy | 0);
        b = by * nx + bx;
      }
      bucket[k] = b;
      start[b + 1]++;
    }
    for (let b = 0; b <= nb; b++) start[b + 1] += start[b];
    const fill = start.slice(0, nb + 1);
    const items = new Uint32Array(count);
    for (let k = 0; k < count; k++) items[fill[bucket[k]]++] = k;
    this.x0 = x0;
    this.y0 = y0;
    this.size = size;
    this.nx = nx;
    this.ny = ny;
    this.start = start;
    this.items = items;
  }

  /**
   * The points, in increasing index order, whose pixels may lie in the frame outside
   * `keep` under geometry `g` (a superset: whole buckets, with a point's size of margin).
   */
  outside(g: PointGeometry, W: number, H: number, keep: Keep): Uint32Array {
    const { q, tx, ty, h } = g;
    const { x0, y0, size, nx, ny, start, items } = this;
    const pad = h + 2 * q;
    // Device sub-pixel extent of bucket (bx, by): [x0 + bx·size + tx, … + size).
    const bx0 = Math.max(0, Math.floor((-pad - tx - x0) / size));
    const bx1 = Math.min(nx - 1, Math.floor((W * q + pad - tx - x0) / size));
    const by0 = Math.max(0, Math.floor((-pad - ty - y0) / size));
    const by1 = Math.min(ny - 1, Math.floor((H * q + pad - ty - y0) / size));
    // A bucket wholly inside this box (the kept rectangle less a point's size) is skipped.
    const ix0 = keep.x0 * q + pad;
    const ix1 = keep.x1 * q - pad;
    const iy0 = keep.y0 * q + pad;
    const iy1 = keep.y1 * q - pad;
    let total = 0;
    const picked: number[] = [];
    for (let by = by0; by <= by1; by++) {
      const Y0 = y0 + by * size + ty;
      const insideY = Y0 >= iy0 && Y0 + size <= iy1;
      for (let bx = bx0; bx <= bx1; bx++) {
        const X0 = x0 + bx * size + tx;
        if (insideY && X0 >= ix0 && X0 + size <= ix1) continue;
        const b = by * nx + bx;
        if (start[b + 1] > start[b]) {
          picked.push(b);
          total += start[b + 1] - start[b];
        }
      }
    }
    const out = new Uint32Array(total);
    let o = 0;
    for (const b of picked) {
      out.set(items.subarray(start[b], start[b + 1]), o);
      o += start[b + 1] - start[b];
    }
    // Index order across buckets: later points paint over earlier ones, as in a full draw.
    return out.sort();
  }
}
