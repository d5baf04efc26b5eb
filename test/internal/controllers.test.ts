// The shared controllers on a minimal Lit host (the elements use them the same way).
import { LitElement, html } from 'lit';
import { AsyncTaskController } from '../../packages/elements/src/internal/controllers/async-task.js';
import {
  MarkInteractionController,
  markKey,
} from '../../packages/elements/src/internal/controllers/mark-interaction.js';
import { ClBaseElement } from '../../packages/elements/src/internal/base-element.js';
import { expect, fixture, nextFrame } from '../harness/index.js';

class TaskHost extends LitElement {
  errors: unknown[] = [];
  results: number[] = [];
  signals: AbortSignal[] = [];
  release: (() => void)[] = [];
  task = new AsyncTaskController<[number, boolean], number>(
    this,
    ([x, fail], { signal, onProgress }) =>
      new Promise<number>((resolve, reject) => {
        this.signals.push(signal);
        onProgress(0.5);
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        this.release.push(() => (fail ? reject(new Error('boom')) : resolve(x * 2)));
      }),
    { onComplete: (v) => this.results.push(v), onError: (e) => this.errors.push(e) },
  );
  override render() {
    return html`${this.task.renderProgress('Clustering')}`;
  }
}
customElements.define('test-task-host', TaskHost);

class DefineMe extends ClBaseElement {}

describe('AsyncTaskController', () => {
  it('runs, reports progress with an accessible bar, and completes', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    const done = el.task.run(21, false);
    await nextFrame(2);
    await el.updateComplete;
    const bar = el.shadowRoot!.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('50');
    expect(bar.textContent).to.contain('Clustering 50%');
    el.release[0]();
    expect(await done).to.equal(42);
    expect(el.task.status).to.equal('complete');
    expect(el.results).to.deep.equal([42]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="progressbar"]')).to.equal(null);
  });

  it('a new run aborts the one in flight; a stale result never lands', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    const first = el.task.run(1, false);
    const second = el.task.run(2, false);
    expect(el.signals[0].aborted).to.equal(true);
    expect(await first).to.equal(undefined);
    el.release[1]();
    expect(await second).to.equal(4);
    expect(el.results).to.deep.equal([4]);
    expect(el.errors).to.deep.equal([]);
  });

  it('reports errors other than AbortError, and disconnecting aborts', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    const failing = el.task.run(1, true);
    el.release[0]();
    expect(await failing).to.equal(undefined);
    expect(el.task.status).to.equal('error');
    expect((el.errors[0] as Error).message).to.equal('boom');
    const pending = el.task.run(3, false);
    el.remove();
    expect(el.signals[1].aborted).to.equal(true);
    expect(await pending).to.equal(undefined);
    expect(el.errors).to.have.length(1);
  });
});

describe('ClBaseElement.define(tag)', () => {
  it('registers once and returns the owner of the tag on a second call', () => {
    expect(DefineMe.define('test-define-me')).to.equal(DefineMe);
    class Other extends ClBaseElement {}
    expect(Other.define('test-define-me')).to.equal(DefineMe);
    expect(customElements.get('test-define-me')).to.equal(DefineMe);
  });
});

// Marks that are numbers (row indices): 0 is a mark like any other; only null means none.
class RowsHost extends LitElement {
  hovers: (number | null)[] = [];
  rows = new MarkInteractionController<number>(this, {
    key: (r) => markKey('row', r),
    find: (k) => (JSON.parse(k) as [string, number])[1],
    detail: (r) => ({ row: r }),
    navigate: (from, key) => (from === null || key === 'Home' ? 0 : Math.min(2, from + (key === 'ArrowDown' ? 1 : -1))),
    describe: (r) => ({ title: `row ${r}`, rows: [] }),
    anchor: () => ({ x: 0, y: 0 }),
    size: () => ({ width: 100, height: 100 }),
  });
  override connectedCallback() {
    super.connectedCallback();
    this.addEventListener('cl-hover', (e) =>
      this.hovers.push((e as unknown as CustomEvent<{ row: number | null }>).detail.row),
    );
  }
  override render() {
    return html`<div tabindex="0" @focus=${this.rows.onFocus} @keydown=${this.rows.onKeyDown}></div>
      ${this.rows.renderTooltip()}`;
  }
}
customElements.define('test-rows-host', RowsHost);

describe('MarkInteractionController with number marks', () => {
  it('treats 0 as a mark: focus starts there, Enter selects it, its tooltip shows', async () => {
    const el = await fixture<RowsHost>(html`<test-rows-host></test-rows-host>`);
    const area = el.shadowRoot!.querySelector<HTMLElement>('div')!;
    area.focus();
    expect(el.hovers).to.deep.equal([0]);
    expect(el.rows.focused).to.equal(0);
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(el.rows.selected).to.equal(0);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.tooltip')?.textContent).to.contain('row 0');
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    expect(el.hovers).to.deep.equal([0, 1]);
    el.rows.select(0); // selecting the selected mark again clears it
    expect(el.rows.selected).to.equal(null);
  });
});
