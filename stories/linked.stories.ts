import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/flow-sankey/cl-flow-sankey.js';
import '../packages/elements/src/linked/cl-linked.js';
import { load, type Loaded } from './data.js';

const meta: Meta = {
  title: 'Elements/Linked views',
  component: 'cl-linked',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          '`<cl-linked>` wires `cl-select`/`cl-hover` of any classlens element inside to `highlight` on the others, and gives them one class-colour scale. No script needed.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** Two flows linked by <cl-linked>: click a link in one to highlight its items in the other; one colour per class. */
export const TwoFlows: Story = {
  loaders: [load('digitsAll')],
  render: (_a, { loaded }) => {
    const d = (loaded as Loaded).digitsAll!;
    return html`<cl-linked>
      <div style="display: grid; grid-template-columns: 1fr 1fr; gap: 16px">
        <cl-flow-sankey
          style="height: 440px"
          heading="GaussianNB mistakes (click one)"
          only-changed
          .stages=${[d.truth, d.models[0].predNames]}
          .stageNames=${['true', 'GaussianNB']}
        ></cl-flow-sankey>
        <cl-flow-sankey
          style="height: 440px"
          heading="The same items under the MLP"
          .stages=${[d.truth, d.models[2].predNames]}
          .stageNames=${['true', 'MLP']}
        ></cl-flow-sankey>
      </div>
    </cl-linked>`;
  },
};

/** Hover only (`on="hover"`): the highlight follows the pointer and clears when it leaves. */
export const HoverOnly: Story = {
  loaders: [load('digits')],
  render: (_a, { loaded }) => {
    const d = (loaded as Loaded).digits!;
    return html`<cl-linked on="hover">
      <div style="display: grid; grid-template-columns: 1fr 1fr; gap: 16px">
        <cl-flow-sankey
          style="height: 380px"
          heading="LogisticRegression"
          .stages=${[d.truth, d.models[1].predNames]}
        ></cl-flow-sankey>
        <cl-flow-sankey
          style="height: 380px"
          heading="MLP"
          .stages=${[d.truth, d.models[2].predNames]}
        ></cl-flow-sankey>
      </div>
    </cl-linked>`;
  },
};
