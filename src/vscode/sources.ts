/**
 * Answers `resolveSource` synchronously for the engine from a cache of `workspace.fs.stat`
 * results: an unknown path answers `undefined` (the `sources` rule stays silent), is stat'ed in
 * the background, and the documents are linted again once the answer is in. Paths starting
 * with `/` are relative to the workspace folder (the Kurt convention), others to the document;
 * a path escaping the workspace is never touched.
 */
import * as vscode from 'vscode';
import { locateSource } from '../core/outline-paths';
import type { SourceCheck } from '../core/types';
import { Disposable } from './dispose';

export class SourceIndex extends Disposable {
  private readonly known = new Map<string, boolean>();
  private readonly inflight = new Set<string>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Fires (debounced) when answers changed, so documents can be linted again. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*', false, true, false));
    const forget = (uri: vscode.Uri) => {
      const key = uri.toString();
      for (const k of [key, `${key}/`]) if (this.known.delete(k)) this.fire();
    };
    this._register(watcher.onDidCreate(forget));
    this._register(watcher.onDidDelete(forget));
    this._register({ dispose: () => this.timer && clearTimeout(this.timer) });
  }

  /** Where a source path of a document points, or undefined (URL, no workspace folder). */
  locate(doc: vscode.Uri, path: string): { uri: vscode.Uri; outside: boolean; folder: boolean } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(doc);
    if (!folder) return undefined;
    const docFolder = vscode.Uri.joinPath(doc, '..').path;
    const at = locateSource(path, folder.uri.path, docFolder);
    if (!at) return undefined;
    return { uri: folder.uri.with({ path: at.path }), outside: at.outside, folder: at.folder };
  }

  /** The resolver the engine calls for one document. */
  resolverFor(doc: vscode.Uri): (path: string) => SourceCheck | undefined {
    return (path) => {
      const at = this.locate(doc, path);
      if (!at) return undefined;
      if (at.outside) return { exists: false, outside: true };
      const key = at.uri.toString() + (at.folder ? '/' : '');
      const exists = this.known.get(key);
      if (exists === undefined) this.look(key, at.uri, at.folder);
      return exists === undefined ? undefined : { exists, outside: false };
    };
  }

  private look(key: string, uri: vscode.Uri, folder: boolean): void {
    if (this.inflight.has(key)) return;
    this.inflight.add(key);
    void Promise.resolve(vscode.workspace.fs.stat(uri)).then(
      (stat) => this.settle(key, folder ? stat.type === vscode.FileType.Directory : true),
      () => this.settle(key, false),
    );
  }

  private settle(key: string, exists: boolean): void {
    this.inflight.delete(key);
    this.known.set(key, exists);
    this.fire();
  }

  private fire(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), 100);
  }
}
