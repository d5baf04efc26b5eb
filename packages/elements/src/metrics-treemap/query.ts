import type { AgreementQuery } from '../events.js';
import type { TreeNode } from './tree.js';

/** Sets an own, enumerable property (a model named `__proto__` must stay data). */
function setOwn<V>(o: Record<string, V>, k: string, v: V): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * The query a cell means, as core's `filterItems` takes it plus `predicted`: its true class,
 * and per model level right/wrong (`by="correct"`) or the predicted class (`by="predicted"`,
 * whose `correct` flag is implied and given too). E.g. the cell 7 → M1 ✓ → M2 ✗ means
 * `{ truth: ['7'], correct: { M1: true, M2: false } }`: `filterItems` returns exactly the
 * cell's items. `null` when a step is not one of core's levels (a precomputed tree).
 */
export function cellQuery(path: readonly TreeNode[]): AgreementQuery | null {
  const q: AgreementQuery = {};
  for (const n of path) {
    if (n.level === 'truth' && n.key !== undefined) q.truth = [n.key];
    else if (n.level === 'correct' && n.model !== undefined && n.correct !== undefined)
      setOwn((q.correct ??= {}), n.model, n.correct);
    else if (n.level === 'predicted' && n.model !== undefined && n.key !== undefined) {
      setOwn((q.predicted ??= {}), n.model, n.key);
      if (n.correct !== undefined) setOwn((q.correct ??= {}), n.model, n.correct);
    } else return null;
  }
  return path.length > 0 ? q : null;
}
