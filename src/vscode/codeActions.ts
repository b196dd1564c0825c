/**
 * Quick fixes on findings: fill a field (asks for the value), and the verified fixes of the
 * engine (`core/fixes.ts`): mark done, keep/remove a block, suppress, and the plan fixes.
 * This file only turns them into code actions; what is offered and why is decided in the core.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import type { TextEdit } from '../core/edits';
import { fixSession, fixesFor, headingFixAt, type Fix, type FixSession } from '../core/fixes';
import { answerEdits, templateKindOf, type TemplateField } from '../core/templates/index';
import { rangeOf, ruleOf } from './convert';
import { localTitle } from './coreText';
import { DocumentFieldCache, fieldAt, fieldTitle, typeProblem } from './fieldInfo';
import type { LintService, LintResult } from './linting';
import type { SourceIndex } from './sources';

/** Command ids behind the code actions. */
export const FILL_COMMAND = 'integrationDocs.fillPlaceholder';
export const CREATE_SOURCE_COMMAND = 'integrationDocs.createSource';

/** Arguments of the fill command (also a test hook: pass `value` to skip the prompt). */
export interface FillArgs {
  uri: string;
  start: number;
  end: number;
  text: string;
  all: boolean;
  /** With `all`: the key of the shared field (`documentFields`) whose places are filled. */
  key?: string;
  choices?: string[];
  value?: string;
  /** The field's name and dialect as the linter read them (the finding's data), for a field the field list no longer knows. */
  name?: string;
  dialect?: string;
  fieldKind?: string;
}

/** Arguments of the create-source command: the document and the source path as written in it. */
export interface CreateSourceArgs {
  uri: string;
  path: string;
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
  /** The fixes of the latest lint result asked about (code actions are asked for on every cursor move). */
  private memo: { result: LintResult; session: FixSession; fixes: Map<Finding, Fix[]> } | undefined;

  constructor(
    private readonly linting: LintService,
    private readonly fields: DocumentFieldCache,
  ) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.linting.result(doc.uri);
    if (!result || result.version !== doc.version || result.skipped) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const rule = ruleOf(diagnostic);
      if (!rule) continue;
      const finding = result.findings.find((f) => f.rule === rule && sameRange(f, diagnostic.range));
      if (!finding) continue;
      actions.push(...fillActions(doc, finding, () => this.fields.of(doc), diagnostic));
      actions.push(...this.fixesOf(doc, result, finding).map((fix) => toAction(doc, fix, diagnostic)));
    }
    const at = doc.offsetAt(range.start);
    if (result.model.headings.some((h) => h.start <= at && at <= h.end)) {
      actions.push(...headingFixAt(this.memoFor(doc, result).session, at).map((fix) => toAction(doc, fix, undefined)));
    }
    return actions;
  }

  private memoFor(doc: vscode.TextDocument, result: LintResult): { session: FixSession; fixes: Map<Finding, Fix[]> } {
    if (this.memo?.result !== result) {
      const options = { ...result.options, eol: doc.eol === vscode.EndOfLine.CRLF ? ('\r\n' as const) : ('\n' as const) };
      this.memo = { result, session: fixSession(doc.getText(), options, result.model, result.facts), fixes: new Map() };
    }
    return this.memo;
  }

  private fixesOf(doc: vscode.TextDocument, result: LintResult, finding: Finding): Fix[] {
    const memo = this.memoFor(doc, result);
    let fixes = memo.fixes.get(finding);
    if (!fixes) {
      fixes = fixesFor(memo.session, finding);
      memo.fixes.set(finding, fixes);
    }
    return fixes;
  }
}

/**
 * The fill actions of a field: they ask for a value, so they are commands, checked when run.
 * "Fill all" is offered only for a field whose places share one answer (an identifier, or a
 * field the document's template schema shares), never for a descriptive text such as `[X]`
 * that means something else at each place.
 */
function fillActions(doc: vscode.TextDocument, f: Finding, fields: () => readonly TemplateField[], diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const data = f.data;
  if (data?.kind !== 'placeholder') return [];
  const out: vscode.CodeAction[] = [];
  const action = (title: string, preferred: boolean, args: FillArgs) => {
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    a.diagnostics = [diagnostic];
    a.isPreferred = preferred;
    a.command = { command: FILL_COMMAND, title, arguments: [args] };
    out.push(a);
  };
  const field = fieldAt(fields(), f.startOffset);
  const args: FillArgs = { uri: doc.uri.toString(), start: f.startOffset, end: f.endOffset, text: data.text, all: false, choices: field?.choices ?? data.choices, name: data.name, dialect: data.dialect, fieldKind: data.fieldKind };
  action(args.choices ? vscode.l10n.t('Choose {0}…', data.text) : vscode.l10n.t('Fill {0}…', data.text), true, args);
  const same = field?.shared ? field.occurrences.length : 0;
  if (same > 1 && field) {
    const allLabel = args.choices
      ? vscode.l10n.t('Choose all {0} {1} in this document…', same, data.text)
      : vscode.l10n.t('Fill all {0} {1} in this document…', same, data.text);
    action(allLabel, false, { ...args, all: true, key: field.key });
  }
  return out;
}

/** A verified fix as a code action: its edits as one undoable workspace edit, or the create-file command. */
function toAction(doc: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction {
  const title = localTitle(fix.label);
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  if (diagnostic) a.diagnostics = [diagnostic];
  a.isPreferred = fix.preferred === true;
  if (fix.createFile !== undefined) {
    const args: CreateSourceArgs = { uri: doc.uri.toString(), path: fix.createFile };
    a.command = { command: CREATE_SOURCE_COMMAND, title, arguments: [args] };
  } else {
    a.edit = workspaceEdit(doc, fix.edits);
  }
  return a;
}

/**
 * Creates a missing source as an empty file and opens it. Only inside the workspace root of
 * the document, never over an existing file, and never through a folder that is a symbolic
 * link (it could lead outside the workspace).
 */
export async function createSource(sources: SourceIndex, args: CreateSourceArgs): Promise<boolean> {
  const doc = vscode.Uri.parse(args.uri);
  const at = sources.locate(doc, args.path);
  const root = sources.rootOf(doc);
  const refuse = (why: string) => {
    void vscode.window.showWarningMessage(why);
    return false;
  };
  if (!at || !root) return refuse(vscode.l10n.t('Integration Docs: {0} was not created: its place in the workspace is not known.', args.path));
  if (at.outside) return refuse(vscode.l10n.t('Integration Docs: {0} was not created: it is outside the workspace.', args.path));
  if (at.folder) return refuse(vscode.l10n.t('Integration Docs: {0} was not created: it names a folder.', args.path));
  if (await exists(at.uri)) return refuse(vscode.l10n.t('Integration Docs: {0} was not created: it already exists.', args.path));
  for (let dir = vscode.Uri.joinPath(at.uri, '..'); dir.path.length > root.path.length && dir.path.startsWith(`${root.path}/`); dir = vscode.Uri.joinPath(dir, '..')) {
    const stat = await statOf(dir);
    if (stat && (stat.type & vscode.FileType.SymbolicLink) !== 0) {
      return refuse(vscode.l10n.t('Integration Docs: {0} was not created: the folder {1} is a symbolic link.', args.path, vscode.workspace.asRelativePath(dir)));
    }
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(at.uri, { overwrite: false, ignoreIfExists: true });
  if (!(await vscode.workspace.applyEdit(edit))) return refuse(vscode.l10n.t('Integration Docs: {0} was not created: the workspace refused the new file.', args.path));
  await vscode.window.showTextDocument(at.uri, { preview: true });
  return true;
}

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return (await statOf(uri)) !== undefined;
}

/** Asks for a value (an input box, or a quick pick for a choice field); undefined when cancelled. */
async function askValue(args: FillArgs, field: TemplateField | undefined): Promise<string | undefined> {
  if (args.value !== undefined) return args.value;
  const name = field ? fieldTitle(field) : args.text;
  if (args.choices?.length) {
    return vscode.window.showQuickPick(args.choices, { title: vscode.l10n.t('Integration Docs: {0}', name), placeHolder: field?.help ?? vscode.l10n.t('Pick a value') });
  }
  const places = field?.occurrences.length ?? 1;
  return vscode.window.showInputBox({
    title: args.all ? vscode.l10n.t('Integration Docs: fill {0} at its {1} places', name, places) : vscode.l10n.t('Integration Docs: fill {0}', name),
    prompt: field?.help ?? vscode.l10n.t('The text that replaces the field'),
    placeHolder: args.name ?? args.text,
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter a value, or press Escape to leave the field as it is') : field ? typeProblem(field, v) : undefined),
  });
}

/**
 * Fills a field at this place — or, with `all`, at every place of the shared field `key` — in
 * one undoable edit (`answerEdits`: frontmatter values stay valid YAML). Only places where the
 * field's text still stands are written, so an edit made meanwhile is never clobbered.
 */
export async function fillPlaceholder(cache: DocumentFieldCache, args: FillArgs): Promise<boolean> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const fields = cache.of(doc);
  const found = args.all ? fields.find((f) => f.key === args.key && f.shared) : fieldAt(fields, args.start);
  const value = await askValue(args, found);
  if (value === undefined || value.trim() === '') return false;
  const here = { start: args.start, end: args.end };
  // Not `all`: exactly this place, whatever field it belongs to.
  const target = args.all && found ? found : { ...(found ?? fallbackField(args)), key: '·', occurrences: [here] };
  const text = doc.getText();
  const edits = answerEdits(text, [target], { [target.key]: value }).filter((e) => args.all || (e.start <= here.start && here.end <= e.end));
  if (edits.length === 0 || (!args.all && text.slice(here.start, here.end) !== args.text)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Integration Docs: {0} is no longer at that place; nothing was changed.', args.text));
    return false;
  }
  return vscode.workspace.applyEdit(workspaceEdit(doc, edits));
}

/** A stand-in field for a place the field list does not know (the document changed meanwhile). */
function fallbackField(args: FillArgs): TemplateField {
  const name = args.name ?? args.text;
  return { key: args.text, text: args.text, name, kind: templateKindOf(args), occurrences: [], label: name, type: 'text', shared: false, context: { line: 0 } };
}
