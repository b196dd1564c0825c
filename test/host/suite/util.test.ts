import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { waitForDiagnostics } from './util';

suite('test helpers', () => {
  test('waitForDiagnostics resolves on onDidChangeDiagnostics', async () => {
    const collection = vscode.languages.createDiagnosticCollection('host-test-self-check');
    try {
      const uri = vscode.Uri.file('/host-test-self-check.md');
      const waiting = waitForDiagnostics(uri, (d) => d.length === 1, 5_000);
      collection.set(uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'self-check')]);
      const diagnostics = await waiting;
      assert.equal(diagnostics[0].message, 'self-check');
    } finally {
      collection.dispose();
    }
  });
});
