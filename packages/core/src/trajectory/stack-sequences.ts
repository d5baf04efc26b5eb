import { ClasslensError } from '../common/errors.js';
import { isMatrix, type Matrix } from '../common/matrix.js';
import { describeValue } from '../common/internal/validate.js';

/** The rows of several sequences stacked into one matrix: see {@link stackSequences}. */
export interface StackedSequences {
  /** `total × width`, sequence after sequence, step after step (a new `Float64Array`). */
  matrix: Matrix;
  /** Steps per sequence. */
  lengths: Uint32Array;
  /** `offsets[s]` is the first row of sequence `s`; `offsets[n]` the total (see {@link sequenceOffsets}). */
  offsets: Uint32Array;
}

/**
 * Stacks per-sequence data (hidden states, or expected predictions) into one row-major
 * matrix — the input of a joint projection (`pca`, `tsne`) and of the other trajectory
 * helpers — plus the sequence lengths and offsets that undo the stacking. Each part is a
 * flat `steps × width` array (the example-data format: `states`, `expected`) or a
 * {@link Matrix} with `width` columns. The inputs are copied, never kept or mutated.
 *
 * Degenerate cases: no parts give a `0 × width` matrix; an empty part is a sequence of
 * length 0.
 *
 * Throws `INVALID_ARGUMENT` for a width that is not a positive integer or a part that is
 * not an array, `INVALID_SHAPE` for a flat part whose length is not a multiple of
 * `width` (or a Matrix part with other than `width` columns), `NON_FINITE` naming the
 * sequence and position of the first NaN/±Infinity (`NOT_A_NUMBER` for a value that is not a number). O(total · width).
 *
 * @example
 * const { matrix, lengths } = stackSequences(data.sequences.map((s) => s.states), data.hiddenSize);
 * stackSequences([[1, 2, 3, 4], [5, 6]], 2)
 * // → { matrix: { rows: 3, cols: 2, data: [1, 2, 3, 4, 5, 6] }, lengths: [2, 1], offsets: [0, 2, 3] }
 */
export function stackSequences(parts: ArrayLike<ArrayLike<number> | Matrix>, width: number): StackedSequences {
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 1) {
    throw new ClasslensError('INVALID_ARGUMENT', `width: expected a positive integer, got ${describeValue(width)}`);
  }
  if (parts == null || typeof parts !== 'object' || typeof parts.length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', 'parts: expected an array of sequences');
  }
  const n = parts.length;
  const flats: ArrayLike<number>[] = new Array(n);
  const lengths = new Uint32Array(n);
  const offsets = new Uint32Array(n + 1);
  let total = 0;
  for (let s = 0; s < n; s++) {
    const p = parts[s];
    let flat: ArrayLike<number>;
    if (isMatrix(p)) {
      if (p.cols !== width || p.data.length !== p.rows * p.cols) {
        throw new ClasslensError('INVALID_SHAPE', `sequence ${s}: has ${p.cols} columns, expected ${width}`, {
          sequence: s,
        });
      }
      flat = p.data;
    } else if (p != null && typeof p === 'object' && typeof (p as ArrayLike<number>).length === 'number') {
      flat = p as ArrayLike<number>;
      if (flat.length % width !== 0) {
        throw new ClasslensError(
          'INVALID_SHAPE',
          `sequence ${s}: ${flat.length} values is not a multiple of width ${width}`,
          { sequence: s },
        );
      }
    } else {
      throw new ClasslensError('INVALID_ARGUMENT', `sequence ${s}: expected a flat array or a Matrix`, { sequence: s });
    }
    flats[s] = flat;
    lengths[s] = flat.length / width;
    total += lengths[s];
    offsets[s + 1] = total;
  }
  const data = new Float64Array(total * width);
  for (let s = 0; s < n; s++) {
    const flat = flats[s];
    const o = offsets[s] * width;
    if (ArrayBuffer.isView(flat)) {
      // Typed arrays hold numbers: check finiteness, then copy in one block.
      for (let i = 0; i < flat.length; i++) if (!Number.isFinite(flat[i])) badValue(flat, i, s, width);
      data.set(flat as unknown as ArrayLike<number>, o);
    } else {
      for (let i = 0; i < flat.length; i++) {
        const v = flat[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) badValue(flat, i, s, width);
        data[o + i] = v;
      }
    }
  }
  return { matrix: { rows: total, cols: width, data }, lengths, offsets };
}

function badValue(flat: ArrayLike<unknown>, i: number, s: number, width: number): never {
  const v = flat[i];
  if (typeof v !== 'number') {
    throw new ClasslensError('NOT_A_NUMBER', `sequence ${s}: ${describeValue(v)} at index ${i}, expected a number`, {
      sequence: s,
      index: i,
    });
  }
  const step = Math.floor(i / width);
  throw new ClasslensError('NON_FINITE', `sequence ${s}: ${v} at step ${step}, column ${i % width}`, {
    sequence: s,
    step,
    col: i % width,
  });
}
