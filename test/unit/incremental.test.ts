/**
 * The incremental linter (what the extension runs on every keystroke) must always equal a
 * fresh lint: random edit sequences over the templates and fixtures — typing, deleting,
 * pasting fences, blank lines, list markers, frontmatter edits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { lint, Linter } from '../../src/core/index';
import { buildIncremental, buildModel, FactCache } from '../../src/core/document';
import { FIXTURES, ROOT, markdownFiles, read, rng } from './helpers';


const INSERTS = ['x', ' ', '\n', '\n\n', '[', ']', '[Field]', '```\n', '```', '~~~\n', '<!--', '-->', '<pre>\n', '- [ ] ', '# ', '    ', '{{#if a}}', '{{/if}}', '---\n', '| a |', 'YYYY-MM-DD', '>'];

test('incremental re-lints equal fresh lints over random edit sequences', () => {
  const docs = [
    ...readdirSync(join(ROOT, 'src/templates')).map((f) => read(join(ROOT, 'src/templates', f))),
    ...markdownFiles(FIXTURES).map((f) => read(join(FIXTURES, f))),
  ];
  const random = rng(99);
  const rounds = Number(process.env.INCREMENTAL_ROUNDS ?? 40);
  for (let r = 0; r < rounds; r++) {
    let text = docs[r % docs.length];
    const linter = new Linter();
    linter.lint(text);
    for (let step = 0; step < 25; step++) {
      const at = Math.floor(random() * (text.length + 1));
      if (random() < 0.35) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
      else text = text.slice(0, at) + INSERTS[Math.floor(random() * INSERTS.length)] + text.slice(at);
      assert.deepEqual(linter.lint(text).findings, lint(text), `round ${r} step ${step}`);
    }
  }
});

test('incremental re-lints equal fresh lints with a BOM and unclosed frontmatter', () => {
  const docs = [
    ...readdirSync(join(ROOT, 'src/templates')).map((f) => read(join(ROOT, 'src/templates', f))),
    ...markdownFiles(FIXTURES).map((f) => read(join(FIXTURES, f))),
  ];
  const random = rng(7);
  const inserts = [...INSERTS, '\uFEFF', 'title: [X]\n', 'tags: [A B]\n', '---', '\n---\n'];
  const rounds = Math.max(4, Math.floor(Number(process.env.INCREMENTAL_ROUNDS ?? 40) / 2));
  for (let r = 0; r < rounds; r++) {
    const doc = docs[r % docs.length];
    // A BOM before the text; every other round, an opening `---` whose closing line is removed.
    let text = `\uFEFF${r % 2 ? doc.replace(/^(---\r?\n[\s\S]*?\n)---\r?\n/, '$1') : doc}`;
    const linter = new Linter();
    linter.lint(text);
    for (let step = 0; step < 25; step++) {
      // Edits near the start half of the time, where the BOM and the frontmatter are.
      const at = Math.floor(random() * (random() < 0.5 ? Math.min(text.length, 80) + 1 : text.length + 1));
      if (random() < 0.35) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
      else text = text.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + text.slice(at);
      assert.deepEqual(linter.lint(text).findings, lint(text), `round ${r} step ${step}`);
    }
  }
});

test('shortening a fence opener that split a paragraph joins the paragraph again', () => {
  // `~~~` interrupts the paragraph and opens a fence; `~~` is text, so the field spans three lines.
  const before = 'See [Customer\n~~~\nname]\n';
  const after = before.replace('~~~', '~~');
  const linter = new Linter();
  assert.deepEqual(linter.lint(before).findings, []);
  const findings = linter.lint(after).findings;
  assert.deepEqual(findings, lint(after));
  assert.deepEqual(findings.map((f) => f.message), ['Unfilled placeholder `[Customer ~~ name]`: replace it with the value']);
});

test('incremental re-lints equal fresh lints on small documents where every edit is near a boundary', () => {
  const parts = ['See [Customer\n~~~\nname]\n', '# Title\n\nSome [Field] here.\n', '- [ ] item\n', '```js\nx[1]\n```\n', '> quote [A B]\n>\n', '<!-- c -->\n', '| a |\n| - |\n| [X Y] |\n', '\n', 'Para\ntext [Name\nHere]\n', '    code [Not]\n', '<pre>\n[X Y]\n\n</pre>\n'];
  const random = rng(3);
  const rounds = Number(process.env.INCREMENTAL_ROUNDS ?? 40) * 5;
  for (let r = 0; r < rounds; r++) {
    let text = '';
    for (let i = 2 + Math.floor(random() * 5); i > 0; i--) text += parts[Math.floor(random() * parts.length)];
    const linter = new Linter();
    linter.lint(text);
    for (let step = 0; step < 12; step++) {
      const at = Math.floor(random() * (text.length + 1));
      if (random() < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
      else text = text.slice(0, at) + [...INSERTS, '~', '`', '> ', '- '][Math.floor(random() * (INSERTS.length + 4))] + text.slice(at);
      assert.deepEqual(linter.lint(text).findings, lint(text), `round ${r} step ${step}: ${JSON.stringify(text)}`);
    }
  }
});

test('edits at the end of the frontmatter re-read it exactly when a fresh lint reads it otherwise', () => {
  const heads = ['---\ntitle: [Partner]\nstatus: draft\n---\n', '---\ntitle: x\n...\n', '---\r\ntitle: [X]\r\n---\r\n', '---\ntitle: [X]\n---', '---\ntitle: [X]\n', '--- \nstatus: final\n---\n\n'];
  const body = '# Guide\n\n[Customer name] and YYYY-MM-DD.\n\n## Definition of Done\n\n- [ ] done\n';
  const inserts = ['x', '\n', '\r', '---', '...', '-', ' ', '\n---\n', 'status: final\n', '# '];
  const random = rng(21);
  for (const head of heads) {
    for (let round = 0; round < 12; round++) {
      let text = head + body;
      const linter = new Linter();
      linter.lint(text);
      for (let step = 0; step < 12; step++) {
        const end = text.indexOf('\n---', 3) === -1 ? head.length : text.indexOf('\n---', 3) + 4;
        const at = Math.max(0, Math.min(text.length, end - 3 + Math.floor(random() * 8)));
        if (random() < 0.3) text = text.slice(0, at) + text.slice(at + 1);
        else text = text.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + text.slice(at);
        const { model, findings } = linter.lint(text);
        assert.deepEqual(findings, lint(text), `${JSON.stringify(head)} round ${round} step ${step}`);
        assert.equal(model.status, new Linter().lint(text).model.status, 'the status is read again when the frontmatter changed');
      }
    }
  }
});

test('the model after an edit equals a fresh one, fact by fact (facts moved past an edit keep every property)', () => {
  const docs = [
    ...readdirSync(join(ROOT, 'src/templates')).map((f) => read(join(ROOT, 'src/templates', f))),
    ...markdownFiles(FIXTURES).map((f) => read(join(FIXTURES, f))),
  ];
  const random = rng(7);
  const options = { patterns: [] };
  for (let r = 0; r < 30; r++) {
    let text = docs[(r * 7) % docs.length];
    const cache = new FactCache();
    let state = buildIncremental(text, options, cache, undefined).state;
    for (let step = 0; step < 10; step++) {
      // Edits near the start, so most facts are moved past them.
      const at = Math.floor(random() * Math.min(text.length + 1, 400));
      text = random() < 0.4 ? text.slice(0, at) + text.slice(at + 1) : `${text.slice(0, at)}${INSERTS[Math.floor(random() * INSERTS.length)]}${text.slice(at)}`;
      const next = buildIncremental(text, options, cache, state);
      state = next.state;
      const fresh = buildModel(text, options);
      for (const kind of ['fields', 'tags', 'tasks', 'headings', 'comments', 'degraded'] as const) {
        assert.deepEqual(next.model[kind], fresh[kind], `round ${r} step ${step}: ${kind}`);
      }
    }
  }
});

test('a model field is its chunk fact moved to document offsets, and every field has the one shape of a field', () => {
  const docs = [
    ...readdirSync(join(ROOT, 'src/templates')).map((f) => read(join(ROOT, 'src/templates', f))),
    ...markdownFiles(FIXTURES).map((f) => read(join(FIXTURES, f))),
  ];
  // The keys of `FieldFact`, in the order readers set them: a key a reader sets beyond these would be lost.
  const keys = ['start', 'end', 'text', 'refLabel', 'soft', 'dialect', 'kind', 'name', 'choices', 'where'];
  let withOptionalKeys = 0;
  for (const text of docs) {
    const { model, state } = buildIncremental(text, { patterns: [] }, new FactCache(), undefined);
    const facts = state.entries.flatMap(({ chunk, facts }) => facts.fields.map((f) => ({ f, by: chunk.start })));
    // Every fact has the one shape of a field (`fieldHit`, `fieldFact`), whichever path read it.
    for (const { f } of facts) assert.deepEqual(Object.keys(f), keys, f.text);
    const expected = facts.map(({ f, by }) => ({ ...f, start: f.start + by, end: f.end + by }));
    assert.deepStrictEqual(model.fields, expected);
    for (const f of model.fields) assert.deepEqual(Object.keys(f), keys);
    withOptionalKeys += facts.filter(({ f }) => f.refLabel !== undefined || f.soft !== undefined || f.choices !== undefined).length;
  }
  assert.ok(withOptionalKeys > 100, `fields with optional keys: ${withOptionalKeys}`);
});
