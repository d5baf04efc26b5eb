import { css } from 'lit';

/** Error/empty states and the tooltip, shared by every element. */
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
`;
