/** A column of the agreement table. */
export interface Column {
  /** Sort key: `index`, `id`, `item`, `models`, `truth`, `right`, or `column:<name>`. */
  id: string;
  label: string;
  /** Width in px (the text column: its minimum; it takes the free space). */
  width: number;
  /** The column that grows (the text), if any. */
  grow?: boolean;
  numeric?: boolean;
  sortable: boolean;
}

/** What {@link tableColumns} needs to know. */
export interface ColumnInput {
  items: number;
  ids: readonly unknown[] | null;
  item: 'text' | 'image' | null;
  /** Width of the models column's content (glyph or header names, whichever is wider). */
  modelsWidth: number;
  models: number;
  classes: readonly unknown[];
  numeric: readonly string[];
  thumbnail: number;
  /** Width of a text at the table's font. */
  measure: (text: string) => number;
}

const PAD = 14; // cell padding, both sides
const ARROW = 14; // the sort arrow
const SAMPLE = 2000;

/** The widest of up to {@link SAMPLE} evenly spaced values, as text. */
function widest(values: readonly unknown[], measure: (t: string) => number): number {
  const step = Math.max(1, Math.floor(values.length / SAMPLE));
  let w = 0;
  for (let i = 0; i < values.length; i += step) if (values[i] != null) w = Math.max(w, measure(String(values[i])));
  return w;
}

/**
 * The table's columns with fixed pixel widths, so that every row — each its own small CSS
 * grid, since rows are virtualised — lines up with the header. Widths come from the header
 * text and a sample of the values; only the text column grows.
 */
export function tableColumns(o: ColumnInput): Column[] {
  const m = o.measure;
  const head = (label: string) => m(label) + ARROW;
  const clamp = (v: number, lo: number, hi: number) => Math.ceil(Math.min(hi, Math.max(lo, v)));
  const cols: Column[] = [
    {
      id: 'index',
      label: '#',
      width: clamp(m(String(Math.max(0, o.items - 1))) + PAD + ARROW, 40, 120),
      numeric: true,
      sortable: true,
    },
  ];
  if (o.ids)
    cols.push({
      id: 'id',
      label: 'id',
      width: clamp(Math.max(widest(o.ids, m), head('id')) + PAD, 40, 240),
      sortable: true,
    });
  if (o.item === 'image')
    cols.push({
      id: 'item',
      label: 'image',
      width: clamp(Math.max(o.thumbnail, m('image')) + PAD, 36, 200),
      sortable: false,
    });
  cols.push({ id: 'models', label: 'models', width: clamp(o.modelsWidth + PAD + ARROW, 56, 400), sortable: true });
  cols.push({
    id: 'truth',
    label: 'true class',
    width: clamp(Math.max(widest(o.classes, m), head('true class')) + PAD, 48, 240),
    sortable: true,
  });
  if (o.models > 0)
    cols.push({
      id: 'right',
      label: 'right',
      width: clamp(Math.max(m(`${o.models}/${o.models}`), head('right')) + PAD, 44, 120),
      numeric: true,
      sortable: true,
    });
  // The text after the glyph, as in DeepCompare's table; it takes the free width.
  if (o.item === 'text') cols.push({ id: 'item', label: 'text', width: 260, grow: true, sortable: true });
  for (const name of o.numeric) {
    cols.push({
      id: `column:${name}`,
      label: name,
      width: clamp(Math.max(m('-0.000'), head(name)) + PAD, 56, 200),
      numeric: true,
      sortable: true,
    });
  }
  return cols;
}

/** The CSS grid tracks of the columns, with a trailing free track when no column grows. */
export function gridTemplate(cols: readonly Column[]): { template: string; minWidth: number } {
  const tracks = cols.map((c) => (c.grow ? `minmax(${c.width}px, 1fr)` : `${c.width}px`));
  if (!cols.some((c) => c.grow)) tracks.push('1fr');
  return { template: tracks.join(' '), minWidth: cols.reduce((s, c) => s + c.width, 0) };
}
