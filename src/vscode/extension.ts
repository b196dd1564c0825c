import * as vscode from 'vscode';

/** Minimal activation; the real composition root lands with the extension issue. */
export function activate(_context: vscode.ExtensionContext) {
  return { ready: true };
}

export function deactivate(): void {}
