/**
 * The form inside a real VS Code, driven through its webview messages (the same `receive` the
 * webview's messages go through; what the extension posts back is observed with `onDidPost`).
 * The real webview loads too: its `ready` (sent only when its script ran under the panel's CSP)
 * is what brings the `init` message every test waits for. No sleeps: every wait is on a message
 * or a promise, with a deadline.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test, suiteSetup, suiteTeardown, teardown } from 'mocha';
import { activateExtension } from './util';
import type { IntegrationDocsApi } from '../../../src/vscode/extension';
import type { FormPanel } from '../../../src/vscode/form';
import { FILE_NAME_KEY, type FormDraft, type InitMessage, type StateMessage, type ToWebview } from '../../../src/vscode/formProtocol';
import type { FormField } from '../../../src/core/templates/index';

let root: vscode.Uri;
const created: vscode.Uri[] = [];
const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

/** Resolves with the first message `form` posts that `accept` takes; rejects after `ms`. */
function posted<T extends ToWebview>(form: FormPanel, accept: (m: ToWebview) => m is T, what: string, ms = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const sub = form.onDidPost((m) => {
      if (!accept(m)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(m);
    });
  });
}

const isInit = (m: ToWebview): m is InitMessage => m.type === 'init';
const stateWhere = (f: (s: StateMessage) => boolean) => (m: ToWebview): m is StateMessage => m.type === 'state' && f(m);
const isFailed = (m: ToWebview): m is Extract<ToWebview, { type: 'failed' }> => m.type === 'failed';

/** Opens the form for `args` and resolves once its webview asked for the form (`init`). */
async function openForm(args: { templateId: string } | { uri: string }): Promise<{ form: FormPanel; init: InitMessage }> {
  let form: FormPanel | undefined;
  const init = new Promise<InitMessage>((resolve, reject) => {
    const sub = api.forms.onDidOpen((f) => {
      sub.dispose();
      form = f;
      posted(f, isInit, 'the webview to load and ask for the form').then(resolve, reject);
    });
  });
  const returned = (await vscode.commands.executeCommand<FormPanel | undefined>('integrationDocs._openForm', args)) as FormPanel;
  const message = await init;
  assert.equal(returned, form, 'the command resolves with the controller of the form it opened');
  return { form: returned, init: message };
}

const fieldsOf = (init: InitMessage): FormField[] => init.view.sections.flatMap((s) => s.fields);
const keyOf = (init: InitMessage, text: string): string => {
  const f = fieldsOf(init).find((x) => x.text === text);
  assert.ok(f, `the form has ${text}`);
  return f.key;
};

/** Posts a `change` with `patch` applied to the form's current draft. */
async function change(form: FormPanel, patch: (d: FormDraft) => void): Promise<void> {
  const draft = form.current;
  patch(draft);
  await form.receive({ type: 'change', draft });
}

let api: IntegrationDocsApi;
let ext: vscode.Extension<IntegrationDocsApi>;

suite('the form (webview) in VS Code', () => {
  suiteSetup(async () => {
    ({ api, ext } = await activateExtension<IntegrationDocsApi>());
    root = (vscode.workspace.workspaceFolders ?? [])[0].uri;
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    for (const uri of created) await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
  });

  test('a template form: sections by heading, typed fields, blocks as toggles, and the webview loads under its CSP', async () => {
    const { form, init } = await openForm({ templateId: 'implementation-plan' });
    try {
      assert.equal(init.view.kind, 'template');
      assert.equal(init.asksFileName, true);
      assert.deepEqual(init.view.toggles.map((t) => t.name), ['accounting', 'marketing', 'fulfillment', 'HAS_DATA_MIGRATION']);
      const headings = init.view.sections.map((s) => s.heading);
      assert.ok(headings.includes('EXECUTIVE SUMMARY'), headings.join(' | '));
      assert.ok(init.strings.submit.length > 0 && init.strings.cancel.length > 0, 'the webview gets its strings from the extension');
      assert.match(form.panel.webview.html, /default-src 'none'/);
      assert.match(form.panel.webview.html, /<script nonce="[0-9a-f]{32}" src="[^"]*\/media\/form\.js"/);
      const media = form.panel.webview.asWebviewUri(vscode.Uri.joinPath(ext.extensionUri, 'media')).toString();
      const loaded = [...form.panel.webview.html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1].replace(/&#38;/g, '&'));
      assert.equal(loaded.length, 2, 'one script, one stylesheet');
      for (const url of loaded) assert.ok(url.startsWith(`${media}/`), `${url} comes from the extension's media folder`);
      assert.deepEqual(form.panel.webview.options.localResourceRoots?.map((u) => u.path), [vscode.Uri.joinPath(ext.extensionUri, 'media').path]);
    } finally {
      await form.receive({ type: 'cancel' });
    }
  });

  test('fill, toggle a block: the preview follows (debounced), slugs and the file name derive from the name', async () => {
    const { form, init } = await openForm({ templateId: 'implementation-plan' });
    try {
      const client = keyOf(init, '[CLIENT_NAME]');
      const first = posted(form, stateWhere((s) => s.preview.includes('**Client**: Acme Corp') && !s.preview.includes('Accounting-Specific')), 'a preview with the answer and without the block');
      await change(form, (d) => {
        d.answers[client] = 'Acme Corp';
        d.toggles.accounting = false;
      });
      const state = await first;
      assert.ok(state.preview.includes('Marketing-Specific'), 'the other blocks stay');
      assert.equal(state.derived[FILE_NAME_KEY], 'implementation-plan-acme-corp.md', 'the file name follows the client');
      assert.equal(state.canSubmit, true);
    } finally {
      await form.receive({ type: 'cancel' });
    }

    const page = await openForm({ templateId: 'integration-page' });
    try {
      const partner = keyOf(page.init, '[Partner]');
      const slug = keyOf(page.init, '[partner-name]');
      const derived = posted(page.form, stateWhere((s) => s.derived[slug] === 'globex-pay'), 'the slug derived from the partner');
      await change(page.form, (d) => (d.answers[partner] = 'Globex Pay'));
      const state = await derived;
      assert.match(state.preview, /^document: integration-page-globex-pay$/m);
      const wrong = posted(page.form, stateWhere((s) => s.errors[slug] !== undefined), 'a problem for a slug that is not one');
      await change(page.form, (d) => {
        d.answers[slug] = 'Globex Pay';
        d.edited.push(slug);
      });
      assert.equal((await wrong).canSubmit, false);
    } finally {
      await page.form.receive({ type: 'cancel' });
    }
  });

  test('closing the form keeps the answers as a draft; reopening restores them; Cancel discards them', async () => {
    let { form, init } = await openForm({ templateId: 'discovery-document' });
    const key = fieldsOf(init)[0].key;
    const saved = posted(form, stateWhere(() => true), 'the state after a change');
    await change(form, (d) => {
      d.answers[key] = 'Kept while closed';
      d.edited.push(key);
    });
    await saved;
    form.panel.dispose(); // what closing the tab does
    assert.equal(await form.done, undefined, 'closing creates nothing');

    ({ form, init } = await openForm({ templateId: 'discovery-document' }));
    assert.equal(init.draft.answers[key], 'Kept while closed', 'reopening restores the draft');
    assert.ok(init.draft.edited.includes(key));

    await form.receive({ type: 'cancel' });
    assert.equal(await form.done, undefined);
    ({ form, init } = await openForm({ templateId: 'discovery-document' }));
    assert.notEqual(init.draft.answers[key], 'Kept while closed', 'Cancel discarded the draft');
    await form.receive({ type: 'cancel' });
  });

  test('Create writes the previewed document and opens it; an existing file is never overwritten', async () => {
    const existing = vscode.Uri.joinPath(root, 'form-existing.md');
    await vscode.workspace.fs.writeFile(existing, new TextEncoder().encode('# Keep me\n'));
    created.push(existing);
    const { form, init } = await openForm({ templateId: 'implementation-plan' });
    const client = keyOf(init, '[CLIENT_NAME]');
    const taken = posted(form, stateWhere((s) => /already exists/.test(s.errors[FILE_NAME_KEY] ?? '')), 'the file name problem');
    await change(form, (d) => {
      d.answers[client] = 'Initech';
      d.fileName = 'form-existing.md';
      d.edited.push(FILE_NAME_KEY);
    });
    await taken;
    const refused = posted(form, isFailed, 'the refusal');
    await form.receive({ type: 'submit' });
    await refused;
    assert.equal(await read(existing), '# Keep me\n', 'the existing file is untouched');

    const ready = posted(form, stateWhere((s) => s.canSubmit), 'a free file name');
    await change(form, (d) => (d.fileName = 'forms/initech-plan.md'));
    const { preview } = await ready;
    await form.receive({ type: 'submit' });
    const uri = await form.done;
    assert.ok(uri, 'a document was created');
    created.push(uri);
    assert.equal(vscode.workspace.asRelativePath(uri), 'forms/initech-plan.md');
    const text = await read(uri);
    assert.equal(text, preview, 'the file is what the preview showed');
    assert.match(text, /\*\*Client\*\*: Initech/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new document is opened');

    const again = await openForm({ templateId: 'implementation-plan' });
    assert.notEqual(again.init.draft.answers[client], 'Initech', 'creating cleared the draft');
    await again.form.receive({ type: 'cancel' });
  });

  test('Fill Fields on an existing document applies every answer as one undoable edit, and refuses when the document changed', async () => {
    const original = '# Acme rollout\n\nOwner: [OWNER_NAME]\n\n## Setup\n\nTakes ~[X] minutes; ask [OWNER_NAME].\n';
    const uri = vscode.Uri.joinPath(root, 'form-fill.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    created.push(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);

    let { form, init } = await openForm({ uri: uri.toString() });
    assert.equal(init.view.kind, 'document');
    assert.equal(init.asksFileName, false);
    assert.deepEqual(fieldsOf(init).map((f) => f.text), ['[OWNER_NAME]', '[X]'], 'an identifier is one field wherever it stands');
    const owner = keyOf(init, '[OWNER_NAME]');
    const x = keyOf(init, '[X]');
    await change(form, (d) => {
      d.answers[owner] = 'Dana';
      d.answers[x] = '20';
    });
    await form.receive({ type: 'submit' });
    assert.equal((await form.done)?.toString(), uri.toString());
    const filled = '# Acme rollout\n\nOwner: Dana\n\n## Setup\n\nTakes ~20 minutes; ask Dana.\n';
    assert.equal(doc.getText(), filled);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original, 'one undo takes back every answer');

    ({ form, init } = await openForm({ uri: uri.toString() }));
    await change(form, (d) => (d.answers[keyOf(init, '[OWNER_NAME]')] = 'Sam'));
    // An edit while the form is open (the form covers the editor: a workspace edit, as another tool would make).
    const meanwhile = new vscode.WorkspaceEdit();
    meanwhile.insert(uri, new vscode.Position(0, 0), 'Intro line.\n\n');
    assert.ok(await vscode.workspace.applyEdit(meanwhile));
    const failed = posted(form, isFailed, 'the refusal of a stale form');
    const reread = posted(form, isInit, 'the fields read again');
    await form.receive({ type: 'submit' });
    assert.match((await failed).message, /changed/);
    await reread;
    assert.equal(doc.getText(), `Intro line.\n\n${original}`, 'nothing applied to a changed document');
    await form.receive({ type: 'submit' });
    assert.equal((await form.done)?.toString(), uri.toString());
    assert.match(doc.getText(), /^Owner: Sam$/m, 'applied once read again');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
