import { css } from 'lit';

/** Styles of `cl-sequence-detail`. */
export const sequenceDetailStyles = css`
  :host {
    --cl-seq-jump-color: var(--cl-color-accent);
    --cl-seq-bar-color: var(--cl-color-muted);
    --cl-seq-threshold-color: var(--cl-color-error);
    --cl-seq-table-height: 260px;
    min-height: 120px;
  }
  .frame {
    display: flex;
    flex-direction: column;
    min-height: 100%;
  }
  .columns {
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .frame--wide .columns {
    flex-direction: row;
    align-items: flex-start;
    gap: 20px;
  }
  .frame--wide .overview {
    flex: 0 0 auto;
    width: min(380px, 36%);
  }
  .detail {
    flex: 1 1 auto;
    min-width: 0;
  }
  .overview {
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
  }
  .summary {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
  }
  .summary strong {
    font-variant-numeric: tabular-nums;
  }
  .class-bars {
    max-height: 300px;
    overflow-y: auto;
  }
  .class-bars svg,
  .heatmap,
  .distances {
    display: block;
    overflow: visible;
    user-select: none;
  }
  .row-label,
  .count,
  .tick,
  .caption,
  .threshold__value {
    fill: var(--cl-color-fg);
    font-size: calc(var(--cl-font-size) * 0.92);
  }
  .tick,
  .caption,
  .count {
    fill: var(--cl-color-muted);
  }
  .truth-bar,
  .pred-bar {
    cursor: pointer;
  }
  .pred-bar.is-right {
    opacity: 0.55;
  }
  .truth-bar:focus-visible {
    outline: none;
    stroke: var(--cl-color-focus);
    stroke-width: 2;
  }
  .class-row.is-active .row-label {
    font-weight: 600;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
  }
  .filters label {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    color: var(--cl-color-muted);
  }
  .filters select {
    font: inherit;
    color: var(--cl-color-fg);
    background: var(--cl-color-bg);
    border: 1px solid var(--cl-color-border);
    border-radius: 4px;
    padding: 1px 2px;
    max-width: 140px;
  }
  .filters__count {
    color: var(--cl-color-muted);
    font-variant-numeric: tabular-nums;
  }
  .table-wrap {
    max-height: var(--cl-seq-table-height);
    overflow: auto;
    border: 1px solid var(--cl-color-border);
    border-radius: 4px;
  }
  table.sequences {
    width: 100%;
    border-collapse: collapse;
    font-size: calc(var(--cl-font-size) * 0.95);
  }
  table.sequences th,
  table.sequences td {
    padding: 2px 6px;
    text-align: left;
    white-space: nowrap;
    border-bottom: 1px solid var(--cl-color-border);
  }
  table.sequences thead th {
    position: sticky;
    top: 0;
    background: var(--cl-color-surface);
    color: var(--cl-color-muted);
    font-weight: 600;
    z-index: 1;
  }
  table.sequences .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  table.sequences td.text {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: 0;
    width: 100%;
    color: var(--cl-color-muted);
  }
  table.sequences tbody tr {
    cursor: pointer;
  }
  table.sequences tbody tr:hover {
    background: var(--cl-color-surface);
  }
  table.sequences tr.is-selected {
    background: color-mix(in srgb, var(--cl-color-accent) 14%, transparent);
  }
  table.sequences tr.is-dimmed {
    opacity: 0.45;
  }
  table.sequences tr.is-touched th {
    box-shadow: inset 3px 0 0 var(--cl-color-accent);
  }
  .swatch {
    vertical-align: -1px;
    margin-right: 4px;
  }
  .wrong-mark {
    color: var(--cl-color-error);
    margin-left: 4px;
  }
  button.pick {
    font: inherit;
    color: var(--cl-color-fg);
    background: none;
    border: none;
    padding: 0;
    cursor: pointer;
    text-align: left;
  }
  button.pick:focus-visible {
    outline: 2px solid var(--cl-color-focus);
    outline-offset: 1px;
    border-radius: 2px;
  }
  .sequence-title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
    margin-bottom: 6px;
  }
  .tag {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .tag--wrong {
    color: var(--cl-color-error);
  }
  .muted {
    color: var(--cl-color-muted);
  }
  .placeholder {
    color: var(--cl-color-muted);
    border: 1px dashed var(--cl-color-border);
    border-radius: 6px;
    padding: 24px 16px;
    text-align: center;
    margin: 0;
  }
  .chart {
    outline: none;
    border-radius: 4px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .chart:focus-visible {
    box-shadow: 0 0 0 2px var(--cl-color-focus);
  }
  .words {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 3px;
    line-height: 1.3;
    padding: 2px;
  }
  .words--lines {
    flex-direction: column;
    align-items: flex-start;
    gap: 1px;
  }
  .words--lines .word {
    flex-direction: row;
    align-items: center;
    gap: 6px;
  }
  .words--lines .word__marks {
    order: 2;
    min-width: 3em;
  }
  .words--mono .word__text {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    white-space: pre;
    letter-spacing: 0.05em;
  }
  .word {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    cursor: pointer;
    transition: opacity 120ms;
  }
  .word__marks {
    height: 1.05em;
    font-size: 0.8em;
    line-height: 1.05em;
    white-space: nowrap;
  }
  .word__text {
    display: inline-block;
    padding: 1px 4px;
    border-radius: 3px;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    box-shadow: inset 0 0 0 1px transparent;
  }
  .word__text.is-jump {
    font-weight: 700;
    box-shadow: inset 0 -2px 0 var(--cl-seq-jump-color);
  }
  .word.is-emphasised .word__text {
    box-shadow: 0 0 0 2px var(--cl-color-fg);
  }
  .word.is-ring .word__text {
    box-shadow: 0 0 0 2px var(--cl-color-focus);
  }
  .is-dimmed {
    opacity: var(--cl-dim-opacity);
  }
  .glyph--jump {
    color: var(--cl-seq-jump-color);
  }
  .glyph--confidence {
    color: var(--cl-color-fg);
  }
  .glyph + .glyph {
    margin-left: 1px;
  }
  .column {
    fill: transparent;
    cursor: pointer;
  }
  .column.is-emphasised {
    fill: none;
    stroke: var(--cl-color-fg);
    stroke-width: 1.5;
  }
  .column.is-ring {
    fill: none;
    stroke: var(--cl-color-focus);
    stroke-width: 2;
  }
  .columns .column.is-dimmed {
    opacity: 1;
    fill: var(--cl-color-bg);
    fill-opacity: 0.7;
  }
  .row-swatch {
    pointer-events: none;
  }
  .axis {
    stroke: var(--cl-color-border);
  }
  .bar,
  .hist-bar {
    fill: var(--cl-seq-bar-color);
    pointer-events: none;
  }
  .bar {
    opacity: 0.75;
  }
  .bar--jump {
    fill: var(--cl-seq-jump-color);
    opacity: 1;
  }
  .hist-bar {
    pointer-events: auto;
  }
  .start {
    fill: none;
    stroke: var(--cl-color-muted);
    pointer-events: none;
  }
  .threshold {
    cursor: ns-resize;
    outline: none;
    touch-action: none;
  }
  .threshold__hit {
    fill: transparent;
  }
  .threshold__line {
    stroke: var(--cl-seq-threshold-color);
    stroke-width: 1.5;
    stroke-dasharray: 5 3;
  }
  .threshold__knob {
    fill: var(--cl-seq-threshold-color);
  }
  .threshold__value {
    fill: var(--cl-color-bg);
    font-size: calc(var(--cl-font-size) * 0.8);
    font-weight: 600;
    pointer-events: none;
  }
  .threshold:focus-visible .threshold__knob {
    stroke: var(--cl-color-focus);
    stroke-width: 2;
  }
  .all {
    display: flex;
    flex-direction: column;
    gap: 3px;
    max-height: 560px;
    overflow: auto;
  }
  .all__row {
    display: flex;
    align-items: baseline;
    gap: 8px;
  }
  .all__row.is-right button.all__id,
  .all__row.is-right .all__kinds {
    color: var(--cl-color-muted);
  }
  .all__row.is-selected button.all__id {
    font-weight: 700;
  }
  .all button.all__id {
    flex: 0 0 8em;
    border-left: 4px solid transparent;
    padding-left: 4px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .all__words {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 4px;
    align-items: baseline;
  }
  .all__word {
    padding: 0 4px;
    border-radius: 3px;
  }
  .all__kinds {
    font-size: 0.75em;
    margin-right: 2px;
  }
  .all__gap,
  .all__none {
    color: var(--cl-color-muted);
  }
  .legend__ramp {
    vertical-align: -2px;
  }
  .legend .glyph {
    margin-right: 2px;
  }
`;
