/**
 * The outline tree view in a real VS Code: items, labels, descriptions, commands, missing
 * sections and sources, refresh after an edit (waiting on onDidChangeTreeData).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, test, suiteSetup } from 'mocha';
import { activateExtension, waitForDiagnostics } from './util';
import type { IntegrationDocsApi } from '../../../src/vscode/extension';

let api: IntegrationDocsApi;
let root: vscode.Uri;

const DOC = [
  '---',
  'title: Northwind Payments Integration',
  'status: draft',
  'template: integration-page',
  'sources:',
  '  - path: /sources/northwind-api.md',
  '    purpose: "partner API reference"',
  '  - path: /sources/missing.md',
  '    purpose: "a source nobody wrote"',
  'outline:',
  '  overview:',
  '    sources: [/sources/northwind-api.md]',
  '    purpose: "what this integration does"',
  '  setup-guide:',
  '    sources: [/sources/northwind-api.md]',
  '    purpose: "step-by-step configuration"',
  '  troubleshooting:',
  '    sources: []',
  '    purpose: "common issues"',
  '---',
  '',
  '# Northwind Payments Integration',
  '',
  '## Overview',
  '',
  'Customer: [Customer name]',
  '',
  '## Setup Guide',
  '',
  '<!-- Source: /sources/northwind-api.md -->',
  'Steps.',
  '',
  '## Definition of Done',
  '',
  '- [x] Reviewed',
  '- [ ] Published',
  '',
].join('\n');

function waitForTree(predicate: () => boolean, what: string, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve();
    const sub = api.outline.onDidChangeTreeData(() => {
      if (!predicate()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; labels: ${JSON.stringify(api.outline.labels())}`));
    }, ms);
  });
}

suite('outline view', () => {
  suiteSetup(async () => {
    api = (await activateExtension<IntegrationDocsApi>()).api;
    root = (vscode.workspace.workspaceFolders ?? [])[0].uri;
    // The outline is built while its view is visible: show it, as a user opening it would.
    await vscode.commands.executeCommand('integrationDocs.outline.focus');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root, 'sources'));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, 'sources/northwind-api.md'), new TextEncoder().encode('# API\n'));
  });

  test('shows sections against the plan, missing sections and sources', async () => {
    const uri = vscode.Uri.joinPath(root, 'planned.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(DOC));
    const editor = await vscode.window.showTextDocument(uri);
    await waitForTree(() => api.outline.current?.title === 'Northwind Payments Integration' && (api.outline.current?.sources.some((s) => s.exists !== undefined) ?? false), 'the outline of planned.md');
    const outline = api.outline.current;
    assert.ok(outline);
    assert.equal(outline.status, 'draft');
    assert.deepEqual(outline.missing.map((m) => m.outlineId), ['troubleshooting']);
    const top = outline.sections[0];
    assert.equal(top.title, 'Northwind Payments Integration');
    assert.deepEqual(top.children.map((c) => [c.title, c.outlineId]), [['Overview', 'overview'], ['Setup Guide', 'setup-guide'], ['Definition of Done', null]]);

    const items = api.outline.getChildren(undefined).map((n) => api.outline.getTreeItem(n));
    assert.deepEqual(items.map((i) => i.label), ['Northwind Payments Integration', 'Planned, not written (1)', 'Sources (2)']);
    const [titleNode] = api.outline.getChildren(undefined);
    const children = api.outline.getChildren(titleNode).map((n) => api.outline.getTreeItem(n));
    assert.deepEqual(children.map((c) => [c.label, c.description]), [['Overview', '1 field'], ['Setup Guide', ''], ['Definition of Done', 'DoD 1/2 · unplanned']]);
    assert.equal(children[0].command?.command, 'integrationDocs.revealOffset');

    const sourcesGroup = api.outline.getChildren(undefined)[2];
    const sources = api.outline.getChildren(sourcesGroup).map((n) => api.outline.getTreeItem(n));
    assert.deepEqual(sources.map((s) => [s.label, s.description, s.contextValue]), [
      ['/sources/northwind-api.md', 'partner API reference', 'source'],
      ['/sources/missing.md', 'a source nobody wrote', 'source.missing'],
    ]);
    assert.equal(sources[0].command?.command, 'integrationDocs.openSource');
    assert.equal(sources[1].command, undefined, 'a missing source is not opened');

    // The source's absence reaches the diagnostics with the lint that follows its lookup.
    const ruleIds = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.source === 'integration-docs').map((d) => (typeof d.code === 'object' ? String(d.code.value) : ''));
    const diags = await waitForDiagnostics(uri, (ds) => ruleIds(ds).includes('sources'));
    const rules = ruleIds(diags);
    assert.ok(rules.includes('outline'), `rules: ${rules}`);
    assert.ok(rules.includes('sources'), `rules: ${rules}`);

    // Writing the planned section refreshes the view.
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), '\n## Troubleshooting\n\nNothing yet.\n'));
    await waitForTree(() => api.outline.current?.missing.length === 0, 'troubleshooting to be written');
    assert.deepEqual(api.outline.getChildren(undefined).map((n) => api.outline.getTreeItem(n).label), ['Northwind Payments Integration', 'Sources (2)']);

    // Opening a source opens it.
    const opened = new Promise<vscode.TextEditor | undefined>((resolve) => {
      const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
        if (!e || !e.document.uri.path.endsWith('northwind-api.md')) return;
        sub.dispose();
        resolve(e);
      });
    });
    await vscode.commands.executeCommand('integrationDocs.openSource', api.outline.getChildren(api.outline.getChildren(undefined)[1])[0]);
    assert.match((await opened)?.document.uri.path ?? '', /sources\/northwind-api\.md$/);
  });

  test('stays in view while a source is read, and follows the next planned document', async () => {
    const uri = vscode.Uri.joinPath(root, 'planned-stay.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(DOC.replace('# Northwind Payments Integration', '# Stay Page').replace('title: Northwind Payments Integration', 'title: Stay Page')));
    await vscode.window.showTextDocument(uri);
    await waitForTree(() => api.outline.current?.title === 'Stay Page', 'the outline of planned-stay.md');
    const source = vscode.Uri.joinPath(root, 'sources/northwind-api.md');
    // Wait for the two events that could replace the view: the source becoming active, then linted.
    const linted = new Promise<void>((resolve) => {
      const sub = api.onDidLint((r) => {
        if (r.uri.toString() !== source.toString()) return;
        sub.dispose();
        resolve();
      });
    });
    const active = new Promise<void>((resolve) => {
      const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e?.document.uri.toString() !== source.toString()) return;
        sub.dispose();
        resolve();
      });
    });
    const sourcesGroup = api.outline.getChildren(undefined).find((n) => String(api.outline.getTreeItem(n).label).startsWith('Sources'));
    assert.ok(sourcesGroup);
    await vscode.commands.executeCommand('integrationDocs.openSource', api.outline.getChildren(sourcesGroup)[0]);
    await active;
    // A source already linted earlier is not linted again on activation: relint it so the event comes.
    void api.lintNow((vscode.window.activeTextEditor as vscode.TextEditor).document);
    await linted;
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), source.toString());
    assert.equal(api.outline.current?.title, 'Stay Page', 'the planned document stays in view while its source is read');
    assert.ok(api.outline.labels().some((l) => l.label === 'Stay Page'));
    // Another document with a plan takes the view.
    const other = vscode.Uri.joinPath(root, 'planned-next.md');
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode(['---', 'title: Next Page', 'template: integration-page', '---', '# Next Page', ''].join('\n')));
    await vscode.window.showTextDocument(other);
    await waitForTree(() => api.outline.current?.title === 'Next Page', 'the outline of planned-next.md');
  });

  test('"/" sources are relative to the nearest folder with .integration-docs.json (the CLI\'s root rule)', async () => {
    const team = vscode.Uri.joinPath(root, 'team-docs');
    const write = (rel: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(team, rel), new TextEncoder().encode(text));
    await write('.integration-docs.json', '{}\n');
    await write('sources/local.md', '# Local\n');
    const page = ['---', 'title: Team Page', 'sources:', '  - path: /sources/local.md', '  - path: /sources/northwind-api.md', '---', '# Team Page', ''].join('\n');
    await write('page.md', page);
    await vscode.window.showTextDocument(vscode.Uri.joinPath(team, 'page.md'));
    const known = () => api.outline.current?.title === 'Team Page' && (api.outline.current?.sources.every((s) => s.exists !== undefined) ?? false);
    await waitForTree(known, 'the sources of team-docs/page.md to be checked');
    // northwind-api.md exists at the workspace root, not under team-docs/: the root is team-docs/.
    assert.deepEqual(api.outline.current?.sources.map((s) => [s.path, s.exists]), [
      ['/sources/local.md', true],
      ['/sources/northwind-api.md', false],
    ]);
  });

  test('a symbolic link leading outside the workspace is outside, like ../, and is never opened', async () => {
    const away = mkdtempSync(join(tmpdir(), 'integration-docs-outside-'));
    try {
      writeFileSync(join(away, 'secret.md'), '# Secret\n');
      mkdirSync(join(away, 'folder'));
      const links = vscode.Uri.joinPath(root, 'links').fsPath;
      mkdirSync(links, { recursive: true });
      writeFileSync(join(links, 'real.md'), '# Real\n');
      symlinkSync(join(away, 'secret.md'), join(links, 'escape.md'));
      symlinkSync(join(away, 'folder'), join(links, 'escape-dir'));
      symlinkSync(join(links, 'real.md'), join(links, 'inside.md'));
      const page = ['---', 'title: Linked Page', 'sources:', '  - path: ./escape.md', '  - path: ./escape-dir/', '  - path: ./inside.md', '  - path: ../links/real.md', '---', '# Linked Page', ''].join('\n');
      writeFileSync(join(links, 'page.md'), page);
      const uri = vscode.Uri.joinPath(root, 'links/page.md');
      await vscode.window.showTextDocument(uri);
      // An outside source has no `exists` (it is never looked at).
      const known = () => api.outline.current?.title === 'Linked Page' && (api.outline.current?.sources.every((s) => s.outside || s.exists !== undefined) ?? false);
      await waitForTree(known, 'the sources of links/page.md to be checked');
      assert.deepEqual(
        api.outline.current?.sources.map((s) => [s.path, s.exists, s.outside]),
        [
          ['./escape.md', undefined, true],
          ['./escape-dir/', undefined, true],
          ['./inside.md', true, false],
          ['../links/real.md', true, false],
        ],
      );
      const diags = await waitForDiagnostics(uri, (d) => d.filter((x) => /outside the workspace/.test(x.message)).length === 2);
      assert.deepEqual(
        diags.filter((d) => /outside/.test(d.message)).map((d) => d.range.start.line),
        [3, 4],
      );
      const group = api.outline.getChildren(undefined).find((n) => String(api.outline.getTreeItem(n).label).startsWith('Sources'));
      assert.ok(group);
      const [escape] = api.outline.getChildren(group);
      assert.equal(api.outline.getTreeItem(escape).contextValue, 'source.outside');
      assert.equal(api.outline.getTreeItem(escape).command, undefined, 'no command opens it');
      // Even asked directly, the command does not open it.
      await vscode.commands.executeCommand('integrationDocs.openSource', escape);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath.startsWith(away)), 'nothing outside was opened');
    } finally {
      rmSync(away, { recursive: true, force: true });
    }
  });
});
