import { css } from 'lit';

/** Styles of `cl-metrics-treemap`. */
export const treemapStyles = css`
  :host {
    --cl-treemap-cell-stroke: var(--cl-color-bg);
    --cl-treemap-label-size: calc(var(--cl-font-size) * 0.95);
    height: 420px;
    min-height: 180px;
  }
  .frame {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  .breadcrumb-row {
    flex: 0 0 auto;
  }
  .breadcrumb-row.is-empty {
    visibility: hidden;
  }
  .chart > .state {
    position: absolute;
    inset: 0;
  }
  .breadcrumb {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px 6px;
    margin: 0 0 6px;
    padding: 0;
    list-style: none;
    font-size: calc(var(--cl-font-size) * 0.95);
    color: var(--cl-color-muted);
  }
  .breadcrumb li {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .breadcrumb li + li::before {
    content: '›';
    color: var(--cl-color-muted);
  }
  .breadcrumb button {
    font: inherit;
    color: var(--cl-color-accent);
    background: none;
    border: 0;
    padding: 1px 2px;
    border-radius: 3px;
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .breadcrumb button:focus-visible {
    outline: 2px solid var(--cl-color-focus);
    outline-offset: 1px;
  }
  .breadcrumb [aria-current] {
    color: var(--cl-color-fg);
    font-weight: 600;
  }
  .breadcrumb .hint {
    color: var(--cl-color-muted);
    font-weight: normal;
  }
  .chart {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    width: 100%;
    outline: none;
    border-radius: 4px;
  }
  .chart:focus-visible {
    box-shadow: 0 0 0 2px var(--cl-color-focus);
  }
  svg.treemap {
    position: absolute;
    inset: 0;
    display: block;
    width: 100%;
    height: 100%;
    user-select: none;
  }
  .cell {
    stroke: var(--cl-treemap-cell-stroke);
    stroke-width: 0.5;
    cursor: pointer;
    transition: fill-opacity 120ms;
  }
  .cell.is-dim {
    fill-opacity: var(--cl-dim-opacity);
  }
  .share {
    pointer-events: none;
  }
  .group-header {
    cursor: zoom-in;
  }
  .inner {
    fill: none;
    stroke: var(--cl-color-bg);
    stroke-width: 1;
    pointer-events: none;
  }
  .label {
    font-size: var(--cl-treemap-label-size);
    fill: var(--cl-color-fg);
    pointer-events: none;
    dominant-baseline: hanging;
  }
  .label.on-dark {
    fill: #ffffff;
  }
  .label.on-light {
    fill: #1f2328;
  }
  .label.header {
    font-weight: 600;
  }
  .label .count {
    font-weight: normal;
    fill-opacity: 0.85;
  }
  .label.is-dim {
    fill-opacity: 0.4;
  }
  .ring {
    fill: none;
    pointer-events: none;
    stroke: var(--cl-color-fg);
    stroke-width: 1.5;
  }
  .ring.is-selected {
    stroke-width: 2.5;
  }
  .focus-ring {
    fill: none;
    stroke: var(--cl-color-focus);
    stroke-width: 2;
    pointer-events: none;
  }
  .legends {
    flex: 0 0 auto;
    display: flex;
    flex-direction: column;
  }
`;
