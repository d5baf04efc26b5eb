/**
 * Page-wide GL facts, shared by every classlens element on the page — and by two bundles
 * of classlens on one page, through a registered symbol: what the browser's WebGL is,
 * whether code generation is allowed, and how many WebGL contexts classlens holds.
 */

/** What the browser's WebGL is (probed once per page). */
export interface GlCapabilities {
  /** A WebGL 1 context can be created. */
  webgl: boolean;
  /** The unmasked renderer string (`WEBGL_debug_renderer_info`), or `RENDERER`. */
  renderer: string;
  /** A software rasteriser: SwiftShader, llvmpipe, softpipe, Microsoft Basic Render. */
  software: boolean;
  maxTextureSize: number;
  /** Sub-pixel precision of the rasteriser (`SUBPIXEL_BITS`); the CPU raster snaps to it too. */
  subpixelBits: number;
}

interface PageGlState {
  caps: GlCapabilities | null;
  evalAllowed: boolean | null;
  live: number;
  limit: number;
}

const KEY = Symbol.for('classlens.gl.page');

/**
 * How many WebGL contexts classlens keeps live on one page. Browsers keep about 16 and
 * silently drop the oldest past that; staying at half leaves room for the page's own,
 * and elements past it draw with the CPU raster (never one context per small multiple).
 */
export const DEFAULT_CONTEXT_LIMIT = 8;

function state(): PageGlState {
  const g = globalThis as unknown as Record<symbol, PageGlState | undefined>;
  return (g[KEY] ??= { caps: null, evalAllowed: null, live: 0, limit: DEFAULT_CONTEXT_LIMIT });
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Probes WebGL once per page with a throw-away context, which is released at once. */
export function glCapabilities(doc: Document = document): GlCapabilities {
  const s = state();
  if (s.caps) return s.caps;
  let caps: GlCapabilities = { webgl: false, renderer: '', software: false, maxTextureSize: 0, subpixelBits: 8 };
  try {
    const canvas = doc.createElement('canvas');
    canvas.width = canvas.height = 1;
    const gl = canvas.getContext('webgl') as WebGLRenderingContext | null;
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(
        (info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : null) ?? gl.getParameter(gl.RENDERER) ?? '',
      );
      caps = {
        webgl: true,
        renderer,
        software: SOFTWARE.test(renderer),
        maxTextureSize: Number(gl.getParameter(gl.MAX_TEXTURE_SIZE)) || 0,
        subpixelBits: Number(gl.getParameter(gl.SUBPIXEL_BITS)) || 8,
      };
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    /* no WebGL */
  }
  s.caps = caps;
  return caps;
}

/**
 * Whether `new Function` may run on this page (regl generates its draw code with it).
 * A `<meta http-equiv="Content-Security-Policy">` whose script policy lacks
 * `'unsafe-eval'` answers without trying — so a page with such a policy sees no
 * violation report. Otherwise one guarded `new Function` call decides (a policy sent as
 * an HTTP header, which scripts cannot read, then reports one violation per page).
 */
export function evalAllowed(doc: Document = document): boolean {
  const s = state();
  if (s.evalAllowed !== null) return s.evalAllowed;
  if (metaForbidsEval(doc)) return (s.evalAllowed = false);
  try {
    s.evalAllowed = new Function('return 1')() === 1;
  } catch {
    s.evalAllowed = false;
  }
  return s.evalAllowed;
}

/** Records that code generation failed (regl threw an `EvalError`). */
export function noteEvalBlocked(): void {
  state().evalAllowed = false;
}

/** `true` when a CSP `<meta>` of `doc` forbids eval in scripts. */
export function metaForbidsEval(doc: Document): boolean {
  for (const meta of Array.from(doc.querySelectorAll('meta[http-equiv]'))) {
    if ((meta.getAttribute('http-equiv') ?? '').toLowerCase() !== 'content-security-policy') continue;
    const policy = new Map<string, string[]>();
    for (const part of (meta.getAttribute('content') ?? '').split(';')) {
      const [name, ...values] = part.trim().split(/\s+/);
      if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), values);
    }
    const scripts = policy.get('script-src') ?? policy.get('default-src');
    if (scripts && !scripts.includes("'unsafe-eval'")) return true;
  }
  return false;
}

/** Takes one WebGL context from the page's budget; `false` when none is left. */
export function acquireContext(): boolean {
  const s = state();
  if (s.live >= s.limit) return false;
  s.live++;
  return true;
}

/** Returns a context to the budget. */
export function releaseContext(): void {
  const s = state();
  s.live = Math.max(0, s.live - 1);
}

/** Live contexts and the limit. */
export function contextBudget(): { live: number; limit: number } {
  const s = state();
  return { live: s.live, limit: s.limit };
}

/** Sets how many contexts classlens may hold on this page (default {@link DEFAULT_CONTEXT_LIMIT}). */
export function setContextLimit(limit: number): void {
  if (Number.isInteger(limit) && limit >= 0) state().limit = limit;
}

/** Forgets the probes (tests that stub WebGL or eval). */
export function resetGlProbes(): void {
  const s = state();
  s.caps = null;
  s.evalAllowed = null;
}
