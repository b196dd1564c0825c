// Helpers shared by the extension-host tests (bundled into each *.test.js that imports them).
import * as vscode from 'vscode';

/** `<publisher>.<name>` from package.json. */
export const EXTENSION_ID = 'integration-docs.integration-docs';

/**
 * The extension under test, activated; `api` is what its `activate()` returned.
 * Throws if VS Code did not load the extension (e.g. a wrong extensionDevelopmentPath).
 */
export async function activateExtension<Api = unknown>(): Promise<{ ext: vscode.Extension<Api>; api: Api }> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this VS Code`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  return { ext, api };
}

/**
 * Resolves with the diagnostics of `uri` as soon as `accept` returns true for them,
 * checking now and on every `onDidChangeDiagnostics` for that URI; rejects after
 * `timeoutMs` with the last diagnostics seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      done();
      resolve(diagnostics);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => d.message);
      reject(new Error(`timed out after ${timeoutMs}ms waiting for diagnostics on ${uri.fsPath}; last: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}
