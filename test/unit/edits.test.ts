/**
 * Quick-fix edits, checked as properties over every finding of every template and fixture:
 * a suppression comment removes exactly its finding and leaves every other finding in place
 * (so it broke no list, table or block quote); marking a task done removes its finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { lint, type Finding } from '../../src/core/index';
import { applyEdits, markDoneEdit, resolveConditionalEdits } from '../../src/core/edits';
import { fixSession, candidateFixes } from '../../src/core/fixes';
import type { TextEdit } from '../../src/core/edits';
import { ROOT, read, joinLines } from './helpers';

function docs(): [string, string][] {
  const dir = join(ROOT, 'src/templates');
  return readdirSync(dir).map((f) => [f, read(join(dir, f))]);
}

/** The broader suppression of a finding as planned (line, table or code block), unverified. */
function suppressionEdits(text: string, f: Finding): TextEdit[] {
  const session = fixSession(text);
  const target = session.detail.findings.find((g) => g.startOffset === f.startOffset && g.rule === f.rule && g.message === f.message) as Finding;
  const group = candidateFixes(session, target).find((g) => g[0]?.suppression) ?? [];
  const fix = group.find((x) => / on line \d+| whole table| whole code block/.test(x.title));
  assert.ok(fix, `no broader suppression for ${f.message}`);
  return fix.edits;
}

/** Findings described independently of their position. */
function others(findings: Finding[]): string[] {
  return findings.map((g) => `${g.rule} ${g.message}`).sort();
}

test('a suppression comment removes its finding and nothing else', () => {
  const fixtures = ['clean', 'filled'].flatMap((d) => readdirSync(join(ROOT, 'test/fixtures', d)).map((f): [string, string] => [f, read(join(ROOT, 'test/fixtures', d, f))]));
  for (const [name, text] of [...docs(), ...fixtures]) {
    const findings = lint(text);
    for (const f of findings) {
      const edits = suppressionEdits(text, f);
      const after = lint(applyEdits(text, edits));
      const where = `${name}:${f.line}:${f.column} ${f.message}`;
      // Other rules are untouched: the edit broke no list, table, quote or fence.
      assert.deepEqual(others(after.filter((g) => g.rule !== f.rule)), others(findings.filter((g) => g.rule !== f.rule)), where);
      // The finding is gone; same-rule findings outside the suppressed line or block remain.
      const inserted = edits.reduce((n, e) => n + e.newText.split('\n').length - 1, 0);
      const region = edits.length === 1 ? [f.line, f.line] : [lineOf(text, edits[0].start), lineOf(text, edits[1].start)];
      const outside = findings.filter((g) => g.rule === f.rule && (g.line < region[0] || g.line > region[1]));
      const same = after.filter((g) => g.rule === f.rule);
      assert.ok(!same.some((g) => g.message === f.message && g.column === f.column && g.line - inserted === f.line), `${where} still reported`);
      assert.equal(same.length, outside.length, `${where}: ${same.length} left, expected ${outside.length}`);
    }
  }
});

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

test('suppression keeps a list one list and a paragraph one paragraph', () => {
  const text = joinLines('## Definition of Done', '', '- [x] done', '- [ ] open', '- [ ] also open', '');
  const f = lint(text).find((g) => g.line === 4) as Finding;
  const fixed = applyEdits(text, suppressionEdits(text, f));
  assert.equal(fixed, joinLines('## Definition of Done', '', '- [x] done', '  <!-- integration-docs-disable-next-line unchecked-dod -->', '- [ ] open', '- [ ] also open', ''));
  assert.deepEqual(lint(fixed).map((g) => g.line), [6]);

  const para = joinLines('First line of a paragraph  ', 'with [Customer name] here.', '');
  const p = lint(para)[0];
  assert.equal(applyEdits(para, suppressionEdits(para, p)), joinLines('First line of a paragraph <!-- integration-docs-disable-next-line placeholder -->  ', 'with [Customer name] here.', ''));
});

test('suppression in a table wraps the table', () => {
  const text = joinLines('| a | b |', '|---|---|', '| [X] | y |', '');
  const f = lint(text)[0];
  const fixed = applyEdits(text, suppressionEdits(text, f));
  assert.equal(fixed, joinLines('<!-- integration-docs-disable placeholder -->', '| a | b |', '|---|---|', '| [X] | y |', '<!-- integration-docs-enable placeholder -->', ''));
  assert.deepEqual(lint(fixed), []);
});

test('suppression in a block quote keeps the quote', () => {
  const text = joinLines('> Note:', '>', '> Ask [Partner] first.', '');
  const f = lint(text)[0];
  const fixed = applyEdits(text, suppressionEdits(text, f));
  assert.equal(fixed, joinLines('> Note:', '>', '> <!-- integration-docs-disable-next-line placeholder -->', '> Ask [Partner] first.', ''));
  assert.deepEqual(lint(fixed), []);
});

test('mark done checks the box', () => {
  const text = joinLines('## Definition of Done', '', '* [ ] Tests pass', '');
  const f = lint(text)[0];
  assert.equal(applyEdits(text, [markDoneEdit(f)!]), joinLines('## Definition of Done', '', '* [x] Tests pass', ''));
});

test('resolving a conditional keeps or drops the block without stray lines', () => {
  const text = joinLines('Intro', '{{#if accounting}}', 'Accounting part', '{{else}}', 'Other part', '{{/if}}', 'Outro', '');
  const f = lint(text).find((g) => g.rule === 'conditional') as Finding;
  assert.equal(applyEdits(text, resolveConditionalEdits(text, f, true)), joinLines('Intro', 'Accounting part', 'Outro', ''));
  assert.equal(applyEdits(text, resolveConditionalEdits(text, f, false)), joinLines('Intro', 'Other part', 'Outro', ''));
  const unless = joinLines('A', '{{#unless legacy}}', 'New flow', '{{/unless}}', 'B', '');
  const u = lint(unless).find((g) => g.rule === 'conditional') as Finding;
  // The block's own content is what `unless` shows when the condition is false: keeping it keeps it.
  assert.equal(applyEdits(unless, resolveConditionalEdits(unless, u, true)), joinLines('A', 'New flow', 'B', ''));
  assert.equal(applyEdits(unless, resolveConditionalEdits(unless, u, false)), joinLines('A', 'B', ''));
});
