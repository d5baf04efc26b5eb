import { ClasslensError } from '../../packages/core/src/common/errors.js';

/**
 * Serialises an example data set the way it is committed: the top-level object with one
 * key per line, and arrays of records with one record per line — compact, yet a change
 * to one item is a one-line diff. Parses back with `JSON.parse` to an equal value.
 *
 * @param doc - a JSON-compatible object (plain objects, arrays, strings, finite numbers, booleans, null).
 * @returns the JSON text, ending with a newline.
 * @throws ClasslensError `NON_FINITE` when a number is NaN or ±Infinity (`JSON.stringify`
 * would silently write `null`), naming the top-level key it was found under.
 * Complexity: O(size of the output).
 * @example
 * toJson({ dataset: 'x', items: [{ a: 1 }, { a: 2 }] });
 * // '{\n  "dataset": "x",\n  "items": [\n    {"a":1},\n    {"a":2}\n  ]\n}\n'
 */
export function toJson(doc: object): string {
  const lines = Object.entries(doc).map(([key, value]) => {
    const k = JSON.stringify(key);
    if (Array.isArray(value) && value.length > 0 && value.every((v) => v !== null && typeof v === 'object')) {
      return `  ${k}: [\n${value.map((v) => `    ${stringify(v, key)}`).join(',\n')}\n  ]`;
    }
    return `  ${k}: ${stringify(value, key)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

function stringify(value: unknown, key: string): string {
  return JSON.stringify(value, (field, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new ClasslensError('NON_FINITE', `${key}: non-finite number ${v} in field "${field}"`, { key, field });
    }
    return v;
  });
}
