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
  /** Square with equal entries at (i, j) and (j, i), NaN matching NaN (computed on first read). */
  readonly symmetric: boolean;
  /** Every finite value lies in [−1, 1] (correlations): a diverging scale and 1 − r distances apply. */
  readonly correlation: boolean;
  /** Smallest and largest finite value (`NaN` when there is none); computed on first read for a caller's matrix. */
  readonly min: number;
  readonly max: number;
  /** Number of NaN cells. */
  readonly nanCount: number;
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

/**
 * Range, NaN count and correlation-likeness of a matrix, in one pass; throws `NON_FINITE`
 * for ±Infinity. Symmetry is left to {@link isSymmetric} (a second, strided pass that
 * only clustering needs).
 */
export function describeValues(rows: number, cols: number, data: ArrayLike<number>, name = 'matrix') {
  let min = Infinity;
  let max = -Infinity;
  let nan = 0;
  for (let q = 0; q < data.length; q++) {
    const v = data[q];
    if (v !== v) {
      nan++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === -Infinity || max === Infinity) {
    let q = 0;
    while (Number.isFinite(data[q]) || data[q] !== data[q]) q++;
    throw new ClasslensError('NON_FINITE', `${name}: ${data[q]} at row ${Math.floor(q / cols)}, column ${q % cols}`, {
      row: Math.floor(q / cols),
      col: q % cols,
    });
  }
  const finite = min <= max;
  return {
    min: finite ? min : NaN,
    max: finite ? max : NaN,
    nanCount: nan,
    correlation: finite && min >= -1 - 1e-9 && max <= 1 + 1e-9,
  };
}

/**
 * Square with equal entries at (i, j) and (j, i) (relative tolerance 1e-9; NaN matches
 * NaN). Compared in 64 × 64 tiles, so that the column-wise reads stay in cache.
 */
export function isSymmetric(rows: number, cols: number, data: ArrayLike<number>): boolean {
  if (rows !== cols) return false;
  const n = rows;
  const B = 64;
  for (let ib = 0; ib < n; ib += B) {
    for (let jb = ib; jb < n; jb += B) {
      const iEnd = Math.min(n, ib + B);
      const jEnd = Math.min(n, jb + B);
      for (let i = ib; i < iEnd; i++) {
        for (let j = Math.max(jb, i + 1); j < jEnd; j++) {
          const a = data[i * n + j];
          const b = data[j * n + i];
          if (a !== b && !(a !== a && b !== b) && !(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)))) return false;
        }
      }
    }
  }
  return true;
}

/** The statistics {@link describeValues} computes. */
export type ValueStats = ReturnType<typeof describeValues>;

const primed = new WeakMap<object, ValueStats>();

/**
 * Hands over statistics computed elsewhere in the same pass over the data (the element's
 * first quantization pass), so that reading `min`/`max`/`nanCount`/`correlation` of `v`
 * costs no second pass. Must be called before any of them is read.
 */
export function primeStats(v: HeatmapValues, stats: ValueStats): void {
  primed.set(v, stats);
}

/** Whether `v`'s statistics are known without a pass over its data. */
export function statsKnown(v: HeatmapValues): boolean {
  return primed.has(v);
}

/**
 * `values` with `min`, `max`, `nanCount`, `correlation` (one pass, {@link describeValues})
 * and `symmetric` ({@link isSymmetric}) computed on first read: drawing a matrix in its
 * input order needs neither pass before the first frame.
 */
function lazyValues<T extends object>(
  rows: number,
  cols: number,
  data: ArrayLike<number>,
  values: T,
  name: string,
): T & HeatmapStats {
  let sym: boolean | undefined;
  const stats = (): ValueStats => {
    let s = primed.get(values);
    if (!s) primed.set(values, (s = describeValues(rows, cols, data, name)));
    return s;
  };
  const props: PropertyDescriptorMap = {
    symmetric: { enumerable: true, get: () => (sym ??= isSymmetric(rows, cols, data)) },
  };
  for (const k of ['min', 'max', 'nanCount', 'correlation'] as const)
    props[k] = { enumerable: true, get: () => stats()[k] };
  return Object.defineProperties(values, props) as T & HeatmapStats;
}

type HeatmapStats = Pick<HeatmapValues, 'min' | 'max' | 'nanCount' | 'correlation' | 'symmetric'>;

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
  return lazyValues(
    m.rows,
    m.cols,
    m.data,
    { kind: 'matrix' as const, rows: m.rows, cols: m.cols, data: m.data, rowLabels, colLabels },
    'matrix',
  );
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
  return lazyValues(
    n,
    n,
    data,
    { kind: 'confusion' as const, offMax, rows: n, cols: n, data, rowLabels: labels, colLabels: labels },
    'confusion',
  );
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
