/**
 * The CLI as an npm package: `npm pack` gives a tarball with the self-contained bundles (and the
 * libraries they load on first use, dist/lazy/) and no dependencies, which installs offline into an empty folder and runs from its `bin`.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers';

interface Pack {
  filename: string;
  files: { path: string }[];
}

const work = mkdtempSync(join(tmpdir(), 'integration-docs-npm-'));
after(() => rmSync(work, { recursive: true, force: true }));

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  // No lifecycle scripts: packing must not rebuild dist/ under tests that are using it.
  const r = spawnSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(r.status, 0, `npm ${args.join(' ')}: ${r.stderr}`);
  return r;
}

let pack: Pack;

before(() => {
  pack = (JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT).stdout) as Pack[])[0];
});

test('npm pack: the CLI bundles and their lazy files, docs and the config schema; no sources, tests, maps or extension', () => {
  const files = pack.files.map((f) => f.path).sort();
  const lazy = ['re2js', 'remark-mdx', 'remark', 'yaml-events', 'yaml'].map((name) => `dist/lazy/${name}.js`);
  assert.deepEqual(files, ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli-main.js', 'dist/cli-worker.js', 'dist/cli.js', ...lazy, 'media/integration-docs.schema.json', 'package.json']);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(pkg.private, undefined, 'publishable');
  assert.equal(pkg.dependencies, undefined, 'everything the CLI needs is in its bundle');
  assert.deepEqual(pkg.bin, { 'integration-docs': 'dist/cli.js' });
  assert.match(readFileSync(join(ROOT, 'dist/cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

test('the tarball installs offline into an empty folder and its bin lints, on one thread and on workers', () => {
  const app = join(work, 'app');
  const docs = join(app, 'docs');
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}\n');
  npm(['install', '--offline', join(work, pack.filename)], app);
  const bin = join(app, 'node_modules/.bin/integration-docs');
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  assert.equal(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim(), version);

  writeFileSync(join(docs, 'a.md'), '---\nstatus: final\n---\n# A\n\nOwner: [Customer name]\n');
  writeFileSync(join(docs, 'b.md'), '# B\n\nDone.\n');
  for (const threads of ['1', '2']) {
    const r = spawnSync(bin, ['lint', 'docs'], { cwd: app, encoding: 'utf8', env: { ...process.env, INTEGRATION_DOCS_THREADS: threads } });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, 'docs/a.md:6:8 error placeholder Unfilled placeholder `[Customer name]`: replace it with the value\n1 problem (1 error, 0 warnings) in 2 files.\n', `threads=${threads}`);
  }
  const templates = spawnSync(bin, ['templates', '--format', 'json'], { cwd: app, encoding: 'utf8' });
  assert.equal(templates.status, 0, templates.stderr);
  assert.equal((JSON.parse(templates.stdout) as unknown[]).length, 5);
});
