import {
  checkKeys,
  ClasslensError,
  encodeKeys,
  expectedPrediction,
  isMatrix,
  KeyIndex,
  sequenceOffsets,
  stackSequences,
  toMatrix,
  topClasses,
  uniqueKeys,
  type Key,
  type Matrix,
  type MatrixLike,
} from '@classlens/core';
import { checkFinite } from './finite.js';

/**
 * One sequence as the example data stores it (`examples/data/trajectories-*.json`,
 * docs/examples-trajectories.md): flat `states` (T × hidden) and `expected` (T × classes)
 * arrays, the tokens read, the true and predicted class.
 */
export interface SequenceRecord {
  id?: Key;
  label?: Key;
  prediction?: Key;
  tokens?: readonly string[];
  states?: ArrayLike<number>;
  expected?: ArrayLike<number>;
}

/** The raw inputs shared by `cl-trajectory-projection` and `cl-sequence-detail`. */
export interface SequenceInput {
  /** Records in the example-data format; when set, the columnar inputs below are ignored. */
  sequences?: readonly SequenceRecord[] | null;
  /** Hidden states of every step, stacked (total × d). */
  states?: MatrixLike | null;
  /** Sequence starts (n, from 0) or cumulative offsets (n + 1, ending at the total). */
  offsets?: ArrayLike<number> | null;
  /** Expected prediction per step: one number (binary P(positive)) or a row of class probabilities. */
  expected?: ArrayLike<number> | MatrixLike | null;
  /** Class names, in the column order of `expected`. */
  classes?: ArrayLike<Key> | null;
  /** One token per step (flat) or one array of tokens per sequence. */
  tokens?: ArrayLike<string> | readonly (readonly string[])[] | null;
  /** True class per sequence. */
  truth?: ArrayLike<Key> | null;
  /** Predicted class per sequence. */
  predicted?: ArrayLike<Key> | null;
  /** Unique id per sequence (default: its position). */
  ids?: ArrayLike<Key> | null;
  /** Number of steps when there are no states (e.g. precomputed points): the rows. */
  rows?: number;
}

/** The inputs, validated and normalised. Every array is new; the caller's are never kept. */
export interface SequenceData {
  /** Sequences. */
  n: number;
  /** Steps over all sequences (the item-index space of both elements). */
  total: number;
  /** n + 1 offsets: sequence s is rows `offsets[s] … offsets[s + 1] − 1`. */
  offsets: Uint32Array;
  /** Steps per sequence. */
  lengths: Uint32Array;
  /** The sequence of every step. */
  sequenceOf: Uint32Array;
  /** Hidden states (total × d), or `null`. */
  states: Matrix | null;
  /**
   * Class probabilities per step (total × m), or `null`. A binary scalar `p` becomes the
   * two columns `[1 − p, p]`, built on first read: a map of 10^6 points draws from
   * {@link SequenceData.binary} and never needs this 16 MB array (read {@link probCols} or
   * {@link probAt} instead of testing it).
   */
  readonly probs: Matrix | null;
  /**
   * P(class 1) per step when `expected` gave one number per step (the binary EP, kept as
   * given: a `Float32Array` input stays 32-bit), or `null` (a matrix of probabilities, or none).
   */
  binary: Float32Array | Float64Array | null;
  /** Columns of `probs` (2 for a binary scalar), 0 without probabilities: known without building `probs`. */
  probCols: number;
  /** Core's `expectedPrediction(probs)`: P(positive) for two classes, the top-class probability for more (computed on first read). */
  readonly ep: Float64Array | null;
  /** Top class per step (core's `topClasses(probs)`, computed on first read), or `null`. */
  readonly top: Int32Array | null;
  /** Class names (the columns of `probs`; default `0 … m − 1`, or the truth/predicted keys). */
  classes: Key[];
  /** One token per step, or `null`. */
  tokens: string[] | null;
  /** True class index per sequence (into `classes`), or `null`. */
  truth: Int32Array | null;
  /**
   * Predicted class index per sequence, or `null`. Without `predicted`, the top class of
   * each sequence's last step (the classifier's answer; -1 for an empty sequence).
   */
  predicted: Int32Array | null;
  /** Sequence ids. */
  ids: Key[];
}

/** Most steps an element accepts (typed arrays and index codes stay 32-bit). */
export const MAX_STEPS = 50_000_000;

const isArrayLike = (v: unknown): v is ArrayLike<unknown> =>
  v != null && typeof v === 'object' && typeof (v as ArrayLike<unknown>).length === 'number';

/**
 * Validates and normalises the sequence inputs. Throws a coded `ClasslensError` before
 * doing work: `NON_FINITE` (naming the position), `LENGTH_MISMATCH`, `INVALID_SHAPE`,
 * `INVALID_ARGUMENT`, `UNKNOWN_CLASS`, `DUPLICATE_KEY`. Returns `null` when there is no
 * input at all. O(total · (d + m)).
 */
export function readSequences(input: SequenceInput): SequenceData | null {
  if (Array.isArray(input.sequences)) return fromRecords(input.sequences, input.classes);
  const hasStates = input.states != null;
  if (!hasStates && input.rows === undefined) return null;
  const states = hasStates ? readStates(input.states as MatrixLike) : null;
  const total = states ? states.rows : (input.rows as number);
  if (total > MAX_STEPS) {
    throw new ClasslensError('INVALID_ARGUMENT', `states: ${total} steps exceed the limit of ${MAX_STEPS}`);
  }
  const offsets = readOffsets(input.offsets, total);
  const n = offsets.length - 1;
  const tokens = readTokens(input.tokens, offsets);
  const { probs, binary } = readExpected(input.expected, total);
  return finish({
    total,
    offsets,
    states,
    probs,
    binary,
    tokens,
    classes: input.classes,
    truth: input.truth,
    predicted: input.predicted,
    ids: input.ids,
    n,
  });
}

/** States as a finite matrix: typed matrices checked in a monomorphic loop (10^5 × 32 values in milliseconds). */
function readStates(states: MatrixLike): Matrix {
  if (!isMatrix(states)) return toMatrix(states, { name: 'states', finite: true });
  const m = toMatrix(states, { name: 'states' });
  checkFinite(m, 'states');
  return m;
}

/** Offsets (n + 1) from sequence starts or cumulative offsets; default one sequence. */
export function readOffsets(offsets: ArrayLike<number> | null | undefined, total: number): Uint32Array {
  if (offsets == null) return Uint32Array.of(0, total);
  if (!isArrayLike(offsets))
    throw new ClasslensError('INVALID_ARGUMENT', 'offsets: expected an array of sequence starts');
  const k = offsets.length;
  if (k === 0) {
    if (total === 0) return Uint32Array.of(0);
    throw new ClasslensError('LENGTH_MISMATCH', `offsets: empty, but there are ${total} steps`);
  }
  for (let i = 0; i < k; i++) {
    const v = offsets[i];
    if (typeof v !== 'number') {
      throw new ClasslensError('INVALID_ARGUMENT', `offsets: ${v === null ? 'null' : typeof v} at index ${i}`, {
        index: i,
      });
    }
    if (!Number.isFinite(v)) throw new ClasslensError('NON_FINITE', `offsets: ${v} at index ${i}`, { index: i });
    if (!Number.isInteger(v) || v < 0 || v > total) {
      throw new ClasslensError('INVALID_ARGUMENT', `offsets: ${v} at index ${i} is not a step in 0…${total}`, {
        index: i,
      });
    }
    if (i > 0 && v < offsets[i - 1]) {
      throw new ClasslensError('INVALID_ARGUMENT', `offsets: ${v} at index ${i} is less than the one before`, {
        index: i,
      });
    }
  }
  if (offsets[0] !== 0) throw new ClasslensError('INVALID_ARGUMENT', `offsets: must start at 0, got ${offsets[0]}`);
  // n + 1 cumulative offsets end at the total; n starts do not (a trailing empty
  // sequence is not a thing anyone means).
  const cumulative = k > 1 && offsets[k - 1] === total;
  const out = new Uint32Array(cumulative ? k : k + 1);
  for (let i = 0; i < k; i++) out[i] = offsets[i];
  out[out.length - 1] = total;
  return out;
}

function readTokens(tokens: SequenceInput['tokens'], offsets: Uint32Array): string[] | null {
  if (tokens == null) return null;
  if (!isArrayLike(tokens)) throw new ClasslensError('INVALID_ARGUMENT', 'tokens: expected an array');
  const n = offsets.length - 1;
  const total = offsets[n];
  const out: string[] = new Array<string>(total);
  const nested = tokens.length > 0 && Array.isArray(tokens[0]);
  if (nested) {
    if (tokens.length !== n) {
      throw new ClasslensError('LENGTH_MISMATCH', `tokens has ${tokens.length} sequences but offsets has ${n}`);
    }
    for (let s = 0; s < n; s++) {
      const t = tokens[s] as readonly string[];
      const len = offsets[s + 1] - offsets[s];
      if (!Array.isArray(t) || t.length !== len) {
        throw new ClasslensError(
          'LENGTH_MISMATCH',
          `tokens: sequence ${s} has ${isArrayLike(t) ? t.length : 'no'} tokens but ${len} steps`,
          { sequence: s },
        );
      }
      for (let k = 0; k < len; k++) out[offsets[s] + k] = token(t[k], offsets[s] + k);
    }
    return out;
  }
  if (tokens.length !== total) {
    throw new ClasslensError('LENGTH_MISMATCH', `tokens has length ${tokens.length} but there are ${total} steps`);
  }
  for (let i = 0; i < total; i++) out[i] = token(tokens[i], i);
  return out;
}

function token(v: unknown, i: number): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new ClasslensError(
    'INVALID_ARGUMENT',
    `tokens: ${v === null ? 'null' : typeof v} at step ${i}, expected a string`,
    {
      index: i,
    },
  );
}

/** Expected predictions per step: a matrix of class probabilities, or (binary) one P(class 1) per step. */
interface Expected {
  probs: Matrix | null;
  binary: Float32Array | Float64Array | null;
}

/**
 * Probabilities per step. A scalar per step (or a one-column matrix) is binary: kept as
 * one `Float64Array` of P(class 1); the two columns `[1 − p, p]` are built only when read
 * (see `finish`).
 */
function readExpected(expected: SequenceInput['expected'], total: number): Expected {
  if (expected == null) return { probs: null, binary: null };
  let binary: Float32Array | Float64Array;
  if (isMatrix(expected) || (isArrayLike(expected) && expected.length > 0 && isArrayLike(expected[0]))) {
    const m = toMatrix(expected as MatrixLike, { name: 'expected', finite: true });
    if (m.rows !== total) {
      throw new ClasslensError('LENGTH_MISMATCH', `expected has ${m.rows} rows but there are ${total} steps`);
    }
    if (m.cols === 0 && m.rows > 0) throw new ClasslensError('INVALID_SHAPE', 'expected: no class columns');
    if (m.cols !== 1) return { probs: m, binary: null };
    binary = m.data.slice();
  } else if (expected instanceof Float32Array) {
    binary = finite32(expected.slice());
  } else if (expected instanceof Float64Array) {
    binary = finite64(expected.slice());
  } else if (isArrayLike(expected)) {
    const a = expected as ArrayLike<unknown>;
    binary = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (typeof v !== 'number') {
        throw new ClasslensError('INVALID_ARGUMENT', `expected: ${v === null ? 'null' : typeof v} at step ${i}`, {
          index: i,
        });
      }
      if (!Number.isFinite(v)) throw new ClasslensError('NON_FINITE', `expected: ${v} at step ${i}`, { index: i });
      binary[i] = v;
    }
  } else {
    throw new ClasslensError('INVALID_ARGUMENT', 'expected: expected an array of numbers or a matrix');
  }
  if (binary.length !== total) {
    throw new ClasslensError('LENGTH_MISMATCH', `expected has ${binary.length} rows but there are ${total} steps`);
  }
  return { probs: null, binary };
}

// Typed arrays hold numbers: a copy (a memcpy) and only finiteness to check, in one loop
// per array type (so V8 keeps each monomorphic) and without a branch per value: `v − v` is
// 0 for a finite v and NaN otherwise, so one sum says whether to look for the first bad step.
function finite32(a: Float32Array): Float32Array {
  let bad = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    bad += v - v;
  }
  if (bad !== 0) throwNonFinite(a);
  return a;
}

function finite64(a: Float64Array): Float64Array {
  let bad = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    bad += v - v;
  }
  if (bad !== 0) throwNonFinite(a);
  return a;
}

function throwNonFinite(a: Float32Array | Float64Array): never {
  const i = a.findIndex((v) => !Number.isFinite(v));
  throw new ClasslensError('NON_FINITE', `expected: ${a[i]} at step ${i}`, { index: i });
}

/** The two columns `[1 − p, p]` of a binary EP (what `probs` was before it was kept as a scalar). */
function twoColumns(p: Float32Array | Float64Array): Matrix {
  const data = new Float64Array(p.length * 2);
  for (let i = 0; i < p.length; i++) {
    data[2 * i] = 1 - p[i];
    data[2 * i + 1] = p[i];
  }
  return { rows: p.length, cols: 2, data };
}

/**
 * Probability of class `k` at step `i`, without building `probs` for a binary scalar
 * (`1 − p` for class 0, `p` for class 1: the same numbers `probs` holds). `NaN` without
 * probabilities.
 */
export function probAt(data: SequenceData, i: number, k: number): number {
  if (data.binary) return k === 1 ? data.binary[i] : 1 - data.binary[i];
  const m = data.probs;
  return m ? m.data[i * m.cols + k] : NaN;
}

function fromRecords(records: readonly SequenceRecord[], classes: SequenceInput['classes']): SequenceData {
  const n = records.length;
  for (let s = 0; s < n; s++) {
    const r = records[s];
    if (r === null || typeof r !== 'object') {
      throw new ClasslensError('INVALID_ARGUMENT', `sequences: ${r === null ? 'null' : typeof r} at index ${s}`, {
        index: s,
      });
    }
  }
  const lengths = new Uint32Array(n);
  const tokenLists: (readonly string[] | undefined)[] = records.map((r) => r.tokens);
  const haveTokens = tokenLists.some((t) => t !== undefined);
  // Lengths from tokens, else from states/expected with the width inferred below.
  let width = 0;
  let stateParts: ArrayLike<number>[] | null = null;
  if (records.some((r) => r.states != null)) {
    stateParts = records.map((r, s) => {
      if (!isArrayLike(r.states)) throw new ClasslensError('INVALID_ARGUMENT', `sequences[${s}].states: missing`);
      return r.states;
    });
  }
  for (let s = 0; s < n; s++) {
    const t = tokenLists[s];
    if (haveTokens) {
      if (!Array.isArray(t)) throw new ClasslensError('INVALID_ARGUMENT', `sequences[${s}].tokens: missing`);
      lengths[s] = t.length;
    }
  }
  if (!haveTokens && n > 0) {
    throw new ClasslensError('INVALID_ARGUMENT', 'sequences: every record needs its tokens (to know its length)');
  }
  const offsets = sequenceOffsets(lengths);
  const total = offsets[n];
  if (total > MAX_STEPS)
    throw new ClasslensError('INVALID_ARGUMENT', `sequences: ${total} steps exceed the limit of ${MAX_STEPS}`);
  let states: Matrix | null = null;
  if (stateParts) {
    const firstLong = stateParts.findIndex((p, s) => lengths[s] > 0 && p.length > 0);
    width = firstLong < 0 ? 0 : stateParts[firstLong].length / lengths[firstLong];
    if (!Number.isInteger(width) || width <= 0) {
      throw new ClasslensError(
        'INVALID_SHAPE',
        `sequences[${firstLong}].states: ${stateParts[firstLong]?.length} values for ${lengths[firstLong]} tokens`,
      );
    }
    const stacked = stackSequences(stateParts, width);
    checkStackLengths(stacked.lengths, lengths, 'states');
    states = stacked.matrix;
  }
  let probs: Matrix | null = null;
  let binary: Float32Array | Float64Array | null = null;
  if (records.some((r) => r.expected != null)) {
    const parts = records.map((r, s) => {
      if (!isArrayLike(r.expected)) throw new ClasslensError('INVALID_ARGUMENT', `sequences[${s}].expected: missing`);
      return r.expected;
    });
    const m = isArrayLike(classes) && classes.length > 0 ? classes.length : inferWidth(parts, lengths);
    const stacked = stackSequences(parts, m);
    checkStackLengths(stacked.lengths, lengths, 'expected');
    probs = stacked.matrix;
    if (probs.cols === 1) ({ probs, binary } = readExpected(probs, total));
  }
  const tokens: string[] = new Array<string>(total);
  for (let s = 0; s < n; s++) {
    const t = tokenLists[s] as readonly string[];
    for (let k = 0; k < t.length; k++) tokens[offsets[s] + k] = token(t[k], offsets[s] + k);
  }
  const pick = (f: 'label' | 'prediction' | 'id') =>
    records.some((r) => r[f] !== undefined) ? records.map((r) => r[f] as Key) : undefined;
  return finish({
    total,
    offsets,
    states,
    probs,
    binary,
    tokens,
    classes,
    truth: pick('label'),
    predicted: pick('prediction'),
    ids: pick('id'),
    n,
  });
}

function inferWidth(parts: ArrayLike<number>[], lengths: Uint32Array): number {
  for (let s = 0; s < parts.length; s++) {
    if (lengths[s] > 0) {
      const w = parts[s].length / lengths[s];
      if (Number.isInteger(w) && w > 0) return w;
      throw new ClasslensError(
        'INVALID_SHAPE',
        `sequences[${s}].expected: ${parts[s].length} values for ${lengths[s]} tokens`,
      );
    }
  }
  return 1;
}

function checkStackLengths(got: Uint32Array, want: Uint32Array, name: string) {
  for (let s = 0; s < want.length; s++) {
    if (got[s] !== want[s]) {
      throw new ClasslensError('LENGTH_MISMATCH', `sequences[${s}].${name}: ${got[s]} steps but ${want[s]} tokens`, {
        sequence: s,
      });
    }
  }
}

interface Parts {
  n: number;
  total: number;
  offsets: Uint32Array;
  states: Matrix | null;
  probs: Matrix | null;
  binary: Float32Array | Float64Array | null;
  tokens: string[] | null;
  classes: ArrayLike<Key> | null | undefined;
  truth: ArrayLike<Key> | null | undefined;
  predicted: ArrayLike<Key> | null | undefined;
  ids: ArrayLike<Key> | null | undefined;
}

function finish(p: Parts): SequenceData {
  const { n, total, offsets, binary } = p;
  // A binary EP builds its two columns only when something reads `probs`.
  let probs: Matrix | null | undefined = binary ? undefined : p.probs;
  const probsOf = (): Matrix | null =>
    probs === undefined ? (probs = twoColumns(binary as Float32Array | Float64Array)) : probs;
  const hasProbs = binary !== null || p.probs !== null;
  const probCols = binary ? 2 : p.probs ? p.probs.cols : 0;
  const lengths = new Uint32Array(n);
  const sequenceOf = new Uint32Array(total);
  for (let s = 0; s < n; s++) {
    lengths[s] = offsets[s + 1] - offsets[s];
    sequenceOf.fill(s, offsets[s], offsets[s + 1]);
  }
  const seqArray = (a: ArrayLike<Key> | null | undefined, name: string): ArrayLike<Key> | null => {
    if (a == null) return null;
    if (!isArrayLike(a)) throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected an array`);
    if (a.length !== n) {
      throw new ClasslensError('LENGTH_MISMATCH', `${name} has length ${a.length} but there are ${n} sequences`);
    }
    return a;
  };
  const truthKeys = seqArray(p.truth, 'truth');
  const predKeys = seqArray(p.predicted, 'predicted');
  const idKeys = seqArray(p.ids, 'ids');
  let classList: Key[];
  if (p.classes != null) {
    if (!isArrayLike(p.classes)) throw new ClasslensError('INVALID_ARGUMENT', 'classes: expected an array');
    classList = new KeyIndex(p.classes, 'classes').keys.slice();
    if (hasProbs && probCols !== classList.length) {
      throw new ClasslensError(
        'LENGTH_MISMATCH',
        `classes has ${classList.length} names but expected has ${probCols} columns`,
      );
    }
  } else if (hasProbs) {
    classList = Array.from({ length: probCols }, (_, i) => i);
  } else {
    if (truthKeys) checkKeys(truthKeys, 'truth');
    if (predKeys) checkKeys(predKeys, 'predicted');
    classList = uniqueKeys(...[truthKeys, predKeys].filter((a): a is ArrayLike<Key> => a !== null));
  }
  const index = new KeyIndex(classList, 'classes');
  const truth = truthKeys ? encodeKeys(truthKeys, index, 'truth') : null;
  let predicted = predKeys ? encodeKeys(predKeys, index, 'predicted') : null;
  let ids: Key[];
  if (idKeys) {
    const idx = new KeyIndex(idKeys, 'ids');
    ids = idx.keys.slice();
  } else ids = Array.from({ length: n }, (_, i) => i);
  // EP and top classes through core, computed on first use: a map of 10^6 points needs
  // neither to draw its first frame (the colours read the probabilities).
  // A binary scalar is its own EP (core's rule for two columns: the second), and its top
  // class is core's `topClasses` rule on `[1 − p, p]` (the first largest: a tie is class 0).
  // (A 32-bit scalar is widened on first read of `ep`: the colours and tooltips read `binary`.)
  let ep: Float64Array | null | undefined = binary instanceof Float64Array ? binary : hasProbs ? undefined : null;
  let top: Int32Array | null | undefined = hasProbs ? undefined : null;
  const topOf = (): Int32Array | null =>
    top === undefined ? (top = binary ? binaryTop(binary) : topClasses(probs as Matrix)) : top;
  if (!predicted && hasProbs && truth) {
    // The classifier's answer is its expected prediction after the last step.
    const t = topOf() as Int32Array;
    predicted = new Int32Array(n).fill(-1);
    for (let s = 0; s < n; s++) if (lengths[s] > 0) predicted[s] = t[offsets[s + 1] - 1];
  }
  const data = {
    n,
    total,
    offsets,
    lengths,
    sequenceOf,
    states: p.states,
    binary,
    probCols,
    classes: classList,
    tokens: p.tokens,
    truth,
    predicted,
    ids,
  } as Omit<SequenceData, 'ep' | 'top' | 'probs'> as SequenceData;
  Object.defineProperties(data, {
    probs: { enumerable: true, get: probsOf },
    ep: {
      enumerable: true,
      get: () =>
        ep === undefined ? (ep = binary ? Float64Array.from(binary) : expectedPrediction(probs as Matrix)) : ep,
    },
    top: { enumerable: true, get: topOf },
  });
  return data;
}

function binaryTop(p: Float32Array | Float64Array): Int32Array {
  const out = new Int32Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = p[i] > 1 - p[i] ? 1 : 0;
  return out;
}
