import { describeValue, optionsOf } from '../common/internal/validate.js';
import { ClasslensError } from '../common/errors.js';
import { checkKeys, type Key } from '../common/keys.js';
import { toMatrix, type MatrixLike } from '../common/matrix.js';
import { layoutOffsets } from './internal/sequence-layout.js';

/** Options for {@link trajectories}. */
export interface TrajectoriesOptions {
  /** One token (word, image row, …) per row of `points`: the input read at that step. */
  tokens?: ArrayLike<string>;
  /**
   * One colour value per row of `points`, usually {@link expectedPrediction} of the
   * per-step class probabilities. Default: `NaN` on every step ("no data").
   */
  expected?: ArrayLike<number>;
  /** One id per sequence (default: the sequence's position). Must be unique. */
  ids?: ArrayLike<Key>;
}

/** One step of a {@link Trajectory}. */
export interface TrajectoryStep {
  /** Projected position. */
  x: number;
  y: number;
  /** Row of `points` (the global step index: what `highlight`/selection events carry). */
  index: number;
  /** Position within the sequence, from 0. */
  step: number;
  /** The input read at this step, when `tokens` was given. */
  token?: string;
  /** The colour value of this step; `NaN` when `expected` was not given. */
  expected: number;
}

/** The projected path of one sequence's hidden states. */
export interface Trajectory {
  /** Position of the sequence in `lengths`. */
  sequence: number;
  /** `ids[sequence]`, or `sequence` when no ids were given. */
  id: Key;
  /** Every step of the sequence, in reading order. */
  steps: TrajectoryStep[];
}

/**
 * Splits a 2-D projection of row-stacked hidden states (from `pca`, `tsne`, or anything
 * else) back into one trajectory per sequence — a polyline through the states in reading
 * order, the main view of Garcia, Munz & Weiskopf (2021) — with each step's token and
 * colour value attached. New objects are returned; `points` and the options are never
 * written to.
 *
 * Every row of `points` appears in exactly one step, in order: concatenating the steps of
 * all trajectories gives `index` 0, 1, …, rows − 1. Sequences of length 0 give a
 * trajectory with no steps.
 *
 * Throws `INVALID_SHAPE` unless `points` has 2 columns, `NON_FINITE` for a NaN/±Infinity
 * coordinate or `expected` value, `LENGTH_MISMATCH` when `lengths` does not sum to
 * `points.rows` or when `tokens`/`expected` do not have one entry per row or `ids` one per
 * sequence, `INVALID_ARGUMENT` for a bad length, a token that is not a string or an
 * `expected` value that is not a number,
 * `DUPLICATE_KEY` for a repeated id. O(rows).
 *
 * @example
 * const { matrix, lengths } = stackSequences(data.sequences.map((s) => s.states), data.hiddenSize);
 * const points = pca(matrix, 2);
 * const probs = stackSequences(data.sequences.map((s) => s.expected), data.classes.length).matrix;
 * const paths = trajectories(points, lengths, {
 *   tokens: data.sequences.flatMap((s) => s.tokens),
 *   expected: expectedPrediction(probs),
 *   ids: data.sequences.map((s) => s.id),
 * });
 * // paths[0] → { sequence: 0, id: 'review-0', steps: [{ x, y, index: 0, step: 0, token: 'i', expected: 0.64 }, …] }
 */
export function trajectories(
  points: MatrixLike,
  lengths: ArrayLike<number>,
  options: TrajectoriesOptions = {},
): Trajectory[] {
  const m = toMatrix(points, { name: 'points', finite: true });
  if (m.cols !== 2 && !(m.rows === 0 && m.cols === 0)) {
    throw new ClasslensError('INVALID_SHAPE', `points: has ${m.cols} columns, expected 2 (x, y)`);
  }
  const rows = m.rows;
  const offsets = layoutOffsets(lengths, rows, 'points');
  const n = offsets.length - 1;
  const o = optionsOf(options);
  const tokens = o.tokens ?? undefined;
  const expected = o.expected ?? undefined;
  const ids = o.ids ?? undefined;
  if (tokens != null) {
    lengthOf(tokens, 'tokens', rows, 'points rows');
    for (let i = 0; i < rows; i++) if (typeof tokens[i] !== 'string') badToken(tokens, i);
  }
  if (expected != null) {
    lengthOf(expected, 'expected', rows, 'points rows');
    for (let i = 0; i < rows; i++) if (!Number.isFinite(expected[i])) badExpected(expected, i);
  }
  if (ids != null) {
    lengthOf(ids, 'ids', n, 'lengths');
    checkKeys(ids, 'ids');
    const seen = new Set<Key>();
    for (let s = 0; s < n; s++) {
      if (seen.has(ids[s]))
        throw new ClasslensError('DUPLICATE_KEY', `ids: duplicate id ${JSON.stringify(ids[s])}`, { key: ids[s] });
      seen.add(ids[s]);
    }
  }
  const { data } = m;
  const out: Trajectory[] = new Array(n);
  for (let s = 0; s < n; s++) {
    const start = offsets[s];
    const end = offsets[s + 1];
    const steps: TrajectoryStep[] = new Array(end - start);
    // One object literal per shape (with or without token) keeps every step object on
    // the same hidden class.
    if (tokens != null) {
      for (let r = start; r < end; r++) {
        const e = expected != null ? expected[r] : NaN;
        steps[r - start] = {
          x: data[2 * r],
          y: data[2 * r + 1],
          index: r,
          step: r - start,
          token: tokens[r],
          expected: e,
        };
      }
    } else {
      for (let r = start; r < end; r++) {
        const e = expected != null ? expected[r] : NaN;
        steps[r - start] = { x: data[2 * r], y: data[2 * r + 1], index: r, step: r - start, expected: e };
      }
    }
    out[s] = { sequence: s, id: ids != null ? ids[s] : s, steps };
  }
  return out;
}

function lengthOf(a: ArrayLike<unknown>, name: string, want: number, wantName: string): void {
  if (typeof a !== 'object' || typeof a.length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected an array`);
  }
  if (a.length !== want) {
    throw new ClasslensError('LENGTH_MISMATCH', `${name} has length ${a.length} but ${wantName} is ${want}`, {
      [name]: a.length,
      [wantName]: want,
    });
  }
}

// Error paths live outside the loops so that V8 optimises the scans (see find-jumps.ts).
function badToken(tokens: ArrayLike<unknown>, i: number): never {
  const t = tokens[i];
  throw new ClasslensError(
    'INVALID_ARGUMENT',
    `tokens: ${t === null ? 'null' : typeof t} at index ${i}, expected a string`,
    {
      index: i,
    },
  );
}

function badExpected(expected: ArrayLike<unknown>, i: number): never {
  const v = expected[i];
  if (typeof v !== 'number') {
    throw new ClasslensError('NOT_A_NUMBER', `expected: ${describeValue(v)} at index ${i}, expected a number`, {
      index: i,
    });
  }
  throw new ClasslensError('NON_FINITE', `expected: ${v} at index ${i}`, { index: i });
}
