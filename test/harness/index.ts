// Helpers for browser tests: import from 'test/harness/index.js' (relative path).
export { fixture, fixtureCleanup, html, expect, aTimeout, waitUntil, elementUpdated } from '@open-wc/testing';
export { nextFrame, oneEvent, shadowQuery, shadowQueryAll } from './dom.js';
export { countListeners, countObservers, type ListenerCounter, type ObserverCounter } from './leaks.js';
export { expectNoAxeViolations, formatAxeViolations, type AxeCheckOptions } from './axe.js';
export { expectCleanReconnects, type ReconnectOptions } from './reconnect.js';
