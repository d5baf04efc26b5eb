import type { LineLayer } from '../layers.js';
import type { Transform } from '../types.js';

/**
 * CPU rasterisation of line segments (and, in `points.ts`, of points) into a frame of packed RGBA words, with
 * the rules GL rasterisers follow, so that both paths cover the same pixels:
 *
 * - vertices are snapped to the GL's sub-pixel grid (`2^-subpixelBits` of a pixel);
 * - a pixel is covered when its centre lies inside the primitive; a centre exactly on an
 *   edge counts for left edges and for edges at the bottom of the screen (the top-left
 *   rule of GL's y-up window coordinates, seen y-down);
 * - a segment is the two triangles the WebGL path draws; a point, the square around
 *   its (snapped) centre, cut to a disc for `circle`;
 * - colours blend source-over in 8 bits. Neither path anti-aliases.
 */

/** Sub-pixel bits assumed when no GL reports its own. */
export const DEFAULT_SUBPIXEL_BITS = 8;

function blend(out: Uint32Array, p: number, r: number, g: number, b: number, a: number): void {
  if (a >= 255) {
    out[p] = (0xff000000 | (b << 16) | (g << 8) | r) >>> 0;
    return;
  }
  const d = out[p];
  const t = a / 255;
  const u = 1 - t;
  const R = Math.round(r * t + (d & 0xff) * u);
  const G = Math.round(g * t + ((d >>> 8) & 0xff) * u);
  const B = Math.round(b * t + ((d >>> 16) & 0xff) * u);
  out[p] = (0xff000000 | (B << 16) | (G << 8) | R) >>> 0;
}

/**
 * Fills triangle (x0, y0), (x1, y1), (x2, y2) (device pixels, y down) with the tie rule
 * above; `skip` marks pixels already drawn by the other half of the same quad.
 */
function triangle(
  out: Uint32Array,
  width: number,
  height: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  r: number,
  g: number,
  b: number,
  a: number,
): void {
  const area = (x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0);
  if (area === 0) return;
  if (area < 0) {
    const tx = x1;
    const ty = y1;
    x1 = x2;
    y1 = y2;
    x2 = tx;
    y2 = ty;
  }
  // Edge a → b: E(p) = (bx − ax)(py − ay) − (by − ay)(px − ax) > 0 inside; its inward
  // normal is (−(by − ay), bx − ax). A centre on the edge counts when that normal points
  // right (a left edge), or straight up the screen (an edge at the bottom).
  const tie = (ax: number, ay: number, bx: number, by: number) => {
    const nx = -(by - ay);
    const ny = bx - ax;
    return nx > 0 || (nx === 0 && ny < 0);
  };
  const t0 = tie(x0, y0, x1, y1);
  const t1 = tie(x1, y1, x2, y2);
  const t2 = tie(x2, y2, x0, y0);
  const X0 = Math.max(0, Math.floor(Math.min(x0, x1, x2) - 0.5));
  const X1 = Math.min(width - 1, Math.ceil(Math.max(x0, x1, x2) - 0.5));
  const Y0 = Math.max(0, Math.floor(Math.min(y0, y1, y2) - 0.5));
  const Y1 = Math.min(height - 1, Math.ceil(Math.max(y0, y1, y2) - 0.5));
  for (let Y = Y0; Y <= Y1; Y++) {
    const py = Y + 0.5;
    const row = Y * width;
    for (let X = X0; X <= X1; X++) {
      const px = X + 0.5;
      const e0 = (x1 - x0) * (py - y0) - (y1 - y0) * (px - x0);
      if (e0 < 0 || (e0 === 0 && !t0)) continue;
      const e1 = (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1);
      if (e1 < 0 || (e1 === 0 && !t1)) continue;
      const e2 = (x0 - x2) * (py - y2) - (y0 - y2) * (px - x2);
      if (e2 < 0 || (e2 === 0 && !t2)) continue;
      blend(out, row + X, r, g, b, a);
    }
  }
}

/** Draws a line layer: each segment a `width`-wide rectangle (butt ends), as two triangles. */
export function rasterLines(
  out: Uint32Array,
  width: number,
  height: number,
  layer: LineLayer,
  t: Transform,
  ratio: number,
  subpixelBits = DEFAULT_SUBPIXEL_BITS,
): void {
  const { segments, segmentLine, colors } = layer;
  const hw = Math.max(1, layer.width * ratio) / 2;
  const q = 2 ** subpixelBits;
  const snap = (v: number) => Math.round(v * q) / q;
  const ax = ratio * t.sx;
  const bx = ratio * t.tx;
  const ay = ratio * t.sy;
  const by = ratio * t.ty;
  let [r, g, b, a] = layer.color;
  const n = segments.length >> 2;
  for (let k = 0; k < n; k++) {
    const Ax = ax * segments[4 * k] + bx;
    const Ay = ay * segments[4 * k + 1] + by;
    const Bx = ax * segments[4 * k + 2] + bx;
    const By = ay * segments[4 * k + 3] + by;
    const dx = Bx - Ax;
    const dy = By - Ay;
    const len = Math.hypot(dx, dy);
    if (!(len > 0)) continue;
    if (colors) {
      const l = segmentLine[k];
      r = colors[4 * l];
      g = colors[4 * l + 1];
      b = colors[4 * l + 2];
      a = colors[4 * l + 3];
    }
    if (a === 0) continue;
    const nx = (-dy / len) * hw;
    const ny = (dx / len) * hw;
    // The WebGL path's corners: (A − n, B − n, B + n) and (A − n, B + n, A + n).
    const p0x = snap(Ax - nx);
    const p0y = snap(Ay - ny);
    const p1x = snap(Bx - nx);
    const p1y = snap(By - ny);
    const p2x = snap(Bx + nx);
    const p2y = snap(By + ny);
    const p3x = snap(Ax + nx);
    const p3y = snap(Ay + ny);
    triangle(out, width, height, p0x, p0y, p1x, p1y, p2x, p2y, r, g, b, a);
    triangle(out, width, height, p0x, p0y, p2x, p2y, p3x, p3y, r, g, b, a);
  }
}
