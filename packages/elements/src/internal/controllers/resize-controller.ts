import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the content-box size of an element with one `ResizeObserver`, requesting a host
 * update when it changes by at least one CSS pixel. By default it observes the host; give
 * `target` to observe an element of the shadow tree (e.g. the plot area under a heading),
 * which is (re)observed after each update, once it exists. Observes only while connected,
 * so disconnecting leaves no observer behind.
 */
export class ResizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer?: ResizeObserver;
  private observed: Element | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target?: () => Element | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      const w = Math.round(box.width);
      const h = Math.round(box.height);
      if (w !== this.width || h !== this.height) {
        this.width = w;
        this.height = h;
        this.host.requestUpdate();
      }
    });
    this.observed = null;
    this.observe();
  }

  hostUpdated(): void {
    this.observe();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = null;
  }

  private observe() {
    if (!this.observer) return;
    const el = this.target ? (this.target() ?? null) : this.host;
    if (el === this.observed) return;
    if (this.observed) this.observer.unobserve(this.observed);
    this.observed = el;
    if (el) this.observer.observe(el);
  }
}
