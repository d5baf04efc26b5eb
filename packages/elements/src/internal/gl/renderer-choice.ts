import type { ActiveRenderer, FallbackReason, RendererChoice } from './types.js';

/** What the choice depends on. */
export interface RendererConditions {
  webgl: boolean;
  evalAllowed: boolean;
  software: boolean;
  /** The context was lost and has not been restored. */
  lost: boolean;
  /** A context is left in the page's budget. */
  contextAvailable: boolean;
}

/** A renderer attribute value, with anything unknown read as `auto`. */
export function normalizeRenderer(value: unknown): RendererChoice {
  return value === 'webgl' || value === 'canvas' ? value : 'auto';
}

/**
 * Which renderer draws, and why not WebGL. `canvas` always takes the CPU raster; `webgl`
 * takes WebGL wherever it can run (software GL included); `auto` also takes the CPU raster
 * on software GL, where it is several times faster.
 */
export function chooseRenderer(
  requested: RendererChoice,
  c: RendererConditions,
): { renderer: ActiveRenderer; reason: FallbackReason | null } {
  const canvas = (reason: FallbackReason) => ({ renderer: 'canvas' as const, reason });
  if (requested === 'canvas') return canvas('requested');
  if (!c.webgl) return canvas('unavailable');
  if (!c.evalAllowed) return canvas('csp');
  if (c.lost) return canvas('context-lost');
  if (!c.contextAvailable) return canvas('context-limit');
  if (requested === 'auto' && c.software) return canvas('software');
  return { renderer: 'webgl', reason: null };
}

/** A sentence for `cl-warning` when WebGL was wanted but the CPU raster draws. */
export function fallbackMessage(reason: FallbackReason): string {
  switch (reason) {
    case 'unavailable':
      return 'WebGL is not available; drawing with the canvas 2D fallback';
    case 'csp':
      return "The page's Content-Security-Policy forbids 'unsafe-eval', which WebGL drawing (regl) needs; drawing with the canvas 2D fallback";
    case 'context-lost':
      return 'The WebGL context was lost; drawing with the canvas 2D fallback until it is restored';
    case 'context-limit':
      return 'Too many WebGL contexts on this page; drawing with the canvas 2D fallback';
    case 'too-large':
      return "The data does not fit this GPU's textures; drawing with the canvas 2D fallback";
    case 'software':
      return 'WebGL runs in software here; drawing with the faster canvas 2D path';
    default:
      return 'Drawing with the canvas 2D renderer';
  }
}
