/**
 * The dialect table (`src/core/dialects.ts`) is the one place a field's syntax is defined:
 * every row's examples lint as it says, hits carry the row's dialect, kind and name, and
 * what is generated from the table (the injection grammar) is current.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DIALECTS, dialectOf, lint, patternDialect } from '../../src/core/index';
import { injectionGrammarJson, INJECTION_GRAMMAR_PATH, INJECTION_SCOPE } from '../../src/core/highlight';
import { ROOT, read } from './helpers';

test('every row: its field examples are findings of that dialect, its non-field examples lint clean', () => {
  for (const d of DIALECTS) {
    for (const example of d.examples.field) {
      const findings = lint(example);
      assert.ok(findings.length > 0, `${d.id}: ${example} should be a field`);
      if (d.fill === 'replace') {
        assert.ok(findings.some((f) => f.data?.kind === 'placeholder' && f.data.dialect === d.id), `${d.id}: ${example} is found by another dialect: ${JSON.stringify(findings.map((f) => f.data))}`);
      } else {
        assert.ok(findings.every((f) => f.rule === 'conditional'), `${d.id}: ${example}`);
      }
    }
    for (const example of d.examples.notField) assert.deepEqual(lint(example), [], `${d.id}: ${example} should not be a field`);
  }
});

test('a finding carries its dialect, kind and name', () => {
  const text = ['Owner: [Customer name]', 'Tone: [Casual / Professional / Academic]', 'Plan: {{PLAN_LEVEL}}', 'Product: {Name of the product}', 'Team: <name of the partner team>', 'Date: YYYY-MM-DD', 'Key: [PARTNER_API_KEY]'].join('\n\n');
  const data = lint(text).map((f) => (f.data?.kind === 'placeholder' ? [f.data.dialect, f.data.fieldKind, f.data.name] : []));
  assert.deepEqual(data, [
    ['bracket', 'text', 'Customer name'],
    ['bracket', 'choice', 'Casual / Professional / Academic'],
    ['mustache', 'variable', 'PLAN_LEVEL'],
    ['brace', 'text', 'Name of the product'],
    ['angle', 'text', 'name of the partner team'],
    ['date', 'date', 'YYYY-MM-DD'],
    ['bracket', 'variable', 'PARTNER_API_KEY'],
  ]);
});

test('a configured pattern is a row of its own', () => {
  const [f] = lint('Status: TBD', { placeholderPatterns: ['\\bTBD\\b'] });
  assert.equal(f.data?.kind === 'placeholder' && f.data.dialect, 'pattern');
  assert.equal(patternDialect('x').read('TBD').kind, 'text');
  assert.match(f.message, /a configured pattern/);
});

test('rows have distinct ids, contexts, a probe, and a reading for their own examples', () => {
  assert.equal(new Set(DIALECTS.map((d) => d.id)).size, DIALECTS.length);
  for (const d of DIALECTS) {
    assert.ok(d.contexts.length > 0 && d.probe !== '', d.id);
    assert.doesNotThrow(() => new RegExp(d.probe, 'mu'), d.id);
    assert.equal(dialectOf(d.id), d);
  }
  assert.equal(dialectOf('date').snippetDefault?.('MM/DD/YYYY'), '$CURRENT_MONTH/$CURRENT_DATE/$CURRENT_YEAR');
});

test('the committed injection grammar is what the dialect table generates now', () => {
  const committed = read(join(ROOT, INJECTION_GRAMMAR_PATH));
  assert.equal(committed, injectionGrammarJson(), 'run npm run build to regenerate it');
  const pkg = JSON.parse(read(join(ROOT, 'package.json'))) as { contributes?: { grammars?: Array<{ scopeName: string; path: string }> } };
  assert.deepEqual(pkg.contributes?.grammars?.map((g) => [g.scopeName, g.path]), [[INJECTION_SCOPE, `./${INJECTION_GRAMMAR_PATH}`]]);
});
