// Playwright helpers for UI-level checks against the VS Code workbench (code-server
// in Chromium): what a person sees. Wait on selectors, never on fixed sleeps.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const QUICK_INPUT = '.quick-input-widget';

/** A VS Code workbench loaded in a Playwright page. */
export class Workbench {
  /**
   * @param {import('playwright-core').Page} page
   * @param {string} artifactsDir  where screenshots go (test-artifacts/)
   */
  constructor(page, artifactsDir) {
    this.page = page;
    this.artifactsDir = artifactsDir;
  }

  /** Waits until the workbench is rendered and an editor area exists. */
  async ready() {
    await this.page.locator('.monaco-workbench .part.editor').waitFor();
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor();
  }

  /**
   * Waits until the Explorer lists `name` at the workspace root: the folder is read, so Quick
   * Open finds its files (on a loaded machine a fresh workbench can take a minute to get there).
   * @param {string} name  a file at the root of the workspace
   */
  async workspaceListed(name, timeoutMs = 120_000) {
    if (!(await this.page.locator('.explorer-folders-view').isVisible())) await this.page.keyboard.press('Control+Shift+E');
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await row.waitFor({ timeout: Math.max(1, Math.min(15_000, deadline - Date.now())) });
        return;
      } catch (e) {
        if (Date.now() >= deadline) throw e;
      }
      // The list renders only the rows in view: a workbench restored with folders expanded or an
      // editor open further down has `name` out of view. Collapse the folders (a root file then
      // follows the folder rows), focus the Explorer and go to its first row.
      await this.paletteRun('>Collapse Folders in Explorer', 'Collapse Folders in Explorer');
      await this.page.locator(`${QUICK_INPUT} input.input`).waitFor({ state: 'hidden' });
      await this.page.keyboard.press('Control+Shift+E');
      await this.page.locator('.explorer-folders-view .monaco-list.focused, .explorer-folders-view .monaco-list:focus-within').first().waitFor({ timeout: 5_000 }).catch(() => {});
      await this.page.keyboard.press('Home');
    }
  }

  /** Prints a line tagged as UI output. */
  log(message) {
    console.log(`[ui] ${message}`);
  }

  /**
   * Opens a workspace file the way a user does: Control+P, type its name, pick it.
   * Resolves once its editor tab is active.
   * @param {string} name  file name (or relative path) in the workspace
   */
  async openFile(name) {
    const base = name.split('/').pop();
    await this.typeForRow('Control+P', name, base);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: base }).waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /**
   * Runs a command from the palette: F1, type its title, pick the matching entry.
   * @param {string} title  the command's title as shown in the palette
   */
  async runCommand(title) {
    await this.typeForRow('F1', `>${title}`, title);
    await this.page.keyboard.press('Enter');
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  }

  /**
   * Opens the command palette with `text` typed (`>Title` for commands), waits for a row
   * containing `row` and presses Enter, leaving any quick input the command opens.
   * @returns the quick input's text box, for the next step
   */
  async paletteRun(text, row) {
    const input = await this.typeForRow('F1', text, row);
    await this.page.keyboard.press('Enter');
    return input;
  }

  /**
   * Opens a quick input with `key` (F1, Control+P), types `text` and waits until a row contains
   * `row`. A busy workbench can take the focus back while the widget opens (the widget then
   * closes) or reset its text as it shows, and a palette opened while the workbench still loads
   * lists the commands registered by then (a fresh web host once showed only "similar commands"
   * for "Output: Show Output Channels" through five retypes): when the row has not come within
   * 10 s, this logs what the widget shows, closes it, opens it again, types again, and waits
   * again, for up to 60 s.
   * @returns the quick input's text box
   */
  async typeForRow(key, text, row, timeoutMs = 60_000) {
    const input = this.page.locator(`${QUICK_INPUT} input.input`);
    const match = this.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: row }).first();
    const deadline = Date.now() + timeoutMs;
    const left = (most) => Math.max(1, Math.min(most, deadline - Date.now()));
    for (let attempt = 1; ; attempt++) {
      if (!(await input.isVisible())) await this.page.keyboard.press(key);
      try {
        await input.waitFor({ timeout: left(10_000) });
        await input.fill(text, { timeout: left(10_000) });
        await match.waitFor({ timeout: left(10_000) });
        return input;
      } catch (err) {
        if (Date.now() >= deadline) throw err;
        this.log(`quick input, attempt ${attempt}: no row "${row}" yet; it shows ${await this.quickInputState()}`);
        // Reopened, the widget asks again for its entries (the palette for the commands there are now).
        if (await input.isVisible()) {
          await this.page.keyboard.press('Escape');
          await input.waitFor({ state: 'hidden', timeout: left(5_000) }).catch(() => undefined);
        }
      }
    }
  }

  /** What the quick input shows now, for a log line: hidden, or its text and first rows. */
  async quickInputState() {
    const input = this.page.locator(`${QUICK_INPUT} input.input`);
    if (!(await input.isVisible().catch(() => false))) return 'nothing (hidden)';
    const value = await input.inputValue().catch(() => '?');
    const rows = await this.page.locator(`${QUICK_INPUT} .monaco-list-row`).allInnerTexts().catch(() => []);
    const shown = rows.slice(0, 3).map((r) => r.replace(/\s+/g, ' ').trim());
    return `${JSON.stringify(value)} with ${rows.length} row(s)${shown.length ? `: ${shown.join(' | ')}` : ''}`;
  }

  /**
   * In an open quick pick, waits for `ready` rows, types `text`, and picks the first row with it.
   * Like `typeForRow`, it types again when the row has not come within 10 s (a busy workbench can
   * replace the text while it fills the list), for up to 60 s; it never reopens the pick.
   */
  async quickPick(text, ready = text, timeoutMs = 60_000) {
    const input = this.page.locator(`${QUICK_INPUT} input.input`);
    const match = this.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: text }).first();
    await this.page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: ready }).first().waitFor();
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await input.fill(text, { timeout: Math.max(1, Math.min(10_000, deadline - Date.now())) });
        await match.waitFor({ timeout: Math.max(1, Math.min(10_000, deadline - Date.now())) });
        break;
      } catch (err) {
        if (Date.now() >= deadline) throw err;
        this.log(`quick pick, attempt ${attempt}: no row "${text}" yet; it shows ${await this.quickInputState()}`);
      }
    }
    await this.page.keyboard.press('Enter');
  }

  /**
   * Shows the outline view of the active document, titled `title`, with the panel hidden, and
   * waits for a section row `row`. Collapsed (a fresh profile), the view keeps its own name;
   * expanded, it takes the doc's title. Resolves with the view's rows.
   * @returns {Promise<string[]>}
   */
  async showOutline(title, row) {
    const view = this.page.locator('.pane-header', { hasText: new RegExp(`Integration Doc Outline|${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first();
    await view.waitFor();
    if ((await view.getAttribute('aria-expanded')) !== 'true') await view.click();
    await this.page.locator('.pane-header', { hasText: title }).waitFor();
    if (await this.page.locator('.panel.basepanel').isVisible()) {
      await this.page.keyboard.press('Control+J');
      await this.page.locator('.panel.basepanel').waitFor({ state: 'hidden' });
    }
    await this.page.locator('.pane-body .monaco-list-row', { hasText: row }).first().waitFor();
    const rows = await this.page.locator('[id="workbench.view.explorer"] .pane-body .monaco-list-row').allInnerTexts();
    return rows.map((t) => t.replace(/\s+/g, ' '));
  }

  /** Opens the Problems panel (Control+Shift+M) and waits for it to show. */
  async openProblems() {
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor();
    // A filter typed for another panel view can land in this one's box when the views switch
    // under it (a loaded run once showed "0 of 63" under the Output channel's filter text).
    const filter = this.page.locator('.part.panel .viewpane-filter input:visible').first();
    if ((await filter.count()) > 0 && (await filter.inputValue()) !== '') await filter.fill('');
  }

  /**
   * Texts of the rows currently in the Problems panel (file rows and problem rows;
   * the list is virtualised, so only visible rows are returned).
   * @returns {Promise<string[]>}
   */
  async problemRows() {
    return this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  }

  /**
   * Waits until the Problems panel rows satisfy `accept` (e.g. a diagnostic appeared).
   * @param {(rows: string[]) => boolean} accept
   * @param {number} [timeoutMs]
   * @returns {Promise<string[]>}
   */
  async waitForProblemRows(accept, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    const panelText = () => document.querySelector('.markers-panel')?.innerText ?? '';
    for (;;) {
      const rows = await this.problemRows();
      if (accept(rows)) return rows;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Problems panel rows never matched; last: ${JSON.stringify(rows)}`);
      // re-check when the panel's text changes (or after 500 ms at most)
      const before = await this.page.evaluate(panelText);
      await this.page
        .waitForFunction((b) => (document.querySelector('.markers-panel')?.innerText ?? '') !== b, before, {
          timeout: Math.min(500, left),
        })
        .catch(() => {});
    }
  }

  /**
   * Saves a PNG screenshot of the page to `test-artifacts/<name>.png`.
   * @param {string} name
   * @returns {Promise<string>} the file written
   */
  async screenshot(name) {
    mkdirSync(this.artifactsDir, { recursive: true });
    const file = join(this.artifactsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    this.log(`screenshot: ${file}`);
    return file;
  }
}
