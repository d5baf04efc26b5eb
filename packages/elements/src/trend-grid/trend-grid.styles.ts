import { css, unsafeCSS } from 'lit';
import { DEFAULT_TREND_COLORS, TREND_COLOR_KEYS, trendColorProperty } from './trend-colors.js';

// Constants of ours, not data: safe to inline.
const trendTokens = unsafeCSS(
  TREND_COLOR_KEYS.map((k) => `${trendColorProperty(k)}: ${DEFAULT_TREND_COLORS[k]};`).join('\n'),
);

/** Styles of `cl-trend-grid`. */
export const trendGridStyles = css`
  :host {
    ${trendTokens}
    --cl-trend-cell-bg: var(--cl-color-bg);
    --cl-trend-cell-border: var(--cl-color-border);
    --cl-trend-line-width: 2px;
    height: 480px;
    min-height: 160px;
  }
  .frame {
    position: relative;
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  .subtitle {
    color: var(--cl-color-muted);
    font-size: calc(var(--cl-font-size) * 0.95);
    margin: 0 0 6px;
  }
  .chart {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    outline: none;
    border-radius: 4px;
  }
  .chart:focus-visible {
    box-shadow: 0 0 0 2px var(--cl-color-focus);
  }
  .scroller {
    position: absolute;
    inset: 0;
    overflow-y: auto;
    overflow-x: hidden;
    overscroll-behavior: contain;
  }
  svg.grid {
    display: block;
    user-select: none;
  }
  .cell-bg {
    fill: var(--cl-trend-cell-bg);
    stroke: var(--cl-trend-cell-border);
    stroke-width: 1;
    cursor: pointer;
  }
  .cell.is-hovered .cell-bg {
    stroke: var(--cl-color-muted);
  }
  .cell.is-selected .cell-bg {
    stroke: var(--cl-color-accent);
    stroke-width: 2;
  }
  .cell.is-dim {
    opacity: 0.3;
  }
  .cell text {
    pointer-events: none;
  }
  .cell-name {
    fill: var(--cl-color-fg);
    font-size: var(--cl-font-size);
    font-weight: 600;
  }
  .cell-support,
  .cell-axis {
    fill: var(--cl-color-muted);
    font-size: calc(var(--cl-font-size) * 0.85);
    font-variant-numeric: tabular-nums;
  }
  .cell-latest {
    font-size: calc(var(--cl-font-size) * 0.95);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .cell-net {
    fill: var(--cl-color-muted);
    font-size: calc(var(--cl-font-size) * 0.85);
    font-variant-numeric: tabular-nums;
  }
  .cell-guide {
    stroke: var(--cl-color-border);
    stroke-width: 1;
    stroke-dasharray: 2 3;
    pointer-events: none;
  }
  .cell-line {
    fill: none;
    stroke-width: var(--cl-trend-line-width);
    stroke-linejoin: round;
    stroke-linecap: round;
    pointer-events: none;
  }
  .cell-point {
    stroke: var(--cl-trend-cell-bg);
    stroke-width: 1;
    pointer-events: none;
  }
  .cell-highlight {
    fill: var(--cl-color-accent);
    pointer-events: none;
  }
  .focus-ring {
    fill: none;
    stroke: var(--cl-color-focus);
    stroke-width: 2;
    pointer-events: none;
  }
`;
