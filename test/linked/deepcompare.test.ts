// The DeepCompare pair linked: a treemap cell's query filters the table (a few lines of
// script, as in the story and the docs), and rows selected in the table highlight their
// share in the treemap (through <cl-linked>).
import '../../packages/elements/src/metrics-treemap/cl-metrics-treemap.js';
import '../../packages/elements/src/agreement-table/cl-agreement-table.js';
import '../../packages/elements/src/linked/cl-linked.js';
import type { ClMetricsTreemap } from '../../packages/elements/src/metrics-treemap/cl-metrics-treemap.js';
import type { ClAgreementTable } from '../../packages/elements/src/agreement-table/cl-agreement-table.js';
import type { ClLinked } from '../../packages/elements/src/linked/cl-linked.js';
import type { ClCellDetail } from '../../packages/elements/src/events.js';
import { expect, fixture, html, nextFrame, shadowQueryAll } from '../harness/index.js';

const truth = ['a', 'a', 'a', 'b', 'b', 'b'];
const predictions = { A: ['a', 'b', 'a', 'b', 'a', 'b'], B: ['a', 'a', 'b', 'b', 'b', 'a'] };

async function settle(...els: { updateComplete: Promise<boolean> }[]) {
  for (const el of els) await el.updateComplete;
  await nextFrame(2);
  for (const el of els) await el.updateComplete;
}

describe('cl-metrics-treemap + cl-agreement-table', () => {
  it('a treemap cell sets the table query; selected rows highlight their share in the treemap', async () => {
    const wrap = await fixture<ClLinked>(
      html`<cl-linked on="select">
        <cl-metrics-treemap style="display: block; width: 500px; height: 300px"></cl-metrics-treemap>
        <cl-agreement-table style="display: block; width: 700px; height: 300px"></cl-agreement-table>
      </cl-linked>`,
    );
    const tm = wrap.querySelector<ClMetricsTreemap>('cl-metrics-treemap')!;
    const table = wrap.querySelector<ClAgreementTable>('cl-agreement-table')!;
    Object.assign(tm, { truth, predictions });
    Object.assign(table, { truth, predictions });
    wrap.addEventListener('cl-select', (e) => {
      if ((e.target as Element).localName === 'cl-metrics-treemap')
        table.query = (e as CustomEvent<ClCellDetail>).detail.query ?? {};
    });
    await settle(tm, table);
    const i = tm.cells.findIndex((c) => c.keys.join('|') === 'a|A ✓|B ✗');
    shadowQueryAll(tm, '[part~="cell"]')[i].dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle(tm, table);
    expect(table.query).to.deep.equal({ truth: ['a'], correct: { A: true, B: false } });
    expect(Array.from(table.rows)).to.deep.equal([2]);
    // Clearing the treemap selection clears the filter.
    shadowQueryAll(tm, '[part~="cell"]')[i].dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle(tm, table);
    expect(table.rows.length).to.equal(6);
    // A table row → the treemap highlights it.
    const row = shadowQueryAll<HTMLElement>(table, '[part~="row"]').find((r) => r.dataset.item === '4')!;
    row.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle(tm, table);
    expect(Array.from(tm.highlight as ArrayLike<number>)).to.deep.equal([4]);
    const dim = shadowQueryAll(tm, '[part~="cell"]').filter((c) => !c.classList.contains('is-dim'));
    expect(dim).to.have.length(1);
    // And both share one colour per class.
    expect(tm.colorScale).to.equal(wrap.colorScale);
    expect(table.colorScale).to.equal(wrap.colorScale);
  });
});
