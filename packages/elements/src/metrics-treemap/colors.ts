import { mixOklab, parseHex, rgbToOklab } from '../internal/color/oklab.js';
import type { TreeNode } from './tree.js';

/** How far toward the background the all-wrong cell goes (0 = class colour, 1 = background). */
export const MAX_MIX = 0.66;

/**
 * Where a cell sits between "every model right" (0) and "every model wrong" (1): each
 * model level below the class adds its weight when that model is wrong, the first model
 * weighing most (2^(k−1−j) / (2^k − 1)). Cells in tree order (✓ before ✗) therefore get
 * lighter monotonically, and no two paths share a lightness. Steps without a correctness
 * flag (precomputed trees) count as right.
 */
export function wrongness(path: readonly TreeNode[]): number {
  const steps = path.slice(1);
  const k = steps.length;
  if (k === 0) return 0;
  let sum = 0;
  for (let j = 0; j < k; j++) if (steps[j].correct === false) sum += 2 ** (k - 1 - j);
  return sum / (2 ** k - 1);
}

/**
 * A cell's fill: the class colour (`base`) mixed toward the background in OKLab by its
 * {@link wrongness} — truth-class hue, right/wrong lightness (DeepCompare's Fig. 4 colour).
 * Toward the background, so the same rule reads on light and dark themes.
 */
export function cellColor(base: string, background: string, path: readonly TreeNode[]): string {
  const t = MAX_MIX * wrongness(path);
  // Cells share a handful of (class, wrongness) pairs: convert each pair once.
  const key = `${base}|${background}|${t}`;
  let c = mixed.get(key);
  if (c === undefined) {
    if (mixed.size > 50_000) mixed.clear();
    mixed.set(key, (c = mixOklab(base, background, t)));
  }
  return c;
}
const mixed = new Map<string, string>();

/** `true` when text on `fill` should be light (the fill is dark); unknown colours count as light fills. */
export function darkFill(fill: string): boolean {
  let d = dark.get(fill);
  if (d === undefined) {
    const rgb = parseHex(fill);
    d = rgb ? rgbToOklab(rgb).L < 0.62 : false;
    if (dark.size > 50_000) dark.clear();
    dark.set(fill, d);
  }
  return d;
}
const dark = new Map<string, boolean>();
