import type { CellLayer } from '../layers.js';
import type { Transform } from '../types.js';

/**
 * The cell under a CSS-pixel position, by arithmetic on the transform (never by reading
 * pixels back): `{ row, col }`, or `null` outside the matrix.
 */
export function pickCell(layer: CellLayer, t: Transform, X: number, Y: number): { row: number; col: number } | null {
  const r = layer.rect;
  const x = (X - t.tx) / t.sx;
  const y = (Y - t.ty) / t.sy;
  const col = Math.floor(((x - r.x0) / (r.x1 - r.x0)) * layer.cols);
  const row = Math.floor(((y - r.y0) / (r.y1 - r.y0)) * layer.rows);
  if (!(row >= 0 && row < layer.rows && col >= 0 && col < layer.cols)) return null;
  return { row, col };
}

/**
 * The cells a CSS pixel at `(X, Y)` covers (one cell when zoomed in; a block when more
 * cells than pixels): inclusive ranges clamped to the matrix, or `null` outside.
 */
export function cellsUnderPixel(
  layer: CellLayer,
  t: Transform,
  X: number,
  Y: number,
): { row0: number; row1: number; col0: number; col1: number } | null {
  const r = layer.rect;
  const cw = (r.x1 - r.x0) / layer.cols;
  const ch = (r.y1 - r.y0) / layer.rows;
  const px = Math.floor(X);
  const py = Math.floor(Y);
  const c0 = Math.floor(((px - t.tx) / t.sx - r.x0) / cw);
  const c1 = Math.ceil(((px + 1 - t.tx) / t.sx - r.x0) / cw) - 1;
  const r0 = Math.floor(((py - t.ty) / t.sy - r.y0) / ch);
  const r1 = Math.ceil(((py + 1 - t.ty) / t.sy - r.y0) / ch) - 1;
  if (c1 < 0 || r1 < 0 || c0 >= layer.cols || r0 >= layer.rows) return null;
  return {
    row0: Math.max(0, r0),
    row1: Math.min(layer.rows - 1, Math.max(r0, r1)),
    col0: Math.max(0, c0),
    col1: Math.min(layer.cols - 1, Math.max(c0, c1)),
  };
}
