import createREGL from 'regl';
import type { Regl, Texture2D, Buffer, DrawCommand } from 'regl';
import { cellFrame, type AxisRanges } from '../cell-ranges.js';
import type { FrameSize, Renderer } from '../frame.js';
import type { CellLayer, GlLayer, GlScene, LineLayer, PointLayer } from '../layers.js';
import { cellGeometry } from '../raster/cells.js';
import { CELLS_FRAG, FULLSCREEN_VERT, LINES_FRAG, LINES_VERT, POINTS_FRAG, POINTS_VERT } from './shaders.js';

/** Thrown when a layer cannot be drawn by this GL (e.g. cells beyond its texture size). */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
}

interface CellRes {
  kind: 'cells';
  tex: Texture2D;
  lut: Texture2D;
  cols: Texture2D;
  rows: Texture2D;
  version: number;
  lutVersion: number;
  level: string;
  size: [number, number];
  tileRows: number;
  tileWidth: number;
}
interface PointRes {
  kind: 'points';
  pos: Buffer;
  color: Buffer;
  version: number;
  colorVersion: number;
}
interface LineRes {
  kind: 'lines';
  seg: Buffer;
  color: Buffer;
  version: number;
  colorVersion: number;
}
type Res = CellRes | PointRes | LineRes;

const CORNERS = [0, -1, 1, -1, 1, 1, 0, -1, 1, 1, 0, 1];

/**
 * The WebGL path, through regl: three draw commands compiled once per context (cells,
 * points, line segments); per layer one set of buffers/textures, updated in place when
 * the layer's version changes and freed when the layer leaves the scene. Throws from the
 * constructor when regl cannot compile (a CSP without `unsafe-eval`) or a required
 * extension is missing; the controller then falls back to the CPU raster.
 */
export class WebglRenderer implements Renderer {
  readonly kind = 'webgl' as const;
  private regl: Regl;
  private readonly res = new Map<GlLayer, Res>();
  private readonly drawCells: DrawCommand;
  private readonly drawPoints: DrawCommand;
  private readonly drawLines: DrawCommand;
  private readonly maxTexture: number;
  private readonly corners: Buffer;

  constructor(private readonly gl: WebGLRenderingContext) {
    this.regl = createREGL({ gl, extensions: ['ANGLE_instanced_arrays'] });
    const regl = this.regl;
    this.maxTexture = regl.limits.maxTextureSize;
    this.corners = regl.buffer(CORNERS);
    const prop = <T>(name: string) => regl.prop<Record<string, T>, string>(name);
    this.drawCells = regl({
      vert: FULLSCREEN_VERT,
      frag: CELLS_FRAG,
      attributes: { position: [-1, -1, 3, -1, -1, 3] },
      uniforms: {
        cells: prop('cells'),
        colRange: prop('colRange'),
        rowRange: prop('rowRange'),
        lut: prop('lut'),
        cellsSize: prop('cellsSize'),
        tileRows: prop('tileRows'),
        tileWidth: prop('tileWidth'),
        view: prop('view'),
      },
      depth: { enable: false },
      count: 3,
    });
    const blend = {
      enable: true,
      func: { srcRGB: 'src alpha', dstRGB: 'one minus src alpha', srcAlpha: 'one', dstAlpha: 'one minus src alpha' },
    } as const;
    this.drawPoints = regl({
      vert: POINTS_VERT,
      frag: POINTS_FRAG,
      attributes: { position: prop('position'), color: prop('color') },
      uniforms: { transform: prop('transform'), view: prop('view'), size: prop('size'), circle: prop('circle') },
      primitive: 'points',
      count: prop('count'),
      depth: { enable: false },
      blend,
    });
    this.drawLines = regl({
      vert: LINES_VERT,
      frag: LINES_FRAG,
      attributes: {
        corner: { buffer: this.corners, divisor: 0 },
        a: { buffer: prop('seg'), offset: 0, stride: 16, divisor: 1 },
        b: { buffer: prop('seg'), offset: 8, stride: 16, divisor: 1 },
        color: prop('color'),
      },
      uniforms: { transform: prop('transform'), view: prop('view'), width: prop('width') },
      count: 6,
      instances: prop('instances'),
      depth: { enable: false },
      blend,
    });
    // Compile now (regl compiles lazily): a CSP without 'unsafe-eval' throws here, not mid-frame.
    this.compileAll();
  }

  private compileAll(): void {
    // Draw nothing with each command once, so its code is generated while we can still fall back.
    const empty = this.regl.texture({ width: 1, height: 1 });
    try {
      this.drawCells({
        cells: empty,
        colRange: empty,
        rowRange: empty,
        lut: empty,
        cellsSize: [1, 1],
        tileRows: 1,
        tileWidth: 1,
        view: [1, 1],
      });
      const buf = this.regl.buffer({ data: new Float32Array(4) });
      const col = this.regl.buffer({ data: new Uint8Array(4) });
      const transform = [1, 0, 1, 0];
      this.drawPoints({
        position: buf,
        color: { buffer: col, normalized: true },
        transform,
        view: [1, 1],
        size: 1,
        circle: 0,
        count: 0,
      });
      this.drawLines({
        seg: buf,
        color: { buffer: col, normalized: true, divisor: 1 },
        transform,
        view: [1, 1],
        width: 1,
        instances: 0,
      });
      buf.destroy();
      col.destroy();
    } finally {
      empty.destroy();
    }
  }

  private cellRes(layer: CellLayer, levelKey: string, data: Uint8Array, rows: number, cols: number): CellRes {
    let r = this.res.get(layer) as CellRes | undefined;
    if (!r) {
      const t = () => this.regl.texture({ width: 1, height: 1, min: 'nearest', mag: 'nearest', wrap: 'clamp' });
      r = {
        kind: 'cells',
        tex: t(),
        lut: t(),
        cols: t(),
        rows: t(),
        version: -1,
        lutVersion: -1,
        level: '',
        size: [1, 1],
        tileRows: 1,
        tileWidth: 1,
      };
      this.res.set(layer, r);
    }
    if (r.version !== layer.version || r.level !== levelKey) {
      const M = this.maxTexture;
      const tileWidth = Math.max(1, Math.ceil(cols / 4));
      const tileRows = Math.max(1, Math.min(rows, M));
      const tiles = Math.max(1, Math.ceil(rows / tileRows));
      const width = tiles * tileWidth;
      if (width > M) throw new TooLargeError(`${rows} × ${cols} cells do not fit a ${M}-texel texture`);
      let bytes: Uint8Array;
      if (tiles === 1 && cols % 4 === 0 && data.length === rows * cols) bytes = data;
      else {
        bytes = new Uint8Array(width * 4 * tileRows);
        for (let i = 0; i < rows; i++) {
          const tile = Math.floor(i / tileRows);
          const o = ((i - tile * tileRows) * width + tile * tileWidth) * 4;
          bytes.set(data.subarray(i * cols, (i + 1) * cols), o);
        }
      }
      r.tex({
        width,
        height: tileRows,
        data: bytes,
        format: 'rgba',
        type: 'uint8',
        min: 'nearest',
        mag: 'nearest',
        wrap: 'clamp',
      });
      r.size = [width, tileRows];
      r.tileRows = tileRows;
      r.tileWidth = tileWidth;
      r.version = layer.version;
      r.level = levelKey;
    }
    if (r.lutVersion !== layer.lutVersion) {
      r.lut({ width: 256, height: 1, data: layer.lut, format: 'rgba', min: 'nearest', mag: 'nearest', wrap: 'clamp' });
      r.lutVersion = layer.lutVersion;
    }
    return r;
  }

  private static rangeBytes(a: AxisRanges): Uint8Array {
    const n = a.start.length;
    const out = new Uint8Array(n * 4);
    for (let k = 0; k < n; k++) {
      const s = a.start[k];
      out[4 * k] = s >> 8;
      out[4 * k + 1] = s & 255;
      out[4 * k + 2] = a.count[k];
      out[4 * k + 3] = 255;
    }
    return out;
  }

  private cells(layer: CellLayer, scene: GlScene, size: FrameSize): void {
    if (layer.rows === 0 || layer.cols === 0) return;
    const g = cellGeometry(layer, scene.transform, size.ratio);
    const f = cellFrame(layer, g.originX, g.originY, g.pxX, g.pxY, size.width, size.height);
    if (f.x.cells > 65535 || f.y.cells > 65535) throw new TooLargeError(`${layer.rows} × ${layer.cols} cells`);
    const r = this.cellRes(layer, `${f.x.level},${f.y.level}`, f.data, f.y.cells, f.x.cells);
    const opts = { format: 'rgba', min: 'nearest', mag: 'nearest', wrap: 'clamp' } as const;
    r.cols({ width: size.width, height: 1, data: WebglRenderer.rangeBytes(f.x), ...opts });
    r.rows({ width: size.height, height: 1, data: WebglRenderer.rangeBytes(f.y), ...opts });
    this.drawCells({
      cells: r.tex,
      colRange: r.cols,
      rowRange: r.rows,
      lut: r.lut,
      cellsSize: r.size,
      tileRows: r.tileRows,
      tileWidth: r.tileWidth,
      view: [size.width, size.height],
    });
  }

  private transform(scene: GlScene, size: FrameSize): number[] {
    const t = scene.transform;
    const k = size.ratio;
    return [k * t.sx, k * t.tx, k * t.sy, k * t.ty];
  }

  private colorAttr(buffer: Buffer, colors: Uint8Array | null, fallback: readonly number[], divisor: number) {
    return colors ? { buffer, normalized: true, divisor } : { constant: fallback.map((c) => c / 255) };
  }

  private points(layer: PointLayer, scene: GlScene, size: FrameSize): void {
    if (layer.count === 0) return;
    let r = this.res.get(layer) as PointRes | undefined;
    if (!r) {
      r = {
        kind: 'points',
        pos: this.regl.buffer({ type: 'float' }),
        color: this.regl.buffer({ type: 'uint8' }),
        version: -1,
        colorVersion: -1,
      };
      this.res.set(layer, r);
    }
    if (r.version !== layer.version) {
      r.pos({ data: layer.positions.subarray(0, layer.count * 2), type: 'float', usage: 'dynamic' });
      r.version = layer.version;
    }
    if (r.colorVersion !== layer.colorVersion) {
      if (layer.colors) r.color({ data: layer.colors, type: 'uint8', usage: 'dynamic' });
      r.colorVersion = layer.colorVersion;
    }
    this.drawPoints({
      position: r.pos,
      color: this.colorAttr(r.color, layer.colors, layer.color, 0),
      transform: this.transform(scene, size),
      view: [size.width, size.height],
      size: Math.max(1, layer.size * size.ratio),
      circle: layer.shape === 'circle' ? 1 : 0,
      count: layer.count,
    });
  }

  private lines(layer: LineLayer, scene: GlScene, size: FrameSize): void {
    const n = layer.segments.length >> 2;
    if (n === 0) return;
    let r = this.res.get(layer) as LineRes | undefined;
    if (!r) {
      r = {
        kind: 'lines',
        seg: this.regl.buffer({ type: 'float' }),
        color: this.regl.buffer({ type: 'uint8' }),
        version: -1,
        colorVersion: -1,
      };
      this.res.set(layer, r);
    }
    if (r.version !== layer.version) {
      r.seg({ data: layer.segments, type: 'float', usage: 'dynamic' });
      r.version = layer.version;
      r.colorVersion = -1;
    }
    if (r.colorVersion !== layer.colorVersion) {
      if (layer.colors) {
        // One colour per segment, from its polyline's.
        const c = new Uint8Array(n * 4);
        const src = layer.colors;
        const line = layer.segmentLine;
        for (let k = 0; k < n; k++) {
          const l = 4 * line[k];
          c[4 * k] = src[l];
          c[4 * k + 1] = src[l + 1];
          c[4 * k + 2] = src[l + 2];
          c[4 * k + 3] = src[l + 3];
        }
        r.color({ data: c, type: 'uint8', usage: 'dynamic' });
      }
      r.colorVersion = layer.colorVersion;
    }
    this.drawLines({
      seg: r.seg,
      color: this.colorAttr(r.color, layer.colors, layer.color, 1),
      transform: this.transform(scene, size),
      view: [size.width, size.height],
      width: Math.max(1, layer.width * size.ratio),
      instances: n,
    });
  }

  draw(scene: GlScene, size: FrameSize): void {
    const regl = this.regl;
    regl.poll();
    const bg = scene.background;
    regl.clear({ color: [bg[0] / 255, bg[1] / 255, bg[2] / 255, 1], depth: 1 });
    const live = new Set<GlLayer>(scene.layers);
    for (const [layer, r] of this.res) {
      if (!live.has(layer)) {
        this.free(r);
        this.res.delete(layer);
      }
    }
    for (const layer of scene.layers) {
      if (layer.kind === 'cells') this.cells(layer, scene, size);
      else if (layer.kind === 'points') this.points(layer, scene, size);
      else this.lines(layer, scene, size);
    }
  }

  snapshot(scene: GlScene, size: FrameSize): ImageData {
    this.draw(scene, size);
    const { width: W, height: H } = size;
    if (W === 0 || H === 0) return new ImageData(1, 1);
    // Read in the same task as the draw (the buffer is not preserved past compositing);
    // regl.read() insists on preserveDrawingBuffer, so read through GL itself.
    const gl = this.gl;
    const px = new Uint8Array(W * H * 4);
    gl.pixelStorei(gl.PACK_ALIGNMENT, 1);
    gl.readPixels(0, 0, W, H, gl.RGBA, gl.UNSIGNED_BYTE, px);
    const out = new Uint8ClampedArray(W * H * 4);
    // GL rows run bottom-up.
    for (let Y = 0; Y < H; Y++) out.set(px.subarray((H - 1 - Y) * W * 4, (H - Y) * W * 4), Y * W * 4);
    return new ImageData(out, W, H);
  }

  /** Live GL objects held for layers (tests count them for leaks). */
  get resourceCount(): number {
    return this.res.size;
  }

  private free(r: Res): void {
    if (r.kind === 'cells') {
      r.tex.destroy();
      r.lut.destroy();
      r.cols.destroy();
      r.rows.destroy();
    } else if (r.kind === 'points') {
      r.pos.destroy();
      r.color.destroy();
    } else {
      r.seg.destroy();
      r.color.destroy();
    }
  }

  destroy(): void {
    this.res.clear();
    // regl frees every buffer, texture and program it made (on a lost context: a no-op).
    try {
      this.regl.destroy();
    } catch {
      /* the context is already gone */
    }
  }
}
