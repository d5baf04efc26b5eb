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
   * `lasso` (the steps inside; `value` their count).
   */
  kind: 'node' | 'link' | 'cell' | 'item' | 'point' | 'sequence' | 'lasso' | 'none';
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
}

/**
 * `detail` of `cl-change`: a setting the user changed in the view (e.g. dragging the jump
 * threshold line), so that linked views can follow. `name` is the attribute's name.
 */
export interface ClChangeDetail {
  name: string;
  value: number;
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
  }
}
