// Re-exports of the similarity area. One concept per file; this file only re-exports.
export { pearsonSimilarity, pearsonSimilarityAsync } from './pearson-similarity.js';
export type { SimilarityBackend, SimilarityOptions, SimilarityAsyncOptions } from './similarity-options.js';
