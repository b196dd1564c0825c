/**
 * The first lint of a large document is spread over slices (`Linter.prepare`): however little
 * time each slice gets, the slices end and the lint equals a one-off lint; and the string
 * compares the incremental build starts from agree with a character-by-character loop.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { lint, Linter } from '../../src/core/index';
import { RULES } from '../../src/core/rules/index';
import { commonPrefix, commonSuffix } from '../../src/core/document';
import { FIXTURES, ROOT, markdownFiles, read, rng } from './helpers';

function documents(): string[] {
  return [
    ...readdirSync(join(ROOT, 'src/templates')).filter((f) => f.endsWith('.md')).map((f) => read(join(ROOT, 'src/templates', f))),
    ...markdownFiles(FIXTURES).map((f) => read(join(FIXTURES, f))),
  ];
}

test('a first lint in zero-budget slices ends and equals a one-off lint', () => {
  const all = documents();
  const big = all.join('\n\n');
  for (const text of [...all, big]) {
    const linter = new Linter();
    let slices = 1;
    while (!linter.prepare(text, 0)) slices++;
    assert.ok(slices <= text.length, 'every slice makes progress');
    assert.deepEqual(linter.lint(text).findings, lint(text));
  }
});

test('the rules run in slices of their own: one rule per slice when each uses up the budget', () => {
  const text = documents().join('\n\n');
  const realNow = Date.now;
  const checks = RULES.map((r) => r.check);
  const ranIn: number[] = [];
  let slice = 0;
  let clock = 0;
  // A clock that moves a millisecond each time it is read: every slice is overdue after one unit of work.
  Date.now = () => clock++;
  RULES.forEach((rule, i) => {
    (rule as { check: (typeof checks)[number] }).check = (model, context, report) => {
      ranIn.push(slice);
      checks[i](model, context, report as never);
    };
  });
  try {
    const linter = new Linter();
    while (!linter.prepare(text, 0)) slice++;
    const last = slice;
    assert.deepEqual(ranIn, RULES.map((_, i) => last - RULES.length + 1 + i), 'each rule ran in a slice of its own, the last ones');
    slice++;
    const { model, findings } = linter.lint(text);
    assert.equal(ranIn.length, RULES.length, 'the lint after the slices ran no rule again');
    assert.equal(model.text, text);
    Date.now = realNow;
    assert.deepEqual(findings, lint(text));
    // The prepared run is used once: the next lint of the same text runs the rules and agrees.
    assert.deepEqual(linter.lint(text).findings, findings);
  } finally {
    Date.now = realNow;
    RULES.forEach((rule, i) => ((rule as { check: (typeof checks)[number] }).check = checks[i]));
  }
});

test('a slice started for one text and finished for another still lints the other right', () => {
  const [a, b] = documents();
  const linter = new Linter();
  linter.prepare(a, 0);
  while (!linter.prepare(b, 0));
  assert.deepEqual(linter.lint(b).findings, lint(b));
  assert.deepEqual(linter.lint(a).findings, lint(a));
});

test('after a lint, a small edit needs no preparing and a large paste does', () => {
  const text = documents().join('\n\n');
  const linter = new Linter();
  linter.lint(text);
  const edited = `${text.slice(0, 500)}x${text.slice(500)}`;
  assert.equal(linter.prepare(edited, 0), true);
  assert.deepEqual(linter.lint(edited).findings, lint(edited));
  const pasted = `${edited}\n\n${edited}`;
  let slices = 1;
  while (!linter.prepare(pasted, 0)) slices++;
  assert.ok(slices > 1, 'a large paste is parsed in slices');
  assert.deepEqual(linter.lint(pasted).findings, lint(pasted));
});

function naivePrefix(a: string, b: string): number {
  let i = 0;
  while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++;
  return i;
}

function naiveSuffix(a: string, b: string, prefix: number): number {
  let i = 0;
  while (i < Math.min(a.length, b.length) - prefix && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

test('common prefix and suffix equal a character loop', () => {
  const random = rng(5);
  const letters = 'ab\n';
  const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(random() * letters.length)]).join('');
  for (let i = 0; i < 3000; i++) {
    const base = word(Math.floor(random() * 40));
    const at = Math.floor(random() * (base.length + 1));
    const b = base.slice(0, at) + word(Math.floor(random() * 4)) + base.slice(at + Math.floor(random() * 4));
    const p = commonPrefix(base, b);
    assert.equal(p, naivePrefix(base, b));
    assert.equal(commonSuffix(base, b, p), naiveSuffix(base, b, p));
  }
});
