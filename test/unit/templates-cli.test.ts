/**
 * `integration-docs templates` and `integration-docs new`, run as the built binary in a
 * scratch folder with team templates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../src/core/index';
import { renderTemplate, suggestDefaults, templateFields } from '../../src/core/templates/index';
import { builtinTemplate } from '../../src/templates/index';
import { joinLines, ROOT } from './helpers';

const CLI = join(ROOT, 'dist/cli.js');
const DATE = '2025-03-01';

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch workspace with one good and one broken team template. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idoc-templates-'));
  const team = join(dir, '.integration-docs/templates');
  mkdirSync(team, { recursive: true });
  writeFileSync(
    join(team, 'launch-note.md'),
    joinLines('---', 'title: Launch note', 'description: Partner launch note', 'status: draft', '---', '# [Partner] is live', '', '{{#if beta}}', 'Beta only.', '{{else}}', 'Generally available.', '{{/if}}', ''),
  );
  writeFileSync(join(team, 'broken.md'), joinLines('---', 'title: [broken', '---', 'x', ''));
  writeFileSync(join(team, 'notes.txt'), 'not a template');
  return dir;
}

const BUILTIN_IDS = ['implementation-guide', 'implementation-plan', 'integration-page', 'integration-playbook', 'discovery-document'];

test('templates --format json lists built-ins and team templates; a broken one is a warning', () => {
  const dir = workspace();
  const r = run(['templates', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const list = JSON.parse(r.stdout) as Array<{ id: string; title: string; description: string; source: string }>;
  assert.deepEqual(list.map((t) => `${t.id}:${t.source}`), [...BUILTIN_IDS.map((id) => `${id}:builtin`), 'launch-note:workspace']);
  assert.deepEqual(Object.keys(list[0]), ['id', 'title', 'description', 'source']);
  assert.deepEqual(list[5], { id: 'launch-note', title: 'Launch note', description: 'Partner launch note', source: 'workspace' });
  assert.match(r.stderr, /^integration-docs: warning: \.integration-docs\/templates\/broken\.md: Frontmatter is not valid YAML: .*\(line \d+\)\n$/);
});

test('templates (text), --dir, and one template’s fields', () => {
  const dir = workspace();
  const text = run(['templates'], dir);
  assert.equal(text.code, 0);
  assert.equal(text.stdout.trimEnd().split('\n').length, 6);
  assert.match(text.stdout, /^implementation-guide {2}Implementation Guide — /);
  assert.match(text.stdout, /launch-note +Launch note — Partner launch note \(team: \.integration-docs\/templates\/launch-note\.md\)/);
  const empty = mkdtempSync(join(tmpdir(), 'idoc-empty-'));
  const builtinsOnly = run(['templates', '--format', 'json'], empty);
  assert.equal(builtinsOnly.code, 0);
  assert.equal(builtinsOnly.stderr, '');
  assert.equal(JSON.parse(builtinsOnly.stdout).length, 5);
  const other = run(['templates', '--format', 'json', '--dir', join(dir, '.integration-docs/templates')], empty);
  assert.equal(JSON.parse(other.stdout).length, 6);
  assert.equal(run(['templates', '--dir', 'missing'], empty).code, 2);
  const fields = run(['templates', 'implementation-plan', '--format', 'json'], empty);
  const plan = JSON.parse(fields.stdout) as { fields: Array<{ name: string; occurrences: number }>; conditionals: string[] };
  assert.deepEqual(plan.conditionals, ['accounting', 'marketing', 'fulfillment', 'HAS_DATA_MIGRATION']);
  assert.ok(plan.fields.some((f) => f.name === 'SYSTEM_A' && f.occurrences > 1));
  assert.equal(run(['templates', 'nope'], empty).code, 2);
});

test('new to stdout renders exactly what the engine renders', () => {
  const dir = workspace();
  const r = run(['new', 'integration-page', '--set', 'Partner=Northwind Payments', '--date', DATE], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '', 'broken team templates are not reported when not asked for');
  const page = builtinTemplate('integration-page')!;
  const given = { '[Partner]': 'Northwind Payments' };
  const expected = renderTemplate(page, { values: { ...suggestDefaults(templateFields(page), given, DATE), ...given }, today: DATE });
  assert.equal(r.stdout, expected);
  assert.ok(r.stdout.includes('document: integration-page-northwind-payments\n'));
  assert.ok(r.stdout.includes('**Last updated:** 2025-03-01'));
  assert.ok(r.stdout.includes('### From Northwind Payments:'), '[Partner Platform] takes the related answer');
  const bare = run(['new', 'integration-page', '--set', 'Partner=Northwind Payments', '--date', DATE, '--no-defaults'], dir);
  assert.equal(bare.stdout, renderTemplate(page, { values: given, today: DATE }));
  assert.ok(bare.stdout.includes('**Last updated:** YYYY-MM-DD'));
});

test('new --set: bare names, names with quotes, bracketed keys; --with keeps blocks', () => {
  const dir = workspace();
  const guide = run(['new', 'implementation-guide', '--set', 'Customer name or "Generic"=Acme', '--set', '[Author name]=Ana = Lead', '--date', DATE], dir);
  assert.equal(guide.code, 0, guide.stderr);
  assert.ok(guide.stdout.includes('| **Customer**       | Acme '));
  assert.ok(guide.stdout.includes('| **CS Engineer**    | Ana = Lead '));
  const plan = run(['new', 'implementation-plan', '--set', 'CLIENT_NAME=Acme', '--with', 'accounting', '--with', 'HAS_DATA_MIGRATION,marketing', '--date', DATE], dir);
  assert.equal(plan.code, 0, plan.stderr);
  assert.ok(plan.stdout.includes('**Client**: Acme'));
  assert.ok(!plan.stdout.includes('[CLIENT_NAME]'));
  assert.ok(plan.stdout.includes('**Accounting-Specific**') && plan.stdout.includes('**Marketing-Specific**') && plan.stdout.includes('**Data Migration**'));
  assert.ok(!plan.stdout.includes('Fulfillment-Specific'));
  const findings = lint(plan.stdout);
  assert.deepEqual(findings.filter((f) => f.rule === 'conditional'), []);
  const team = run(['new', 'launch-note', '--with', 'beta', '--set', 'Partner=Acme', '--date', DATE], dir);
  assert.equal(team.stdout, joinLines('---', 'status: draft', 'template: launch-note', 'template_version: 1.0.0', `created: ${DATE}`, '---', '# Acme is live', '', 'Beta only.', ''));
});

test('new -o writes a new file, never overwrites, and a folder gets the suggested name', () => {
  const dir = workspace();
  const r = run(['new', 'integration-page', '--set', 'Partner=Acme', '-o', 'docs/page.md', '--date', DATE], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^integration-docs: created docs\/page\.md \(\d+ fields left to fill\)\n$/);
  const written = readFileSync(join(dir, 'docs/page.md'), 'utf8');
  assert.ok(written.startsWith('---\nproject: "[project slug]"\ndocument: integration-page-acme\n'));
  assert.ok(!written.includes('\nfields:'), 'the schema stays in the template');
  writeFileSync(join(dir, 'docs/page.md'), 'mine\n');
  const again = run(['new', 'integration-page', '-o', 'docs/page.md'], dir);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /docs\/page\.md already exists; not overwriting it/);
  assert.equal(readFileSync(join(dir, 'docs/page.md'), 'utf8'), 'mine\n');
  const folder = run(['new', 'integration-page', '--set', 'Partner=Acme', '-o', 'docs', '--date', DATE], dir);
  assert.equal(folder.code, 0, folder.stderr);
  assert.ok(existsSync(join(dir, 'docs/integration-page-acme.md')));
  assert.equal(run(['new', 'integration-page', '--set', 'Partner=Acme', '-o', 'docs/'], dir).code, 2);
});

test('new: usage errors exit 2 with what to do', () => {
  const dir = workspace();
  const unknown = run(['new', 'nope'], dir);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown template "nope" \(templates: implementation-guide, implementation-plan, integration-page, integration-playbook, discovery-document, launch-note\)/);
  assert.match(unknown.stderr, /warning: .*broken\.md/, 'broken team templates are reported when the id is not found');
  const field = run(['new', 'implementation-plan', '--set', 'CLIENT=Acme'], dir);
  assert.equal(field.code, 2);
  assert.match(field.stderr, /unknown field "CLIENT" in template implementation-plan; closest: "CLIENT_NAME"/);
  assert.match(run(['new', 'implementation-plan', '--set', 'CLIENT_NAME'], dir).stderr, /--set needs FIELD=VALUE/);
  assert.match(run(['new', 'implementation-plan', '--with', 'billing'], dir).stderr, /unknown conditional block "billing" .*it has: accounting, marketing, fulfillment, HAS_DATA_MIGRATION/);
  assert.match(run(['new', 'integration-page', '--date', '2025-02-30'], dir).stderr, /--date must be a date YYYY-MM-DD/);
  assert.equal(run(['new'], dir).code, 2);
  const help = run(['new', '--help'], dir);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: integration-docs new <template-id> \[options\]/);
});

test('new --set: a name that stands for several fields is refused with their lines and headings; NAME#n sets one', () => {
  const dir = workspace();
  const r = run(['new', 'integration-page', '--set', 'Scenario Name=Sync orders', '--date', DATE], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--set "Scenario Name" is ambiguous in template integration-page: \[Scenario Name\] stands for 3 different fields:/);
  assert.match(r.stderr, /\n {2}Scenario Name#1 {2}line \d+, under "Common Use Cases" — Use case 1 \(overview\)\n {2}Scenario Name#2 {2}line \d+, under "Common Use Cases" — Use case 2 \(overview\)\n {2}Scenario Name#3 {2}line \d+/);
  assert.match(r.stderr, /set one with --set 'Scenario Name#2=VALUE'/);
  const x = run(['new', 'integration-page', '--set', 'X=30'], dir);
  assert.equal(x.code, 2);
  assert.equal((x.stderr.match(/^ {2}X#\d/gm) ?? []).length, 6);
  const one = run(['new', 'integration-page', '--set', 'X#1=30', '--set', '[X]#3=4', '--date', DATE], dir);
  assert.equal(one.code, 0, one.stderr);
  assert.ok(one.stdout.includes('**Setup time:** ~30 minutes'));
  assert.ok(one.stdout.includes('- Concurrent connections: 4\n'));
  assert.equal(one.stdout.split('[X]').length - 1, 4, 'the other four stay fields');
  const team = run(['new', 'launch-note', '--set', 'Partner=Acme', '--date', DATE], dir);
  assert.equal(team.code, 0, 'a name that occurs once is one field');
});
