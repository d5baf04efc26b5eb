/**
 * @classlens/elements — Lit web components for visual analytics of classifiers.
 * Importing this module registers every `cl-*` tag; import a single tag's module
 * (`@classlens/elements/flow-sankey.js`) to register only that one.
 *
 * Public API: the element classes, their event detail types, and the shared class-colour
 * scale. Everything under `internal/` is private and may change.
 *
 * @packageDocumentation
 */
export * from './events.js';
export { ClassColorScale, type ColorMap } from './internal/color/class-colors.js';
export { PALETTE, OTHER_COLOR } from './internal/color/palette.js';
export { ClBaseElement } from './internal/base-element.js';
export * from './flow-sankey/cl-flow-sankey.js';
export * from './metrics-treemap/cl-metrics-treemap.js';
export * from './agreement-table/cl-agreement-table.js';
export * from './chain-sankey/cl-chain-sankey.js';
export * from './trend-grid/cl-trend-grid.js';
export * from './linked/cl-linked.js';
export * from './sequence-detail/cl-sequence-detail.js';
export * from './trajectory-projection/cl-trajectory-projection.js';
export * from './similarity-heatmap/cl-similarity-heatmap.js';
