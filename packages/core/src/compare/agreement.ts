import type { Key } from '../common/index.js';
import { optionsOf, setOwn } from '../common/internal/validate.js';
import { checkItemIndices, encodeComparison, modelEntries } from './internal/encode-labels.js';

/** One item of {@link agreement}: what each model predicted and whether it was right. */
export interface AgreementItem {
  /** Position of the item in the inputs. */
  index: number;
  /** Its true class. */
  truth: Key;
  /** Model name → predicted class. */
  predictions: Record<string, Key>;
  /** Model name → whether that model predicted the true class. */
  correct: Record<string, boolean>;
  /** How many models are right (0 … number of models). */
  correctCount: number;
  /** `true` when every model predicts the same class (right or wrong). */
  agree: boolean;
}

/** Options for {@link agreement}. */
export interface AgreementOptions {
  /** Class list; with it, integer typed arrays are read as class indices into it. */
  classes?: ArrayLike<Key>;
  /** Only these items, in this order (e.g. the output of `filterItems`, or visible rows). */
  indices?: ArrayLike<number>;
  /** Model order (default: `Object.keys(preds)`); may name a subset. */
  models?: readonly string[];
}

/**
 * Per item, which of two or more named models are right and whether they agree with
 * each other — the rows of DeepCompare's agreement table (Murugesan et al.,
 * "DeepCompare: Visual and Interactive Comparison of Deep Learning Model
 * Performance", IEEE CG&A 2019), for any number of models.
 *
 * `agree` compares the models' predictions with each other (all equal), independent of
 * the truth: two models that make the same mistake agree. Returns one plain object per
 * item; for 10⁶ items pass `indices` (a page of rows, or a filter's result) — counting
 * and filtering over all items belong to `metricsHierarchy` and `filterItems`, which
 * allocate nothing per item.
 *
 * @param truth - true label per item.
 * @param preds - model name → predicted label per item (at least two models).
 * @param options - `classes`, `indices`, `models`.
 * @returns one {@link AgreementItem} per item (or per entry of `indices`); `[]` for no items.
 * @throws `INVALID_ARGUMENT` for fewer than two models or a bad entry in `indices`;
 *   `LENGTH_MISMATCH`, `UNKNOWN_CLASS`, `NON_FINITE` for bad labels; `MISSING_KEY`
 *   when `models` names a model not in `preds`.
 * @remarks O(n·k) time and output for n items and k models.
 * @example
 * agreement(['cat', 'dog'], { A: ['cat', 'cat'], B: ['cat', 'dog'] })
 * // → [{ index: 0, truth: 'cat', predictions: { A: 'cat', B: 'cat' }, correct: { A: true, B: true }, correctCount: 2, agree: true },
 * //    { index: 1, truth: 'dog', predictions: { A: 'cat', B: 'dog' }, correct: { A: false, B: true }, correctCount: 1, agree: false }]
 */
export function agreement(
  truth: ArrayLike<Key>,
  preds: Record<string, ArrayLike<Key>>,
  options: AgreementOptions = {},
): AgreementItem[] {
  const o = optionsOf(options);
  const models = modelEntries(preds, 2, o.models ?? undefined);
  const enc = encodeComparison(truth, models, o.classes ?? undefined);
  const { classes, codes, n } = enc;
  const indices = o.indices ?? undefined;
  if (indices !== undefined) checkItemIndices(indices, n);
  const names = models.map(([name]) => name);
  const k = names.length;
  const t = codes[0];
  const count = indices !== undefined ? indices.length : n;
  const out: AgreementItem[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const i = indices !== undefined ? indices[r] : r;
    const ti = t[i];
    const predictions: Record<string, Key> = {};
    const correct: Record<string, boolean> = {};
    let correctCount = 0;
    let agree = true;
    const p0 = codes[1][i];
    for (let j = 0; j < k; j++) {
      const p = codes[j + 1][i];
      // Model names come from data (often JSON.parse): "__proto__" must become a key too.
      setOwn(predictions, names[j], classes[p]);
      setOwn(correct, names[j], p === ti);
      if (p === ti) correctCount++;
      if (p !== p0) agree = false;
    }
    out[r] = { index: i, truth: classes[ti], predictions, correct, correctCount, agree };
  }
  return out;
}
