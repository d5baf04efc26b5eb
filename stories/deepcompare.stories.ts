import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/metrics-treemap/cl-metrics-treemap.js';
import '../packages/elements/src/agreement-table/cl-agreement-table.js';
import '../packages/elements/src/linked/cl-linked.js';
import type { ClAgreementTable } from '../packages/elements/src/agreement-table/cl-agreement-table.js';
import type { ClCellDetail } from '../packages/elements/src/events.js';
import { load, type Loaded } from './data.js';

const meta: Meta = {
  title: 'Elements/DeepCompare (linked)',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'The treemap and the table side by side, as in DeepCompare: click a treemap cell to filter the table to its items (the cell’s `query`), select table rows (Ctrl/⌘-click for several) to see their share in the treemap. `<cl-linked>` carries selection → highlight and one colour per class; the query link is three lines of script.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** Treemap cell → table query: listen to cl-select, set table.query. A cleared selection clears the filter. */
function linkQuery(e: Event) {
  const d = (e as CustomEvent<ClCellDetail>).detail;
  const table = (e.currentTarget as HTMLElement).querySelector<ClAgreementTable>('cl-agreement-table');
  if (table && (e.target as Element).localName === 'cl-metrics-treemap') table.query = d.query ?? {};
}

/** Digits, three real models: click "8 › M0 ✗ › M1 ✓ › M2 ✓" to see what GaussianNB alone gets wrong. */
export const Digits: Story = {
  loaders: [load('digits')],
  render: (_a, { loaded }) => {
    const d = (loaded as Loaded).digits!;
    const predictions = Object.fromEntries(d.models.map((m) => [m.id, m.predNames]));
    return html`<cl-linked @cl-select=${linkQuery}>
      <div style="display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.2fr); gap: 16px">
        <cl-metrics-treemap
          style="height: 560px"
          heading="Truth → M0 → M1 → M2"
          legend
          .truth=${d.truth}
          .predictions=${predictions}
        ></cl-metrics-treemap>
        <cl-agreement-table
          style="height: 560px"
          heading="The items"
          sort-by="models"
          .truth=${d.truth}
          .predictions=${predictions}
          .items=${d.images.map((image) => ({ image }))}
        ></cl-agreement-table>
      </div>
    </cl-linked>`;
  },
};

/** Reviews: GRU against the bag of words, with the word panel following the treemap's cell. */
export const Reviews: Story = {
  loaders: [load('reviewsPair')],
  render: (_a, { loaded }) => {
    const r = (loaded as Loaded).reviewsPair!;
    const predictions = Object.fromEntries(r.models.map((m) => [m.id, m.predNames]));
    const columns: Record<string, number[]> = {};
    r.activationNames.forEach((name, j) => (columns[name] = r.activations.map((a) => a[j])));
    return html`<cl-linked @cl-select=${linkQuery}>
      <div style="display: grid; grid-template-columns: minmax(0, 0.8fr) minmax(0, 1.6fr); gap: 16px">
        <cl-metrics-treemap
          style="height: 560px"
          heading="Truth → GRU → bag of words"
          legend
          .truth=${r.truth}
          .predictions=${predictions}
        ></cl-metrics-treemap>
        <cl-agreement-table
          style="height: 560px"
          heading="Reviews"
          show-words
          word-count="8"
          histogram-column="h3"
          .truth=${r.truth}
          .predictions=${predictions}
          .items=${r.ids.map((id, i) => ({ id, text: r.texts[i] }))}
          .columns=${columns}
        ></cl-agreement-table>
      </div>
    </cl-linked>`;
  },
};
