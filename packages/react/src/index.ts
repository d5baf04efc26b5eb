/**
 * @classlens/react — one React component per classlens element, for React 18 and 19.
 * Each wraps its custom element with `@lit/react`: data props are set as DOM properties,
 * and `onClSelect`, `onClHover`, `onClError`, `onClWarning` (plus any element-specific
 * `cl-*` event) listen to the element's events with typed details. Importing a component
 * registers its tag. The components are generated from the elements' custom-elements
 * manifest at build time (scripts/generate-frameworks.mjs).
 *
 * @packageDocumentation
 */
export * from './index.generated.js';
export type { ClEvent } from './events.js';
export type { ClErrorDetail, ClMarkDetail, ClWarningDetail } from '@classlens/elements';
