// Internal (not exported from the package): the checks every public function applies to
// its options, so that options get the same validation as data — a wrong type is an
// error naming the option, never coerced (`'2'` read as 2, `'yes'` as false), and a size
// beyond what core allocates is refused before allocating.
import { ClasslensError } from '../errors.js';

/**
 * Most elements core allocates for one array whose size an option or the product of
 * input sizes decides (n × k memberships, n × neighbours, bins, …): 2^27, i.e. 1 GiB of
 * float64. Past it, typed-array allocation throws an uncoded `RangeError` at best, and
 * plain arrays abort the whole process (V8's fatal out-of-memory, which no `catch` sees).
 */
export const MAX_ELEMENTS = 2 ** 27;

/**
 * A value as error messages show it: numbers as they print, strings quoted with their
 * type (`string "5"`, so that it never reads as the number 5), `null`, `undefined`,
 * `boolean true`, `an array`, `an object`.
 */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return String(v);
    case 'string':
      return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
    case 'boolean':
      return `boolean ${v}`;
    case 'bigint':
      return `bigint ${v}`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return Array.isArray(v) ? 'an array' : ArrayBuffer.isView(v) ? 'a typed array' : 'an object';
  }
}

/**
 * {@link describeValue} for messages that expected something other than a number: a
 * number is shown with its type too (`number 5`).
 */
export function describeType(v: unknown): string {
  return typeof v === 'number' ? `number ${v}` : describeValue(v);
}

/**
 * The error for `v` where a finite number is required: `NON_FINITE` for NaN/±Infinity,
 * `NOT_A_NUMBER` for anything that is not a number (`null` gets a hint: JSON writes NaN
 * as null). `where` locates it, e.g. `"at row 2, column 0"`.
 */
export function badNumber(name: string, v: unknown, where: string, details?: Record<string, unknown>): ClasslensError {
  if (typeof v === 'number') return new ClasslensError('NON_FINITE', `${name}: ${v} ${where}`, details);
  const hint = v === null ? ' (JSON writes NaN as null)' : '';
  return new ClasslensError('NOT_A_NUMBER', `${name}: ${describeValue(v)} ${where}, expected a number${hint}`, details);
}

/**
 * The options argument as an object: `undefined`/`null` give `{}`; anything else that is
 * not a plain object (a string, a number, an array) is `INVALID_ARGUMENT`.
 */
export function optionsOf<T extends object>(options: T | undefined | null, name = 'options'): Partial<T> {
  if (options == null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected an object, got ${describeValue(options)}`);
  }
  return options;
}

/** Options read as unset: `undefined` and `null` (as the elements treat unset properties). */
function unset(v: unknown): v is undefined | null {
  return v === undefined || v === null;
}

/**
 * An integer option in [min, max] (`fallback` when unset). A non-integer or a value below
 * `min` is `INVALID_ARGUMENT`; a value above `max` is `TOO_LARGE` (a size core refuses to
 * allocate). `allowInfinity` accepts `Infinity` ("no limit").
 */
export function integerOption(
  v: unknown,
  name: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
  allowInfinity = false,
): number {
  if (unset(v)) return fallback;
  if (typeof v !== 'number' || !(Number.isInteger(v) || (allowInfinity && v === Infinity)) || v < min) {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `${name}: expected an integer ≥ ${min}${allowInfinity ? ' (or Infinity)' : ''}, got ${describeValue(v)}`,
    );
  }
  if (v > max && v !== Infinity) {
    throw new ClasslensError('TOO_LARGE', `${name}: ${v} is more than the ${max} allowed`, { [name]: v, max });
  }
  return v;
}

/** Bounds of {@link numberOption}. */
export interface NumberRange {
  /** Smallest allowed value (inclusive unless `minExclusive`). */
  min?: number;
  minExclusive?: boolean;
  /** Largest allowed value (inclusive unless `maxExclusive`). */
  max?: number;
  maxExclusive?: boolean;
  /** Accept ±Infinity (default `false`). */
  infinite?: boolean;
}

/** A number option within `range` (`fallback` when unset); `INVALID_ARGUMENT` otherwise. */
export function numberOption(v: unknown, name: string, fallback: number, range: NumberRange = {}): number {
  if (unset(v)) return fallback;
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false, infinite = false } = range;
  const ok =
    typeof v === 'number' &&
    !Number.isNaN(v) &&
    (infinite || Number.isFinite(v)) &&
    (minExclusive ? v > min : v >= min) &&
    (maxExclusive ? v < max : v <= max);
  if (!ok) {
    const parts: string[] = [];
    if (min > -Infinity) parts.push(`${minExclusive ? '>' : '≥'} ${min}`);
    if (max < Infinity) parts.push(`${maxExclusive ? '<' : '≤'} ${max}`);
    const rule = `${infinite ? 'a number' : 'a finite number'}${parts.length ? ` ${parts.join(' and ')}` : ''}`;
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected ${rule}, got ${describeValue(v)}`);
  }
  return v as number;
}

/** A boolean option (`fallback` when unset); anything else (`'yes'`, 1) is `INVALID_ARGUMENT`. */
export function booleanOption(v: unknown, name: string, fallback: boolean): boolean {
  if (unset(v)) return fallback;
  if (typeof v !== 'boolean') {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected true or false, got ${describeValue(v)}`);
  }
  return v;
}

/** One of `allowed` (`fallback` when unset); anything else is `INVALID_ARGUMENT` listing them. */
export function enumOption<T extends string>(v: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (unset(v)) return fallback;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    const list = allowed.map((a) => `'${a}'`).join(', ');
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected one of ${list}, got ${describeValue(v)}`);
  }
  return v as T;
}

/** A function option (`undefined` when unset); anything else is `INVALID_ARGUMENT`. */
export function functionOption<F>(v: unknown, name: string): F | undefined {
  if (unset(v)) return undefined;
  if (typeof v !== 'function') {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected a function, got ${describeValue(v)}`);
  }
  return v as F;
}

/** An AbortSignal option (`undefined` when unset). */
export function signalOption(v: unknown, name = 'signal'): AbortSignal | undefined {
  if (unset(v)) return undefined;
  if (typeof v !== 'object' || typeof (v as AbortSignal).aborted !== 'boolean') {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected an AbortSignal, got ${describeValue(v)}`);
  }
  return v as AbortSignal;
}

/**
 * Throws `TOO_LARGE` before allocating `size` elements (`what` says what they are, e.g.
 * `"memberships (n × k)"`) when `size` exceeds `max` (default {@link MAX_ELEMENTS}).
 */
export function checkSize(what: string, size: number, max = MAX_ELEMENTS): void {
  if (!(size <= max)) {
    throw new ClasslensError('TOO_LARGE', `${what}: ${size} elements is more than the ${max} core allocates`, {
      size,
      max,
    });
  }
}

/** `true` for an array-like that is not a string (strings have a length too). */
export function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return v != null && typeof v === 'object' && typeof (v as ArrayLike<unknown>).length === 'number';
}

/** Sets `obj[key] = value` as an own property, even for `"__proto__"` (which assignment would not create). */
export function setOwn<V>(obj: Record<string, V>, key: string, value: V): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else obj[key] = value;
}

/** A key option (`fallback` when unset): a string or a finite number. */
export function keyOption<K extends string | number>(v: unknown, name: string, fallback: K): string | number {
  if (unset(v)) return fallback;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new ClasslensError('NON_FINITE', `${name}: ${v} is not a usable key`);
    return v;
  }
  throw new ClasslensError(
    'INVALID_ARGUMENT',
    `${name}: expected a string or a finite number, got ${describeValue(v)}`,
  );
}

/**
 * The `signal` and `onProgress` of an async function's options, validated (a `signal`
 * that is not an AbortSignal or an `onProgress` that is not a function is
 * `INVALID_ARGUMENT`); `null`/`undefined` options give neither.
 */
export function asyncOptionsOf(options: unknown): {
  signal: AbortSignal | undefined;
  onProgress: ((fraction: number) => void) | undefined;
} {
  const o = optionsOf(options as { signal?: unknown; onProgress?: unknown } | undefined);
  return {
    signal: signalOption(o.signal),
    onProgress: functionOption<(fraction: number) => void>(o.onProgress, 'onProgress'),
  };
}
