// The shared controllers on a minimal Lit host (the elements use them the same way).
import { LitElement, html } from 'lit';
import { AsyncTaskController } from '../../packages/elements/src/internal/controllers/async-task.js';
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
