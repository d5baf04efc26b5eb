import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type ClWarningDetail } from '../../events.js';
import { frameSize, type FrameSize, type Renderer } from './frame.js';
import type { GlScene } from './layers.js';
import {
  acquireContext,
  contextBudget,
  evalAllowed,
  glCapabilities,
  noteEvalBlocked,
  releaseContext,
} from './page-state.js';
import { CanvasRenderer } from './raster/canvas-renderer.js';
import { chooseRenderer, fallbackMessage, normalizeRenderer } from './renderer-choice.js';
import type { ActiveRenderer, FallbackReason, RendererChoice } from './types.js';
import { TooLargeError, WebglRenderer } from './webgl/webgl-renderer.js';

/** Options of {@link GlController}. */
export interface GlControllerOptions {
  /** The host's requested renderer (its `renderer` property); read on connect and each update. */
  renderer: () => unknown;
  /** What to draw now, or `null` for nothing (the canvas keeps its size and is cleared). */
  scene: () => GlScene | null;
  /** Called after each frame with what drew it. */
  onFrame?: (info: { renderer: ActiveRenderer; size: FrameSize; ms: number }) => void;
}

/** Fallback reasons that are not worth a warning: the page asked for them, or they are faster. */
const QUIET: ReadonlySet<FallbackReason> = new Set(['requested', 'software']);

/**
 * The shared GL layer's element side: one canvas and one renderer per element, chosen by
 * `renderer` (`auto` | `webgl` | `canvas`, see `chooseRenderer`), drawing the scene the
 * host describes. Add it in one line and render {@link canvas} in the template:
 *
 * ```ts
 * private gl = new GlController(this, { renderer: () => this.renderer, scene: () => this.scene() });
 * render() { return html`<div class="plot">${this.gl.canvas}</div>`; }
 * ```
 *
 * - It draws after every host update, and on {@link requestRender} (one frame per
 *   animation frame, for pans and hovers that need no host update).
 * - WebGL: regl commands are compiled once per context; buffers and textures are updated
 *   in place from the layers' versions; a `webglcontextlost` switches to the CPU raster
 *   at once (nothing disappears) and `webglcontextrestored` rebuilds everything and
 *   switches back. Disconnecting frees every GL object and the context itself
 *   (`WEBGL_lose_context`), returning it to the page's budget.
 * - When WebGL was wanted and cannot draw, it emits `cl-warning` once per reason
 *   (`{ code: 'RENDERER_FALLBACK', message }`) from the host.
 * - Picking never reads pixels: use `picking/` on the layers' data.
 */
export class GlController implements ReactiveController {
  /** The canvas to render in the template; replaced when the renderer changes. */
  canvas: HTMLCanvasElement | null = null;
  /** What draws now. */
  activeRenderer: ActiveRenderer = 'canvas';
  /** Why the CPU raster draws (`null` while WebGL draws). */
  fallbackReason: FallbackReason | null = null;
  /** Time of the last frame in ms (drawing only; no layout). */
  lastFrameMs = 0;

  private renderer: Renderer | null = null;
  private requested: RendererChoice = 'auto';
  private gl: WebGLRenderingContext | null = null;
  private glCanvas: HTMLCanvasElement | null = null;
  private holdsContext = false;
  private lost = false;
  private tooLarge = false;
  private raf = 0;
  private readonly warned = new Set<FallbackReason>();
  /** What the canvas shows now (see {@link sceneSignature}); '' forces the next draw. */
  private drawn = '';
  /** Frames drawn so far (skipped unchanged ones do not count); for tests. */
  frames = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: GlControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.requested = normalizeRenderer(this.options.renderer());
    this.setup();
    // The template shows the new canvas on the next update.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.teardown();
  }

  hostUpdate(): void {
    const want = normalizeRenderer(this.options.renderer());
    if (want !== this.requested && this.host.isConnected) {
      this.requested = want;
      this.tooLarge = false;
      this.teardown();
      this.setup();
    }
  }

  hostUpdated(): void {
    this.render();
  }

  /** Draws the host's scene now. Returns `false` when there was nothing to draw on. */
  render(): boolean {
    if (this.raf) {
      cancelAnimationFrame(this.raf);
      this.raf = 0;
    }
    const canvas = this.canvas;
    const r = this.renderer;
    if (!canvas || !r) return false;
    const scene = this.options.scene();
    if (!scene) {
      if (canvas.width !== 0) canvas.width = canvas.height = 0;
      return false;
    }
    const size = frameSize(scene);
    // A host update that changed nothing drawn (a tooltip, a progress bar) keeps the
    // picture: 10^6 points on the CPU raster cost tens of milliseconds a frame.
    const signature = sceneSignature(scene, size);
    if (signature === this.drawn && canvas.width === size.width && canvas.height === size.height) return true;
    if (canvas.width !== size.width) canvas.width = size.width;
    if (canvas.height !== size.height) canvas.height = size.height;
    const t0 = performance.now();
    try {
      r.draw(scene, size);
    } catch (e) {
      if (!(e instanceof TooLargeError) || r.kind !== 'webgl') throw e;
      this.tooLarge = true;
      this.teardown();
      this.setup();
      return this.render();
    }
    this.lastFrameMs = performance.now() - t0;
    this.drawn = signature;
    this.frames++;
    this.schedulePrepare();
    this.options.onFrame?.({ renderer: r.kind, size, ms: this.lastFrameMs });
    return true;
  }

  private idle = 0;
  /** Lets the renderer prepare the next frame when the page is idle (the CPU raster's pan grid). */
  private schedulePrepare(): void {
    const g = globalThis as {
      requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number;
      cancelIdleCallback?: (id: number) => void;
    };
    if (this.idle || !this.renderer?.prepare || !g.requestIdleCallback) return;
    this.idle = g.requestIdleCallback(
      () => {
        this.idle = 0;
        this.renderer?.prepare?.();
      },
      // Soon even on a busy page: a drag usually starts a few hundred milliseconds after
      // the picture appears, and the first pan should find the grid ready.
      { timeout: 100 },
    );
  }

  /** Draws on the next animation frame (coalesced). */
  requestRender(): void {
    if (this.raf || typeof requestAnimationFrame !== 'function') return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.render();
    });
  }

  /**
   * The host's scene drawn by the active renderer, as pixels (export, tests). Never used
   * for picking.
   */
  snapshot(): ImageData | null {
    const scene = this.options.scene();
    if (!scene || !this.renderer) return null;
    return this.renderer.snapshot(scene, frameSize(scene));
  }

  /** Live GL objects held for layers (0 on the CPU raster); for leak tests. */
  get glResources(): number {
    return this.renderer instanceof WebglRenderer ? this.renderer.resourceCount : 0;
  }

  private setup(): void {
    this.drawn = '';
    const doc = this.host.ownerDocument;
    const caps = glCapabilities(doc);
    let { renderer: kind, reason } = chooseRenderer(this.requested, {
      webgl: caps.webgl,
      evalAllowed: this.requested === 'canvas' ? true : evalAllowed(doc),
      software: caps.software,
      lost: this.lost,
      contextAvailable: contextBudget().live < contextBudget().limit,
    });
    if (kind === 'webgl' && this.tooLarge) ({ renderer: kind, reason } = { renderer: 'canvas', reason: 'too-large' });
    if (kind === 'webgl') {
      if (!acquireContext()) ({ renderer: kind, reason } = { renderer: 'canvas', reason: 'context-limit' });
      else {
        this.holdsContext = true;
        const failed = this.startWebgl(doc);
        if (failed) {
          kind = 'canvas';
          reason = failed;
        }
      }
    }
    if (kind === 'canvas') {
      const canvas = doc.createElement('canvas');
      this.decorate(canvas);
      this.canvas = canvas;
      this.renderer = new CanvasRenderer(canvas, caps.subpixelBits);
    }
    this.activeRenderer = kind;
    this.fallbackReason = reason;
    if (reason) this.report(reason);
  }

  /** Creates the WebGL canvas, context and renderer; returns why it failed, or `null`. */
  private startWebgl(doc: Document): FallbackReason | null {
    const canvas = doc.createElement('canvas');
    const gl = canvas.getContext('webgl', {
      alpha: false,
      antialias: false,
      depth: false,
      stencil: false,
      premultipliedAlpha: true,
      preserveDrawingBuffer: false,
      powerPreference: 'high-performance',
    }) as WebGLRenderingContext | null;
    if (!gl) {
      this.releaseGl();
      return 'unavailable';
    }
    this.gl = gl;
    this.glCanvas = canvas;
    canvas.addEventListener('webglcontextlost', this.onLost);
    canvas.addEventListener('webglcontextrestored', this.onRestored);
    try {
      this.renderer = new WebglRenderer(gl);
    } catch (e) {
      const csp =
        e instanceof EvalError || /unsafe-eval|Content Security Policy|Function/i.test(String((e as Error)?.message));
      if (csp) noteEvalBlocked();
      this.releaseGl();
      return csp ? 'csp' : 'unavailable';
    }
    this.decorate(canvas);
    this.canvas = canvas;
    return null;
  }

  private decorate(canvas: HTMLCanvasElement): void {
    canvas.className = 'gl-canvas';
    canvas.setAttribute('aria-hidden', 'true');
    canvas.dataset.renderer = canvas === this.glCanvas ? 'webgl' : 'canvas';
  }

  private readonly onLost = (e: Event): void => {
    // Without preventDefault() the browser never restores the context.
    e.preventDefault();
    if (this.renderer?.kind !== 'webgl') return;
    this.lost = true;
    this.renderer.destroy();
    const canvas = this.host.ownerDocument.createElement('canvas');
    this.decorate(canvas);
    this.canvas = canvas;
    this.renderer = new CanvasRenderer(canvas, glCapabilities(this.host.ownerDocument).subpixelBits);
    this.drawn = '';
    this.activeRenderer = 'canvas';
    this.fallbackReason = 'context-lost';
    this.report('context-lost');
    this.host.requestUpdate();
  };

  private readonly onRestored = (): void => {
    this.lost = false;
    const gl = this.gl;
    if (!gl || !this.glCanvas || !this.host.isConnected || this.requested === 'canvas') return;
    let next: WebglRenderer;
    try {
      next = new WebglRenderer(gl);
    } catch {
      return;
    }
    this.renderer?.destroy();
    this.renderer = next;
    this.drawn = '';
    this.canvas = this.glCanvas;
    this.activeRenderer = 'webgl';
    this.fallbackReason = null;
    this.host.requestUpdate();
  };

  private report(reason: FallbackReason): void {
    if (QUIET.has(reason) && !(reason === 'software' && this.requested === 'webgl')) return;
    if (this.warned.has(reason)) return;
    this.warned.add(reason);
    const detail: ClWarningDetail = { code: 'RENDERER_FALLBACK', message: fallbackMessage(reason) };
    void this.host.updateComplete.then(() => emit(this.host, 'cl-warning', detail));
  }

  private releaseGl(): void {
    const canvas = this.glCanvas;
    if (canvas) {
      canvas.removeEventListener('webglcontextlost', this.onLost);
      canvas.removeEventListener('webglcontextrestored', this.onRestored);
    }
    // Free the context now rather than at garbage collection, so it leaves the browser's count.
    if (this.gl && !this.gl.isContextLost()) this.gl.getExtension('WEBGL_lose_context')?.loseContext();
    this.gl = null;
    this.glCanvas = null;
    if (this.holdsContext) releaseContext();
    this.holdsContext = false;
  }

  private teardown(): void {
    this.drawn = '';
    if (this.idle) (globalThis as { cancelIdleCallback?: (id: number) => void }).cancelIdleCallback?.(this.idle);
    this.idle = 0;
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.renderer?.destroy();
    this.renderer = null;
    this.releaseGl();
    this.lost = false;
    if (this.canvas) this.canvas.width = this.canvas.height = 0;
    this.canvas = null;
  }
}

const layerIds = new WeakMap<object, number>();
let nextLayerId = 1;

/**
 * Everything a frame's pixels depend on, as a string: size, background, transform, and per
 * layer its identity, data and colour versions and its drawing settings. Two equal
 * signatures draw the same picture.
 */
function sceneSignature(scene: GlScene, size: FrameSize): string {
  const t = scene.transform;
  const parts: (string | number)[] = [
    size.width,
    size.height,
    size.ratio,
    scene.background.join(','),
    t.sx,
    t.sy,
    t.tx,
    t.ty,
  ];
  for (const l of scene.layers) {
    let id = layerIds.get(l);
    if (id === undefined) layerIds.set(l, (id = nextLayerId++));
    if (l.kind === 'cells') parts.push(id, l.version, l.lutVersion);
    else if (l.kind === 'points') parts.push(id, l.version, l.colorVersion, l.size, l.shape, l.color.join(','));
    else parts.push(id, l.version, l.colorVersion, l.width, l.color.join(','));
  }
  return parts.join('|');
}
