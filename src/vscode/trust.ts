/**
 * Restricted Mode, shown: while the workspace is not trusted and it sets a setting the extension
 * does not apply then (`restricted.ts`), a status bar item says which, and what is applied
 * instead; its tooltip says what is applied safely. It goes away when the workspace is trusted,
 * and everything is linted again with the workspace's values.
 */
import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { SECTION } from './settings';
import { withheldSettings, type Withheld } from './restricted';

export class TrustStatus extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('integrationDocs.restricted', vscode.StatusBarAlignment.Left, 49));
  private withheld: Withheld[] = [];

  /** `onTrusted` runs once the workspace is trusted (lint again, start what waited for trust). */
  constructor(onTrusted: () => void) {
    super();
    this.item.name = vscode.l10n.t('Integration Docs: Restricted Mode');
    this.item.command = 'workbench.trust.manage';
    this._register(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.update();
        onTrusted();
      }),
    );
    this._register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SECTION) && this.update()));
    this.update();
  }

  /** The settings not applied now (for tests); empty in a trusted workspace. */
  get notApplied(): readonly Withheld[] {
    return this.withheld;
  }

  /** The tooltip shown now, or undefined when the item is hidden (for tests). */
  get tooltip(): string | undefined {
    return this.withheld.length ? (this.item.tooltip as vscode.MarkdownString).value : undefined;
  }

  private update(): void {
    const c = vscode.workspace.getConfiguration(SECTION, null);
    this.withheld = withheldSettings((key) => c.inspect(key), vscode.workspace.isTrusted, SECTION);
    if (!this.withheld.length) {
      this.item.hide();
      return;
    }
    this.item.text = `$(shield) ${vscode.l10n.t('Integration Docs: {0} setting(s) not applied', this.withheld.length)}`;
    const lines = this.withheld.map((w) => `- \`${w.key}\`: ${vscode.l10n.t('the workspace sets {0}; {1} is used until you trust it', JSON.stringify(w.value), JSON.stringify(w.applied))}`);
    this.item.tooltip = new vscode.MarkdownString(
      [
        vscode.l10n.t('Restricted Mode: these workspace settings could make Integration Docs do much more work, so they wait until you trust this workspace:'),
        '',
        ...lines,
        '',
        vscode.l10n.t('Applied safely: `.integration-docs.json` (its placeholder patterns and ignore globs run in linear time) and the other workspace settings. Sources are never read outside the workspace. Click to manage workspace trust.'),
      ].join('\n'),
    );
    this.item.show();
  }
}
