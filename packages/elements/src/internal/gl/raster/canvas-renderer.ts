import { packRgba } from '../color.js';
import type { FrameSize, Renderer } from '../frame.js';
import type { CellLayer, GlScene } from '../layers.js';
import { CellRaster } from './cells.js';
import { fillCells, cellGeometry } from './cells.js';
import { cellFrame } from '../cell-ranges.js';
import { DEFAULT_SUBPIXEL_BITS, rasterLines } from './marks.js';
import { PointRaster, pointGeometry, rasterPointLayer } from './points.js';

/**
 * The CPU raster path: every layer is rasterised into one RGBA frame in JavaScript and
 * put on a 2D canvas with `putImageData`. On software GL (SwiftShader) this is several
 * times faster than WebGL, needs no code generation (works under a strict CSP) and no
 * GL context (works past the browser's context limit).
 *
 * The bottom layer is cached, so a pan re-blits it and computes only the new strips: cells
 * (see `cells.ts`), or points (see `points.ts`; with 10^6 points a pan costs one pass of
 * arithmetic over them instead of a full raster).
 */
export class CanvasRenderer implements Renderer {
  readonly kind = 'canvas' as const;
  private ctx: CanvasRenderingContext2D | null;
  private readonly cellCache = new CellRaster();
  private readonly pointCache = new PointRaster();
  private readonly luts = new WeakMap<CellLayer, { version: number; lut32: Uint32Array }>();
  private frame: Uint32Array = new Uint32Array(0);

  /**
   * @param subpixelBits the GL's sub-pixel precision, so points and lines snap as they
   *   would in WebGL (default 8, or what the page's GL reports).
   */
  constructor(
    canvas: HTMLCanvasElement,
    private readonly subpixelBits = DEFAULT_SUBPIXEL_BITS,
  ) {
    this.ctx = canvas.getContext('2d', { alpha: false });
  }

  /** Pixels the last frame computed from cells (a pan computes only the strips it reveals). */
  get lastCellPixels(): number {
    return this.cellCache.lastComputed;
  }

  /** Pixels the last frame computed from its bottom point layer (a pan: only the strips it reveals). */
  get lastPointPixels(): number {
    return this.pointCache.lastComputed;
  }

  /** Points of the bottom layer the last frame looked at (a prepared pan: those near its strips). */
  get lastPointsVisited(): number {
    return this.pointCache.lastVisited;
  }

  private lut32(layer: CellLayer): Uint32Array {
    const hit = this.luts.get(layer);
    if (hit && hit.version === layer.lutVersion) return hit.lut32;
    const lut32 = new Uint32Array(256);
    const l = layer.lut;
    for (let b = 0; b < 256; b++) lut32[b] = packRgba([l[4 * b], l[4 * b + 1], l[4 * b + 2], 255]);
    this.luts.set(layer, { version: layer.lutVersion, lut32 });
    return lut32;
  }

  private compose(scene: GlScene, size: FrameSize): Uint32Array {
    const { width: W, height: H, ratio } = size;
    const n = W * H;
    const bg = packRgba([scene.background[0], scene.background[1], scene.background[2], 255]);
    // Empty layers draw nothing: the bottom image is then the frame itself.
    const layers = scene.layers.filter((l) =>
      l.kind === 'points' ? l.count > 0 : l.kind === 'cells' || l.segments.length > 0,
    );
    let out: Uint32Array;
    let from = 0;
    const base = layers[0];
    if (base && base.kind === 'cells') {
      this.pointCache.reset();
      const cells = this.cellCache.draw(base, scene.transform, ratio, W, H, bg, this.lut32(base));
      if (layers.length === 1) return cells;
      if (this.frame.length !== n) this.frame = new Uint32Array(n);
      out = this.frame;
      out.set(cells);
      from = 1;
    } else if (base && base.kind === 'points') {
      this.cellCache.reset();
      const pts = this.pointCache.draw(base, scene.transform, ratio, W, H, bg, this.subpixelBits);
      if (layers.length === 1) return pts;
      if (this.frame.length !== n) this.frame = new Uint32Array(n);
      out = this.frame;
      out.set(pts);
      from = 1;
    } else {
      this.cellCache.reset();
      this.pointCache.reset();
      if (this.frame.length !== n) this.frame = new Uint32Array(n);
      out = this.frame;
      out.fill(bg);
    }
    for (let k = from; k < layers.length; k++) {
      const layer = layers[k];
      if (layer.kind === 'cells') {
        const g = cellGeometry(layer, scene.transform, ratio);
        const f = cellFrame(layer, g.originX, g.originY, g.pxX, g.pxY, W, H);
        fillCells(out, W, f, this.lut32(layer), null, 0, W, 0, H);
      } else if (layer.kind === 'points') {
        rasterPointLayer(out, W, H, layer, pointGeometry(layer, scene.transform, ratio, this.subpixelBits));
      } else rasterLines(out, W, H, layer, scene.transform, ratio, this.subpixelBits);
    }
    return out;
  }

  draw(scene: GlScene, size: FrameSize): void {
    if (!this.ctx || size.width === 0 || size.height === 0) return;
    const px = this.compose(scene, size);
    this.ctx.putImageData(
      new ImageData(
        new Uint8ClampedArray(px.buffer as ArrayBuffer, px.byteOffset, px.length * 4),
        size.width,
        size.height,
      ),
      0,
      0,
    );
  }

  snapshot(scene: GlScene, size: FrameSize): ImageData {
    if (size.width === 0 || size.height === 0) return new ImageData(1, 1);
    const px = this.compose(scene, size);
    return new ImageData(new Uint8ClampedArray(px.slice().buffer), size.width, size.height);
  }

  /** Idle-time work for the next frame: the point grid a pan uses (see `PointRaster.prepare`). */
  prepare(minPoints?: number): void {
    this.pointCache.prepare(minPoints);
  }

  destroy(): void {
    this.ctx = null;
    this.cellCache.reset();
    this.pointCache.reset();
    this.frame = new Uint32Array(0);
  }
}
