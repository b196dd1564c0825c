// What the yaml library sees as `require('process')` in our bundles (src/build/esbuild.mjs). It
// reads `process.env.LOG_TOKENS` for every token it lexes and `process.env.LOG_STREAM` for every
// node it composes (its own debug logging); each read of `process.env` is a call into the
// runtime, and together they were a fifth of reading a large frontmatter. Here `env` is a plain
// object without those switches, and warnings still go to the real process.
'use strict';
module.exports = {
  env: {},
  emitWarning(...args) {
    if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') process.emitWarning(...args);
    else console.warn(...args);
  },
};
