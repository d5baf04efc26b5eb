import { optionsOf } from '../common/internal/validate.js';
import { ClasslensError } from '../common/errors.js';
import { KeyIndex, type Key } from '../common/keys.js';
import type { Matrix } from '../common/matrix.js';

/**
 * How {@link cooccurrence} scales the counts. With c_ij = samples labelled both i and j
 * and c_ii = samples labelled i:
 * - `'count'` (default): c_ij itself; the diagonal holds each class's frequency.
 * - `'jaccard'`: c_ij / (c_ii + c_jj − c_ij), the share of samples carrying either
 *   label that carry both (intersection over union).
 * - `'cosine'`: c_ij / √(c_ii · c_jj) (Ochiai coefficient), the cosine between the two
 *   classes' 0/1 indicator vectors.
 */
export type CooccurrenceNormalization = 'count' | 'jaccard' | 'cosine';

/** Options for {@link cooccurrence}. */
export interface CooccurrenceOptions {
  /** Scaling of the counts; default `'count'`. See {@link CooccurrenceNormalization}. */
  normalize?: CooccurrenceNormalization;
}

/**
 * Class co-occurrence over multi-label ground truth: how often two classes label the
 * same sample — the similarity that Alsallakh et al. ("Do Convolutional Neural Networks
 * Learn Class Hierarchy?", VIS 2017) set beside the classifier's confusions, so that
 * classes confused because they genuinely co-occur can be told apart from real errors.
 *
 * A label repeated within one sample's set counts once. The result is symmetric.
 * Counts: the diagonal is each class's frequency; all zero for no samples. `'jaccard'`
 * and `'cosine'`: unit diagonal for classes that occur. A class that never occurs leaves
 * 0/0 undefined: `'cosine'` gives `NaN` in its whole row and column; `'jaccard'` gives
 * `NaN` on its diagonal and against other never-occurring classes, and 0 against
 * classes that occur (an empty set shares nothing with a non-empty one).
 *
 * @param labelSets one array of labels per sample (e.g. `[['cat', 'dog'], ['dog'], []]`).
 * @param classes every class, in the order of the result's rows and columns.
 * @param options `normalize` (see {@link CooccurrenceNormalization}).
 * @returns m × m Float64 matrix, m = `classes.length`.
 * @throws `UNKNOWN_CLASS` naming a label not in `classes` (and its sample);
 *   `DUPLICATE_KEY` for a repeated class; `NON_FINITE` / `INVALID_ARGUMENT` for a label
 *   that is not a string or finite number, a label set that is not an array (a string
 *   is refused, as it would be read letter by letter), or an unknown `normalize`.
 *
 * Complexity: O(Σ_s |L_s|² + m²) time, O(m²) memory.
 *
 * @example
 * const c = cooccurrence([['cat', 'dog'], ['dog'], ['cat', 'dog', 'bird']], ['cat', 'dog', 'bird']);
 * c.data[0 * 3 + 1]; // 2: cat and dog together in two samples
 * cooccurrence(sets, classes, { normalize: 'jaccard' }).data[1]; // 2 / 3
 */
export function cooccurrence(
  labelSets: ArrayLike<ArrayLike<Key>>,
  classes: ArrayLike<Key>,
  options: CooccurrenceOptions = {},
): Matrix {
  const normalize = optionsOf(options).normalize ?? 'count';
  if (normalize !== 'count' && normalize !== 'jaccard' && normalize !== 'cosine') {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `cooccurrence: normalize must be 'count', 'jaccard' or 'cosine', got ${JSON.stringify(normalize)}`,
    );
  }
  if (labelSets == null || typeof labelSets !== 'object' || typeof labelSets.length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', 'cooccurrence: labelSets must be an array of label arrays');
  }
  const index = new KeyIndex(classes, 'classes');
  const m = index.size;
  const n = labelSets.length;
  // Validate and encode everything before counting (labels → class indices, deduplicated).
  const encoded: Int32Array[] = new Array(n);
  const seen = new Int32Array(m).fill(-1);
  for (let s = 0; s < n; s++) {
    const set = labelSets[s];
    if (set == null || typeof set !== 'object' || typeof set.length !== 'number') {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `labelSets: entry ${s} is ${typeof set === 'string' ? 'a string' : set === null ? 'null' : typeof set}, expected an array of labels`,
        { index: s },
      );
    }
    const ids: number[] = [];
    for (let q = 0; q < set.length; q++) {
      const label = set[q];
      const j = index.indexOf(label);
      if (j < 0) {
        if (typeof label === 'number' && !Number.isFinite(label)) {
          throw new ClasslensError('NON_FINITE', `labelSets: ${label} in sample ${s}`, { index: s });
        }
        if (typeof label !== 'string' && typeof label !== 'number') {
          throw new ClasslensError(
            'INVALID_ARGUMENT',
            `labelSets: ${label === null ? 'null' : typeof label} in sample ${s}, expected a string or number`,
            { index: s },
          );
        }
        throw new ClasslensError('UNKNOWN_CLASS', `labelSets: unknown class ${JSON.stringify(label)} in sample ${s}`, {
          key: label,
          index: s,
        });
      }
      if (seen[j] !== s) {
        seen[j] = s;
        ids.push(j);
      }
    }
    encoded[s] = Int32Array.from(ids);
  }

  const out = new Float64Array(m * m);
  for (let s = 0; s < n; s++) {
    const ids = encoded[s];
    for (let a = 0; a < ids.length; a++) {
      const row = ids[a] * m;
      for (let b = 0; b < ids.length; b++) out[row + ids[b]]++;
    }
  }
  if (normalize !== 'count') {
    const diag = new Float64Array(m);
    for (let i = 0; i < m; i++) diag[i] = out[i * m + i];
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        const c = out[i * m + j];
        // 0/0 (a class that never occurs) is NaN by IEEE arithmetic, as documented.
        out[i * m + j] = normalize === 'jaccard' ? c / (diag[i] + diag[j] - c) : c / Math.sqrt(diag[i] * diag[j]);
      }
    }
  }
  return { rows: m, cols: m, data: out };
}
