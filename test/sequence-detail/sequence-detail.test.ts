import '../../packages/elements/src/sequence-detail/cl-sequence-detail.js';
import type { ClSequenceDetail } from '../../packages/elements/src/sequence-detail/cl-sequence-detail.js';
import type { ClChangeDetail, ClErrorDetail, ClMarkDetail } from '../../packages/elements/src/events.js';
import { confusionMatrix, confidenceChanges, findJumps, sequenceStepDistances, topClassChanges } from '@classlens/core';
import {
  expect,
  expectCleanReconnects,
  expectNoAxeViolations,
  fixture,
  html,
  nextFrame,
  oneEvent,
  shadowQuery,
  shadowQueryAll,
} from '../harness/index.js';

// Three short "reviews" with 2-d states, so every distance is known:
//   s0 rows 0–3: (0,0) → (3,4) [5] → (3,4) [0] → (0,0) [5]
//   s1 rows 4–5: (1,1) → (1,2) [1]
//   s2 row 6:   (9,9)
// Largest step 5: with threshold 0.4 the jumps are rows 1 and 3 (5/5 > 0.4), not row 5 (0.2).
const sequences = [
  {
    id: 'a',
    label: 'neg',
    prediction: 'pos',
    tokens: ['not', 'bad', 'at', 'all'],
    states: [0, 0, 3, 4, 3, 4, 0, 0],
    expected: [0.5, 0.5, 0.9, 0.1, 0.85, 0.15, 0.2, 0.8],
  },
  {
    id: 'b',
    label: 'pos',
    prediction: 'pos',
    tokens: ['good', 'film'],
    states: [1, 1, 1, 2],
    expected: [0.4, 0.6, 0.1, 0.9],
  },
  { id: 'c', label: 'neg', prediction: 'neg', tokens: ['awful'], states: [9, 9], expected: [0.95, 0.05] },
];
const classes = ['neg', 'pos'];
const flatStates = sequences.flatMap((s) => chunk(s.states, 2));
function chunk(a: number[], w: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.length; i += w) out.push(a.slice(i, i + w));
  return out;
}
const lengths = sequences.map((s) => s.tokens.length);
const probs = sequences.flatMap((s) => chunk(s.expected, 2));

async function detail(props: Partial<ClSequenceDetail> = {}, attrs = ''): Promise<ClSequenceDetail> {
  const el = await fixture<ClSequenceDetail>(html`<cl-sequence-detail style="width: 980px"></cl-sequence-detail>`);
  if (attrs) for (const [k, v] of new URLSearchParams(attrs)) el.setAttribute(k, v);
  Object.assign(el, { sequences, classes, sequence: 0 }, props);
  await settle(el);
  return el;
}

async function settle(el: ClSequenceDetail) {
  await el.updateComplete;
  await nextFrame(2);
  await el.updateComplete;
}

const words = (el: Element) => shadowQueryAll<HTMLElement>(el, '[part~="word"]');
const wordText = (el: Element) => words(el).map((w) => w.querySelector('.word__text')!.textContent!.trim());

describe('<cl-sequence-detail>', () => {
  describe('drawing matches core', () => {
    it('draws the selected sequence word by word', async () => {
      const el = await detail();
      expect(wordText(el)).to.deep.equal(['not', 'bad', 'at', 'all']);
      el.sequence = 1;
      await settle(el);
      expect(wordText(el)).to.deep.equal(['good', 'film']);
    });

    it('step distances, jumps, confidence and class changes are core’s', async () => {
      const el = await detail();
      const d = sequenceStepDistances(flatStates, lengths);
      expect(Array.from(el.stepDistances.distances!)).to.deep.equal(Array.from(d));
      expect(el.stepDistances.max).to.equal(5);
      const marked = el.markedSteps;
      expect(Array.from(marked.jumps)).to.deep.equal(Array.from(findJumps(d, { threshold: 0.4 })));
      expect(Array.from(marked.jumps)).to.deep.equal([1, 3]);
      expect(Array.from(marked.confidence)).to.deep.equal(
        Array.from(confidenceChanges(probs, { threshold: 0.3, lengths })),
      );
      expect(Array.from(marked.flips)).to.deep.equal(Array.from(topClassChanges(probs, { lengths })));
      // The jump words are marked in the text.
      const jumpWords = words(el)
        .filter((w) => w.querySelector('.is-jump'))
        .map((w) => w.textContent!.replace(/\W+/g, ''));
      expect(jumpWords).to.deep.equal(['bad', 'all']);
    });

    it('distance bars are the distance over the largest step; the first step has none', async () => {
      const el = await detail();
      const bars = shadowQueryAll<SVGRectElement>(el, '[part~="bar"]');
      expect(bars).to.have.length(3); // rows 1, 2, 3 (row 0 starts the sequence)
      const hs = bars.map((b) => +b.getAttribute('height')!);
      // 5/5, 0/5, 5/5 of the 110-pixel plot.
      expect(hs[0]).to.be.closeTo(110, 0.01);
      expect(hs[1]).to.be.closeTo(0, 0.01);
      expect(hs[2]).to.be.closeTo(110, 0.01);
      expect(shadowQueryAll(el, '.bar--jump')).to.have.length(
        2 + el.distanceHistogram.filter((b) => b.x0 >= 0.4).length,
      );
    });

    it('the histogram counts every non-initial step of the data set', async () => {
      const el = await detail();
      const total = el.distanceHistogram.reduce((s, b) => s + b.count, 0);
      expect(total).to.equal(4); // 7 steps − 3 sequence starts
      expect(el.distanceHistogram.find((b) => b.x0 === 0)!.count).to.equal(1); // the zero step
      expect(el.distanceHistogram[el.distanceHistogram.length - 1].count).to.equal(2); // the two of 5
    });

    it('the overview counts come from core’s confusionMatrix', async () => {
      const el = await detail();
      const o = el.overview!;
      const m = confusionMatrix(['neg', 'pos', 'neg'], ['pos', 'pos', 'neg'], classes);
      expect(o.counts).to.deep.equal(m.counts);
      expect(o.correct).to.equal(2);
      expect(o.accuracy).to.be.closeTo(2 / 3, 1e-12);
      expect(shadowQuery(el, '[part~="summary"]').textContent!.replace(/\s+/g, ' ')).to.contain(
        '2 of 3 right (66.7% accuracy)',
      );
      const truthBars = shadowQueryAll<SVGRectElement>(el, '.truth-bar');
      expect(truthBars).to.have.length(2);
      // neg has 2 sequences, pos 1: bar widths in that ratio.
      expect(+truthBars[0].getAttribute('width')! / +truthBars[1].getAttribute('width')!).to.be.closeTo(2, 1e-6);
    });

    it('colours words by EP: the binary scale runs through the neutral grey', async () => {
      const el = await detail();
      const bg = (i: number) => getComputedStyle(words(el)[i].querySelector('.word__text')!).backgroundColor;
      // Row 0 is p = 0.5: exactly the grey.
      expect(bg(0)).to.equal('rgb(140, 149, 159)');
      // Row 1 (P(pos) = 0.1) leans to neg's colour, row 3 (0.8) to pos's: they differ.
      expect(bg(1)).to.not.equal(bg(3));
    });

    it('accepts columns: stacked states, starts as offsets, scalar P(positive), nested tokens', async () => {
      const el = await detail({
        sequences: undefined,
        states: flatStates,
        offsets: [0, 4, 6],
        expected: probs.map((r) => r[1]),
        tokens: sequences.map((s) => s.tokens),
        truth: ['neg', 'pos', 'neg'],
        ids: ['a', 'b', 'c'],
      });
      expect(el.sequenceData!.n).to.equal(3);
      expect(Array.from(el.sequenceData!.lengths)).to.deep.equal([4, 2, 1]);
      expect(Array.from(el.markedSteps.jumps)).to.deep.equal([1, 3]);
      // No `predicted`: the top class of each last step.
      expect(Array.from(el.sequenceData!.predicted!)).to.deep.equal([1, 1, 0]);
    });

    it('does not modify its input', async () => {
      const copy = JSON.stringify(sequences);
      await detail();
      expect(JSON.stringify(sequences)).to.equal(copy);
    });
  });

  describe('interaction', () => {
    it('hovering a word fires cl-hover with its row and sequence, and shows a tooltip', async () => {
      const el = await detail({ sequence: 1 });
      const ev = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      words(el)[1].dispatchEvent(new PointerEvent('pointerenter'));
      const d = (await ev).detail;
      expect(d.kind).to.equal('point');
      expect(Array.from(d.indices)).to.deep.equal([5]);
      expect(d.value).to.equal(1);
      expect(d.sequence).to.equal(1);
      expect(d.step).to.equal(1);
      expect(d.keys).to.deep.equal(['b']);
      await el.updateComplete;
      const tip = shadowQuery(el, '[part~="tooltip"]');
      expect(tip.textContent).to.contain('film');
      expect(tip.textContent).to.contain('2 of 2');
    });

    it('hovering a heatmap column or a bar hovers the same step', async () => {
      const el = await detail();
      const ev = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      shadowQuery(el, '.heatmap .column[data-row="2"]').dispatchEvent(new PointerEvent('pointerenter'));
      expect(Array.from((await ev).detail.indices)).to.deep.equal([2]);
      await el.updateComplete;
      expect(words(el)[2].classList.contains('is-emphasised')).to.equal(true);
    });

    it('picking a sequence in the table fires cl-select with its rows', async () => {
      const el = await detail();
      const ev = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      shadowQueryAll<HTMLButtonElement>(el, 'button.pick')[1].click();
      const d = (await ev).detail;
      expect(d.kind).to.equal('sequence');
      expect(d.value).to.equal(1);
      expect(Array.from(d.indices)).to.deep.equal([4, 5]);
      await settle(el);
      expect(el.sequence).to.equal(1);
      expect(wordText(el)).to.deep.equal(['good', 'film']);
    });

    it('keyboard: arrows step through the words, Enter selects one', async () => {
      const el = await detail();
      const chart = shadowQuery<HTMLElement>(el, '[part~="chart"]');
      const first = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      chart.focus();
      expect(Array.from((await first).detail.indices)).to.deep.equal([0]);
      const next = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      expect(Array.from((await next).detail.indices)).to.deep.equal([1]);
      const end = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
      expect(Array.from((await end).detail.indices)).to.deep.equal([3]);
      const sel = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      expect(Array.from((await sel).detail.indices)).to.deep.equal([3]);
      await el.updateComplete;
      expect(words(el)[3].classList.contains('is-ring')).to.equal(true);
    });

    it('the threshold slider: keys change jump-threshold, fire cl-change and re-mark the jumps', async () => {
      const el = await detail();
      const slider = shadowQuery<SVGGElement>(el, '[part~="threshold"]');
      expect(slider.getAttribute('role')).to.equal('slider');
      expect(slider.getAttribute('aria-valuenow')).to.equal('0.40');
      const ev = oneEvent<CustomEvent<ClChangeDetail>>(el, 'cl-change');
      slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
      expect((await ev).detail).to.deep.equal({ name: 'jump-threshold', value: 0.41 });
      await settle(el);
      expect(el.jumpThreshold).to.equal(0.41);
      expect(el.getAttribute('jump-threshold')).to.equal('0.41');
      // 1.0 is not > 1.0: End leaves no jumps.
      slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
      await settle(el);
      expect(el.markedSteps.jumps).to.have.length(0);
      slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
      await settle(el);
      expect(Array.from(el.markedSteps.jumps)).to.deep.equal([1, 3, 5]);
    });

    it('dragging the threshold line sets the threshold from the pointer', async () => {
      const el = await detail();
      const slider = shadowQuery<SVGGElement>(el, '[part~="threshold"]');
      const svg = slider.closest('svg')!;
      const box = svg.getBoundingClientRect();
      const at = (f: number) => box.top + 10 + 110 * (1 - f);
      const changes: number[] = [];
      el.addEventListener('cl-change', (e) => changes.push((e as CustomEvent<ClChangeDetail>).detail.value));
      slider.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1, clientY: at(0.4), bubbles: true }));
      slider.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientY: at(0.7), bubbles: true }));
      slider.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, clientY: at(0.7), bubbles: true }));
      slider.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientY: at(0.1), bubbles: true }));
      await settle(el);
      expect(changes).to.deep.equal([0.7]);
      expect(el.jumpThreshold).to.equal(0.7);
    });

    it('highlight dims the other words and marks the sequences it touches in the table', async () => {
      const el = await detail();
      el.highlight = [1, 5];
      await settle(el);
      const dimmed = words(el).map((w) => w.classList.contains('is-dimmed'));
      expect(dimmed).to.deep.equal([true, false, true, true]);
      const rows = shadowQueryAll<HTMLTableRowElement>(el, 'table.sequences tbody tr');
      expect(rows.map((r) => r.classList.contains('is-touched'))).to.deep.equal([true, true, false]);
      el.highlight = undefined;
      await settle(el);
      expect(words(el).some((w) => w.classList.contains('is-dimmed'))).to.equal(false);
    });

    it('filters: result, true class and predicted class; clicking a class bar filters', async () => {
      const el = await detail({}, 'filter-result=wrong');
      expect(Array.from(el.listedSequences)).to.deep.equal([0]);
      el.filterResult = 'all';
      el.filterTruth = 'neg';
      await settle(el);
      expect(Array.from(el.listedSequences)).to.deep.equal([0, 2]);
      el.filterPredicted = 'pos';
      await settle(el);
      expect(Array.from(el.listedSequences)).to.deep.equal([0]);
      el.filterTruth = null;
      el.filterPredicted = null;
      await settle(el);
      shadowQueryAll<SVGRectElement>(el, '.truth-bar')[1].dispatchEvent(new MouseEvent('click'));
      await settle(el);
      expect(el.filterTruth).to.equal('pos');
      expect(Array.from(el.listedSequences)).to.deep.equal([1]);
    });

    it('view="all" lists the jump and change words of every sequence, errors first', async () => {
      const el = await detail({}, 'view=all');
      const rows = shadowQueryAll<HTMLElement>(el, '.all__row');
      expect(rows).to.have.length(3);
      expect(rows[0].classList.contains('is-wrong')).to.equal(true);
      expect(rows[0].textContent).to.contain('bad');
      expect(rows[1].classList.contains('is-right')).to.equal(true);
    });

    it('keeps the sequence and thresholds across a re-render with equal new arrays', async () => {
      const el = await detail({ sequence: 1 });
      el.sequences = JSON.parse(JSON.stringify(sequences));
      await settle(el);
      expect(wordText(el)).to.deep.equal(['good', 'film']);
    });
  });

  describe('edge cases and bad input', () => {
    it('shows a visible NON_FINITE error for NaN in the states, and recovers', async () => {
      const el = await fixture<ClSequenceDetail>(html`<cl-sequence-detail></cl-sequence-detail>`);
      const ev = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      const bad = JSON.parse(JSON.stringify(sequences));
      bad[1].states[3] = NaN;
      el.sequences = bad;
      const d = (await ev).detail;
      expect(d.code).to.equal('NON_FINITE');
      expect(d.message).to.contain('sequence 1');
      await settle(el);
      const state = shadowQuery(el, '[part~="error"]');
      expect(state.textContent).to.contain('NON_FINITE');
      await expectNoAxeViolations(el);
      el.sequences = sequences;
      el.classes = classes;
      el.sequence = 0;
      await settle(el);
      expect(shadowQueryAll(el, '[part~="error"]')).to.have.length(0);
      expect(words(el)).to.have.length(4);
    });

    it('LENGTH_MISMATCH when truth does not have one key per sequence', async () => {
      const el = await fixture<ClSequenceDetail>(html`<cl-sequence-detail></cl-sequence-detail>`);
      const ev = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      Object.assign(el, { states: flatStates, offsets: [0, 4, 6], truth: ['neg', 'pos'] });
      expect((await ev).detail).to.deep.include({
        code: 'LENGTH_MISMATCH',
        message: 'truth has length 2 but there are 3 sequences',
      });
    });

    it('UNKNOWN_CLASS for a truth label that is not a class', async () => {
      const el = await fixture<ClSequenceDetail>(html`<cl-sequence-detail></cl-sequence-detail>`);
      const ev = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      const bad = JSON.parse(JSON.stringify(sequences));
      bad[2].label = 'meh';
      Object.assign(el, { sequences: bad, classes });
      expect((await ev).detail.code).to.equal('UNKNOWN_CLASS');
    });

    it('rejects offsets that go backwards or do not start at 0', async () => {
      const el = await fixture<ClSequenceDetail>(html`<cl-sequence-detail></cl-sequence-detail>`);
      const ev = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      Object.assign(el, { states: flatStates, offsets: [0, 4, 2] });
      expect((await ev).detail.code).to.equal('INVALID_ARGUMENT');
    });

    it('empty input shows "No data" without an exception', async () => {
      const el = await detail({ sequences: [] });
      expect(shadowQuery(el, '[part~="empty"]').textContent).to.contain('No data');
    });

    it('identical states: zero distances, no jumps, flat bars', async () => {
      const el = await detail({
        sequences: [
          { id: 'z', tokens: ['a', 'b', 'c'], states: [1, 1, 1, 1, 1, 1], expected: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] },
        ],
        sequence: 0,
      });
      expect(el.stepDistances.max).to.equal(0);
      expect(el.markedSteps.jumps).to.have.length(0);
      expect(shadowQueryAll(el, '[part~="bar"]').map((b) => +b.getAttribute('height')!)).to.deep.equal([0, 0]);
    });

    it('a sequence of length 1 draws its word and no bar', async () => {
      const el = await detail({ sequence: 2 });
      expect(wordText(el)).to.deep.equal(['awful']);
      expect(shadowQueryAll(el, '[part~="bar"]')).to.have.length(0);
    });

    it('a sequence index out of range shows a note and warns once', async () => {
      const el = await fixture<ClSequenceDetail>(html`<cl-sequence-detail></cl-sequence-detail>`);
      const ev = oneEvent<CustomEvent<{ code: string }>>(el, 'cl-warning');
      Object.assign(el, { sequences, classes, sequence: 1e9 });
      expect((await ev).detail.code).to.equal('OUT_OF_RANGE');
      await settle(el);
      expect(shadowQuery(el, '[part~="placeholder"]').textContent).to.contain('does not exist');
    });

    it('treats null, undefined and wrongly typed properties as unset', async () => {
      const el = await detail();
      Object.assign(el, { jumpThreshold: 'x', confidenceThreshold: -1, view: 'nope', tokenLayout: 5, maxClasses: 1e9 });
      await settle(el);
      expect(Array.from(el.markedSteps.jumps)).to.deep.equal([1, 3]);
      expect(words(el)).to.have.length(4);
      el.sequences = null;
      await settle(el);
      expect(shadowQuery(el, '[part~="empty"]')).to.exist;
    });

    it('renders labels as text: markup in tokens, ids and classes never runs', async () => {
      const xss = '<img src=x onerror="window.__xss=1">';
      const el = await detail({
        sequences: [
          {
            id: xss,
            label: xss,
            tokens: [xss, 'שלום', '🙂'],
            states: [0, 0, 1, 1, 2, 0],
            expected: [0.2, 0.8, 0.5, 0.5, 0.9, 0.1],
          },
        ],
        classes: [xss, 'ok'],
        sequence: 0,
      });
      await nextFrame(2);
      expect(shadowQueryAll(el, 'img')).to.have.length(0);
      expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
      expect(wordText(el)).to.deep.equal([xss, 'שלום', '🙂']);
    });

    it('more classes than max-classes: the heatmap shows the most probable and warns', async () => {
      const m = 30;
      const T = 3;
      const expected: number[] = [];
      for (let t = 0; t < T; t++) for (let c = 0; c < m; c++) expected.push(c === 7 + t ? 0.71 : 0.01);
      const el = await fixture<ClSequenceDetail>(html`<cl-sequence-detail style="width: 900px"></cl-sequence-detail>`);
      const warned = oneEvent<CustomEvent<{ code: string }>>(el, 'cl-warning');
      el.setAttribute('max-classes', '5');
      Object.assign(el, {
        sequences: [{ id: 'm', tokens: ['a', 'b', 'c'], states: [0, 1, 2, 3, 4, 5], expected }],
        sequence: 0,
      });
      expect((await warned).detail.code).to.equal('TOP_CLASSES');
      await settle(el);
      const labels = shadowQueryAll(el, '.heatmap .row-label').map((t) => t.textContent);
      expect(labels).to.have.length(5);
      expect(labels).to.include.members(['7', '8', '9']);
    });
  });

  describe('accessibility and lifecycle', () => {
    it('has no axe violations (overview, sequence, all view)', async () => {
      const el = await detail();
      await expectNoAxeViolations(el);
      el.view = 'all';
      await settle(el);
      await expectNoAxeViolations(el);
    });

    it('the chart has an accessible summary naming the jump words; a data table lists the steps', async () => {
      const el = await detail();
      const label = shadowQuery(el, '[part~="chart"]').getAttribute('aria-label')!;
      expect(label).to.contain('Jumps: bad, all');
      const cells = shadowQueryAll(el, '[part~="table"] tbody tr');
      expect(cells).to.have.length(4);
    });

    it('follows the dark theme', async () => {
      const el = await detail({}, 'theme=dark');
      const fg = getComputedStyle(shadowQuery(el, '.summary')).color;
      expect(fg).to.equal('rgb(230, 237, 243)');
    });

    it('connects and disconnects 200 times without leaking listeners or observers', async () => {
      const el = await detail();
      await expectCleanReconnects(el, { settle: () => settle(el) });
      expect(words(el)).to.have.length(4);
    });

    it('registering the tag twice (two bundles) does not throw', async () => {
      const url = new URL('../../packages/elements/src/sequence-detail/cl-sequence-detail.ts', import.meta.url);
      url.search = '?second-copy';
      await import(url.href);
      expect(customElements.get('cl-sequence-detail')).to.be.a('function');
    });
  });
});
