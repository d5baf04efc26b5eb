// React 19 JSX typings of the tags (@classlens/elements/react-jsx): what compiles and what must not.
/// <reference types="@classlens/elements/react-jsx" />
import { useMemo, useRef, useState } from 'react';
import type { ClErrorDetail, ClFlowSankey, ClMarkDetail } from '@classlens/elements';
import '@classlens/elements/flow-sankey.js';
import '@classlens/elements/linked.js';

export function Correct({ truth, pred }: { truth: string[]; pred: number[] }) {
  const stages = useMemo(() => [truth, pred], [truth, pred]);
  const ref = useRef<ClFlowSankey>(null);
  const [selected, setSelected] = useState<Uint32Array>(new Uint32Array(0));
  const [error, setError] = useState<ClErrorDetail | null>(null);
  const onHover = (e: CustomEvent<ClMarkDetail>) => console.log(e.detail.keys);
  return (
    <>
      <cl-flow-sankey
        ref={ref}
        class="chart"
        style={{ height: 480 }}
        stages={stages}
        stageNames={['true', 'predicted']}
        highlight={selected}
        topK={20}
        top-k="20"
        only-changed=""
        node-sort="key"
        normalizeBy="source"
        theme="dark"
        label="Digits"
        oncl-select={(e) => setSelected(e.detail.indices)}
        oncl-hover={onHover}
        oncl-error={(e) => setError(e.detail)}
        oncl-warning={(e) => console.warn(e.detail.count ?? 0)}
      />
      <cl-flow-sankey graph={{ nodes: [{ id: 'a' }, { id: 'b' }], links: [{ source: 'a', target: 'b', value: 1 }] }} />
      <cl-linked on="select" independent-colors="">
        <cl-flow-sankey stages={stages} />
        <cl-flow-sankey stages={stages} onlyChanged />
      </cl-linked>
      <p>{error?.code}</p>
    </>
  );
}

export const wrongPropType = (
  // @ts-expect-error stages must be key columns, not a number
  <cl-flow-sankey stages={42} />
);
export const wrongNumber = (
  // @ts-expect-error topK is a number
  <cl-flow-sankey topK={{}} />
);
export const wrongEnum = (
  // @ts-expect-error node-sort is 'value' | 'key' | 'input'
  <cl-flow-sankey node-sort="sideways" />
);
export const wrongTheme = (
  // @ts-expect-error theme is 'light' | 'dark' | 'auto'
  <cl-flow-sankey theme="blue" />
);
export const wrongHandler = (
  // @ts-expect-error a cl-select handler receives CustomEvent<ClMarkDetail>, not a number
  <cl-flow-sankey oncl-select={(n: number) => n} />
);
export const wrongDetail = (
  // @ts-expect-error cl-error's detail is { code, message }, not a mark
  <cl-flow-sankey oncl-error={(e: CustomEvent<ClMarkDetail>) => e.detail.indices} />
);
export const nativeName = (
  // @ts-expect-error `normalize` is Node.normalize: React would overwrite the method, so only normalizeBy is typed
  <cl-flow-sankey normalize="source" />
);
export const readOnlyGetter = (
  // @ts-expect-error flowGraph is a read-only getter
  <cl-flow-sankey flowGraph={null} />
);
export const wrongLinkMode = (
  // @ts-expect-error cl-linked links 'both' | 'select' | 'hover'
  <cl-linked on="click" />
);
