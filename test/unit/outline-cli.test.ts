/**
 * `integration-docs outline FILE [--root DIR] [--format text|json]`, run as the built binary,
 * and the source check `lint` gained.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FIXTURES, ROOT } from './helpers';

const CLI = join(ROOT, 'dist/cli.js');
const OUTLINE = join(FIXTURES, 'outline');

function run(args: string[], cwd = OUTLINE): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('outline --format json: the shape of issue 5', () => {
  const r = run(['outline', 'sources-string.md', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), {
    file: 'sources-string.md',
    status: 'outline',
    template: null,
    sections: [
      {
        title: 'Overview',
        level: 2,
        line: 10,
        outlineId: 'overview',
        purpose: 'what it does',
        sources: [{ path: '/sources/northwind-api.md', purpose: null, exists: true, outside: false }],
        placeholders: 0,
        dod: null,
        children: [],
      },
      { title: 'Not planned', level: 2, line: 12, outlineId: null, purpose: null, sources: [], placeholders: 0, dod: null, children: [] },
    ],
    missing: [],
    sources: [{ path: '/sources/northwind-api.md', purpose: null, exists: true, outside: false, citedAt: [] }],
  });
});

test('outline --format json: nested sections, missing entries, citations, escaping sources', () => {
  const r = run(['outline', 'kurt-page.md', '--format=json']);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(json), ['file', 'status', 'template', 'sections', 'missing', 'sources']);
  assert.deepEqual(Object.keys(json.sections[0]), ['title', 'level', 'line', 'outlineId', 'purpose', 'sources', 'placeholders', 'dod', 'children']);
  const dod = json.sections[0].children[3];
  assert.deepEqual([dod.title, dod.placeholders, dod.dod], ['Definition of Done', 1, { done: 1, total: 3 }]);
  assert.deepEqual(json.missing, [
    { outlineId: 'use-cases', purpose: 'common scenarios', sources: [] },
    { outlineId: 'faq', purpose: 'questions we hear', sources: [] },
  ]);
  assert.deepEqual(
    json.sources.map((s: { path: string; exists: boolean | null; outside: boolean; citedAt: number[] }) => [s.path, s.exists, s.outside, s.citedAt]),
    [
      ['/sources/northwind-api.md', true, false, [41, 51]],
      ['/sources/examples/', true, false, [58]],
      ['/sources/gone.md', false, false, []],
      ['../../outside.md', null, true, []],
      ['/sources/uncited.md', false, false, [41]],
      ['/../up.md', null, true, [68]],
    ],
  );
});

test('outline: text is an indented tree with open items, unplanned and not-written entries, sources', () => {
  const r = run(['outline', 'kurt-page.md']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    [
      'Acme + Northwind Integration',
      '  file: kurt-page.md · status: draft · template: /kurt/templates/formats/integration-page.md',
      '',
      'Sections:',
      '  # Acme + Northwind Integration  :36  1 field',
      '    ## Overview [overview]  :40  1 field',
      '        ✓ /sources/northwind-api.md — partner API reference',
      '        ✗ /sources/uncited.md (does not exist)',
      '      ### How It Works  :45',
      '    ## 2. Setup guide: [setup-guide]  :49',
      '        ✓ /sources/northwind-api.md — partner API reference',
      '        ✗ /sources/gone.md — a file that was deleted (does not exist)',
      '      ### Step 1: Configure Northwind  :53  1 field',
      '      ### Step 2: Write the code [code-examples]  :57',
      '          ✓ /sources/examples/ — example integrations',
      '    ## Common Use Cases  :62  (unplanned)',
      '      ### Refunds  :66',
      '          ⚠ /../up.md (outside the workspace)',
      '    ## Definition of Done  :71  1 field · DoD 1/3  (unplanned)',
      '',
      'Planned but not written:',
      '  use-cases  (not written) — common scenarios',
      '  faq  (not written) — questions we hear',
      '',
      'Sources:',
      '  ✓ /sources/northwind-api.md — partner API reference  (cited at lines 41, 51)',
      '  ✓ /sources/examples/ — example integrations  (cited at line 58)',
      '  ✗ /sources/gone.md — a file that was deleted (does not exist)',
      '  ⚠ ../../outside.md — a path that escapes the workspace (outside the workspace)',
      '  ✗ /sources/uncited.md (does not exist)  (cited at line 41)',
      '  ⚠ /../up.md (outside the workspace)  (cited at line 68)',
      '',
    ].join('\n'),
  );
});

test('outline --root: `/` paths follow the root (default: the folder of the nearest config), wherever outline runs', () => {
  // test/fixtures/outline has a .integration-docs.json: it is the root, also when run from the repository.
  const fromRepo = run(['outline', join('test/fixtures/outline', 'sources-string.md'), '--format', 'json'], ROOT);
  assert.equal(JSON.parse(fromRepo.stdout).sources[0].exists, true);
  const rooted = run(['outline', join('test/fixtures/outline', 'sources-string.md'), '--format', 'json', '--root', ROOT], ROOT);
  assert.equal(JSON.parse(rooted.stdout).sources[0].exists, false);
});

test('outline: a doc without headings says so', () => {
  const r = run(['outline', 'sources/examples/sync.js']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Sections:\n {2}\(no headings\)/);
});

test('outline: exit 2 for a missing file, a folder, no or two files, a bad option', () => {
  const cases: [string[], RegExp][] = [
    [['outline', 'nope.md'], /nope\.md: not linted: cannot read it: no such file or directory \(ENOENT\)$/m],
    [['outline', 'sources'], /sources: skipped: a folder, not a regular file$/m],
    [['outline'], /outline takes one FILE, got 0/],
    [['outline', 'a.md', 'b.md'], /outline takes one FILE, got 2/],
    [['outline', 'kurt-page.md', '--format', 'github'], /--format must be one of text, json/],
    [['outline', 'kurt-page.md', '--root', 'nope'], /--root .*nope is not a folder/],
    [['outline', 'kurt-page.md', '--bogus'], /unknown option --bogus/],
  ];
  for (const [args, message] of cases) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
  }
});

test('outline --help and the main help list the command', () => {
  const help = run(['outline', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: integration-docs outline FILE \[--root DIR\] \[--format text\|json\]/);
  assert.match(run(['--help']).stdout, /outline FILE/);
});

test('lint checks sources against the folder of the nearest config (test/fixtures/outline has one)', () => {
  const inside = run(['lint', 'test/fixtures/outline/kurt-page.md', '--format', 'json'], ROOT);
  assert.deepEqual(
    JSON.parse(inside.stdout).filter((f: { rule: string }) => f.rule === 'sources').map((f: { line: number; message: string }) => `${f.line} ${f.message}`),
    [
      '14 Source `/sources/gone.md` does not exist: fix the path or add the file',
      '16 Source `../../outside.md` is outside the workspace: cite a file inside it',
      '41 Source `/sources/uncited.md` does not exist: fix the path or add the file',
      '68 Source `/../up.md` is outside the workspace: cite a file inside it',
    ],
  );
});

test('a source that is a symbolic link pointing outside the workspace is outside, like `../`, and is never read', () => {
  const base = mkdtempSync(join(tmpdir(), 'idoc-links-'));
  try {
    const ws = join(base, 'ws');
    mkdirSync(join(ws, 'sources'), { recursive: true });
    writeFileSync(join(base, 'secret.md'), 'outside\n');
    writeFileSync(join(ws, 'sources', 'real.md'), 'inside\n');
    writeFileSync(join(ws, '.integration-docs.json'), '{}\n');
    symlinkSync(join(base, 'secret.md'), join(ws, 'sources', 'escape.md'));
    symlinkSync(join(ws, 'sources', 'real.md'), join(ws, 'sources', 'alias.md'));
    symlinkSync(base, join(ws, 'up'));
    const doc = ['---', 'status: draft', 'sources:', '  - path: /sources/real.md', '  - path: /sources/alias.md', '  - path: /sources/escape.md', '  - path: /up/secret.md', '---', '# Doc', ''].join('\n');
    writeFileSync(join(ws, 'doc.md'), doc);
    const outline = run(['outline', 'doc.md', '--format', 'json'], ws);
    assert.equal(outline.code, 0, outline.stderr);
    assert.deepEqual(
      JSON.parse(outline.stdout).sources.map((s: { path: string; exists: boolean | null; outside: boolean }) => [s.path, s.exists, s.outside]),
      [
        ['/sources/real.md', true, false],
        ['/sources/alias.md', true, false],
        ['/sources/escape.md', null, true],
        ['/up/secret.md', null, true],
      ],
    );
    const lint = run(['lint', 'doc.md', '--format', 'json'], ws);
    assert.deepEqual(
      JSON.parse(lint.stdout)
        .filter((f: { message: string }) => !f.message.includes('purpose'))
        .map((f: { line: number; message: string }) => [f.line, f.message]),
      [
        [6, 'Source `/sources/escape.md` is outside the workspace: cite a file inside it'],
        [7, 'Source `/up/secret.md` is outside the workspace: cite a file inside it'],
      ],
    );
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
