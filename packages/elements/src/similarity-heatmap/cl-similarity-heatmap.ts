import { ClSimilarityHeatmap } from './similarity-heatmap.component.js';

export * from './similarity-heatmap.component.js';
export type { HeatmapScale } from './color-scale.js';
export type { ClusterAxes, HeatmapOrderMode } from './order.js';

ClSimilarityHeatmap.define('cl-similarity-heatmap');

declare global {
  interface HTMLElementTagNameMap {
    'cl-similarity-heatmap': ClSimilarityHeatmap;
  }
}
