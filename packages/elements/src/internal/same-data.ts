/**
 * Content equality for the inputs frameworks hand over again on every render: React and
 * Vue pass `stages={[truth, pred]}` as a new array each time. Elements compare contents,
 * not references, so hover, focus and selection survive a parent re-render. O(n).
 */

/** Same length and `Object.is`-equal elements (two missing arrays are equal). */
export function sameArray(a: ArrayLike<unknown> | null | undefined, b: ArrayLike<unknown> | null | undefined): boolean {
  if (a === b || (a == null && b == null)) return true;
  if (a == null || b == null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Element-wise {@link sameArray} of two lists of columns. */
export function sameColumns(
  a: readonly (ArrayLike<unknown> | null | undefined)[] | null | undefined,
  b: readonly (ArrayLike<unknown> | null | undefined)[] | null | undefined,
): boolean {
  if (a === b) return true;
  if (a == null || b == null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameArray(a[i], b[i])) return false;
  return true;
}

/**
 * A copy of columns (the caller may mutate its arrays in place later). Typed arrays are
 * copied as typed arrays (a memcpy: 10^6 values in about a millisecond, where
 * `Array.from` takes tens of milliseconds).
 */
export function snapshotColumns<T>(cols: readonly ArrayLike<T>[]): ArrayLike<T>[] {
  return cols.map((c) =>
    ArrayBuffer.isView(c)
      ? ((c as unknown as Int32Array).slice() as unknown as ArrayLike<T>)
      : Array.prototype.slice.call(c),
  );
}

/**
 * Structural equality of plain JSON-like values (objects by own enumerable keys, arrays
 * and typed arrays element-wise), for small inputs such as a precomputed graph. Depth is
 * bounded, so a cyclic object compares unequal instead of overflowing the stack.
 */
export function sameJson(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  if (depth > 8 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const arrA = Array.isArray(a) || ArrayBuffer.isView(a);
  const arrB = Array.isArray(b) || ArrayBuffer.isView(b);
  if (arrA !== arrB) return false;
  if (arrA) {
    const x = a as ArrayLike<unknown>;
    const y = b as ArrayLike<unknown>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameJson(x[i], y[i], depth + 1)) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}
