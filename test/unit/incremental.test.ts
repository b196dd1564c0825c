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
