/**
 * Answers `resolveSource` synchronously for the engine from a cache of `workspace.fs.stat`
 * results: an unknown path answers `undefined` (the `sources` rule stays silent), is stat'ed in
 * the background, and the documents are linted again once the answer is in. Paths starting
 * with `/` are relative to the document's root (`core/root.ts`: the nearest folder with
 * `.integration-docs.json`, else with `.git`, else the workspace folder; the same rule as the
 * CLI, never looked for above the workspace folder), others to the document; a path escaping
 * the root is never touched, and neither is one whose real path (symbolic links resolved) is
 * outside the root's: that is reported as outside, like `../`. Where the host has no real paths
 * (the web extension host), a symbolic link on the way is treated as leading outside.
 */
import * as vscode from 'vscode';
import { locateSource } from '../core/outline-paths';
import { chooseRoot, posixAncestors, ROOT_MARKERS } from '../core/root';
import type { SourceCheck } from '../core/types';
import { Disposable } from './dispose';
import { realPathOf } from './realpath';

/** Whether `path` is `root` or below it (both `/`-separated, absolute). */
export function within(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
}

export class SourceIndex extends Disposable {
  private readonly known = new Map<string, SourceCheck>();
  private readonly inflight = new Set<string>();
  /** Bumped when a path is created or deleted, so a look that started before is not stored. */
  private readonly generation = new Map<string, number>();
  /** The root of the documents in a folder (by folder URI); `undefined` while being looked for. */
  private readonly roots = new Map<string, vscode.Uri | undefined>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Fires (debounced) when answers changed, so documents can be linted again. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*', false, true, false));
    const forget = (uri: vscode.Uri) => {
      const key = uri.toString();
      if (ROOT_MARKERS.some((m) => key.endsWith(`/${m}`)) && this.roots.size > 0) {
        this.roots.clear();
        this.fire();
      }
      for (const k of [key, `${key}/`]) {
        const wasLooking = this.inflight.delete(k);
        this.generation.set(k, (this.generation.get(k) ?? 0) + 1);
        if (this.known.delete(k) || wasLooking) this.fire();
      }
    };
    this._register(watcher.onDidCreate(forget));
    this._register(watcher.onDidDelete(forget));
    this._register({ dispose: () => this.timer && clearTimeout(this.timer) });
  }

  /**
   * Where a source path of a document points, or undefined (URL, no workspace folder). `outside`
   * here is by the path alone (`../`); a symbolic link leading outside shows in `resolverFor`
   * and `check`.
   */
  locate(doc: vscode.Uri, path: string): { uri: vscode.Uri; root: vscode.Uri; outside: boolean; folder: boolean } | undefined {
    const root = this.rootOf(doc);
    if (!root) return undefined;
    const docFolder = vscode.Uri.joinPath(doc, '..').path;
    const at = locateSource(path, root.path, docFolder);
    if (!at) return undefined;
    return { uri: root.with({ path: at.path }), root, outside: at.outside, folder: at.folder };
  }

  /** Whether a source exists and stays inside, once looked at (the tree view opens only those). */
  async check(doc: vscode.Uri, path: string): Promise<SourceCheck | undefined> {
    const at = this.locate(doc, path);
    if (!at) return undefined;
    if (at.outside) return { exists: false, outside: true };
    return this.known.get(this.keyOf(at)) ?? (await this.examine(at.uri, at.root, at.folder));
  }

  private keyOf(at: { uri: vscode.Uri; folder: boolean }): string {
    return at.uri.toString() + (at.folder ? '/' : '');
  }

  /**
   * The root folder of a document, or undefined (no workspace folder, or still being looked
   * for: the answer comes with `onDidChange`).
   */
  rootOf(doc: vscode.Uri): vscode.Uri | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(doc);
    if (!folder) return undefined;
    const dir = vscode.Uri.joinPath(doc, '..');
    const key = dir.toString();
    if (this.roots.has(key)) return this.roots.get(key);
    this.roots.set(key, undefined);
    void this.findRoot(dir, folder.uri).then(
      (root) => this.settleRoot(key, root),
      () => this.settleRoot(key, folder.uri),
    );
    return undefined;
  }

  private async findRoot(dir: vscode.Uri, workspaceFolder: vscode.Uri): Promise<vscode.Uri> {
    const dirs = posixAncestors(dir.path, workspaceFolder.path);
    const present = new Set<string>();
    const probe = async (path: string, marker: string) => {
      try {
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(workspaceFolder.with({ path }), marker));
        present.add(`${path}\0${marker}`);
      } catch {
        // absent
      }
    };
    await Promise.all(dirs.flatMap((path) => ROOT_MARKERS.map((marker) => probe(path, marker))));
    return workspaceFolder.with({ path: chooseRoot(dirs, (path, marker) => present.has(`${path}\0${marker}`), workspaceFolder.path) });
  }

  private settleRoot(key: string, root: vscode.Uri): void {
    if (!this.roots.has(key)) return; // forgotten meanwhile: asked again later
    this.roots.set(key, root);
    this.fire();
  }

  /** The resolver the engine calls for one document. */
  resolverFor(doc: vscode.Uri): (path: string) => SourceCheck | undefined {
    return (path) => {
      const at = this.locate(doc, path);
      if (!at) return undefined;
      if (at.outside) return { exists: false, outside: true };
      const key = this.keyOf(at);
      const known = this.known.get(key);
      if (known === undefined) this.look(key, at.uri, at.root, at.folder);
      return known;
    };
  }

  private look(key: string, uri: vscode.Uri, root: vscode.Uri, folder: boolean): void {
    if (this.inflight.has(key)) return;
    this.inflight.add(key);
    const generation = this.generation.get(key) ?? 0;
    void this.examine(uri, root, folder).then(
      (check) => this.settle(key, check, generation),
      () => this.settle(key, { exists: false, outside: false }, generation),
    );
  }

  /**
   * Looks at a source below `root` (by its path): its real path must be below the root's real
   * path before anything else is done with it. Without real paths, a symbolic link on the way
   * from the root counts as outside (it cannot be followed safely).
   */
  private async examine(uri: vscode.Uri, root: vscode.Uri, folder: boolean): Promise<SourceCheck> {
    const [real, realRoot] = await Promise.all([realPathOf(uri), realPathOf(root)]);
    if (real === undefined) return { exists: false, outside: false };
    if (real !== null && realRoot) {
      if (!within(real, realRoot)) return { exists: false, outside: true };
    } else if (await this.linkOnTheWay(uri, root)) {
      return { exists: false, outside: true };
    }
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      return { exists: folder ? (stat.type & vscode.FileType.Directory) !== 0 : true, outside: false };
    } catch {
      return { exists: false, outside: false };
    }
  }

  /** Whether `uri` or a folder between `root` and it is a symbolic link (hosts without real paths). */
  private async linkOnTheWay(uri: vscode.Uri, root: vscode.Uri): Promise<boolean> {
    const top = posixAncestors(root.path)[0];
    const paths = posixAncestors(uri.path, top).filter((p) => p !== top);
    const links = await Promise.all(
      paths.map((path) =>
        Promise.resolve(vscode.workspace.fs.stat(uri.with({ path }))).then(
          (stat) => (stat.type & vscode.FileType.SymbolicLink) !== 0,
          () => false,
        ),
      ),
    );
    return links.some(Boolean);
  }

  private settle(key: string, check: SourceCheck, generation: number): void {
    // The file was created or deleted while it was being looked at: that answer is stale, and the
    // change already asked for a re-lint, which looks again.
    if ((this.generation.get(key) ?? 0) !== generation) return;
    this.inflight.delete(key);
    this.known.set(key, check);
    this.fire();
  }

  private fire(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), 100);
  }
}
