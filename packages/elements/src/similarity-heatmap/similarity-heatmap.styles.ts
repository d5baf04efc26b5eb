import { css } from 'lit';

export const similarityHeatmapStyles = css`
  :host {
    --cl-heatmap-low: #f4f7fb;
    --cl-heatmap-high: #08306b;
    --cl-heatmap-negative: #2166ac;
    --cl-heatmap-neutral: #f7f7f7;
    --cl-heatmap-positive: #b2182b;
    --cl-heatmap-nan: #c9ced6;
    --cl-heatmap-group-stroke: var(--cl-color-fg);
    --cl-heatmap-selection: var(--cl-color-accent);
    --cl-heatmap-star: #d1242f;
    --cl-heatmap-dendrogram: var(--cl-color-muted);
    --cl-heatmap-collapsed: var(--cl-color-fg);
    height: 560px;
  }
  :host([theme='dark']) {
    --cl-heatmap-low: #0f1520;
    --cl-heatmap-high: #cfe6ff;
    --cl-heatmap-negative: #4f8fd6;
    --cl-heatmap-neutral: #1a2029;
    --cl-heatmap-positive: #f0735e;
    --cl-heatmap-nan: #3a414b;
    --cl-heatmap-star: #ff7b72;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --cl-heatmap-low: #0f1520;
      --cl-heatmap-high: #cfe6ff;
      --cl-heatmap-negative: #4f8fd6;
      --cl-heatmap-neutral: #1a2029;
      --cl-heatmap-positive: #f0735e;
      --cl-heatmap-nan: #3a414b;
      --cl-heatmap-star: #ff7b72;
    }
  }
  .frame {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: 0;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: 30px;
    flex: none;
  }
  .heading {
    font-weight: 600;
    font-size: 1.1em;
    margin: 0;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .main {
    position: relative;
    flex: none;
    min-height: 0;
    overflow: hidden;
  }
  .main > * {
    position: absolute;
  }
  .plot {
    outline: none;
    touch-action: none;
    cursor: grab;
    background: var(--cl-color-bg);
  }
  .plot.is-panning {
    cursor: grabbing;
  }
  .plot.is-brushing,
  :host([brush]) .plot {
    cursor: crosshair;
  }
  .plot:focus-visible {
    box-shadow: 0 0 0 2px var(--cl-color-focus);
  }
  .gl-canvas {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    display: block;
    image-rendering: pixelated;
  }
  .overlay {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
    overflow: visible;
  }
  .dim {
    fill: var(--cl-color-bg);
    fill-opacity: 0.55;
  }
  .group-box {
    fill: none;
    stroke: var(--cl-heatmap-group-stroke);
    stroke-opacity: 0.7;
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }
  .selection,
  .brush {
    fill: var(--cl-heatmap-selection);
    fill-opacity: 0.08;
    stroke: var(--cl-heatmap-selection);
    stroke-width: 2;
  }
  .brush {
    stroke-dasharray: 4 3;
  }
  .cursor {
    fill: none;
    stroke: var(--cl-color-focus);
    stroke-width: 2;
  }
  .hover-ring {
    fill: none;
    stroke: var(--cl-color-fg);
    stroke-width: 1.5;
  }
  .dendrogram {
    overflow: hidden;
  }
  .dendrogram path.tree {
    fill: none;
    stroke: var(--cl-heatmap-dendrogram);
    stroke-width: 1;
  }
  .dendrogram .tree-hit {
    fill: transparent;
    cursor: pointer;
  }
  .dendrogram .tree-collapsed {
    fill: var(--cl-heatmap-collapsed);
    fill-opacity: 0.75;
  }
  .collapsed-band {
    fill: none;
    stroke: var(--cl-heatmap-collapsed);
    stroke-opacity: 0.6;
    stroke-width: 1;
    shape-rendering: crispEdges;
  }
  .dendrogram .tree-selected {
    fill: none;
    stroke: var(--cl-heatmap-selection);
    stroke-width: 2;
  }
  .bars rect {
    shape-rendering: crispEdges;
  }
  .bars .bar-title,
  .labels text,
  .col-labels text {
    fill: var(--cl-color-fg);
    font-size: 11px;
  }
  .labels text.is-dim,
  .col-labels text.is-dim {
    fill-opacity: 0.35;
  }
  .labels .span-label {
    fill: var(--cl-color-muted);
  }
  .labels .span-tick {
    stroke: var(--cl-color-muted);
    fill: none;
  }
  .labels .band-label,
  .col-labels .band-label {
    font-weight: 600;
  }
  .labels .band-tick {
    stroke: var(--cl-heatmap-collapsed);
    stroke-width: 2;
  }
  .labels .star {
    fill: var(--cl-heatmap-star);
  }
  .axis-note {
    fill: var(--cl-color-muted);
    font-size: 11px;
  }
  .toolbar {
    display: flex;
    gap: 4px;
    margin-left: auto;
  }
  .toolbar button {
    font: inherit;
    font-size: 12px;
    min-width: 26px;
    height: 24px;
    padding: 0 6px;
    border: 1px solid var(--cl-color-border);
    border-radius: 4px;
    background: var(--cl-color-surface);
    color: var(--cl-color-fg);
    cursor: pointer;
  }
  .toolbar button[aria-pressed='true'] {
    border-color: var(--cl-color-accent);
    color: var(--cl-color-accent);
  }
  .toolbar button:focus-visible {
    outline: 2px solid var(--cl-color-focus);
  }
  .heat-legend {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 6px 18px;
    padding-top: 6px;
    font-size: 12px;
    color: var(--cl-color-fg);
  }
  .heat-legend__scale text {
    fill: var(--cl-color-muted);
    font-size: 10px;
  }
  .heat-legend__title {
    fill: var(--cl-color-fg);
    font-size: 11px;
  }
  .heat-legend__hist rect {
    fill: var(--cl-color-muted);
  }
  .heat-legend__hist rect.is-faded {
    fill-opacity: 0.3;
  }
  .heat-legend__cutoff-line {
    stroke: var(--cl-color-fg);
    stroke-dasharray: 2 2;
  }
  .heat-legend label {
    display: flex;
    align-items: center;
    gap: 6px;
    color: var(--cl-color-muted);
  }
  .heat-legend input[type='range'] {
    width: 140px;
    accent-color: var(--cl-color-accent);
  }
  .heat-legend__note {
    color: var(--cl-color-muted);
    max-width: 520px;
  }
  .heat-legend__groups {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 10px;
    max-width: 520px;
    color: var(--cl-color-fg);
  }
  .heat-legend__group {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .heat-legend__nan {
    display: flex;
    align-items: center;
    gap: 4px;
    color: var(--cl-color-muted);
  }
  .heat-legend__nan rect {
    fill: var(--cl-heatmap-nan);
    stroke: var(--cl-color-border);
  }
  .progress {
    position: absolute;
    left: 50%;
    top: 40%;
    transform: translate(-50%, -50%);
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 4px;
    padding: 10px 14px;
    border-radius: 6px;
    background: var(--cl-color-surface);
    border: 1px solid var(--cl-color-border);
    z-index: 5;
  }
  .progress__text {
    color: var(--cl-color-muted);
  }
`;
