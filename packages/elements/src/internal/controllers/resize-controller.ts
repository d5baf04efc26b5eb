import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the content-box size of an element with one `ResizeObserver`, requesting a host
 * update when it changes by at least one CSS pixel. By default it observes the host; give
 * `target` to observe an element of the shadow tree (e.g. the plot area under a heading),
 * which is (re)observed after each update, once it exists. Observes only while connected,
 * so disconnecting leaves no observer behind.
 *
 * `nextFrame: true` is for a target whose own size follows what the host draws (a
 * scroller under content that wraps by width): a change after the first size is applied in
 * the next animation frame instead of within the observer's delivery, so the redraw's new
 * size is observed in a later frame and the browser never reports "ResizeObserver loop
 * completed with undelivered notifications" (which error monitors count as an error).
 */
export class ResizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer?: ResizeObserver;
  private observed: Element | null = null;
  private frame = 0;
  private pending: { w: number; h: number } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target?: () => Element | null | undefined,
    private readonly options: { nextFrame?: boolean } = {},
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
      if (this.options.nextFrame && this.width > 0 && typeof requestAnimationFrame === 'function') {
        this.pending = { w, h };
        if (!this.frame) {
          this.frame = requestAnimationFrame(() => {
            this.frame = 0;
            const p = this.pending;
            this.pending = null;
            if (p) this.apply(p.w, p.h);
          });
        }
        return;
      }
      this.apply(w, h);
    });
    this.observed = null;
    this.observe();
  }

  private apply(w: number, h: number) {
    if (w !== this.width || h !== this.height) {
      this.width = w;
      this.height = h;
      this.host.requestUpdate();
    }
  }

  hostUpdated(): void {
    this.observe();
  }

  hostDisconnected(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = null;
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
