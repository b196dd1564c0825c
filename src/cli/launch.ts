/**
 * The `integration-docs` executable: switches on V8's code cache for the CLI's bundles
 * (`compile-cache.ts`), then loads the CLI (`main.ts`, bundled as `cli-main.js`) through it.
 */
import { enableCompileCache } from './compile-cache';

enableCompileCache(__dirname);
// A require, not an import: the bundle stays a file of its own, compiled through the cache.
const { main } = require('./cli-main.js') as typeof import('./main');
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
