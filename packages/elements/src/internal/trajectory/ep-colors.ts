import { mixOklab, parseHex, rgbToOklab, oklabToHex } from '../color/oklab.js';
import { probAt, type SequenceData } from './sequence-data.js';

/** Levels of the EP colour ramp per class (a lookup table; 10^6 points need no colour maths). */
export const EP_LEVELS = 32;

/**
 * Colours of the expected prediction (EP) of Garcia, Munz & Weiskopf (2021): a step is
 * drawn in its top class's colour, mixed in OKLab toward a neutral grey by how little
 * the classifier is sure — the share of its top probability above chance,
 * `s = (p_top − 1/m) / (1 − 1/m)` (0 at a uniform guess, 1 when certain). For a binary
 * classifier this is the paper's diverging scale through grey: P(positive) = 0 is the
 * negative class's colour, 0.5 grey, 1 the positive class's colour. For more classes it is
 * the paper's top-class hue, greyed where the answer is uncertain.
 *
 * The ramps are precomputed ({@link EP_LEVELS} per class), as CSS colours for SVG and as
 * packed RGBA for rasters and WebGL.
 */
export class EpColors {
  /** `css[c * EP_LEVELS + level]`. */
  readonly css: string[];
  /** RGBA bytes, little-endian packed (`r | g << 8 | b << 16 | 255 << 24`), same layout. */
  readonly rgba: Uint32Array;

  constructor(
    readonly classColors: readonly string[],
    readonly neutral: string,
  ) {
    const m = classColors.length;
    this.css = new Array<string>(m * EP_LEVELS);
    this.rgba = new Uint32Array(m * EP_LEVELS);
    const g = parseHex(neutral) ?? [140, 149, 159];
    const q = rgbToOklab(g);
    for (let c = 0; c < m; c++) {
      const p = rgbToOklab(parseHex(classColors[c]) ?? g);
      for (let l = 0; l < EP_LEVELS; l++) {
        const t = l / (EP_LEVELS - 1);
        const hex = oklabToHex({ L: q.L + (p.L - q.L) * t, a: q.a + (p.a - q.a) * t, b: q.b + (p.b - q.b) * t });
        this.css[c * EP_LEVELS + l] = hex;
        const [r, gg, b] = parseHex(hex) as [number, number, number];
        this.rgba[c * EP_LEVELS + l] = (r | (gg << 8) | (b << 16) | (255 << 24)) >>> 0;
      }
    }
  }

  /** Ramp slot (`class * EP_LEVELS + level`) of step `i`, or -1 without probabilities. */
  slot(data: SequenceData, i: number): number {
    const top = data.top;
    if (!top) return -1;
    const m = data.probCols;
    const k = top[i];
    const p = probAt(data, i, k);
    const s = m > 1 ? (p - 1 / m) / (1 - 1 / m) : p;
    const level = Math.round(Math.min(1, Math.max(0, s)) * (EP_LEVELS - 1));
    return k * EP_LEVELS + level;
  }

  /** The CSS colour of step `i` (`fallback` without probabilities). */
  color(data: SequenceData, i: number, fallback: string): string {
    const s = this.slot(data, i);
    return s < 0 ? fallback : this.css[s];
  }

  /** Legend stops of class `c`'s ramp, from uncertain to sure. */
  ramp(c: number, stops = 5): string[] {
    return Array.from(
      { length: stops },
      (_, i) => this.css[c * EP_LEVELS + Math.round((i / (stops - 1)) * (EP_LEVELS - 1))],
    );
  }
}

/** A readable text colour (near-black or white) on `background`: the one with more WCAG contrast. */
export function textOn(background: string): string {
  const rgb = parseHex(background);
  if (!rgb) return '#1f2328';
  return contrast(rgb, [31, 35, 40]) >= contrast(rgb, [255, 255, 255]) ? '#1f2328' : '#ffffff';
}

/** WCAG 2 relative luminance of an sRGB colour. */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two colours (1 … 21). */
export function contrast(a: readonly [number, number, number], b: readonly [number, number, number]): number {
  const x = luminance(a);
  const y = luminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const chipCache = new Map<string, { fill: string; text: string }>();

/**
 * A word chip's fill and text colour: the EP colour itself when near-black or white text
 * reads on it at WCAG AA (4.5:1), else the colour mixed toward the page background (in
 * OKLab, in steps of 0.1) until the theme's text colour does — mid-tone palette colours
 * (e.g. #5778c3) reach only ~4.3:1 with either, and a word must stay readable.
 */
export function readableChip(fill: string, background: string, foreground: string): { fill: string; text: string } {
  const key = `${fill}|${background}|${foreground}`;
  const hit = chipCache.get(key);
  if (hit) return hit;
  let out = { fill, text: foreground };
  const p = parseHex(fill);
  const fg = parseHex(foreground);
  if (p && fg) {
    const t = textOn(fill);
    if (contrast(p, parseHex(t) as [number, number, number]) >= 4.5) out = { fill, text: t };
    else {
      for (let k = 1; k <= 10; k++) {
        const mixed = mixOklab(fill, background, k / 10);
        if (contrast(parseHex(mixed) as [number, number, number], fg) >= 4.5) {
          out = { fill: mixed, text: foreground };
          break;
        }
      }
    }
  }
  if (chipCache.size > 4096) chipCache.clear();
  chipCache.set(key, out);
  return out;
}
