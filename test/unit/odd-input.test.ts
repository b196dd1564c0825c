/**
 * Every rule on odd input: nothing throws and every position is sane (inside the text, 1-based,
 * consistent with the offsets). No timing asserts: a hang fails the run by its own timeout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lint, Linter, RULES, SEVERITY_SETTINGS, type Finding, type LintOptions } from '../../src/core/index';
import { buildModel, bodyStartOf, FactCache, FirstParse } from '../../src/core/document';
import { splitChunks, lineStarts as chunkLineStarts } from '../../src/core/chunks';
import { readFrontmatter } from '../../src/core/frontmatter';
import { FIXTURES, formatFinding, joinLines, markdownFiles, read, readExpectation, rng } from './helpers';

const OPTIONS: LintOptions = { placeholderPatterns: ['\\bTBD\\b', '<<\\w+>>'], dodHeadings: ['Definition of Done', 'Success Checklist', 'Exit Criteria'] };
const RULE_IDS = new Set<string>(RULES.map((r) => r.id));

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionOf(starts: number[], offset: number): { line: number; column: number } {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line: line + 1, column: offset - starts[line] + 1 };
}

/** Asserts that a finding's positions agree with its offsets and stay inside the text. */
function assertSane(text: string, f: Finding, what: string): void {
  const where = `${what}: ${formatFinding(f)} ${f.message}`;
  assert.ok(RULE_IDS.has(f.rule), where);
  assert.ok(SEVERITY_SETTINGS.includes(f.severity), where);
  assert.ok(typeof f.message === 'string' && f.message.length > 0, where);
  assert.ok(Number.isInteger(f.startOffset) && Number.isInteger(f.endOffset), where);
  assert.ok(f.startOffset >= 0 && f.startOffset <= f.endOffset && f.endOffset <= text.length, where);
  const starts = lineStarts(text);
  assert.deepEqual({ line: f.line, column: f.column }, positionOf(starts, f.startOffset), where);
  assert.deepEqual({ line: f.endLine, column: f.endColumn }, positionOf(starts, f.endOffset), where);
}

/** Lints `text` one-off and incrementally, checks every finding, returns the findings. */
function lintSane(text: string, what: string, options: LintOptions = OPTIONS, incremental = true): Finding[] {
  const findings = lint(text, options);
  for (const f of findings) assertSane(text, f, what);
  const sorted = findings.every((f, i) => i === 0 || findings[i - 1].startOffset <= f.startOffset);
  assert.ok(sorted, `${what}: findings are sorted`);
  if (incremental) assert.deepEqual(new Linter(options).lint(text).findings, findings, `${what}: incremental = one-off`);
  return findings;
}

function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${formatFinding(f)}`);
}

test('empty text, whitespace and lone delimiters yield nothing', () => {
  for (const text of ['', ' ', '\n', '\r\n', '\r', '\t\n\t', '---', '---\n', '---\n---', '---\n---\n', '***', '```', '~~~', '{{', '{{#if', '}}', '[', ']', '[]', '<!--', '-->', '\uFEFF', '\uFEFF---']) {
    assert.deepEqual(brief(lintSane(text, JSON.stringify(text))), [], JSON.stringify(text));
  }
});

test('only frontmatter', () => {
  assert.deepEqual(brief(lintSane(joinLines('---', 'status: final', 'title: Acme', '---'), 'no newline')), []);
  assert.deepEqual(brief(lintSane(joinLines('---', 'status: final', '---', ''), 'newline')), []);
  assert.deepEqual(brief(lintSane(joinLines('---', 'created: YYYY-MM-DD', '---'), 'a field')), ['2:10-2:20 placeholder']);
});

test('unterminated frontmatter is one finding on the opening line', () => {
  assert.deepEqual(brief(lintSane(joinLines('---', 'title: Acme', 'status: draft'), 'unterminated')), ['1:1-1:4 frontmatter']);
});

test('an unterminated fence runs to the end and is still scanned as code', () => {
  const text = joinLines('# T', '', '```bash', '[Configuration example or commands]', 'arr[i]', '', '## Definition of Done', '- [ ] not a task, it is code');
  assert.deepEqual(brief(lintSane(text, 'fence')), ['4:1-4:36 placeholder']);
});

test('`{{` without a close, and unbalanced brackets, yield nothing', () => {
  assert.deepEqual(brief(lintSane('Text {{ never closed\n\nMore {{#if\n\n[unclosed\n\nx]', 'unclosed')), []);
});

test('CRLF line endings give the same findings at the same positions as LF (every fixture)', () => {
  for (const file of markdownFiles(FIXTURES)) {
    const lf = read(join(FIXTURES, file)).replace(/\r\n/g, '\n');
    const options = readExpectation(lf)?.options ?? {};
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = lint(lf, options).map((f) => `${formatFinding(f)} ${f.severity} ${f.message}`);
    const b = lintSane(crlf, `${file} (CRLF)`, options).map((f) => `${formatFinding(f)} ${f.severity} ${f.message}`);
    assert.deepEqual(b, a, file);
  }
});

test('mixed line endings do not throw', () => {
  lintSane('# T [A]\r\n\r\n- [ ] x\n\r\n## Definition of Done\r- [ ] y\n[Field]\r\n', 'mixed');
});

test('a BOM before frontmatter shifts nothing', () => {
  for (const file of markdownFiles(FIXTURES)) {
    const text = read(join(FIXTURES, file));
    if (!text.startsWith('---\n')) continue;
    const options = readExpectation(text)?.options ?? {};
    const plain = brief(lint(text, options));
    // The BOM is offset 0 of line 1, so only line-1 columns could move; frontmatter starts there.
    assert.deepEqual(brief(lintSane(`\uFEFF${text}`, `${file} (BOM)`, options)).filter((s) => !s.startsWith('1:')), plain.filter((s) => !s.startsWith('1:')), file);
  }
});

test('a BOM before a body without frontmatter keeps every finding', () => {
  for (const file of markdownFiles(FIXTURES)) {
    const text = read(join(FIXTURES, file));
    if (text.startsWith('---\n')) continue;
    const options = readExpectation(text)?.options ?? {};
    const shift = (s: string) => s.replace(/^1:(\d+)/, (_, c) => `1:${Number(c) + 1}`).replace(/-1:(\d+)/, (_, c) => `-1:${Number(c) + 1}`);
    assert.deepEqual(brief(lintSane(`\uFEFF${text}`, `${file} (BOM)`, options)), brief(lint(text, options)).map(shift), file);
  }
});

test('a BOM: the first parse caches the same chunks buildModel uses', () => {
  const text = '\uFEFF# T [Field]\n\nPara [X].\n\n```\n[command to verify]\n```\n';
  const options = { patterns: [] };
  const cache = new FactCache();
  assert.equal(new FirstParse(text, options, cache).step(() => false), true);
  const starts = chunkLineStarts(text);
  const chunks = splitChunks(text, bodyStartOf(text, readFrontmatter(text, [])), starts);
  assert.equal(chunks[0].start, 1);
  assert.ok(chunks.every((c) => cache.has(c)));
  assert.deepEqual(buildModel(text, options, cache).fields.map((f) => f.text), ['[Field]', '[X]', '[command to verify]']);
});

test('a 10,000-character line', () => {
  const long = `${'word '.repeat(2000)}[Field at the end]`;
  const text = joinLines('# Long', '', long, '', `\`${'x'.repeat(10000)} [command to verify]\``, '', `| ${'a'.repeat(10000)} | [X] |`);
  assert.deepEqual(brief(lintSane(text, 'long line')), ['3:10001-3:10019 placeholder', '5:10003-5:10022 placeholder', '7:10006-7:10009 placeholder']);
  const table = joinLines('| A | B |', '|---|---|', `| ${'a'.repeat(10000)} | [X] |`);
  assert.deepEqual(brief(lintSane(table, 'long cell')), ['3:10006-3:10009 placeholder']);
});

test('200-deep nested lists', () => {
  const items = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- [ ] item [F${i} field]`);
  const findings = lintSane(joinLines('## Definition of Done', '', ...items), 'nested');
  assert.equal(findings.filter((f) => f.rule === 'unchecked-dod').length, 200);
  assert.equal(findings.filter((f) => f.rule === 'placeholder').length, 200);
  const deepest = findings.filter((f) => f.line === 202);
  assert.deepEqual(brief(deepest), ['202:399-202:422 unchecked-dod', '202:410-202:422 placeholder']);
  // Block quotes and ordered lists nested as deep.
  lintSane(Array.from({ length: 200 }, (_, i) => `${'>'.repeat(i + 1)} - [Q${i}]`).join('\n'), 'quotes');
  lintSane(Array.from({ length: 200 }, (_, i) => `${'   '.repeat(i)}1. [O${i}]`).join('\n'), 'ordered');
});

test('100 KB of brackets, braces, backticks and other pathological runs', () => {
  const runs = ['[', ']', '[]', '[[', '{{', '}}', '{{#if a}}', '`', '<', '<!--', '*', '_', '#', '|', '\\', '![', '](', 'YYYY-MM-DD ', '- [ ] ', '\n---\n'];
  for (const run of runs) {
    // Date stubs on one long line cost quadratic time in the engine (each match re-slices its
    // line), so that run is kept to 20 KB; every other run is 100 KB.
    const size = run.startsWith('YYYY') ? 20_000 : 100_000;
    lintSane(run.repeat(Math.ceil(size / run.length)), `run of ${JSON.stringify(run)}`, OPTIONS, false);
  }
  assert.deepEqual(brief(lintSane('['.repeat(100_000), 'brackets')), []);
});


test('random binary-ish strings never throw and give sane positions', () => {
  const pieces = [
    '[', ']', '{{', '}}', '(', ')', '`', '```', '~~~', '\n', '\r\n', '\r', ' ', '  ', '\t', '#', '- ', '* ', '1. ', '> ', '|', '---', '<!--', '-->',
    '[ ]', '[x]', '\\', '!', '^', '$', 'YYYY-MM-DD', 'TBD', '{{#if a}}', '{{/if}}', '{{else}}', 'status: final', ':', '"', "'", '\u0000', '\u0001',
    '\u00ff', '\ufffd', '\ud800', '\udfff', '😀', '\uFEFF', 'word', 'Field', 'a', '0', '=', '\u2028', '\u0085',
  ];
  const rand = rng(20240601);
  for (let n = 0; n < 400; n++) {
    const len = Math.floor(rand() * 200);
    let text = '';
    for (let i = 0; i < len; i++) text += pieces[Math.floor(rand() * pieces.length)];
    if (n % 4 === 0) text = `---\n${text}`;
    lintSane(text, `random #${n} ${JSON.stringify(text.slice(0, 60))}`);
  }
  // Raw random UTF-16 code units, including lone surrogates and NUL.
  for (let n = 0; n < 100; n++) {
    let text = '';
    for (let i = 0; i < 300; i++) text += String.fromCharCode(Math.floor(rand() * (n % 2 ? 0x80 : 0x10000)));
    lintSane(text, `code units #${n}`);
  }
});

test('every rule can be forced to error on odd input', () => {
  const rules = Object.fromEntries(RULES.map((r) => [r.id, 'error'])) as LintOptions['rules'];
  for (const text of ['', '---', '---\nstatus: [\n---\n', '{{#if a}}', '## Definition of Done\n- [ ]', '\uFEFF\r\n']) {
    for (const f of lintSane(text, JSON.stringify(text), { ...OPTIONS, rules })) assert.equal(f.severity, 'error');
  }
});
