/**
 * What each of the five shipped templates (src/templates/, from the seeds) yields, exactly.
 * Counts were checked finding by finding against the templates; the filled-in versions in
 * test/fixtures/filled must lint clean.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildModel, lint, type Finding } from '../../src/core/index';
import { FIXTURES, ROOT, read, readExpectation } from './helpers';

const TEMPLATES = join(ROOT, 'src/templates');
const CORE_RULES = ['placeholder', 'unchecked-dod', 'conditional', 'frontmatter'];

function template(name: string): string {
  return read(join(TEMPLATES, `${name}.md`));
}

/** Findings per rule, for the four rules of the linter's contract (other rules have their own tests). */
function counts(findings: readonly Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) if (CORE_RULES.includes(f.rule)) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}

/** The text each finding of `rule` covers (no line numbers: the templates are still edited). */
function covered(text: string, findings: readonly Finding[], rule: string): string[] {
  return findings.filter((f) => f.rule === rule).map((f) => text.slice(f.startOffset, f.endOffset));
}

test('implementation-guide.md: 68 placeholders and the 5 Definition of Done items', () => {
  const text = template('implementation-guide');
  const findings = lint(text);
  assert.deepEqual(counts(findings), { placeholder: 68, 'unchecked-dod': 5 });
  assert.deepEqual(covered(text, findings, 'unchecked-dod'), [
    "- [ ] All steps completed and verified in the customer's environment",
    '- [ ] Test cases pass with expected results',
    '- [ ] Customer technical team can operate the integration independently',
    '- [ ] Troubleshooting section covers issues encountered during implementation',
    '- [ ] Rollback procedure documented and validated',
  ]);
  const fields = covered(text, findings, 'placeholder');
  // Table values, a date stub, inline code and fences are all fields here.
  for (const f of ['YYYY-MM-DD', '[command to verify]', '[Configuration example or commands]', "[Code example in customer's language/framework]", '[Common Issue 1: Description]']) {
    assert.ok(fields.includes(f), f);
  }
});

test('implementation-plan.md: 70 placeholders, 4 unresolved {{#if}} blocks, 5 Success Checklist items', () => {
  const text = template('implementation-plan');
  const findings = lint(text);
  assert.deepEqual(counts(findings), { placeholder: 70, conditional: 4, 'unchecked-dod': 5 });
  assert.deepEqual(
    findings.filter((f) => f.rule === 'conditional').map((f) => f.data?.kind === 'conditional' && f.data.name),
    ['accounting', 'marketing', 'fulfillment', 'HAS_DATA_MIGRATION'],
  );
  for (const f of findings.filter((x) => x.rule === 'conditional')) assert.ok(f.data?.kind === 'conditional' && f.data.close, 'every block is closed');
  assert.deepEqual(covered(text, findings, 'unchecked-dod'), [
    '- [ ] All acceptance criteria from SOW met',
    '- [ ] [SUCCESS_CRITERION_1]',
    '- [ ] [SUCCESS_CRITERION_2]',
    '- [ ] Client sign-off received',
    '- [ ] [STABILIZATION_PERIOD] days stable operation',
  ]);
  // 45 unchecked tasks in all: the other 40 (phases, prerequisites, pre-deployment) are not DoD.
  assert.equal(buildModel(text, { patterns: [] }).tasks.filter((t) => !t.checked).length, 45);
});

test('discovery-document.md: 47 unchecked tasks, none of them Definition of Done', () => {
  const text = template('discovery-document');
  const model = buildModel(text, { patterns: [] });
  assert.equal(model.tasks.filter((t) => !t.checked).length, 47);
  const findings = lint(text);
  assert.equal(counts(findings)['unchecked-dod'], undefined);
  assert.equal(counts(findings).conditional, undefined);
  assert.equal(counts(findings).frontmatter, undefined);
  // `[$X per Y calls]` and friends are fields.
  const fields = covered(text, findings, 'placeholder');
  for (const f of ['[$X per Y calls]', '[Name]', '[Date]', '[Measurable metric 1]']) assert.ok(fields.includes(f), f);
});

test(
  'discovery-document.md: 94 placeholders',
  () => {
    const text = template('discovery-document');
    const findings = lint(text);
    assert.ok(covered(text, findings, 'placeholder').includes('[What triggers this integration?]'));
    assert.equal(counts(findings).placeholder, 94);
  },
);

test('integration-playbook.md: a prose template yields nothing', () => {
  assert.deepEqual(lint(template('integration-playbook')), []);
});

test('integration-page.md: 95 placeholders at information level (status: outline), frontmatter valid', () => {
  const text = template('integration-page');
  const findings = lint(text);
  assert.deepEqual(counts(findings), { placeholder: 95 });
  assert.ok(findings.filter((f) => CORE_RULES.includes(f.rule)).every((f) => f.severity === 'information'));
  const fields = covered(text, findings, 'placeholder');
  for (const f of [
    '[partner-name]',
    'YYYY-MM-DD',
    '[partner]',
    '[Bidirectional / One-way / Event-driven / API-based]',
    '[X]',
    '{{PLAN_LEVEL_IF_REQUIRED}}',
  ]) {
    assert.ok(fields.includes(f), f);
  }
  // 10 unchecked prerequisites, none of them DoD.
  assert.equal(buildModel(text, { patterns: [] }).tasks.filter((t) => !t.checked).length, 10);
});

for (const name of ['implementation-guide', 'implementation-plan', 'discovery-document', 'integration-playbook', 'integration-page']) {
  test(`filled/${name}.md has no unfilled field, open DoD item, template block or frontmatter problem`, () => {
    const text = read(join(FIXTURES, 'filled', `${name}.md`));
    assert.ok(readExpectation(text), 'the fixture carries its expectation (checked by fixtures.test)');
    const core = lint(text).filter((f) => CORE_RULES.includes(f.rule));
    assert.deepEqual(core.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`), []);
  });
}
