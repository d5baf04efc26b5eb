import { ClTrendGrid } from './trend-grid.component.js';

export * from './trend-grid.component.js';
export type { TrendSort } from './grid.js';

ClTrendGrid.define('cl-trend-grid');

declare global {
  interface HTMLElementTagNameMap {
    'cl-trend-grid': ClTrendGrid;
  }
}
