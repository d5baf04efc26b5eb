// Every element, resized through widths and heights: no "ResizeObserver loop completed
// with undelivered notifications" (mocha fails a test on that window error), which error
// monitors in users' pages report as an error. The trend grid raised it before its fix.
import '../../packages/elements/src/index.js';
import { expect, fixture, html, nextFrame } from '../harness/index.js';

const truth = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', 'e', 'e'];
const p0 = ['a', 'x', 'b', 'b', 'x', 'c', 'd', 'a', 'e', 'e'];
const p1 = ['a', 'a', 'b', 'x', 'c', 'x', 'd', 'd', 'e', 'a'];
const points = [
  [0, 0],
  [1, 0],
  [2, 0],
  [3, 0],
  [0, 2],
  [3, 2],
];

const cases: [string, Record<string, unknown>][] = [
  ['cl-flow-sankey', { stages: [truth, p0, p1] }],
  ['cl-chain-sankey', { truth, predictions: { M0: p0, M1: p1 } }],
  ['cl-trend-grid', { truth, predictions: { M0: p0, M1: p1 } }],
  ['cl-metrics-treemap', { truth, predictions: { A: p0, B: p1 } }],
  ['cl-agreement-table', { truth, predictions: { A: p0, B: p1 } }],
  [
    'cl-similarity-heatmap',
    {
      matrix: [
        [1, 0.5, 0.1],
        [0.5, 1, 0.2],
        [0.1, 0.2, 1],
      ],
      labels: ['a', 'b', 'c'],
    },
  ],
  [
    'cl-trajectory-projection',
    {
      points,
      offsets: [0, 4],
      expected: [0.5, 0.1, 0.2, 0.9, 0.8, 0.95],
      classes: ['neg', 'pos'],
      ids: ['a', 'b'],
    },
  ],
  [
    'cl-sequence-detail',
    {
      sequences: [
        {
          id: 'a',
          label: 'neg',
          prediction: 'pos',
          tokens: ['not', 'bad'],
          states: [0, 0, 3, 4],
          expected: [0.5, 0.5, 0.1, 0.9],
        },
      ],
      classes: ['neg', 'pos'],
      sequence: 0,
    },
  ],
];

describe('resizing never loops the ResizeObserver', () => {
  for (const [tag, props] of cases) {
    it(`${tag}: 760×420 → 200 → 420×200 → 1200×600 → 760×420`, async () => {
      const box = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
      el.setAttribute('renderer', 'canvas');
      el.style.cssText = 'display:block;width:760px;height:420px';
      box.append(el);
      Object.assign(el, props);
      await el.updateComplete;
      await nextFrame(3);
      for (const [w, h] of [
        [200, 420],
        [420, 200],
        [1200, 600],
        [760, 420],
      ]) {
        el.style.width = `${w}px`;
        el.style.height = `${h}px`;
        await el.updateComplete;
        await nextFrame(3);
        await el.updateComplete;
      }
      expect(el.shadowRoot!.querySelector('[part~="error"]'), 'no error state').to.equal(null);
    });
  }
});
