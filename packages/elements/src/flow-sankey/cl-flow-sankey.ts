import { ClFlowSankey } from './flow-sankey.component.js';

export * from './flow-sankey.component.js';
export type { NodeSort, Normalize } from '../internal/sankey/layout.js';

ClFlowSankey.define('cl-flow-sankey');

declare global {
  interface HTMLElementTagNameMap {
    'cl-flow-sankey': ClFlowSankey;
  }
}
