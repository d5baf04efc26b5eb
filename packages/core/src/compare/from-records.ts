import { ClasslensError, applyAccessor, type Accessor, type Key } from '../common/index.js';
import { setOwn } from '../common/internal/validate.js';

/** Which field (or function) of a record holds each input of the compare functions. */
export interface RecordAccessors<T> {
  /** The true label. */
  truth?: Accessor<T, Key>;
  /** The prediction of a single model. */
  pred?: Accessor<T, Key>;
  /** Model name → its prediction. */
  preds?: Record<string, Accessor<T, Key>>;
  /** The class probabilities (one array per record, columns in class order). */
  probs?: Accessor<T, ArrayLike<number>>;
  /** A text (for {@link wordFrequencies}). */
  text?: Accessor<T, string>;
  /** The item's weight (e.g. sales), for the `weights` option of the counting functions. */
  weights?: Accessor<T, number>;
}

/** The columns {@link fromRecords} reads: one array per accessor given. */
export interface RecordColumns {
  truth?: Key[];
  pred?: Key[];
  preds?: Record<string, Key[]>;
  probs?: ArrayLike<number>[];
  text?: string[];
  weights?: number[];
}

/**
 * Reads the columnar inputs of the compare functions from records: each accessor is a
 * field name or a function `(d, i, data) => value` (d3 / Observable Plot convention).
 * Only reads; the functions the columns are passed to validate them, once.
 *
 * @param data - the records.
 * @param accessors - which fields hold `truth`, `pred`, `preds`, `probs`, `text`, `weights`.
 * @returns one array per accessor given (the records are never modified).
 * @throws `INVALID_ARGUMENT` when `data` is not an array or an accessor is neither a
 *   field name nor a function.
 * @remarks O(n) per accessor.
 * @example
 * const rows = [{ label: 'cat', v1: 'dog', v2: 'cat' }];
 * const { truth, preds } = fromRecords(rows, { truth: 'label', preds: { v1: 'v1', v2: (d) => d.v2 } });
 * filterItems(truth!, preds!, { correct: { v1: false, v2: true } }); // Uint32Array [0]
 */
export function fromRecords<T>(data: readonly T[], accessors: RecordAccessors<T>): RecordColumns {
  if (!Array.isArray(data)) throw new ClasslensError('INVALID_ARGUMENT', 'data: expected an array of records');
  if (accessors === null || typeof accessors !== 'object')
    throw new ClasslensError('INVALID_ARGUMENT', 'accessors: expected an object');
  const out: RecordColumns = {};
  if (accessors.truth != null) out.truth = applyAccessor(data, accessors.truth, 'truth');
  if (accessors.pred != null) out.pred = applyAccessor(data, accessors.pred, 'pred');
  if (accessors.preds != null) {
    if (typeof accessors.preds !== 'object')
      throw new ClasslensError('INVALID_ARGUMENT', 'preds: expected model name → accessor');
    out.preds = {};
    for (const [name, a] of Object.entries(accessors.preds))
      setOwn(out.preds, name, applyAccessor(data, a, `preds.${name}`));
  }
  if (accessors.probs != null) out.probs = applyAccessor(data, accessors.probs, 'probs');
  if (accessors.text != null) out.text = applyAccessor(data, accessors.text, 'text');
  if (accessors.weights != null) out.weights = applyAccessor(data, accessors.weights, 'weights');
  return out;
}
