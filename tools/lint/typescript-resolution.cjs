// typescript-eslint needs TypeScript's JavaScript API, which the project's TypeScript 7
// (native tsc) does not have. tools/lint carries TypeScript 5.9 for it, but npm hoists
// typescript-eslint's helpers (ts-api-utils, …) to the root node_modules, where
// `require('typescript')` would find TypeScript 7. Inside the ESLint process only,
// every `require('typescript')` is sent to tools/lint's copy.
'use strict';
const Module = require('node:module');

const lintTypescript = require.resolve('typescript');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'typescript' ? lintTypescript : resolveFilename.call(this, request, ...rest);
};
module.exports = { lintTypescript };
