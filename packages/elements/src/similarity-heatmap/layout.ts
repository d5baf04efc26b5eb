/** A box in the element's main area (CSS pixels). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where each part of the heatmap goes. */
export interface HeatmapLayout {
  plot: Box;
  /** The rows' dendrogram, left of the group bars (`null` without a row tree or with `dendrogram` off). */
  dendrogram: Box | null;
  /** The columns' dendrogram of a rectangular matrix, above the plot. */
  colDendrogram: Box | null;
  /** Side bars of groups, between the dendrogram and the plot. */
  bars: Box | null;
  /** Row labels, group spans and star ticks, right of the plot. */
  rowLabels: Box;
  /** Column labels, under the plot. */
  colLabels: Box;
  /** Height of the used area (the legend follows it). */
  height: number;
}

/** What the layout depends on. */
export interface LayoutInput {
  width: number;
  height: number;
  rows: number;
  cols: number;
  dendrogram: boolean;
  colDendrogram: boolean;
  /** Number of side-bar columns (group bars plus fuzzy memberships). */
  barColumns: number;
  /** Room for row labels (CSS px). */
  labelWidth: number;
  /** Room for column labels (CSS px). */
  colLabelHeight: number;
}

export const DENDROGRAM_WIDTH = 72;
export const BAR_WIDTH = 9;

/**
 * Splits the main area: dendrogram | bars | plot | row labels, the columns' dendrogram
 * above and their labels under the plot. A square matrix gets a square plot (cells stay
 * square); a rectangular one keeps square cells when that fills at least half of each
 * side, else stretches.
 */
export function layoutHeatmap(o: LayoutInput): HeatmapLayout {
  const dw = o.dendrogram ? DENDROGRAM_WIDTH : 0;
  const dh = o.colDendrogram ? Math.round(DENDROGRAM_WIDTH * 0.75) : 0;
  const bw = o.barColumns > 0 ? o.barColumns * BAR_WIDTH + 4 : 0;
  const left = dw + bw;
  const top = dh;
  const availW = Math.max(0, o.width - left - o.labelWidth);
  const availH = Math.max(0, o.height - top - o.colLabelHeight);
  let w = availW;
  let h = availH;
  if (o.rows > 0 && o.cols > 0) {
    const cell = Math.min(availW / o.cols, availH / o.rows);
    if (o.rows === o.cols) w = h = Math.floor(Math.min(availW, availH));
    else {
      w = Math.floor(Math.max(cell * o.cols, Math.min(availW, availW / 2)));
      h = Math.floor(Math.max(cell * o.rows, Math.min(availH, 24 * o.rows, availH / 2)));
    }
  }
  const plot: Box = { x: left, y: top, w, h };
  return {
    plot,
    dendrogram: dw ? { x: 0, y: top, w: dw - 4, h } : null,
    colDendrogram: dh ? { x: left, y: 0, w, h: dh - 4 } : null,
    bars: bw ? { x: dw, y: top, w: bw - 4, h } : null,
    rowLabels: { x: left + w, y: top, w: o.labelWidth, h },
    colLabels: { x: left, y: top + h, w, h: o.colLabelHeight },
    height: top + h + o.colLabelHeight,
  };
}
