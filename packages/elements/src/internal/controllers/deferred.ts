import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Defers secondary content (the hidden data table of thousands of rows) to the task after
 * the first frame of new data: {@link ready}(key) is `false` on the render that first sees
 * `key`, schedules one macrotask, then requests an update in which it is `true`. The chart
 * paints first; assistive technology gets the table a task later. A newer key replaces a
 * pending one; disconnecting cancels it.
 */
export class DeferredController implements ReactiveController {
  private current: unknown = DeferredController.none;
  private pending: unknown = DeferredController.none;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private static readonly none = Symbol('none');

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = DeferredController.none;
  }

  /** Whether content for `key` may render now (else it is scheduled for the next task). */
  ready(key: unknown): boolean {
    if (Object.is(key, this.current)) return true;
    if (!Object.is(key, this.pending) || this.timer === null) {
      this.pending = key;
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.current = this.pending;
        this.host.requestUpdate();
      }, 0);
    }
    return false;
  }
}
