// Re-exports of the projection area. One concept per file; this file only re-exports.
export { pca } from './pca.js';
export { pcaModel, type PcaModel } from './pca-model.js';
export { tsne, type TsneOptions } from './tsne.js';
export { trustworthiness } from './trustworthiness.js';
