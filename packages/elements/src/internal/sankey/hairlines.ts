import type { SankeyLayout } from './layout.js';

/**
 * Hairline bundles: at scale most links of a Sankey are thinner than a pixel (10^6 items
 * over 700 px make one item 0.0007 px wide, and 100 classes give up to 10^4 links per pair
 * of columns), and every one of them is drawn 1 px wide anyway. One SVG element per link
 * then costs more than everything else together (measured: 20,000 link elements took
 * ~0.8 s of DOM work in the first frame). Hairlines of one colour look the same whether
 * they are one element or many, so they are drawn as one path per colour, and the link
 * under the pointer is found by arithmetic ({@link pickHairline}) instead of by the DOM.
 * Links at least {@link HAIRLINE_WIDTH} wide stay separate elements.
 */

/** Links narrower than this (px) are hairlines: drawn 1 px wide, bundled when there are many links. */
export const HAIRLINE_WIDTH = 1;
/** Bundle hairlines only from this many links on: small charts keep one element per link. */
export const BUNDLE_MIN_LINKS = 1500;

/** One colour's hairlines, drawn as a single path. */
export interface HairlineBundle {
  color: string;
  /** Indices into the layout's links. */
  links: number[];
  /** The links' centre lines, one subpath each. */
  d: string;
}

/**
 * Splits a layout's links into those drawn on their own (indices into `L.links`) and
 * bundles of hairlines by colour. Below `minLinks` links nothing is bundled.
 */
export function bundleHairlines(
  L: SankeyLayout,
  colorOf: (layoutLink: number) => string,
  minLinks = BUNDLE_MIN_LINKS,
): { single: number[]; bundles: HairlineBundle[] } {
  const single: number[] = [];
  if (L.links.length < minLinks) {
    for (let k = 0; k < L.links.length; k++) single.push(k);
    return { single, bundles: [] };
  }
  const byColor = new Map<string, number[]>();
  L.links.forEach((l, k) => {
    if (l.width >= HAIRLINE_WIDTH) {
      single.push(k);
      return;
    }
    const c = colorOf(k);
    let a = byColor.get(c);
    if (!a) byColor.set(c, (a = []));
    a.push(k);
  });
  const bundles: HairlineBundle[] = [];
  for (const [color, links] of byColor) bundles.push({ color, links, d: links.map((k) => L.links[k].path).join('') });
  return { single, bundles };
}

/**
 * The y of a link's centre line at `x`. The line is the horizontal cubic of `bandPath`
 * (control points at the middle x), so x(t) = xa + (xb − xa)(1.5t − 1.5t² + t³) is
 * monotonic in t and y(t) = ya + (yb − ya)(3t² − 2t³); t is found by bisection.
 * `null` outside [xa, xb].
 */
export function curveY(xa: number, ya: number, xb: number, yb: number, x: number): number | null {
  if (x < xa || x > xb || xb <= xa) return null;
  const u = (x - xa) / (xb - xa);
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 30; it++) {
    const t = (lo + hi) / 2;
    if (1.5 * t - 1.5 * t * t + t * t * t < u) lo = t;
    else hi = t;
  }
  const t = (lo + hi) / 2;
  return ya + (yb - ya) * (3 * t * t - 2 * t * t * t);
}

/**
 * The link among `links` (indices into `L.links`) whose centre line passes nearest to
 * (x, y), within `tolerance` px; `null` when none does. O(links).
 */
export function pickHairline(
  L: SankeyLayout,
  links: readonly number[],
  x: number,
  y: number,
  tolerance = 4,
): number | null {
  let best: number | null = null;
  let bestD = tolerance;
  for (const k of links) {
    const l = L.links[k];
    const cy = curveY(L.nodes[l.s].x1, l.y0, L.nodes[l.t].x0, l.y1, x);
    if (cy === null) continue;
    const d = Math.abs(cy - y);
    if (d <= bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}
