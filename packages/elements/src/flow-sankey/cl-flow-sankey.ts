import { ClFlowSankey } from './flow-sankey.component.js';

export * from './flow-sankey.component.js';
export type { NodeSort, Normalize } from './layout.js';

// Guarded: two bundles on one page must not throw.
if (!customElements.get('cl-flow-sankey')) customElements.define('cl-flow-sankey', ClFlowSankey);

declare global {
  interface HTMLElementTagNameMap {
    'cl-flow-sankey': ClFlowSankey;
  }
}
