/** The status bar item and the Definition-of-Done code lenses: how far the doc is from done. */
import * as vscode from 'vscode';
import { openItemsText } from './display';
import { ruleById } from '../core/rules/index';
import { dodProgress, dodTitles } from '../core/sections';
import { DEFAULT_DOD_HEADINGS } from '../core/types';
import { Disposable } from './dispose';
import type { LintResult, LintService } from './linting';

/** Summary numbers of a lint result. */
export function summarize(r: LintResult): { fields: number; done: number; total: number; byRule: Map<string, number> } {
  const byRule = new Map<string, number>();
  for (const f of r.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  const sections = dodProgress(r.model, dodTitles(r.options.dodHeadings ?? DEFAULT_DOD_HEADINGS));
  return {
    fields: byRule.get('placeholder') ?? 0,
    done: sections.reduce((n, s) => n + s.done, 0),
    total: sections.reduce((n, s) => n + s.total, 0),
    byRule,
  };
}

export class StatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('integrationDocs.progress', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly linting: LintService) {
    super();
    this.item.name = vscode.l10n.t('Integration Docs');
    this.item.command = 'integrationDocs.nextField';
    this._register(linting.onDidLint((r) => r.uri.toString() === this.activeUri() && this.render(r)));
    this._register(linting.onDidClear(() => this.update()));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.update();
  }

  /** The text currently shown (for tests). */
  get text(): string {
    return this.item.text;
  }

  private activeUri(): string | undefined {
    return vscode.window.activeTextEditor?.document.uri.toString();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const result = editor && this.linting.result(editor.document.uri);
    if (result && result.version === editor.document.version) this.render(result);
    else this.item.hide();
  }

  private render(r: LintResult): void {
    if (r.failed) {
      this.item.text = `$(error) ${vscode.l10n.t('Integration Docs')}`;
      this.item.tooltip = vscode.l10n.t('Could not lint this document (internal error: {0}). Its fields and checklist are unknown; details in the Integration Docs output.', r.failed);
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      this.item.show();
      return;
    }
    this.item.backgroundColor = undefined;
    if (r.skipped) {
      this.item.text = `$(circle-slash) ${vscode.l10n.t('Integration Docs')}`;
      this.item.tooltip = r.skipped;
      this.item.show();
      return;
    }
    const s = summarize(r);
    this.item.text = `$(checklist) ${openItemsText({ placeholders: s.fields, dod: s }, true)}`;
    const tip = new vscode.MarkdownString(`**${vscode.l10n.t('Integration Docs')}**\n\n`);
    if (s.byRule.size === 0) tip.appendMarkdown(`${vscode.l10n.t('Nothing left to fill.')}\n\n`);
    for (const [rule, n] of s.byRule) tip.appendMarkdown(`- ${ruleById(rule)?.title ?? rule}: ${n} (\`${rule}\`)\n`);
    if (s.total > 0) tip.appendMarkdown(`\n${vscode.l10n.t('Definition of Done: {0} of {1} checked', s.done, s.total)}\n`);
    tip.appendMarkdown(`\n${vscode.l10n.t('Click to go to the next field.')}`);
    this.item.tooltip = tip;
    this.item.show();
  }
}

export class DodLenses extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly linting: LintService) {
    super();
    this._register(linting.onDidLint(() => this.changed.fire()));
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const r = this.linting.result(doc.uri);
    if (!r || r.skipped) return [];
    return dodProgress(r.model, dodTitles(r.options.dodHeadings ?? DEFAULT_DOD_HEADINGS)).map((s) => {
      const range = new vscode.Range(doc.positionAt(s.heading.start), doc.positionAt(s.heading.start));
      const title =
        s.total === 0
          ? vscode.l10n.t('No checklist items yet')
          : s.done === s.total
            ? vscode.l10n.t('All {0} done', s.total)
            : vscode.l10n.t('{0} of {1} done', s.done, s.total);
      const command: vscode.Command =
        s.firstOpen !== undefined
          ? { title, command: 'integrationDocs.revealOffset', arguments: [doc.uri.toString(), s.firstOpen], tooltip: vscode.l10n.t('Go to the first unchecked item') }
          : { title, command: '' };
      return new vscode.CodeLens(range, command);
    });
  }
}
