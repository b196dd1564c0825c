// A phase of the host tests: what a user of the packaged extension sees. Packs the
// VSIX (src/build/package.mjs: production bundle, .vscodeignore; once per run), installs it with
// code-server's CLI (`entry.js --extensions-dir X --install-extension file.vsix`) into a
// fresh extensions dir, starts a second code-server on that dir WITHOUT
// extensionDevelopmentPath (and without the smoke-test driver), opens a doc of the sample
// workspace and waits for integration-docs findings in the Problems panel and for the
// extension in the Extensions view.
// Screenshot: test-artifacts/vsix-installed.png.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { copySampleWorkspace, folderUrl, freePort, installVsix, writeUserSettings } from './server.mjs';
import { log } from './setup.mjs';
import { Workbench } from './ui.mjs';

/**
 * @param {object} o
 * @param {import('playwright-core').Page} o.page  the page of the earlier phases (reused)
 * @param {string} o.node  Node 24
 * @param {string} o.codeServerEntry
 * @param {string} o.tmp  the run's temp folder
 * @param {string} o.artifacts  test-artifacts/
 * @param {(node: string, entry: string, dir: string, port: number, logName: string, options: object) => Promise<import('node:child_process').ChildProcess>} o.startCodeServer
 *   the runner's starter (stops the server on exit, logs to test-artifacts/host/)
 * @param {() => ReturnType<typeof import('../../src/build/package.mjs').packageVsix>} o.vsix  packs the VSIX (once per run)
 * @returns {Promise<boolean>}
 */
export async function vsixCheck({ page, node, codeServerEntry, tmp, artifacts, startCodeServer, vsix }) {
  const started = Date.now();
  const lap = (what) => log(`vsix: ${what} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  try {
    const { file, bytes, entries } = await vsix();
    lap(`packaged ${(bytes / 1024).toFixed(1)} KB, ${entries.length} files`);

    const dir = join(tmp, 'vsix-server');
    const extensionsDir = join(dir, 'extensions');
    const userDataDir = join(dir, 'user');
    writeUserSettings(userDataDir);
    const out = await installVsix({ node, entry: codeServerEntry, dir, extensionsDir, userDataDir, vsix: file });
    const installed = readdirSync(extensionsDir).filter((n) => n.startsWith('integration-docs.'));
    assert.equal(installed.length, 1, `one extension folder in ${extensionsDir}: ${readdirSync(extensionsDir)}`);
    lap(`installed as ${installed[0]}: ${out.split('\n').pop()}`);

    const folder = join(tmp, 'vsix-workspace');
    copySampleWorkspace(folder);
    const port = await freePort();
    const server = await startCodeServer(node, codeServerEntry, dir, port, 'code-server-vsix.log', {
      extensionsDir,
      userDataDir,
      smokeTestDriver: false,
    });
    lap(`code-server (no extensionDevelopmentPath) on 127.0.0.1:${port}`);

    const died = new Promise((_, rej) => server.once('exit', (c, s) => rej(new Error(`code-server exited (${s ?? c})`))));
    const wb = new Workbench(page, artifacts);
    const check = async () => {
      await page.goto(folderUrl(`127.0.0.1:${port}`, folder));
      await wb.ready();
      await wb.openFile('acme-implementation-guide.md');
      await wb.openProblems();
      const rows = await wb.waitForProblemRows(
        (r) => r.some((t) => t.includes('Unfilled placeholder') && t.includes('integration-docs')),
        30_000,
      );
      for (const row of rows.slice(0, 4)) wb.log(`  ${row.replace(/\s+/g, ' ')}`);
      await wb.page.locator('.statusbar-item', { hasText: /fields · DoD \d+\/\d+/ }).waitFor();
      // the Extensions view lists it as installed (not as an extension under development)
      await page.keyboard.press('Control+Shift+X');
      const listed = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Integration Docs' }).first();
      await listed.waitFor();
      wb.log(`Extensions view: ${(await listed.innerText()).replace(/\s+/g, ' ')}`);
      await wb.screenshot('vsix-installed');
    };
    await Promise.race([check(), died]);
    lap('the installed VSIX shows diagnostics');
    log('ui ✓ the packaged VSIX installs into code-server and shows diagnostics');
    return true;
  } catch (err) {
    log(`ui ✗ the packaged VSIX installs into code-server and shows diagnostics\n${err?.stack ?? err}`);
    await page.screenshot({ path: join(artifacts, 'host', 'failed-vsix.png') }).catch(() => {});
    return false;
  }
}
