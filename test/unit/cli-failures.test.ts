/**
 * The CLI never reports success when it did not lint: an internal error in one document,
 * an unreadable file, named pipes and other special files, a glob that matches nothing, an
 * output folder that is a file. Each case runs the built CLI (`node dist/cli.js`).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lintFile } from '../../src/cli/lint-file';
import { FORMATTERS } from '../../src/cli/formats/index';
import { ROOT } from './helpers';

const CLI = join(ROOT, 'dist/cli.js');
const made: string[] = [];

after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'integration-docs-fail-'));
  chmodSync(dir, 0o755); // readable by the unprivileged user of the EACCES test
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function fifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  assert.equal(r.status, 0, `mkfifo ${path}: ${r.stderr}`);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
  errors: string[];
}

/** Runs the CLI (`nodeArgs` go to Node); a run that blocks is killed after 30 s and fails the test (code null). */
function run(cwd: string, args: string[], prefix: string[] = [], nodeArgs: string[] = [], cli = CLI): Run {
  const argv = [...prefix, process.execPath, ...nodeArgs, cli, ...args];
  const r = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8', timeout: 30_000 });
  const stdout = r.stdout ?? '';
  const stderr = r.stderr ?? '';
  return { code: r.status, stdout, stderr, lines: stdout.split('\n').filter(Boolean), errors: stderr.split('\n').filter(Boolean) };
}

const FIELD = 'C: [Customer name]\n';
const PH = 'Unfilled placeholder `[Customer name]`: replace it with the value';
/**
 * No document makes the engine throw any more (block quotes nested 5,000 deep used to), so an
 * internal error is made for these tests: `BOOM` is preloaded into the CLI (and its workers,
 * which inherit Node's options) and makes string searches throw on a text holding the marker.
 */
const DEEP = `# Deep\n\nENGINE-BOOM [Customer name]\n`;
const BOOM = join(mkdtempSync(join(tmpdir(), 'integration-docs-boom-')), 'boom.cjs');
made.push(dirname(BOOM));
writeFileSync(
  BOOM,
  [
    'const indexOf = String.prototype.indexOf;',
    "String.prototype.indexOf = function (...a) { if (String.prototype.includes.call(this, 'ENGINE-BOOM')) throw new RangeError('Maximum call stack size exceeded'); return indexOf.apply(this, a); };",
  ].join('\n'),
);
const crashing = (cwd: string, args: string[]) => run(cwd, args, [], ['--require', BOOM]);

const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at .+:\d+:\d+/, `a stack trace:\n${s}`);

// --- internal errors -------------------------------------------------------------------

test('an internal error in one document: named on stderr, counted, the rest linted, exit 2', () => {
  const dir = folder({ 'a.md': FIELD, 'deep.md': DEEP });
  const r = crashing(dir, ['lint']);
  assert.equal(r.code, 2);
  assert.deepEqual(r.lines, [`a.md:1:4 warning placeholder ${PH}`, '1 file could not be linted (1 internal error); 1 problem (0 errors, 1 warning) in 1 file.']);
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0], /^integration-docs: deep\.md: not linted: internal error: .+ \(please report it\)$/);
  noStack(r.stderr);
  // Alone: never "No problems in 0 files".
  const alone = crashing(dir, ['lint', 'deep.md']);
  assert.equal(alone.code, 2);
  assert.deepEqual(alone.lines, ['1 file could not be linted (1 internal error); no file linted.']);
  // JSON and SARIF stay exact; the exit status still says the run failed.
  const json = crashing(dir, ['lint', '--format', 'json']);
  assert.equal(json.code, 2);
  assert.deepEqual(JSON.parse(json.stdout).map((f: { file: string }) => f.file), ['a.md']);
  const sarif = crashing(dir, ['lint', '--format', 'sarif']);
  assert.equal(sarif.code, 2);
  const invocation = JSON.parse(sarif.stdout).runs[0].invocations[0];
  assert.equal(invocation.executionSuccessful, false);
  assert.deepEqual(
    invocation.toolExecutionNotifications.map((n: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [n.level, n.locations[0].physicalLocation.artifactLocation.uri]),
    [['error', 'deep.md']],
  );
});

test('lintFile turns any exception of the engine into a failed result naming the error', () => {
  const dir = folder({ 'a.md': FIELD });
  const boom = () => {
    throw new RangeError('Maximum call stack size exceeded');
  };
  const r = lintFile(join(dir, 'a.md'), {}, 1 << 20, undefined, boom);
  assert.deepEqual(r, { file: join(dir, 'a.md'), findings: [], skipped: 'not linted: internal error: RangeError: Maximum call stack size exceeded (please report it)', reason: 'internal-error' });
  assert.equal(
    FORMATTERS.text.format([r, { file: join(dir, 'b.md'), findings: [] }], { quiet: false, root: dir, version: '0' }),
    '1 file could not be linted (1 internal error); no problems in 1 file.',
  );
});

test('outline: an internal error is one line naming the file, exit 2, no stack trace', () => {
  const dir = folder({ 'deep.md': DEEP });
  const r = crashing(dir, ['outline', 'deep.md']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0], /^integration-docs: deep\.md: not linted: internal error: .+ \(please report it\)$/);
  noStack(r.stderr);
});

// --- unreadable and skipped files --------------------------------------------------------

/** How to run the CLI as a user who cannot read a mode-000 file (root reads everything). */
function unprivileged(): string[] | undefined {
  if (process.getuid?.() !== 0) return [];
  const probe = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'true']);
  return probe.status === 0 ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'] : undefined;
}

test('an unreadable file (EACCES) is reported and counted, exit 2', (t) => {
  const prefix = unprivileged();
  if (prefix === undefined) return t.skip('running as root without setpriv: every file is readable');
  const dir = folder({ 'a.md': FIELD, 'locked.md': FIELD });
  chmodSync(join(dir, 'locked.md'), 0o000);
  // The checkout may sit in a folder only root can enter (a mktemp -d clone): the unprivileged
  // user runs a copy of the self-contained CLI bundles from a folder it can read.
  const bin = folder({});
  for (const f of ['cli.js', 'cli-main.js', 'cli-worker.js']) copyFileSync(join(dirname(CLI), f), join(bin, f));
  const r = run(dir, ['lint'], prefix, [], join(bin, 'cli.js'));
  assert.equal(r.code, 2);
  assert.deepEqual(r.errors, ['integration-docs: locked.md: not linted: cannot read it: permission denied (EACCES)']);
  assert.deepEqual(r.lines, [`a.md:1:4 warning placeholder ${PH}`, '1 file could not be linted (1 unreadable); 1 problem (0 errors, 1 warning) in 1 file.']);
});

test('the summary counts files linted and skipped, and why', () => {
  const dir = folder({
    'a.md': FIELD,
    'bin.md': Buffer.from([0x43, 0x3a, 0x20, 0x00, 0x01]),
    'latin1.md': Buffer.from('Caf\xe9 [X]\n', 'latin1'),
    'big.md': 'x'.repeat(20_000),
    'clean.md': '# Clean\n',
  });
  const r = run(dir, ['lint', '--max-size', '0.01']);
  assert.equal(r.code, 0);
  assert.deepEqual(r.lines, [`a.md:1:4 warning placeholder ${PH}`, '1 problem (0 errors, 1 warning) in 2 files; 3 files skipped (1 over --max-size, 1 binary, 1 not UTF-8).']);
});

// --- named pipes and other special files ----------------------------------------------------

test('a named pipe is never read: outline, lint, --config, .integration-docs.json, team templates', () => {
  const dir = folder({ 'docs/a.md': FIELD, 'templates/ok.md': '---\ntitle: Ok\ndescription: A template\n---\n# [Title]\n' });
  fifo(join(dir, 'pipe.md'));
  fifo(join(dir, 'config.json'));
  fifo(join(dir, 'docs/.integration-docs.json'));
  fifo(join(dir, 'templates/pipe.md'));

  const outline = run(dir, ['outline', 'pipe.md']);
  assert.equal(outline.code, 2);
  assert.deepEqual(outline.errors, ['integration-docs: pipe.md: skipped: a named pipe (FIFO), not a regular file']);

  const lintPipe = run(dir, ['lint', 'pipe.md', 'docs/a.md']);
  assert.equal(lintPipe.code, 0);
  assert.deepEqual(lintPipe.errors, [
    'integration-docs: warning: docs/.integration-docs.json is a named pipe (FIFO), not a regular file; ignoring it',
    'integration-docs: pipe.md: skipped: a named pipe (FIFO), not a regular file',
  ]);
  assert.deepEqual(lintPipe.lines, [`docs/a.md:1:4 warning placeholder ${PH}`, '1 problem (0 errors, 1 warning) in 1 file; 1 file skipped (1 not a regular file).']);

  const walked = run(dir, ['lint', '.']);
  assert.equal(walked.code, 0);
  assert.ok(walked.errors.includes('integration-docs: pipe.md: skipped: a named pipe (FIFO), not a regular file'), walked.stderr);

  const config = run(dir, ['lint', '--config', 'config.json', 'docs']);
  assert.equal(config.code, 2);
  assert.deepEqual(config.errors, ['integration-docs: cannot read config config.json: a named pipe (FIFO), not a regular file']);

  const templates = run(dir, ['templates', '--dir', 'templates']);
  assert.equal(templates.code, 0);
  assert.deepEqual(templates.errors, ['integration-docs: warning: templates/pipe.md: cannot read: a named pipe (FIFO), not a regular file']);
  assert.match(templates.stdout, /^ok +Ok — A template \(team: /m);
});

test('a symbolic link loop named on the command line is an error saying so', () => {
  const dir = folder({});
  symlinkSync('loop.md', join(dir, 'loop.md'));
  const r = run(dir, ['lint', 'loop.md']);
  assert.equal(r.code, 2);
  assert.deepEqual(r.errors, ['integration-docs: cannot read loop.md: too many levels of symbolic links (ELOOP)']);
});

// --- arguments that match nothing, outputs that cannot be written -----------------------------

test('a glob that matches no Markdown file exits 2 with a message', () => {
  const dir = folder({ 'docs/a.md': FIELD });
  const r = run(dir, ['lint', 'nothing/**/*.md']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.deepEqual(r.errors, ['integration-docs: no Markdown file matches nothing/**/*.md']);
  assert.equal(run(dir, ['lint', 'docs/*.md']).code, 0);
});

test('new -o into a path whose folder is a file: a clear error, no stack trace', () => {
  const dir = folder({ 'existing.md': '# Mine\n' });
  const r = run(dir, ['new', 'integration-page', '-o', 'existing.md/']);
  assert.equal(r.code, 2);
  assert.deepEqual(r.errors, ['integration-docs: cannot write into existing.md/: existing.md is a file, not a folder']);
  noStack(r.stderr);
});

// --- file names with control characters --------------------------------------------------

test('a file name with a newline does not split a text line; JSON keeps the name exact', () => {
  const dir = folder({ 'bad\nname.md': FIELD, 'tab\there.md': FIELD });
  const r = run(dir, ['lint']);
  assert.equal(r.code, 0);
  assert.deepEqual(r.lines, [`"bad\\nname.md":1:4 warning placeholder ${PH}`, `"tab\\there.md":1:4 warning placeholder ${PH}`, '2 problems (0 errors, 2 warnings) in 2 files.']);
  const json = JSON.parse(run(dir, ['lint', '--format', 'json']).stdout) as { file: string }[];
  assert.deepEqual(json.map((f) => f.file), ['bad\nname.md', 'tab\there.md']);
});
