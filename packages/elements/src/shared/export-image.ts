const SVG_NS = 'http://www.w3.org/2000/svg';
/** Inherited presentation properties: written only where they differ from the parent. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-linejoin',
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

/**
 * Serialises a rendered `<svg>` as a standalone SVG document: computed styles (which
 * resolve the theme's custom properties) are inlined — only where they change from the
 * parent, to keep files small — and a background rectangle is added, so the file looks
 * the same outside the page. Comments, classes, parts and `var()` attributes are dropped.
 */
export function svgToString(svg: SVGSVGElement, background?: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const dst = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const styles = new Map<Element, CSSStyleDeclaration>();
  src.forEach((el, i) => {
    const target = dst[i] as SVGElement;
    const cs = getComputedStyle(el);
    styles.set(el, cs);
    const parent = el === svg ? null : (styles.get(el.parentElement as Element) ?? null);
    const decl: string[] = [];
    for (const p of INHERITED) {
      const v = cs.getPropertyValue(p);
      if (!parent || parent.getPropertyValue(p) !== v) decl.push(`${p}:${v}`);
    }
    for (const [p, initial] of Object.entries(OWN)) {
      const v = cs.getPropertyValue(p);
      if (v !== initial && !(p === 'display' && el === svg)) decl.push(`${p}:${v}`);
    }
    if (decl.length) target.setAttribute('style', decl.join(';'));
    else target.removeAttribute('style');
    for (const a of ['class', 'part', 'tabindex', 'aria-hidden']) target.removeAttribute(a);
    for (const a of Array.from(target.attributes)) if (a.value.includes('var(')) target.removeAttribute(a.name);
  });
  const walker = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
  const { width, height } = svg.viewBox.baseVal;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (background) {
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', background);
    clone.insertBefore(rect, clone.firstChild);
  }
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

/** Rasterises a standalone SVG string to a PNG blob at `scale` × its size. */
export async function svgStringToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
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
    if (!ctx) throw new Error('toPNG: no 2D canvas context');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toPNG: encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
