/**
 * The composition root: wires the services and returns a small API for tests.
 * Everything here is cheap; linting starts with the first Markdown document.
 */
import * as vscode from 'vscode';
import { ConfigFiles, editorSettings } from './settings';
import { LintService, type LintResult } from './linting';
import { DiagnosticsPublisher } from './diagnostics';
import { QuickFixes, fillPlaceholder, createSource, FILL_COMMAND, CREATE_SOURCE_COMMAND, type FillArgs, type CreateSourceArgs } from './codeActions';
import { StatusBar, DodLenses } from './progress';
import { gotoField, revealOffset } from './navigation';
import { lintWorkspace } from './workspaceLint';
import { SourceIndex } from './sources';
import { TrustStatus } from './trust';
import { EXTENSION_HOST } from './realpath';
import { DOC_SELECTOR } from './languages';
import { OutlineTree } from './outlineTree';
import { DocsLink } from './docsLink';
import { DocumentFieldCache } from './fieldInfo';
import { FieldHover } from './fieldHover';
import { TemplateCatalog, insertTemplate, type InsertTemplateArgs } from './templates';
import { newDocumentFromArgs, newDocumentInteractive, type NewDocumentArgs } from './newDocument';
import type { StepInfo } from './quickInput';
import { FormPanels, fillFieldsForm, newDocumentForm, openFormFor, type OpenFormArgs } from './form';


/** What `activate` returns: enough for the host tests to observe the extension. */
export interface IntegrationDocsApi {
  /** The latest lint result of a document. */
  result(uri: vscode.Uri): LintResult | undefined;
  /** Fires after every lint. */
  onDidLint: vscode.Event<LintResult>;
  /** Lints a document now and returns its result. */
  lintNow(doc: vscode.TextDocument): Promise<LintResult | undefined>;
  /** The status bar text for the active editor. */
  statusText(): string;
  /** Restricted Mode: the workspace settings not applied until the workspace is trusted. */
  restricted: TrustStatus;
  /** The outline view's provider (items, labels, refresh). */
  outline: OutlineTree;
  /** Built-in and team templates (what both template pickers list). */
  templates: TemplateCatalog;
  /** Fires when a step of "New Document from Template (Quick Input)…" is shown (tests answer it with quick-input commands). */
  onDidShowTemplateStep: vscode.Event<StepInfo>;
  /** The open forms ("New Document from Template…", "Fill Fields…"); tests drive them through their messages. */
  forms: FormPanels;
  /** Milliseconds `activate` took. */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): IntegrationDocsApi {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('Integration Docs');
  // The rule docs: the shipped README, whose file name differs between a VSIX and a checkout.
  const docs = new DocsLink(context.extensionUri, context.extensionMode === vscode.ExtensionMode.Production);
  const configs = new ConfigFiles();
  const sources = new SourceIndex();
  const linting = new LintService(configs, sources);
  const diagnostics = new DiagnosticsPublisher(linting, docs, output);
  const statusBar = new StatusBar(linting);
  const lenses = new DodLenses(linting);
  const outline = new OutlineTree(linting, sources);
  const templates = new TemplateCatalog(output);
  // A document's fields by the core's identity rules, with the schema of the template it names.
  const fields = new DocumentFieldCache(() => templates.latest());
  const fixes = new QuickFixes(linting, fields);
  const templateStep = new vscode.EventEmitter<StepInfo>();
  const forms = new FormPanels({ extensionUri: context.extensionUri, drafts: context.workspaceState });
  // Called from code with an object having `templateId`, the template commands ask nothing (scripting API).
  const scripted = <T extends { templateId: string }>(args: unknown): T | undefined =>
    args !== null && typeof args === 'object' && typeof (args as { templateId?: unknown }).templateId === 'string' ? (args as T) : undefined;

  context.subscriptions.push(
    output,
    configs,
    sources,
    linting,
    outline,
    templates,
    templateStep,
    forms,
    diagnostics,
    docs,
    statusBar,
    lenses,
    vscode.languages.registerCodeActionsProvider(DOC_SELECTOR, fixes, { providedCodeActionKinds: QuickFixes.kinds }),
    vscode.languages.registerCodeLensProvider(DOC_SELECTOR, lenses),
    vscode.languages.registerHoverProvider(DOC_SELECTOR, new FieldHover(linting, fields)),
    vscode.commands.registerCommand(FILL_COMMAND, (args: FillArgs) => fillPlaceholder(fields, args)),
    vscode.commands.registerCommand(CREATE_SOURCE_COMMAND, (args: CreateSourceArgs) => createSource(sources, args)),
    vscode.commands.registerCommand('integrationDocs.insertTemplate', (args?: unknown) => insertTemplate(templates, scripted<InsertTemplateArgs>(args))),
    vscode.commands.registerCommand('integrationDocs.newDocument', (args?: unknown) => {
      const given = scripted<NewDocumentArgs>(args);
      return given ? newDocumentFromArgs(templates, given) : newDocumentForm(templates, forms);
    }),
    vscode.commands.registerCommand('integrationDocs.newDocumentQuick', () => newDocumentInteractive(templates, (s) => templateStep.fire(s))),
    vscode.commands.registerCommand('integrationDocs.fillFields', (uri?: unknown) => fillFieldsForm(templates, forms, uri instanceof vscode.Uri ? uri : undefined)),
    // For code and tests: opens the form for `{ templateId }` or `{ uri }` without asking, resolves with its controller.
    vscode.commands.registerCommand('integrationDocs._openForm', (args: OpenFormArgs) => openFormFor(templates, forms, args)),
    vscode.commands.registerCommand('integrationDocs.nextField', () => gotoField(linting, 1)),
    vscode.commands.registerCommand('integrationDocs.previousField', () => gotoField(linting, -1)),
    vscode.commands.registerCommand('integrationDocs.revealOffset', (uri: string, offset: number) => revealOffset(uri, offset)),
    vscode.commands.registerCommand('integrationDocs.lintWorkspace', async () => {
      const r = await lintWorkspace(configs, diagnostics.collection, docs);
      const done = r.cancelled ? vscode.l10n.t('Integration Docs: Stopped after {0} file(s)', r.linted) : vscode.l10n.t('Integration Docs: Linted {0} file(s)', r.linted);
      const skipped = r.skipped ? vscode.l10n.t('{0}, skipped {1} (binary, not UTF-8 or too large)', done, r.skipped) : done;
      const failed = r.failed ? vscode.l10n.t('{0}, could not lint {1} (internal error; see the Problems panel)', skipped, r.failed) : skipped;
      void vscode.window.setStatusBarMessage(failed, 5000);
      if (r.failed) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Integration Docs could not lint {0} file(s) (internal error); each has a diagnostic saying so. The other files were linted.', r.failed));
      }
      return r;
    }),
  );

  const scanOnStartup = () => {
    if (editorSettings().scanWorkspaceOnStartup && vscode.workspace.workspaceFolders?.length) void vscode.commands.executeCommand('integrationDocs.lintWorkspace');
  };
  // Trusting the workspace applies its restricted settings: lint again, and scan if it asks to.
  const trust = new TrustStatus(() => {
    linting.relintAll();
    scanOnStartup();
  });
  context.subscriptions.push(trust);
  scanOnStartup();

  const api: IntegrationDocsApi = {
    result: (uri) => linting.result(uri),
    onDidLint: linting.onDidLint,
    lintNow: (doc) => linting.lintNow(doc),
    statusText: () => statusBar.text,
    restricted: trust,
    outline,
    templates,
    onDidShowTemplateStep: templateStep.event,
    forms,
    activationMs: 0,
  };
  api.activationMs = Date.now() - started;
  output.appendLine(`Activated in ${api.activationMs} ms (${EXTENSION_HOST} extension host).`);
  return api;
}

export function deactivate(): void {}
