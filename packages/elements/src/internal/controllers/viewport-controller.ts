import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A data rectangle. */
export interface ViewportContent {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Data coordinates → CSS pixels: `X = sx·x + tx`, `Y = sy·y + ty` (the GL layer's `Transform`). */
export interface ViewTransform {
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}

/** What the element tells the viewport. */
export interface ViewportDelegate {
  /** The data's bounding box, or `null` when there is nothing to show. */
  content(): ViewportContent | null;
  /** The plot's size in CSS pixels. */
  size(): { width: number; height: number };
  /** Whether a plain drag draws a lasso (else it pans; Shift+drag always lassos). */
  lassoMode(): boolean;
  /** The view changed (zoom, pan): redraw. */
  onView(): void;
  /** A click (a press and release that barely moved) at plot pixel `(X, Y)`. */
  onClick(X: number, Y: number, e: PointerEvent): void;
  /** A lasso was drawn: the polygon in data coordinates, interleaved. */
  onLasso(polygon: Float64Array): void;
  /** The lasso path changed while drawing (plot pixels, interleaved), or `null` when it ended. */
  onLassoPath(path: readonly number[] | null): void;
}

/** Most zoom, relative to the fitted view. */
export const MAX_ZOOM = 5000;
const CLICK_SLOP = 4;

/**
 * Zoom, pan and lasso over a 2-D plot with one uniform scale (a projection has no units
 * per axis, so x and y keep the same scale), data y pointing up. At rest (`zoom` 1) the
 * data's bounding box is centred in the plot, with `padding` pixels to spare.
 *
 * - wheel or pinch (`ctrlKey` wheel): zoom around the pointer; double-click: back to rest;
 * - drag: pan (or lasso, see {@link ViewportDelegate.lassoMode}); Shift+drag: lasso;
 * - keys (bind {@link onKeyDown}): `+`/`-` zoom, `0` rest, Shift+arrows pan.
 *
 * Pointer handlers are bound on the plot element; everything is removed with it.
 */
export class ViewportController implements ReactiveController {
  /** Zoom relative to the fitted view (≥ 1). */
  zoom = 1;
  /** The data point at the plot's centre, or `null` for the content's centre. */
  center: { x: number; y: number } | null = null;
  /** Pixels kept free around the data at rest. */
  padding = 14;

  private drag: {
    id: number;
    x: number;
    y: number;
    lasso: boolean;
    moved: boolean;
    path: number[];
    cx: number;
    cy: number;
  } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly delegate: ViewportDelegate,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.drag = null;
  }

  /** Back to rest: the whole data centred. */
  reset(): void {
    this.zoom = 1;
    this.center = null;
    this.delegate.onView();
  }

  /** The fitted scale (pixels per data unit) at zoom 1. */
  private fitScale(c: ViewportContent, width: number, height: number): number {
    const w = c.x1 - c.x0;
    const h = c.y1 - c.y0;
    const W = Math.max(1, width - 2 * this.padding);
    const H = Math.max(1, height - 2 * this.padding);
    const s = Math.min(w > 0 ? W / w : Infinity, h > 0 ? H / h : Infinity);
    return Number.isFinite(s) ? s : 1;
  }

  /** The current data → pixel transform (y up), or `null` without content. */
  transform(): ViewTransform | null {
    const c = this.delegate.content();
    if (!c) return null;
    const { width, height } = this.delegate.size();
    const s = this.fitScale(c, width, height) * this.zoom;
    const cx = this.center?.x ?? (c.x0 + c.x1) / 2;
    const cy = this.center?.y ?? (c.y0 + c.y1) / 2;
    return { sx: s, sy: -s, tx: width / 2 - cx * s, ty: height / 2 + cy * s };
  }

  /** Zooms by `k` around plot pixel `(X, Y)`, which stays put. */
  zoomBy(k: number, X: number, Y: number): void {
    const t = this.transform();
    if (!t) return;
    const next = Math.min(MAX_ZOOM, Math.max(1, this.zoom * k));
    if (next === this.zoom) return;
    const f = next / this.zoom;
    // The data point under (X, Y) stays there: centre moves toward it by (1 − 1/f).
    const { width, height } = this.delegate.size();
    const px = (X - t.tx) / t.sx;
    const py = (Y - t.ty) / t.sy;
    const cx = (width / 2 - t.tx) / t.sx;
    const cy = (height / 2 - t.ty) / t.sy;
    this.center = { x: px + (cx - px) / f, y: py + (cy - py) / f };
    this.zoom = next;
    if (this.zoom === 1) this.center = null;
    this.delegate.onView();
  }

  /** Moves the view by `(dX, dY)` plot pixels (content follows the pointer). */
  panBy(dX: number, dY: number): void {
    const t = this.transform();
    if (!t || (dX === 0 && dY === 0)) return;
    const { width, height } = this.delegate.size();
    this.center = { x: (width / 2 - dX - t.tx) / t.sx, y: (height / 2 - dY - t.ty) / t.sy };
    this.delegate.onView();
  }

  private local(e: { clientX: number; clientY: number }, el: Element): [number, number] {
    const r = el.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  readonly onWheel = {
    handleEvent: (e: WheelEvent): void => {
      const el = e.currentTarget as Element;
      const [X, Y] = this.local(e, el);
      // Pixel-mode wheels send ~100 per notch, line mode ~3.
      const d = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaY;
      const k = Math.exp(-d * (e.ctrlKey ? 0.01 : 0.002));
      if (!Number.isFinite(k) || k === 1) return;
      e.preventDefault();
      this.zoomBy(k, X, Y);
    },
    passive: false,
  };

  readonly onPointerDown = (e: PointerEvent): void => {
    if (e.button !== 0 || this.drag) return;
    const el = e.currentTarget as Element;
    const [X, Y] = this.local(e, el);
    const lasso = e.shiftKey || this.delegate.lassoMode();
    const t = this.transform();
    this.drag = {
      id: e.pointerId,
      x: X,
      y: Y,
      lasso,
      moved: false,
      path: [X, Y],
      cx: t ? (this.delegate.size().width / 2 - t.tx) / t.sx : 0,
      cy: t ? (this.delegate.size().height / 2 - t.ty) / t.sy : 0,
    };
    try {
      el.setPointerCapture(e.pointerId);
    } catch {
      // A synthetic pointer has nothing to capture.
    }
  };

  readonly onPointerMove = (e: PointerEvent): void => {
    const d = this.drag;
    if (!d || e.pointerId !== d.id) return;
    const [X, Y] = this.local(e, e.currentTarget as Element);
    if (!d.moved && Math.hypot(X - d.x, Y - d.y) < CLICK_SLOP) return;
    d.moved = true;
    if (d.lasso) {
      const n = d.path.length;
      if (Math.hypot(X - d.path[n - 2], Y - d.path[n - 1]) >= 2) {
        d.path.push(X, Y);
        this.delegate.onLassoPath(d.path);
      }
      return;
    }
    const t = this.transform();
    if (!t) return;
    // Pan from the press: the data point under the press follows the pointer.
    this.center = { x: d.cx - (X - d.x) / t.sx, y: d.cy - (Y - d.y) / t.sy };
    this.delegate.onView();
  };

  readonly onPointerUp = (e: PointerEvent): void => {
    const d = this.drag;
    if (!d || e.pointerId !== d.id) return;
    this.drag = null;
    const el = e.currentTarget as Element;
    try {
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    } catch {
      // Nothing captured.
    }
    const [X, Y] = this.local(e, el);
    if (!d.moved) {
      this.delegate.onClick(X, Y, e);
      return;
    }
    if (d.lasso) {
      this.delegate.onLassoPath(null);
      const t = this.transform();
      if (!t || d.path.length < 6) return;
      const poly = new Float64Array(d.path.length);
      for (let k = 0; k < d.path.length; k += 2) {
        poly[k] = (d.path[k] - t.tx) / t.sx;
        poly[k + 1] = (d.path[k + 1] - t.ty) / t.sy;
      }
      this.delegate.onLasso(poly);
    }
  };

  readonly onPointerCancel = (e: PointerEvent): void => {
    if (this.drag?.lasso) this.delegate.onLassoPath(null);
    if (this.drag?.id === e.pointerId) this.drag = null;
  };

  readonly onDoubleClick = (): void => this.reset();

  /** Returns `true` when it handled the key. */
  readonly onKeyDown = (e: KeyboardEvent): boolean => {
    const { width, height } = this.delegate.size();
    if (e.key === '+' || e.key === '=') this.zoomBy(1.5, width / 2, height / 2);
    else if (e.key === '-' || e.key === '_') this.zoomBy(1 / 1.5, width / 2, height / 2);
    else if (e.key === '0') this.reset();
    else if (e.shiftKey && e.key.startsWith('Arrow')) {
      const step = 40;
      const [dx, dy] = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[
        e.key
      ] ?? [0, 0];
      this.panBy(dx, dy);
    } else return false;
    e.preventDefault();
    return true;
  };

  /** `true` while a drag is in progress. */
  get dragging(): boolean {
    return this.drag !== null && this.drag.moved;
  }
}
