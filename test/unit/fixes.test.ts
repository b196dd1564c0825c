/**
 * Quick fixes are verified edits: the four cases that destroyed text (issue 10), the
 * suppression forms (one finding, a line, a table, the frontmatter), the plan fixes, and the
 * verifier itself refusing edits that do more than their title says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { lint, Linter, type Finding, type LintOptions } from '../../src/core/index';
import { applyEdits, resolveConditionalEdits } from '../../src/core/edits';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixSession, fixesFor, offeredFixes, verifyFix, candidateFixes, titled, FIX_TITLES, type Fix } from '../../src/core/fixes';
import { joinLines, ROOT } from './helpers';

function frontmatterOf(text: string): unknown {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return m ? parseYaml(m[1]) : undefined;
}

function offered(text: string, pick: (f: Finding) => boolean, options: LintOptions = {}): { finding: Finding; fixes: Fix[] } {
  const session = fixSession(text, options);
  const finding = session.detail.findings.find(pick);
  assert.ok(finding, `no finding in ${JSON.stringify(text)}`);
  return { finding, fixes: fixesFor(session, finding) };
}

/** Every candidate fix of a finding that verifies (offered or not: a narrower suppression may hide a broader one). */
function verified(text: string, pick: (f: Finding) => boolean): Fix[] {
  const session = fixSession(text);
  const finding = session.detail.findings.find(pick) as Finding;
  return candidateFixes(session, finding).flat().filter((fix) => verifyFix(session, fix).ok);
}

function applyTitled(text: string, fixes: Fix[], title: string | RegExp): string {
  const fix = fixes.find((f) => (typeof title === 'string' ? f.title === title : title.test(f.title)));
  assert.ok(fix, `no fix "${String(title)}" among: ${fixes.map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits);
}

function overlapping(edits: readonly { start: number; end: number }[]): boolean {
  const s = [...edits].sort((a, b) => a.start - b.start);
  return s.some((e, i) => i > 0 && (e.start < s[i - 1].end || e.start === s[i - 1].start));
}

// --- issue 10: quick fixes destroy text -----------------------------------------------

test('suppress on a frontmatter finding keeps the YAML and every value: a final document stays final', () => {
  const text = joinLines('---', 'status: final', 'sources: 3', '---', '', '# Guide for [Customer]', '');
  const before = lint(text);
  const { fixes } = offered(text, (f) => f.rule === 'frontmatter');
  const suppressions = fixes.filter((f) => f.kind === 'suppress');
  assert.ok(suppressions.length > 0);
  for (const fix of suppressions) {
    const after = applyEdits(text, fix.edits);
    const yaml = /^---\n([\s\S]*?)\n---/.exec(after)?.[1] ?? '';
    assert.ok(!yaml.includes('<!--'), `${fix.title}: no HTML comment inside the YAML`);
    assert.deepEqual(frontmatterOf(after), { status: 'final', sources: 3 }, fix.title);
    const findings = lint(after);
    assert.deepEqual(findings.map((f) => `${f.rule} ${f.severity}`), ['placeholder error'], fix.title);
    assert.equal(before.find((f) => f.rule === 'placeholder')?.severity, 'error');
  }
  assert.equal(
    applyTitled(text, fixes, 'Suppress only this frontmatter finding'),
    joinLines('---', 'status: final', 'sources: 3 # integration-docs-ignore-previous frontmatter', '---', '', '# Guide for [Customer]', ''),
  );
});

test('a frontmatter finding in a nested entry is suppressed by a YAML comment line above it', () => {
  const text = joinLines('---', 'status: draft', 'sources:', '  - path: /a.md', '    purpose: "the API"', '  - path: /b.md', '---', '', '# T', '');
  const line = applyTitled(text, verified(text, (f) => f.rule === 'frontmatter'), /^Suppress frontmatter on line 6$/);
  assert.equal(line, joinLines('---', 'status: draft', 'sources:', '  - path: /a.md', '    purpose: "the API"', '  # integration-docs-disable-next-line frontmatter', '  - path: /b.md', '---', '', '# T', ''));
  assert.deepEqual(lint(line), []);
  assert.deepEqual(frontmatterOf(line), frontmatterOf(text));
});

test('keep/remove on an inline {{#if}} block: one non-overlapping edit set that touches only the block', () => {
  const text = 'Pay {{#if premium}}more{{/if}} now [X].\n';
  const f = lint(text).find((g) => g.rule === 'conditional') as Finding;
  for (const keep of [true, false]) assert.ok(!overlapping(resolveConditionalEdits(text, f, keep)));
  assert.equal(applyEdits(text, resolveConditionalEdits(text, f, true)), 'Pay more now [X].\n');
  assert.equal(applyEdits(text, resolveConditionalEdits(text, f, false)), 'Pay  now [X].\n');
  const { fixes } = offered(text, (g) => g.rule === 'conditional');
  assert.equal(applyTitled(text, fixes, 'Keep the content of {{#if premium}} (as if premium is true), remove its markers'), 'Pay more now [X].\n');
  assert.equal(applyTitled(text, fixes, 'Remove {{#if premium}} with its content (as if premium is false)'), 'Pay  now [X].\n');
});

test('keep/remove on an inline {{#if}}…{{else}}…{{/if}} keeps the rest of the line', () => {
  const text = 'Intro. Pay {{#if premium}}more{{else}}less{{/if}} now.\nNext line.\n';
  const f = lint(text).find((g) => g.rule === 'conditional') as Finding;
  for (const keep of [true, false]) assert.ok(!overlapping(resolveConditionalEdits(text, f, keep)));
  assert.equal(applyEdits(text, resolveConditionalEdits(text, f, true)), 'Intro. Pay more now.\nNext line.\n');
  assert.equal(applyEdits(text, resolveConditionalEdits(text, f, false)), 'Intro. Pay less now.\nNext line.\n');
  const { fixes } = offered(text, (g) => g.rule === 'conditional');
  assert.deepEqual(
    fixes.filter((x) => x.kind !== 'suppress').map((x) => x.title),
    ['Keep the {{#if premium}} branch (as if premium is true), remove the {{else}} branch', 'Keep the {{else}} branch (as if premium is false), remove the {{#if premium}} branch'],
  );
});

test('"keep" on {{#unless}} keeps its content (shown when the condition is false)', () => {
  const text = joinLines('A', '{{#unless legacy}}', 'New flow', '{{/unless}}', 'B', '');
  const f = lint(text).find((g) => g.rule === 'conditional') as Finding;
  assert.equal(applyEdits(text, resolveConditionalEdits(text, f, true)), joinLines('A', 'New flow', 'B', ''));
  assert.equal(applyEdits(text, resolveConditionalEdits(text, f, false)), joinLines('A', 'B', ''));
  const { fixes } = offered(text, (g) => g.rule === 'conditional');
  assert.equal(applyTitled(text, fixes, 'Keep the content of {{#unless legacy}} (as if legacy is false), remove its markers'), joinLines('A', 'New flow', 'B', ''));
  assert.equal(applyTitled(text, fixes, 'Remove {{#unless legacy}} with its content (as if legacy is true)'), joinLines('A', 'B', ''));
  const withElse = joinLines('{{#unless legacy}}', 'New', '{{else}}', 'Old', '{{/unless}}', '');
  const e = offered(withElse, (g) => g.rule === 'conditional').fixes;
  assert.equal(applyTitled(withElse, e, /^Keep the \{\{#unless legacy\}\} branch \(as if legacy is false\)/), 'New\n');
  assert.equal(applyTitled(withElse, e, /^Keep the \{\{else\}\} branch \(as if legacy is true\)/), 'Old\n');
});

test('suppress next to an existing suppression extends it: the finding it hid stays hidden', () => {
  const text = joinLines('Intro', '<!-- integration-docs-disable-next-line placeholder -->', '[Customer name] and {{#if x}}', 'y', '{{/if}}', '');
  assert.deepEqual(lint(text).map((f) => f.rule), ['conditional']);
  const fixes = verified(text, (f) => f.rule === 'conditional');
  const line = applyTitled(text, fixes, 'Suppress conditional on line 3');
  assert.equal(line, joinLines('Intro', '<!-- integration-docs-disable-next-line placeholder conditional -->', '[Customer name] and {{#if x}}', 'y', '{{/if}}', ''));
  assert.deepEqual(lint(line), []);
  for (const fix of fixes.filter((x) => x.kind === 'suppress')) assert.deepEqual(lint(applyEdits(text, fix.edits)), [], fix.title);
  // The same in the frontmatter, and for the one-finding form.
  const yaml = joinLines('---', 'status: draft', '# integration-docs-disable-next-line placeholder', 'sources: "[Partner docs]"', '---', '');
  assert.deepEqual(lint(yaml).map((f) => f.rule), ['frontmatter']);
  const y = verified(yaml, (f) => f.rule === 'frontmatter');
  assert.ok(y.length >= 2);
  for (const fix of y.filter((x) => x.kind === 'suppress')) {
    const after = applyEdits(yaml, fix.edits);
    assert.deepEqual(lint(after), [], `${fix.title}: ${after}`);
    assert.deepEqual(frontmatterOf(after), frontmatterOf(yaml));
  }
  const cell = '| a |\n|---|\n| <!-- integration-docs-ignore-next placeholder -->[X] {{#if y}}{{/if}} |\n';
  for (const fix of verified(cell, (f) => f.rule === 'conditional').filter((x) => x.kind === 'suppress')) {
    assert.deepEqual(lint(applyEdits(cell, fix.edits)), [], fix.title);
  }
});

// --- issue 11: a suppression for exactly one finding -----------------------------------

test('in a table cell, "Suppress only this finding" hides that finding and no other', () => {
  const text = joinLines('| Who | Value |', '|---|---|', '| Author | [Author name] |', '| Date | YYYY-MM-DD |', '');
  const { fixes } = offered(text, (f) => f.message.includes('[Author name]'));
  const after = applyTitled(text, fixes, 'Suppress only this placeholder finding');
  assert.equal(after, joinLines('| Who | Value |', '|---|---|', '| Author | <!-- integration-docs-ignore-next placeholder -->[Author name] |', '| Date | YYYY-MM-DD |', ''));
  assert.deepEqual(lint(after).map((f) => f.message), [lint(text)[1].message]);
  // The broader form says its scope.
  assert.ok(fixes.some((f) => f.title === 'Suppress placeholder in this whole table (2 findings)'));
});

test('ignore-next and ignore-previous silence exactly the adjacent finding', () => {
  const shown = (t: string) => lint(t).map((f) => f.message.match(/`([^`]*)`/)?.[1]);
  assert.deepEqual(shown('A [X] <!-- integration-docs-ignore-next placeholder --> [Y] [Z]\n'), ['[X]', '[Z]']);
  assert.deepEqual(shown('A [X]<!-- integration-docs-ignore-previous placeholder -->[Y] [Z]\n'), ['[Y]', '[Z]']);
  assert.deepEqual(shown('A <!-- integration-docs-ignore-next conditional -->[Y]\n'), ['[Y]'], 'another rule is not silenced');
  assert.deepEqual(shown('A <!-- integration-docs-ignore-next placeholder -->\n[Y]\n'), ['[Y]'], 'never across a line');
});

// --- the verifier ----------------------------------------------------------------------

test('the verifier refuses overlapping edits, edits that delete outside the block, and edits that change frontmatter values', () => {
  const text = 'Pay {{#if premium}}more{{/if}} now [X].\n';
  const session = fixSession(text);
  const f = session.detail.findings.find((g) => g.rule === 'conditional') as Finding;
  const base: Fix = { ...titled('suppressFinding', 'test'), kind: 'remove-branch', finding: f, edits: [], removes: [f], deletes: { start: 4, end: 30 }, deletesContent: true };
  // Today's main: the whole line deleted, and overlapping edits.
  assert.equal(verifyFix(session, { ...base, edits: [{ start: 0, end: 41, newText: '' }] }).ok, false);
  assert.equal(verifyFix(session, { ...base, edits: [{ start: 4, end: 19, newText: '' }, { start: 0, end: 36, newText: '' }] }).ok, false);
  assert.equal(verifyFix(session, { ...base, edits: [{ start: 4, end: 30, newText: '' }] }).ok, true);
  const fm = '---\nstatus: final\n---\n\n# T [X]\n';
  const s2 = fixSession(fm);
  const p = s2.detail.findings[0];
  const html: Fix = { ...titled('suppressFinding', 'test'), kind: 'suppress', finding: p, edits: [{ start: 17, end: 17, newText: ' <!-- integration-docs-disable-next-line placeholder -->' }], removes: [p], suppression: true };
  const verdict = verifyFix(s2, html);
  assert.equal(verdict.ok, false);
  assert.ok(verdict.problems.some((m) => m.startsWith('frontmatter values change')), verdict.problems.join('; '));
});

test('a fix that would re-activate a hidden finding is not offered', () => {
  const text = joinLines('<!-- integration-docs-disable-next-line placeholder -->', '[A] {{#if x}}{{/if}}', '');
  const session = fixSession(text);
  const f = session.detail.findings[0];
  const naive: Fix = { ...titled('suppressFinding', 'test'), kind: 'suppress', finding: f, edits: [{ start: text.indexOf('[A]'), end: text.indexOf('[A]'), newText: '<!-- integration-docs-disable-next-line conditional -->\n' }], removes: [f], suppression: true };
  const verdict = verifyFix(session, naive);
  assert.equal(verdict.ok, false);
  assert.ok(verdict.problems.some((m) => m.includes('finding appears: placeholder')), verdict.problems.join('; '));
  const line = verified(text, (g) => g.rule === 'conditional').find((x) => x.title === 'Suppress conditional on line 2');
  assert.deepEqual(line?.edits, [{ start: text.indexOf(' -->'), end: text.indexOf(' -->'), newText: ' conditional' }]);
  assert.ok(candidateFixes(session, f).flat().length >= fixesFor(session, f).length);
});

test('mark done is offered and verified; offeredFixes covers every finding', () => {
  const text = joinLines('## Definition of Done', '', '- [x] One', '- [ ] Two', '');
  const fixes = offeredFixes(text);
  const done = fixes.find((f) => f.title === 'Mark item done');
  assert.ok(done);
  assert.equal(applyEdits(text, done.edits), joinLines('## Definition of Done', '', '- [x] One', '- [x] Two', ''));
  assert.ok(fixes.some((f) => f.title === 'Suppress unchecked-dod on line 4'));
});

// --- plan fixes ------------------------------------------------------------------------

const PLAN = joinLines(
  '---',
  'status: draft',
  'sources:',
  '  - path: /sources/api.md',
  '    purpose: "API"',
  '  - path: /sources/missing.md',
  '    purpose: "gone"',
  'outline:',
  '  overview:',
  '    purpose: "what"',
  '  setup-guide:',
  '    sources: [/sources/api.md]',
  '  troubleshooting:',
  '    purpose: "fixes"',
  '---',
  '',
  '# Title',
  '',
  '## Overview',
  '',
  'Text.',
  '',
  '## Extra Notes',
  '',
  '## Troubleshooting',
  '',
  'End.',
  '',
);
const EXISTING: LintOptions = { resolveSource: (p) => ({ exists: p === '/sources/api.md', outside: p.startsWith('..') }) };

test('a planned section not written: "Insert heading" where the outline puts it, or "Remove from the outline"', () => {
  const { fixes } = offered(PLAN, (f) => f.rule === 'outline', EXISTING);
  const inserted = applyTitled(PLAN, fixes, 'Insert heading "## Setup Guide"');
  assert.ok(inserted.includes(joinLines('Text.', '', '## Setup Guide', '', '## Extra Notes')), inserted);
  assert.deepEqual(lint(inserted, EXISTING).map((f) => f.rule), ['sources']);
  assert.deepEqual(frontmatterOf(inserted), frontmatterOf(PLAN));
  const removed = applyTitled(PLAN, fixes, 'Remove `setup-guide` from the outline');
  assert.deepEqual(Object.keys((frontmatterOf(removed) as { outline: object }).outline), ['overview', 'troubleshooting']);
  assert.deepEqual(lint(removed, EXISTING).map((f) => f.rule), ['sources']);
  // With no planned heading at all, the heading goes at the end, at level 2.
  const bare = joinLines('---', 'outline:', '  intro:', '---', '', 'Some text.');
  assert.equal(applyTitled(bare, offered(bare, (f) => f.rule === 'outline').fixes, 'Insert heading "## Intro"'), `${bare}\n\n## Intro\n`);
});

test('a missing source: "Create file" (the host creates it) or "Remove from sources"', () => {
  const { fixes } = offered(PLAN, (f) => f.rule === 'sources', EXISTING);
  const create = fixes.find((f) => f.title === 'Create file /sources/missing.md');
  assert.ok(create);
  assert.equal(create.createFile, '/sources/missing.md');
  assert.deepEqual(create.edits, []);
  const removed = applyTitled(PLAN, fixes, 'Remove /sources/missing.md from sources');
  assert.deepEqual((frontmatterOf(removed) as { sources: unknown[] }).sources, [{ path: '/sources/api.md', purpose: 'API' }]);
  assert.deepEqual(lint(removed, EXISTING).map((f) => f.rule), ['outline']);
  // A path outside the workspace gets neither; a source an outline entry still uses is not removed.
  const outside = joinLines('---', 'sources:', '  - path: ../../etc/passwd', '    purpose: "x"', '---', '');
  assert.deepEqual(offered(outside, (f) => f.rule === 'sources', EXISTING).fixes.filter((f) => f.kind !== 'suppress'), []);
  const used = joinLines('---', 'sources:', '  - path: /a.md', '    purpose: "x"', '  - path: /b.md', '    purpose: "y"', 'outline:', '  intro:', '    sources: [/b.md]', '---', '', '## Intro', '');
  const none: LintOptions = { resolveSource: () => ({ exists: false, outside: false }) };
  const b = offered(used, (f) => f.rule === 'sources' && f.message.includes('/b.md'), none).fixes;
  assert.ok(b.some((f) => f.kind === 'create-file'));
  assert.ok(!b.some((f) => f.kind === 'remove-source'), 'removing it would leave the outline entry citing an undeclared source');
  // The only source: the list becomes empty, still a list.
  const only = joinLines('---', 'sources:', '  - path: /a.md', '    purpose: "x"', 'status: draft', '---', '');
  assert.equal(applyTitled(only, offered(only, (f) => f.rule === 'sources', none).fixes, 'Remove /a.md from sources'), joinLines('---', 'sources: []', 'status: draft', '---', ''));
});

test('an unplanned heading: "Add to outline" after the entry of the planned heading above it', () => {
  const fixes = offeredFixes(PLAN, EXISTING).filter((f) => f.kind === 'add-to-outline');
  assert.deepEqual(fixes.map((f) => f.title), ['Add "Extra Notes" to the outline as `extra-notes`']);
  const after = applyEdits(PLAN, fixes[0].edits);
  assert.deepEqual(Object.keys((frontmatterOf(after) as { outline: object }).outline), ['overview', 'extra-notes', 'setup-guide', 'troubleshooting']);
  const messages = (t: string) => lint(t, EXISTING).map((f) => `${f.rule} ${f.severity} ${f.message}`);
  assert.deepEqual(messages(after), messages(PLAN), 'the same findings, nothing else changes');
});

test('every fix title template has a translatable message in the extension', () => {
  const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>;
  const german = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
  for (const template of Object.values(FIX_TITLES)) {
    assert.ok(template in bundle, `codeActions.ts translates "${template}" (localTitle)`);
    assert.ok(template in german, `German text for "${template}"`);
  }
});

test("the editor's case: findings and model from a Linter, its fact cache shared with the verifier", () => {
  const text = joinLines('# Guide', '', 'Customer: [Customer]', '', '## Definition of Done', '', '- [ ] Tested', '- [x] Reviewed', '');
  const linter = new Linter({});
  const { model, findings } = linter.lint(text);
  const session = fixSession(text, { eol: '\n' }, model, linter.factCache);
  assert.equal(session.model, model, 'the model is reused');
  const titles = findings.map((f) => fixesFor(session, f).map((x) => x.title));
  assert.deepEqual(titles, [['Suppress only this placeholder finding'], ['Mark item done', 'Suppress unchecked-dod on line 7']]);
  // The linter still lints correctly after the verifier used its cache.
  assert.deepEqual(linter.lint(text).findings, lint(text));
});
