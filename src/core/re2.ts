/**
 * RE2JS, the linear-time regular-expression engine that runs user patterns and ignore globs,
 * loaded the first time one is compiled: most runs have neither, and loading it is a good part
 * of start-up (the extension's activation, a CLI run on one file).
 */
import type { RE2JS } from 're2js';

let engine: typeof RE2JS | undefined;

/** The RE2JS class (loaded on first use). */
export function re2(): typeof RE2JS {
  // A require, not an import: the bundler then evaluates the library on this call, not at load.
  engine ??= (require('re2js') as typeof import('re2js')).RE2JS;
  return engine;
}
