import { css } from 'lit';

/** Styles of `cl-agreement-table`. */
export const tableStyles = css`
  :host {
    --cl-table-row-stripe: var(--cl-color-surface);
    --cl-table-highlight: color-mix(in srgb, var(--cl-color-accent) 14%, transparent);
    --cl-table-selected: color-mix(in srgb, var(--cl-color-accent) 26%, transparent);
    --cl-table-thumbnail-size: 24px;
    height: 480px;
    min-height: 200px;
  }
  .frame {
    display: flex;
    flex-direction: column;
    height: 100%;
    gap: 6px;
    container: cl-table / inline-size;
  }
  .heading {
    margin: 0;
  }

  /* ——— filter bar ——— */
  .filters {
    flex: 0 0 auto;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 14px;
    font-size: calc(var(--cl-font-size) * 0.95);
  }
  .filters select,
  .filters button,
  .truth-filter summary {
    font: inherit;
    color: var(--cl-color-fg);
    background: var(--cl-color-bg);
    border: 1px solid var(--cl-color-border);
    border-radius: 4px;
    padding: 2px 6px;
    min-height: 24px;
  }
  .filters button {
    cursor: pointer;
  }
  .filters select:focus-visible,
  .filters button:focus-visible,
  .truth-filter summary:focus-visible,
  .th .sort:focus-visible,
  .panel select:focus-visible {
    outline: 2px solid var(--cl-color-focus);
    outline-offset: 1px;
  }
  .control {
    display: inline-flex;
    align-items: center;
    gap: 5px;
  }
  .control__name {
    color: var(--cl-color-muted);
    font-weight: 600;
  }
  .chip {
    border-radius: 10px !important;
    background: var(--cl-color-surface) !important;
  }
  .clear[hidden] {
    display: none;
  }
  .count {
    margin-left: auto;
    color: var(--cl-color-muted);
    font-variant-numeric: tabular-nums;
  }
  .count strong {
    color: var(--cl-color-fg);
  }
  .count__hl {
    color: var(--cl-color-accent);
  }
  .truth-filter {
    position: relative;
  }
  .truth-filter summary {
    list-style: none;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .truth-filter summary::-webkit-details-marker {
    display: none;
  }
  .truth-filter summary::after {
    content: '▾';
    color: var(--cl-color-muted);
  }
  .menu {
    position: absolute;
    z-index: 20;
    top: calc(100% + 4px);
    left: 0;
    min-width: 180px;
    max-height: 280px;
    overflow: auto;
    padding: 6px;
    background: var(--cl-color-bg);
    border: 1px solid var(--cl-color-border);
    border-radius: 6px;
    box-shadow: 0 4px 14px rgba(0, 0, 0, 0.18);
  }
  .menu__actions {
    display: flex;
    gap: 6px;
    margin-bottom: 4px;
  }
  .menu__item {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 2px 2px;
    white-space: nowrap;
  }
  .menu__label {
    flex: 1 1 auto;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .menu__count {
    color: var(--cl-color-muted);
    font-variant-numeric: tabular-nums;
  }
  .swatch {
    flex: 0 0 auto;
  }

  /* ——— grid ——— */
  .body {
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    gap: 12px;
  }
  .body > .state {
    flex: 1 1 auto;
  }
  .grid {
    position: relative;
    flex: 1 1 auto;
    min-width: 0;
    overflow: auto;
    outline: none;
    border: 1px solid var(--cl-color-border);
    border-radius: 6px;
    overscroll-behavior: contain;
  }
  .grid:focus-visible {
    box-shadow: 0 0 0 2px var(--cl-color-focus);
  }
  .head,
  .row {
    display: grid;
    grid-template-columns: var(--cl-table-columns);
    min-width: var(--cl-table-min-width);
    width: 100%;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--cl-color-bg);
    border-bottom: 1px solid var(--cl-color-border);
  }
  .th {
    display: flex;
    align-items: flex-end;
    padding: 4px 6px;
    font-weight: 600;
    color: var(--cl-color-muted);
    white-space: nowrap;
  }
  .th.num {
    justify-content: flex-end;
  }
  .th .sort {
    all: unset;
    display: inline-flex;
    align-items: flex-end;
    gap: 3px;
    cursor: pointer;
    border-radius: 3px;
  }
  .th .sort:hover {
    color: var(--cl-color-fg);
  }
  .arrow {
    font-size: 0.8em;
    color: var(--cl-color-accent);
    min-width: 0.8em;
  }
  .model-names {
    display: inline-flex;
    padding-left: var(--cl-glyph-lead, 2px);
  }
  .model-name {
    writing-mode: vertical-rl;
    transform: rotate(180deg);
    max-height: 72px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
    text-align: start;
    width: var(--cl-glyph-pitch, 14px);
    line-height: var(--cl-glyph-pitch, 14px);
  }
  .spacer {
    position: relative;
    min-width: var(--cl-table-min-width);
  }
  .window {
    position: absolute;
    top: 0;
    left: 0;
    right: 0;
    will-change: transform;
  }
  .row {
    height: var(--cl-table-row-height);
    align-items: center;
    cursor: default;
    /* Fixed height, width from the window: each row lays out on its own. */
    contain: strict;
  }
  .row.is-odd {
    background: var(--cl-table-row-stripe);
  }
  .row.is-highlighted {
    background: var(--cl-table-highlight);
  }
  .row.is-selected {
    background: var(--cl-table-selected);
  }
  .row.is-hovered {
    box-shadow: inset 3px 0 0 var(--cl-color-muted);
  }
  .row.is-focused {
    box-shadow: inset 0 0 0 2px var(--cl-color-focus);
  }
  .td {
    padding: 0 6px;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    min-width: 0;
    unicode-bidi: isolate;
  }
  .td.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .td.muted {
    color: var(--cl-color-muted);
  }
  .td.all-wrong {
    color: var(--cl-color-error);
    font-weight: 600;
  }
  .glyph-cell {
    display: flex;
    align-items: center;
    overflow: visible;
  }
  .glyph {
    display: block;
    flex: 0 0 auto;
  }
  .thumb {
    display: block;
    width: var(--cl-table-thumbnail-size);
    height: var(--cl-table-thumbnail-size);
    image-rendering: pixelated;
    border-radius: 2px;
    outline: 1px solid var(--cl-color-border);
  }
  .no-rows {
    position: absolute;
    top: 60px;
    left: 0;
    right: 0;
    text-align: center;
    color: var(--cl-color-muted);
  }

  /* ——— panels ——— */
  .panels {
    flex: 0 0 262px;
    display: flex;
    flex-direction: column;
    gap: 12px;
    overflow: auto;
  }
  .panel {
    border: 1px solid var(--cl-color-border);
    border-radius: 6px;
    padding: 8px;
  }
  .panel__title {
    font-size: var(--cl-font-size);
    font-weight: 600;
    margin: 0 0 6px;
  }
  .panel select {
    font: inherit;
    color: var(--cl-color-fg);
    background: var(--cl-color-bg);
    border: 1px solid var(--cl-color-border);
    border-radius: 4px;
  }
  .panel__empty,
  .panel__key {
    margin: 4px 0 0;
    color: var(--cl-color-muted);
    font-size: calc(var(--cl-font-size) * 0.9);
  }
  .words {
    border-collapse: collapse;
    width: 100%;
  }
  .words th,
  .words td {
    padding: 1px 4px 1px 0;
    font-weight: normal;
    text-align: left;
  }
  .words__word {
    max-width: 90px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .words__count {
    text-align: right !important;
    color: var(--cl-color-muted);
    font-variant-numeric: tabular-nums;
  }
  .words__in,
  .hist__in {
    fill: var(--cl-color-accent);
    fill-opacity: 0.7;
  }
  .words__all {
    fill: var(--cl-color-fg);
  }
  .hist__out {
    fill: none;
    stroke: var(--cl-color-fg);
    stroke-width: 1.25;
  }
  .hist__axis {
    stroke: var(--cl-color-border);
  }
  .hist__tick {
    fill: var(--cl-color-muted);
    font-size: 10px;
  }
  .legend-row {
    flex: 0 0 auto;
  }
  .glyph-key {
    margin: 4px 2px 0;
    color: var(--cl-color-muted);
    font-size: calc(var(--cl-font-size) * 0.92);
  }
  /* Narrow tables keep the width for the rows: the panels go below, side by side. */
  @container cl-table (max-width: 900px) {
    .body {
      flex-direction: column;
    }
    .grid {
      flex: 1 1 0;
      min-height: 120px;
    }
    .panels {
      flex: 0 0 auto;
      max-height: 45%;
      flex-direction: row;
      flex-wrap: wrap;
      align-items: flex-start;
      overflow: auto;
    }
    .panel {
      flex: 1 1 240px;
    }
  }
`;
