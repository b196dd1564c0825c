// A host-test phase: the packaged extension in a German VS Code. A fresh code-server started with
// `--locale de` installs, as it starts, the VSIX and a stand-in German language pack
// (test/host/l10n-pack: it translates nothing of VS Code itself, so the workbench stays English).
// Checked: the workbench runs with German as its NLS language, and our German strings show:
// the status bar's field count (l10n/bundle.l10n.de.json), the outline view's name and a
// command's title in the palette (package.nls.de.json), the message of that command, and the
// diagnostics in the Problems panel (the core's message catalogue, translated in the same bundle).
// Screenshot: test-artifacts/l10n-de.png (the palette open over the German Problems panel).
//
// Why the server installs the pack (and not `entry.js --install-extension`, as vsix-check does):
// VS Code accepts a locale only when `languagepacks.json` in the user-data dir lists a language
// pack for it with a `vscode` translation file; else `--locale de` (or argv.json, the
// `vscode.nls.locale` cookie, the browser's language) falls back to English. That file is written
// by the server's language-pack service after an install, and the install CLI never starts that
// service (microsoft/vscode#237663, coder/code-server#4735). Extensions passed as the server's own
// `install-extension` option are installed by the running server, which does write it. That option
// must be a list: a single `--vscode-option=install-extension=X` reaches the server as a string and
// fails (`t.map is not a function`); two give a list, here the VSIX and the pack.
import assert from 'node:assert/strict';
import { readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { vscePackage } from '../../src/build/package.mjs';
import { ROOT, copySampleWorkspace, folderUrl, freePort, writeUserSettings } from './server.mjs';
import { log } from './setup.mjs';
import { Workbench } from './ui.mjs';

const NAME = 'the packaged extension in a German VS Code (--locale de) shows its German strings';

/** Whether the language packs file lists a German pack with a `vscode` translation file. */
function hasGermanPack(file) {
  try {
    return typeof JSON.parse(readFileSync(file, 'utf8')).de?.translations?.vscode === 'string';
  } catch {
    return false; // not there yet, or being written
  }
}

/** Resolves once `dir`/languagepacks.json lists the German pack; rejects after `timeoutMs`. */
function germanPackListed(dir, timeoutMs = 120_000) {
  const file = join(dir, 'languagepacks.json');
  return new Promise((res, rej) => {
    const watcher = watch(dir, () => hasGermanPack(file) && done());
    const timer = setTimeout(() => done(new Error(`${file} never listed a German language pack`)), timeoutMs);
    function done(err) {
      watcher.close();
      clearTimeout(timer);
      if (err) rej(err);
      else res(file);
    }
    if (hasGermanPack(file)) done();
  });
}

/** What a German user sees: status bar, outline view, Problems panel, a command from the palette and its message. */
async function german(wb) {
  const language = await wb.page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE);
  assert.equal(language, 'de', 'the workbench runs with German as its NLS language');
  await wb.openFile('acme-implementation-guide.md');
  const status = wb.page.locator('.statusbar-item', { hasText: /\d+ Felder · DoD \d+\/\d+/ });
  await status.waitFor();
  await wb.page.locator('.pane-header', { hasText: 'Gliederung des Integrationsdokuments' }).waitFor();
  await wb.openProblems();
  // The field's own text stays as written; the message around it is German.
  const german = 'Offener Platzhalter `[Detailed instructions for initial environment configuration.]`: ersetzen Sie ihn durch den Wert';
  const rows = await wb.waitForProblemRows((r) => r.some((t) => t.includes(german)));
  assert.ok(!rows.some((t) => /Unfilled placeholder|Unchecked "/.test(t)), `no English diagnostic is left: ${JSON.stringify(rows)}`);
  const title = 'Integration Docs: Alle Integrationsdokumente prüfen';
  await wb.typeForRow('F1', '>Alle Integrationsdokumente', title);
  await wb.screenshot('l10n-de');
  await wb.page.keyboard.press('Enter');
  const linted = wb.page.locator('.statusbar-item', { hasText: /Integration Docs: \d+ Datei\(en\) geprüft/ });
  await linted.waitFor();
  wb.log(`German: ${(await status.innerText()).trim()} · palette: ${title} · ${(await linted.innerText()).trim()}`);
  for (const row of rows.slice(0, 4)) wb.log(`  Problems: ${row.replace(/\s+/g, ' ')}`);
}

/**
 * @param {object} o  as vsixCheck's (vsix-check.mjs), plus vsix: resolves with the packaged VSIX
 * @param {() => Promise<{ file: string }>} o.vsix
 * @returns {Promise<boolean>}
 */
export async function l10nCheck({ page, node, codeServerEntry, tmp, artifacts, startCodeServer, vsix }) {
  try {
    const dir = join(tmp, 'l10n-server');
    const userDataDir = join(dir, 'user');
    writeUserSettings(userDataDir);
    const pack = await vscePackage(join(ROOT, 'test/host/l10n-pack'), join(tmp, 'test-display-language-de.vsix'), ['--skip-license']);
    const { file } = await vsix();
    const folder = join(tmp, 'l10n-workspace');
    copySampleWorkspace(folder);
    const port = await freePort();
    const server = await startCodeServer(node, codeServerEntry, dir, port, 'code-server-l10n.log', {
      userDataDir,
      smokeTestDriver: false,
      args: ['--locale', 'de', ...[file, pack].map((f) => `--vscode-option=install-extension=${f}`)],
    });
    const died = new Promise((_, rej) => server.once('exit', (c, s) => rej(new Error(`code-server exited (${s ?? c})`))));
    const url = folderUrl(`127.0.0.1:${port}`, folder);
    const run = async () => {
      // code-server starts VS Code's server (which installs the two) on the first request
      assert.equal((await fetch(url)).status, 200);
      log(`l10n: ${await germanPackListed(userDataDir)} lists the German pack`);
      const wb = new Workbench(page, artifacts);
      await page.goto(url);
      await wb.ready();
      await wb.workspaceListed('acme-implementation-guide.md');
      await german(wb);
    };
    await Promise.race([run(), died]);
    log(`ui ✓ ${NAME}`);
    return true;
  } catch (err) {
    log(`ui ✗ ${NAME}\n${err?.stack ?? err}`);
    await page.screenshot({ path: join(artifacts, 'host', 'failed-l10n.png') }).catch(() => {});
    return false;
  }
}
