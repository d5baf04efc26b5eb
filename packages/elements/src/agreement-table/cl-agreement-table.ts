import { ClAgreementTable } from './agreement-table.component.js';

export * from './agreement-table.component.js';

ClAgreementTable.define('cl-agreement-table');

declare global {
  interface HTMLElementTagNameMap {
    'cl-agreement-table': ClAgreementTable;
  }
}
