import type { ClMarkDetail } from '@classlens/elements';

declare global {
  interface Window {
    /** Every `cl-select` the app's handler received, for the test driver. */
    __clEvents?: Array<{
      type: string;
      kind: string;
      stage: number | null;
      keys: unknown[];
      value: number;
      indices: number[];
      typed: boolean;
    }>;
  }
}

/** Logs a `cl-select` event as the app's framework handler received it; returns its detail. */
export function record(e: CustomEvent<ClMarkDetail>): ClMarkDetail {
  const d = e.detail;
  (window.__clEvents ??= []).push({
    type: e.type,
    kind: d.kind,
    stage: d.stage,
    keys: [...d.keys],
    value: d.value,
    indices: Array.from(d.indices),
    typed: d.indices instanceof Uint32Array,
  });
  return d;
}
