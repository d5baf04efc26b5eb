import { chroma, parseHex, rgbToOklab, shiftLightness } from './oklab.js';

/**
 * The categorical palette every classlens element shares: 20 distinct colours, none of
 * them grey, so "Other" (`--cl-color-other`) is never mistaken for a class.
 *
 * Slots 0–9 are Observable 10 (Observable's categorical scheme, readable on light and dark
 * backgrounds) with its grey (#9498a0, nearly the "Other" grey) replaced by an olive.
 * Slots 10–19 add hues it lacks (red, indigo, cyan, maroon, lime, magenta, dark teal,
 * lemon, plum, umber). The smallest OKLab distance between any two of the 20 is 0.095
 * (about five just-noticeable differences); the smallest to the "Other" grey is 0.10.
 * Past 20 classes, slot `i` reuses hue `i mod 20` at another lightness (see {@link slotColor}).
 */
export const PALETTE: readonly string[] = [
  '#4269d0',
  '#efb118',
  '#ff725c',
  '#6cc5b0',
  '#3ca951',
  '#ff8ab7',
  '#a463f2',
  '#97bbf5',
  '#9c6b4e',
  '#8a8f1f',
  '#c23b3b',
  '#2f3e9e',
  '#29a3cc',
  '#7a1f3d',
  '#a5d34f',
  '#c43c9e',
  '#1d6f62',
  '#f0e442',
  '#6c3a80',
  '#5e5a2b',
];

/** Dark-theme replacements for the slots too dark to read on a dark background. */
export const PALETTE_DARK_OVERRIDES: Readonly<Record<number, string>> = {
  11: '#657de3',
  13: '#c4637b',
  16: '#4a9688',
  18: '#a26eb8',
  19: '#8c8958',
};

/** Number of distinct palette slots (`--cl-palette-0` … `--cl-palette-19`). */
export const PALETTE_SIZE = PALETTE.length;

/** The grey of merged "Other" nodes and of missing values (light theme default). */
export const OTHER_COLOR = '#8c959f';

/**
 * The colour of palette slot `i` for a resolved base palette (20 concrete colours, e.g.
 * read from the theme's custom properties): `base[i]` for the first 20; beyond, the same
 * hue at another OKLab lightness — darker for light hues, lighter for dark ones, further
 * each round — so that 40 or 200 classes still get distinct, non-grey colours.
 */
export function slotColor(i: number, base: readonly string[] = PALETTE): string {
  const n = base.length || PALETTE_SIZE;
  const k = ((Math.floor(i) % n) + n) % n;
  const hex = base[k] ?? PALETTE[k % PALETTE_SIZE];
  const round = Math.floor(Math.max(0, i) / n);
  if (round === 0) return hex;
  const rgb = parseHex(hex);
  if (!rgb) return hex;
  const c = rgbToOklab(rgb);
  // Alternate away from the middle: round 1 moves 0.16 toward the far end, round 2 0.16
  // toward the near end, round 3 0.30 far, … clamped inside the gamut by shiftLightness.
  const far = c.L > 0.62 ? -1 : 1;
  const step = Math.ceil(round / 2) * 0.15;
  const dir = round % 2 === 1 ? far : -far;
  const out = shiftLightness(hex, dir * step);
  // A variant that lost its colour (clipped to near-white/black) would read as "Other".
  const v = parseHex(out);
  return v && chroma(rgbToOklab(v)) < 0.03 ? shiftLightness(hex, far * 0.1) : out;
}

/**
 * The 20 base colours in effect on `el`: its computed `--cl-palette-0` … `-19` (so a
 * page's theme overrides apply), falling back to {@link PALETTE} per slot. Canvas and
 * WebGL renderers need concrete colours; SVG can use `var()` but shares this for export.
 */
export function readPalette(el: Element): string[] {
  const cs = getComputedStyle(el);
  return PALETTE.map((fallback, i) => cs.getPropertyValue(`--cl-palette-${i}`).trim() || fallback);
}
