// A host-test phase: the extension in the browser's web worker extension host, as on
// vscode.dev and github.dev. A fresh code-server whose user settings force the extension under
// development into the web worker (`remote.extensionKind`: ["web"]), so the workbench loads
// dist/web/extension.js there instead of the Node bundle. A smoke subset of what a writer sees:
// the activation line in the extension's output says "web worker extension host", a half-filled
// guide gets its findings in the Problems panel and the status bar, and the outline view shows
// the integration page against its plan.
// Screenshots: test-artifacts/web-problems.png, test-artifacts/web-outline.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, copySampleWorkspace, devUrl, freePort, writeUserSettings } from './server.mjs';
import { log } from './setup.mjs';
import { Workbench } from './ui.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;

/** Shows output channel `channel` and waits for a line containing `text`; resolves with that line. */
async function outputLine(wb, channel, text) {
  await wb.paletteRun('>Output: Show Output Channels', 'Show Output Channels');
  await wb.quickPick(channel, 'Extension Host');
  // Each panel view has its own filter box, and only the active view's is visible: until the
  // Output tab is the active one, the visible box may still be the Problems view's (a run once
  // typed this text there, and the Problems panel then showed 0 of 63).
  await wb.page.locator('.part.panel .composite-bar .action-item.checked', { hasText: 'Output' }).waitFor();
  // Only the lines with `text` (a long log scrolls its first lines out of the rendered view).
  const filter = wb.page.locator('.part.panel .viewpane-filter input:visible').first();
  await filter.waitFor();
  // One element for the whole exchange: a locator is resolved again at each call, and while the
  // views switch a later call can reach the Problems view's box (a run left this text there after
  // the check above: the Problems panel showed "0 of 63").
  const input = await filter.elementHandle();
  const placeholder = await input.getAttribute('placeholder');
  await input.fill(text);
  const line = wb.page.locator('.part.panel .view-line', { hasText: text }).first();
  await line.waitFor();
  const found = (await line.innerText()).replace(/\s+/g, ' ').trim();
  // Emptied as typing would, through the input event its box listens to: visible or not by now.
  await input.evaluate((el) => {
    el.value = '';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return `${found} (filter: ${placeholder})`;
}

/** The smoke subset: output line, Problems panel, status bar, outline view. */
async function smoke(wb) {
  await wb.openFile('acme-implementation-guide.md');
  // The worker host's own log names the extensions it activates.
  const activated = await outputLine(wb, 'Extension Host (Worker)', `_doActivateExtension ${EXTENSION_ID}`);
  wb.log(`web: ${activated}`);
  assert.match(activated, /activat/i, 'the web worker extension host activated the extension');
  await wb.openProblems();
  const rows = await wb.waitForProblemRows((r) => r.some((t) => t.includes('Unfilled placeholder') && t.includes('integration-docs')), 30_000);
  for (const row of rows.slice(0, 4)) wb.log(`  ${row.replace(/\s+/g, ' ')}`);
  const status = wb.page.locator('.statusbar-item', { hasText: /\d+ fields · DoD \d+\/\d+/ });
  await status.waitFor();
  wb.log(`web status bar: ${(await status.innerText()).trim()}`);
  await wb.screenshot('web-problems');
  await wb.openFile('northwind-integration-page.md');
  // A row only this page has: the view's title changes before its rows, and the guide opened before
  // has a "Prerequisites" row too (a screenshot once showed the guide's rows under this title).
  const tree = await wb.showOutline('Acme Ledger + Northwind Payments', 'What This Integration Does');
  wb.log(`web outline rows: ${tree.slice(-8).join(' | ')}`);
  await wb.screenshot('web-outline');
}

/**
 * @param {object} o  as vsixCheck's (vsix-check.mjs): the page, Node 24, code-server's entry,
 *   the run's temp folder, test-artifacts/, and the runner's code-server starter
 * @returns {Promise<boolean>}
 */
export async function webCheck({ page, node, codeServerEntry, tmp, artifacts, startCodeServer }) {
  const name = 'the extension runs in the web worker extension host: findings, status bar, outline';
  try {
    const dir = join(tmp, 'web-server');
    const userDataDir = join(dir, 'web-user');
    writeUserSettings(userDataDir, { extra: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } });
    const folder = join(tmp, 'web-workspace');
    copySampleWorkspace(folder);
    const port = await freePort();
    const server = await startCodeServer(node, codeServerEntry, dir, port, 'code-server-web.log', { userDataDir });
    const died = new Promise((_, rej) => server.once('exit', (c, s) => rej(new Error(`code-server exited (${s ?? c})`))));
    const wb = new Workbench(page, artifacts);
    const run = async () => {
      await page.goto(devUrl(`127.0.0.1:${port}`, folder, ROOT, { env: {} }));
      await wb.ready();
      await wb.workspaceListed('acme-implementation-guide.md');
      await smoke(wb);
    };
    await Promise.race([run(), died]);
    log(`ui ✓ ${name}`);
    return true;
  } catch (err) {
    log(`ui ✗ ${name}\n${err?.stack ?? err}`);
    await page.screenshot({ path: join(artifacts, 'host', 'failed-web.png') }).catch(() => {});
    return false;
  }
}
