// UI-level checks run by test/host/run.mjs after the extension-host suite passed,
// in a fresh load of the workbench (with the extension under development, no tests).
// Add a check by appending { name, run } to the list; throw (e.g. node:assert) to fail.
import assert from 'node:assert/strict';

/** @typedef {{ name: string, run: (wb: import('./ui.mjs').Workbench) => Promise<void> }} UiCheck */

/** @type {UiCheck[]} */
export const uiChecks = [
  {
    name: 'open guide.md and show the Problems panel',
    async run(wb) {
      await wb.openFile('guide.md');
      await wb.openProblems();
      const rows = await wb.problemRows();
      wb.log(`Problems panel: ${rows.length} row(s)`);
      for (const row of rows) wb.log(`  ${row.replace(/\s+/g, ' ')}`);
      await wb.screenshot('problems');
      assert.ok(await wb.page.locator('.markers-panel').isVisible(), 'Problems panel should be visible');
    },
  },
];
