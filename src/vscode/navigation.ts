/** Next Field / Previous Field: select the next unfilled field (or open item) after the cursor. */
import * as vscode from 'vscode';
import type { LintService } from './linting';

/** Offsets of the findings one can jump to, in document order. */
function targets(linting: LintService, doc: vscode.TextDocument): { start: number; end: number }[] {
  const r = linting.result(doc.uri);
  if (!r) return [];
  const fields = r.findings.filter((f) => f.rule === 'placeholder');
  const list = fields.length ? fields : r.findings;
  return list.map((f) => ({ start: f.startOffset, end: f.endOffset }));
}

/** Moves the selection to the next (or previous) field, wrapping around; false if there is none. */
export async function gotoField(linting: LintService, direction: 1 | -1): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  const doc = editor.document;
  if (linting.result(doc.uri)?.version !== doc.version) await linting.lintNow(doc);
  const list = targets(linting, doc);
  if (list.length === 0) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Integration Docs: no unfilled fields in this document'), 3000);
    return false;
  }
  const from = doc.offsetAt(editor.selection.start);
  const to = doc.offsetAt(editor.selection.end);
  const next =
    direction === 1
      ? (list.find((t) => t.start > from || (t.start === from && from === to)) ?? list[0])
      : ([...list].reverse().find((t) => t.start < from) ?? list[list.length - 1]);
  select(editor, next.start, next.end);
  return true;
}

/** Selects `[start, end)` in an editor and reveals it. */
export function select(editor: vscode.TextEditor, start: number, end: number): void {
  const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Opens a document and puts the cursor at an offset. */
export async function revealOffset(uri: string, offset: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri));
  select(editor, offset, offset);
}
