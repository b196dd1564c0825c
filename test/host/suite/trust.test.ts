/**
 * Workspace trust in a real VS Code. The harness runs code-server with workspace trust off, so
 * the workspace is trusted: its restricted settings apply and the Restricted Mode item stays
 * hidden. (The untrusted side is checked on the policy in test/unit/restricted.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test, suiteSetup } from 'mocha';
import { activateExtension } from './util';
import type { IntegrationDocsApi } from '../../../src/vscode/extension';

let api: IntegrationDocsApi;

suite('workspace trust', () => {
  suiteSetup(async () => {
    api = (await activateExtension<IntegrationDocsApi>()).api;
  });

  test('trusted: a workspace value of a restricted setting applies, and nothing is reported as not applied', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    const root = (vscode.workspace.workspaceFolders ?? [])[0].uri;
    const uri = vscode.Uri.joinPath(root, 'trust-size.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`# Size\n\n${'Customer: [Customer name]\n'.repeat(100)}`));
    const config = vscode.workspace.getConfiguration('integrationDocs');
    await config.update('maxFileSizeKB', 1, vscode.ConfigurationTarget.Workspace);
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const result = await api.lintNow(doc);
      assert.match(result?.skipped ?? '', /maxFileSizeKB \(1 KB\)/, 'the workspace value (1 KB) applies in a trusted workspace');
      assert.deepEqual(api.restricted.notApplied, []);
      assert.equal(api.restricted.tooltip, undefined);
    } finally {
      await config.update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
