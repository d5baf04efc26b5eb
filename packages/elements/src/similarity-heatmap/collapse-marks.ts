// Cells and blocks of a collapsed view as data: a mark on the display rows is read back
// onto the classes it stands for. A cell of two single classes and every block get the
// exact details of the full view; a cell with a collapsed row or column carries all the
// classes of its block.
import { formatCount, truncate } from '../internal/format.js';
import type { TooltipContent } from '../internal/tooltip.js';
import type { ClMarkDetail } from '../events.js';
import { rowClasses, type CollapseView } from './collapse.js';
import { describe, detail, type MarkContext } from './marks.js';
import { formatValue, type HeatMark } from './view.js';

/** A mark on the display rows as a mark on the full order, or `null` for a cell with a collapsed row or column. */
export function fullMark(cv: CollapseView, m: HeatMark): HeatMark | null {
  const S = cv.rows.start;
  const T = cv.cols.start;
  if (m.kind === 'block') return { kind: 'block', r0: S[m.r0], r1: S[m.r1 + 1] - 1, c0: T[m.c0], c1: T[m.c1 + 1] - 1 };
  if (S[m.r + 1] - S[m.r] === 1 && T[m.c + 1] - T[m.c] === 1) return { kind: 'cell', r: S[m.r], c: T[m.c] };
  return null;
}

/** The cell of a display block holding its maximum (the value drawn), as input indices; the first cell when all are NaN. */
function argmax(cv: CollapseView, r: number, c: number): { row: number; col: number } {
  const { values: v, ordering: o } = cv.full;
  const rows = rowClasses(o.rows, cv.rows, r);
  const cols = rowClasses(o.cols, cv.cols, c);
  let best = { row: rows[0], col: cols[0] };
  let bv = NaN;
  for (const i of rows) {
    for (const j of cols) {
      const x = v.data[i * v.cols + j];
      if (x > bv || (bv !== bv && x === x)) {
        bv = x;
        best = { row: i, col: j };
      }
    }
  }
  return best;
}

/**
 * `cl-hover`/`cl-select` detail of a mark on the display rows. A cell with a collapsed row
 * or column: `keys` are the labels of all its classes, `indices` their input indices (rows
 * then the columns not among them), `rows`/`cols` the input indices of its row and column
 * classes, `value` the maximum drawn, `row`/`col` the input cell holding that maximum.
 */
export function collapsedDetail(full: MarkContext, cv: CollapseView, m: HeatMark | null): ClMarkDetail {
  if (!m) return detail(full, null);
  const f = fullMark(cv, m);
  if (f) return detail(full, f);
  const cell = m as Extract<HeatMark, { kind: 'cell' }>;
  const { values: v, ordering: o } = cv.full;
  const rows = rowClasses(o.rows, cv.rows, cell.r);
  const cols = rowClasses(o.cols, cv.cols, cell.c);
  const seen = new Set(rows);
  const square = v.rows === v.cols;
  // A rectangular matrix's classes are its rows (as a full view's cell: `indices` = [row]).
  const classes = square ? [...rows, ...cols.filter((j) => !seen.has(j))] : rows;
  const at = argmax(cv, cell.r, cell.c);
  return {
    kind: 'cell',
    stage: null,
    keys: square ? classes.map((i) => v.rowLabels[i]) : [...rows.map((i) => v.rowLabels[i]), v.colLabels[cols[0]]],
    row: at.row,
    col: at.col,
    value: cv.values.data[cell.r * cv.values.cols + cell.c],
    indices: Uint32Array.from(classes),
    rows,
    cols,
  };
}

/** The tooltip of a mark on the display rows. */
export function collapsedDescribe(full: MarkContext, cv: CollapseView, m: HeatMark): TooltipContent {
  const f = fullMark(cv, m);
  if (f) return describe(full, f);
  const cell = m as Extract<HeatMark, { kind: 'cell' }>;
  const v = cv.full.values;
  const d = collapsedDetail(full, cv, m);
  const value = d.value;
  const fmt = (x: number) => (x !== x ? 'no data' : v.kind === 'confusion' ? formatCount(x) : formatValue(x));
  const names = (idx: number[]) =>
    truncate(
      idx
        .slice(0, 5)
        .map((i) => String(v.rowLabels[i]))
        .join(', ') + (idx.length > 5 ? ', …' : ''),
      80,
    );
  const rl = String(cv.values.rowLabels[cell.r]);
  const cl = String(cv.values.colLabels[cell.c]);
  const rows: [string, string][] = [[`${full.valueName} (max of block)`, fmt(value)]];
  if (value === value) rows.push(['At', `${String(v.rowLabels[d.row!])} × ${String(v.colLabels[d.col!])}`]);
  const diagonal = cell.r === cell.c && v.rows === v.cols;
  const colNames = (idx: number[]) =>
    truncate(
      idx
        .slice(0, 5)
        .map((j) => String(v.colLabels[j]))
        .join(', '),
      80,
    );
  rows.push([diagonal ? 'Classes' : 'Rows', `${formatCount(d.rows!.length)}: ${names(d.rows!)}`]);
  if (!diagonal) rows.push(['Columns', `${formatCount(d.cols!.length)}: ${colNames(d.cols!)}`]);
  return {
    title: diagonal ? `${rl} (collapsed)` : `${rl} × ${cl}`,
    rows,
    note:
      value === value
        ? 'Collapsed: the largest value of the block (as a zoomed-out pixel shows it)'
        : 'No data in any cell of the block',
  };
}
