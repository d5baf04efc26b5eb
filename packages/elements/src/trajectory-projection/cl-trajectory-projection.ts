import { ClTrajectoryProjection } from './trajectory-projection.component.js';

export * from './trajectory-projection.component.js';
export type { SequenceRecord } from '../internal/trajectory/sequence-data.js';

ClTrajectoryProjection.define('cl-trajectory-projection');

declare global {
  interface HTMLElementTagNameMap {
    'cl-trajectory-projection': ClTrajectoryProjection;
  }
}
