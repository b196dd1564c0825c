// Entry point of the extension-host test suite (VS Code's `extensionTestsPath`).
// Host-agnostic: run by test/host/run.mjs (code-server) and test/host/electron.mjs
// (@vscode/test-electron, desktop VS Code).
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Outcome of a suite run, written as JSON to `$INTEGRATION_DOCS_TEST_SUMMARY` when set. */
export interface Summary {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  failed: { title: string; error: string }[];
}

/**
 * Runs every `*.test.js` below this folder with mocha (`tdd` UI: `suite`/`test`,
 * imported from 'mocha'). Resolves when all tests pass, rejects when any fails
 * or none ran.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 }); // generous: a loaded 2-core machine stalls the host for seconds
  const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(join(__dirname, f));

  const started = Date.now();
  const failed: Summary['failed'] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const summary: Summary = {
        passes: runner.stats?.passes ?? 0,
        failures,
        pending: runner.stats?.pending ?? 0,
        durationMs: Date.now() - started,
        failed,
      };
      const out = process.env.INTEGRATION_DOCS_TEST_SUMMARY;
      if (out) writeFileSync(out, JSON.stringify(summary, null, 2));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else if (summary.passes === 0) reject(new Error(`no tests ran (looked for *.test.js in ${__dirname})`));
      else resolve();
    });
    runner.on('fail', (test, err: Error) => failed.push({ title: test.fullTitle(), error: String(err?.stack ?? err) }));
  });
}
