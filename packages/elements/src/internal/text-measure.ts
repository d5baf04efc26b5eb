let ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

/**
 * The rendered width of `text` in CSS pixels for a CSS `font` (e.g. `12px system-ui`),
 * measured with a 2D canvas (cached); without one, 0.6 em per character. Label placement
 * needs real widths: glyphs such as ▲ and wide letters make estimates overlap.
 */
export function textWidth(text: string, font: string): number {
  const key = `${font}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (ctx === undefined) {
    ctx =
      typeof OffscreenCanvas === 'function'
        ? new OffscreenCanvas(1, 1).getContext('2d')
        : typeof document !== 'undefined'
          ? document.createElement('canvas').getContext('2d')
          : null;
  }
  let w: number;
  if (ctx) {
    ctx.font = font;
    w = ctx.measureText(text).width;
  } else {
    const size = parseFloat(font) || 12;
    w = Array.from(text).length * size * 0.6;
  }
  if (cache.size > 2048) cache.clear();
  cache.set(key, w);
  return w;
}
