import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** What core's `…Async` functions take besides their data. */
export interface TaskSignals {
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
}

/** Where a task stands. */
export type TaskStatus = 'idle' | 'pending' | 'complete' | 'error';

/** Options for {@link AsyncTaskController}. */
export interface AsyncTaskOptions<R> {
  /** Called with the result of the latest run (not of a superseded one). */
  onComplete?: (value: R) => void;
  /** Called with the error of the latest run (never with an `AbortError`). */
  onError?: (error: unknown) => void;
}

/**
 * Runs one of core's async computations (`pearsonSimilarityAsync`, `tsne`, `hclustAsync`,
 * …) for an element, the way `@lit/task` runs a task, plus what charts need:
 *
 * - **abort on change**: {@link run} aborts the previous run's `AbortSignal`, so inputs
 *   that change mid-computation never let a stale result land; disconnecting aborts too;
 * - **progress**: the task's `onProgress(fraction)` is coalesced to one host update per
 *   animation frame, and {@link renderProgress} draws an accessible progress bar;
 * - **errors**: a rejection other than `AbortError` reaches `onError` (elements show
 *   their error state), and {@link status} says where the latest run stands.
 */
export class AsyncTaskController<A extends unknown[], R> implements ReactiveController {
  status: TaskStatus = 'idle';
  /** Progress of the running task in [0, 1], or `NaN` before its first report. */
  progress = NaN;
  /** The latest completed result. */
  value: R | undefined = undefined;
  /** The latest error. */
  error: unknown = undefined;

  private controller: AbortController | null = null;
  private run_ = 0;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly task: (args: A, signals: TaskSignals) => Promise<R>,
    private readonly options: AsyncTaskOptions<R> = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.abort();
  }

  /** `true` while a run is in flight. */
  get pending(): boolean {
    return this.status === 'pending';
  }

  /**
   * Starts a run with `args`, aborting any run in flight. Resolves with the result, or
   * `undefined` when this run was aborted or superseded, or failed (see {@link error}).
   */
  async run(...args: A): Promise<R | undefined> {
    this.abort();
    const id = ++this.run_;
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'pending';
    this.progress = NaN;
    this.error = undefined;
    this.host.requestUpdate();
    const onProgress = (fraction: number) => {
      if (id !== this.run_ || !Number.isFinite(fraction)) return;
      this.progress = Math.min(1, Math.max(0, fraction));
      if (this.frame || typeof requestAnimationFrame !== 'function') return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (id === this.run_) this.host.requestUpdate();
      });
    };
    try {
      const value = await this.task(args, { signal: controller.signal, onProgress });
      if (id !== this.run_ || controller.signal.aborted) return undefined;
      this.value = value;
      this.status = 'complete';
      this.progress = 1;
      this.controller = null;
      this.options.onComplete?.(value);
      this.host.requestUpdate();
      return value;
    } catch (e) {
      if (id !== this.run_ || isAbort(e)) return undefined;
      this.status = 'error';
      this.error = e;
      this.controller = null;
      this.options.onError?.(e);
      this.host.requestUpdate();
      return undefined;
    }
  }

  /** Aborts the run in flight, if any (its promise resolves `undefined`). */
  abort(): void {
    if (this.frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.controller) {
      this.controller.abort();
      this.controller = null;
      this.run_++;
      if (this.status === 'pending') this.status = 'idle';
    }
  }

  /** A progress bar while running (`part="progress"`), else nothing. */
  renderProgress(label = 'Computing'): TemplateResult | typeof nothing {
    if (this.status !== 'pending') return nothing;
    const known = Number.isFinite(this.progress);
    const pct = known ? Math.round(this.progress * 100) : 0;
    return html`<div
      class="progress"
      part="progress"
      role="progressbar"
      aria-label=${label}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${known ? pct : nothing}
    >
      <progress class="progress__bar" max="100" value=${known ? pct : nothing}></progress>
      <span class="progress__text">${label}${known ? ` ${pct}%` : '…'}</span>
    </div>`;
  }
}

function isAbort(e: unknown): boolean {
  return (
    (e instanceof Error || (typeof e === 'object' && e !== null)) && (e as { name?: string }).name === 'AbortError'
  );
}
