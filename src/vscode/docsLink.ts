/**
 * Links from a rule id (in a diagnostic, a hover) to the rule's section of the README shipped
 * with the extension. The README's file name is read from the extension's folder once (see
 * `readme.ts`); until then the name vsce gives it in an installed extension is used.
 */
import * as vscode from 'vscode';
import { docsAnchor } from '../core/rules/index';
import { guessReadmeName, readmeName } from './readme';

export class DocsLink {
  private readme: vscode.Uri;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the README turned out to have another name than first assumed. */
  readonly onDidChange = this.changed.event;
  /** Settles once the extension's folder was read. */
  readonly ready: Promise<void>;

  constructor(private readonly extensionUri: vscode.Uri, installed: boolean) {
    this.readme = vscode.Uri.joinPath(extensionUri, guessReadmeName(installed));
    this.ready = this.resolve();
  }

  /** The README itself. */
  get uri(): vscode.Uri {
    return this.readme;
  }

  /** The README section of a rule: `…/README.md#rule-placeholder`. */
  forRule(rule: string): vscode.Uri {
    return this.readme.with({ fragment: docsAnchor(rule) });
  }

  private async resolve(): Promise<void> {
    try {
      const names = (await vscode.workspace.fs.readDirectory(this.extensionUri)).map(([n]) => n);
      const name = readmeName(names);
      if (!name) return;
      const uri = vscode.Uri.joinPath(this.extensionUri, name);
      if (uri.toString() === this.readme.toString()) return;
      this.readme = uri;
      this.changed.fire();
    } catch {
      // the folder cannot be listed (an unusual file system): keep the assumed name
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
