/**
 * The linter inside a real VS Code: diagnostics with exact ranges and severities, quick fixes
 * applied through the code-action API, code lens and status bar, settings and config-file
 * changes, closing. Every wait is on an event or a condition with a deadline — no sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test, suiteSetup, teardown } from 'mocha';
import { activateExtension, waitForDiagnostics } from './util';
import type { IntegrationDocsApi } from '../../../src/vscode/extension';
import { builtinTemplate } from '../../../src/templates/index';

let api: IntegrationDocsApi;
let root: vscode.Uri;

/** Writes a file into the test workspace and returns its URI. */
async function writeFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(root, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** A shipped template as documents get it: its `fields:` schema cut out of the file. */
async function template(id: string): Promise<string> {
  const t = builtinTemplate(id);
  assert.ok(t, id);
  return t.body;
}

/** Resolves when `predicate` holds, re-checking after every lint; rejects after `ms`. */
function until<T>(predicate: () => T | undefined | false, what: string, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const v = predicate();
      if (v) {
        done();
        resolve(v);
      }
    };
    const subs = [api.onDidLint(check), vscode.window.onDidChangeActiveTextEditor(check), vscode.languages.onDidChangeDiagnostics(check)];
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const done = () => {
      clearTimeout(timer);
      subs.forEach((s) => s.dispose());
    };
    check();
  });
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
}

async function runAction(action: vscode.CodeAction, extraArgs?: Record<string, unknown>): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `edit of "${action.title}" applied`);
  if (action.command) {
    const args = (action.command.arguments ?? []).map((a) => (extraArgs && typeof a === 'object' ? { ...a, ...extraArgs } : a));
    await vscode.commands.executeCommand(action.command.command, ...args);
  }
}

const ours = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => d.source === 'integration-docs');
const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : '');

suite('linting in VS Code', () => {
  suiteSetup(async () => {
    const activated = await activateExtension<IntegrationDocsApi>();
    api = activated.api;
    root = (vscode.workspace.workspaceFolders ?? [])[0].uri;
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('activates quickly and lints a seed template with exact ranges and severities', async () => {
    assert.ok(api.activationMs < 500, `activation took ${api.activationMs} ms`);
    const uri = await writeFile('implementation-guide.md', await template('implementation-guide'));
    await open(uri);
    const diags = ours(await waitForDiagnostics(uri, (d) => ours(d).length > 0));
    assert.equal(diags.filter((d) => ruleOf(d) === 'unchecked-dod').length, 5);
    assert.equal(diags.filter((d) => ruleOf(d) === 'placeholder').length, 68);
    const customer = diags.find((d) => d.message.includes('[Customer name or "Generic"]'));
    assert.ok(customer);
    assert.deepEqual([customer.range.start.line, customer.range.start.character, customer.range.end.line, customer.range.end.character], [6, 23, 6, 51]);
    assert.equal(customer.severity, vscode.DiagnosticSeverity.Warning, 'no status → warning');
    assert.equal(customer.source, 'integration-docs');
    const code = customer.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'placeholder');
    assert.equal(code.target.fragment, 'rule-placeholder');
    const dod = diags.find((d) => ruleOf(d) === 'unchecked-dod');
    assert.ok(dod);
    assert.deepEqual([dod.range.start.line, dod.range.start.character, dod.range.end.line, dod.range.end.character], [134, 0, 134, 68]);
  });

  test('a document status sets the severity: outline → information, final → error', async () => {
    const uri = await writeFile('status.md', '---\nstatus: final\n---\n\n# Guide for [Customer]\n');
    await open(uri);
    const [d] = ours(await waitForDiagnostics(uri, (ds) => ours(ds).length === 1));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    const editor = vscode.window.activeTextEditor as vscode.TextEditor;
    await editor.edit((b) => b.replace(new vscode.Range(1, 8, 1, 13), 'outline'));
    const [after] = ours(await waitForDiagnostics(uri, (ds) => ours(ds)[0]?.severity === vscode.DiagnosticSeverity.Information));
    assert.equal(after.message, 'Unfilled placeholder `[Customer]`: replace it with the value');
  });

  test('filling a field through its quick fix removes the diagnostic, in one undoable edit', async () => {
    const uri = await writeFile('fill.md', '# Guide\n\n| Who | Value |\n|---|---|\n| Author | [AUTHOR_NAME] |\n| Backup | [AUTHOR_NAME] |\n| Date | YYYY-MM-DD |\n');
    const editor = await open(uri);
    const diags = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 3));
    const target = diags.find((d) => d.message.includes('[AUTHOR_NAME]')) as vscode.Diagnostic;
    const actions = await codeActions(uri, target.range);
    const fill = actions.find((a) => a.title === 'Fill [AUTHOR_NAME]…');
    const fillAll = actions.find((a) => a.title === 'Fill all 2 [AUTHOR_NAME] in this document…');
    assert.ok(fill, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fillAll, 'an identifier is one shared field: Fill all is offered');
    await runAction(fill, { value: 'Dana Reyes' });
    await waitForDiagnostics(uri, (d) => ours(d).length === 2);
    assert.equal(editor.document.lineAt(4).text, '| Author | Dana Reyes |');
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, (d) => ours(d).length === 3);
    assert.equal(editor.document.lineAt(4).text, '| Author | [AUTHOR_NAME] |');

    await runAction(fillAll, { value: 'Sam Ito' });
    const left = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 1));
    assert.match(left[0].message, /YYYY-MM-DD/);
    assert.equal(editor.document.lineAt(5).text, '| Backup | Sam Ito |');
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, (d) => ours(d).length === 3);
  });

  test('Fill all is offered only where the places share one answer; a field hover shows the schema help and a Fill link', async () => {
    // `[X]` means something else at each place: one field per place, no Fill all.
    const uri = await writeFile('fill-x.md', '# Limits\n\nSetup: ~[X] minutes.\n\nRate limit: [X] requests.\n');
    await open(uri);
    const diags = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 2));
    const titles = (await codeActions(uri, diags[0].range)).map((a) => a.title);
    assert.ok(titles.includes('Fill [X]…'), titles.join(' | '));
    assert.ok(!titles.some((t) => t.startsWith('Fill all')), `no Fill all for [X]: ${titles.join(' | ')}`);
    // A document made from the integration page: its [X] hover has the schema's label and help.
    const page = await writeFile('hover-page.md', '---\ntemplate: integration-page\n---\n# Page\n\n**Setup time:** ~[X] minutes\n\nSee [Partner] and [Partner].\n');
    await open(page);
    await waitForDiagnostics(page, (d) => ours(d).filter((x) => ruleOf(x) === 'placeholder').length === 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', page, new vscode.Position(7, 6));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /\*\*Partner\*\* · text/);
    assert.match(text, /as customers know it/);
    assert.match(text, /One answer for its 2 places/);
    assert.match(text, /\[Fill…\]\(command:integrationDocs\.fillPlaceholder\?/);
    assert.match(text, /\[Fill all 2…\]\(command:integrationDocs\.fillPlaceholder\?/);
    const partnerActions = (await codeActions(page, new vscode.Range(7, 4, 7, 13))).map((a) => a.title);
    assert.ok(partnerActions.includes('Fill all 2 [Partner] in this document…'), `the schema shares [Partner]: ${partnerActions.join(' | ')}`);
  });

  test('rule links in diagnostics open the README shipped with the extension', async () => {
    const uri = await writeFile('rule-link.md', '# Guide for [Customer]\n');
    await open(uri);
    const [d] = ours(await waitForDiagnostics(uri, (ds) => ours(ds).length === 1));
    const target = (d.code as { target: vscode.Uri }).target;
    assert.equal(target.fragment, 'rule-placeholder');
    const stat = await vscode.workspace.fs.stat(target.with({ fragment: '' }));
    assert.equal(stat.type & vscode.FileType.File, vscode.FileType.File, `${target.toString()} is a file`);
  });

  test('marking a Definition of Done item done updates the code lens and the status bar', async () => {
    const uri = await writeFile('dod.md', '# Guide\n\nCustomer: [Customer]\n\n## Definition of Done\n\n- [ ] Tested\n- [x] Reviewed\n- [ ] Shipped\n');
    await open(uri);
    const diags = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 3));
    await until(() => api.statusText().includes('1 field · DoD 1/3'), 'status bar "1 field · DoD 1/3"');
    let lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [];
    assert.deepEqual(lenses.map((l) => l.command?.title), ['1 of 3 done']);
    const tested = diags.find((d) => d.message.includes('Tested')) as vscode.Diagnostic;
    const done = (await codeActions(uri, tested.range)).find((a) => a.title === 'Mark item done');
    assert.ok(done);
    await runAction(done);
    await waitForDiagnostics(uri, (d) => ours(d).length === 2);
    assert.equal(vscode.window.activeTextEditor?.document.lineAt(6).text, '- [x] Tested');
    await until(() => api.statusText().includes('DoD 2/3'), 'status bar "DoD 2/3"');
    lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [];
    assert.deepEqual(lenses.map((l) => l.command?.title), ['2 of 3 done']);
  });

  test('suppress quick fix inserts a comment that keeps the list intact', async () => {
    const uri = await writeFile('suppress.md', '## Definition of Done\n\n- [x] One\n- [ ] Two\n- [ ] Three\n');
    const editor = await open(uri);
    const diags = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 2));
    const two = diags.find((d) => d.message.includes('Two')) as vscode.Diagnostic;
    const suppress = (await codeActions(uri, two.range)).find((a) => a.title === 'Suppress unchecked-dod on line 4');
    assert.ok(suppress);
    await runAction(suppress);
    const left = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 1));
    assert.match(left[0].message, /Three/);
    assert.equal(editor.document.lineAt(3).text, '  <!-- integration-docs-disable-next-line unchecked-dod -->');
  });

  test('verified quick fixes through the code-action API: only the block, only the finding, YAML kept; one undo restores', async () => {
    const text = '---\nstatus: final\nsources: 3\n---\n\nPay {{#if premium}}more{{else}}less{{/if}} now.\n\n| Who | Value |\n|---|---|\n| Author | [Author name] |\n| Date | YYYY-MM-DD |\n';
    const uri = await writeFile('verified-fixes.md', text);
    const editor = await open(uri);
    const diags = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 4));
    // The code actions at a diagnostic's range (the command does not return which diagnostic an action fixes).
    const titles = (d: vscode.Diagnostic) => codeActions(uri, d.range);

    // Keep the {{else}} branch of an inline block: the rest of the line stays.
    const cond = diags.find((d) => ruleOf(d) === 'conditional') as vscode.Diagnostic;
    const keepElse = (await titles(cond)).find((a) => a.title === 'Keep the {{else}} branch (as if premium is false), remove the {{#if premium}} branch');
    assert.ok(keepElse, (await titles(cond)).map((a) => a.title).join(' | '));
    await runAction(keepElse);
    await waitForDiagnostics(uri, (d) => ours(d).length === 3);
    assert.equal(editor.document.lineAt(5).text, 'Pay less now.');
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, (d) => ours(d).length === 4);
    assert.equal(editor.document.getText(), text, 'one undo restores the text');

    // Suppress exactly one finding in a table cell: the other field of the table stays reported.
    const author = ours(vscode.languages.getDiagnostics(uri)).find((d) => d.message.includes('[Author name]')) as vscode.Diagnostic;
    const only = (await titles(author)).find((a) => a.title === 'Suppress only this placeholder finding');
    assert.ok(only);
    assert.ok((await titles(author)).some((a) => a.title === 'Suppress placeholder in this whole table (2 findings)'));
    await runAction(only);
    const left = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 3));
    assert.ok(left.some((d) => d.message.includes('YYYY-MM-DD')));
    assert.equal(editor.document.lineAt(9).text, '| Author | <!-- integration-docs-ignore-next placeholder -->[Author name] |');
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, (d) => ours(d).length === 4);
    assert.equal(editor.document.getText(), text);

    // Suppress a frontmatter finding of a final document: a YAML comment, the document stays final.
    const fm = ours(vscode.languages.getDiagnostics(uri)).find((d) => ruleOf(d) === 'frontmatter') as vscode.Diagnostic;
    const fmFix = (await titles(fm)).find((a) => a.title === 'Suppress only this frontmatter finding');
    assert.ok(fmFix);
    await runAction(fmFix);
    const rest = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 3));
    assert.equal(editor.document.lineAt(2).text, 'sources: 3 # integration-docs-ignore-previous frontmatter');
    assert.ok(rest.every((d) => d.severity === vscode.DiagnosticSeverity.Error), 'status final: errors stay errors');
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, (d) => ours(d).length === 4);
    assert.equal(editor.document.getText(), text);
  });

  test('plan quick fixes: Insert heading where the outline puts it, Add to outline, Create file inside the workspace', async () => {
    const text = ['---', 'outline:', '  overview:', '  setup-guide:', 'sources:', '  - path: /plan-sources/new-notes.md', '    purpose: "notes"', '---', '', '# Plan', '', '## Overview', '', 'Text.', '', '## Extra Notes', '', 'More.', ''].join('\n');
    const uri = await writeFile('plan-fixes.md', text);
    const editor = await open(uri);
    const rules = (ds: readonly vscode.Diagnostic[]) => ours(ds).map(ruleOf).sort().join(',');
    const diags = ours(await waitForDiagnostics(uri, (d) => rules(d) === 'outline,sources'));

    const planned = diags.find((d) => ruleOf(d) === 'outline') as vscode.Diagnostic;
    const insert = (await codeActions(uri, planned.range)).find((a) => a.title === 'Insert heading "## Setup Guide"');
    assert.ok(insert, (await codeActions(uri, planned.range)).map((a) => a.title).join(' | '));
    await runAction(insert);
    await waitForDiagnostics(uri, (d) => rules(d) === 'sources');
    assert.ok(editor.document.getText().includes('Text.\n\n## Setup Guide\n\n## Extra Notes\n'), editor.document.getText());
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, (d) => rules(d) === 'outline,sources');
    assert.equal(editor.document.getText(), text, 'one undo restores the text');

    const heading = new vscode.Range(15, 3, 15, 3);
    const add = (await codeActions(uri, heading)).find((a) => a.title === 'Add "Extra Notes" to the outline as `extra-notes`');
    assert.ok(add, (await codeActions(uri, heading)).map((a) => a.title).join(' | '));
    await runAction(add);
    await until(() => editor.document.lineAt(3).text === '  extra-notes:' || undefined, 'the new outline entry');
    assert.equal(rules(vscode.languages.getDiagnostics(uri)), 'outline,sources');
    await vscode.commands.executeCommand('undo');
    await until(() => editor.document.getText() === text || undefined, 'undo of Add to outline');
    // Code actions answer for the linted version only: wait for the lint of the restored text.
    await until(() => api.result(uri)?.version === editor.document.version || undefined, 'the lint of the restored text');

    const missing = ours(vscode.languages.getDiagnostics(uri)).find((d) => ruleOf(d) === 'sources') as vscode.Diagnostic;
    const create = (await codeActions(uri, missing.range)).find((a) => a.title === 'Create file /plan-sources/new-notes.md');
    assert.ok(create);
    assert.equal(create.command?.command, 'integrationDocs.createSource');
    await runAction(create);
    const created = vscode.Uri.joinPath(root, 'plan-sources/new-notes.md');
    assert.equal((await vscode.workspace.fs.stat(created)).type, vscode.FileType.File);
    await waitForDiagnostics(uri, (d) => rules(d) === 'outline');
    // Asked again (the file exists now), it refuses and never overwrites.
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('kept'));
    assert.equal(await vscode.commands.executeCommand('integrationDocs.createSource', { uri: uri.toString(), path: '/plan-sources/new-notes.md' }), false);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(created)), 'kept');
    assert.equal(await vscode.commands.executeCommand('integrationDocs.createSource', { uri: uri.toString(), path: '../outside.md' }), false, 'never outside the workspace');
  });

  test('a choice list offers its choices and conditionals can be kept or removed', async () => {
    const uri = await writeFile('choice.md', 'Tone: [Casual / Professional / Academic]\n\n{{#if accounting}}\nAccounting part\n{{/if}}\n');
    const editor = await open(uri);
    const diags = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 2));
    const choice = diags.find((d) => ruleOf(d) === 'placeholder') as vscode.Diagnostic;
    const pick = (await codeActions(uri, choice.range)).find((a) => a.title.startsWith('Choose'));
    assert.ok(pick);
    assert.deepEqual((pick.command?.arguments?.[0] as { choices: string[] }).choices, ['Casual', 'Professional', 'Academic']);
    await runAction(pick, { value: 'Professional' });
    const cond = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 1))[0];
    const keep = (await codeActions(uri, cond.range)).find((a) => a.title === 'Keep the content of {{#if accounting}} (as if accounting is true), remove its markers');
    assert.ok(keep);
    await runAction(keep);
    await waitForDiagnostics(uri, (d) => ours(d).length === 0);
    assert.equal(editor.document.getText(), 'Tone: Professional\n\nAccounting part\n');
  });

  test('Next Field selects the next unfilled field', async () => {
    const uri = await writeFile('next.md', 'A [First] and B [Second].\n');
    const editor = await open(uri);
    await waitForDiagnostics(uri, (d) => ours(d).length === 2);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('integrationDocs.nextField');
    assert.equal(editor.document.getText(editor.selection), '[First]');
    await vscode.commands.executeCommand('integrationDocs.nextField');
    assert.equal(editor.document.getText(editor.selection), '[Second]');
    await vscode.commands.executeCommand('integrationDocs.previousField');
    assert.equal(editor.document.getText(editor.selection), '[First]');
  });

  test('changing a severity setting re-lints without a reload', async () => {
    const uri = await writeFile('setting.md', 'Customer: [Customer]\n');
    await open(uri);
    await waitForDiagnostics(uri, (d) => ours(d)[0]?.severity === vscode.DiagnosticSeverity.Warning);
    const config = vscode.workspace.getConfiguration('integrationDocs');
    await config.update('rules.placeholder', 'error', vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(uri, (d) => ours(d)[0]?.severity === vscode.DiagnosticSeverity.Error);
      await config.update('rules.placeholder', 'off', vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(uri, (d) => ours(d).length === 0);
    } finally {
      await config.update('rules.placeholder', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (d) => ours(d)[0]?.severity === vscode.DiagnosticSeverity.Warning);
  });

  test('.integration-docs.json is read and its changes re-lint', async () => {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root, 'configured'));
    const uri = await writeFile('configured/doc.md', 'Owner: [Owner]\nStatus: TBD\n');
    await open(uri);
    await waitForDiagnostics(uri, (d) => ours(d).length === 1);
    const cfg = await writeFile('configured/.integration-docs.json', JSON.stringify({ rules: { placeholder: 'error' }, placeholderPatterns: ['\\bTBD\\b'] }));
    const diags = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 2 && ours(d).every((x) => x.severity === vscode.DiagnosticSeverity.Error)));
    assert.ok(diags.some((d) => d.message.includes('TBD')));
    await vscode.workspace.fs.delete(cfg);
    await waitForDiagnostics(uri, (d) => ours(d).length === 1 && ours(d)[0].severity === vscode.DiagnosticSeverity.Warning);
  });

  test('ignored files and team templates are not linted, and say why', async () => {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root, 'ignoring/drafts'));
    await writeFile('ignoring/.integration-docs.json', JSON.stringify({ ignore: ['drafts/**'] }));
    const ignored = await writeFile('ignoring/drafts/wip.md', 'Owner: [Owner]\n');
    await open(ignored);
    const r = await until(() => api.result(ignored), 'the ignored doc to be handled');
    assert.match(r.skipped ?? '', /ignore/);
    assert.equal(ours(vscode.languages.getDiagnostics(ignored)).length, 0);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root, '.integration-docs/templates'));
    const template = await writeFile('.integration-docs/templates/ignored-check.md', '---\ntitle: T\ndescription: D\n---\n# [Partner]\n');
    await open(template);
    const t = await until(() => api.result(template), 'the team template to be handled');
    assert.match(t.skipped ?? '', /team template/);
    await vscode.workspace.fs.delete(template);
  });

  test('typing quickly never leaves stale diagnostics', async () => {
    const uri = await writeFile('typing.md', 'Start\n');
    const editor = await open(uri);
    await until(() => api.result(uri)?.version === editor.document.version && api.result(uri), 'first lint');
    for (const word of ['[One] ', '[Two] ', '[Three] ', 'done ']) {
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), word));
    }
    // A lint of an older version may publish while the last edit is still on its way to the
    // extension host; what must hold is that the diagnostics of the final version are right.
    const current = () => api.result(uri)?.version === editor.document.version;
    const final = ours(await waitForDiagnostics(uri, (d) => ours(d).length === 3 && current()));
    assert.deepEqual(final.map((d) => editor.document.getText(d.range)).sort(), ['[One]', '[Three]', '[Two]']);
    assert.equal(api.result(uri)?.version, editor.document.version);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = await writeFile('close.md', 'Customer: [Customer]\n');
    await open(uri);
    await waitForDiagnostics(uri, (d) => ours(d).length === 1);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitForDiagnostics(uri, (d) => ours(d).length === 0, 20_000);
  });

  test('Lint All Integration Docs reports unopened docs', async () => {
    const uri = await writeFile('unopened.md', '# Plan for [Client]\n');
    const result = (await vscode.commands.executeCommand('integrationDocs.lintWorkspace')) as { linted: number };
    assert.ok(result.linted >= 1);
    const diags = ours(vscode.languages.getDiagnostics(uri));
    assert.equal(diags.length, 1);
    assert.match(diags[0].message, /\[Client\]/);
  });
});
