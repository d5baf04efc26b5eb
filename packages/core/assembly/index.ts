// Entry point of the WebAssembly module: every kernel it exports.
export { gram } from './gram';
export { rank } from './rank';
export { colstats, center } from './prep';
