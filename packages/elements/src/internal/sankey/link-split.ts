import type { FlowGraph } from '@classlens/core';
import { mixOklab } from '../color/oklab.js';
import type { Emphasis } from './emphasis.js';
import { bandPath, type SankeyLayout } from './layout.js';

/**
 * Categories of items that colour the bands of a Sankey, e.g. the class of each item in
 * the first column, its true class, or whether the target stage got it right. A band whose
 * items fall into several categories is drawn as parallel sub-bands, one per category,
 * with widths proportional to their counts — the truthful picture (the Sankey-for-ML
 * paper colours flows by the class they carry), where colouring a band by its majority
 * would hide the minority's items.
 */
export interface ItemCategories {
  /**
   * The category (0 … colors.length − 1; −1 or anything else: none) of every item, by
   * item index in the input: one array used for every link, or one per stage, used for
   * the links that *enter* that stage (so "right or wrong" can depend on the version).
   */
  codes: readonly ArrayLike<number>[];
  /** A concrete CSS colour per category. */
  colors: readonly string[];
  /** What each category means (tooltip rows, legend). */
  labels?: readonly string[];
}

/** How each link's items divide among the categories. */
export interface LinkSplit {
  /**
   * Per graph link: `[category, count, category, count, …]` in category order when its
   * items fall into two or more categories, else `null` (one colour).
   */
  parts: (Int32Array | null)[];
  /** Per graph link: the category holding most of its items (ties: the lower), or −1. */
  major: Int32Array;
}

/** Bands narrower than this (px) are not split: a sub-band under a pixel cannot be seen. */
export const MIN_SPLIT_WIDTH = 2;

/** The codes that apply to links entering `stage`. */
export function codesFor(cats: ItemCategories, stage: number): ArrayLike<number> | undefined {
  return cats.codes.length === 1 ? cats.codes[0] : cats.codes[stage];
}

/**
 * Counts every link's items per category. O(total link indices + links × categories
 * present); one scratch array of `colors.length` counters.
 */
export function splitLinks(graph: FlowGraph, cats: ItemCategories): LinkSplit {
  const C = cats.colors.length;
  const count = new Float64Array(C);
  const stageOf = new Map(graph.nodes.map((d) => [d.id, d.stage]));
  const parts: (Int32Array | null)[] = new Array(graph.links.length);
  const major = new Int32Array(graph.links.length).fill(-1);
  const touched: number[] = [];
  graph.links.forEach((l, k) => {
    const codes = codesFor(cats, stageOf.get(l.target) ?? 0);
    parts[k] = null;
    if (!codes) return;
    // Count only the categories present (10^4 links × 100 categories must not cost 10^6
    // steps per pass), then put them in category order.
    touched.length = 0;
    const ix = l.indices;
    for (let q = 0; q < ix.length; q++) {
      const c = codes[ix[q]];
      if (c >= 0 && c < C && count[c]++ === 0) touched.push(c);
    }
    touched.sort((a, b) => a - b);
    let best = -1;
    for (const c of touched) if (best < 0 || count[c] > count[best]) best = c;
    major[k] = best;
    if (touched.length >= 2) {
      const p = new Int32Array(2 * touched.length);
      touched.forEach((c, q) => {
        p[2 * q] = c;
        p[2 * q + 1] = count[c];
      });
      parts[k] = p;
    }
    for (const c of touched) count[c] = 0;
  });
  return { parts, major };
}

/** A coloured sub-band of a link. */
export interface SplitBand {
  /** Index into the layout's links. */
  link: number;
  /** Category, or −1 for the merged sub-pixel rest (see {@link MIN_SUB_BAND}). */
  category: number;
  /** Its colour. */
  color: string;
  path: string;
  width: number;
}

/**
 * Sub-bands narrower than this (px) are drawn together as one band at the bottom, in the
 * blend (OKLab, weighted by count) of their colours — about what the screen shows for a
 * stack of sub-pixel slivers — instead of one path each: at 10^6 items a wide band can
 * carry 100 classes, most of them a fraction of a pixel.
 */
export const MIN_SUB_BAND = 1;

/**
 * Stacks `parts` (category, count) from the top edge of a band of `width` px whose whole
 * is `total` items: categories at least {@link MIN_SUB_BAND} wide in category order,
 * then the thinner ones merged.
 */
function stack(
  L: SankeyLayout,
  k: number,
  parts: ArrayLike<number>,
  total: number,
  colors: readonly string[],
): SplitBand[] {
  const l = L.links[k];
  const xa = L.nodes[l.s].x1;
  const xb = L.nodes[l.t].x0;
  const out: SplitBand[] = [];
  let at = 0;
  const add = (category: number, color: string, w: number) => {
    out.push({
      link: k,
      category,
      color,
      path: bandPath(xa, l.y0 - l.width / 2 + at + w / 2, xb, l.y1 - l.width / 2 + at + w / 2),
      width: w,
    });
    at += w;
  };
  let restW = 0;
  let restColor = '';
  for (let q = 0; q < parts.length; q += 2) {
    const w = (l.width * parts[q + 1]) / total;
    const color = colors[parts[q]] ?? '#8c959f';
    if (w >= MIN_SUB_BAND) add(parts[q], color, w);
    else {
      restColor = restW === 0 ? color : mixOklab(restColor, color, w / (restW + w));
      restW += w;
    }
  }
  if (restW > 0) add(-1, restColor, restW);
  return out;
}

/**
 * The sub-bands of every split link at least {@link MIN_SPLIT_WIDTH} wide: stacked from
 * the band's top edge in category order, each as wide as its share of the band, following
 * the band's curve (the same horizontal cubic, offset). Items without a category leave
 * their share of the band at the bottom uncoloured.
 */
export function splitBands(L: SankeyLayout, split: LinkSplit, colors: readonly string[]): SplitBand[] {
  const out: SplitBand[] = [];
  L.links.forEach((l, k) => {
    const p = split.parts[l.index];
    if (!p || l.width < MIN_SPLIT_WIDTH) return;
    const total = l.link.value;
    if (!(total > 0)) return;
    out.push(...stack(L, k, p, total, colors));
  });
  return out;
}

/**
 * The emphasised share of partly emphasised links, split by category: where
 * `emphasisBands` draws one sub-band of the emphasised items along a band's top edge, this
 * divides that sub-band among the categories of the emphasised items (from `E.mask`), so
 * a highlighted path keeps its colours. Links narrower than {@link MIN_SPLIT_WIDTH}, fully
 * or not emphasised, or whose emphasised items share one category are left to the
 * one-colour sub-band (`null` in their slot means "not split").
 */
export function splitEmphasis(
  L: SankeyLayout,
  E: Emphasis,
  cats: ItemCategories,
  full: number,
): Map<number, SplitBand[]> {
  const out = new Map<number, SplitBand[]>();
  const mask = E.mask;
  if (!mask) return out;
  const C = cats.colors.length;
  const count = new Float64Array(C);
  L.links.forEach((l, k) => {
    const f = E.links[l.index];
    if (!(f > 0) || f >= full || l.width < MIN_SPLIT_WIDTH) return;
    const codes = codesFor(cats, L.nodes[l.t].node.stage);
    if (!codes) return;
    count.fill(0);
    const ix = l.link.indices;
    for (let q = 0; q < ix.length; q++) {
      const i = ix[q];
      if (!mask[i]) continue;
      const c = codes[i];
      if (c >= 0 && c < C) count[c]++;
    }
    let present = 0;
    for (let c = 0; c < C; c++) if (count[c] > 0) present++;
    if (present < 2) return;
    const parts: number[] = [];
    for (let c = 0; c < C; c++) if (count[c] > 0) parts.push(c, count[c]);
    const bands = stack(L, k, parts, ix.length, cats.colors);
    out.set(k, bands);
  });
  return out;
}
