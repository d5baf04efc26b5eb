// React 18 sets only attributes on custom elements: the @classlens/react wrappers set
// properties and listen to events for it.
import { useMemo, useState } from 'react';
import { ClFlowSankey, type ClMarkDetail } from '@classlens/react';
import { FIRST, UPDATED, copy, type Labels } from '../../shared/data.js';
import { record } from '../../shared/record.js';

// Constant (or memoised): a new array on every render would count as new data.
const STAGE_NAMES = ['true', 'predicted'];

function Flow({ data, renders, onSelect }: { data: Labels; renders: number; onSelect: (d: ClMarkDetail) => void }) {
  const stages = useMemo(() => [data.truth, data.pred], [data]);
  return (
    <ClFlowSankey
      id="flow"
      data-renders={renders}
      stages={stages}
      stageNames={STAGE_NAMES}
      topK={10}
      label="Test flows"
      style={{ display: 'block', width: 640, height: 360 }}
      onClSelect={(e) => onSelect(record(e))}
    />
  );
}

export function App() {
  const [data, setData] = useState<Labels>(FIRST);
  const [selected, setSelected] = useState<ClMarkDetail | null>(null);
  const [renders, setRenders] = useState(0);
  const [shown, setShown] = useState(true);
  return (
    <main>
      <p id="status">
        {selected ? `selected ${selected.indices.length}` : 'nothing selected'} · render {renders}
      </p>
      <button id="rerender" onClick={() => setRenders((n) => n + 1)}>
        re-render
      </button>
      <button id="refetch" onClick={() => setData((d) => copy(d))}>
        same data, new arrays
      </button>
      <button id="update" onClick={() => setData(UPDATED)}>
        new data
      </button>
      <button id="unmount" onClick={() => setShown(false)}>
        unmount
      </button>
      {shown && <Flow data={data} renders={renders} onSelect={setSelected} />}
    </main>
  );
}
