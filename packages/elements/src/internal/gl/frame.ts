import type { GlScene } from './layers.js';
import type { ActiveRenderer } from './types.js';

/** Largest canvas side in device pixels; the pixel ratio is lowered to stay under it. */
export const MAX_CANVAS_SIDE = 4096;

/** Device-pixel size of a frame. */
export interface FrameSize {
  /** Device pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel actually used. */
  ratio: number;
}

/** The device-pixel size a scene draws at. */
export function frameSize(scene: GlScene): FrameSize {
  const want =
    scene.pixelRatio ?? (typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1);
  const w = Math.max(0, scene.width);
  const h = Math.max(0, scene.height);
  const ratio = Math.max(0.25, Math.min(want, MAX_CANVAS_SIDE / Math.max(1, w), MAX_CANVAS_SIDE / Math.max(1, h)));
  return { width: Math.round(w * ratio), height: Math.round(h * ratio), ratio };
}

/** What draws a scene onto one canvas. Both implementations draw the same pixels. */
export interface Renderer {
  readonly kind: ActiveRenderer;
  /** Draws `scene` at `size` (the canvas is already that size). */
  draw(scene: GlScene, size: FrameSize): void;
  /** Draws `scene` and returns its pixels, top row first (export, pixel tests; never picking). */
  snapshot(scene: GlScene, size: FrameSize): ImageData;
  /** Optional idle-time work that makes the next frame (a pan) cheaper. */
  prepare?(): void;
  /** Frees everything the renderer holds. */
  destroy(): void;
}
