import { svg, type SVGTemplateResult } from 'lit';

/** Sizes of the agreement glyph. */
export interface GlyphSize {
  /** Side of a model's square (px). */
  square: number;
  /** Gap between squares (px). */
  gap: number;
  /** Padding inside the rounded rectangle (px). */
  pad: number;
  /** Height of the glyph (px). */
  height: number;
}

/** Glyph sizes for `k` models in a row of `rowHeight` px: squares shrink a little past four models. */
export function glyphSize(k: number, rowHeight: number): GlyphSize {
  const height = Math.max(12, Math.min(22, rowHeight - 8));
  const square = Math.max(6, Math.min(k > 4 ? 9 : 11, height - 8));
  return { square, gap: k > 4 ? 2 : 3, pad: 4, height };
}

/** Width of a glyph for `k` models. */
export function glyphWidth(k: number, s: GlyphSize): number {
  return 2 * s.pad + k * s.square + Math.max(0, k - 1) * s.gap;
}

/**
 * DeepCompare's agreement glyph (Murugesan et al. 2019, Figs. 1c and 3, the final design):
 * a rounded rectangle in the colour of the true class, with one inlaid square per model in
 * the colour of the class it predicted. A model that is right has a square of the
 * rectangle's own colour — only its thin outline shows — so wrong models stand out as
 * differently coloured squares, and a row of right answers reads as a plain bar. Wrong
 * squares also get a small corner cut in the foreground colour, so right/wrong does not
 * rest on telling two class colours apart.
 */
export function renderGlyph(
  truthColor: string,
  predColors: readonly string[],
  right: readonly boolean[],
  s: GlyphSize,
): SVGTemplateResult {
  const k = predColors.length;
  const w = glyphWidth(k, s);
  const y = (s.height - s.square) / 2;
  return svg`<svg class="glyph" part="glyph" width=${w} height=${s.height} viewBox="0 0 ${w} ${s.height}" aria-hidden="true">
    <rect class="glyph__bg" x="0.5" y="0.5" width=${w - 1} height=${s.height - 1} rx="4" fill=${truthColor}></rect>
    ${predColors.map((c, j) => {
      const x = s.pad + j * (s.square + s.gap);
      return svg`<rect class="glyph__square ${right[j] ? 'is-right' : 'is-wrong'}" x=${x} y=${y} width=${s.square} height=${s.square} rx="1.5" fill=${c}></rect>${
        right[j] ? '' : svg`<path class="glyph__cut" d="M${x + s.square - 4} ${y}h4v4z"></path>`
      }`;
    })}
  </svg>`;
}
