/**
 * Row virtualisation for a fixed-row-height scroller: which rows to render for a scroll
 * position, and where. Only the visible rows plus `overscan` on each side are in the DOM,
 * so 10^5 or 10^6 rows cost the same per frame as 30.
 *
 * Browsers cap an element's height (Chromium near 3.3·10^7 px), so past
 * {@link MAX_SCROLL_HEIGHT} the scroll range is compressed: the scrollbar maps linearly
 * onto row positions and the rendered window is pinned to the viewport.
 */

/** Tallest scroll content used (px); more rows than fit at full height compress the scrollbar. */
export const MAX_SCROLL_HEIGHT = 8_000_000;

/** Inputs of {@link visibleRange}. */
export interface ScrollState {
  /** Rows in the list. */
  rows: number;
  /** Height of a row (px). */
  rowHeight: number;
  /** Height of the visible row area (px; the scroller's height less a sticky header). */
  viewport: number;
  /** The scroller's `scrollTop`. */
  scrollTop: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan: number;
}

/** Rows to render and where. */
export interface RowWindow {
  /** First row rendered. */
  start: number;
  /** One past the last row rendered. */
  end: number;
  /** First row at least partly visible. */
  firstVisible: number;
  /** One past the last row at least partly visible. */
  endVisible: number;
  /** `translateY` of the first rendered row inside the scroll content (px). */
  offset: number;
  /** Height of the scroll content (px). */
  height: number;
  /** Whether the scroll range is compressed (then every scroll needs a re-render). */
  scaled: boolean;
}

/** Height of the scroll content for `rows` rows. */
export function contentHeight(rows: number, rowHeight: number): number {
  return Math.min(rows * rowHeight, MAX_SCROLL_HEIGHT);
}

/** The window of rows to render for a scroll position. */
export function visibleRange(s: ScrollState): RowWindow {
  const rh = Math.max(1, s.rowHeight);
  const rows = Math.max(0, Math.floor(s.rows));
  const viewport = Math.max(0, s.viewport);
  const height = contentHeight(rows, rh);
  const scaled = rows * rh > MAX_SCROLL_HEIGHT;
  const maxScroll = Math.max(0, height - viewport);
  const top = Math.min(Math.max(0, s.scrollTop), maxScroll);
  // Fractional row at the top of the viewport.
  const p = scaled ? (maxScroll > 0 ? top / maxScroll : 0) * Math.max(0, rows - viewport / rh) : top / rh;
  const firstVisible = Math.min(rows, Math.floor(p));
  const endVisible = Math.min(rows, Math.ceil(p + viewport / rh));
  const start = Math.max(0, firstVisible - s.overscan);
  const end = Math.min(rows, endVisible + s.overscan);
  const offset = scaled ? top - (p - start) * rh : start * rh;
  return { start, end, firstVisible, endVisible, offset, height, scaled };
}

/**
 * The `scrollTop` that brings `row` fully into view, moving as little as possible
 * (`current` when it already is).
 */
export function scrollToRow(row: number, s: Omit<ScrollState, 'overscan'>): number {
  const rh = Math.max(1, s.rowHeight);
  const rows = Math.max(0, Math.floor(s.rows));
  const height = contentHeight(rows, rh);
  const maxScroll = Math.max(0, height - s.viewport);
  if (rows * rh > MAX_SCROLL_HEIGHT) {
    const span = Math.max(1, rows - s.viewport / rh);
    const w = visibleRange({ ...s, overscan: 0 });
    if (row >= w.firstVisible + 1 && row < w.endVisible - 1) return s.scrollTop;
    const target = row < w.firstVisible + 1 ? row : row - Math.floor(s.viewport / rh) + 1;
    return Math.min(maxScroll, Math.max(0, (Math.max(0, target) / span) * maxScroll));
  }
  const top = row * rh;
  if (top < s.scrollTop) return top;
  if (top + rh > s.scrollTop + s.viewport) return Math.min(maxScroll, top + rh - s.viewport);
  return s.scrollTop;
}
