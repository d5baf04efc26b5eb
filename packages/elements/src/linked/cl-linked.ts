import { ClLinked } from './linked.component.js';

export * from './linked.component.js';

if (!customElements.get('cl-linked')) customElements.define('cl-linked', ClLinked);

declare global {
  interface HTMLElementTagNameMap {
    'cl-linked': ClLinked;
  }
}
