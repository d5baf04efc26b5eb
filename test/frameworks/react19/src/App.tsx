// React 19 renders the tag itself: properties by name, `oncl-*` listeners.
import { useMemo, useState } from 'react';
import '@classlens/elements/flow-sankey.js';
import type { ClMarkDetail } from '@classlens/elements';
import { FIRST, UPDATED, copy, type Labels } from '../../shared/data.js';
import { record } from '../../shared/record.js';

// Constant (or memoised): a new array on every render would count as new data.
const STAGE_NAMES = ['true', 'predicted'];

function Flow({ data, renders, onSelect }: { data: Labels; renders: number; onSelect: (d: ClMarkDetail) => void }) {
  const stages = useMemo(() => [data.truth, data.pred], [data]);
  return (
    <cl-flow-sankey
      id="flow"
      data-renders={renders}
      stages={stages}
      stageNames={STAGE_NAMES}
      top-k="10"
      label="Test flows"
      style={{ display: 'block', width: 640, height: 360 }}
      oncl-select={(e) => onSelect(record(e))}
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
