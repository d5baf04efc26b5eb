// @classlens/react wrappers: typed props and onCl* event props, React 18 and 19.
import { useMemo, useState } from 'react';
import { ClFlowSankey, ClLinked, type ClFlowSankeyProps, type ClMarkDetail } from '@classlens/react';
import { ClFlowSankey as ClFlowSankeyFromSubpath } from '@classlens/react/flow-sankey.js';

export function Correct({ truth, pred }: { truth: string[]; pred: string[] }) {
  const stages = useMemo(() => [truth, pred], [truth, pred]);
  const [selected, setSelected] = useState<Uint32Array | null>(null);
  const onHover = (e: CustomEvent<ClMarkDetail>) => console.log(e.detail.keys);
  return (
    <>
      <ClFlowSankey
        stages={stages}
        stageNames={['true', 'predicted']}
        topK={20}
        onlyChanged
        nodeSort="key"
        normalizeBy="target"
        highlight={selected}
        className="chart"
        style={{ height: 480 }}
        onClSelect={(e) => setSelected(e.detail.indices)}
        onClHover={onHover}
        onClError={(e) => console.error(e.detail.code, e.detail.message)}
        onClWarning={(e) => console.warn(e.detail.count)}
      />
      <ClLinked on="hover" onClSelect={(e) => console.log(e.detail.indices)}>
        <ClFlowSankeyFromSubpath stages={stages} />
        <ClFlowSankey stages={stages} />
      </ClLinked>
    </>
  );
}

export const props: ClFlowSankeyProps = { topK: 5 };

// @ts-expect-error stages must be key columns, not a number
export const wrongPropType = <ClFlowSankey stages={42} />;
// @ts-expect-error topK is a number
export const wrongNumber = <ClFlowSankey topK="20" />;
// @ts-expect-error an onClSelect handler receives CustomEvent<ClMarkDetail>, not a number
export const wrongHandler = <ClFlowSankey onClSelect={(n: number) => n} />;
// @ts-expect-error cl-warning's detail has no indices
export const wrongDetail = <ClFlowSankey onClWarning={(e) => e.detail.indices} />;
// @ts-expect-error no such property
export const unknownProp = <ClFlowSankey stagez={[]} />;
// @ts-expect-error ClLinked links 'both' | 'select' | 'hover'
export const wrongLinkMode = <ClLinked on="click" />;
