/** Quick fixes on findings: fill a field, mark an item done, keep/remove a block, suppress. */
import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import { suppressionEdits, markDoneEdit, resolveConditionalEdits, type TextEdit } from '../core/edits';
import { rangeOf, ruleOf } from './convert';
import type { LintService } from './linting';

/** Command ids behind the code actions. */
export const FILL_COMMAND = 'integrationDocs.fillPlaceholder';

/** Arguments of the fill command (also a test hook: pass `value` to skip the prompt). */
export interface FillArgs {
  uri: string;
  start: number;
  end: number;
  text: string;
  all: boolean;
  choices?: string[];
  value?: string;
}

function workspaceEdit(doc: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  return we;
}

function sameRange(f: Finding, range: vscode.Range): boolean {
  return rangeOf(f).isEqual(range);
}

export class QuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly linting: LintService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.linting.result(doc.uri);
    if (!result || result.version !== doc.version) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const rule = ruleOf(diagnostic);
      if (!rule) continue;
      const finding = result.findings.find((f) => f.rule === rule && sameRange(f, diagnostic.range));
      if (!finding) continue;
      actions.push(...this.fixes(doc, finding, result.findings, diagnostic));
    }
    return actions;
  }

  private fixes(doc: vscode.TextDocument, f: Finding, all: readonly Finding[], diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    const action = (title: string, preferred = false) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.diagnostics = [diagnostic];
      a.isPreferred = preferred;
      out.push(a);
      return a;
    };
    const data = f.data;
    if (data?.kind === 'placeholder') {
      const args: FillArgs = { uri: doc.uri.toString(), start: f.startOffset, end: f.endOffset, text: data.text, all: false, choices: data.choices };
      const same = all.filter((g) => g.data?.kind === 'placeholder' && g.data.text === data.text).length;
      const label = data.choices ? vscode.l10n.t('Choose {0}…', data.text) : vscode.l10n.t('Fill {0}…', data.text);
      action(label, true).command = { command: FILL_COMMAND, title: label, arguments: [args] };
      if (same > 1) {
        const allLabel = data.choices
          ? vscode.l10n.t('Choose all {0} {1} in this document…', same, data.text)
          : vscode.l10n.t('Fill all {0} {1} in this document…', same, data.text);
        action(allLabel).command = { command: FILL_COMMAND, title: allLabel, arguments: [{ ...args, all: true }] };
      }
    }
    const done = markDoneEdit(f);
    if (done) action(vscode.l10n.t('Mark item done'), true).edit = workspaceEdit(doc, [done]);
    if (data?.kind === 'conditional' && data.close) {
      action(vscode.l10n.t('Keep block "{0}" (remove its markers)', data.name)).edit = workspaceEdit(doc, resolveConditionalEdits(doc.getText(), f, true));
      action(vscode.l10n.t('Remove block "{0}"', data.name)).edit = workspaceEdit(doc, resolveConditionalEdits(doc.getText(), f, false));
    }
    const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    action(vscode.l10n.t('Suppress {0} on this line', f.rule)).edit = workspaceEdit(doc, suppressionEdits(doc.getText(), f, eol));
    return out;
  }
}

/** Asks for a value (an input box, or a quick pick for a choice list); undefined when cancelled. */
async function askValue(args: FillArgs): Promise<string | undefined> {
  if (args.value !== undefined) return args.value;
  if (args.choices?.length) {
    const picked = await vscode.window.showQuickPick(args.choices, { title: vscode.l10n.t('Integration Docs: {0}', args.text), placeHolder: vscode.l10n.t('Pick a value') });
    return picked;
  }
  return vscode.window.showInputBox({
    title: args.all ? vscode.l10n.t('Integration Docs: fill {0} (every occurrence)', args.text) : vscode.l10n.t('Integration Docs: fill {0}', args.text),
    prompt: vscode.l10n.t('The text that replaces the field'),
    placeHolder: args.text.replace(/^\[|\]$|^\{\{|\}\}$/g, ''),
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter a value, or press Escape to leave the field as it is') : undefined),
  });
}

/**
 * Fills a field — or every identical field of the document — in one undoable edit. Checks
 * that the text at the range is still the field, so an edit made meanwhile is never clobbered.
 */
export async function fillPlaceholder(linting: LintService, args: FillArgs): Promise<boolean> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const value = await askValue(args);
  if (value === undefined || value.trim() === '') return false;
  const text = doc.getText();
  let spans: { start: number; end: number }[];
  if (args.all) {
    const result = linting.result(doc.uri) ?? (await linting.lintNow(doc));
    spans = (result?.findings ?? []).filter((f) => f.data?.kind === 'placeholder' && f.data.text === args.text).map((f) => ({ start: f.startOffset, end: f.endOffset }));
  } else {
    spans = [{ start: args.start, end: args.end }];
  }
  spans = spans.filter((s) => text.slice(s.start, s.end) === args.text);
  if (spans.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Integration Docs: {0} is no longer at that place; nothing was changed.', args.text));
    return false;
  }
  return vscode.workspace.applyEdit(workspaceEdit(doc, spans.map((s) => ({ ...s, newText: value }))));
}
