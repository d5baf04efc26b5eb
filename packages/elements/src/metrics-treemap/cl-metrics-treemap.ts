import { ClMetricsTreemap } from './metrics-treemap.component.js';

export * from './metrics-treemap.component.js';

ClMetricsTreemap.define('cl-metrics-treemap');

declare global {
  interface HTMLElementTagNameMap {
    'cl-metrics-treemap': ClMetricsTreemap;
  }
}
