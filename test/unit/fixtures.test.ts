/**
 * One table-driven test over every fixture: each carries its expected findings (exact ranges
 * and rules) in a trailing `<!-- expect … -->` comment.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { lint, Linter } from '../../src/core/index';
import { FIXTURES, markdownFiles, read, readExpectation, formatFinding } from './helpers';

for (const file of markdownFiles(FIXTURES)) {
  const text = read(join(FIXTURES, file));
  const expected = readExpectation(text);
  if (!expected) continue;
  test(`fixture ${file}`, () => {
    const findings = lint(text, expected.options);
    assert.deepEqual(findings.map(formatFinding), expected.findings);
    // The incremental linter must agree with a one-off lint.
    const incremental = new Linter(expected.options).lint(text).findings;
    assert.deepEqual(incremental, findings);
  });
}
