// Internal (not re-exported): the one place where the compare functions turn label
// columns into class indices. Every public function validates through here, once,
// before any work.
import {
  ClasslensError,
  KeyIndex,
  checkKeys,
  checkLengths,
  encodeKeys,
  isClasslensError,
  isKey,
  compareKeys,
  type Key,
} from '../../common/index.js';
import { checkMixedSpelling } from '../../common/internal/mixed-keys.js';
import type { Weights } from '../../common/internal/weights.js';
import { describeValue } from '../../common/internal/validate.js';
import { firstBadIndex } from './counting-kernels.js';

/** Label columns encoded against one shared class list. */
export interface EncodedLabels {
  /** The class list; code `j` stands for `classes[j]`. */
  readonly classes: Key[];
  /** One column of class indices per input column, in input order. */
  readonly codes: Int32Array[];
  /** Number of items (common length of every column). */
  readonly n: number;
  /** Column names for error messages, in input order. */
  readonly names: readonly string[];
  /**
   * Zero-copy columns (positions) whose class indices are not range-checked yet — only
   * with `deferCheck`. The caller's first pass must notice an index outside [0, m) and
   * then call {@link checkDeferred} before returning anything.
   */
  readonly unchecked: readonly number[];
}

/** Integer typed arrays are read as class indices when a `classes` list is given. */
export function isIndexArray(a: unknown): a is ArrayLike<number> {
  return (
    a instanceof Int32Array ||
    a instanceof Uint32Array ||
    a instanceof Uint16Array ||
    a instanceof Int16Array ||
    a instanceof Uint8Array ||
    a instanceof Int8Array ||
    a instanceof Uint8ClampedArray
  );
}

/** Throws `UNKNOWN_CLASS` at the first entry of `a` outside `[0, m)`. */
function checkIndices(a: ArrayLike<number>, m: number, name: string): void {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    // `>>> 0` maps negative values above every valid index: one compare per entry.
    if (v >>> 0 >= m) {
      throw new ClasslensError('UNKNOWN_CLASS', `${name}: class index ${v} at index ${i} is not in [0, ${m})`, {
        key: v,
        index: i,
      });
    }
  }
}

/** `encodeKeys`, but a NaN/null/object entry gets its precise code instead of UNKNOWN_CLASS. */
function encodeColumn(a: ArrayLike<Key>, index: KeyIndex, name: string): Int32Array {
  try {
    return encodeKeys(a, index, name);
  } catch (e) {
    // Every entry before the failing one was found, hence a valid key: checkKeys
    // therefore throws at exactly the failing index when that entry is not a key.
    if (isClasslensError(e, 'UNKNOWN_CLASS') && !isKey(e.details?.key)) checkKeys(a, name);
    throw e;
  }
}

/**
 * Validates and encodes label columns against one class list.
 *
 * - With `classes`: integer typed arrays are class indices into it (an `Int32Array`
 *   is used as is, zero-copy; other integer arrays are copied), every other column
 *   holds keys that must all be in `classes` (`UNKNOWN_CLASS` otherwise).
 * - Without: every column holds keys, and the classes are their sorted union.
 *
 * Throws `LENGTH_MISMATCH`, `INVALID_ARGUMENT`, `NON_FINITE`, `UNKNOWN_CLASS`,
 * `DUPLICATE_KEY` (in `classes`).
 *
 * `deferCheck` leaves the range check of zero-copy `Int32Array` columns to the caller's
 * first pass over the items (kernels.ts), which reads every column anyway: checking them
 * here costs a full extra read of the input.
 */
export function encodeLabels(
  columns: Record<string, ArrayLike<Key>>,
  classes?: ArrayLike<Key>,
  deferCheck = false,
): EncodedLabels {
  for (const [name, a] of Object.entries(columns)) {
    // checkLengths would hit `'rows' in a` (a TypeError) on a number or a string.
    if (a === null || typeof a !== 'object' || typeof a.length !== 'number') {
      throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected an array of labels`);
    }
  }
  const n = checkLengths(columns);
  const entries = Object.entries(columns);
  const names = entries.map(([name]) => name);
  if (classes != null) {
    const index = new KeyIndex(classes, 'classes');
    const m = index.size;
    const direct: number[] = [];
    const codes = entries.map(([name, a], j) => {
      if (a instanceof Int32Array) {
        direct.push(j);
        return a;
      }
      if (isIndexArray(a)) {
        checkIndices(a, m, name);
        return Int32Array.from(a);
      }
      return encodeColumn(a, index, name);
    });
    const enc = { classes: index.keys.slice(), codes, n, names, unchecked: direct };
    if (!deferCheck) checkDeferred(enc);
    return deferCheck ? enc : { ...enc, unchecked: [] };
  }
  return encodeUnion(entries, n, names);
}

/**
 * Range-checks the zero-copy columns that `encodeLabels(…, deferCheck)` left unchecked,
 * row-wise (see kernels.ts); throws `UNKNOWN_CLASS` naming the column and index.
 */
export function checkDeferred(enc: EncodedLabels): void {
  if (enc.unchecked.length === 0) return;
  const m = enc.classes.length;
  const bad = firstBadIndex(
    enc.unchecked.map((j) => enc.codes[j]),
    m,
  );
  if (bad) {
    const j = enc.unchecked[bad.col];
    checkIndices(enc.codes[j], m, enc.names[j]);
  }
}

/**
 * Throws the precise `UNKNOWN_CLASS` error after a kernel's first pass saw a class index
 * outside [0, m) in a column that `deferCheck` left unchecked.
 */
export function failDeferred(enc: EncodedLabels): never {
  checkDeferred(enc);
  // Reachable only if a kernel flagged an index the check accepts, i.e. a bug here.
  throw new ClasslensError('UNKNOWN_CLASS', 'class index out of range');
}

/**
 * Encodes key columns against the sorted union of their keys in one hashing pass per
 * column: classes get provisional codes in first-seen order, then one typed-array pass
 * renumbers them into `compareKeys` order. (checkKeys + uniqueKeys + encodeKeys would
 * hash every label twice and type-check it once more — 3× the work on 10⁶ labels.)
 */
function encodeUnion(entries: [string, ArrayLike<Key>][], n: number, names: string[]): EncodedLabels {
  // String labels go through a prototype-less dictionary object, which V8 looks up
  // ~1.5× faster than a Map for internalized strings; numbers keep a Map, so that 1 and
  // "1" stay different classes.
  const byString: Record<string, number> = Object.create(null) as Record<string, number>;
  const byOther = new Map<Key, number>();
  const seen: Key[] = [];
  const codes = entries.map(([name, a]) => {
    const out = new Int32Array(a.length);
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      let j = typeof v === 'string' ? byString[v] : byOther.get(v);
      if (j === undefined) {
        // Every earlier entry is a valid key, so checkKeys throws at exactly this index.
        if (!isKey(v)) checkKeys(a, name);
        j = seen.length;
        if (typeof v === 'string') byString[v] = j;
        else byOther.set(v, j);
        seen.push(v);
      }
      out[i] = j;
    }
    return out;
  });
  if (seen.length > 1 && seen.some((k) => typeof k === 'number') && seen.some((k) => typeof k === 'string')) {
    checkMixedColumns(entries, seen);
  }
  const order = seen.map((_, j) => j).sort((x, y) => compareKeys(seen[x], seen[y]));
  const rank = new Int32Array(seen.length);
  let identity = true;
  order.forEach((j, r) => {
    rank[j] = r;
    if (j !== r) identity = false;
  });
  if (!identity) for (const c of codes) for (let i = 0; i < c.length; i++) c[i] = rank[c[i]];
  return { classes: order.map((j) => seen[j]), codes, n, names, unchecked: [] };
}

/**
 * Throws `DUPLICATE_KEY` when the classes of several label columns (one key space) hold a
 * number and its string spelling, naming where each first occurs. Only on a mix of types.
 */
function checkMixedColumns(entries: [string, ArrayLike<Key>][], seen: Key[]): void {
  try {
    checkMixedSpelling(seen, 'labels');
  } catch (e) {
    const s = String((e as ClasslensError).details?.key);
    const where = (k: Key): string => {
      for (const [name, a] of entries)
        for (let i = 0; i < a.length; i++) if (a[i] === k) return `${name} at index ${i}`;
      return '';
    };
    throw new ClasslensError(
      'DUPLICATE_KEY',
      `labels: both ${s} and "${s}" occur (${s} in ${where(Number(s))}, "${s}" in ${where(s)}); use one type per key`,
      { key: s },
    );
  }
}

/**
 * Checks a `preds` argument (model name → labels) and returns its entries in model
 * order (`Object.keys` order, or `models` when given). Throws `INVALID_ARGUMENT`
 * for a non-object or fewer than `min` models, `MISSING_KEY` for a name in
 * `models` that `preds` lacks, `DUPLICATE_KEY` for a name listed twice.
 */
export function modelEntries(
  preds: Record<string, ArrayLike<Key>>,
  min: number,
  models?: readonly string[],
): [string, ArrayLike<Key>][] {
  if (preds === null || typeof preds !== 'object') {
    throw new ClasslensError('INVALID_ARGUMENT', 'preds: expected an object of model name → predictions');
  }
  let names: string[];
  if (models != null) {
    if (!Array.isArray(models) || models.some((d) => typeof d !== 'string')) {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `models: expected an array of model names, got ${describeValue(models)}`,
      );
    }
    names = [];
    const seen = new Set<string>();
    for (const name of models) {
      if (seen.has(name))
        throw new ClasslensError('DUPLICATE_KEY', `models: duplicate model ${JSON.stringify(name)}`, { key: name });
      if (!Object.prototype.hasOwnProperty.call(preds, name)) {
        throw new ClasslensError('MISSING_KEY', `models: no predictions for model ${JSON.stringify(name)}`, {
          key: name,
        });
      }
      seen.add(name);
      names.push(name);
    }
  } else names = Object.keys(preds);
  if (names.length < min) {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `preds: expected at least ${min} model${min === 1 ? '' : 's'}, got ${names.length}`,
    );
  }
  return names.map((name) => [name, preds[name]]);
}

/**
 * Encodes `truth` and every model's predictions with one class list. Columns are
 * named `truth` and `preds.<model>` in error messages.
 */
export function encodeComparison(
  truth: ArrayLike<Key>,
  models: [string, ArrayLike<Key>][],
  classes?: ArrayLike<Key>,
  deferCheck = false,
): EncodedLabels {
  const columns: Record<string, ArrayLike<Key>> = { truth };
  for (const [name, a] of models) columns[`preds.${name}`] = a;
  return encodeLabels(columns, classes, deferCheck);
}

/**
 * Validates an optional list of item indices (integers in `[0, n)`); throws
 * `INVALID_ARGUMENT` naming the first bad one.
 */
export function checkItemIndices(indices: ArrayLike<number>, n: number, name = 'indices'): void {
  if (indices == null || typeof indices.length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected an array of item indices`);
  }
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new ClasslensError('INVALID_ARGUMENT', `${name}: ${i} at position ${k} is not an item index in [0, ${n})`, {
        index: k,
      });
    }
  }
}

/**
 * Options of the counting functions whose third argument used to be only a class list
 * (`confusionMatrix`, `classMetrics`, `metricsSummary`).
 */
export interface CountOptions {
  /** Class list (order of rows and columns); with it, integer typed arrays are class indices. */
  classes?: ArrayLike<Key>;
  /**
   * Item weights (an array, or `(i) => weight`; non-negative finite numbers): each count
   * becomes the sum of its items' weights. Default: every item counts 1.
   */
  weights?: Weights;
}

/**
 * The third argument of `confusionMatrix`/`classMetrics`/`metricsSummary`: a class list
 * (an array, as before) or `{ classes, weights }`. Anything else is `INVALID_ARGUMENT`
 * (a string is not a class list read letter by letter).
 */
export function countOptions(arg: ArrayLike<Key> | CountOptions | undefined | null): CountOptions {
  if (arg == null) return {};
  if (typeof arg === 'object' && typeof (arg as ArrayLike<Key>).length === 'number')
    return { classes: arg as ArrayLike<Key> };
  if (typeof arg === 'object') {
    const o = arg as CountOptions;
    return { classes: o.classes ?? undefined, weights: o.weights ?? undefined };
  }
  throw new ClasslensError(
    'INVALID_ARGUMENT',
    `classes: expected an array of keys or { classes, weights }, got ${describeValue(arg)}`,
  );
}
