import { css } from 'lit';

/** Styles of `cl-trajectory-projection`. */
export const trajectoryProjectionStyles = css`
  :host {
    --cl-proj-right-opacity: 0.55;
    --cl-proj-fade-opacity: 0.35;
    --cl-proj-right-color: var(--cl-color-other);
    --cl-proj-wrong-color: var(--cl-color-error);
    --cl-proj-value-low: #d8dee4;
    --cl-proj-value-high: #c2410c;
    --cl-proj-label-halo: var(--cl-color-bg);
    height: 480px;
    min-height: 160px;
  }
  :host([theme='dark']) {
    --cl-proj-value-low: #3d444d;
    --cl-proj-value-high: #f0883e;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --cl-proj-value-low: #3d444d;
      --cl-proj-value-high: #f0883e;
    }
  }
  .frame {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  .plot {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    overflow: hidden;
    outline: none;
    border-radius: 4px;
    cursor: grab;
    touch-action: none;
    user-select: none;
  }
  .plot--lasso {
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
  }
  .overlay {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
    overflow: visible;
  }
  .label {
    fill: var(--cl-color-fg);
    font-size: var(--cl-font-size);
    paint-order: stroke;
    stroke: var(--cl-proj-label-halo);
    stroke-width: 3px;
    stroke-linejoin: round;
  }
  .lasso {
    fill: var(--cl-color-accent);
    fill-opacity: 0.08;
    stroke: var(--cl-color-accent);
    stroke-width: 1.5;
    stroke-dasharray: 4 3;
  }
  .progress-wrap {
    position: absolute;
    left: 8px;
    top: 6px;
    padding: 2px 8px;
    border-radius: 4px;
    background: var(--cl-color-bg);
    opacity: 0.92;
  }
  .legend__ramp {
    vertical-align: -2px;
  }
`;
