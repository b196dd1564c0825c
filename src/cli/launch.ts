/**
 * The `integration-docs` executable: switches on V8's code cache for the CLI's bundles
 * (`compile-cache.ts`), then loads the CLI (`main.ts`, bundled as `cli-main.js`) through it.
 */
import { setFlagsFromString } from 'node:v8';
import { enableCompileCache } from './compile-cache';
import { engineFlags } from './v8-flags';

// Before any of the linter's code or patterns runs (see `v8-flags.ts` for what and why).
const flags = engineFlags(process.versions.v8);
for (const flag of flags) setFlagsFromString(flag);

// Only a run that lints writes the cache: it then holds what linting compiles, not what `--version` does.
enableCompileCache(__dirname, process.argv[2] === 'lint', flags);
// A require, not an import: the bundle stays a file of its own, compiled through the cache.
const { main } = require('./cli-main.js') as typeof import('./main');
// A reader that stops early (`integration-docs lint docs | head`) is no error of the run: the
// exit code stays the run's, with no stack trace on stderr.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});
void main(process.argv.slice(2)).then(exitWhenWritten);

/**
 * Exits once stdout and stderr have taken everything written to them. Left to end on its own,
 * the process first waits for V8's background work still queued after the run (optimizing
 * compiles, GC tasks): 20–60 ms of idle time after the last line, on every run. A write's
 * callback runs after the writes before it, so no output is cut short, also where pipes are
 * asynchronous (Windows, macOS).
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  let open = 2;
  const written = () => {
    if (--open === 0) process.exit(code);
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
}
