import { CELL_LEVELS } from './layers.js';
import type { Rgba } from './types.js';

const cache = new Map<string, Rgba>();
let probe: CanvasRenderingContext2D | null | undefined;

/**
 * Any CSS colour (`#abc`, `rgb(…)`, `oklch(…)`, names) as RGBA bytes, through a 1 × 1
 * canvas so that whatever the browser can paint, the GL can too. Hex colours parse
 * without a DOM. Unknown strings give opaque black.
 */
export function parseColor(css: string): Rgba {
  const key = css.trim();
  const hit = cache.get(key);
  if (hit) return hit;
  let out = parseHexColor(key);
  if (!out) {
    if (probe === undefined) {
      probe =
        typeof document === 'undefined'
          ? null
          : document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    }
    if (probe) {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = key;
      probe.fillRect(0, 0, 1, 1);
      const d = probe.getImageData(0, 0, 1, 1).data;
      // Un-premultiply what the canvas stored for translucent colours.
      const a = d[3];
      out = a === 0 ? [0, 0, 0, 0] : [d[0], d[1], d[2], a];
    } else out = [0, 0, 0, 255];
  }
  if (cache.size > 512) cache.clear();
  cache.set(key, out);
  return out;
}

function parseHexColor(s: string): Rgba | null {
  const m = /^#([0-9a-f]{3,8})$/i.exec(s);
  if (!m) return null;
  const h = m[1];
  if (h.length === 3 || h.length === 4) {
    const v = [...h].map((c) => parseInt(c + c, 16));
    return [v[0], v[1], v[2], v[3] ?? 255];
  }
  if (h.length === 6 || h.length === 8) {
    return [
      parseInt(h.slice(0, 2), 16),
      parseInt(h.slice(2, 4), 16),
      parseInt(h.slice(4, 6), 16),
      h.length === 8 ? parseInt(h.slice(6, 8), 16) : 255,
    ];
  }
  return null;
}

/** `c` mixed toward `d` by `t` ∈ [0, 1], per byte. */
export function mixRgba(c: Rgba, d: Rgba, t: number): Rgba {
  const m = (a: number, b: number) => Math.round(a + (b - a) * t);
  return [m(c[0], d[0]), m(c[1], d[1]), m(c[2], d[2]), m(c[3], d[3])];
}

/**
 * Values → cell bytes over `[lo, hi]`: NaN → 0 ("no data"), else 1 … 255 in order of
 * value, linear over the range, clamped. A monotone map, so the maximum of bytes is the
 * byte of the maximum — the max-pooling of `cellLevel` stays exact. Complexity O(n).
 */
export function quantize(
  values: ArrayLike<number>,
  lo: number,
  hi: number,
  out: Uint8Array = new Uint8Array(values.length),
): Uint8Array {
  const span = hi - lo;
  if (!(span > 0)) {
    const mid = (CELL_LEVELS + 1) >> 1;
    for (let q = 0; q < values.length; q++) out[q] = values[q] === values[q] ? mid : 0;
    return out;
  }
  // byte = round((v − lo) · k) + 1 = floor(v · k + off), clamped to 1 … 255; NaN → 0.
  const k = (CELL_LEVELS - 1) / span;
  const off = 1.5 - lo * k;
  for (let q = 0; q < values.length; q++) {
    const x = values[q] * k + off;
    // Integer stores are much cheaper than a double's ToUint8. `x | 0` only inside
    // [1, 255]: past ±2^31 it wraps (a value far above a caller's domain would become 1).
    out[q] = x >= CELL_LEVELS ? CELL_LEVELS : x >= 1 ? x | 0 : x === x ? 1 : 0;
  }
  return out;
}

/** The value a cell byte stands for (centre of its bin); `NaN` for byte 0. */
export function byteValue(byte: number, lo: number, hi: number): number {
  if (byte <= 0) return NaN;
  if (!(hi > lo)) return lo;
  return lo + ((byte - 1) / (CELL_LEVELS - 1)) * (hi - lo);
}

/** A colour table from a colour per byte (`colorOf(byte)`, byte 0 = no data). */
export function buildLut(colorOf: (byte: number) => Rgba): Uint8Array {
  const lut = new Uint8Array(1024);
  for (let b = 0; b < 256; b++) {
    const c = colorOf(b);
    lut[4 * b] = c[0];
    lut[4 * b + 1] = c[1];
    lut[4 * b + 2] = c[2];
    lut[4 * b + 3] = 255;
  }
  return lut;
}

/** RGBA bytes packed as one little-endian 32-bit word, as `ImageData` stores them. */
export function packRgba(c: Rgba): number {
  return ((c[3] << 24) | (c[2] << 16) | (c[1] << 8) | c[0]) >>> 0;
}
