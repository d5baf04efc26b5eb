import { css, unsafeCSS } from 'lit';
import { OTHER_COLOR, PALETTE, PALETTE_DARK_OVERRIDES } from '../color/palette.js';

// Constants of ours, not data: safe to inline.
const paletteTokens = unsafeCSS(PALETTE.map((c, i) => `--cl-palette-${i}: ${c};`).join('\n'));
const darkPaletteTokens = unsafeCSS(
  Object.entries(PALETTE_DARK_OVERRIDES)
    .map(([i, c]) => `--cl-palette-${i}: ${c};`)
    .join('\n'),
);

/** Token values of the dark theme, used by `theme="dark"` and by `theme="auto"` on a dark OS. */
const darkTokens = css`
  --cl-color-fg: #e6edf3;
  --cl-color-muted: #9198a1;
  --cl-color-bg: #0d1117;
  --cl-color-surface: #151b23;
  --cl-color-border: #3d444d;
  --cl-color-accent: #4493f8;
  --cl-color-focus: #4493f8;
  --cl-color-error: #f85149;
  --cl-color-other: #6e7681;
  --cl-tooltip-bg: rgba(240, 246, 252, 0.95);
  --cl-tooltip-fg: #0d1117;
  ${darkPaletteTokens}
`;

/**
 * Theme tokens shared by every classlens element. Each is a CSS custom property with a
 * default on `:host`; pages override them on the element or any ancestor. Light by
 * default; dark with `theme="dark"`, or follow the OS with `theme="auto"`.
 */
export const themeStyles = css`
  :host {
    --cl-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --cl-font-size: 12px;
    --cl-color-fg: #1f2328;
    --cl-color-muted: #59636e;
    --cl-color-bg: #ffffff;
    --cl-color-surface: #f6f8fa;
    --cl-color-border: #d1d9e0;
    --cl-color-accent: #0969da;
    --cl-color-focus: #0969da;
    --cl-color-error: #d1242f;
    --cl-color-other: ${unsafeCSS(OTHER_COLOR)};
    --cl-dim-opacity: 0.15;
    --cl-tooltip-bg: rgba(31, 35, 40, 0.94);
    --cl-tooltip-fg: #ffffff;
    /* Categorical palette: 20 colours, none grey (see internal/color/palette.ts). */
    ${paletteTokens}

    display: block;
    position: relative;
    box-sizing: border-box;
    font-family: var(--cl-font-family);
    font-size: var(--cl-font-size);
    color: var(--cl-color-fg);
    background: var(--cl-color-bg);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
`;
