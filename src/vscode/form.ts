/**
 * The form: one webview panel with every field of a template (or the remaining fields of an
 * existing document), grouped by section, typed inputs, the `{{#if}}` blocks as toggles, the
 * file name and a live preview. The model is the core's (`core/templates/form.ts`); this file
 * only moves messages (`formProtocol.ts`) and touches the workspace.
 *
 * - Answers are a draft in the workspace state, saved on every change and keyed by template id
 *   or document URI: closing the panel (or a reload) never loses them; reopening restores
 *   them; Cancel discards them on purpose.
 * - Create writes the file with `workspace.fs` after checking it does not exist (never
 *   overwrites) and opens it. Apply (a document form) puts every answer into the document as one
 *   `WorkspaceEdit` (one undo step), refused when the document changed since its fields were read.
 * - The webview is locked down: `default-src 'none'`, one nonce script, styles and script only
 *   from `media/`, no remote content; it gets every text it shows from the extension.
 */
import * as vscode from 'vscode';
import {
  answerProblems,
  derivedAnswers,
  documentFields,
  documentForm,
  formEdits,
  formFileName,
  initialAnswers,
  initialToggles,
  localDate,
  preview,
  templateForm,
  type AnswerProblem,
  type FormModel,
  type TemplateInfo,
} from '../core/templates/index';
import { Disposable } from './dispose';
import { FILE_NAME_KEY, formStrings, isDraft, isFromWebview, type FormDraft, type FromWebview, type StateMessage, type ToWebview } from './formProtocol';
import { fileNameProblem, freeName, openDoc, writeNew } from './newDocument';
import { templateItems, type TemplateCatalog } from './templates';
import { isDocLanguage } from './languages';

const DRAFT_PREFIX = 'integrationDocs.formDraft/';
/** Typing in the form re-renders the preview at most this often. */
const PREVIEW_DELAY_MS = 150;
export const FORM_VIEW_TYPE = 'integrationDocs.form';

/** What a form fills: a new document from a template, or an open document's remaining fields. */
export type FormTarget =
  | { kind: 'template'; template: TemplateInfo; folder?: vscode.WorkspaceFolder }
  /** `templates`: the one the document names (`template:`) gives its fields' labels, help and types. */
  | { kind: 'document'; document: vscode.TextDocument; templates: readonly TemplateInfo[] };

/** What a form needs from the extension: where its media are, where drafts go. */
export interface FormHost {
  extensionUri: vscode.Uri;
  drafts: vscode.Memento;
}

function draftKey(target: FormTarget): string {
  return DRAFT_PREFIX + (target.kind === 'template' ? `template/${target.template.id}` : `document/${target.document.uri.toString()}`);
}

function titleOf(target: FormTarget): string {
  return target.kind === 'template' ? target.template.title : target.document.uri.path.split('/').pop() ?? target.document.uri.toString();
}

function modelOf(target: FormTarget, today: string): FormModel {
  if (target.kind === 'template') return templateForm(target.template, today);
  const text = target.document.getText();
  return documentForm(titleOf(target), text, documentFields(text, target.templates), today);
}

function problemText(problem: AnswerProblem): string {
  switch (problem) {
    case 'number':
      return vscode.l10n.t('Enter a number, e.g. 30 or 1,000');
    case 'url':
      return vscode.l10n.t('Enter a URL starting with https:// (or a path starting with /)');
    case 'slug':
      return vscode.l10n.t('Use lowercase letters, digits and hyphens only, e.g. acme-pay.');
  }
}

function nonce(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The page: a CSP allowing only this nonce's script and the media folder's stylesheet. */
export function formHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', name)).toString();
  const n = nonce();
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${n}'; img-src ${webview.cspSource}; font-src ${webview.cspSource}`;
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(vscode.env.language)}">`,
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${esc(media('form.css'))}">`,
    `<title>${esc(title)}</title>`,
    '</head>',
    '<body>',
    '<main id="app" aria-busy="true"></main>',
    `<script nonce="${n}" src="${esc(media('form.js'))}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** One open form. Tests drive it through `receive` and watch `onDidPost`, as the webview does. */
export class FormPanel extends Disposable {
  private readonly posted = this._register(new vscode.EventEmitter<ToWebview>());
  /** Every message posted to the webview. */
  readonly onDidPost = this.posted.event;
  /** Resolves with the created or filled document's URI, or undefined when the form closed without. */
  readonly done: Promise<vscode.Uri | undefined>;
  readonly draftKey: string;
  private finish!: (uri: vscode.Uri | undefined) => void;
  private readonly today = localDate(new Date());
  private model: FormModel;
  private draft: FormDraft;
  /** The document version the fields were read from (a document form). */
  private version: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts `change` messages: a state computed for an older draft is neither kept nor posted. */
  private changes = 0;
  private closed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly target: FormTarget,
    private readonly host: FormHost,
  ) {
    super();
    this.done = new Promise((resolve) => (this.finish = resolve));
    this.draftKey = draftKey(target);
    this.model = modelOf(target, this.today);
    this.version = target.kind === 'document' ? target.document.version : undefined;
    this.draft = this.restore();
    panel.webview.html = formHtml(panel.webview, host.extensionUri, titleOf(target));
    this._register(panel.webview.onDidReceiveMessage((m: unknown) => (isFromWebview(m) ? this.receive(m) : undefined)));
    this._register(panel.onDidDispose(() => this.dispose()));
  }

  override dispose(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.finish(undefined);
    super.dispose();
    this.panel.dispose();
  }

  /** The answers, toggles and file name as they stand (what the draft holds). */
  get current(): FormDraft {
    return structuredClone(this.draft);
  }

  /** Handles one message from the webview (tests call it the same way). */
  async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post(this.initMessage());
        this.post(await this.state());
        return;
      case 'change':
        this.changes++;
        this.draft = message.draft;
        this.save();
        this.schedule();
        return;
      case 'submit':
        return this.submit();
      case 'cancel':
        void this.host.drafts.update(this.draftKey, undefined);
        this.dispose();
        return;
    }
  }

  private post(message: ToWebview): void {
    if (this.closed) return;
    // A message racing the panel's closing is dropped: the draft already holds everything.
    this.panel.webview.postMessage(message).then(undefined, () => undefined);
    this.posted.fire(message);
  }

  private initMessage(): ToWebview {
    const asksFileName = this.target.kind === 'template' && this.target.folder !== undefined;
    return { type: 'init', view: this.model.view, draft: this.current, strings: formStrings(this.model.view.kind), asksFileName };
  }

  private restore(): FormDraft {
    const fresh: FormDraft = { answers: initialAnswers(this.model), edited: [], toggles: initialToggles(this.model) };
    const saved = this.host.drafts.get<unknown>(this.draftKey);
    if (!isDraft(saved)) return fresh;
    return { ...saved, answers: { ...fresh.answers, ...saved.answers }, toggles: { ...fresh.toggles, ...saved.toggles } };
  }

  private save(): void {
    void this.host.drafts.update(this.draftKey, this.draft);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const seen = this.changes;
      void this.state().then((s) => seen === this.changes && this.post(s));
    }, PREVIEW_DELAY_MS);
  }

  /** Preview, derived values and problems for the current draft (derived values join the draft). */
  private async state(): Promise<StateMessage> {
    const seen = this.changes;
    const edited = new Set(this.draft.edited);
    const derived = derivedAnswers(this.model, this.draft.answers, edited, this.today);
    const answers = { ...this.draft.answers, ...derived };
    const errors: Record<string, string> = {};
    for (const [key, problem] of Object.entries(answerProblems(this.model, answers))) errors[key] = problemText(problem);
    const file = await this.fileName(edited.has(FILE_NAME_KEY), answers);
    if (file?.derived !== undefined) derived[FILE_NAME_KEY] = file.derived;
    if (file?.problem) errors[FILE_NAME_KEY] = file.problem;
    if (seen === this.changes) {
      this.draft = { ...this.draft, answers, fileName: file?.name ?? this.draft.fileName };
      this.save();
    }
    const text = preview(this.model, answers, this.draft.toggles, this.today);
    return { type: 'state', preview: text, derived, errors, canSubmit: Object.keys(errors).length === 0 };
  }

  /** The file name (a free suggestion until typed into) and its problem, for a new document in a folder. */
  private async fileName(edited: boolean, answers: Record<string, string>): Promise<{ name: string; derived?: string; problem?: string } | undefined> {
    if (this.target.kind !== 'template' || !this.target.folder) return undefined;
    const root = this.target.folder.uri;
    const suggested = edited ? undefined : await freeName(root, formFileName(this.model, answers) ?? `${this.target.template.id}.md`);
    const name = suggested ?? this.draft.fileName ?? '';
    return { name, derived: suggested, problem: await fileNameProblem(root, name) };
  }

  private async submit(): Promise<void> {
    clearTimeout(this.timer);
    const state = await this.state();
    this.post(state);
    if (!state.canSubmit) return this.post({ type: 'failed', message: vscode.l10n.t('Some answers need attention; nothing was written.') });
    try {
      const uri = this.target.kind === 'template' ? await this.create(state.preview) : await this.apply(this.target.document);
      if (!uri) return;
      await this.host.drafts.update(this.draftKey, undefined);
      this.finish(uri);
      this.dispose();
    } catch (e) {
      this.post({ type: 'failed', message: (e as Error).message });
    }
  }

  private async create(text: string): Promise<vscode.Uri> {
    const folder = this.target.kind === 'template' ? this.target.folder : undefined;
    if (!folder) return openDoc(undefined, text);
    const uri = vscode.Uri.joinPath(folder.uri, (this.draft.fileName ?? '').trim());
    await writeNew(uri, text);
    return openDoc(uri, text);
  }

  /** One WorkspaceEdit with every answer, unless the document changed since its fields were read. */
  private async apply(document: vscode.TextDocument): Promise<vscode.Uri | undefined> {
    if (document.isClosed || document.version !== this.version) {
      this.model = modelOf(this.target, this.today);
      this.version = document.version;
      this.post(this.initMessage());
      this.post(await this.state());
      this.post({ type: 'failed', message: vscode.l10n.t('The document changed while the form was open: its fields were read again. Check the preview and apply again.') });
      return undefined;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const e of formEdits(this.model, this.draft.answers)) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('The edit could not be applied; the document is unchanged.'));
    await vscode.window.showTextDocument(document);
    return document.uri;
  }
}

/** The open forms, one per template or document: opening one again shows it. */
export class FormPanels extends Disposable {
  private readonly open = new Map<string, FormPanel>();
  private readonly opened = this._register(new vscode.EventEmitter<FormPanel>());
  /** Fires when a form opens (tests drive it from here). */
  readonly onDidOpen = this.opened.event;

  constructor(private readonly host: FormHost) {
    super();
    this._register({ dispose: () => [...this.open.values()].forEach((f) => f.dispose()) });
  }

  show(target: FormTarget): FormPanel {
    const key = draftKey(target);
    const existing = this.open.get(key);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const title = target.kind === 'template' ? vscode.l10n.t('New {0}', target.template.title) : vscode.l10n.t('Fill Fields: {0}', titleOf(target));
    const media = vscode.Uri.joinPath(this.host.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(FORM_VIEW_TYPE, title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [media] });
    const form = new FormPanel(panel, target, this.host);
    this.open.set(key, form);
    void form.done.then(() => this.open.get(key) === form && this.open.delete(key));
    this.opened.fire(form);
    return form;
  }
}

/** The folder a new document goes to: the active editor's, else the first. */
function targetFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

/** "New Document from Template…": pick a template, then fill it in the form. */
export async function newDocumentForm(catalog: TemplateCatalog, forms: FormPanels): Promise<FormPanel | undefined> {
  const { templates } = await catalog.list();
  const picked = await vscode.window.showQuickPick(templateItems(templates), {
    title: vscode.l10n.t('New Document from Template'),
    placeHolder: vscode.l10n.t('Pick a template — its fields open in a form with a preview'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked ? forms.show({ kind: 'template', template: picked.template, folder: targetFolder() }) : undefined;
}

/** "Fill Fields…": the remaining fields of a Markdown document (the active one, or `uri`) in the form. */
export async function fillFieldsForm(catalog: TemplateCatalog, forms: FormPanels, uri?: vscode.Uri): Promise<FormPanel | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !isDocLanguage(document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown document to fill its fields.'));
    return undefined;
  }
  return forms.show({ kind: 'document', document, templates: (await catalog.list()).templates });
}

/** Arguments of the form command for code (tests): a template id, or a document URI. */
export type OpenFormArgs = { templateId: string } | { uri: string };

/** Opens the form without asking anything; resolves with its controller. */
export async function openFormFor(catalog: TemplateCatalog, forms: FormPanels, args: OpenFormArgs): Promise<FormPanel | undefined> {
  if ('uri' in args) return fillFieldsForm(catalog, forms, vscode.Uri.parse(args.uri));
  const template = await catalog.get(args.templateId);
  if (!template) throw new Error(`Unknown template "${args.templateId}"`);
  return forms.show({ kind: 'template', template, folder: targetFolder() });
}
