// The shared GL layer (internal): WebGL through regl and a CPU raster with the same
// picture, chosen per element; layers of cells, points and polylines; picking by
// arithmetic and spatial indices. See docs/elements/building-an-element.md.
export * from './types.js';
export * from './transform.js';
export * from './layers.js';
export * from './color.js';
export * from './frame.js';
export * from './cell-ranges.js';
export * from './renderer-choice.js';
export * from './page-state.js';
export { GlController, type GlControllerOptions } from './gl-controller.js';
export { CanvasRenderer } from './raster/canvas-renderer.js';
export { WebglRenderer, TooLargeError } from './webgl/webgl-renderer.js';
export { pickCell, cellsUnderPixel } from './picking/cells.js';
export { PointIndex } from './picking/point-index.js';
export { SegmentIndex, type SegmentHit } from './picking/segment-index.js';
export { cellGeometry, cellPreviewKey } from './raster/cells.js';
export {
  cellMaxima,
  cellMaximaKernel,
  quantizeFast,
  type CellMaxima,
  type CellMaximaOptions,
  type CellValues,
} from './raster/cell-maxima.js';
