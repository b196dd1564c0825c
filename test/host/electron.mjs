// Runs the same extension-host suite (dist/test/host/suite/index.js) in desktop VS Code
// via @vscode/test-electron, which downloads VS Code into .vscode-test/ (needs access to
// update.code.visualstudio.com: a developer laptop or CI, not the offline build machines,
// where test/host/run.mjs runs it in code-server instead). On a Linux machine without a
// display, run it under `xvfb-run -a npm run test:electron`.
// Usage: npm run build && npm run test:electron
// Env: VSCODE_TEST_VERSION  VS Code version to download ('stable' by default, 'insiders', '1.96.0', …)
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SUITE = join(ROOT, 'dist/test/host/suite/index.js');

if (!existsSync(SUITE)) {
  console.error(`${SUITE} is missing: run \`npm run build\` first`);
  process.exit(1);
}
const tmp = mkdtempSync(join(tmpdir(), 'integration-docs-electron-'));
const workspace = join(tmp, 'workspace');
cpSync(join(ROOT, 'test/host/workspace'), workspace, { recursive: true });
const summaryFile = join(tmp, 'summary.json');

let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_TEST_VERSION || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE,
    extensionTestsEnv: { INTEGRATION_DOCS_TEST_SUMMARY: summaryFile },
    launchArgs: [
      workspace,
      '--disable-extensions', // every other extension; the one under development still loads
      '--user-data-dir', join(tmp, 'user'),
      // runTests adds --disable-workspace-trust, --skip-welcome, --skip-release-notes, --no-sandbox
    ],
  });
  if (existsSync(summaryFile)) {
    const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
    console.log(`[electron-tests] suite: ${s.passes} passed, ${s.failures} failed, ${s.pending} pending`);
  }
} catch (err) {
  console.error(`[electron-tests] ${err?.message ?? err}`);
  code = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code === 0 ? 0 : 1);
