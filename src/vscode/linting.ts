/**
 * Lints open Markdown documents: at once on open and save, debounced while typing, never
 * showing stale results, and cleared on close. One incremental `Linter` per document keeps
 * re-lints proportional to the edit. Results (findings and the parsed model) are shared with
 * the diagnostics, status bar, code lenses and tree view through `onDidLint`.
 */
import * as vscode from 'vscode';
import { Linter, PREPARE_SLICE_MS } from '../core/lint';
import { loadParser, parserLoaded } from '../core/parse';
import type { DocModel, FactCache } from '../core/document';
import type { Finding, LintOptions } from '../core/types';
import { formatConfigError } from '../core/config';
import { oneLineError } from '../core/display';
import { Disposable } from './dispose';
import { ConfigFiles, editorSettings, lintOptions, type ConfigProblem } from './settings';
import { findingMessage } from './coreText';
import type { SourceIndex } from './sources';
import { ignoredReason } from './ignore';
import { isDocLanguage } from './languages';

/** The latest lint of one document. */
export interface LintResult {
  uri: vscode.Uri;
  version: number;
  findings: readonly Finding[];
  model: DocModel;
  options: LintOptions;
  /** The linter's chunk-facts cache (the quick-fix verifier reuses it). */
  facts?: FactCache;
  /** Set when the document was not linted (too large, disabled, an internal error). */
  skipped?: string;
  /** Set when linting threw: the error in one line (the findings are then unknown, not none). */
  failed?: string;
}

interface DocState {
  linter: Linter;
  generation: number;
  optionsKey: string;
  result?: LintResult;
}

/** Markdown and MDX documents the extension lints (any scheme: files, untitled, virtual). */
export function isLintable(doc: vscode.TextDocument): boolean {
  return isDocLanguage(doc) && doc.uri.scheme !== 'git' && doc.uri.scheme !== 'vscode-notebook-cell';
}

function tabUri(tab: vscode.Tab): string | undefined {
  return tab.input instanceof vscode.TabInputText ? tab.input.uri.toString() : undefined;
}

/** Lets other work run; `setTimeout` because `setImmediate` does not exist in the web worker host. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class LintService extends Disposable {
  private readonly states = new Map<string, DocState>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly linted = this._register(new vscode.EventEmitter<LintResult>());
  private readonly cleared = this._register(new vscode.EventEmitter<vscode.Uri>());
  private readonly problems = this._register(new vscode.EventEmitter<ConfigProblem[]>());
  /** Fires after every completed lint with its result. */
  readonly onDidLint = this.linted.event;
  /** Fires when a document's results were dropped (closed, disabled). */
  readonly onDidClear = this.cleared.event;
  /** Fires with configuration problems found while building options. */
  readonly onConfigProblems = this.problems.event;
  private readonly failures = this._register(new vscode.EventEmitter<{ uri: vscode.Uri; error: unknown }>());
  /** Fires when linting a document threw (before its failed result is published). */
  readonly onDidFail = this.failures.event;

  constructor(
    private readonly configs: ConfigFiles,
    private readonly sources?: SourceIndex,
  ) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.lintNow(d)));
    this._register(vscode.workspace.onDidSaveTextDocument((d) => this.lintNow(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)));
    // VS Code keeps a closed editor's document alive for a while: clear on the tab closing.
    this._register(vscode.window.tabGroups.onDidChangeTabs((e) => this.onTabs(e)));
    this._register(configs.onDidChange(() => this.relintAll()));
    if (sources) this._register(sources.onDidChange(() => this.relintAll()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('integrationDocs')) this.relintAll();
      }),
    );
    this._register({ dispose: () => this.timer && clearTimeout(this.timer) });
    for (const doc of vscode.workspace.textDocuments) this.lintNow(doc);
  }

  /** The latest result for a document, if it is current. */
  result(uri: vscode.Uri): LintResult | undefined {
    return this.states.get(uri.toString())?.result;
  }

  /** Lints every open Markdown document again. */
  relintAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.lintNow(doc);
  }

  /** Lints a document now (open, save, configuration change). */
  lintNow(doc: vscode.TextDocument): Promise<LintResult | undefined> {
    if (!isLintable(doc)) return Promise.resolve(undefined);
    this.pending.delete(doc.uri.toString());
    return this.run(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isLintable(doc)) return;
    const state = this.states.get(doc.uri.toString());
    if (state) state.generation++; // results of a lint already running are now stale
    this.pending.add(doc.uri.toString());
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), editorSettings(doc.uri).debounceMs);
  }

  private flush(): void {
    this.timer = undefined;
    const uris = [...this.pending];
    this.pending.clear();
    for (const key of uris) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc) void this.run(doc);
    }
  }

  private onTabs(e: vscode.TabChangeEvent): void {
    const shown = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map(tabUri).filter((u) => u !== undefined));
    for (const tab of e.closed) {
      const uri = tabUri(tab);
      if (uri && !shown.has(uri)) this.forget(vscode.Uri.parse(uri));
    }
    for (const tab of e.opened) {
      const uri = tabUri(tab);
      const doc = uri && !this.states.has(uri) ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
      if (doc) void this.lintNow(doc);
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.pending.delete(key);
    if (this.states.delete(key)) this.cleared.fire(uri);
  }

  private async options(doc: vscode.TextDocument): Promise<{ options: LintOptions; ignored?: string }> {
    const { config, file, errors } = await this.configs.forDocument(doc.uri);
    const problems: ConfigProblem[] = errors.map((e) => ({ file, key: e.key, message: findingMessage(e) }));
    const options = lintOptions(doc.uri, config, problems, doc.languageId);
    if (problems.length) this.problems.fire(problems);
    const ignored = ignoredReason(doc.uri, config, file);
    return { options: this.sources ? { ...options, resolveSource: this.sources.resolverFor(doc.uri) } : options, ignored };
  }

  private async run(doc: vscode.TextDocument): Promise<LintResult | undefined> {
    const key = doc.uri.toString();
    let state = this.states.get(key);
    if (!state) {
      state = { linter: new Linter(), generation: 0, optionsKey: '' };
      this.states.set(key, state);
    }
    const generation = ++state.generation;
    try {
      return await this.lintDoc(doc, state, generation);
    } catch (e) {
      // One document's failure stays with it: the others keep linting.
      if (state.generation !== generation || doc.isClosed) return undefined;
      return this.fail(doc, state, e);
    }
  }

  private async lintDoc(doc: vscode.TextDocument, state: DocState, generation: number): Promise<LintResult | undefined> {
    const settings = editorSettings(doc.uri);
    const { options, ignored } = await this.options(doc);
    if (state.generation !== generation || doc.isClosed) return undefined;
    if (ignored) return this.skip(doc, state, options, ignored);
    if (!settings.enable) return this.skip(doc, state, options, vscode.l10n.t('Integration Docs is disabled for this document (integrationDocs.enable)'));
    const text = doc.getText();
    if (text.length > settings.maxFileSizeKB * 1024) {
      return this.skip(doc, state, options, vscode.l10n.t('Not linted: {0} KB is over integrationDocs.maxFileSizeKB ({1} KB)', Math.round(text.length / 1024), settings.maxFileSizeKB));
    }
    state.linter.setOptions(options);
    // Activation does not load the Markdown parser: the first lint does, in a slice of its own.
    if (!parserLoaded()) {
      loadParser();
      await yieldToEventLoop();
      if (state.generation !== generation || doc.isClosed) return undefined;
    }
    // A large first parse is spread over event-loop turns so typing never waits on it.
    while (!state.linter.prepare(text, PREPARE_SLICE_MS)) {
      await yieldToEventLoop();
      if (state.generation !== generation || doc.isClosed) return undefined;
    }
    const { model, findings } = state.linter.lint(text);
    const result: LintResult = { uri: doc.uri, version: doc.version, findings, model, options, facts: state.linter.factCache };
    state.result = result;
    this.linted.fire(result);
    return result;
  }

  /**
   * A lint that threw: the result says so (never an empty, clean-looking one), and the
   * document starts over with a fresh linter (the old one's incremental state is suspect).
   */
  private fail(doc: vscode.TextDocument, state: DocState, e: unknown): LintResult {
    state.linter = new Linter();
    const error = oneLineError(e);
    const result: LintResult = {
      uri: doc.uri,
      version: doc.version,
      findings: [],
      model: state.linter.model(''),
      options: state.result?.options ?? {},
      skipped: vscode.l10n.t('Not linted: internal error ({0})', error),
      failed: error,
    };
    this.failures.fire({ uri: doc.uri, error: e });
    state.result = result;
    this.linted.fire(result);
    return result;
  }

  private skip(doc: vscode.TextDocument, state: DocState, options: LintOptions, reason: string): LintResult {
    const result: LintResult = { uri: doc.uri, version: doc.version, findings: [], model: state.linter.model(''), options, skipped: reason };
    state.result = result;
    this.linted.fire(result);
    return result;
  }
}

/** One line per configuration problem, naming the file (or setting) and the key. */
export function describeProblem(p: ConfigProblem): string {
  return p.file ? formatConfigError(vscode.workspace.asRelativePath(p.file), { key: p.key, message: p.message }) : vscode.l10n.t('Setting {0}: {1}', p.key, p.message);
}
