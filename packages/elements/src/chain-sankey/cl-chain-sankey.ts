import { ClChainSankey } from './chain-sankey.component.js';

export * from './chain-sankey.component.js';
export type { NodeSort, Normalize } from '../internal/sankey/layout.js';

ClChainSankey.define('cl-chain-sankey');

declare global {
  interface HTMLElementTagNameMap {
    'cl-chain-sankey': ClChainSankey;
  }
}
