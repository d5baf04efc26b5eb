// Shared fixtures of the cl-similarity-heatmap browser tests.
import '../../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import type { ClSimilarityHeatmap } from '../../packages/elements/src/similarity-heatmap/cl-similarity-heatmap.js';
import { fixture, html, nextFrame, shadowQuery } from '../harness/index.js';

/** A 6 × 6 correlation-like matrix with two blocks, {0, 2, 4} and {1, 3, 5}. */
export const BLOCKS = [
  [1, 0.1, 0.8, 0.0, 0.7, 0.1],
  [0.1, 1, 0.0, 0.9, 0.2, 0.6],
  [0.8, 0.0, 1, 0.1, 0.75, 0.0],
  [0.0, 0.9, 0.1, 1, 0.1, 0.65],
  [0.7, 0.2, 0.75, 0.1, 1, 0.2],
  [0.1, 0.6, 0.0, 0.65, 0.2, 1],
];
export const NAMES = ['cat', 'car', 'dog', 'bus', 'fox', 'van'];

/** A heatmap on the CPU raster (unless `props` says otherwise), settled. */
export async function heatmap(
  props: Partial<ClSimilarityHeatmap> = {},
  style = 'width: 640px; height: 560px',
): Promise<ClSimilarityHeatmap> {
  const el = await fixture<ClSimilarityHeatmap>(html`<cl-similarity-heatmap style=${style}></cl-similarity-heatmap>`);
  Object.assign(el, { renderer: 'canvas' }, props);
  await settle(el);
  return el;
}

export async function settle(el: ClSimilarityHeatmap) {
  await el.updateComplete;
  await nextFrame(2);
  await el.updateComplete;
}

export const plot = (el: Element) => shadowQuery<HTMLElement>(el, '[part~="plot"]');

/** The pixels drawn, from whichever renderer is active. */
export const snapshot = (el: ClSimilarityHeatmap) => (el as unknown as { gl: { snapshot(): ImageData } }).gl.snapshot();

/** RGB of the snapshot pixel at the centre of display cell (r, c) of an n × n view at zoom 1. */
export function pixelAt(el: ClSimilarityHeatmap, r: number, c: number, n: number): number[] {
  const img = snapshot(el);
  const x = Math.floor(((c + 0.5) * img.width) / n);
  const y = Math.floor(((r + 0.5) * img.height) / n);
  const p = (y * img.width + x) * 4;
  return [img.data[p], img.data[p + 1], img.data[p + 2]];
}
