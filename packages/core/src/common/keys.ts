import { ClasslensError } from './errors.js';
import { checkMixedSpelling } from './internal/mixed-keys.js';
import { describeType, describeValue } from './internal/validate.js';

/** A class label or category value. */
export type Key = string | number;

/**
 * Reads a value from a record: a field name, or a function called as `(d, i, data)`
 * (d3 / Observable Plot convention).
 */
export type Accessor<T, V> = keyof T | string | ((d: T, i: number, data: readonly T[]) => V);

/** Applies an {@link Accessor} to every record, returning a plain array. */
export function applyAccessor<T, V = unknown>(data: readonly T[], accessor: Accessor<T, V>, name = 'accessor'): V[] {
  const out = new Array<V>(data.length);
  if (typeof accessor === 'function') {
    for (let i = 0; i < data.length; i++) out[i] = accessor(data[i], i, data);
  } else if (typeof accessor === 'string' || typeof accessor === 'number' || typeof accessor === 'symbol') {
    const f = accessor as keyof T;
    // `d.__proto__` would read the record's prototype: only an own field of that name counts.
    const own = accessor === '__proto__';
    for (let i = 0; i < data.length; i++) {
      const d = data[i];
      out[i] = (d == null || (own && !Object.prototype.hasOwnProperty.call(d, f)) ? undefined : d[f]) as V;
    }
  } else {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected a field name or a function`);
  }
  return out;
}

/** `true` for a usable key: a string, or a finite number. */
export function isKey(v: unknown): v is Key {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

/**
 * Checks that every array has the same length; throws `LENGTH_MISMATCH` naming both
 * lengths otherwise. `arrays` maps a display name to the array.
 */
export function checkLengths(arrays: Record<string, ArrayLike<unknown> | { rows: number }>): number {
  if (arrays === null || typeof arrays !== 'object') {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `checkLengths: expected an object of arrays, got ${describeValue(arrays)}`,
    );
  }
  return checkLengthsOf(Object.entries(arrays));
}

/**
 * {@link checkLengths} over (name, array) pairs, for callers whose names come from data
 * (a stage named `__proto__`, two stages with one name) and so cannot be object keys.
 * @internal
 */
export function checkLengthsOf(arrays: readonly (readonly [string, ArrayLike<unknown> | { rows: number }])[]): number {
  let first: [string, number] | undefined;
  for (const [name, a] of arrays) {
    if (a == null) throw new ClasslensError('INVALID_ARGUMENT', `${name}: missing`);
    if (typeof a !== 'object' && typeof a !== 'function') {
      throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected an array, got ${describeType(a)}`);
    }
    const n = 'rows' in a && typeof a.rows === 'number' ? a.rows : (a as ArrayLike<unknown>).length;
    if (typeof n !== 'number') throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected an array`);
    if (first === undefined) first = [name, n];
    else if (n !== first[1]) {
      const details: Record<string, unknown> = {};
      Object.defineProperty(details, first[0], {
        value: first[1],
        enumerable: true,
        writable: true,
        configurable: true,
      });
      Object.defineProperty(details, name, { value: n, enumerable: true, writable: true, configurable: true });
      throw new ClasslensError(
        'LENGTH_MISMATCH',
        `${name} has length ${n} but ${first[0]} has length ${first[1]}`,
        details,
      );
    }
  }
  return first?.[1] ?? 0;
}

/**
 * Validates an array of keys: every entry must be a string or a finite number.
 * Throws `INVALID_ARGUMENT` naming the first bad index (`NON_FINITE` for NaN/±Infinity).
 */
export function checkKeys(a: ArrayLike<unknown>, name = 'keys'): asserts a is ArrayLike<Key> {
  // A string has a length too, but `'ab'` is not the key list ['a', 'b'].
  if (a == null || typeof a !== 'object' || typeof (a as ArrayLike<unknown>).length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected an array of keys, got ${describeType(a)}`);
  }
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v === 'string') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new ClasslensError('NON_FINITE', `${name}: ${v} at index ${i}`, { index: i });
      continue;
    }
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `${name}: ${describeValue(v)} at index ${i}, expected a string or number`,
      {
        index: i,
      },
    );
  }
}

/**
 * An index over a list of class keys. `indexOf` is O(1). Throws `DUPLICATE_KEY` if the
 * list repeats a key, or holds both `1` and `"1"` (different keys that every view would
 * label the same).
 */
export class KeyIndex {
  readonly keys: readonly Key[];
  private readonly map = new Map<Key, number>();

  constructor(keys: ArrayLike<Key>, name = 'classes') {
    checkKeys(keys, name);
    const list: Key[] = [];
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (this.map.has(k))
        throw new ClasslensError('DUPLICATE_KEY', `${name}: duplicate key ${JSON.stringify(k)}`, { key: k });
      this.map.set(k, i);
      list.push(k);
    }
    checkMixedSpelling(list, name);
    this.keys = list;
  }

  get size(): number {
    return this.keys.length;
  }

  /** Position of `k`, or -1. */
  indexOf(k: Key): number {
    const i = this.map.get(k);
    return i === undefined ? -1 : i;
  }

  has(k: Key): boolean {
    return this.map.has(k);
  }
}

/**
 * Orders keys the way every core function lists classes when the caller gives none:
 * numbers ascending, then strings in code-unit order. Deterministic, locale-free.
 */
export function compareKeys(a: Key, b: Key): number {
  const na = typeof a === 'number';
  const nb = typeof b === 'number';
  if (na && nb) return (a as number) - (b as number);
  if (na) return -1;
  if (nb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The distinct keys of one or more arrays, sorted by {@link compareKeys}. Throws as
 * {@link checkKeys} for an argument that is not an array of keys.
 */
export function uniqueKeys(...arrays: ArrayLike<Key>[]): Key[] {
  arrays.forEach((a, i) => checkKeys(a, arrays.length === 1 ? 'keys' : `arrays[${i}]`));
  const set = new Set<Key>();
  for (const a of arrays) for (let i = 0; i < a.length; i++) set.add(a[i]);
  return Array.from(set).sort(compareKeys);
}

/**
 * Encodes keys as class indices into `index`. Unknown keys throw `UNKNOWN_CLASS`
 * naming the label, unless `unknown` gives an index to use instead.
 */
export function encodeKeys(a: ArrayLike<Key>, index: KeyIndex, name = 'labels', unknown?: number): Int32Array {
  if (a == null || typeof a !== 'object' || typeof a.length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected an array of keys, got ${describeType(a)}`);
  }
  if (!(index instanceof KeyIndex))
    throw new ClasslensError('INVALID_ARGUMENT', 'encodeKeys: index must be a KeyIndex');
  const out = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const j = index.indexOf(a[i]);
    if (j < 0) {
      if (unknown === undefined) {
        throw new ClasslensError('UNKNOWN_CLASS', `${name}: unknown class ${JSON.stringify(a[i])} at index ${i}`, {
          key: a[i],
          index: i,
        });
      }
      out[i] = unknown;
    } else out[i] = j;
  }
  return out;
}
