/**
 * Templates inside a real VS Code: "New Document from Template…" through its scripting
 * arguments and through the real quick input (answered with the workbench's quick-input
 * commands), "Insert Template…" as one undoable snippet, and team templates from
 * `.integration-docs/templates/` (listed, edited live, broken ones reported). No sleeps: every
 * wait is on an event with a deadline.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test, suiteSetup, suiteTeardown, teardown } from 'mocha';
import { activateExtension, waitForDiagnostics } from './util';
import type { IntegrationDocsApi } from '../../../src/vscode/extension';
import type { StepInfo } from '../../../src/vscode/quickInput';
import { localDate } from '../../../src/core/templates/index';

let api: IntegrationDocsApi;
let root: vscode.Uri;
const created: vscode.Uri[] = [];

const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const ours = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.source === 'integration-docs');
const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : '');
const fields = (ds: readonly vscode.Diagnostic[]) => ours(ds).filter((d) => ruleOf(d) === 'placeholder');

async function writeFile(rel: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(root, rel);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  created.push(uri);
  return uri;
}

/** Resolves when `check` (re-run after every catalog change) returns a value; rejects after `ms`. */
function untilCatalog<T>(check: () => Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const run = async () => {
      const v = await check();
      if (v !== undefined && !settled) {
        settled = true;
        done();
        resolve(v);
      }
    };
    const sub = api.templates.onDidChange(() => void run());
    const timer = setTimeout(() => {
      settled = true;
      done();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const done = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    void run();
  });
}

/** Collects the steps the new-document flow shows; `next()` resolves with the next one. */
function stepRecorder() {
  const queue: StepInfo[] = [];
  const waiting: Array<(s: StepInfo) => void> = [];
  const sub = api.onDidShowTemplateStep((s) => {
    const w = waiting.shift();
    if (w) w(s);
    else queue.push(s);
  });
  return {
    next(ms = 10_000): Promise<StepInfo> {
      const s = queue.shift();
      if (s) return Promise.resolve(s);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timed out waiting for the next quick-input step')), ms);
        waiting.push((x) => {
          clearTimeout(timer);
          resolve(x);
        });
      });
    },
    dispose: () => sub.dispose(),
  };
}

const accept = () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

suite('templates in VS Code', () => {
  suiteSetup(async () => {
    ({ api } = await activateExtension<IntegrationDocsApi>());
    root = (vscode.workspace.workspaceFolders ?? [])[0].uri;
    // The team folder exists before its files are written (as in a repository that has one), so
    // the file watcher is already watching it when the last test adds templates.
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root, '.integration-docs/templates'));
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    for (const uri of created) await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, '.integration-docs'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('New Document (scripted) creates integration-page-acme.md with stamped frontmatter, tracked by the linter', async () => {
    const uri = (await vscode.commands.executeCommand<vscode.Uri>('integrationDocs.newDocument', {
      templateId: 'integration-page',
      values: { Partner: 'Acme', 'Your Product': 'Ledgerly' },
    })) as vscode.Uri;
    created.push(uri);
    assert.equal(uri.path.split('/').pop(), 'integration-page-acme.md');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new doc is opened');
    const text = await read(uri);
    const today = localDate(new Date());
    const head = text.slice(0, text.indexOf('\n---\n', 4));
    assert.match(head, /^template: integration-page$/m);
    assert.match(head, /^template_version: "?1\.0\.0"?$/m);
    assert.match(head, new RegExp(`^created: "?${today}"?$`, 'm'));
    assert.match(head, /^status: outline$/m);
    assert.match(head, /^document: integration-page-acme$/m, 'slug field [partner-name] got the related answer');
    assert.match(head, /- path: \/sources\/acme-api-docs\.md/, 'sources from the template, filled');
    assert.match(head, /^outline:\n {2}overview:/m, 'outline from the template');
    assert.ok(!/\[Partner\]|\[partner\]|\[Your Product\]|YYYY-MM-DD/.test(text), 'set and related fields are filled everywhere');

    const diags = fields(await waitForDiagnostics(uri, (d) => fields(d).length > 0));
    assert.ok(diags.some((d) => d.message.includes('[Capability 1]')), 'unset fields remain as diagnostics');
    assert.ok(!diags.some((d) => /\[(Partner|partner|partner-name|Your Product)\]/.test(d.message)), 'set fields are not reported');
    assert.equal(diags[0].severity, vscode.DiagnosticSeverity.Information, 'status: outline → information');
  });

  test('New Document (scripted) removes unkept conditional blocks cleanly and never overwrites a file', async () => {
    const uri = (await vscode.commands.executeCommand<vscode.Uri>('integrationDocs.newDocument', {
      templateId: 'implementation-plan',
      values: { CLIENT_NAME: 'Acme' },
      keep: ['accounting'],
      fileName: 'plans/acme-plan.md',
      open: false,
    })) as vscode.Uri;
    created.push(uri);
    const text = await read(uri);
    assert.ok(!/\{\{[#/]|\{\{else/.test(text), 'no conditional markers left');
    assert.ok(!/\n\n\n/.test(text), 'no doubled blank lines');
    assert.match(text, /^template: implementation-plan$/m);
    assert.ok(!text.includes('CLIENT_NAME'));

    const existing = await writeFile('existing-doc.md', '# Keep me\n');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('integrationDocs.newDocument', { templateId: 'integration-page', fileName: 'existing-doc.md' })),
      /already exists/,
    );
    assert.equal(await read(existing), '# Keep me\n', 'the existing file is untouched');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('integrationDocs.newDocument', { templateId: 'integration-page', values: { Nope: 'x' } })), /Unknown field "Nope"/);
  });

  test('New Document through the real quick input: step n of m, Back, empty answers leave fields, Escape writes nothing', async () => {
    const before = (await vscode.workspace.fs.readDirectory(root)).map(([n]) => n).sort();
    const steps = stepRecorder();
    try {
      // Escape at a field step cancels the flow.
      let running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('integrationDocs.newDocumentQuick'));
      let s = await steps.next();
      assert.equal(s.kind, 'pick');
      assert.equal(s.step, 1);
      assert.ok(s.items?.includes('Implementation Guide'), `items: ${s.items}`);
      await accept(); // the first item: Implementation Guide
      s = await steps.next();
      assert.equal(s.step, 2);
      assert.equal(s.title, 'New Implementation Guide');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await running, undefined);
      assert.deepEqual((await vscode.workspace.fs.readDirectory(root)).map(([n]) => n).sort(), before, 'nothing written');

      // Accept everything, with one Back: the doc equals the scripted one with no values (defaults on).
      running = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>('integrationDocs.newDocumentQuick'));
      s = await steps.next();
      await accept();
      s = await steps.next();
      const total = s.totalSteps;
      assert.ok(total > 50, `implementation guide has ${total} steps`);
      await accept();
      s = await steps.next();
      assert.equal(s.step, 3);
      await vscode.commands.executeCommand('workbench.action.quickInputBack');
      s = await steps.next();
      assert.equal(s.step, 2, 'Back shows the previous field again');
      let dates = 0;
      for (;;) {
        if (s.value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(s.value)) dates++;
        if (s.step === total) break;
        await accept();
        s = await steps.next();
      }
      assert.ok(dates > 0, 'date stubs are prefilled with today');
      // <id>.md, made unique (the linting suite wrote an implementation-guide.md)
      const proposed = s.value ?? '';
      assert.match(proposed, /^implementation-guide(-\d+)?\.md$/, 'file name step proposes a free <id>.md');
      await accept();
      const uri = (await running) as vscode.Uri;
      assert.ok(uri, 'a document was created');
      created.push(uri);
      assert.equal(uri.path.split('/').pop(), proposed);
      const scripted = (await vscode.commands.executeCommand<vscode.Uri>('integrationDocs.newDocument', { templateId: 'implementation-guide', open: false })) as vscode.Uri;
      created.push(scripted);
      assert.match(scripted.path.split('/').pop() ?? '', /^implementation-guide-\d+\.md$/, 'the suggested name is made unique');
      assert.notEqual(scripted.toString(), uri.toString());
      assert.equal(await read(uri), await read(scripted), 'accepting every prefilled answer = the scripting API with defaults');
    } finally {
      steps.dispose();
    }
  });

  test('Insert Template inserts a snippet at the cursor, leaves the rest alone, and undoes in one step', async () => {
    const original = '---\nstatus: draft\n---\n# Notes\n\nBefore.\n\nAfter.\n';
    const uri = await writeFile('insert-here.md', original);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    editor.selection = new vscode.Selection(6, 0, 6, 0); // the empty line between Before and After
    assert.equal(await vscode.commands.executeCommand('integrationDocs.insertTemplate', { templateId: 'integration-page' }), true);
    const text = editor.document.getText();
    assert.ok(text.startsWith('---\nstatus: draft\n---\n# Notes\n\nBefore.\n'), 'text before the cursor unchanged');
    assert.ok(text.endsWith('\nAfter.\n'), 'text after the cursor unchanged');
    const inserted = text.slice('---\nstatus: draft\n---\n# Notes\n\nBefore.\n'.length, text.length - '\nAfter.\n'.length);
    assert.ok(!inserted.includes('format_template:'), 'no template frontmatter in a doc that has one');
    assert.ok(inserted.includes('[Your Product]') && inserted.includes('## '), 'the template body was inserted');
    // Tab stops run down the inserted text: the first is the heading's [Your Product].
    assert.equal(editor.document.getText(editor.selection), '[Your Product]', 'the first tab stop (the heading) is selected');
    await vscode.commands.executeCommand('leaveSnippet');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original, 'one undo removes the whole insertion');

    // An empty document gets the template's frontmatter too.
    const empty = await writeFile('insert-empty.md', '');
    const e2 = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(empty));
    await vscode.commands.executeCommand('integrationDocs.insertTemplate', { templateId: 'integration-page' });
    assert.ok(e2.document.getText().startsWith('---\nproject: '), e2.document.getText().slice(0, 80));
  });

  test('team templates are listed, edits show without a reload, and a broken one is reported without hiding the others', async () => {
    const initial = await api.templates.list();
    assert.deepEqual(
      initial.templates.filter((t) => t.source === 'builtin').map((t) => t.id),
      ['implementation-guide', 'implementation-plan', 'integration-page', 'integration-playbook', 'discovery-document'],
    );
    await writeFile('.integration-docs/templates/launch-note.md', '---\ntitle: Partner launch note\ndescription: One page announcing a partner integration\nstatus: draft\n---\n# [Partner] is live\n\n{{#if beta}}\nBeta first.\n{{/if}}\n');
    await writeFile('.integration-docs/templates/broken.md', '---\ntitle: Broken\ndescription: Never closed\n---\n{{#if x}}\ntext\n');
    const snap = await untilCatalog(async () => {
      const s = await api.templates.list();
      return s.templates.some((t) => t.id === 'launch-note') && s.problems.length > 0 ? s : undefined;
    }, 'the team templates to be listed');
    assert.equal(snap.templates.length, 6, 'five built-ins and the good team template');
    assert.equal(snap.problems.length, 1);
    assert.match(snap.problems[0], /^\.integration-docs\/templates\/broken\.md: line 5: /);
    const note = snap.templates.find((t) => t.id === 'launch-note');
    assert.equal(note?.source, 'workspace');

    // Edited: the new title shows without a reload.
    await writeFile('.integration-docs/templates/launch-note.md', '---\ntitle: Launch note v2\ndescription: One page\n---\n# [Partner] is live\n');
    await untilCatalog(async () => ((await api.templates.get('launch-note'))?.title === 'Launch note v2' ? true : undefined), 'the edited title');

    // And it can be used like a built-in.
    const uri = (await vscode.commands.executeCommand<vscode.Uri>('integrationDocs.newDocument', { templateId: 'launch-note', values: { Partner: 'Northwind' }, open: false })) as vscode.Uri;
    created.push(uri);
    assert.equal(uri.path.split('/').pop(), 'launch-note-northwind.md');
    assert.match(await read(uri), /^---\ntemplate: launch-note\n[^]*---\n\n# Northwind is live\n$/);
  });
});
