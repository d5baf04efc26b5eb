import { css } from 'lit';

/** Styles of the Sankey elements (links, nodes, labels, leaders, note, legend, table). */
export const sankeyStyles = css`
  :host {
    --cl-sankey-link-opacity: 0.38;
    --cl-sankey-link-hover-opacity: 0.75;
    --cl-sankey-node-stroke: var(--cl-color-bg);
    --cl-sankey-label-halo: var(--cl-color-bg);
    height: 420px;
    min-height: 160px;
  }
  .frame {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  :host([theme='dark']) {
    --cl-sankey-link-opacity: 0.5;
    --cl-sankey-link-hover-opacity: 0.85;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --cl-sankey-link-opacity: 0.5;
      --cl-sankey-link-hover-opacity: 0.85;
    }
  }
  .chart {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    width: 100%;
    outline: none;
    border-radius: 4px;
  }
  .note {
    position: absolute;
    left: 2px;
    bottom: 0;
    pointer-events: none;
    padding: 0;
  }
  .chart:focus-visible {
    box-shadow: 0 0 0 2px var(--cl-color-focus);
  }
  svg.sankey {
    position: absolute;
    inset: 0;
    display: block;
    width: 100%;
    height: 100%;
    overflow: visible;
    user-select: none;
  }
  .link {
    fill: none;
    stroke-opacity: var(--cl-sankey-link-opacity);
    transition: stroke-opacity 120ms;
    cursor: pointer;
  }
  .link.is-active {
    stroke-opacity: var(--cl-sankey-link-hover-opacity);
  }
  .link.is-dim {
    stroke-opacity: calc(var(--cl-sankey-link-opacity) * var(--cl-dim-opacity) * 2);
  }
  /* A band split by item category: the band stays for pointer events, its coloured
     sub-bands (pointer-events: none) show instead. */
  .link.is-split,
  .link.is-split.is-active,
  .link.is-split.is-dim {
    stroke-opacity: 0;
  }
  .link-segment {
    fill: none;
    stroke-opacity: var(--cl-sankey-link-opacity);
    transition: stroke-opacity 120ms;
    pointer-events: none;
  }
  .link-segment.is-active {
    stroke-opacity: var(--cl-sankey-link-hover-opacity);
  }
  .link-segment.is-dim {
    stroke-opacity: calc(var(--cl-sankey-link-opacity) * var(--cl-dim-opacity) * 2);
  }
  /* Hairlines of one colour drawn as one path (many links at scale). */
  .link-bundle {
    transition: none;
  }
  .link-emphasis {
    fill: none;
    stroke-opacity: var(--cl-sankey-link-hover-opacity);
    pointer-events: none;
  }
  .node {
    stroke: var(--cl-sankey-node-stroke);
    stroke-width: 0.5;
    cursor: pointer;
  }
  .node.is-dim {
    fill-opacity: 0.35;
  }
  .node-emphasis {
    pointer-events: none;
  }
  .focus-ring {
    fill: none;
    stroke: var(--cl-color-focus);
    stroke-width: 2;
    pointer-events: none;
  }
  .leader {
    fill: none;
    stroke: var(--cl-color-muted);
    stroke-width: 1;
    stroke-opacity: 0.9;
    pointer-events: none;
  }
  .label {
    fill: var(--cl-color-fg);
    font-size: var(--cl-font-size);
    dominant-baseline: middle;
    paint-order: stroke;
    stroke: var(--cl-sankey-label-halo);
    stroke-width: 3px;
    stroke-linejoin: round;
    pointer-events: none;
  }
  .label .count {
    fill: var(--cl-color-muted);
  }
  .label.is-dim {
    fill-opacity: 0.45;
  }
  .stage-label {
    fill: var(--cl-color-muted);
    font-size: calc(var(--cl-font-size) * 0.95);
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }
`;
