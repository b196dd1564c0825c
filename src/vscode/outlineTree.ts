/**
 * The "Integration Doc Outline" view: the active document's sections against the plan in its
 * frontmatter (`outline`, `sources`), what each section rests on, what is planned but not
 * written, and which sources are missing. Built from the lint result the linter already made
 * (no second parse); item ids are stable so expansion survives edits.
 *
 * It follows the active Markdown editor, except that a document with a plan (an outline,
 * sources or a template) stays in view while a Markdown document without one is active — a
 * source opened from the view, a README — as long as the planned document is open.
 */
import * as vscode from 'vscode';
import { openItemsText } from './display';
import { buildOutline, sectionAtOffset, type DocOutline, type Section, type SectionSource, type SourceEntry, type MissingSection } from '../core/outline';
import { Disposable } from './dispose';
import type { LintResult, LintService } from './linting';
import type { SourceIndex } from './sources';

type Node =
  | { kind: 'section'; id: string; section: Section; parent?: Node }
  | { kind: 'missingGroup'; id: string; items: MissingSection[] }
  | { kind: 'missing'; id: string; item: MissingSection; parent: Node }
  | { kind: 'sourcesGroup'; id: string; items: SourceEntry[] }
  | { kind: 'source'; id: string; source: SectionSource | SourceEntry; parent: Node }
  | { kind: 'citation'; id: string; line: number; parent: Node };

/** Context key for the empty state: 'noDoc' | 'noHeadings' | 'ok'. */
const STATE_KEY = 'integrationDocs.outline.state';
const ONLY_OPEN_KEY = 'integrationDocs.outline.onlyOpen';

/** "3 fields · DoD 2/5 · unplanned", or "" when nothing is open. */
export function sectionDescription(s: Section): string {
  return [openItemsText(s), s.unplanned ? vscode.l10n.t('unplanned') : ''].filter(Boolean).join(' · ');
}

/** Whether a document has a plan of its own: an outline, sources or a template. */
function hasPlan(outline: DocOutline): boolean {
  return outline.hasOutline || outline.sources.length > 0 || outline.template !== undefined;
}

export class OutlineTree extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly changed = this._register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private outline: DocOutline | undefined;
  private uri: vscode.Uri | undefined;
  private roots: Node[] = [];
  private onlyOpen = false;
  /** Whether the shown document was closed since it was shown. */
  private closed = false;

  constructor(
    private readonly linting: LintService,
    private readonly sources: SourceIndex,
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView('integrationDocs.outline', { treeDataProvider: this, showCollapseAll: true }));
    // The outline is built only while the view is visible; it catches up when it is shown.
    // The shown document too: it may stay in view while a source of it is active.
    this._register(linting.onDidLint((r) => this.view.visible && [this.activeUri()?.toString(), this.uri?.toString()].includes(r.uri.toString()) && this.update(r)));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.refresh()));
    // The shown document was closed: it no longer holds the view.
    this._register(linting.onDidClear((uri) => uri.toString() === this.uri?.toString() && (this.closed = true) && this.refresh()));
    this._register(vscode.window.onDidChangeTextEditorSelection((e) => this.follow(e.textEditor)));
    this._register(this.view.onDidChangeVisibility(() => this.refresh()));
    this._register(vscode.commands.registerCommand('integrationDocs.outline.refresh', () => this.refresh(true)));
    this._register(vscode.commands.registerCommand('integrationDocs.outline.showOnlyOpen', () => this.setOnlyOpen(true)));
    this._register(vscode.commands.registerCommand('integrationDocs.outline.showAll', () => this.setOnlyOpen(false)));
    this._register(vscode.commands.registerCommand('integrationDocs.openSource', (n: Node) => this.openSource(n)));
    void vscode.commands.executeCommand('setContext', ONLY_OPEN_KEY, false);
    this.refresh();
  }

  /** The outline currently shown (for tests). */
  get current(): DocOutline | undefined {
    return this.outline;
  }

  private activeUri(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc?.languageId === 'markdown' ? doc.uri : undefined;
  }

  private refresh(relint = false): void {
    if (!this.view.visible) return; // caught up by onDidChangeVisibility
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId !== 'markdown') return; // keep the last doc while e.g. Output is focused
    const uri = this.activeUri();
    const result = uri && this.linting.result(uri);
    if (relint && editor) void this.linting.lintNow(editor.document);
    if (result) this.update(result);
    else if (!this.keepsPlan(uri)) this.show(undefined, undefined);
  }

  private update(r: LintResult): void {
    if (r.skipped) return this.keepsPlan(r.uri) ? undefined : this.show(undefined, r.uri);
    const outline = buildOutline(r.model, r.findings, { ...r.options, resolveSource: this.sources.resolverFor(r.uri) });
    if (!hasPlan(outline) && this.keepsPlan(r.uri)) return;
    this.show(outline, r.uri);
  }

  /** Whether the shown document has a plan, is still open, and `uri` is another document. */
  private keepsPlan(uri: vscode.Uri | undefined): boolean {
    const shown = this.uri?.toString();
    if (!this.outline || !hasPlan(this.outline) || shown === undefined || uri?.toString() === shown || this.closed) return false;
    return vscode.workspace.textDocuments.some((d) => !d.isClosed && d.uri.toString() === shown);
  }

  private show(outline: DocOutline | undefined, uri: vscode.Uri | undefined): void {
    if (uri?.toString() !== this.uri?.toString() || outline) this.closed = false;
    this.outline = outline;
    this.uri = uri;
    this.roots = outline ? this.rootNodes(outline) : [];
    const state = !outline ? 'noDoc' : outline.sections.length === 0 && outline.missing.length === 0 ? 'noHeadings' : 'ok';
    void vscode.commands.executeCommand('setContext', STATE_KEY, state);
    this.view.title = outline?.title ?? vscode.l10n.t('Integration Doc Outline');
    this.view.description = outline ? [outline.status ?? vscode.l10n.t('no status'), outline.template].filter(Boolean).join(' · ') : undefined;
    const open = outline ? outline.totals.placeholders + (outline.totals.dod ? outline.totals.dod.total - outline.totals.dod.done : 0) : 0;
    this.view.badge = open > 0 ? { value: open, tooltip: vscode.l10n.t('{0} open item(s): unfilled fields and unchecked Definition-of-Done items', open) } : undefined;
    this.changed.fire(undefined);
  }

  private setOnlyOpen(on: boolean): void {
    this.onlyOpen = on;
    void vscode.commands.executeCommand('setContext', ONLY_OPEN_KEY, on);
    if (this.outline) this.roots = this.rootNodes(this.outline);
    this.changed.fire(undefined);
  }

  private rootNodes(outline: DocOutline): Node[] {
    const seen = new Map<string, number>();
    const nodes: Node[] = this.sectionNodes(outline.sections, undefined, seen);
    if (outline.missing.length) nodes.push({ kind: 'missingGroup', id: 'missing', items: outline.missing });
    if (outline.sources.length) nodes.push({ kind: 'sourcesGroup', id: 'sources', items: outline.sources });
    return nodes;
  }

  private sectionNodes(sections: readonly Section[], parent: Node | undefined, seen: Map<string, number>): Node[] {
    const out: Node[] = [];
    for (const section of sections) {
      if (this.onlyOpen && section.open === 0 && section.sources.every((s) => s.exists !== false)) continue;
      // Stable id: the heading path plus an occurrence count, so edits elsewhere keep expansion.
      const base = `${parent?.id ?? ''}/${section.level}:${section.title}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      out.push({ kind: 'section', id: `${base}#${n}`, section, parent });
    }
    return out;
  }

  getParent(node: Node): Node | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots;
    switch (node.kind) {
      case 'section': {
        const sources = node.section.sources.map((source, i): Node => ({ kind: 'source', id: `${node.id}>src${i}:${source.path}`, source, parent: node }));
        return [...sources, ...this.sectionNodes(node.section.children, node, new Map())];
      }
      case 'missingGroup':
        return node.items.map((item): Node => ({ kind: 'missing', id: `missing:${item.outlineId}`, item, parent: node }));
      case 'sourcesGroup':
        return node.items.map((source): Node => ({ kind: 'source', id: `sources:${source.path}`, source, parent: node }));
      case 'source':
        return 'citedAt' in node.source ? node.source.citedAt.map((line): Node => ({ kind: 'citation', id: `${node.id}@${line}`, line, parent: node })) : [];
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'section':
        return this.sectionItem(node.id, node.section);
      case 'missingGroup': {
        const item = new vscode.TreeItem(vscode.l10n.t('Planned, not written ({0})', node.items.length), vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground'));
        item.tooltip = vscode.l10n.t('Sections planned in the frontmatter `outline` with no matching heading');
        return item;
      }
      case 'missing':
        return this.missingItem(node.id, node.item);
      case 'sourcesGroup': {
        const item = new vscode.TreeItem(vscode.l10n.t('Sources ({0})', node.items.length), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('references');
        const missing = node.items.filter((s) => s.exists === false || s.outside).length;
        item.description = missing ? vscode.l10n.t('{0} missing', missing) : undefined;
        return item;
      }
      case 'source':
        return this.sourceItem(node);
      case 'citation': {
        const item = new vscode.TreeItem(vscode.l10n.t('cited at line {0}', node.line), vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.command = this.revealLine(node.line);
        return item;
      }
    }
  }

  private sectionItem(id: string, s: Section): vscode.TreeItem {
    const hasChildren = s.children.length > 0 || s.sources.length > 0;
    const item = new vscode.TreeItem(s.title || vscode.l10n.t('(empty heading)'), hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = id;
    item.description = sectionDescription(s);
    const complete = s.open === 0;
    item.iconPath = s.unplanned
      ? new vscode.ThemeIcon('question', new vscode.ThemeColor('descriptionForeground'))
      : complete
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
        : new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor('list.warningForeground'));
    const tip = new vscode.MarkdownString(`${vscode.l10n.t('**{0}** (line {1})', s.title, s.line)}\n\n`);
    if (s.outlineId) tip.appendMarkdown(`${s.purpose ? vscode.l10n.t('Planned as `{0}`: {1}', s.outlineId, s.purpose) : vscode.l10n.t('Planned as `{0}`', s.outlineId)}\n\n`);
    else if (s.unplanned) tip.appendMarkdown(`${vscode.l10n.t('Not in the frontmatter `outline`.')}\n\n`);
    if (s.placeholdersTotal) {
      const n = s.placeholdersTotal;
      tip.appendMarkdown(`${n === 1 ? vscode.l10n.t('1 unfilled field (with subsections)') : vscode.l10n.t('{0} unfilled fields (with subsections)', n)}\n\n`);
    }
    if (s.dod) tip.appendMarkdown(`${vscode.l10n.t('Definition of Done: {0} of {1} checked', s.dod.done, s.dod.total)}\n\n`);
    item.tooltip = tip;
    item.contextValue = s.unplanned ? 'section.unplanned' : 'section';
    item.command = { command: 'integrationDocs.revealOffset', title: vscode.l10n.t('Reveal heading'), arguments: [this.uri?.toString(), s.start] };
    return item;
  }

  private missingItem(id: string, m: MissingSection): vscode.TreeItem {
    const item = new vscode.TreeItem(m.outlineId, vscode.TreeItemCollapsibleState.None);
    item.id = id;
    item.description = m.purpose ? vscode.l10n.t('not written — {0}', m.purpose) : vscode.l10n.t('not written');
    item.iconPath = new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground'));
    const planned = vscode.l10n.t('Planned in the outline but no heading matches `{0}`', m.outlineId);
    item.tooltip = m.sources.length ? `${planned}\n\n${vscode.l10n.t('Sources: {0}', m.sources.map((s) => s.path).join(', '))}` : planned;
    item.command = { command: 'integrationDocs.revealOffset', title: vscode.l10n.t('Show the outline entry'), arguments: [this.uri?.toString(), m.key.start] };
    return item;
  }

  private sourceItem(node: Extract<Node, { kind: 'source' }>): vscode.TreeItem {
    const s = node.source;
    const citations = 'citedAt' in s ? s.citedAt.length : 0;
    const item = new vscode.TreeItem(s.path, citations ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = s.purpose ?? (citations ? vscode.l10n.t('cited {0}×', citations) : undefined);
    const state = s.outside
      ? vscode.l10n.t('This source is outside the workspace and is not opened.')
      : s.exists === false
        ? vscode.l10n.t('This source does not exist.')
        : s.exists
          ? vscode.l10n.t('This source exists.')
          : vscode.l10n.t('This source was not checked.');
    item.tooltip = new vscode.MarkdownString(`\`${s.path}\`${s.purpose ? ` — ${s.purpose}` : ''}\n\n${state}`);
    item.iconPath = s.outside
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : s.exists === false
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon('file');
    item.contextValue = s.outside ? 'source.outside' : s.exists === false ? 'source.missing' : 'source';
    if (!s.outside && s.exists !== false) item.command = { command: 'integrationDocs.openSource', title: vscode.l10n.t('Open source'), arguments: [node] };
    return item;
  }

  private revealLine(line: number): vscode.Command {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri?.toString());
    const offset = doc ? doc.offsetAt(new vscode.Position(line - 1, 0)) : 0;
    return { command: 'integrationDocs.revealOffset', title: vscode.l10n.t('Reveal'), arguments: [this.uri?.toString(), offset] };
  }

  /** Opens a source inside the workspace; never one that escapes it. */
  private async openSource(node: Node): Promise<void> {
    if (node.kind !== 'source' || !this.uri) return;
    const at = this.sources.locate(this.uri, node.source.path);
    const check = await this.sources.check(this.uri, node.source.path);
    if (!at || !check || check.outside) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Integration Docs: {0} is outside the workspace; it is not opened.', node.source.path));
      return;
    }
    if (!check.exists) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Integration Docs: {0} does not exist.', node.source.path));
      return;
    }
    if (at.folder) await vscode.commands.executeCommand('revealInExplorer', at.uri);
    // Beside the document: a preview there never replaces the document's own (preview) tab.
    else await vscode.window.showTextDocument(at.uri, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  /** Selects the section under the cursor when the view is visible. */
  private follow(editor: vscode.TextEditor): void {
    if (!this.view.visible || !this.outline || editor.document.uri.toString() !== this.uri?.toString()) return;
    const section = sectionAtOffset(this.outline, editor.document.offsetAt(editor.selection.active));
    const node = section && this.findNode(this.roots, section);
    if (node) void this.view.reveal(node, { select: true, focus: false, expand: false });
  }

  private findNode(nodes: readonly Node[], target: Section): Node | undefined {
    for (const n of nodes) {
      if (n.kind !== 'section') continue;
      if (n.section === target) return n;
      if (target.start >= n.section.start && target.start < n.section.end) {
        const inner = this.findNode(this.getChildren(n), target);
        if (inner) return inner;
      }
    }
    return undefined;
  }

  /** The nodes at the top level, resolved to their labels (for tests). */
  labels(): { label: string; description?: string }[] {
    return this.roots.map((n) => {
      const item = this.getTreeItem(n);
      return { label: String(item.label), description: item.description === undefined ? undefined : String(item.description) };
    });
  }
}
