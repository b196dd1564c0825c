/**
 * Hostile input to the engine: frontmatter that nests without end, astral characters under
 * YAML error positions. Assertions are on outcomes (what is reported, where), never on time;
 * the shapes that used to take minutes are measured by `test/bench/hostile.ts`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, Linter, validateConfig } from '../../src/core/index';
import { yamlTooDeep, MAX_YAML_DEPTH } from '../../src/core/limits';
import { joinLines, rng } from './helpers';

test('frontmatter nested 1,000 and 5,000 deep is one clear finding (no stack overflow, no crash)', () => {
  for (const text of ['---\nsources: ' + '{'.repeat(1000) + '\n---\n# x\n', '---\nsources: ' + '['.repeat(5000) + '\n---\n# x\n', '---\n' + '? '.repeat(300) + 'x\n---\n# x\n']) {
    const linter = new Linter();
    let slices = 1;
    while (!linter.prepare(text, 1e9)) slices++;
    assert.equal(slices, 2, 'one slice parses, one runs the rules');
    const findings = linter.lint(text).findings;
    assert.deepEqual(
      findings.map((f) => [f.rule, f.message, f.line]),
      [['frontmatter', `Frontmatter nests deeper than ${MAX_YAML_DEPTH} levels: it is not read`, 2]],
    );
  }
});

test('the body after over-deep frontmatter is still linted', () => {
  const text = joinLines('---', 'a: ' + '['.repeat(100), '---', 'Hello [Customer name].', '');
  assert.deepEqual(
    lint(text).map((f) => f.rule),
    ['frontmatter', 'placeholder'],
  );
});

test('nesting depth is counted as YAML nests, not by characters in values', () => {
  assert.equal(yamlTooDeep('a: ' + '['.repeat(40)), 3 + MAX_YAML_DEPTH - 1);
  assert.equal(yamlTooDeep('- '.repeat(40) + 'x'), 2 * (MAX_YAML_DEPTH - 1));
  const fine = [
    `title: "${'['.repeat(100)}"`,
    `title: '${'{'.repeat(100)}'`,
    `# ${'['.repeat(100)}`,
    `description: |\n  ${'[ '.repeat(100)}\n  ${'- '.repeat(100)}\nstatus: draft`,
    `title: it's [here]\ntags: [a, b]\noutline:\n  setup:\n    sources: [/a.md]\n    purpose: "x"`,
    Array.from({ length: 20 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' v',
  ];
  for (const source of fine) assert.equal(yamlTooDeep(source), -1, source);
  // The scan reads character codes: a comment after a tab, an escaped quote, a carriage return
  // before the line end, and indicators before one are read as YAML reads them.
  assert.equal(yamlTooDeep(`a:\t# ${'['.repeat(40)}`), -1);
  assert.equal(yamlTooDeep(`a: "x \\" ${'['.repeat(40)}"`), -1);
  assert.equal(yamlTooDeep('- '.repeat(3) + 'x', 2), 2);
  assert.equal(yamlTooDeep('-\r\n  -\r\n    -\r\n', 2), 5);
  assert.equal(yamlTooDeep('a:' + '-'.repeat(40)), -1);
});

/** Whether `offset` falls between the halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && (text.charCodeAt(offset - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(offset) & 0xfc00) === 0xdc00;
}

test('a frontmatter finding never splits a surrogate pair', () => {
  // Positions the YAML parser reports inside an emoji or a math letter.
  const cases = ['---\n😀? ]`sources: 𝒳  `[X Y]&asources: \n---\n# x\n', '---\n!*𝒳😀𝒳[*\n*\n---\n# x\n', "---\nstatus: 𝒳>|- path: '\n---\n# x\n"];
  const parts = ['😀', '𝒳', 'a', ' ', ':', '-', '\n', '"', "'", '[', ']', '{', '}', '*', '&', '!', '#', '|', '>', 'status: ', 'sources: ', '- path: ', '? ', '`', ','];
  const random = rng(5);
  for (let k = 0; k < 400; k++) {
    let yaml = '';
    for (let i = 1 + Math.floor(random() * 25); i > 0; i--) yaml += parts[Math.floor(random() * parts.length)];
    cases.push(`---\n${yaml}\n---\n# x\n`);
  }
  for (const text of cases) {
    for (const f of lint(text)) {
      assert.ok(!splitsPair(text, f.startOffset) && !splitsPair(text, f.endOffset), `${JSON.stringify(text)}: ${f.message} ${f.startOffset}-${f.endOffset}`);
    }
  }
  assert.deepEqual(
    lint(cases[0]).map((f) => [f.startOffset, f.endOffset]),
    [[19, 21]], // the whole `𝒳`, where the parser said 19-20
  );
});

test('a catastrophic placeholder pattern runs in linear time and still finds its matches', () => {
  // `(a+)+$` backtracks exponentially in a JavaScript RegExp (40 `a`s and a `!` never return).
  const text = joinLines('# Notes', '', `${'a'.repeat(5000)}!`, '', `Owner: ${'a'.repeat(30)}`);
  const findings = lint(text, { placeholderPatterns: ['(a+)+$', '\\w+TBD'] });
  assert.deepEqual(
    findings.map((f) => [f.line, f.column, f.endColumn]),
    [[5, 8, 38]],
  );
});

test('patterns that need backtracking are refused when the configuration is read, naming the key', () => {
  const { config, errors } = validateConfig({ placeholderPatterns: ['\\bTBD\\b', '(a)\\1', 'x(?=y)', '<<\\w+>>', 'a'.repeat(600)] });
  assert.deepEqual(config.placeholderPatterns, ['\\bTBD\\b', '<<\\w+>>']);
  assert.deepEqual(
    errors.map((e) => e.key),
    ['placeholderPatterns[1]', 'placeholderPatterns[2]', 'placeholderPatterns[4]'],
  );
  assert.match(errors[0].message, /^invalid regular expression: .*\\1.*no lookaround or backreferences/);
  assert.match(errors[2].message, /longer than 500 characters/);
});

test('user patterns find the same matches as before in the supported syntax, with UTF-16 offsets', () => {
  const text = 'Owner: TBD 😀 <<NAME>> and TBD.\n';
  assert.deepEqual(
    lint(text, { placeholderPatterns: ['\\bTBD\\b', '<<\\w+>>'] }).map((f) => text.slice(f.startOffset, f.endOffset)),
    ['TBD', '<<NAME>>', 'TBD'],
  );
});
