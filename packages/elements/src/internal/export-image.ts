import { ClasslensError } from '@classlens/core';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Inherited presentation properties: written only where they differ from the parent. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-linejoin',
  'stroke-dasharray',
  'font-family',
  'font-size',
  'font-weight',
  'paint-order',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;
/** Non-inherited ones: written where they differ from their initial value. */
const OWN: Record<string, string> = { opacity: '1', display: 'inline', 'mix-blend-mode': 'normal' };
/** Attributes that mean something only inside the page. */
const DROP = new Set(['class', 'part', 'tabindex', 'aria-hidden', 'role', 'style', 'data-mark']);

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/**
 * Serialises a rendered `<svg>` as a standalone SVG document: computed styles (which
 * resolve the theme's custom properties) are inlined — only where they change from the
 * parent, to keep files small — and a background rectangle is added, so the file looks the
 * same outside the page. Comments, classes, parts and `var()` attributes are dropped.
 *
 * The document is written as text from the live tree; nothing is cloned and no `style`
 * attribute is ever set on a DOM node, so a strict Content-Security-Policy
 * (`style-src 'self'`) reports no violation. Text is XML-escaped, so labels such as
 * `<img onerror=…>` stay text in the file too.
 */
export function svgToString(svg: SVGSVGElement, background?: string): string {
  const { width, height } = svg.viewBox.baseVal;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const write = (el: Element, parent: CSSStyleDeclaration | null, root: boolean) => {
    const cs = getComputedStyle(el);
    if (cs.getPropertyValue('display') === 'none') return;
    const attrs: string[] = [];
    if (root) attrs.push(`xmlns="${SVG_NS}"`, `width="${width}"`, `height="${height}"`);
    for (const a of Array.from(el.attributes)) {
      if (DROP.has(a.name) || a.value.includes('var(') || a.name.startsWith('aria-') || a.name.startsWith('on'))
        continue;
      if (root && (a.name === 'width' || a.name === 'height' || a.name === 'xmlns')) continue;
      attrs.push(`${a.name}="${escapeAttr(a.value)}"`);
    }
    const decl: string[] = [];
    for (const p of INHERITED) {
      const v = cs.getPropertyValue(p);
      if (!parent || parent.getPropertyValue(p) !== v) decl.push(`${p}:${v}`);
    }
    for (const [p, initial] of Object.entries(OWN)) {
      const v = cs.getPropertyValue(p);
      if (v !== initial && !(p === 'display' && root)) decl.push(`${p}:${v}`);
    }
    if (decl.length) attrs.push(`style="${escapeAttr(decl.join(';'))}"`);
    const tag = el.localName;
    out.push(`<${tag}${attrs.length ? ' ' + attrs.join(' ') : ''}>`);
    if (root && background) {
      out.push(`<rect width="100%" height="100%" fill="${escapeAttr(background)}"></rect>`);
    }
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 1) write(child as Element, cs, false);
      else if (child.nodeType === 3) out.push(escapeText(child.nodeValue ?? ''));
    }
    out.push(`</${tag}>`);
  };
  write(svg, null, true);
  return out.join('');
}

/** Checks a `toPNG` scale: finite, > 0, and small enough for a canvas (≤ 16). */
export function checkScale(scale: unknown): number {
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > 16) {
    throw new ClasslensError('INVALID_ARGUMENT', `toPNG: scale must be a number in (0, 16], got ${String(scale)}`);
  }
  return scale;
}

/** Rasterises a standalone SVG string to a PNG blob at `scale` × its size. */
export async function svgStringToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  checkScale(scale);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new ClasslensError('INVALID_ARGUMENT', 'toPNG: no 2D canvas context');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await canvasToPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas as a PNG blob. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new ClasslensError('INVALID_ARGUMENT', 'toPNG: encoding failed'))),
      'image/png',
    ),
  );
}
