import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM (`style.setProperty`), never through
 * a `style` attribute. Lit's `styleMap` writes its first render as an attribute string,
 * which a strict Content-Security-Policy (`style-src 'self'`, no `'unsafe-inline'`)
 * blocks; CSSOM writes are allowed. Use as an element binding: `<div ${cssProps({...})}>`.
 */
class CssPropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps() must be used as an element binding');
  }

  render(_props: Record<string, string | undefined>) {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Record<string, string | undefined>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (!(name in props)) style.removeProperty(name);
    this.previous = new Set();
    for (const [name, value] of Object.entries(props)) {
      if (value == null) style.removeProperty(name);
      else {
        style.setProperty(name, value);
        this.previous.add(name);
      }
    }
    return nothing;
  }
}

export const cssProps = directive(CssPropsDirective);
