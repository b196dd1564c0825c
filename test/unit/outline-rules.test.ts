/**
 * The `outline` and `sources` rules: exact ranges, messages and severities.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lint, RULE_IDS, RULES, type LintOptions, type SourceCheck } from '../../src/core/index';
import { fileSourceResolver } from '../../src/cli/source-resolver';
import { FIXTURES, ROOT, joinLines, read } from './helpers';

const OUTLINE = join(FIXTURES, 'outline');

/** `line:col-endLine:endCol severity rule message` of the findings of `rules`. */
function shown(text: string, options: LintOptions = {}, rules = ['outline', 'sources']): string[] {
  return lint(text, options)
    .filter((f) => rules.includes(f.rule))
    .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.rule} ${f.message}`);
}

/** A resolver over a fixed set of known paths; `outside` for paths starting with `/..`. */
function known(...paths: string[]): (path: string) => SourceCheck | undefined {
  return (p) => (p.startsWith('http') ? undefined : { exists: paths.includes(p), outside: p.startsWith('/..') || p.startsWith('../') });
}

test('registry: outline and sources are registered last and configurable', () => {
  assert.deepEqual(RULES.slice(-2).map((r) => r.id), ['outline', 'sources']);
  assert.ok(RULE_IDS.includes('outline') && RULE_IDS.includes('sources'));
});

test('outline: one finding per planned section with no heading, on the entry key', () => {
  const text = joinLines('---', 'status: final', 'outline:', '  overview: {}', '  setup-guide:', '    purpose: configure', '  "faq": ~', '---', '## Overview');
  assert.deepEqual(shown(text), [
    '5:3-5:14 error outline Planned section `setup-guide` is not written: add a heading "Setup Guide" or remove it from the outline',
    '7:3-7:8 error outline Planned section `faq` is not written: add a heading "Faq" or remove it from the outline',
  ]);
});

test('outline: the Integration Page template writes every planned section (SECTION comments bind two)', () => {
  assert.deepEqual(shown(read(join(ROOT, 'src/templates/integration-page.md'))), []);
});

test('outline: a planned section without a heading is reported on its outline key', () => {
  const text = read(join(ROOT, 'src/templates/integration-page.md')).replace('<!-- SECTION: code-examples -->\n', '').replace('<!-- SECTION: use-cases -->\n', '');
  assert.deepEqual(shown(text), [
    '26:3-26:16 information outline Planned section `code-examples` is not written: add a heading "Code Examples" or remove it from the outline',
    '29:3-29:12 information outline Planned section `use-cases` is not written: add a heading "Use Cases" or remove it from the outline',
  ]);
});

test('outline: silent without an outline, with broken YAML, and when every entry is written', () => {
  for (const name of ['no-outline.md', 'broken-yaml.md', 'duplicate-titles.md', 'sources-string.md']) {
    assert.deepEqual(shown(read(join(OUTLINE, name)), {}, ['outline']), [], name);
  }
});

test('outline: unplanned headings are not findings', () => {
  assert.deepEqual(shown(joinLines('---', 'outline:', '  a: {}', '---', '## A', '## Not planned')), []);
});

test('sources: silent without a resolver, or when it answers undefined', () => {
  const text = read(join(OUTLINE, 'kurt-page.md'));
  assert.deepEqual(shown(text, {}, ['sources']), []);
  assert.deepEqual(shown(text, { resolveSource: () => undefined }, ['sources']), []);
  assert.deepEqual(shown(text, { resolveSource: () => { throw new Error('no disk'); } }, ['sources']), []);
});

test('sources: missing and escaping paths, declared ones on their path value, undeclared ones where cited', () => {
  const file = join(OUTLINE, 'kurt-page.md');
  assert.deepEqual(shown(read(file), { resolveSource: fileSourceResolver(file, OUTLINE) }, ['sources']), [
    '14:11-14:27 warning sources Source `/sources/gone.md` does not exist: fix the path or add the file',
    '16:11-16:27 warning sources Source `../../outside.md` is outside the workspace: cite a file inside it',
    '41:61-41:80 warning sources Source `/sources/uncited.md` does not exist: fix the path or add the file',
    '68:14-68:23 warning sources Source `/../up.md` is outside the workspace: cite a file inside it',
  ]);
});

test('sources: an undeclared path is reported in each outline entry and citation that names it', () => {
  const text = joinLines('---', 'outline:', '  a:', '    sources: [/x.md]', '---', '## A', '<!-- Source: /x.md, https://example.com/api -->', '<!-- Sources: /y.md -->');
  assert.deepEqual(shown(text, { resolveSource: known('/y.md') }, ['sources']), [
    '4:15-4:20 warning sources Source `/x.md` does not exist: fix the path or add the file',
    '7:14-7:19 warning sources Source `/x.md` does not exist: fix the path or add the file',
  ]);
});

test('sources: a path with an unfilled placeholder is left to the placeholder rule', () => {
  assert.deepEqual(shown(read(join(ROOT, 'src/templates/integration-page.md')), { resolveSource: known() }, ['sources']), [
    '11:11-11:41 information sources Source `/sources/integration-examples/` does not exist: fix the path or add the file',
    '13:11-13:36 information sources Source `/sources/your-api-docs.md` does not exist: fix the path or add the file',
  ]);
});

test('sources: a source given as a string is checked too; severities and suppression apply', () => {
  const text = joinLines('---', 'status: final', 'sources: /gone.md', '---', '# T');
  assert.deepEqual(shown(text, { resolveSource: known() }, ['sources']), ['3:10-3:18 error sources Source `/gone.md` does not exist: fix the path or add the file']);
  assert.deepEqual(shown(text, { resolveSource: known(), rules: { sources: 'hint' } }, ['sources']), ['3:10-3:18 hint sources Source `/gone.md` does not exist: fix the path or add the file']);
  assert.deepEqual(shown(text, { resolveSource: known(), rules: { sources: 'off' } }, ['sources']), []);
  assert.deepEqual(shown(`${text}\n<!-- integration-docs-disable-file sources -->`, { resolveSource: known() }, ['sources']), []);
});
