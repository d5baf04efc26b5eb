/** A colour as four bytes, `[r, g, b, a]` in 0–255. */
export type Rgba = readonly [number, number, number, number];

/**
 * Data coordinates → CSS pixels of the plot: `X = sx·x + tx`, `Y = sy·y + ty`.
 * Pan and zoom change only this; layers keep their data in data coordinates.
 */
export interface Transform {
  readonly sx: number;
  readonly sy: number;
  readonly tx: number;
  readonly ty: number;
}

/** An axis-aligned rectangle `[x0, x1) × [y0, y1)` (data coordinates unless said otherwise). */
export interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** What an element asks for: `auto` decides per page and context (see `chooseRenderer`). */
export type RendererChoice = 'auto' | 'webgl' | 'canvas';

/** What draws: WebGL through regl, or the CPU raster (canvas 2D `putImageData`). */
export type ActiveRenderer = 'webgl' | 'canvas';

/**
 * Why the CPU raster draws instead of WebGL:
 * - `requested`: `renderer="canvas"`;
 * - `unavailable`: the browser has no WebGL (or refused a context);
 * - `csp`: a Content-Security-Policy forbids `unsafe-eval` (regl compiles with `Function`);
 * - `context-lost`: the context was lost and has not been restored (yet);
 * - `context-limit`: the page already holds the most live contexts classlens uses;
 * - `software`: the GL is a software rasteriser (SwiftShader, llvmpipe), where the CPU
 *   raster is faster (`auto` only);
 * - `too-large`: the data does not fit the GL's textures.
 */
export type FallbackReason =
  'requested' | 'unavailable' | 'csp' | 'context-lost' | 'context-limit' | 'software' | 'too-large';
