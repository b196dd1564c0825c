/**
 * The root rule (core/root.ts), shared by the CLI and the editor: `--root`, else the nearest
 * folder with `.integration-docs.json`, else the git root, else the current folder.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chooseRoot, posixAncestors } from '../../src/core/root';
import { ROOT } from './helpers';

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'integration-docs-root-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    if (name.endsWith('/')) mkdirSync(join(dir, name), { recursive: true });
    else writeFileSync(join(dir, name), content);
  }
  return dir;
}

test('chooseRoot: the nearest config folder, else the nearest .git, else the fallback', () => {
  const dirs = ['/r/docs/api', '/r/docs', '/r', '/'];
  const at = (marks: Record<string, string[]>) => (dir: string, marker: string) => (marks[dir] ?? []).includes(marker);
  assert.equal(chooseRoot(dirs, at({ '/r/docs': ['.integration-docs.json'], '/r': ['.git'] }), '/cwd'), '/r/docs');
  assert.equal(chooseRoot(dirs, at({ '/r/docs/api': ['.git'], '/': ['.integration-docs.json'] }), '/cwd'), '/', 'a config anywhere above wins over .git');
  assert.equal(chooseRoot(dirs, at({ '/r': ['.git'], '/r/docs/api': ['.git'] }), '/cwd'), '/r/docs/api', 'the nearest .git (a submodule)');
  assert.equal(chooseRoot(dirs, at({}), '/cwd'), '/cwd');
  assert.equal(chooseRoot([], at({}), '/ws'), '/ws');
});

test('posixAncestors: up to the ceiling (the workspace folder), nothing outside it', () => {
  assert.deepEqual(posixAncestors('/ws/docs/api', '/ws'), ['/ws/docs/api', '/ws/docs', '/ws']);
  assert.deepEqual(posixAncestors('/ws/docs/', '/ws/'), ['/ws/docs', '/ws']);
  assert.deepEqual(posixAncestors('/ws', '/ws'), ['/ws']);
  assert.deepEqual(posixAncestors('/other/x', '/ws'), []);
  assert.deepEqual(posixAncestors('/wsx/a', '/ws'), [], 'a sibling sharing a prefix is not inside');
  assert.deepEqual(posixAncestors('/a/b'), ['/a/b', '/a', '/']);
  assert.deepEqual(posixAncestors('/a', '/'), ['/a', '/']);
  assert.deepEqual(posixAncestors('c:/ws/a', 'c:/ws'), ['c:/ws/a', 'c:/ws']);
});

interface Row {
  file: string;
  rule: string;
  message: string;
}

function lintJson(cwd: string, ...args: string[]): { code: number | null; rows: Row[]; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lint', '--format', 'json', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [], stderr: r.stderr };
}

const PAGE = '---\nsources:\n  - path: /sources/api.md\n    purpose: the API\n---\n# Page\n\nText.\n';

test('lint: "/" sources follow the git root by default, a config folder when there is one, and --root', () => {
  const repo = folder({ '.git/': '', 'docs/page.md': PAGE, 'sources/api.md': '# API\n' });
  const sources = (rows: Row[]) => rows.filter((r) => r.rule === 'sources').map((r) => r.message);
  // From the repository root and from inside docs/: the git root is the root both times.
  assert.deepEqual(sources(lintJson(repo, 'docs').rows), []);
  assert.deepEqual(sources(lintJson(join(repo, 'docs'), '.').rows), []);
  // A config in docs/ makes docs/ the root: /sources/api.md is then docs/sources/api.md.
  writeFileSync(join(repo, 'docs/.integration-docs.json'), '{}');
  assert.deepEqual(sources(lintJson(repo, 'docs').rows), ['Source `/sources/api.md` does not exist: fix the path or add the file']);
  // --root overrides the rule.
  assert.deepEqual(sources(lintJson(repo, 'docs', '--root', '.').rows), []);
  assert.deepEqual(sources(lintJson(join(repo, 'docs'), '.', '--root', '..').rows), []);
});

test('lint --root: a folder that does not exist, or a file, is a usage error', () => {
  const dir = folder({ 'a.md': '# A\n' });
  for (const bad of ['nope', 'a.md']) {
    const r = lintJson(dir, 'a.md', '--root', bad);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`^integration-docs: --root .*${bad.replace('.', '\\.')} is not a folder\\n$`));
  }
});

test('outline uses the same root rule as lint', () => {
  const repo = folder({ '.git/': '', 'docs/page.md': PAGE, 'sources/api.md': '# API\n' });
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'outline', 'page.md', '--format', 'json'], { cwd: join(repo, 'docs'), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { sources: { exists: boolean }[] }).sources[0].exists, true);
});
