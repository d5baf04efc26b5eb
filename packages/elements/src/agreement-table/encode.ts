import { encodeKeys, KeyIndex, metricsHierarchy, uniqueKeys, type Key } from '@classlens/core';

/** The table's label columns, validated by core and encoded once as class indices. */
export interface EncodedLabels {
  n: number;
  /** Class list (the given `classes`, else the sorted union of all labels, as core lists them). */
  classes: readonly Key[];
  index: KeyIndex;
  truth: Int32Array;
  /** Model names in column order. */
  models: readonly string[];
  /** One column of class indices per model. */
  preds: readonly Int32Array[];
  /** Model name → its column, for core's `filterItems` (own properties only). */
  predsRecord: Record<string, Int32Array>;
}

const isIntegerArray = (a: unknown): a is ArrayLike<number> =>
  a instanceof Int32Array ||
  a instanceof Uint32Array ||
  a instanceof Uint16Array ||
  a instanceof Int16Array ||
  a instanceof Uint8Array ||
  a instanceof Int8Array ||
  a instanceof Uint8ClampedArray;

/**
 * Validates `truth` + `predictions` through core (`metricsHierarchy` without indices:
 * one pass, core's exact error codes and messages), then encodes every column once as
 * class indices so that each re-filter runs core's zero-copy `Int32Array` path.
 * With `classes`, integer typed arrays are class indices (an `Int32Array` is used as is).
 */
export function encodeLabels(
  truth: ArrayLike<Key>,
  predictions: Record<string, ArrayLike<Key>>,
  classes: ArrayLike<Key> | null | undefined,
  models: readonly string[] | null | undefined,
): EncodedLabels {
  metricsHierarchy(truth, predictions, {
    indices: false,
    ...(classes != null ? { classes } : {}),
    ...(models != null ? { models } : {}),
  });
  const names = models != null ? [...models] : Object.keys(predictions);
  const cols = names.map((m) => predictions[m]);
  const list = classes != null ? Array.from(classes) : uniqueKeys(truth, ...cols);
  const index = new KeyIndex(list);
  const encode = (a: ArrayLike<Key>, name: string): Int32Array =>
    classes != null && isIntegerArray(a)
      ? a instanceof Int32Array
        ? a
        : Int32Array.from(a as ArrayLike<number>)
      : encodeKeys(a, index, name);
  const preds = cols.map((c, j) => encode(c, `predictions.${names[j]}`));
  const predsRecord: Record<string, Int32Array> = {};
  names.forEach((m, j) =>
    Object.defineProperty(predsRecord, m, { value: preds[j], enumerable: true, writable: true, configurable: true }),
  );
  return {
    n: truth.length,
    classes: index.keys,
    index,
    truth: encode(truth, 'truth'),
    models: names,
    preds,
    predsRecord,
  };
}
