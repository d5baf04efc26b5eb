import type { Rect, Transform } from './types.js';

/** The identity transform (data coordinates are CSS pixels). */
export const IDENTITY: Transform = { sx: 1, sy: 1, tx: 0, ty: 0 };

/** Maps `content` (data) onto `[0, width) × [0, height)` CSS pixels, per axis (no aspect lock). */
export function fitTransform(content: Rect, width: number, height: number): Transform {
  const w = content.x1 - content.x0 || 1;
  const h = content.y1 - content.y0 || 1;
  const sx = width / w;
  const sy = height / h;
  return { sx, sy, tx: 0 - content.x0 * sx, ty: 0 - content.y0 * sy };
}

/** Data → CSS pixels. */
export function applyTransform(t: Transform, x: number, y: number): [number, number] {
  return [t.sx * x + t.tx, t.sy * y + t.ty];
}

/** CSS pixels → data. */
export function invertTransform(t: Transform, X: number, Y: number): [number, number] {
  return [(X - t.tx) / t.sx, (Y - t.ty) / t.sy];
}

/** Zooms by `k` (per axis: `[kx, ky]`) around the CSS pixel `(X, Y)`, which stays put. */
export function zoomAround(t: Transform, k: number | readonly [number, number], X: number, Y: number): Transform {
  const [kx, ky] = typeof k === 'number' ? [k, k] : k;
  return { sx: t.sx * kx, sy: t.sy * ky, tx: X - (X - t.tx) * kx, ty: Y - (Y - t.ty) * ky };
}

/** Moves by `(dX, dY)` CSS pixels. */
export function panBy(t: Transform, dX: number, dY: number): Transform {
  return { sx: t.sx, sy: t.sy, tx: t.tx + dX, ty: t.ty + dY };
}

/**
 * Keeps a zoomed view on its content: the scale is clamped between the fitted scale
 * (`minZoom` × fit) and `maxZoom` × fit, and content smaller than the view is centred,
 * larger content never leaves a gap at an edge.
 */
export function constrainTransform(
  t: Transform,
  content: Rect,
  width: number,
  height: number,
  { minZoom = 1, maxZoom = Infinity }: { minZoom?: number; maxZoom?: number } = {},
): Transform {
  const fit = fitTransform(content, width, height);
  const clampScale = (s: number, f: number) => Math.min(Math.max(s, f * minZoom), f * maxZoom);
  const sx = clampScale(t.sx, fit.sx);
  const sy = clampScale(t.sy, fit.sy);
  const axis = (s: number, tr: number, c0: number, c1: number, size: number) => {
    const span = (c1 - c0) * s;
    if (span <= size) return (size - span) / 2 - c0 * s;
    return Math.min(-c0 * s, Math.max(size - c1 * s, tr));
  };
  // Keep the point under the old centre while clamping the scale.
  const cx = width / 2;
  const cy = height / 2;
  const tx0 = cx - ((cx - t.tx) / t.sx) * sx;
  const ty0 = cy - ((cy - t.ty) / t.sy) * sy;
  return {
    sx,
    sy,
    tx: axis(sx, tx0, content.x0, content.x1, width),
    ty: axis(sy, ty0, content.y0, content.y1, height),
  };
}

/**
 * Rounds the translation to whole device pixels. The CPU raster then shifts its cached
 * image on a pan instead of recomputing it (see `raster/cells.ts`).
 */
export function snapTransform(t: Transform, pixelRatio: number): Transform {
  return {
    sx: t.sx,
    sy: t.sy,
    tx: Math.round(t.tx * pixelRatio) / pixelRatio,
    ty: Math.round(t.ty * pixelRatio) / pixelRatio,
  };
}

/** Two transforms are the same view. */
export function sameTransform(a: Transform, b: Transform): boolean {
  return a.sx === b.sx && a.sy === b.sy && a.tx === b.tx && a.ty === b.ty;
}
