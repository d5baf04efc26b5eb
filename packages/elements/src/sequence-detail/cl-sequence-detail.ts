import { ClSequenceDetail } from './sequence-detail.component.js';

export * from './sequence-detail.component.js';
export type { SequenceRecord } from '../internal/trajectory/sequence-data.js';

ClSequenceDetail.define('cl-sequence-detail');

declare global {
  interface HTMLElementTagNameMap {
    'cl-sequence-detail': ClSequenceDetail;
  }
}
