import { css } from 'lit';

/** Error/empty states, heading, note, legend, progress, tooltip and data table, shared by every element. */
export const stateStyles = css`
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 4px;
    min-height: 120px;
    height: 100%;
    padding: 16px;
    text-align: center;
    color: var(--cl-color-muted);
    border: 1px dashed var(--cl-color-border);
    border-radius: 6px;
  }
  .state--error {
    color: var(--cl-color-error);
    border-color: var(--cl-color-error);
  }
  .state__message {
    color: var(--cl-color-fg);
    overflow-wrap: anywhere;
  }
  .state__code {
    font-size: 0.9em;
    color: var(--cl-color-muted);
  }
  .tooltip {
    position: absolute;
    z-index: 10;
    pointer-events: none;
    max-width: 280px;
    padding: 6px 8px;
    border-radius: 4px;
    background: var(--cl-tooltip-bg);
    color: var(--cl-tooltip-fg);
    font-size: 12px;
    line-height: 1.35;
    box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2);
  }
  .tooltip__title {
    font-weight: 600;
    margin-bottom: 2px;
    overflow-wrap: anywhere;
  }
  .tooltip table {
    border-collapse: collapse;
  }
  .tooltip th {
    text-align: left;
    font-weight: normal;
    opacity: 0.8;
    padding-right: 10px;
  }
  .tooltip td {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .data-table table {
    border-collapse: collapse;
    font-size: 12px;
    margin-top: 8px;
  }
  .data-table th,
  .data-table td {
    border: 1px solid var(--cl-color-border);
    padding: 2px 6px;
    text-align: left;
  }
  .data-table td.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .data-table:not(.is-shown) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
  }
  .tables.is-shown {
    flex: 0 0 auto;
    max-height: 42%;
    overflow: auto;
    border-top: 1px solid var(--cl-color-border);
  }
  .data-table caption {
    text-align: left;
    font-weight: 600;
    padding: 2px 0;
  }
  .heading {
    flex: 0 0 auto;
    font-weight: 600;
    font-size: calc(var(--cl-font-size) * 1.2);
    margin: 0 0 6px;
    overflow-wrap: anywhere;
  }
  .note {
    flex: 0 0 auto;
    color: var(--cl-color-muted);
    font-size: calc(var(--cl-font-size) * 0.92);
    padding: 4px 2px 0;
  }
  .legend {
    flex: 0 0 auto;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
    padding: 6px 2px 0;
    font-size: calc(var(--cl-font-size) * 0.95);
  }
  .legend__title {
    color: var(--cl-color-muted);
    font-weight: 600;
  }
  .legend__item {
    display: inline-flex;
    align-items: center;
    gap: 5px;
  }
  .legend__count {
    color: var(--cl-color-muted);
    font-variant-numeric: tabular-nums;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: 8px;
    color: var(--cl-color-muted);
    font-size: calc(var(--cl-font-size) * 0.92);
  }
  .progress__bar {
    width: 160px;
    height: 6px;
    accent-color: var(--cl-color-accent);
  }
`;
