/**
 * The built CLI (`node dist/cli.js`), run in temporary folders: output formats, exit codes,
 * file discovery, configuration, skipped files and the worker-thread path.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lint } from '../../src/core/index';
import { FORMATTERS } from '../../src/cli/formats/index';
import { workerCount, type Job } from '../../src/cli/pool';
import type { FileResult } from '../../src/cli/lint-file';
import { ROOT } from './helpers';

const CLI = join(ROOT, 'dist/cli.js');
const made: string[] = [];

after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder holding `files` (paths relative to it, parents created). */
function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'integration-docs-cli-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
}

function run(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  const stdout = r.stdout ?? '';
  return { code: r.status, stdout, stderr: r.stderr ?? '', lines: stdout.split('\n').filter(Boolean) };
}

const WARN = 'C: [Customer name]\n';
const FINAL = '---\nstatus: final\n---\n\nC: [Customer name]\n';
const CLEAN = '# Clean\n\nSee the [guide](./guide.md).\n';
const PH = 'Unfilled placeholder `[Customer name]`: replace it with the value';

// --- formats ---------------------------------------------------------------------------

test('text: `path:line:col severity rule message` lines and a summary; exit 1 with an error', () => {
  const dir = folder({ 'docs/a.md': WARN, 'docs/b.md': FINAL, 'docs/c.md': CLEAN });
  const r = run(dir, 'lint', 'docs');
  assert.equal(r.code, 1);
  assert.deepEqual(r.lines, [
    `docs/a.md:1:4 warning placeholder ${PH}`,
    `docs/b.md:5:4 error placeholder ${PH}`,
    '2 problems (1 error, 1 warning) in 3 files.',
  ]);
  assert.equal(r.stderr, '');
});

test('text: exit 0 with only warnings; a clean run says so', () => {
  const dir = folder({ 'a.md': WARN, 'clean.md': CLEAN });
  assert.deepEqual(run(dir, 'lint', 'a.md'), { code: 0, stdout: `a.md:1:4 warning placeholder ${PH}\n1 problem (0 errors, 1 warning) in 1 file.\n`, stderr: '', lines: [`a.md:1:4 warning placeholder ${PH}`, '1 problem (0 errors, 1 warning) in 1 file.'] });
  const clean = run(dir, 'lint', 'clean.md');
  assert.equal(clean.code, 0);
  assert.deepEqual(clean.lines, ['No problems in 1 file.']);
});

test('text: information and hint findings are counted in the summary', () => {
  const dir = folder({ 'o.md': '---\nstatus: outline\n---\nC: [Customer name]\n', 'h.md': '{{#if a}}x{{/if}}\n', '.integration-docs.json': '{"rules": {"conditional": "hint"}}' });
  const r = run(dir, 'lint');
  assert.equal(r.code, 0);
  assert.deepEqual(r.lines, [
    'h.md:1:1 hint conditional Unresolved template block "a": keep or remove it',
    `o.md:4:4 information placeholder ${PH}`,
    '2 problems (0 errors, 0 warnings, 1 information, 1 hint) in 2 files.',
  ]);
});

test('json: an array of {file, line, column, endLine, endColumn, rule, severity, message}', () => {
  const dir = folder({ 'docs/a.md': WARN, 'docs/b.md': FINAL });
  const r = run(dir, 'lint', '--format', 'json', 'docs');
  assert.equal(r.code, 1);
  assert.deepEqual(JSON.parse(r.stdout), [
    { file: 'docs/a.md', line: 1, column: 4, endLine: 1, endColumn: 19, rule: 'placeholder', severity: 'warning', message: PH },
    { file: 'docs/b.md', line: 5, column: 4, endLine: 5, endColumn: 19, rule: 'placeholder', severity: 'error', message: PH },
  ]);
  const clean = run(dir, 'lint', '--format=json', 'docs/a.md', '--quiet');
  assert.deepEqual(JSON.parse(clean.stdout), []);
  assert.equal(clean.code, 0);
});

test('a file with lone carriage returns is read as an editor shows it: a line per \\r, the same in LF and CRLF', () => {
  // A frontmatter marks it final (errors), a heading starts the DoD list, a fence holds a bracket that is code.
  const lines = ['---', 'status: final', '---', '', '# Definition of Done', '', '- [ ] Reviewed', '', '```', 'run [kept]', '```', '', 'C: [Customer name]', ''];
  const dir = folder({ 'cr.md': lines.join('\r'), 'lf.md': lines.join('\n'), 'crlf.md': lines.join('\r\n') });
  const shown = (file: string) => (JSON.parse(run(dir, 'lint', '--format', 'json', file).stdout) as { line: number; column: number; rule: string }[]).map((f) => `${f.line}:${f.column} ${f.rule}`);
  assert.deepEqual(shown('cr.md'), ['7:1 unchecked-dod', '13:4 placeholder']);
  assert.deepEqual(shown('lf.md'), shown('cr.md'));
  assert.deepEqual(shown('crlf.md'), shown('cr.md'));
});

test('github: workflow commands, error/warning/notice by severity', () => {
  const dir = folder({ 'a.md': WARN, 'b.md': FINAL, 'c.md': '---\nstatus: outline\n---\nC: [Customer name]\n' });
  const r = run(dir, 'lint', '--format', 'github', '.');
  assert.equal(r.code, 1);
  assert.deepEqual(r.lines, [
    `::warning file=a.md,line=1,col=4,endLine=1,endColumn=19,title=placeholder::${PH}`,
    `::error file=b.md,line=5,col=4,endLine=5,endColumn=19,title=placeholder::${PH}`,
    `::notice file=c.md,line=4,col=4,endLine=4,endColumn=19,title=placeholder::${PH}`,
  ]);
});

test('github: `%`, newlines, `,` and `:` are escaped in properties; `%` and newlines in the message', () => {
  const dir = folder({ 'we,ird:name%.md': 'x [100% done]\n' });
  const r = run(dir, 'lint', '--format', 'github', 'we,ird:name%.md');
  assert.deepEqual(r.lines, [
    '::warning file=we%2Cird%3Aname%25.md,line=1,col=3,endLine=1,endColumn=14,title=placeholder::Unfilled placeholder `[100%25 done]`: replace it with the value',
  ]);
  // Messages never hold a newline today; the formatter still escapes one.
  const result: FileResult = {
    file: join(process.cwd(), 'x\ny.md'),
    findings: [{ rule: 'frontmatter', severity: 'hint', message: 'line one\r\nline two: 50%', line: 1, column: 1, endLine: 1, endColumn: 2, startOffset: 0, endOffset: 1 }],
  };
  const context = { quiet: true, root: process.cwd(), version: '0.0.0' };
  assert.equal(FORMATTERS.github.format([result], context), '::notice file=x%0Ay.md,line=1,col=1,endLine=1,endColumn=2,title=frontmatter::line one%0D%0Aline two: 50%25');
  // Text output quotes a name with a control character, so the name cannot split a line.
  assert.equal(FORMATTERS.text.format([result], context), '"x\\ny.md":1:1 hint frontmatter line one\r\nline two: 50%');
});

// --- exit code 2 -----------------------------------------------------------------------

function assertUsage(r: Run, stderr: RegExp): void {
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  const lines = r.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], stderr);
}

test('exit 2: a missing file, an unknown option, a bad --format or --max-size', () => {
  const dir = folder({ 'a.md': WARN });
  assertUsage(run(dir, 'lint', 'a.md', 'nope.md'), /^integration-docs: no such file or directory: nope\.md$/);
  assertUsage(run(dir, 'lint', '--bogus', 'a.md'), /^integration-docs: unknown option --bogus/);
  assertUsage(run(dir, 'lint', '--format', 'xml', 'a.md'), /^integration-docs: --format must be one of text, json, github, sarif, got "xml"$/);
  assertUsage(run(dir, 'lint', 'a.md', '--format'), /^integration-docs: option --format needs a value$/);
  assertUsage(run(dir, 'lint', '--max-size', 'big', 'a.md'), /^integration-docs: --max-size must be a positive number/);
  assertUsage(run(dir, 'frobnicate'), /^integration-docs: unknown command "frobnicate"/);
});

test('exit 2: a bad config names the file and the key on one line', () => {
  const dir = folder({ 'docs/a.md': WARN, '.integration-docs.json': '{"rules": {"placeholder": "loud"}}' });
  assertUsage(run(dir, 'lint', 'docs'), /^integration-docs: invalid config \.integration-docs\.json: rules\.placeholder: expected one of auto, error, warning, information, hint, off, got "loud"$/);
  writeFileSync(join(dir, '.integration-docs.json'), '{"placeholderPatterns": ["ok", "(x"], "ignore": "drafts"}');
  assertUsage(run(dir, 'lint', 'docs'), /^integration-docs: invalid config \.integration-docs\.json: placeholderPatterns\[1\]: invalid regular expression: .* \(and 1 more\)$/);
  writeFileSync(join(dir, '.integration-docs.json'), '{"rules": ');
  assertUsage(run(dir, 'lint', 'docs'), /^integration-docs: invalid config \.integration-docs\.json: \(file\): not valid JSON: /);
  // Found upward from a subfolder, the path is shown relative to where the CLI runs.
  assertUsage(run(join(dir, 'docs'), 'lint', 'a.md'), /^integration-docs: invalid config \.\.\/\.integration-docs\.json: \(file\)/);
});

test('exit 2: --config names a missing or broken file', () => {
  const dir = folder({ 'a.md': WARN, 'bad.json': '{"dodHeadings": [1]}' });
  assertUsage(run(dir, 'lint', '--config', 'missing.json', 'a.md'), /^integration-docs: cannot read config missing\.json: no such file or directory \(ENOENT\)$/);
  assertUsage(run(dir, 'lint', '--config', 'bad.json', 'a.md'), /^integration-docs: invalid config bad\.json: dodHeadings\[0\]: expected a non-empty string$/);
});

// --- finding files ---------------------------------------------------------------------

test('directories are walked for *.md, skipping node_modules, .git, other files and ignored folders', () => {
  const dir = folder({
    'README.md': WARN,
    'docs/guide.MD': WARN,
    'docs/notes.txt': WARN,
    'docs/deep/er/x.md': WARN,
    'node_modules/pkg/readme.md': WARN,
    'docs/node_modules/pkg/readme.md': WARN,
    '.git/info.md': WARN,
    'drafts/d.md': WARN,
    'vendor/v.md': WARN,
    'archive/old/o.md': WARN,
    'archive/keep.md': WARN,
    'docs/skip-me.md': WARN,
    '.integration-docs.json': JSON.stringify({ ignore: ['drafts', 'vendor/', 'archive/old/**', '**/skip-*.md'] }),
  });
  const r = run(dir, 'lint', '--format', 'json');
  assert.deepEqual([...new Set(JSON.parse(r.stdout).map((f: { file: string }) => f.file))], ['README.md', 'archive/keep.md', 'docs/deep/er/x.md', 'docs/guide.MD']);
  // A file named explicitly is linted even when ignored.
  assert.deepEqual(run(dir, 'lint', '--format', 'json', 'drafts/d.md').stdout.includes('"drafts/d.md"'), true);
});

test('a symbolic link to a Markdown file is linted; links to folders are not followed', () => {
  const dir = folder({ 'real/a.md': WARN });
  symlinkSync(join(dir, 'real/a.md'), join(dir, 'link.md'));
  symlinkSync(dir, join(dir, 'real/loop'));
  const r = run(dir, 'lint', '--format', 'json');
  assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string }) => f.file), ['link.md', 'real/a.md']);
});

test('globs: docs/**/*.md and *.md (quoted, expanded by the CLI)', () => {
  const dir = folder({ 'top.md': WARN, 'docs/a.md': WARN, 'docs/sub/b.md': WARN, 'docs/sub/c.txt': WARN, 'other/d.md': WARN });
  const files = (r: Run) => JSON.parse(r.stdout).map((f: { file: string }) => f.file);
  assert.deepEqual(files(run(dir, 'lint', '--format', 'json', 'docs/**/*.md')), ['docs/a.md', 'docs/sub/b.md']);
  assert.deepEqual(files(run(dir, 'lint', '--format', 'json', '*.md')), ['top.md']);
  assert.deepEqual(files(run(dir, 'lint', '--format', 'json', 'docs/sub/*.md', 'top.md', 'docs/sub/b.md')), ['docs/sub/b.md', 'top.md']);
});

// --- configuration ---------------------------------------------------------------------

test('the config is found upward from the document, not from the working folder; the nearest wins', () => {
  const dir = folder({
    'proj/.integration-docs.json': '{"rules": {"placeholder": "error"}}',
    'proj/docs/deep/a.md': WARN,
    'proj/team/.integration-docs.json': '{"rules": {"placeholder": "hint"}}',
    'proj/team/b.md': WARN,
    'elsewhere/.integration-docs.json': '{"rules": {"placeholder": "off"}}',
  });
  const r = run(join(dir, 'elsewhere'), 'lint', '--format', 'json', '../proj');
  assert.deepEqual(
    JSON.parse(r.stdout).map((f: { severity: string }) => f.severity),
    ['error', 'hint'],
  );
  assert.equal(r.code, 1);
});

test('--config FILE replaces the configuration found upward', () => {
  const dir = folder({ '.integration-docs.json': '{"rules": {"placeholder": "error"}}', 'a.md': WARN, 'cfg/my.json': '{"rules": {"placeholder": "information"}}' });
  const r = run(dir, 'lint', '--config', 'cfg/my.json', 'a.md');
  assert.equal(r.code, 0);
  assert.deepEqual(r.lines, [`a.md:1:4 information placeholder ${PH}`, '1 problem (0 errors, 0 warnings, 1 information) in 1 file.']);
  // Its ignore globs are relative to its own folder.
  const dir2 = folder({ 'my.json': '{"ignore": ["skip/**"]}', 'skip/s.md': WARN, 'keep/k.md': WARN });
  const files = JSON.parse(run(join(dir2, 'keep'), 'lint', '--config', '../my.json', '--format', 'json', '..').stdout).map((f: { file: string }) => f.file);
  assert.deepEqual(files, ['k.md']);
});

test('config options reach the engine: patterns and DoD headings', () => {
  const dir = folder({
    '.integration-docs.json': JSON.stringify({ placeholderPatterns: ['\\bTBD\\b'], dodHeadings: ['Exit Criteria'] }),
    'a.md': 'Price: TBD\n\n## Exit Criteria\n\n- [ ] Signed\n',
  });
  const r = run(dir, 'lint', '--format', 'json', 'a.md');
  assert.deepEqual(JSON.parse(r.stdout).map((f: { rule: string; line: number }) => `${f.line} ${f.rule}`), ['1 placeholder', '5 unchecked-dod']);
});

test('--quiet: errors only, no summary', () => {
  const dir = folder({ 'a.md': WARN, 'b.md': FINAL });
  const r = run(dir, 'lint', '--quiet');
  assert.equal(r.code, 1);
  assert.deepEqual(r.lines, [`b.md:5:4 error placeholder ${PH}`]);
  const warningsOnly = run(dir, 'lint', '--quiet', 'a.md');
  assert.equal(warningsOnly.code, 0);
  assert.equal(warningsOnly.stdout, '');
  assert.deepEqual(run(dir, 'lint', '--quiet', '--format', 'github').lines, [`::error file=b.md,line=5,col=4,endLine=5,endColumn=19,title=placeholder::${PH}`]);
});

// --- skipped files ---------------------------------------------------------------------

test('binary and non-UTF-8 files are skipped with a warning; the rest is still linted', () => {
  const dir = folder({
    'a.md': WARN,
    'bin.md': Buffer.from([0x43, 0x3a, 0x20, 0x5b, 0x58, 0x5d, 0x00, 0x01, 0x02]),
    'latin1.md': Buffer.from('Caf\xe9 [X]\n', 'latin1'),
  });
  const r = run(dir, 'lint');
  assert.equal(r.code, 0);
  assert.deepEqual(r.lines, [`a.md:1:4 warning placeholder ${PH}`, '1 problem (0 errors, 1 warning) in 1 file; 2 files skipped (1 binary, 1 not UTF-8).']);
  assert.deepEqual(r.stderr.split('\n').filter(Boolean), ['integration-docs: bin.md: skipped: binary file', 'integration-docs: latin1.md: skipped: not valid UTF-8']);
});

test('a file over --max-size is skipped with a message', () => {
  const big = `${'Lorem ipsum dolor sit amet. '.repeat(800)}\n\n[Field]\n`;
  const dir = folder({ 'big.md': big, 'a.md': WARN });
  const r = run(dir, 'lint', '--max-size', '0.01');
  assert.equal(r.code, 0);
  assert.deepEqual(r.lines, [`a.md:1:4 warning placeholder ${PH}`, '1 problem (0 errors, 1 warning) in 1 file; 1 file skipped (1 over --max-size).']);
  assert.deepEqual(r.stderr.split('\n').filter(Boolean), ['integration-docs: big.md: skipped: 21.9 KB is over the 10.2 KB limit (--max-size)']);
  // Under the default limit (5 MB) it is linted.
  assert.deepEqual(JSON.parse(run(dir, 'lint', '--format', 'json', 'big.md').stdout).map((f: { line: number }) => f.line), [3]);
});

test('a BOM and CRLF line endings in a file do not move positions', () => {
  const dir = folder({ 'bom.md': '\uFEFFC: [Customer name]\r\n\r\n## Definition of Done\r\n\r\n- [ ] x\r\n' });
  assert.deepEqual(
    JSON.parse(run(dir, 'lint', '--format', 'json').stdout).map((f: { line: number; column: number; endColumn: number; rule: string }) => `${f.line}:${f.column}-${f.endColumn} ${f.rule}`),
    ['1:4-19 placeholder', '5:1-8 unchecked-dod'],
  );
});

// --- many files: worker threads --------------------------------------------------------

test('the CLI exits as soon as it has written, and a large output through pipes arrives whole', () => {
  // 3,000 findings, about 600 KB of JSON on stdout, and a warning per skipped file on stderr:
  // many times a pipe's buffer, written before the process ends itself.
  const files: Record<string, string | Buffer> = { 'docs/binary.md': Buffer.from([0, 1, 2]) };
  for (let i = 0; i < 30; i++) files[`docs/d${i}.md`] = Array.from({ length: 100 }, (_, j) => `Line ${j} has [Field ${i}-${j}].\n`).join('\n');
  const dir = folder(files);
  const r = run(dir, 'lint', '--format', 'json', 'docs');
  assert.equal(r.code, 0); // warnings only
  const findings = JSON.parse(r.stdout) as { file: string; line: number }[];
  assert.equal(findings.length, 3000);
  assert.deepEqual(findings.at(-1), { ...findings.at(-1), file: 'docs/d9.md', line: 199 });
  assert.match(r.stderr, /docs\/binary\.md: skipped: binary file\n$/);
});

test('a reader that stops early (`| head`) ends the run quietly, with its exit code', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 20; i++) files[`d${i}.md`] = `---\nstatus: final\n---\n${'Text with [Field].\n\n'.repeat(400)}`;
  const dir = folder(files);
  const child = spawn(process.execPath, [CLI, 'lint', '.'], { cwd: dir });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Read one chunk, then close the pipe, as `head -1` does.
  child.stdout.once('data', () => child.stdout.destroy());
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 1, stderr);
  assert.equal(stderr, '');
});

test('many files (24, > 200 KB) on worker threads give the same results as one by one', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 24; i++) {
    const parts = [`---\nstatus: ${['outline', 'draft', 'final'][i % 3]}\n---\n# Doc ${i}\n`];
    for (let j = 0; j < 60; j++) {
      parts.push(`\n## Section ${j}\n\nText about the integration with [Field ${i}-${j}] and a [link](https://example.com).\n\n\`\`\`python\nvalues = [1, 2, 3]  # ${'padding '.repeat(8)}\n\`\`\`\n`);
    }
    parts.push('\n## Definition of Done\n\n- [ ] Done?\n{{#if extra}}\n');
    files[`docs/doc${String(i).padStart(2, '0')}.md`] = parts.join('');
  }
  const dir = folder(files);
  const names = Object.keys(files).sort();
  const total = names.reduce((n, f) => n + Buffer.byteLength(files[f]), 0);
  assert.ok(total > 200_000, `${total} bytes`);
  const jobs: Job[] = names.map((file, index) => ({ index, file, options: {}, maxBytes: 5 << 20 }));
  // Threads are the default from 4 cores; INTEGRATION_DOCS_THREADS forces them here.
  process.env.INTEGRATION_DOCS_THREADS = '2';
  let r: Run;
  try {
    assert.equal(workerCount(jobs, total), 2, 'INTEGRATION_DOCS_THREADS sets the thread count');
    r = run(dir, 'lint', '--format', 'json', 'docs');
  } finally {
    delete process.env.INTEGRATION_DOCS_THREADS;
  }
  assert.equal(r.code, 1);
  const got = JSON.parse(r.stdout) as { file: string }[];
  const expected = names.flatMap((file) =>
    lint(readFileSync(join(dir, file), 'utf8')).map((f) => ({
      file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
    })),
  );
  assert.equal(got.length, 24 * 62); // 60 fields, 1 DoD item, 1 unclosed block per file
  assert.deepEqual(got, expected);
  // One file at a time through the CLI (inline path) agrees too.
  for (const file of [names[0], names[13], names[23]]) {
    assert.deepEqual(JSON.parse(run(dir, 'lint', '--format', 'json', file).stdout), got.filter((f) => f.file === file));
  }
});

test('--help and --version', () => {
  const dir = folder({});
  const help = run(dir, 'lint', '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: integration-docs lint/);
  const version = run(dir, '--version');
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});
