import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

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

/** What one glyph shows. */
export interface GlyphSpec {
  truth: string;
  predictions: readonly string[];
  right: readonly boolean[];
  size: GlyphSize;
  /** Outline of the squares (the background colour). */
  outline: string;
  /** Colour of the cut corner of a wrong square (the foreground colour). */
  cut: string;
}

/**
 * DeepCompare's agreement glyph (Murugesan et al. 2019, Figs. 1c and 3, the final design):
 * a rounded rectangle in the colour of the true class, with one inlaid square per model in
 * the colour of the class it predicted. A model that is right has a square of the
 * rectangle's own colour — only its thin outline shows — so wrong models stand out as
 * differently coloured squares, and a row of right answers reads as a plain bar. Wrong
 * squares also get a small corner cut in the foreground colour, so right/wrong does not
 * rest on telling two class colours apart.
 *
 * Drawn on the `<canvas>` the directive is bound to, and only when what it shows changes:
 * a table re-renders its rows on every scroll step, and a canvas costs the browser no
 * layout, where an SVG per row did (about half of a frame). Sized through the CSSOM, at the
 * device pixel ratio; no style attribute, so a strict CSP allows it.
 *
 * Use as an element binding: `<canvas ${glyph(spec)}>`.
 */
class GlyphDirective extends Directive {
  private last = '';

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('glyph() must be used as an element binding');
  }

  render(_spec: GlyphSpec) {
    return nothing;
  }

  override update(part: ElementPart, [spec]: [GlyphSpec]) {
    const s = spec.size;
    const key = `${spec.truth}|${spec.predictions.join()}|${spec.right.join()}|${s.square},${s.gap},${s.pad},${s.height}|${spec.outline}|${spec.cut}|${globalThis.devicePixelRatio ?? 1}`;
    if (key === this.last) return nothing;
    this.last = key;
    drawGlyph(part.element as HTMLCanvasElement, spec);
    return nothing;
  }
}

export const glyph = directive(GlyphDirective);

/** Draws a glyph into `canvas` (see {@link glyph}). */
export function drawGlyph(canvas: HTMLCanvasElement, spec: GlyphSpec): void {
  const s = spec.size;
  const k = spec.predictions.length;
  const w = glyphWidth(k, s);
  const h = s.height;
  const dpr = Math.max(1, Math.min(4, globalThis.devicePixelRatio || 1));
  const W = Math.round(w * dpr);
  const H = Math.round(h * dpr);
  if (canvas.width !== W) canvas.width = W;
  if (canvas.height !== H) canvas.height = H;
  canvas.style.setProperty('width', `${w}px`);
  canvas.style.setProperty('height', `${h}px`);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = spec.truth;
  roundRect(ctx, 0.5, 0.5, w - 1, h - 1, 4);
  ctx.fill();
  const y = (h - s.square) / 2;
  ctx.lineWidth = 1.25;
  ctx.strokeStyle = spec.outline;
  for (let j = 0; j < k; j++) {
    const x = s.pad + j * (s.square + s.gap);
    ctx.fillStyle = spec.predictions[j];
    roundRect(ctx, x, y, s.square, s.square, 1.5);
    ctx.fill();
    ctx.stroke();
    if (!spec.right[j]) {
      ctx.fillStyle = spec.cut;
      ctx.beginPath();
      ctx.moveTo(x + s.square - 4, y);
      ctx.lineTo(x + s.square, y);
      ctx.lineTo(x + s.square, y + 4);
      ctx.closePath();
      ctx.fill();
    }
  }
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  if (typeof ctx.roundRect === 'function') ctx.roundRect(x, y, w, h, r);
  else ctx.rect(x, y, w, h);
}
