/**
 * `ignore` globs: matched in linear time (a glob bomb cannot hang the CLI or the editor), the
 * same answers as the glob library used before for the syntax the README documents, and bad
 * globs refused when the configuration is read, naming the key.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import picomatch from 'picomatch';
import { globMatcher, globProblem, MAX_GLOB_LENGTH } from '../../src/core/globs';
import { english, type Message } from '../../src/core/messages';
import { validateConfig, MAX_GLOBS, MAX_PATTERNS } from '../../src/core/config';
import { ROOT, rng } from './helpers';

// The timeout only guards against a hang (a backtracking matcher takes minutes here); it is
// not a performance assertion.
test('a glob bomb against long file names answers (no backtracking)', { timeout: 20_000 }, () => {
  const bomb = `${'*a'.repeat(14)}*b.md`;
  const match = globMatcher([bomb, `docs/${'*a'.repeat(30)}*.md`]);
  for (let n = 1; n <= 200; n++) assert.equal(match(`${'a'.repeat(n * 50)}.md`), false);
  assert.equal(match(`${'a'.repeat(5000)}b.md`), true);
  assert.equal(match(`docs/${'a'.repeat(5000)}.md`), true);
  assert.equal(match(`docs/${'a'.repeat(29)}.md`), false);
});

test('globs match as before: *, **, ?, braces, classes, trailing /, leading ./', () => {
  const cases: [string, string, boolean][] = [
    ['drafts/**', 'drafts', true],
    ['drafts/**', 'drafts/', true],
    ['drafts/**', 'drafts/a/b.md', true],
    ['drafts/**', 'draftsx/a.md', false],
    ['**/skip-*.md', 'skip-1.md', true],
    ['**/skip-*.md', 'a/b/skip-1.md', true],
    ['**/skip-*.md', 'a/b/noskip-1.md', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'a/xb', false],
    ['*.md', 'a.md', true],
    ['*.md', '.hidden.md', true],
    ['*.md', 'a/b.md', false],
    ['a/*', 'a/', false],
    ['a**b', 'axyb', true],
    ['a**b', 'ax/yb', false],
    ['{a,b}/*.md', 'b/x.md', true],
    ['{a,b}/*.md', 'c/x.md', false],
    ['{a,b/{c,d}}/x', 'b/d/x', true],
    ['v?.md', 'v1.md', true],
    ['v?.md', 'v/.md', false],
    ['[a-c]x.md', 'bx.md', true],
    ['[a-c]x.md', 'dx.md', false],
    ['[!a]x', 'bx', true],
    ['[!a]x', 'ax', false],
    ['[^a]x', '/x', false],
    ['drafts', 'drafts', true],
    ['drafts', 'drafts/', false],
    ['drafts/', 'drafts/', true],
    ['./a.md', 'a.md', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['a{b}', 'a{b}', true],
    ['[[]x', '[x', true],
    ['a.(md)', 'a.(md)', true],
    ['a+b$.md', 'a+b$.md', true],
    ['**', '.git/x', true],
  ];
  for (const [glob, path, expected] of cases) assert.equal(globMatcher([glob])(path), expected, `${glob} ${path}`);
  // Where the documented syntax overlaps the glob library used before, the answers are the same.
  const parts = ['*', '**', '?', 'a', 'b', '.', '-', '/', '{a,b}', '{x,*/y}', 'md'];
  const names = ['a', 'b', 'ab', 'a.md', 'b/a.md', 'a/b/c', '.a', 'a-b', 'x', 'a/y', 'ba/b/a', 'a/'];
  const random = rng(3);
  for (let k = 0; k < 1500; k++) {
    let glob = '';
    for (let i = 1 + Math.floor(random() * 5); i > 0; i--) glob += parts[Math.floor(random() * parts.length)];
    if (glob.includes('//') || glob.startsWith('/') || /\*\*\*|[^/]\*\*|\*\*[^/]/.test(glob)) continue;
    // The library matched `a/**` but not `*/**` against `a`; here both match (`docs/**` is docs and all below).
    if (/[*?}]\/\*\*$/.test(glob)) continue;
    for (const name of names) {
      // The library's `*` at the end took a trailing `/` or not depending on the rest (`*a*` yes, `?*` no); here always.
      if (name.endsWith('/') && glob.endsWith('*') && !glob.endsWith('**')) continue;
      const before = picomatch.isMatch(name, glob, { dot: true });
      assert.equal(globMatcher([glob])(name), before, `${JSON.stringify(glob)} on ${JSON.stringify(name)}`);
    }
  }
});

test('a list matches when any glob does; file names with newlines and astral characters', () => {
  const match = globMatcher(['vendor/**', '*.draft.md', 'notes/?.md']);
  assert.equal(match('vendor/x/y.md'), true);
  assert.equal(match('x.draft.md'), true);
  assert.equal(match('notes/😀.md'), true);
  assert.equal(match('line\nbreak.draft.md'), true);
  assert.equal(match('docs/x.md'), false);
  assert.equal(globMatcher([])('x.md'), false);
});

test('bad globs are refused when the configuration is read, naming the key; the others apply', () => {
  const { config, errors } = validateConfig({ ignore: ['drafts/**', '!drafts/keep.md', '@(a|b).md', 'x'.repeat(MAX_GLOB_LENGTH + 1), `${'{'.repeat(20)}a,b${'}'.repeat(20)}`, '[z-a].md', 'vendor/'] });
  assert.deepEqual(config.ignore, ['drafts/**', 'vendor/']);
  assert.deepEqual(
    errors.map((e) => `${e.key}: ${e.message}`),
    [
      'ignore[1]: negated globs ("!…") are not supported: list only what to ignore',
      'ignore[2]: extended globs ("@(a|b)", "!(x)", "+(x)") are not supported; use {a,b}',
      `ignore[3]: glob longer than ${MAX_GLOB_LENGTH} characters`,
      'ignore[4]: braces nested deeper than 8 levels',
      `ignore[5]: ${english(globProblem('[z-a].md') as Message)}`,
    ],
  );
  assert.match(errors[4].message, /^invalid glob: /);
});

test('a configuration lists at most 200 globs and 100 patterns; the first are used, the key is named', () => {
  const { config, errors } = validateConfig({ ignore: Array.from({ length: 250 }, (_, i) => `d${i}/**`), placeholderPatterns: Array.from({ length: 150 }, (_, i) => `TBD${i}`) });
  assert.equal(config.ignore.length, MAX_GLOBS);
  assert.equal(config.placeholderPatterns.length, MAX_PATTERNS);
  assert.deepEqual(errors.map(({ key, message }) => ({ key, message })), [
    { key: 'placeholderPatterns', message: '150 entries; at most 100 are used' },
    { key: 'ignore', message: '250 entries; at most 200 are used' },
  ]);
});

test('the CLI stops on a bad ignore glob naming the file and key, and walks past a bomb', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'integration-docs-globs-'));
  try {
    const write = (name: string, text: string) => {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    };
    write('docs/a.md', 'C: [Customer name]\n');
    write(`docs/${'a'.repeat(200)}.md`, 'C: [Customer name]\n');
    write('.integration-docs.json', JSON.stringify({ ignore: ['drafts/**', '@(x).md'] }));
    const cli = join(ROOT, 'dist/cli.js');
    const bad = spawnSync(process.execPath, [cli, 'lint', 'docs'], { cwd: dir, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /invalid config \.integration-docs\.json: ignore\[1\]: extended globs/);
    write('.integration-docs.json', JSON.stringify({ ignore: [`docs/${'*a'.repeat(14)}*b.md`] }));
    const ok = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', 'docs'], { cwd: dir, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(new Set(JSON.parse(ok.stdout).map((f: { file: string }) => f.file)).size, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
