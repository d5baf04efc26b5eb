// Re-exports of the similarity area. One concept per file; this file only re-exports.
export { pearsonSimilarity, pearsonSimilarityAsync } from './pearson-similarity.js';
export { spearmanSimilarity, spearmanSimilarityAsync } from './spearman-similarity.js';
export { rankColumns, rankColumnsAsync } from './rank-columns.js';
export type {
  SimilarityBackend,
  SimilarityOptions,
  SimilarityAsyncOptions,
  SpearmanRank,
  SpearmanOptions,
  SpearmanAsyncOptions,
} from './similarity-options.js';
export { cooccurrence } from './cooccurrence.js';
export type { CooccurrenceNormalization, CooccurrenceOptions } from './cooccurrence.js';
