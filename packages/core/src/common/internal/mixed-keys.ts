// Internal: the one rule for keys spelt both as a number and as a string. `1` and `"1"`
// are different keys, but both would be labelled "1" in every view, which is almost
// always a data bug (numbers read from one file, strings from another). Every function
// that collects keys into one key space — a column, a class list, the classes shared by
// truth and predictions — rejects the mix with `DUPLICATE_KEY`.
import { ClasslensError } from '../errors.js';
import type { Key } from '../keys.js';

/**
 * Throws `DUPLICATE_KEY` when `keys` (distinct keys of one key space) hold a number and
 * its string spelling. `where` names the key space in the message. O(keys).
 */
export function checkMixedSpelling(keys: Iterable<Key>, where: string): void {
  const numbers = new Set<string>();
  const strings: string[] = [];
  for (const k of keys) {
    if (typeof k === 'number') numbers.add(String(k));
    else strings.push(k);
  }
  if (numbers.size === 0) return;
  for (const s of strings) {
    if (numbers.has(s)) {
      throw new ClasslensError('DUPLICATE_KEY', `${where}: both ${s} and "${s}" occur; use one type per key`, {
        key: s,
      });
    }
  }
}
