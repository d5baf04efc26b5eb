// Re-exports of the compare area: metrics, agreement and filtering, the metrics
// hierarchy, trends, chain paths, Training De-Confusion's label-error overview,
// histograms and word counts. One concept per file; this file only re-exports.
export { confusionMatrix, type ConfusionMatrix } from './confusion-matrix.js';
export { classMetrics, type ClassMetrics } from './class-metrics.js';
export { metricsSummary, type MetricsSummary, type AveragedMetrics } from './metrics-summary.js';
export { agreement, type AgreementItem, type AgreementOptions } from './agreement.js';
export { filterItems, type FilterQuery, type FilterItemsOptions } from './filter-items.js';
export {
  metricsHierarchy,
  type MetricsNode,
  type MetricsLevel,
  type MetricsHierarchyOptions,
} from './metrics-hierarchy.js';
export { classifyTrend, type Trend, type TrendKind, type ClassifyTrendOptions } from './classify-trend.js';
export { TREND_COLORS, TREND_COLOR_LABELS, trendColor, trendColorKey, type TrendColorKey } from './trend-colors.js';
export { classAccuracyTrends, type ClassTrend, type ClassAccuracyTrendsOptions } from './class-accuracy-trends.js';
export { chainPaths, type ChainPath, type ChainPathsOptions } from './chain-paths.js';
export { mismatchScore } from './mismatch-score.js';
export {
  confusionList,
  type ConfusionList,
  type ConfusionListRow,
  type ConfusionListCell,
  type ConfusionListOptions,
} from './confusion-list.js';
export { histogram, type HistogramBin, type HistogramOptions } from './histogram.js';
export {
  wordFrequencies,
  ENGLISH_STOPWORDS,
  type WordFrequency,
  type WordFrequenciesOptions,
} from './word-frequencies.js';
export { fromRecords, type RecordAccessors, type RecordColumns } from './from-records.js';
export type { CountOptions } from './internal/encode-labels.js';
