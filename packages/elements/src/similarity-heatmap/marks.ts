// What the heatmap's cells and blocks mean as data: identity keys across updates, the
// `cl-hover`/`cl-select` details with input indices, keyboard moves, tooltips, and how a
// brushed rectangle snaps to the diagonal.
import { markKey } from '../internal/controllers/mark-interaction.js';
import { formatCount, truncate } from '../internal/format.js';
import type { TooltipContent } from '../internal/tooltip.js';
import type { ClMarkDetail } from '../events.js';
import type { HeatmapValues } from './input.js';
import type { Ordering } from './order.js';
import { formatValue, type BlockMark, type CellMark, type HeatMark } from './view.js';

const EMPTY = new Uint32Array(0);

/** What the marks are read against. */
export interface MarkContext {
  values: HeatmapValues | null;
  ordering: Ordering | null;
  /** Display position of each input row / column. */
  rowPos: Int32Array;
  colPos: Int32Array;
  /** Group of each class (cutTree or `classGroups`), or `null`. */
  groupOf: ArrayLike<number> | null;
  /** Display rows with a star pattern. */
  stars: ReadonlySet<number>;
  /** "Pearson r", "Count", …. */
  valueName: string;
}

export function markKeyOf(ctx: MarkContext, m: HeatMark): string {
  const v = ctx.values;
  const o = ctx.ordering;
  if (!v || !o) return '';
  if (m.kind === 'cell') return markKey('cell', String(v.rowLabels[o.rows[m.r]]), String(v.colLabels[o.cols[m.c]]));
  return markKey('block', m.r0, m.r1, m.c0, m.c1);
}

export function findMark(ctx: MarkContext, key: string): HeatMark | null {
  const v = ctx.values;
  const o = ctx.ordering;
  if (!v || !o) return null;
  const parts = JSON.parse(key) as (string | number)[];
  if (parts[0] === 'cell') {
    const r = v.rowLabels.findIndex((k) => String(k) === parts[1]);
    const c = v.colLabels.findIndex((k) => String(k) === parts[2]);
    return r >= 0 && c >= 0 ? { kind: 'cell', r: ctx.rowPos[r], c: ctx.colPos[c] } : null;
  }
  const [, r0, r1, c0, c1] = parts as number[];
  return r1 < v.rows && c1 < v.cols ? { kind: 'block', r0, r1, c0, c1 } : null;
}

/** The value at display cell (r, c). */
export function valueAt(ctx: MarkContext, r: number, c: number): number {
  const v = ctx.values!;
  const o = ctx.ordering!;
  return v.data[o.rows[r] * v.cols + o.cols[c]];
}

export function detail(ctx: MarkContext, m: HeatMark | null): ClMarkDetail {
  const v = ctx.values;
  const o = ctx.ordering;
  if (!m || !v || !o) return { kind: 'none', stage: null, keys: [], value: 0, indices: EMPTY };
  if (m.kind === 'cell') {
    const row = o.rows[m.r];
    const col = o.cols[m.c];
    const square = v.rows === v.cols;
    const indices =
      square && row === col ? Uint32Array.of(row) : square ? Uint32Array.of(row, col) : Uint32Array.of(row);
    return {
      kind: 'cell',
      stage: null,
      keys: [v.rowLabels[row], v.colLabels[col]],
      row,
      col,
      value: v.data[row * v.cols + col],
      indices,
    };
  }
  const rows = o.rows.slice(m.r0, m.r1 + 1);
  const cols = o.cols.slice(m.c0, m.c1 + 1);
  const square = v.rows === v.cols;
  let classes: number[];
  if (square) {
    const seen = new Set<number>();
    classes = [];
    for (let r = Math.min(m.r0, m.c0); r <= Math.max(m.r1, m.c1); r++) {
      if ((r >= m.r0 && r <= m.r1) || (r >= m.c0 && r <= m.c1)) {
        const i = o.rows[r];
        if (!seen.has(i)) {
          seen.add(i);
          classes.push(i);
        }
      }
    }
  } else classes = rows;
  const diagonal = square && m.r0 === m.c0 && m.r1 === m.c1;
  return {
    kind: 'block',
    stage: null,
    keys: classes.map((i) => v.rowLabels[i]),
    value: classes.length,
    indices: Uint32Array.from(classes),
    classes,
    ...(diagonal ? {} : { rows, cols }),
  };
}

export function navigate(ctx: MarkContext, from: HeatMark | null, key: string): HeatMark | null {
  const v = ctx.values;
  if (!v || v.rows === 0 || v.cols === 0) return null;
  const at: CellMark = from
    ? from.kind === 'cell'
      ? from
      : { kind: 'cell', r: from.r0, c: from.c0 }
    : { kind: 'cell', r: 0, c: 0 };
  if (!from) return at;
  let { r, c } = at;
  const page = 10;
  if (key === 'ArrowUp') r--;
  else if (key === 'ArrowDown') r++;
  else if (key === 'ArrowLeft') c--;
  else if (key === 'ArrowRight') c++;
  else if (key === 'PageUp') r -= page;
  else if (key === 'PageDown') r += page;
  else if (key === 'Home') c = 0;
  else if (key === 'End') c = v.cols - 1;
  r = Math.max(0, Math.min(v.rows - 1, r));
  c = Math.max(0, Math.min(v.cols - 1, c));
  return { kind: 'cell', r, c };
}

export function describe(ctx: MarkContext, m: HeatMark): TooltipContent {
  const v = ctx.values!;
  const o = ctx.ordering!;
  const fmt = (x: number) => (x !== x ? 'no data' : v.kind === 'confusion' ? formatCount(x) : formatValue(x));
  if (m.kind === 'cell') {
    const row = o.rows[m.r];
    const col = o.cols[m.c];
    const value = valueAt(ctx, m.r, m.c);
    const rows: [string, string][] = [[ctx.valueName, fmt(value)]];
    const g = ctx.groupOf;
    if (g && v.rows === v.cols) rows.push(['Same group', g[row] === g[col] ? 'yes' : 'no']);
    const notes: string[] = [];
    if (value !== value) notes.push('No data: a constant score column has no correlation');
    if (ctx.stars.has(m.r))
      notes.push(`${String(v.rowLabels[row])} has a star pattern: similar to many classes outside its group`);
    const rl = String(v.rowLabels[row]);
    const cl = String(v.colLabels[col]);
    return { title: rl === cl ? rl : `${rl} × ${cl}`, rows, ...(notes.length ? { note: notes.join('. ') } : {}) };
  }
  const d = detail(ctx, m);
  const rows = (m.r1 - m.r0 + 1) | 0;
  const cols = (m.c1 - m.c0 + 1) | 0;
  let sum = 0;
  let count = 0;
  // The mean of at most ~10⁶ cells (a strided sample of bigger blocks).
  const step = Math.max(1, Math.ceil(Math.sqrt(((m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1)) / 1e6)));
  for (let r = m.r0; r <= m.r1; r += step) {
    for (let c = m.c0; c <= m.c1; c += step) {
      if (v.rows === v.cols && o.rows[r] === o.cols[c]) continue;
      const x = valueAt(ctx, r, c);
      if (x === x) {
        sum += x;
        count++;
      }
    }
  }
  return {
    title: d.rows ? `Split group: ${rows} × ${cols} classes` : `Block of ${formatCount(d.classes!.length)} classes`,
    rows: [
      ['Classes', truncate(d.keys.slice(0, 6).map(String).join(', ') + (d.keys.length > 6 ? ', …' : ''), 90)],
      [`Mean ${ctx.valueName.toLowerCase()}`, count ? fmt(sum / count) : '–'],
    ],
  };
}

/**
 * A brushed rectangle that crosses the diagonal of a class × class matrix becomes the
 * diagonal block of the rows and columns it spans; otherwise it stays an off-diagonal
 * "split group" block.
 */
export function snapBlock(ctx: MarkContext, b: BlockMark): BlockMark {
  const v = ctx.values!;
  if (v.rows !== v.cols) return b;
  const overlaps = b.r0 <= b.c1 && b.c0 <= b.r1;
  if (!overlaps) return b;
  const lo = Math.min(b.r0, b.c0);
  const hi = Math.max(b.r1, b.c1);
  return { kind: 'block', r0: lo, r1: hi, c0: lo, c1: hi };
}
