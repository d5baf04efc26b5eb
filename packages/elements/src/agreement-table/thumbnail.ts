import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { parseHex } from '../internal/color/oklab.js';

/**
 * Draws a small grey-level image (e.g. an 8×8 digit, row-major) into the `<canvas>` it is
 * bound to, one canvas pixel per image pixel (CSS scales it up, pixelated). Values run
 * from 0 (background colour) to `max` (foreground colour). Draws only when the pixels or
 * colours change, so a recycled table row redraws just its own thumbnail. Canvas drawing
 * needs neither style attributes nor `data:` URLs, so a strict CSP allows it.
 *
 * Use as an element binding: `<canvas ${thumbnail(pixels, 8, 16, fg, bg)}>`.
 */
class ThumbnailDirective extends Directive {
  private last: unknown = null;
  private lastKey = '';

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('thumbnail() must be used as an element binding');
  }

  render(_pixels: ArrayLike<number> | null | undefined, _width: number, _max: number, _fg: string, _bg: string) {
    return nothing;
  }

  override update(
    part: ElementPart,
    [pixels, width, max, fg, bg]: [ArrayLike<number> | null | undefined, number, number, string, string],
  ) {
    const key = `${width}|${max}|${fg}|${bg}`;
    if (pixels === this.last && key === this.lastKey) return nothing;
    this.last = pixels;
    this.lastKey = key;
    drawThumbnail(part.element as HTMLCanvasElement, pixels, width, max, fg, bg);
    return nothing;
  }
}

export const thumbnail = directive(ThumbnailDirective);

/** Draws `pixels` into `canvas` (see {@link thumbnail}); clears it for no pixels. */
export function drawThumbnail(
  canvas: HTMLCanvasElement,
  pixels: ArrayLike<number> | null | undefined,
  width: number,
  max: number,
  fg: string,
  bg: string,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  if (pixels == null || typeof pixels.length !== 'number' || pixels.length === 0 || !(width >= 1)) {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    return;
  }
  const w = Math.floor(width);
  const h = Math.ceil(pixels.length / w);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const img = ctx.createImageData(w, h);
  const f = parseHex(fg) ?? [31, 35, 40];
  const b = parseHex(bg) ?? [255, 255, 255];
  const scale = max > 0 ? 1 / max : 0;
  for (let p = 0; p < w * h; p++) {
    const v = p < pixels.length ? Number(pixels[p]) : 0;
    const t = Number.isFinite(v) ? Math.min(1, Math.max(0, v * scale)) : 0;
    img.data[4 * p] = b[0] + (f[0] - b[0]) * t;
    img.data[4 * p + 1] = b[1] + (f[1] - b[1]) * t;
    img.data[4 * p + 2] = b[2] + (f[2] - b[2]) * t;
    img.data[4 * p + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}
