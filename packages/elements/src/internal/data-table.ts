import { html, type TemplateResult } from 'lit';

/** A column of the data-table alternative. */
export interface TableColumn {
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

/** Options for {@link renderDataTable}. */
export interface DataTableOptions {
  caption: string;
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  /** Visible under the chart; otherwise only for assistive technology. */
  shown: boolean;
  /**
   * Rows kept while the table is hidden (default 300): it is there for assistive
   * technology, and thousands of hidden rows would cost every render. Pass rows in order
   * of importance; the rest are counted in a last row. A shown table lists every row.
   */
  maxRows?: number;
  /**
   * Rows in all, when `rows` holds only the first ones (a caller that formats only what a
   * hidden table keeps, see {@link tableRowsKept}); default `rows.length`.
   */
  total?: number;
}

/** How many rows a table keeps: all when shown, else `maxRows` (default 300). */
export function tableRowsKept(shown: boolean, maxRows = 300): number {
  return shown ? Infinity : maxRows;
}

/**
 * The data-table alternative every chart offers (`part="table"`): the numbers behind the
 * drawing as a real `<table>` with a caption and column headers — always in the
 * accessibility tree, visible on request (`show-table`). Cells are text, never HTML.
 */
export function renderDataTable(o: DataTableOptions): TemplateResult {
  const max = tableRowsKept(o.shown, o.maxRows);
  const rows = o.rows.length > max ? o.rows.slice(0, max) : o.rows;
  const total = Math.max(o.total ?? o.rows.length, o.rows.length);
  return html`<div class="data-table ${o.shown ? 'is-shown' : ''}" part="table">
    <table>
      <caption>
        ${o.caption}
      </caption>
      <thead>
        <tr>
          ${o.columns.map((c) => html`<th scope="col" class=${c.numeric ? 'num' : ''}>${c.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              ${r.map((v, j) => html`<td class=${o.columns[j]?.numeric ? 'num' : ''}>${v}</td>`)}
            </tr>`,
        )}
        ${
          total > rows.length
            ? html`<tr>
                <td colspan=${o.columns.length}>
                  ${total - rows.length} smaller rows not listed (show the table to list all)
                </td>
              </tr>`
            : ''
        }
      </tbody>
    </table>
  </div>`;
}
