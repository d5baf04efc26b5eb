import { ClasslensError } from '../common/errors.js';
import type { Crosstab } from './crosstab.js';

/**
 * Conditional distributions from a {@link crosstab}, the N_ij / Σ_k N_ik of a
 * conditional-flow Sankey:
 * - `given: 'source'` → `p[i][j] = P(target_j | source_i)`; every non-empty row sums to 1.
 * - `given: 'target'` → `p[i][j] = P(source_i | target_j)`; every non-empty column sums to 1.
 *
 * A row (or column) with no items has no conditional distribution: its entries are `NaN`
 * (d3-array's rule: degenerate input gives an undefined value, not a guess).
 * The result has the same shape as `table.counts`; the input is not modified.
 *
 * @example
 * const t = crosstab(truth, pred);
 * conditional(t, 'source')[i][i] // recall of class i
 * conditional(t, 'target')[j][j] // precision of class j
 */
export function conditional(table: Pick<Crosstab, 'counts'>, given: 'source' | 'target'): number[][] {
  if (table == null || !Array.isArray(table.counts)) {
    throw new ClasslensError('INVALID_ARGUMENT', 'conditional: expected a crosstab { counts }');
  }
  if (given !== 'source' && given !== 'target') {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `conditional: given must be 'source' or 'target', not ${JSON.stringify(given)}`,
    );
  }
  const counts = table.counts;
  const rows = counts.length;
  const cols = rows ? counts[0].length : 0;
  for (let i = 0; i < rows; i++) {
    if (counts[i].length !== cols) {
      throw new ClasslensError(
        'INVALID_SHAPE',
        `conditional: row ${i} has length ${counts[i].length}, expected ${cols}`,
      );
    }
  }
  if (given === 'source') {
    return counts.map((r) => {
      let sum = 0;
      for (const v of r) sum += v;
      return r.map((v) => (sum > 0 ? v / sum : NaN));
    });
  }
  const colSums = new Float64Array(cols);
  for (const r of counts) for (let j = 0; j < cols; j++) colSums[j] += r[j];
  return counts.map((r) => r.map((v, j) => (colSums[j] > 0 ? v / colSums[j] : NaN)));
}
