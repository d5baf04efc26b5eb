import type { Key } from '@classlens/core';

/** `detail` of `cl-error`: the coded error from core (or the element's own validation). */
export interface ClErrorDetail {
  code: string;
  message: string;
}

/** `detail` of `cl-warning`: something was dropped or merged, counted and reported once. */
export interface ClWarningDetail {
  code: string;
  message: string;
  count?: number;
}

/**
 * `detail` of `cl-hover` and `cl-select` for mark-based charts. Carries data only —
 * keys and item indices — never DOM nodes. `kind: 'none'` means the pointer left every
 * mark (hover) or the selection was cleared (select).
 */
export interface ClMarkDetail {
  /**
   * What the mark is. Trajectory views add `point` (one step: `indices` is `[step]`,
   * `value` the sequence index), `sequence` (its steps; `value` the sequence index) and
   * `lasso` (the steps inside; `value` their count). The similarity heatmap uses `cell`
   * (`keys: [rowLabel, colLabel]`, `row`, `col`, `value` the cell's value) and `block`
   * (a brushed block: `classes`, and `rows`/`cols` for an off-diagonal one).
   */
  kind: 'node' | 'link' | 'cell' | 'item' | 'point' | 'sequence' | 'lasso' | 'block' | 'none';
  /** Stage (column) index of the mark, when the chart has stages. */
  stage: number | null;
  /** The keys the mark stands for: `[key]` for a node, `[sourceKey, targetKey]` for a link. */
  keys: Key[];
  /** Number of items in the mark. */
  value: number;
  /** Indices of those items in the input. */
  indices: Uint32Array;
  /** Trajectory views: the sequence of the mark (`null` for a lasso across sequences). */
  sequence?: number | null;
  /** Trajectory views: the position of a `point` within its sequence, from 0. */
  step?: number;
  /** Heatmap `cell`: input index of the row class. */
  row?: number;
  /** Heatmap `cell`: input index of the column class. */
  col?: number;
  /** Heatmap `block`: input indices of its classes (rows and columns together), in display order. */
  classes?: number[];
  /** Heatmap `block` off the diagonal (a "split group"): input indices of its rows. */
  rows?: number[];
  /** Heatmap `block` off the diagonal: input indices of its columns. */
  cols?: number[];
}

/**
 * `detail` of `cl-change`: a setting the user changed in the view (e.g. dragging the jump
 * threshold line), so that linked views can follow. `name` is the attribute's name.
 */
export interface ClChangeDetail {
  name: string;
  value: number;
  /** `name: 'collapsed'` (similarity heatmap): the collapsed subtrees' node ids; `value` is their count. */
  ids?: number[];
}

/**
 * A DeepCompare query over items (Murugesan et al., IEEE CG&A 2019): core's `filterItems`
 * query (`truth`, `correct`, `agree`), plus `predicted` — model → predicted class — which a
 * `by="predicted"` treemap cell means and `cl-agreement-table` applies after `filterItems`.
 * Every given condition must hold; `{}` keeps every item.
 */
export interface AgreementQuery {
  /** Keep items whose true class is one of these (`[]` keeps none). */
  truth?: Key[];
  /** Model → `true` to keep the items it gets right, `false` for those it gets wrong. */
  correct?: Record<string, boolean>;
  /** `true`: every model predicts the same class; `false`: at least two models differ. */
  agree?: boolean;
  /** Model → the class it must have predicted. */
  predicted?: Record<string, Key>;
}

/**
 * `detail` of `cl-select` (and `cl-hover`) for a treemap cell: the mark detail plus the
 * query the cell means, so a table can apply it (`table.query = e.detail.query`).
 * `keys` is the cell's path: the true class, then one node name per model level.
 */
export interface ClCellDetail extends ClMarkDetail {
  /** The `filterItems` query matching exactly the cell's items; `null` when none can be given (precomputed trees without levels, or no cell). */
  query: AgreementQuery | null;
}

/** `detail` of `cl-filter`: the table's query changed (controls or the `query` property). */
export interface ClFilterDetail {
  /** The query now applied (a copy). */
  query: AgreementQuery;
  /** Rows that match it. */
  count: number;
  /** All items. */
  total: number;
}

/** `detail` of `cl-zoom`: the treemap zoomed into a class (`keys: [class]`) or back out (`keys: []`). */
export interface ClZoomDetail {
  keys: Key[];
}

/** Dispatches a bubbling, composed `CustomEvent` from `target`. Returns `false` if a listener cancelled it. */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cl-error': CustomEvent<ClErrorDetail>;
    'cl-warning': CustomEvent<ClWarningDetail>;
    'cl-hover': CustomEvent<ClMarkDetail>;
    'cl-select': CustomEvent<ClMarkDetail>;
    'cl-change': CustomEvent<ClChangeDetail>;
    'cl-filter': CustomEvent<ClFilterDetail>;
    'cl-zoom': CustomEvent<ClZoomDetail>;
  }
}
