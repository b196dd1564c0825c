/**
 * The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml): their
 * definitions are well-formed, and the action's own shell steps run here against the built
 * CLI with the environment GitHub gives them. Also `lint --fail-on` and `--skip-ignored`,
 * which they use.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './helpers';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'integration-docs-ci-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

test('action.yml: a composite action whose expressions name only its own inputs and steps; no input pasted into a script', () => {
  assert.equal(action.runs.using, 'composite');
  for (const input of ['paths', 'format', 'root', 'fail-on', 'config', 'version']) assert.ok(action.inputs[input]?.description, input);
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  for (const [, name] of text.matchAll(/\$\{\{[^}]*\binputs\.([\w-]+)/g)) assert.ok(name in action.inputs, `undefined input ${name}`);
  const ids = new Set(action.runs.steps.map((s) => s.id).filter(Boolean));
  for (const [, id] of text.matchAll(/\bsteps\.([\w-]+)\.outputs/g)) assert.ok(ids.has(id), `undefined step ${id}`);
  for (const step of action.runs.steps) {
    if (step.run) {
      assert.doesNotMatch(step.run, /\$\{\{/, 'inputs reach scripts through env only');
      assert.equal(step.shell, 'bash');
    }
  }
  const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
  assert.ok(upload, 'SARIF upload step');
  assert.equal(upload.with?.sarif_file, '${{ inputs.sarif-file }}');
});

/** Runs a step's script as GitHub would: bash, the step's env with expressions resolved. */
function runStep(id: string, values: Record<string, string>, cwd: string): { code: number | null; stdout: string; outputs: Record<string, string> } {
  const step = action.runs.steps.find((s) => s.id === id) ?? action.runs.steps.find((s) => s.run && s.if?.includes(id));
  assert.ok(step?.run, id);
  const output = join(cwd, `.github-output-${id}`);
  writeFileSync(output, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: output };
  for (const [key, expr] of Object.entries(step.env ?? {})) {
    env[key] = expr.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
      if (name.startsWith('inputs.')) return values[name] ?? action.inputs[name.slice(7)].default ?? '';
      return values[name] ?? '';
    });
  }
  // As GitHub runs `shell: bash`: bash --noprofile --norc -eo pipefail
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { code: r.status, stdout: r.stdout, outputs };
}

const CLI = { 'steps.cli.outputs.cli': join(ROOT, 'dist/cli.js') };
const DOCS = {
  'docs/guide.md': '---\nstatus: final\n---\n# Guide\n\nOwner: [Customer name]\n',
  'docs/draft.md': '# Draft\n\nOwner: [Partner name]\n',
  'docs/notes file.md': '# Notes\n\nAll done.\n',
};

test('action: the lint step prints annotations, records the exit code, and passes paths and globs unexpanded', () => {
  const repo = folder(DOCS);
  const r = runStep('lint', { ...CLI, 'inputs.paths': 'docs/guide.md\ndocs/*.md' }, repo);
  assert.equal(r.code, 0, 'the step itself succeeds; a later step fails the job');
  assert.equal(r.outputs['exit-code'], '1');
  assert.deepEqual(
    r.stdout.trim().split('\n').map((l) => l.split(' ')[0]),
    ['::error', '::warning'],
  );
  assert.match(r.stdout, /^::error file=docs\/guide\.md,line=6,col=8,/);
  // fail-on none: findings are reported, the exit code is 0
  assert.equal(runStep('lint', { ...CLI, 'inputs.fail-on': 'none' }, repo).outputs['exit-code'], '0');
  // fail-on warning fails on the draft's warning alone
  assert.equal(runStep('lint', { ...CLI, 'inputs.paths': 'docs/draft.md', 'inputs.fail-on': 'warning' }, repo).outputs['exit-code'], '1');
  assert.equal(runStep('lint', { ...CLI, 'inputs.paths': 'docs/draft.md' }, repo).outputs['exit-code'], '0');
});

test('action: format sarif writes the log file for the upload step; a usage error is exit code 2', () => {
  const repo = folder(DOCS);
  const r = runStep('lint', { ...CLI, 'inputs.format': 'sarif', 'inputs.root': '.' }, repo);
  assert.equal(r.outputs['exit-code'], '1');
  assert.equal(r.outputs['sarif-file'], 'integration-docs.sarif');
  const log = JSON.parse(readFileSync(join(repo, 'integration-docs.sarif'), 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  assert.deepEqual(log.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri), ['docs/draft.md', 'docs/guide.md']);
  assert.equal(runStep('lint', { ...CLI, 'inputs.root': 'missing-folder' }, repo).outputs['exit-code'], '2');
});

test('action: the last step fails the job with the linter exit code and says why', () => {
  const repo = folder({});
  const failed = runStep('lint.outputs.exit-code', { 'steps.lint.outputs.exit-code': '1' }, repo);
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /findings at or above the fail-on severity/);
  assert.equal(runStep('lint.outputs.exit-code', { 'steps.lint.outputs.exit-code': '2' }, repo).code, 2);
});

test('pre-commit hook: runs the CLI on the changed Markdown files, skipping what the config ignores', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
  assert.equal(hooks.length, 1);
  const [hook] = hooks;
  assert.equal(hook.id, 'integration-docs');
  assert.equal(hook.language, 'node');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const [bin, ...args] = hook.entry.split(' ');
  assert.ok(bin in pkg.bin, `${bin} is the package's bin`);
  const files = new RegExp(hook.files);
  assert.deepEqual(['a.md', 'b/c.markdown', 'x.txt', 'md'].filter((f) => files.test(f)), ['a.md', 'b/c.markdown']);

  const repo = folder({ ...DOCS, '.integration-docs.json': '{"ignore": ["docs/draft.md"]}' });
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args, 'docs/draft.md', 'docs/notes file.md'], { cwd: repo, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'No problems in 1 file.\n');
  // Named without the flag, an ignored file is still linted (lint what you ask for).
  const named = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lint', 'docs/draft.md'], { cwd: repo, encoding: 'utf8' });
  assert.match(named.stdout, /docs\/draft\.md:3:8 warning placeholder/);
});

test('lint --fail-on: a bad level is a usage error', () => {
  const repo = folder(DOCS);
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lint', 'docs', '--fail-on', 'fatal'], { cwd: repo, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'integration-docs: --fail-on must be one of error, warning, information, hint, none, got "fatal"\n');
});
