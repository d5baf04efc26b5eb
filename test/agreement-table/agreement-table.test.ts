import '../../packages/elements/src/agreement-table/cl-agreement-table.js';
import type { ClAgreementTable } from '../../packages/elements/src/agreement-table/cl-agreement-table.js';
import type { ClErrorDetail, ClFilterDetail, ClMarkDetail } from '../../packages/elements/src/events.js';
import { ClassColorScale } from '../../packages/elements/src/internal/color/class-colors.js';
import { filterItems, histogram, wordFrequencies } from '@classlens/core';
import {
  aTimeout,
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

const truth = ['a', 'a', 'b', 'b', 'c', 'c', 'a', 'b'];
const A = ['a', 'b', 'b', 'b', 'c', 'a', 'a', 'c'];
const B = ['a', 'a', 'b', 'c', 'a', 'a', 'c', 'b'];
const predictions = { A, B };
const texts = [
  'good film',
  'not a good film',
  'bad acting',
  'not bad at all',
  'great fun',
  'boring',
  'good fun',
  'bad',
];
const items = texts.map((text, i) => ({ id: `r${i}`, text }));
const score = [0.9, 0.1, 0.5, 0.7, 0.3, 0.8, 0.2, 0.6];

async function table(props: Partial<ClAgreementTable> = {}, attrs = ''): Promise<ClAgreementTable> {
  const el = await fixture<ClAgreementTable>(
    html`<cl-agreement-table style="width: 760px; height: 420px"></cl-agreement-table>`,
  );
  if (attrs) for (const [k, v] of new URLSearchParams(attrs)) el.setAttribute(k, v);
  Object.assign(el, { truth, predictions, items, columns: { score } }, props);
  await settle(el);
  return el;
}

async function settle(el: ClAgreementTable) {
  await el.updateComplete;
  await nextFrame(2);
  await el.updateComplete;
  await nextFrame(1);
  await el.updateComplete;
}

const rows = (el: Element) => shadowQueryAll<HTMLElement>(el, '[part~="row"]');
const shown = (el: Element) => rows(el).map((r) => Number(r.dataset.item));
const countText = (el: Element) => shadowQuery(el, '[part~="count"]').textContent!.replace(/\s+/g, ' ');
const grid = (el: Element) => shadowQuery<HTMLElement>(el, '[part~="table"]');
const click = (e: Element, init: MouseEventInit = {}) =>
  e.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, ...init }));
const key = (el: Element, k: string, init: KeyboardEventInit = {}) =>
  grid(el).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }));

describe('<cl-agreement-table>', () => {
  describe('rows and filters', () => {
    it("shows every item, then exactly core's filterItems rows for a query", async () => {
      const el = await table();
      expect(shown(el)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(countText(el)).to.contain('8 of 8 items');
      el.query = { correct: { A: true, B: false } };
      await settle(el);
      const want = Array.from(filterItems(truth, predictions, { correct: { A: true, B: false } }));
      expect(Array.from(el.rows)).to.deep.equal(want);
      expect(shown(el)).to.deep.equal(want);
      expect(countText(el)).to.contain(`${want.length} of 8 items`);
      el.query = { truth: ['b'], agree: false };
      await settle(el);
      expect(Array.from(el.rows)).to.deep.equal(
        Array.from(filterItems(truth, predictions, { truth: ['b'], agree: false })),
      );
    });

    it('the controls set `query` (and fire cl-filter); setting `query` sets the controls', async () => {
      const el = await table();
      const [selA] = shadowQueryAll<HTMLSelectElement>(el, '[part~="filters"] select');
      const filter = oneEvent<CustomEvent<ClFilterDetail>>(el, 'cl-filter');
      selA.value = 'wrong';
      selA.dispatchEvent(new Event('change'));
      const { detail } = await filter;
      expect(detail.query).to.deep.equal({ correct: { A: false } });
      expect(el.query).to.deep.equal({ correct: { A: false } });
      expect(detail.count).to.equal(filterItems(truth, predictions, { correct: { A: false } }).length);
      expect(detail.total).to.equal(8);
      el.query = { correct: { B: true }, agree: true };
      await settle(el);
      const [a, b, agree] = shadowQueryAll<HTMLSelectElement>(el, '[part~="filters"] select');
      expect([a.value, b.value, agree.value]).to.deep.equal(['', 'right', 'agree']);
      click(shadowQuery(el, '.clear'));
      await settle(el);
      expect(el.query).to.deep.equal({});
      expect(el.rows.length).to.equal(8);
    });

    it('the true-class menu filters by class', async () => {
      const el = await table();
      const details = shadowQuery<HTMLDetailsElement>(el, '.truth-filter');
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
      await settle(el);
      const boxes = shadowQueryAll<HTMLInputElement>(el, '.menu input[type="checkbox"]');
      expect(boxes).to.have.length(3);
      boxes[0].checked = false; // 'a'
      boxes[0].dispatchEvent(new Event('change'));
      await settle(el);
      expect(el.query).to.deep.equal({ truth: ['b', 'c'] });
      expect(Array.from(el.rows)).to.deep.equal([2, 3, 4, 5, 7]);
    });

    it('applies `predicted` (a by="predicted" treemap cell) on top of filterItems', async () => {
      const el = await table({ query: { truth: ['b'], predicted: { B: 'c' } } });
      expect(Array.from(el.rows)).to.deep.equal([3]);
      expect(shadowQuery(el, '.chip').textContent).to.contain('predicted c');
    });

    it('sorts by any column; headers carry aria-sort', async () => {
      const el = await table();
      const header = (label: string) =>
        shadowQueryAll<HTMLElement>(el, '[role="columnheader"]').find((h) => h.textContent!.includes(label))!;
      click(header('score').querySelector('button')!);
      await settle(el);
      expect(el.sortBy).to.equal('column:score');
      expect(el.sortOrder).to.equal('desc');
      expect(Array.from(el.rows)).to.deep.equal([0, 5, 3, 7, 2, 4, 6, 1]);
      expect(header('score').getAttribute('aria-sort')).to.equal('descending');
      click(header('score').querySelector('button')!);
      await settle(el);
      expect(Array.from(el.rows)).to.deep.equal([1, 6, 4, 2, 7, 3, 5, 0]);
      el.sortBy = 'right';
      el.sortOrder = 'asc';
      await settle(el);
      const right = (i: number) => (A[i] === truth[i] ? 1 : 0) + (B[i] === truth[i] ? 1 : 0);
      const r = Array.from(el.rows).map(right);
      expect(r).to.deep.equal([...r].sort((x, y) => x - y));
      el.sortBy = 'item';
      await settle(el);
      expect(Array.from(el.rows).map((i) => texts[i])).to.deep.equal([...texts].sort());
      // Sorting by the glyph: true class, then A ✓ before A ✗, then B.
      el.sortBy = 'models';
      await settle(el);
      expect(Array.from(el.rows)).to.deep.equal([0, 6, 1, 2, 3, 7, 4, 5]);
      // A filter keeps the sort.
      el.query = { truth: ['a', 'b'] };
      await settle(el);
      expect(Array.from(el.rows)).to.deep.equal([0, 6, 1, 2, 3, 7]);
    });
  });

  describe('rows', () => {
    it('draws the glyph: the true class colour with one square per model in its prediction colour', async () => {
      const scale = new ClassColorScale(['a', 'b', 'c']);
      const el = await table({ colorScale: scale });
      const row = rows(el)[1]; // item 1: truth a, A → b (wrong), B → a (right)
      const canvas = row.querySelector<HTMLCanvasElement>('[part~="glyph"]')!;
      const dpr = canvas.width / canvas.getBoundingClientRect().width;
      const ctx = canvas.getContext('2d')!;
      const rgb = (x: number, y: number) => {
        const d = ctx.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
        return `#${[d[0], d[1], d[2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      };
      const h = canvas.getBoundingClientRect().height;
      // Background (left padding), square A (predicted b, a little off its centre, away from
      // the cut corner), square B (predicted a: the background's colour).
      expect(rgb(2, h / 2)).to.equal(scale.color('a'));
      expect(rgb(4 + 3, h / 2 + 2)).to.equal(scale.color('b'));
      expect(rgb(4 + 11 + 3 + 3, h / 2 + 2)).to.equal(scale.color('a'));
      // The wrong square's cut corner is in the foreground colour.
      expect(rgb(4 + 11 - 1, (h - 11) / 2 + 1)).to.not.equal(scale.color('b'));
      expect(row.querySelector('.glyph-cell')!.getAttribute('aria-label')).to.equal('A: b wrong; B: a right');
      // Headers name the models.
      expect(Array.from(shadowQueryAll(el, '.model-name'), (n) => n.textContent)).to.deep.equal(['A', 'B']);
    });

    it('renders only the visible window of 100,000 rows, and scrolls through them', async () => {
      const n = 100_000;
      const t = new Int32Array(n).map((_, i) => i % 7);
      const p = new Int32Array(n).map((_, i) => (i % 11 === 0 ? (i + 1) % 7 : i % 7));
      const classes = Array.from({ length: 7 }, (_, c) => `k${c}`);
      const el = await table({ truth: t, predictions: { A: p }, classes, items: undefined, columns: undefined });
      expect(el.rows.length).to.equal(n);
      expect(rows(el).length).to.be.below(60);
      const g = grid(el);
      const inner = shadowQuery<HTMLElement>(el, '.spacer');
      expect(inner.getBoundingClientRect().height).to.equal(n * 30);
      g.scrollTop = 50_000 * 30;
      g.dispatchEvent(new Event('scroll'));
      await settle(el);
      const s = shown(el);
      expect(s).to.include(50_000);
      expect(rows(el).length).to.be.below(60);
      // The row under the header is really at the top of the visible area.
      const r = rows(el).find((x) => x.dataset.item === '50000')!;
      const top = r.getBoundingClientRect().top - g.getBoundingClientRect().top;
      expect(top).to.be.closeTo(shadowQuery<HTMLElement>(el, '.head').offsetHeight, 2);
    });

    it('a small scroll step keeps the rows still in view (same DOM), a jump reuses row elements', async () => {
      const t = Array.from({ length: 2000 }, (_, i) => `c${i % 5}`);
      const el = await table({ truth: t, predictions: { A: t }, items: undefined, columns: undefined });
      const g = grid(el);
      const scrollTo = async (top: number) => {
        g.scrollTop = top;
        g.dispatchEvent(new Event('scroll'));
        await settle(el);
      };
      await scrollTo(300 * 30); // a jump
      await scrollTo(310 * 30); // a step (keys rows by item from here on)
      const row = (i: number) => rows(el).find((r) => r.dataset.item === String(i));
      const before = row(315)!;
      await scrollTo(320 * 30); // 10 rows on: past the overscan, so the window re-renders
      expect(row(315) === before, 'row 315 kept its element').to.equal(true);
      await scrollTo(1000 * 30); // a jump (keys rows by slot)
      const elements = new Set(rows(el));
      await scrollTo(1500 * 30); // another jump reuses the same row elements
      expect(shown(el)).to.include(1500);
      expect(rows(el).every((r) => elements.has(r))).to.equal(true);
    });

    it('a compressed scroll range reaches the last of 10^6 rows', async () => {
      const n = 1_000_000;
      const el = await table({
        truth: new Int32Array(n),
        predictions: { A: new Int32Array(n) },
        classes: ['x'],
        items: undefined,
        columns: undefined,
      });
      const g = grid(el);
      g.scrollTop = g.scrollHeight;
      g.dispatchEvent(new Event('scroll'));
      await settle(el);
      expect(shown(el)).to.include(n - 1);
      const last = rows(el).find((x) => x.dataset.item === String(n - 1))!;
      expect(last.getBoundingClientRect().bottom).to.be.at.most(g.getBoundingClientRect().bottom + 1);
    });

    it('texts are text: markup is shown, never parsed; the whole text is in the tooltip', async () => {
      const w = window as unknown as { pwned?: boolean };
      const evil = '<img src=x onerror="window.pwned=true">';
      const long = 'word '.repeat(300).trim();
      const el = await table({
        truth: [evil, 'b'],
        predictions: { [evil]: [evil, 'b'] },
        items: [
          { id: evil, text: evil },
          { id: 'x', text: long },
        ],
        columns: undefined,
      });
      await aTimeout(50);
      expect(w.pwned).to.equal(undefined);
      expect(shadowQueryAll(el, 'img')).to.have.length(0);
      expect(rows(el)[0].textContent).to.contain('<img src=x');
      const cell = rows(el)[1].querySelector<HTMLElement>('.text')!;
      expect(cell.scrollWidth).to.be.greaterThan(cell.clientWidth); // clamped to one line
      rows(el)[1].dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(shadowQuery(el, '.tooltip__note').textContent).to.equal(long);
    });

    it('draws image items as thumbnails on a canvas, pixel for pixel', async () => {
      const img = Array.from({ length: 64 }, (_, k) => (k % 9 === 0 ? 16 : 0));
      const el = await table({ items: truth.map(() => ({ image: img })), columns: undefined });
      const canvas = shadowQuery<HTMLCanvasElement>(el, '[part~="thumbnail"]');
      expect([canvas.width, canvas.height]).to.deep.equal([8, 8]);
      const px = canvas.getContext('2d')!.getImageData(0, 0, 8, 8).data;
      const dark = (k: number) => px[4 * k] < 128;
      for (let k = 0; k < 64; k++) expect(dark(k), `pixel ${k}`).to.equal(img[k] === 16);
    });

    it('highlight marks rows and counts them', async () => {
      const el = await table();
      el.highlight = [1, 4];
      await settle(el);
      expect(
        rows(el)
          .filter((r) => r.classList.contains('is-highlighted'))
          .map((r) => Number(r.dataset.item)),
      ).to.deep.equal([1, 4]);
      expect(countText(el)).to.contain('2 highlighted');
    });
  });

  describe('selection and keyboard', () => {
    it("a row click fires cl-select { kind: 'item', indices: [i] }; Ctrl-click adds, Shift-click extends", async () => {
      const el = await table();
      let select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      click(rows(el)[2]);
      let { detail } = await select;
      expect(detail).to.include({ kind: 'item', stage: null, value: 1 });
      expect(Array.from(detail.indices)).to.deep.equal([2]);
      expect(detail.keys).to.deep.equal(['r2']);
      select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      click(rows(el)[5], { ctrlKey: true });
      ({ detail } = await select);
      expect(Array.from(detail.indices)).to.deep.equal([2, 5]);
      select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      click(rows(el)[7], { shiftKey: true });
      ({ detail } = await select);
      expect(Array.from(detail.indices)).to.deep.equal([2, 5, 6, 7]);
      expect(Array.from(el.selectedIndices)).to.deep.equal([2, 5, 6, 7]);
      await el.updateComplete;
      expect(rows(el).filter((r) => r.getAttribute('aria-selected') === 'true')).to.have.length(4);
      select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      key(el, 'Escape');
      expect((await select).detail.kind).to.equal('none');
      expect(el.selectedIndices.length).to.equal(0);
    });

    it('keyboard: arrows move the row cursor, End scrolls to the last row, Enter selects it', async () => {
      const t = Array.from({ length: 500 }, (_, i) => `c${i % 5}`);
      const el = await table({ truth: t, predictions: { A: t }, items: undefined, columns: undefined });
      grid(el).focus();
      await settle(el);
      let hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      key(el, 'ArrowDown');
      expect(Array.from((await hover).detail.indices)).to.deep.equal([1]);
      hover = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-hover');
      key(el, 'End');
      expect(Array.from((await hover).detail.indices)).to.deep.equal([499]);
      await settle(el);
      expect(shown(el)).to.include(499);
      expect(grid(el).getAttribute('aria-activedescendant')).to.equal('row-499');
      const select = oneEvent<CustomEvent<ClMarkDetail>>(el, 'cl-select');
      key(el, 'Enter');
      expect(Array.from((await select).detail.indices)).to.deep.equal([499]);
    });
  });

  describe('panels', () => {
    it("the word panel shows core's wordFrequencies of the filtered texts", async () => {
      const el = await table({ query: { correct: { A: true } } }, 'show-words=');
      const want = wordFrequencies(texts, { indices: el.rows, topK: 14 });
      const words = shadowQueryAll(el, '.words__word').map((w) => w.textContent);
      expect(words).to.deep.equal(want.map((w) => w.word));
      expect(shadowQueryAll(el, '.words__count').map((c) => c.textContent)).to.deep.equal(
        want.map((w) => String(w.count)),
      );
    });

    it('the histogram panel splits a column by the filter on shared bins', async () => {
      const el = await table({ query: { truth: ['a'] } }, 'histogram-column=score');
      const hist = shadowQuery(el, '[part~="histogram"] svg');
      expect(hist.getAttribute('aria-label')).to.contain('filtered rows (3) against the rest (5)');
      const all = histogram(score, { bins: 24 });
      expect(shadowQueryAll(el, '.hist__in')).to.have.length(all.length + 1); // + the key swatch
    });
  });

  describe('bad input', () => {
    it('shows a visible error, emits cl-error, and recovers', async () => {
      const el = await table();
      const error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.predictions = { A, B: B.slice(1) };
      const { detail } = await error;
      expect(detail.code).to.equal('LENGTH_MISMATCH');
      await el.updateComplete;
      expect(shadowQuery(el, '[part~="error"]').textContent).to.contain('LENGTH_MISMATCH');
      expect(rows(el)).to.have.length(0);
      el.predictions = predictions;
      await settle(el);
      expect(shadowQueryAll(el, '[part~="error"]')).to.have.length(0);
      expect(rows(el)).to.have.length(8);
    });

    it('a bad query shows the error under the filters, which can clear it', async () => {
      const el = await table();
      const error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.query = { correct: { Z: true } };
      expect((await error).detail.code).to.equal('MISSING_KEY');
      await settle(el);
      expect(shadowQueryAll(el, '[part~="filters"]')).to.have.length(1);
      click(shadowQuery(el, '.clear'));
      await settle(el);
      expect(shadowQueryAll(el, '[part~="error"]')).to.have.length(0);
      expect(rows(el)).to.have.length(8);
    });

    it('rejects bad items and columns with coded errors', async () => {
      const el = await table();
      let error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.items = items.slice(2);
      expect((await error).detail.code).to.equal('LENGTH_MISMATCH');
      error = oneEvent<CustomEvent<ClErrorDetail>>(el, 'cl-error');
      el.items = items;
      el.columns = { score: score.map((v, i) => (i === 3 ? ('5' as unknown as number) : v)) };
      expect((await error).detail.message).to.contain('columns.score: string at index 3');
    });

    it('shows "No data" for empty input, and treats null / wrong types as unset', async () => {
      const el = await table({ truth: [], predictions: { A: [] }, items: [], columns: undefined });
      expect(shadowQuery(el, '[part~="empty"]').textContent).to.contain('No data');
      Object.assign(el, { truth: null, predictions: null });
      await settle(el);
      expect(shadowQueryAll(el, '[part~="empty"]')).to.have.length(1);
      el.setAttribute('sort-order', 'sideways');
      el.setAttribute('row-height', 'tall');
      Object.assign(el, { truth, predictions, items });
      await settle(el);
      expect(el.sortOrder).to.equal('asc');
      expect(rows(el)).to.have.length(8);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations: a labelled grid with sortable headers, a live result count', async () => {
      const el = await table({ label: 'Toy' }, 'legend=&show-words=&histogram-column=score');
      await expectNoAxeViolations(el);
      expect(grid(el).getAttribute('role')).to.equal('grid');
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('9');
      expect(shadowQuery(el, '[part~="count"]').getAttribute('role')).to.equal('status');
    });

    it('has no axe violations in its error state', async () => {
      const el = await table({ predictions: { A: A.slice(1) } });
      await expectNoAxeViolations(el);
    });
  });

  describe('lifecycle', () => {
    it('connects and disconnects 200 times without leaking listeners or observers', async () => {
      const el = await table();
      await expectCleanReconnects(el, { settle: () => settle(el) });
      expect(rows(el)).to.have.length(8);
    });

    it('the same data in new arrays keeps the selection', async () => {
      const el = await table();
      click(rows(el)[3]);
      await el.updateComplete;
      el.truth = [...truth];
      el.predictions = { A: [...A], B: [...B] };
      await settle(el);
      expect(Array.from(el.selectedIndices)).to.deep.equal([3]);
      expect(rows(el)[3].getAttribute('aria-selected')).to.equal('true');
    });
  });
});
