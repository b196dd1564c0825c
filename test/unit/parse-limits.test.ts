/**
 * Blocks the Markdown parser cannot take in bounded time or stack are read without it
 * (`parseHazard`, `degraded.ts`): every shape still lints, still reports its fields, and says
 * once that it degraded. Bounds are asserted by the work done (which blocks reached the parser);
 * the timeouts only guard against a hang. Times are measured by `npm run bench` (hostile shapes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, Linter, buildModel, compilePatterns } from '../../src/core/index';
import { PARSE_LIMITS, parseHazard as hazard } from '../../src/core/limits';
import { english } from '../../src/core/messages';
import { degradedFacts } from '../../src/core/degraded';
import { parsedFacts } from '../../src/core/facts';
import { FIXTURES, joinLines, markdownFiles, rng } from './helpers';
import { HOSTILE_SHAPES } from '../bench/hostile-shapes';

/** The English reason `text` is not given to the parser, or undefined. */
const parseHazard = (text: string) => {
  const m = hazard(text);
  return m && english(m);
};

const NOTICE = /(?:is|are) checked without the Markdown parser/;

function degradedBlocks(text: string, placeholderPatterns: string[] = []): number {
  return buildModel(text, { patterns: compilePatterns(placeholderPatterns) }).degraded.length;
}

test('the shapes that hung or crashed the parser lint, report their fields and one notice', { timeout: 120_000 }, () => {
  const cases: [string, string, number][] = [
    ['5,000 `> - ` then a field (seconds, then a stack overflow)', '> - '.repeat(5000) + '[Customer name]\n', 1],
    ['20,000 `>` then a field (a RangeError)', '>'.repeat(20_000) + ' [Customer name]\n', 1],
    ['5,000 nested link openers', '[[a](b)'.repeat(5000) + ' [Customer name]\n', 1],
    // Without a pattern the fast path reads it (no parser, nothing to say); with one it used to take a minute.
    ['a 1 MB paragraph with many fields', 'Hello [Customer name] and more text here. '.repeat(25_000), 25_000],
    // Found by the fuzz: GFM's autolink literal walks back to an open label at every word.
    ['8,000 words after a stray `[` (1 s at 32 KB)', 'See [part' + 'x '.repeat(8000) + 'end [Customer name]\n', 1],
    ['a link text of 8 KB (140 ms)', 'See [part ' + 'x '.repeat(4000) + '](<https://example.com/a b>) [Customer name]\n', 1],
    ['16,000 `[` in one paragraph (400 ms)', '['.repeat(16_000) + '\n[Customer name]\n', 1],
    ['5,000 quote lines nesting one deeper each', Array.from({ length: 2000 }, (_, i) => `${'>'.repeat(i)} [Field ${i}]`).join('\n'), 2000],
  ];
  for (const [what, text, fields] of cases) {
    // A pattern forces the parser on blocks the fast paths would read (the slow path of the issue).
    for (const placeholderPatterns of [[], ['\\bTBD\\b']]) {
      const findings = lint(text, { placeholderPatterns });
      const notices = findings.filter((f) => NOTICE.test(f.message));
      const degraded = degradedBlocks(text, placeholderPatterns);
      assert.equal(findings.filter((f) => f.rule === 'placeholder' && !NOTICE.test(f.message)).length, fields, what);
      if (placeholderPatterns.length) assert.ok(degraded >= 1, `${what}: the block did not reach the parser`);
      assert.equal(notices.length, degraded ? 1 : 0, `${what}: one notice when degraded`);
      assert.ok(notices.every((n) => n.severity === 'information'));
    }
  }
});

test('every hostile shape of the benchmark lints without throwing (128 KB here, 1 MB in the benchmark)', { timeout: 300_000 }, () => {
  for (const shape of HOSTILE_SHAPES) {
    const text = shape.make(128 * 1024);
    const findings = lint(text, { placeholderPatterns: ['\\bTBD\\b'] });
    assert.ok(findings.every((f) => f.endOffset <= text.length), shape.name);
  }
});

test('no fixture, seed or real document is read in the degraded way', () => {
  for (const dir of ['rules', 'clean', 'filled', 'outline', 'mdx']) {
    for (const name of markdownFiles(join(FIXTURES, dir))) {
      const text = readFileSync(join(FIXTURES, dir, name), 'utf8');
      assert.equal(parseHazard(text), undefined, `${dir}/${name}`);
    }
  }
});

test('the notice is information even in a final document, once for many blocks, on the first line', () => {
  const deep = '> - '.repeat(40) + '[Customer name]';
  const text = joinLines('---', 'status: final', '---', '', '# Guide', '', deep, '', 'Owner: [Owner name]', '', deep + ' again', '');
  const findings = lint(text);
  const notice = findings.filter((f) => NOTICE.test(f.message));
  assert.equal(notice.length, 1);
  assert.equal(notice[0].severity, 'information');
  assert.equal(notice[0].line, 7);
  assert.match(notice[0].message, /^Line 7 \(and 1 more block\) is checked without the Markdown parser \(nesting 80 levels deep\)/);
  assert.deepEqual(
    findings.filter((f) => !NOTICE.test(f.message)).map((f) => [f.line, f.severity]),
    [[7, 'error'], [9, 'error'], [11, 'error']],
  );
  // Off means off; a hint setting keeps it a hint.
  assert.equal(lint(text, { rules: { placeholder: 'off' } }).length, 0);
  assert.ok(lint(text, { rules: { placeholder: 'hint' } }).every((f) => f.severity === 'hint'));
});

test('a degraded block keeps headings, tasks, comments and masks links and code', () => {
  const block = joinLines(
    '# Setup [Step name]',
    '- [ ] Confirm [Owner]',
    '- [x] Done',
    'See [the guide](https://example.com/guide) and `[not a field]` and <https://example.com/[x]>.',
    '<!-- integration-docs-disable-next-line placeholder -->',
    'Hidden: [Secret field]',
    'Date: YYYY-MM-DD',
    '> '.repeat(PARSE_LIMITS.containerDepth + 1) + 'deep',
  );
  const linter = new Linter();
  const { model, findings } = linter.lint(block);
  assert.equal(model.degraded.length, 1);
  assert.deepEqual(model.headings.map((h) => [h.depth, h.text]), [[1, 'Setup [Step name]']]);
  assert.deepEqual(model.tasks.map((t) => [t.checked, t.label]), [[false, 'Confirm [Owner]'], [true, 'Done']]);
  assert.deepEqual(
    findings.filter((f) => !NOTICE.test(f.message)).map((f) => block.slice(f.startOffset, f.endOffset)),
    ['[Step name]', '[Owner]', 'YYYY-MM-DD'],
  );
});

// Titles with inline markup (`*a*`, `\#`) keep it as written: the degraded reading parses no inlines.
test('a degraded block reads ATX headings as the parser does: span, depth and title', () => {
  const reason = hazard('> '.repeat(PARSE_LIMITS.containerDepth + 1) + 'deep') ?? assert.fail('a block too deep for the parser');
  const lines = ['# a ', '## b ##  ', '# #', '#  #', '###   c   #', '# d#', '  #### e\t', '######', '# g # h', '##\tf\t##\t'];
  for (const line of lines) {
    const parsed = parsedFacts(line, { patterns: [] }).headings;
    const read = degradedFacts(line, { patterns: [] }, reason).headings;
    assert.deepEqual(
      read.map((h) => [h.start, h.end, h.depth, h.text]),
      parsed.map((h) => [h.start, h.end, h.depth, h.text]),
      JSON.stringify(line),
    );
  }
});

test('linting in slices and after edits gives the same answer on degraded blocks', { timeout: 120_000 }, () => {
  const random = rng(11);
  const parts = ['> - '.repeat(30) + '[A]\n', 'text [B] more\n', '\n', '# H\n', '- [ ] t\n', '>'.repeat(50) + ' [C]\n', '[[a](b)'.repeat(300) + '\n'];
  let text = Array.from({ length: 200 }, () => parts[Math.floor(random() * parts.length)]).join('');
  const linter = new Linter();
  for (let k = 0; k < 40; k++) {
    let steps = 0;
    while (!linter.prepare(text, 1)) steps++;
    assert.ok(steps < 10_000);
    const got = linter.lint(text).findings.map((f) => `${f.startOffset}:${f.endOffset}:${f.message}`);
    const want = lint(text).map((f) => `${f.startOffset}:${f.endOffset}:${f.message}`);
    assert.deepEqual(got, want, `edit ${k}`);
    const at = Math.floor(random() * text.length);
    const cut = Math.floor(random() * 40);
    text = text.slice(0, at) + parts[Math.floor(random() * parts.length)] + text.slice(at + cut);
  }
});

test('parseHazard counts containers, paragraph size, lines and label ends', () => {
  const L = PARSE_LIMITS;
  assert.equal(parseHazard('> '.repeat(L.containerDepth) + 'x'), undefined);
  assert.equal(parseHazard('> '.repeat(L.containerDepth + 1) + 'x'), `nesting ${L.containerDepth + 1} levels deep`);
  assert.equal(parseHazard('1. - > * x'), undefined);
  assert.equal(parseHazard('word '.repeat(L.runChars / 5)), undefined);
  assert.match(parseHazard('word '.repeat(L.runChars / 5 + 1)) ?? '', /^a paragraph of 32 KB$/);
  // Blank lines and list items end a paragraph; quote lines continue it.
  assert.equal(parseHazard(`${'word '.repeat(L.runChars / 10)}\n\n${'word '.repeat(L.runChars / 10)}`), undefined);
  assert.equal(parseHazard('- item [x]\n'.repeat(L.runLines + 10)), undefined);
  assert.match(parseHazard('> quote\n'.repeat(L.runLines + 1)) ?? '', /lines/);
  assert.match(parseHazard('[a]'.repeat(L.runLabelEnds + 1)) ?? '', /closing brackets/);
  assert.equal(parseHazard('- [ ] task\n'.repeat(L.containerWork)), undefined);
  assert.equal(parseHazard('- [ ] task\n'.repeat(L.containerWork + 1)), 'too many nested block quote and list lines');
  assert.equal(parseHazard('> - x\n'.repeat(L.containerWork / 5 + 1)), 'too many nested block quote and list lines');
});
