/**
 * The template catalog (built-ins plus team templates) and the command "Insert Template…".
 *
 * Team templates are the `*.md` files directly in `integrationDocs.templatesFolder` (default
 * `.integration-docs/templates`) of every workspace folder, read with `workspace.fs` (virtual
 * workspaces work) and watched, so edits show without a reload. A broken file is reported once
 * per file and message, naming the file, and the other templates are still listed. Templates
 * are data: nothing in them runs, so all of this is fine in untrusted workspaces.
 */
import * as vscode from 'vscode';
import { readFrontmatter } from '../core/frontmatter';
import { mergeTemplates, parseTeamTemplate, templateSnippet, type TemplateInfo } from '../core/templates/index';
import { builtinTemplates } from '../templates/index';
import { Disposable } from './dispose';
import { SECTION } from './settings';
import { isDocLanguage } from './languages';

/** The setting naming the team templates folder, relative to each workspace folder. */
export const TEMPLATES_FOLDER_SETTING = 'templatesFolder';
export const DEFAULT_TEMPLATES_FOLDER = '.integration-docs/templates';

/**
 * The team templates folder of a workspace folder (setting, sanitized: relative, `/`-separated).
 * A value that would leave the workspace folder (`..`, an absolute path) gives the default:
 * nothing outside the workspace is read.
 */
export function templatesFolder(folder: vscode.WorkspaceFolder): string {
  const raw = vscode.workspace.getConfiguration(SECTION, folder.uri).get<unknown>(TEMPLATES_FOLDER_SETTING, DEFAULT_TEMPLATES_FOLDER);
  const rel = typeof raw === 'string' ? raw.trim().replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '') : '';
  const escapes = rel.startsWith('/') || /^[A-Za-z]:/.test(rel) || rel.split('/').includes('..');
  return rel === '' || escapes ? DEFAULT_TEMPLATES_FOLDER : rel;
}

/** What the pickers offer: every template, plus the problems of the team template files. */
export interface CatalogSnapshot {
  templates: TemplateInfo[];
  /** One message per broken team template file or clash, each starting with the file name. */
  problems: string[];
}

/** Built-in and team templates, cached until a team template file or the setting changes. */
export class TemplateCatalog extends Disposable {
  private cache: Promise<CatalogSnapshot> | undefined;
  private generation = 0;
  private watchers: vscode.Disposable[] = [];
  /** Problems already shown, so each file+message is shown once (again if it was fixed meanwhile). */
  private readonly reported = new Set<string>();
  private readonly uris = new Map<TemplateInfo, vscode.Uri>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when the templates may have changed (a team template file, the setting, the folders). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly output?: vscode.OutputChannel) {
    super();
    this.watch();
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset(true)));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.${TEMPLATES_FOLDER_SETTING}`)) this.reset(true);
      }),
    );
    this._register({ dispose: () => this.watchers.forEach((w) => w.dispose()) });
  }

  /** The templates in picker order (built-ins first, team templates by file name). */
  async list(): Promise<CatalogSnapshot> {
    // File watchers can miss events (e.g. in a folder created a moment ago): a cheap listing of
    // the team folders (names, sizes, times) tells whether the cached catalog is still current.
    const fingerprint = await this.fingerprint();
    if (fingerprint !== this.fingerprintOfCache) this.cache = undefined;
    if (!this.cache) {
      const generation = this.generation;
      const loading = this.load().then((snapshot) => {
        this.report(snapshot.problems);
        this.known = snapshot.templates;
        return snapshot;
      });
      this.cache = loading;
      this.fingerprintOfCache = fingerprint;
      // A change while loading: forget this result so the next call reads again.
      void loading.then(
        () => generation !== this.generation && this.cache === loading && (this.cache = undefined),
        () => this.cache === loading && (this.cache = undefined),
      );
    }
    return this.cache;
  }

  private fingerprintOfCache = '';
  private known: readonly TemplateInfo[] | undefined;

  /**
   * The templates known right now, without waiting: the last list read, else the built-ins
   * (for what must answer at once, such as a field's schema in a hover or a quick fix).
   */
  latest(): readonly TemplateInfo[] {
    if (!this.known) void this.list().catch(() => undefined);
    return this.known ?? builtinTemplates();
  }

  private async fingerprint(): Promise<string> {
    const parts: string[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const dir = vscode.Uri.joinPath(folder.uri, templatesFolder(folder));
      try {
        for (const [name] of (await vscode.workspace.fs.readDirectory(dir)).sort()) {
          if (!/\.md$/i.test(name)) continue;
          const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(dir, name));
          parts.push(`${dir.toString()}/${name}:${stat.size}:${stat.mtime}`);
        }
      } catch {
        parts.push(`${dir.toString()}:none`);
      }
    }
    return parts.join('|');
  }


  /** The template with `id`, or undefined. */
  async get(id: string): Promise<TemplateInfo | undefined> {
    return (await this.list()).templates.find((t) => t.id === id);
  }

  /** The file a team template was read from. */
  uriOf(template: TemplateInfo): vscode.Uri | undefined {
    return this.uris.get(template);
  }

  private reset(rewatch = false): void {
    this.generation++;
    this.cache = undefined;
    if (rewatch) this.watch();
    this.changed.fire();
  }

  private watch(): void {
    this.watchers.forEach((w) => w.dispose());
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const rel = templatesFolder(folder);
      // The folder and its parents too: deleting or renaming one removes the templates, and a
      // folder created with its files at once may report only its own creation (inotify).
      const parts = rel.split('/');
      const dirs = parts.map((_, k) => parts.slice(0, k + 1).join('/'));
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `{${[...dirs, `${rel}/*.md`].join(',')}}`));
      const reset = () => this.reset();
      this.watchers.push(w, w.onDidCreate(reset), w.onDidChange(reset), w.onDidDelete(reset));
    }
  }

  private async load(): Promise<CatalogSnapshot> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const team: TemplateInfo[] = [];
    const problems: string[] = [];
    const uris = new Map<TemplateInfo, vscode.Uri>();
    const multiRoot = folders.length > 1;
    for (const folder of folders) {
      const dir = vscode.Uri.joinPath(folder.uri, templatesFolder(folder));
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(dir);
      } catch {
        continue; // no such folder: no team templates here
      }
      const files = entries
        .filter(([name, type]) => /\.md$/i.test(name) && (type & vscode.FileType.File) !== 0)
        .map(([name]) => name)
        .sort();
      for (const name of files) {
        const uri = vscode.Uri.joinPath(dir, name);
        const label = vscode.workspace.asRelativePath(uri, multiRoot);
        let text: string;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
        } catch (e) {
          problems.push(`${label}: cannot be read as UTF-8 text (${(e as Error).message})`);
          continue;
        }
        const parsed = parseTeamTemplate(label, text);
        if (parsed.ok) {
          team.push(parsed.template);
          uris.set(parsed.template, uri);
        } else problems.push(parsed.error);
      }
    }
    const merged = mergeTemplates(builtinTemplates(), team);
    this.uris.clear();
    for (const [t, u] of uris) this.uris.set(t, u);
    return { templates: merged.templates, problems: [...problems, ...merged.warnings] };
  }

  private report(problems: readonly string[]): void {
    for (const key of [...this.reported]) if (!problems.includes(key)) this.reported.delete(key);
    for (const problem of problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      this.output?.appendLine(`Team template skipped: ${problem}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Integration Docs: team template skipped — {0}', problem));
    }
  }
}

/** A quick pick item for a template. */
export interface TemplateItem extends vscode.QuickPickItem {
  template: TemplateInfo;
}

/** Quick pick items: title; source and id; the one-line description (team templates marked). */
export function templateItems(templates: readonly TemplateInfo[]): TemplateItem[] {
  return templates.map((t) => ({
    label: t.source === 'workspace' ? `$(organization) ${t.title}` : t.title,
    description: t.source === 'workspace' ? vscode.l10n.t('team · {0}', t.file ?? t.id) : t.id,
    detail: t.description,
    template: t,
  }));
}

/** Options of `integrationDocs.insertTemplate` when run from code (tests, other commands). */
export interface InsertTemplateArgs {
  /** Skip the picker and insert this template. */
  templateId: string;
}

/**
 * Insert Template…: picks a template and inserts it as a snippet at the cursor of the active
 * Markdown editor (each distinct field a tab stop, choice lists as choices), in one undoable
 * edit. The selection is never replaced: the snippet goes in at the cursor (the selection's
 * active end) and all other text stays — except that a cursor inside (or before) the
 * document's frontmatter inserts right after it, so the frontmatter stays intact. The
 * template's frontmatter comes along only when the cursor is at the very start of a document
 * that has none. Without an active Markdown editor
 * the template opens in a new untitled Markdown document. Resolves true when it inserted.
 */
export async function insertTemplate(catalog: TemplateCatalog, args?: InsertTemplateArgs): Promise<boolean> {
  const active = vscode.window.activeTextEditor;
  const editor = active && isDocLanguage(active.document) ? active : undefined;
  const { templates } = await catalog.list();
  let template: TemplateInfo | undefined;
  if (args?.templateId !== undefined) {
    template = templates.find((t) => t.id === args.templateId);
    if (!template) throw new Error(`Unknown template "${args.templateId}" (templates: ${templates.map((t) => t.id).join(', ')})`);
  } else {
    const picked = await vscode.window.showQuickPick(templateItems(templates), {
      title: editor
        ? vscode.l10n.t('Insert Template at the Cursor')
        : vscode.l10n.t('Insert Template — no Markdown editor is active: it opens in a new untitled document'),
      placeHolder: vscode.l10n.t('Pick a template: each field becomes a tab stop (Tab to the next one)'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    template = picked?.template;
  }
  if (!template) return false;
  let target = editor;
  if (!target) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    target = await vscode.window.showTextDocument(doc);
  }
  const doc = target.document;
  const fm = readFrontmatter(doc.getText(), []);
  let at = target.selection.active;
  if (fm && doc.offsetAt(at) < fm.block.end) at = doc.positionAt(fm.block.end);
  const withFrontmatter = !fm && doc.offsetAt(at) === 0;
  const snippet = new vscode.SnippetString(templateSnippet(template, { frontmatter: withFrontmatter }));
  return target.insertSnippet(snippet, at, { undoStopBefore: true, undoStopAfter: true });
}
