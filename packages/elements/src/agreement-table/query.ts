import { ClasslensError, type Key } from '@classlens/core';
import type { AgreementQuery } from '../events.js';
import type { EncodedLabels } from './encode.js';

function setOwn<V>(o: Record<string, V>, k: string, v: V): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * A clean copy of a query set from outside (`null`/`undefined` = no filter): fields copied
 * into own-property records (a model named `__proto__` stays data), `predicted` checked
 * here (`MISSING_KEY` for an unknown model, `UNKNOWN_CLASS` for an unknown class) — the
 * other fields are checked by core's `filterItems` with its own codes.
 */
export function normalizeQuery(query: AgreementQuery | null | undefined, enc: EncodedLabels): AgreementQuery {
  if (query == null) return {};
  if (typeof query !== 'object') throw new ClasslensError('INVALID_ARGUMENT', 'query: expected an object');
  const out: AgreementQuery = {};
  if (query.truth != null) {
    if (typeof query.truth !== 'object' || typeof (query.truth as ArrayLike<Key>).length !== 'number')
      throw new ClasslensError('INVALID_ARGUMENT', 'query.truth: expected an array of classes');
    out.truth = Array.from(query.truth as ArrayLike<Key>);
  }
  if (query.correct != null) {
    if (typeof query.correct !== 'object')
      throw new ClasslensError('INVALID_ARGUMENT', 'query.correct: expected model → true/false');
    const c: Record<string, boolean> = {};
    for (const m of Object.keys(query.correct)) setOwn(c, m, query.correct[m]);
    if (Object.keys(c).length) out.correct = c;
  }
  if (query.agree !== undefined && query.agree !== null) out.agree = query.agree;
  if (query.predicted != null) {
    if (typeof query.predicted !== 'object')
      throw new ClasslensError('INVALID_ARGUMENT', 'query.predicted: expected model → class');
    const p: Record<string, Key> = {};
    for (const m of Object.keys(query.predicted)) {
      if (!enc.models.includes(m))
        throw new ClasslensError('MISSING_KEY', `query.predicted: no predictions for model ${JSON.stringify(m)}`, {
          key: m,
        });
      const k = query.predicted[m];
      if (!enc.index.has(k))
        throw new ClasslensError('UNKNOWN_CLASS', `query.predicted.${m}: unknown class ${JSON.stringify(k)}`, {
          key: k,
        });
      setOwn(p, m, k);
    }
    if (Object.keys(p).length) out.predicted = p;
  }
  return out;
}
