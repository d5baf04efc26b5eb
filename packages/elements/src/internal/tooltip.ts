import { html, nothing, type TemplateResult } from 'lit';
import { cssProps } from './css-props.js';

/** What a tooltip shows: a title and label/value rows. All text; never HTML. */
export interface TooltipContent {
  title: string;
  rows: [label: string, value: string][];
  note?: string;
}

/** Where to show it: a point in the host's coordinates, and the host's size for flipping. */
export interface TooltipPlacement {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Renders the shared tooltip next to a point, flipped to stay inside the host. Text is
 * bound as text, so labels such as `<img onerror=…>` are shown, never parsed.
 */
export function renderTooltip(
  content: TooltipContent | null,
  at: TooltipPlacement | null,
): TemplateResult | typeof nothing {
  if (!content || !at) return nothing;
  return html`<div
    class="tooltip"
    part="tooltip"
    role="tooltip"
    aria-label=${content.title}
    ${cssProps(tooltipPosition(at))}
  >
    <div class="tooltip__title">${content.title}</div>
    <table>
      ${content.rows.map(
        ([k, v]) =>
          html`<tr>
            <th scope="row">${k}</th>
            <td>${v}</td>
          </tr>`,
      )}
    </table>
    ${content.note ? html`<div class="tooltip__note">${content.note}</div>` : nothing}
  </div>`;
}

/** CSS position of the tooltip: beside the point, flipped to stay inside the host. */
export function tooltipPosition(at: TooltipPlacement): Record<string, string> {
  const right = at.x > at.width * 0.6;
  const below = at.y < at.height * 0.3;
  return {
    left: right ? 'auto' : `${Math.round(at.x + 12)}px`,
    right: right ? `${Math.round(at.width - at.x + 12)}px` : 'auto',
    top: below ? `${Math.round(at.y + 14)}px` : 'auto',
    bottom: below ? 'auto' : `${Math.round(at.height - at.y + 10)}px`,
  };
}

/**
 * Moves a rendered tooltip to follow the pointer without re-rendering the chart
 * (through the CSSOM, so a strict Content-Security-Policy allows it).
 */
export function moveTooltip(tooltip: HTMLElement | null, at: TooltipPlacement): void {
  if (!tooltip) return;
  for (const [k, v] of Object.entries(tooltipPosition(at))) tooltip.style.setProperty(k, v);
}
