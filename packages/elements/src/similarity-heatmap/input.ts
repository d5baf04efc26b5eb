import { ClasslensError, confusionMatrix, KeyIndex, toMatrix, type Key, type MatrixLike } from '@classlens/core';

/** The classes × classes values a heatmap draws, in input order. */
export interface HeatmapValues {
  /** Where the values came from. */
  kind: 'matrix' | 'confusion' | 'scores';
  rows: number;
  cols: number;
  /** Row-major `rows × cols`; NaN means "no data" (e.g. a constant score column). */
  data: Float32Array | Float64Array;
  rowLabels: Key[];
  colLabels: Key[];
  /** Square with equal entries at (i, j) and (j, i), NaN matching NaN. */
  symmetric: boolean;
  /** Every finite value lies in [−1, 1] (correlations): a diverging scale and 1 − r distances apply. */
  correlation: boolean;
  /** Smallest and largest finite value (`NaN` when there is none). */
  min: number;
  max: number;
  /** Largest value off the diagonal (confusion matrices: their colour scale ends there). */
  offMax?: number;
}

/** Most classes per axis the element accepts (`10⁴`² cells is 800 MB of float64 already). */
export const MAX_CLASSES = 20000;

/** Labels for an axis: given (checked for length and duplicates) or `0 … n − 1`. */
export function axisLabels(labels: ArrayLike<Key> | null | undefined, n: number, name: string): Key[] {
  if (labels == null) return Array.from({ length: n }, (_, i) => i);
  if (typeof labels.length !== 'number') throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected an array`);
  if (labels.length !== n) {
    throw new ClasslensError(
      'LENGTH_MISMATCH',
      `${name}: ${labels.length} labels for ${n} ${name === 'labels' ? 'rows' : 'columns'}`,
    );
  }
  return [...new KeyIndex(labels, name).keys];
}

/** Range, symmetry and correlation-likeness of a matrix; throws `NON_FINITE` for ±Infinity. */
export function describeValues(rows: number, cols: number, data: ArrayLike<number>, name = 'matrix') {
  let min = Infinity;
  let max = -Infinity;
  for (let q = 0; q < data.length; q++) {
    const v = data[q];
    if (v !== v) continue;
    if (v === Infinity || v === -Infinity) {
      throw new ClasslensError('NON_FINITE', `${name}: ${v} at row ${Math.floor(q / cols)}, column ${q % cols}`, {
        row: Math.floor(q / cols),
        col: q % cols,
      });
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let symmetric = rows === cols;
  for (let i = 0; symmetric && i < rows; i++) {
    for (let j = i + 1; j < cols; j++) {
      const a = data[i * cols + j];
      const b = data[j * cols + i];
      if (a !== b && !(a !== a && b !== b) && !(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)))) {
        symmetric = false;
        break;
      }
    }
  }
  const finite = min <= max;
  return {
    min: finite ? min : NaN,
    max: finite ? max : NaN,
    symmetric,
    correlation: finite && min >= -1 - 1e-9 && max <= 1 + 1e-9,
  };
}

/**
 * A caller's matrix (any class × class values, square or not) and its labels.
 * @throws `INVALID_SHAPE`, `NON_FINITE` (±Infinity; NaN is "no data"), `LENGTH_MISMATCH`,
 * `DUPLICATE_KEY`, `INVALID_ARGUMENT` (more than {@link MAX_CLASSES} per axis).
 */
export function readMatrix(
  matrix: MatrixLike,
  labels: ArrayLike<Key> | null | undefined,
  columnLabels: ArrayLike<Key> | null | undefined,
): HeatmapValues {
  const m = toMatrix(matrix, { name: 'matrix' });
  if (m.rows > MAX_CLASSES || m.cols > MAX_CLASSES) {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `matrix: ${m.rows} × ${m.cols}; at most ${MAX_CLASSES} classes per axis`,
    );
  }
  const rowLabels = axisLabels(labels, m.rows, 'labels');
  const colLabels =
    columnLabels != null
      ? axisLabels(columnLabels, m.cols, 'columnLabels')
      : m.rows === m.cols
        ? rowLabels
        : axisLabels(null, m.cols, 'columnLabels');
  return {
    kind: 'matrix',
    rows: m.rows,
    cols: m.cols,
    data: m.data,
    rowLabels,
    colLabels,
    ...describeValues(m.rows, m.cols, m.data),
  };
}

/** A confusion matrix from core's `confusionMatrix` (rows: truth, columns: prediction). */
export function readConfusion(
  truth: ArrayLike<Key>,
  predictions: ArrayLike<Key>,
  classes: ArrayLike<Key> | null | undefined,
): HeatmapValues {
  const c = confusionMatrix(truth, predictions, classes ?? undefined);
  const n = c.classes.length;
  if (n > MAX_CLASSES) throw new ClasslensError('INVALID_ARGUMENT', `${n} classes; at most ${MAX_CLASSES}`);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = c.counts[i][j];
  const labels = [...c.classes];
  let offMax = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j && data[i * n + j] > offMax) offMax = data[i * n + j];
  return {
    kind: 'confusion',
    offMax,
    rows: n,
    cols: n,
    data,
    rowLabels: labels,
    colLabels: labels,
    ...describeValues(n, n, data),
  };
}

/**
 * Scores whose rows look like probability vectors (non-negative, summing to 1 within
 * 1e-3), judged on up to 1,000 rows. Blocks' correlation reading assumes close-to-normal
 * values: Pearson on softmax outputs is dominated by the few large probabilities, so the
 * paper recommends the logits (Alsallakh et al. 2018, §4).
 */
export function looksLikeProbabilities(scores: MatrixLike): boolean {
  const m = toMatrix(scores, { name: 'scores' });
  const n = Math.min(m.rows, 1000);
  if (n === 0 || m.cols < 2) return false;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < m.cols; j++) {
      const v = m.data[i * m.cols + j];
      if (!(v >= 0 && v <= 1)) return false;
      s += v;
    }
    if (Math.abs(s - 1) > 1e-3) return false;
  }
  return true;
}
