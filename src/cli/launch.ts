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
raiseMallocThreshold();

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

/**
 * Has glibc's malloc keep blocks of up to 4 MB in its heap instead of mapping and unmapping each.
 * glibc maps every block of 128 KB or more on its own, and raises that threshold (and the one for
 * returning the heap's free top to the system, to twice as much) to the size of the largest mapped
 * block freed so far. A linting run allocates many blocks between 128 KB and a few MB (V8's zones,
 * file contents, output): each mapped anew costs page faults. Dropping one 4 MB buffer (zeroed
 * memory from a fresh mapping, never touched) raises the threshold when the GC frees it, early in
 * the run: 3,000-6,000 fewer page faults on the bench corpora (mixed 28,990 → 22,720). Until now a
 * side effect did this by chance: hashing the bundles' text for the code cache's file names
 * (`compile-cache.ts`), through a temporary block three times the text's size. Elsewhere (musl,
 * macOS, Windows) it is a 4 MB allocation that is never touched and soon freed.
 */
function raiseMallocThreshold(): void {
  void new ArrayBuffer(4 << 20);
}
