import type { Matrix, MatrixLike } from '../common/matrix.js';
import { pcaModel } from './pca-model.js';

/**
 * Projects the rows of `data` on their first k principal components: the n × k scores
 * `(X − mean) · Vₖ` (data centred, not scaled), matching
 * `sklearn.decomposition.PCA(k).fit_transform(X)` up to the sign convention: each
 * component's largest-magnitude loading is positive (scikit-learn ≥ 1.5). See
 * {@link pcaModel} for the axes, means and explained variance, and for degenerate cases
 * (zero-variance components give zero columns).
 *
 * Time O(n · d · min(n, d) + min(n, d)³), memory O(min(n, d)² + n · k).
 *
 * @param data n × d, rows are observations. `number[][]` is accepted.
 * @param k number of components, an integer in [1, min(n, d)].
 * @throws {ClasslensError} `EMPTY`, `NON_FINITE`, `INVALID_SHAPE`, `INVALID_ARGUMENT`
 *   (k out of range), as {@link pcaModel}.
 * @example
 * const xy = pca(hiddenStates, 2); // n × 2, ready to plot
 */
export function pca(data: MatrixLike, k: number): Matrix {
  return pcaModel(data, k).scores;
}
