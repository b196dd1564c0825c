import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { toDiagnostic, failureDiagnostic, SOURCE } from './convert';
import type { DocsLink } from './docsLink';
import type { LintResult, LintService } from './linting';
import { describeProblem } from './linting';
import type { ConfigProblem } from './settings';

/**
 * Publishes lint results as diagnostics; reports configuration problems once each, and a
 * document that could not be linted once until it lints again.
 */
export class DiagnosticsPublisher extends Disposable {
  readonly collection = this._register(vscode.languages.createDiagnosticCollection(SOURCE));
  private readonly shownProblems = new Set<string>();
  /** Documents whose failure was announced: not again while they keep failing (every keystroke). */
  private readonly failing = new Set<string>();

  constructor(linting: LintService, private readonly docs: DocsLink, private readonly output: vscode.OutputChannel) {
    super();
    this._register(docs.onDidChange(() => this.relink()));
    this._register(linting.onDidLint((r) => this.publish(r)));
    this._register(
      linting.onDidClear((uri) => {
        this.collection.delete(uri);
        this.failing.delete(uri.toString());
      }),
    );
    this._register(linting.onConfigProblems((p) => this.report(p)));
    this._register(linting.onDidFail(({ uri, error }) => this.output.appendLine(`[error] ${uri.toString(true)}: ${(error as Error)?.stack ?? String(error)}`)));
  }

  /** Points the rule links of every published diagnostic at the README's actual name. */
  private relink(): void {
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    this.collection.forEach((uri, diagnostics) => {
      const linked = diagnostics.map((d) => {
        if (typeof d.code !== 'object' || d.code === null) return d;
        const copy = new vscode.Diagnostic(d.range, d.message, d.severity);
        Object.assign(copy, d, { code: { value: d.code.value, target: this.docs.forRule(String(d.code.value)) } });
        return copy;
      });
      entries.push([uri, linked]);
    });
    for (const [uri, linked] of entries) this.collection.set(uri, linked);
  }

  private publish(r: LintResult): void {
    const key = r.uri.toString();
    if (!r.failed) {
      this.failing.delete(key);
      this.collection.set(r.uri, r.findings.map((f) => toDiagnostic(f, this.docs)));
      return;
    }
    this.collection.set(r.uri, [failureDiagnostic(r.failed)]);
    if (this.failing.has(key)) return;
    this.failing.add(key);
    const show = vscode.l10n.t('Show Details');
    const name = vscode.workspace.asRelativePath(r.uri);
    void vscode.window
      .showErrorMessage(vscode.l10n.t('Integration Docs could not lint {0} (internal error: {1}). Other documents are still linted.', name, r.failed), show)
      .then((choice) => choice === show && this.output.show(true));
  }

  private report(problems: ConfigProblem[]): void {
    for (const p of problems) {
      const line = describeProblem(p);
      if (this.shownProblems.has(line)) continue;
      this.shownProblems.add(line);
      this.output.appendLine(`[config] ${line}`);
      const open = p.file ? vscode.l10n.t('Open Config') : vscode.l10n.t('Open Settings');
      void vscode.window.showWarningMessage(vscode.l10n.t('Integration Docs: {0}', line), open).then((choice) => {
        if (choice !== open) return;
        if (p.file) void vscode.window.showTextDocument(p.file);
        else void vscode.commands.executeCommand('workbench.action.openSettings', p.key);
      });
    }
  }
}
