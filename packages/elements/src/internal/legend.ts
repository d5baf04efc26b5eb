import { html, nothing, svg, type TemplateResult } from 'lit';
import { formatCount } from './format.js';

/** One entry of a colour legend. */
export interface LegendItem {
  /** What the colour means, shown as text. */
  label: string;
  /** A concrete CSS colour. */
  color: string;
  /** Optional count shown after the label (e.g. classes of this trend kind). */
  count?: number;
  /** Drawn as an outline instead of a filled swatch (e.g. "Other", "no data"). */
  hollow?: boolean;
}

/**
 * A categorical colour legend (`part="legend"`): a titled list of swatches. Swatches are
 * SVG rectangles with a `fill` attribute, not inline styles, so a strict
 * Content-Security-Policy (`style-src 'self'`) allows them; labels are text, never HTML.
 */
export function renderLegend(items: readonly LegendItem[], title?: string): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`<div class="legend" part="legend" role="list" aria-label=${title ? `Legend: ${title}` : 'Legend'}>
    ${title ? html`<span class="legend__title">${title}</span>` : nothing}
    ${items.map(
      (d) =>
        html`<span class="legend__item" role="listitem"
          ><svg class="legend__swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
            ${
              d.hollow
                ? svg`<rect x="1" y="1" width="10" height="10" rx="2" fill="none" stroke=${d.color} stroke-width="2"></rect>`
                : svg`<rect x="0" y="0" width="12" height="12" rx="2" fill=${d.color}></rect>`
            }</svg
          ><span class="legend__label">${d.label}</span>${
            d.count !== undefined ? html`<span class="legend__count">${formatCount(d.count)}</span>` : nothing
          }</span
        >`,
    )}
  </div>`;
}
