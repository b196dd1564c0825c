// UI-level checks run by test/host/run.mjs after the extension-host suite passed,
// in a fresh load of the workbench (with the extension under development, no tests):
// what a person sees. Add a check by appending { name, run }; throw to fail.
import assert from 'node:assert/strict';

/** @typedef {{ name: string, run: (wb: import('./ui.mjs').Workbench) => Promise<void> }} UiCheck */

/** @type {UiCheck[]} */
export const uiChecks = [
  {
    name: 'the Problems panel lists the findings of an open doc, and the status bar counts them',
    async run(wb) {
      await wb.openFile('acme-implementation-guide.md');
      await wb.openProblems();
      const rows = await wb.waitForProblemRows((r) => r.some((t) => t.includes('Unfilled placeholder')) && r.some((t) => /acme-implementation-guide\.md/.test(t)));
      for (const row of rows.slice(0, 6)) wb.log(`  ${row.replace(/\s+/g, ' ')}`);
      assert.ok(rows.some((t) => t.includes('integration-docs')), 'rows name the source integration-docs');
      const status = wb.page.locator('.statusbar-item', { hasText: /fields · DoD \d+\/5/ });
      await status.waitFor();
      wb.log(`status bar: ${(await status.innerText()).trim()}`);
      await wb.screenshot('problems');
    },
  },
  {
    name: 'the command palette runs "Lint All Integration Docs" and unopened docs appear',
    async run(wb) {
      const before = await wb.page.locator('.markers-panel').evaluate(() => document.querySelector('.panel .composite-bar .badge-content')?.textContent ?? '');
      await wb.runCommand('Integration Docs: Lint All Integration Docs');
      const done = wb.page.locator('.statusbar-item', { hasText: /Integration Docs: Linted \d+ file/ });
      await done.waitFor();
      wb.log(`${(await done.innerText()).trim()} (Problems badge before: ${before})`);
      const filter = wb.page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
      await filter.fill('implementation-plan');
      const rows = await wb.waitForProblemRows((r) => r.some((t) => /implementation-plan\.md/.test(t)));
      wb.log(`filtered rows: ${rows.slice(0, 3).map((t) => t.replace(/\s+/g, ' ')).join(' | ')}`);
      await wb.screenshot('lint-all');
      await filter.fill('');
    },
  },
  {
    name: 'the outline view shows the integration page against its plan',
    async run(wb) {
      await wb.openFile('northwind-integration-page.md');
      // The view is titled by the document's title. Make room: collapse the file explorer section.
      const files = wb.page.locator('.pane-header', { hasText: 'workspace' }).first();
      if ((await files.getAttribute('aria-expanded')) === 'true') await files.click();
      // A row only this page has: the view's title changes before its rows, and the guide opened before
      // has a "Prerequisites" row too (a screenshot once showed the guide's rows under this title).
      const rows = await wb.showOutline('Acme Ledger + Northwind Payments', 'What This Integration Does');
      wb.log(`outline rows: ${rows.slice(-12).join(' | ')}`);
      await wb.screenshot('outline');
    },
  },
  {
    name: 'New Document from Template (Quick Input) walks its steps (step n of m, Leave the rest, blocks, file name) and opens the doc',
    async run(wb) {
      const widget = wb.page.locator('.quick-input-widget');
      // The quick input fades between steps: wait for finite animations to end before a screenshot.
      const settled = () => wb.page.evaluate(() => Promise.all(document.getAnimations().filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime)).map((a) => a.finished.catch(() => {}))));
      const input = wb.page.locator('.quick-input-widget input.input');
      // Like wb.runCommand, but the command opens its own quick input right away.
      await wb.paletteRun('>Integration Docs: New Document from Template (Quick Input)', 'New Document from Template (Quick Input)');
      await widget.locator('.quick-input-title', { hasText: 'New Document from Template' }).waitFor();
      await input.fill('Implementation Plan');
      await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Implementation Plan' }).first().waitFor();
      await wb.page.keyboard.press('Enter');
      const step2 = widget.locator('.quick-input-message', { hasText: /Step 2 of \d+/ });
      await step2.waitFor();
      const total = /Step 2 of (\d+)/.exec(await step2.innerText())?.[1];
      wb.log(`step 2: ${(await step2.innerText()).trim()} · title: ${(await widget.locator('.quick-input-title').innerText()).trim()}`);
      assert.ok(Number(total) > 50, `implementation plan has ${total} steps`);
      await input.fill('Acme');
      await settled();
      await wb.screenshot('new-document');
      await wb.page.keyboard.press('Enter');
      await widget.locator('.quick-input-message', { hasText: /Step 3 of / }).waitFor();
      await widget.locator('.quick-input-titlebar .codicon-check-all').click();
      const blocks = widget.locator('.monaco-list-row', { hasText: 'HAS_DATA_MIGRATION' });
      await blocks.first().waitFor();
      await settled();
      await wb.screenshot('new-document-blocks');
      await wb.page.keyboard.press('Enter');
      await widget.locator('.quick-input-message', { hasText: 'File name' }).waitFor();
      const name = await input.inputValue();
      wb.log(`proposed file name: ${name}`);
      assert.match(name, /^implementation-plan-acme(-\d+)?\.md$/);
      await wb.page.keyboard.press('Enter');
      await wb.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
      await wb.page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'template: implementation-plan' }).first().waitFor();
      // The outline view follows the new document.
      await wb.page.locator('.pane-body .monaco-list-row', { hasText: 'EXECUTIVE SUMMARY' }).first().waitFor();
      await wb.screenshot('new-document-created');
    },
  },
  {
    name: 'the Getting Started walkthrough opens with its five steps and shows each step\'s picture',
    async run(wb) {
      await wb.paletteRun('>Welcome: Open Walkthrough', 'Open Walkthrough');
      await wb.quickPick('Get Started with Integration Docs');
      const page = wb.page.locator('.gettingStartedContainer');
      await page.waitFor();
      // Give the page the room a reader would: no panel, no side bar (the pictures sit beside the steps).
      if (await wb.page.locator('.panel.basepanel').isVisible()) {
        await wb.page.keyboard.press('Control+J');
        await wb.page.locator('.panel.basepanel').waitFor({ state: 'hidden' });
      }
      await wb.page.keyboard.press('Control+B');
      await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
      const titles = ['Start a doc from a template', 'See every unfilled field', 'Fill a field with a quick fix', 'Check the doc against its plan', 'Keep docs clean in CI'];
      for (const t of titles) await page.locator('.getting-started-step', { hasText: t }).first().waitFor();
      await page.locator('.getting-started-step', { hasText: 'See every unfilled field' }).first().click();
      const picture = page.locator('.getting-started-media img[srcset*="fields.svg"]').first();
      await picture.waitFor();
      await wb.page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await picture.elementHandle());
      const alt = await picture.getAttribute('alt');
      assert.ok(alt && alt.length > 20, 'the picture has alt text');
      wb.log(`walkthrough steps: ${titles.length}, picture: ${alt}`);
      await wb.screenshot('walkthrough');
      await wb.page.keyboard.press('Control+W');
      await wb.page.keyboard.press('Control+B');
      await wb.page.locator('.part.sidebar').waitFor();
    },
  },
  {
    name: 'New Document from Template opens the form: typed fields, a live preview, and closing it (Escape, then close) keeps the answers',
    async run(wb) {
      const open = async () => {
        const input = await wb.typeForRow('F1', '>Integration Docs: New Document from Template…', 'New Document from Template…');
        // Click this entry: the Quick Input one, used a moment ago, is listed first as recently used.
        await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'New Document from Template…' }).first().click();
        await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'New Document from Template' }).waitFor();
        await input.fill('Integration Page');
        await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Integration Page' }).first().waitFor();
        await wb.page.keyboard.press('Enter');
        await wb.page.locator('.tabs-container .tab.active', { hasText: 'New Integration Page' }).waitFor();
        // The webview's document sits in an inner frame of the panel's iframe.
        const form = wb.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
        await form.locator('form h1').waitFor();
        return form;
      };
      let form = await open();
      const partner = form.getByPlaceholder('[Partner]', { exact: true });
      await partner.fill('Globex Pay');
      await form.locator('.preview pre', { hasText: 'Globex Pay Integration' }).waitFor();
      const slug = await form.getByPlaceholder('[partner-name]', { exact: true }).inputValue();
      wb.log(`slug field follows the partner: ${slug}; sections: ${(await form.locator('legend').allInnerTexts()).slice(0, 6).join(' | ')}`);
      assert.equal(slug, 'globex-pay');
      await form.locator('select').first().waitFor();
      await wb.screenshot('form');

      await partner.press('Escape');
      await wb.page.locator('.tabs-container .tab.active', { hasText: 'New Integration Page' }).locator('.tab-actions .action-label').click();
      await wb.page.locator('.tabs-container .tab', { hasText: 'New Integration Page' }).waitFor({ state: 'detached' });
      form = await open();
      const restored = await form.getByPlaceholder('[Partner]', { exact: true }).inputValue();
      wb.log(`reopened: Partner = ${restored}`);
      assert.equal(restored, 'Globex Pay', 'the draft survives closing the form');
      await form.getByRole('button', { name: 'Cancel' }).click();
      await wb.page.locator('.tabs-container .tab', { hasText: 'New Integration Page' }).waitFor({ state: 'detached' });
    },
  },
];
