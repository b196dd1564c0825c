// The form's webview: builds the inputs from the extension's `init` message and posts every
// edit back (`change`); shows the preview, derived values and problems the extension sends
// (`state`). Every text comes from the extension (translated); all of it is set with
// textContent, never parsed as HTML. The message types are in src/vscode/formProtocol.ts.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const FILE_NAME_KEY = '#fileName';
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));

  /** @type {{ answers: Record<string,string>, edited: Set<string>, toggles: Record<string,boolean>, fileName?: string }} */
  let draft = { answers: {}, edited: new Set(), toggles: {} };
  /** @type {Record<string,string>} */
  let strings = {};
  /** Inputs by key (field keys and FILE_NAME_KEY). @type {Map<string, HTMLInputElement|HTMLTextAreaElement|HTMLSelectElement>} */
  const inputs = new Map();
  /** Error paragraphs by key. @type {Map<string, HTMLElement>} */
  const errorsOf = new Map();
  let submitButton = /** @type {HTMLButtonElement|null} */ (null);
  let status = /** @type {HTMLElement|null} */ (null);
  let alertEl = /** @type {HTMLElement|null} */ (null);
  let previewEl = /** @type {HTMLElement|null} */ (null);
  let ids = 0;
  /** Field labels by key (a derived field names the one it follows). @type {Map<string,string>} */
  const labels = new Map();

  const fmt = (/** @type {string} */ s, /** @type {unknown[]} */ ...args) => s.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));

  /** Creates an element with attributes and text. */
  function el(/** @type {string} */ tag, /** @type {Record<string,string>} */ attrs = {}, /** @type {string=} */ text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function post(/** @type {unknown} */ message) {
    vscode.postMessage(message);
  }

  function postChange() {
    post({ type: 'change', draft: { ...draft, edited: [...draft.edited] } });
  }

  /** The input for a field's type. */
  function inputFor(field, id) {
    const value = draft.answers[field.key] ?? '';
    if (field.type === 'choice' && field.choices) {
      const select = /** @type {HTMLSelectElement} */ (el('select', { id }));
      select.append(el('option', { value: '' }, strings.leaveField));
      for (const c of field.choices) select.append(el('option', { value: c }, c));
      select.value = value;
      return select;
    }
    if (field.type === 'multiline') {
      const area = /** @type {HTMLTextAreaElement} */ (el('textarea', { id, rows: '3', placeholder: field.text }));
      area.value = value;
      return area;
    }
    const types = { date: 'date', url: 'url', number: 'text' };
    const input = /** @type {HTMLInputElement} */ (el('input', { id, type: types[field.type] ?? 'text', placeholder: field.text }));
    if (field.type === 'number') input.inputMode = 'decimal';
    if (field.type === 'slug' || field.type === 'url') input.spellcheck = false;
    input.value = value;
    return input;
  }

  /** A labelled input with its context, help and error line, wired to the draft. */
  function fieldRow(field, label, describedBy) {
    const id = `f${ids++}`;
    const row = el('div', { class: 'field' });
    const input = inputFor(field, id);
    const help = el('p', { id: `${id}-help`, class: 'help' });
    const error = el('p', { id: `${id}-error`, class: 'error', 'aria-live': 'polite' });
    row.append(el('label', { for: id }, label), input);
    if (describedBy) help.textContent = describedBy;
    row.append(help, error);
    input.setAttribute('aria-describedby', `${id}-help ${id}-error`);
    input.addEventListener('input', () => {
      draft.edited.add(field.key);
      if (field.key === FILE_NAME_KEY) draft.fileName = input.value;
      else draft.answers[field.key] = input.value;
      postChange();
    });
    inputs.set(field.key, input);
    errorsOf.set(field.key, error);
    return row;
  }

  // The section's legend already names the heading: the line says where in it.
  function describe(field) {
    const parts = [field.help, `${field.text} · ${fmt(strings.line, field.context.line)}`];
    if (field.occurrences > 1) parts.push(fmt(strings.places, field.occurrences));
    if (field.derivedFrom) parts.push(fmt(strings.derived, labels.get(field.derivedFrom) ?? field.derivedFrom));
    return parts.filter(Boolean).join(' — ');
  }

  function sectionFieldset(section) {
    const fs = el('fieldset');
    fs.append(el('legend', {}, section.heading ?? strings.topSection));
    for (const field of section.fields) fs.append(fieldRow(field, field.label, describe(field)));
    return fs;
  }

  function togglesFieldset(toggles) {
    const fs = el('fieldset', { class: 'toggles' });
    fs.append(el('legend', {}, strings.blocks), el('p', { class: 'help' }, strings.blocksHelp));
    for (const t of toggles) {
      const id = `t${ids++}`;
      const box = /** @type {HTMLInputElement} */ (el('input', { id, type: 'checkbox' }));
      box.checked = draft.toggles[t.name] ?? t.keep;
      box.addEventListener('change', () => {
        draft.toggles[t.name] = box.checked;
        postChange();
      });
      const row = el('div', { class: 'toggle' });
      row.append(box, el('label', { for: id }, `{{#if ${t.name}}}`));
      fs.append(row);
    }
    return fs;
  }

  function buttons() {
    const bar = el('div', { class: 'buttons' });
    submitButton = /** @type {HTMLButtonElement} */ (el('button', { type: 'submit', class: 'primary' }, strings.submit));
    const cancel = el('button', { type: 'button', class: 'secondary', 'aria-describedby': 'cancel-help' }, strings.cancel);
    cancel.addEventListener('click', () => post({ type: 'cancel' }));
    bar.append(submitButton, cancel, el('p', { id: 'cancel-help', class: 'help' }, strings.cancelHelp));
    return bar;
  }

  function render(message) {
    strings = message.strings;
    draft = { ...message.draft, edited: new Set(message.draft.edited) };
    inputs.clear();
    errorsOf.clear();
    labels.clear();
    for (const section of message.view.sections) for (const f of section.fields) labels.set(f.key, f.label);
    const title = fmt(strings.heading, message.view.title);
    const form = el('form', { novalidate: '', 'aria-labelledby': 'form-title' });
    form.append(el('h1', { id: 'form-title' }, title), el('p', { class: 'intro' }, strings.intro));
    if (message.view.sections.length === 0) form.append(el('p', {}, strings.noFields));
    for (const section of message.view.sections) form.append(sectionFieldset(section));
    if (message.view.toggles.length) form.append(togglesFieldset(message.view.toggles));
    if (message.asksFileName) {
      const fs = el('fieldset');
      fs.append(el('legend', {}, strings.fileName));
      fs.append(fieldRow({ key: FILE_NAME_KEY, type: 'text', text: '' }, strings.fileName, strings.fileNameHelp));
      /** @type {HTMLInputElement} */ (inputs.get(FILE_NAME_KEY)).value = draft.fileName ?? '';
      form.append(fs);
    }
    status = el('div', { role: 'status', 'aria-live': 'polite', class: 'status' });
    alertEl = el('div', { role: 'alert', class: 'status alert' });
    form.append(status, alertEl, buttons());
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      post({ type: 'submit' });
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        post({ type: 'submit' });
      }
    });
    const side = el('section', { class: 'preview', 'aria-labelledby': 'preview-title' });
    previewEl = el('pre', { tabindex: '0', 'aria-label': strings.previewLabel });
    side.append(el('h2', { id: 'preview-title' }, strings.preview), previewEl);
    app.replaceChildren(form, side);
    app.setAttribute('aria-busy', 'false');
    document.title = title;
    const first = form.querySelector('input, select, textarea');
    if (first instanceof HTMLElement) first.focus();
  }

  function showState(message) {
    for (const [key, value] of Object.entries(message.derived)) {
      const input = inputs.get(key);
      if (draft.edited.has(key)) continue;
      if (key === FILE_NAME_KEY) draft.fileName = value;
      else draft.answers[key] = value;
      if (input && input.value !== value) input.value = value;
    }
    for (const [key, error] of errorsOf) {
      const text = message.errors[key] ?? '';
      if (error.textContent !== text) error.textContent = text;
      inputs.get(key)?.setAttribute('aria-invalid', text ? 'true' : 'false');
    }
    const count = Object.keys(message.errors).length;
    if (status) status.textContent = count ? fmt(strings.problems, count) : '';
    if (alertEl && count === 0) alertEl.textContent = '';
    if (submitButton) submitButton.setAttribute('aria-disabled', message.canSubmit ? 'false' : 'true');
    if (previewEl) previewEl.textContent = message.preview;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message?.type === 'init') render(message);
    else if (message?.type === 'state') showState(message);
    else if (message?.type === 'failed' && alertEl) {
      alertEl.textContent = message.message;
      const invalid = app.querySelector('[aria-invalid="true"]');
      if (invalid instanceof HTMLElement) invalid.focus();
    }
  });
  post({ type: 'ready' });
})();
