import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { toDiagnostic, SOURCE } from './convert';
import type { LintService } from './linting';
import { describeProblem } from './linting';
import type { ConfigProblem } from './settings';

/** Publishes lint results as diagnostics; reports configuration problems once each. */
export class DiagnosticsPublisher extends Disposable {
  readonly collection = this._register(vscode.languages.createDiagnosticCollection(SOURCE));
  private readonly shownProblems = new Set<string>();

  constructor(linting: LintService, private readonly docs: vscode.Uri, private readonly output: vscode.OutputChannel) {
    super();
    this._register(linting.onDidLint((r) => this.collection.set(r.uri, r.findings.map((f) => toDiagnostic(f, this.docs)))));
    this._register(linting.onDidClear((uri) => this.collection.delete(uri)));
    this._register(linting.onConfigProblems((p) => this.report(p)));
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
