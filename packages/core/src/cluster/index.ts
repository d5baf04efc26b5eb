// Re-exports of the cluster area. One concept per file; this file only re-exports.
export * from './hclust.js';
export * from './condensed.js';
export * from './squareform.js';
export * from './similarity-to-distance.js';
export * from './optimal-leaf-ordering.js';
export * from './cut-tree.js';
export * from './cophenetic.js';
export * from './cophenetic-correlation.js';
export * from './fuzzy-c-means.js';
