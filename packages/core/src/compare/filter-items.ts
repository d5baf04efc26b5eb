import { ClasslensError, checkKeys, type Key } from '../common/index.js';
import { describeValue, optionsOf } from '../common/internal/validate.js';
import { checkMixedSpelling } from '../common/internal/mixed-keys.js';
import { filterPass } from './internal/counting-kernels.js';
import { checkDeferred, encodeComparison, failDeferred, modelEntries } from './internal/encode-labels.js';

/**
 * A DeepCompare query. Every given condition must hold; an empty query keeps every item.
 */
export interface FilterQuery {
  /** Keep items whose true class is one of these (class keys; `[]` keeps none). */
  truth?: ArrayLike<Key>;
  /** Model name → `true` to keep items it gets right, `false` to keep those it gets wrong. */
  correct?: Record<string, boolean>;
  /**
   * `true`: keep items on which every model predicts the same class (right or wrong);
   * `false`: keep items on which at least two models differ.
   */
  agree?: boolean;
}

/** Options for {@link filterItems}. */
export interface FilterItemsOptions {
  /** Class list; with it, integer typed arrays are read as class indices into it. */
  classes?: ArrayLike<Key>;
}

/**
 * The indices of the items that match a DeepCompare query (Murugesan et al., "DeepCompare:
 * Visual and Interactive Comparison of Deep Learning Model Performance", IEEE CG&A 2019):
 * by true class, by per-model correctness (`{ A: true, B: false }` = "A right, B wrong"),
 * and by whether the models agree with each other.
 *
 * Built for 10⁶ items: pass `Int32Array` class indices plus `classes` and the columns are
 * used in place, never copied; with up to four models one branch-free pass range-checks
 * every column and evaluates the query, with no per-item allocation (more models are
 * checked first, then take a slower generic loop). Other label arrays are encoded once.
 *
 * Classes in `query.truth` are keys (not indices). With an explicit `classes` list an
 * unknown one throws `UNKNOWN_CLASS`; without it the classes are those in the data, and a
 * class with no items simply matches nothing. With fewer than two models `agree: true`
 * keeps every item and `agree: false` none.
 *
 * @param truth - true label per item.
 * @param preds - model name → predicted label per item (any number of models).
 * @param query - the conditions; see {@link FilterQuery}.
 * @param options - `classes`.
 * @returns ascending item indices, exactly as many as match.
 * @throws `LENGTH_MISMATCH`, `UNKNOWN_CLASS`, `NON_FINITE`, `INVALID_ARGUMENT` for bad labels;
 *   `MISSING_KEY` when `query.correct` names a model not in `preds`; `INVALID_ARGUMENT` for a
 *   non-boolean `correct` value or `agree`.
 * @remarks O(n·k) time for n items and k models in the query; one n-sized buffer.
 * @example
 * filterItems(['a', 'b', 'a'], { A: ['a', 'b', 'b'], B: ['b', 'b', 'a'] }, { correct: { A: true, B: false } })
 * // → Uint32Array [0]
 */
export function filterItems(
  truth: ArrayLike<Key>,
  preds: Record<string, ArrayLike<Key>>,
  query: FilterQuery = {},
  options: FilterItemsOptions = {},
): Uint32Array {
  if (query === null || typeof query !== 'object')
    throw new ClasslensError('INVALID_ARGUMENT', 'query: expected an object');
  const o = optionsOf(options);
  const models = modelEntries(preds, 0);
  const names = models.map(([name]) => name);
  if (query.correct != null && (typeof query.correct !== 'object' || Array.isArray(query.correct))) {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `query.correct: expected an object of model name → true/false, got ${describeValue(query.correct)}`,
    );
  }
  // Per model: -1 unconstrained, 1 must be right, 0 must be wrong.
  const want = names.map(() => -1);
  if (query.correct != null) {
    for (const [name, w] of Object.entries(query.correct)) {
      const j = names.indexOf(name);
      if (j < 0)
        throw new ClasslensError('MISSING_KEY', `query.correct: no predictions for model ${JSON.stringify(name)}`, {
          key: name,
        });
      if (typeof w !== 'boolean')
        throw new ClasslensError('INVALID_ARGUMENT', `query.correct.${name}: expected true or false`);
      want[j] = w ? 1 : 0;
    }
  }
  if (query.agree !== undefined && typeof query.agree !== 'boolean') {
    throw new ClasslensError('INVALID_ARGUMENT', 'query.agree: expected true or false');
  }
  if (query.truth != null) checkKeys(query.truth, 'query.truth');

  // Up to four models, the query pass reads (and range-checks) every column itself.
  const enc = encodeComparison(truth, models, o.classes ?? undefined, models.length <= 4);
  const { classes, codes, n } = enc;
  const m = classes.length;
  const mask = new Uint8Array(m);
  if (query.truth == null) mask.fill(1);
  else {
    // A query for 1 over classes spelt "1" would silently match nothing: one key space.
    checkMixedSpelling(new Set<Key>([...classes, ...Array.from(query.truth)]), 'query.truth');
    const index = new Map<Key, number>(classes.map((c, j) => [c, j]));
    for (let k = 0; k < query.truth.length; k++) {
      const j = index.get(query.truth[k]);
      if (j !== undefined) mask[j] = 1;
      else if (o.classes != null) {
        throw new ClasslensError('UNKNOWN_CLASS', `query.truth: unknown class ${JSON.stringify(query.truth[k])}`, {
          key: query.truth[k],
        });
      }
    }
  }
  const all = codes.slice(1);
  let agree: -1 | 0 | 1 = query.agree === undefined ? 0 : query.agree ? 1 : -1;
  // With fewer than two models agreement is vacuous: `true` keeps all, `false` none.
  if (all.length < 2 && agree === 1) agree = 0;
  if (all.length < 2 && agree === -1) {
    checkDeferred(enc);
    return new Uint32Array(0);
  }
  const out = new Uint32Array(n);
  const count = filterPass(codes[0], mask, all, want, agree, m, out);
  if (count < 0) failDeferred(enc);
  // One n-sized buffer; a result that fills it is returned as is, a shorter one copied
  // out so the caller never holds n slots for a handful of matches.
  return count === n ? out : out.slice(0, count);
}
