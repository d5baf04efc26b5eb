import { ClasslensError, checkLengths, toMatrix, type MatrixLike } from '../common/index.js';
import { describeValue } from '../common/internal/validate.js';

/**
 * The mismatch score of every item between its label and the classifier's probabilities,
 * from Training De-Confusion (Bäuerle, Neumann & Ropinski, "Training De-Confusion: An
 * Interactive, Network-Supported Visual Analysis System for Resolving Errors in Image
 * Classification Training Data", arXiv:1808.03114, 2018; EuroVis 2020 as "Classifier-Guided
 * Visual Correction of Noisy Labels"):
 *
 *     score_i = (max_j p_ij + (1 − p_i,label_i)) / 2
 *
 * High when the classifier is confident in some class and gives the label little
 * probability — a candidate labelling error. For probability rows (summing to 1) the
 * score lies in [1/2, 1]: exactly 1/2 when the label is the most probable class, 1 when
 * another class has probability 1.
 *
 * @param probs - n × m class probabilities (softmax outputs, not logits), `Matrix` or `number[][]`.
 * @param labelIndex - the label of each item as a column index of `probs`.
 * @returns one score per item.
 * @throws `LENGTH_MISMATCH` when `labelIndex` and the rows of `probs` differ;
 *   `NON_FINITE` for a NaN/±Infinity probability; `INVALID_ARGUMENT` for one outside
 *   [0, 1] or a malformed `labelIndex`; `UNKNOWN_CLASS` for a label that is not a column
 *   index; `INVALID_SHAPE` for ragged rows.
 * @remarks O(n·m).
 * @example
 * mismatchScore([[0.9, 0.1], [0.2, 0.8]], [0, 0]); // Float64Array [0.5, 0.8]
 */
export function mismatchScore(probs: MatrixLike, labelIndex: ArrayLike<number>): Float64Array {
  const p = toMatrix(probs, { name: 'probs', finite: true });
  if (labelIndex == null || typeof labelIndex !== 'object' || typeof labelIndex.length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', 'labelIndex: expected an array of column indices');
  }
  checkLengths({ probs: p, labelIndex });
  const { rows, cols, data } = p;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (v < 0 || v > 1) {
      const r = Math.floor(k / cols);
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `probs: ${v} at row ${r}, column ${k % cols} is not a probability in [0, 1]`,
        {
          row: r,
          col: k % cols,
        },
      );
    }
  }
  for (let i = 0; i < rows; i++) {
    const l = labelIndex[i];
    if (!Number.isInteger(l) || l < 0 || l >= cols) {
      throw new ClasslensError(
        'UNKNOWN_CLASS',
        `labelIndex: ${describeValue(l)} at index ${i} is not a column index in [0, ${cols})`,
        {
          key: l,
          index: i,
        },
      );
    }
  }
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let max = data[base];
    for (let j = 1; j < cols; j++) if (data[base + j] > max) max = data[base + j];
    out[i] = (max + (1 - data[base + labelIndex[i]])) / 2;
  }
  return out;
}
