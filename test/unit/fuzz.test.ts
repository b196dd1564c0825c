/**
 * The slice of the standing fuzz suite (`npm run fuzz`: 100,000 documents and every hostile
 * case) that runs with the unit tests: a few hundred generated documents through every check,
 * and the quick hostile cases through the CLI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument, rangeProblems } from '../fuzz/checks';
import { generate } from '../fuzz/grammar';
import { CASES, runCase } from '../fuzz/hostile';
import { lint } from '../../src/core/index';

const SLICE = Number(process.env.FUZZ_SLICE ?? 80);

test(`the fuzz grammar's first ${SLICE} documents: no throw, ranges whole and inside, fast path and incremental equal a fresh lint`, () => {
  const problems: string[] = [];
  let findings = 0;
  for (let seed = 1; seed <= SLICE; seed++) {
    // Every fourth document gets an edit sequence, as in `npm run fuzz` (one in eight there).
    const report = checkDocument(generate(seed), seed % 4 === 0 ? 4 : 0);
    findings += report.findings;
    for (const p of report.problems) problems.push(`seed ${seed} ${p.kind}: ${p.detail.slice(0, 300)} (npm run fuzz -- --seed ${seed})`);
  }
  assert.deepEqual(problems, []);
  assert.ok(findings > SLICE, `the documents have findings to check (${findings})`);
});

/**
 * Documents the full fuzz once found a mismatch in: lone CRs and CRLF (2475, 4428, 8432, 13899,
 * 90753), a table running on into lines without a pipe (7217), and bracket-dense paragraphs the
 * parser declines (1706, 1931, 2276: compared outside those blocks).
 */
const FOUND = [1706, 1931, 2276, 2475, 4428, 7217, 8432, 13899, 90753];

test(`the seeds the fuzz found mismatches in pass every check (${FOUND.join(', ')})`, () => {
  const problems: string[] = [];
  for (const seed of FOUND) {
    for (const p of checkDocument(generate(seed), 2).problems) problems.push(`seed ${seed} ${p.kind}: ${p.detail.slice(0, 300)}`);
  }
  assert.deepEqual(problems, []);
});

test('the grammar is deterministic and covers the constructs it names', () => {
  assert.equal(generate(42).text, generate(42).text);
  const texts = Array.from({ length: 400 }, (_, i) => generate(i + 1).text);
  const all = texts.join('\n');
  for (const construct of ['```markdown', '{{#if', '{{#unless', '{{else}}', 'integration-docs-disable', '\r\n', '😀', '| ', '> ', '- [ ] ', 'YYYY-MM-DD', '{{PLAN_LEVEL}}', '<name of the partner team>', 'status: ']) {
    assert.ok(all.includes(construct), construct);
  }
  assert.ok(texts.some((t) => t.startsWith('---\n')), 'frontmatter');
  assert.ok(texts.some((t) => t.split('\n').some((l) => l.length > 1000)), 'long lines');
});

test('the range check catches what it is for', () => {
  const text = 'a 😀 b\n';
  const [f] = lint('[Customer name]\n');
  assert.deepEqual(rangeProblems(text, [{ ...f, startOffset: 3, endOffset: 4, line: 1, column: 4, endLine: 1, endColumn: 5 }]), ['placeholder 3-4: inside a surrogate pair']);
  assert.deepEqual(rangeProblems(text, [{ ...f, startOffset: 2, endOffset: 99 }]), [`placeholder 2-99: outside the document (length ${text.length})`]);
  assert.deepEqual(rangeProblems('x\n[Customer name]', [{ ...f, startOffset: 2, endOffset: 17 }]), ['placeholder 2-17: at 1:1-1:16, offsets say 2:1-2:16']);
});

for (const c of CASES.filter((x) => x.quick)) {
  test(`hostile input through the CLI: ${c.name}`, async () => {
    const { problem, skipped } = await runCase(c);
    if (skipped) return;
    assert.equal(problem, undefined);
  });
}
