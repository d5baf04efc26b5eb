import { ClasslensError } from '../common/errors.js';
import { checkLengths, KeyIndex, type Key } from '../common/keys.js';
import { keyOption, optionsOf } from '../common/internal/validate.js';
import { readWeights, type Weights } from '../common/internal/weights.js';
import { encodeStage } from './internal/encode-stage.js';

/** Options for {@link crosstab}. */
export interface CrosstabOptions {
  /** Row keys, in display order. Default: every source key, sorted (numbers first). */
  sources?: ArrayLike<Key>;
  /** Column keys, in display order. Default: every target key, sorted. */
  targets?: ArrayLike<Key>;
  /**
   * Where values missing from an explicit `sources`/`targets` list go. Default: throw
   * `UNKNOWN_CLASS` naming the value. With a label, an extra row/column of that name is
   * appended and collects them.
   */
  otherLabel?: Key;
  /**
   * Item weights (an array, or `(i) => weight`): each count becomes the sum of its items'
   * weights, e.g. sales per product so that a best-seller's mistake counts for more.
   * Non-negative finite numbers; default: every item counts 1.
   */
  weights?: Weights;
}

/**
 * A contingency table: `counts[i][j]` items have source `sources[i]` and target
 * `targets[j]` (with `weights`, the sum of those items' weights).
 */
export interface Crosstab {
  sources: Key[];
  targets: Key[];
  counts: number[][];
}

/**
 * The joint frequency table of two equally long key columns (e.g. true → predicted
 * label, label source → decision). Every key gets a row/column even if its count is 0
 * when given explicitly.
 *
 * Throws `LENGTH_MISMATCH` when the columns differ in length, `UNKNOWN_CLASS` for a value
 * missing from an explicit key list (unless `otherLabel`), `DUPLICATE_KEY` for a repeated
 * key in a list, `INVALID_ARGUMENT`/`NON_FINITE` for values that are not keys;
 * for `weights`: `LENGTH_MISMATCH`, `NOT_A_NUMBER`, `NON_FINITE` and `INVALID_ARGUMENT`
 * (negative) naming the index.
 * O(n + |S|·|T|).
 *
 * @example
 * crosstab(['cat', 'cat', 'dog'], ['cat', 'dog', 'dog'])
 * // → { sources: ['cat', 'dog'], targets: ['cat', 'dog'], counts: [[1, 1], [0, 1]] }
 */
export function crosstab(source: ArrayLike<Key>, target: ArrayLike<Key>, options: CrosstabOptions = {}): Crosstab {
  const o = optionsOf(options);
  const other = o.otherLabel == null ? undefined : keyOption(o.otherLabel, 'otherLabel', '');
  checkLengths({ source, target });
  const s = axis(source, o.sources ?? undefined, other, 'source');
  const t = axis(target, o.targets ?? undefined, other, 'target');
  const w = readWeights(o.weights, s.codes.length);
  const nt = t.keys.length;
  const flat = new Float64Array(s.keys.length * nt);
  const sc = s.codes;
  const tc = t.codes;
  if (w === null) for (let i = 0; i < sc.length; i++) flat[sc[i] * nt + tc[i]]++;
  else for (let i = 0; i < sc.length; i++) flat[sc[i] * nt + tc[i]] += w[i];
  const counts: number[][] = [];
  for (let i = 0; i < s.keys.length; i++) counts.push(Array.from(flat.subarray(i * nt, (i + 1) * nt)));
  return { sources: s.keys, targets: t.keys, counts };
}

function axis(values: ArrayLike<Key>, explicit: ArrayLike<Key> | undefined, other: Key | undefined, name: string) {
  const enc = encodeStage(values, name);
  if (explicit == null) return { keys: enc.keys, codes: enc.codes };
  const index = new KeyIndex(explicit, `${name}s`);
  const keys = [...index.keys];
  let otherCode = -1;
  if (other !== undefined) {
    if (index.has(other)) {
      throw new ClasslensError('DUPLICATE_KEY', `otherLabel ${JSON.stringify(other)} is also one of the ${name}s`);
    }
    otherCode = keys.length;
  }
  const map = new Int32Array(enc.keys.length);
  let usedOther = false;
  enc.keys.forEach((k, c) => {
    const j = index.indexOf(k);
    if (j >= 0) map[c] = j;
    else if (otherCode >= 0) {
      map[c] = otherCode;
      usedOther = true;
    } else {
      throw new ClasslensError('UNKNOWN_CLASS', `${name}: unknown key ${JSON.stringify(k)}`, { key: k });
    }
  });
  if (usedOther) keys.push(other as Key);
  const codes = new Int32Array(enc.codes.length);
  for (let i = 0; i < codes.length; i++) codes[i] = map[enc.codes[i]];
  return { keys, codes };
}
