import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the content-box size of its host with one `ResizeObserver`, requesting an update
 * when it changes by at least one CSS pixel. Observes only while connected, so
 * disconnecting an element leaves no observer behind.
 */
export class ResizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer?: ResizeObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
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
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
