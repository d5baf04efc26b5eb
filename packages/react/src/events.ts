/**
 * The event an `onCl*` prop receives: the element's `HTMLElementEventMap` entry
 * (`cl-select` → `CustomEvent<ClMarkDetail>`), else `CustomEvent<unknown>`.
 */
export type ClEvent<K extends string> = K extends keyof HTMLElementEventMap
  ? HTMLElementEventMap[K]
  : CustomEvent<unknown>;
