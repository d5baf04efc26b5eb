/**
 * Just enough colour science for palette variants: sRGB hex ↔ OKLab (Ottosson 2020,
 * https://bottosson.github.io/posts/oklab/). OKLab's L is perceptual lightness, so "the
 * same hue, lighter" stays the same hue, which HSL does not promise.
 */

/** An OKLab colour: L in [0, 1], a and b roughly in [-0.4, 0.4]. */
export interface Oklab {
  L: number;
  a: number;
  b: number;
}

/** Parses `#rgb` or `#rrggbb` (case-insensitive); `null` for anything else. */
export function parseHex(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (v: number) => {
  const c = v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
  return Math.round(Math.min(1, Math.max(0, c)) * 255);
};

/** sRGB (0–255 channels) → OKLab. */
export function rgbToOklab([r8, g8, b8]: readonly [number, number, number]): Oklab {
  const r = toLinear(r8);
  const g = toLinear(g8);
  const b = toLinear(b8);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return {
    L: 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    a: 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    b: 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  };
}

/** OKLab → `#rrggbb`, clipped to the sRGB gamut channel by channel. */
export function oklabToHex({ L, a, b }: Oklab): string {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const rgb = [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ].map(fromLinear);
  return '#' + rgb.map((c) => c.toString(16).padStart(2, '0')).join('');
}

/** Chroma (colourfulness) of an OKLab colour; greys are near 0. */
export function chroma(c: Oklab): number {
  return Math.hypot(c.a, c.b);
}

/**
 * `hex` with its OKLab lightness moved by `dL` (keeping hue and chroma), or `hex` itself
 * when it cannot be parsed (a CSS name or `var()`: left to the browser).
 */
export function shiftLightness(hex: string, dL: number): string {
  const rgb = parseHex(hex);
  if (!rgb) return hex;
  const c = rgbToOklab(rgb);
  return oklabToHex({ ...c, L: Math.min(0.97, Math.max(0.12, c.L + dL)) });
}

/**
 * `hex` mixed toward `toward` by `t` in OKLab (0: unchanged, 1: `toward`). Used to lighten
 * hierarchy levels toward the background, so depth reads the same on light and dark themes.
 */
export function mixOklab(hex: string, toward: string, t: number): string {
  const p = parseHex(hex);
  const q = parseHex(toward);
  if (!p || !q) return hex;
  const a = rgbToOklab(p);
  const b = rgbToOklab(q);
  return oklabToHex({ L: a.L + (b.L - a.L) * t, a: a.a + (b.a - a.a) * t, b: a.b + (b.b - a.b) * t });
}

/** Perceptual distance between two hex colours (Euclidean in OKLab; ~0.02 is a just-noticeable difference). */
export function deltaE(x: string, y: string): number {
  const p = parseHex(x);
  const q = parseHex(y);
  if (!p || !q) return NaN;
  const a = rgbToOklab(p);
  const b = rgbToOklab(q);
  return Math.hypot(a.L - b.L, a.a - b.a, a.b - b.b);
}
