/**
 * Field schema and field identity: the `fields:` frontmatter of a template (parsed, validated
 * with lines, cut out of documents), which occurrences share an answer with and without a
 * schema, slug derivation, `documentFields` and `answerEdits`, and the drift test that keeps the
 * shipped templates' schemas complete.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/core/index';
import {
  answerEdits,
  documentFields,
  matchFields,
  parseTeamTemplate,
  readSchema,
  renderTemplate,
  suggestDefaults,
  templateFields,
  type TemplateInfo,
} from '../../src/core/templates/index';
import { fieldGroups, specsFor } from '../../src/core/templates/identity';
import { builtinTemplates, builtinSchemaErrors, builtinTemplate } from '../../src/templates/index';
import { joinLines, testTemplate } from './helpers';

const TODAY = '2025-03-01';

const tpl = (body: string): TemplateInfo => testTemplate(body);

function team(...lines: string[]) {
  return parseTeamTemplate('t.md', joinLines('---', 'title: T', 'description: D', ...lines));
}

test('a schema is read from the frontmatter: entries, bare names, choices imply type choice', () => {
  const text = joinLines('---', 'title: x', 'fields:', '  - Author', '  - name: Level', '    choices: [Low, High]', '    default: Low', '  - { name: X, occurrences: [3, 1] }', '---', '# [Author] [Level] [X] [X] [X]', '');
  const read = readSchema(text);
  assert.deepEqual(read.errors, []);
  assert.deepEqual(
    read.specs.map((s) => ({ ...s })),
    [
      { name: 'Author', line: 4 },
      { name: 'Level', choices: ['Low', 'High'], default: 'Low', type: 'choice', line: 5 },
      { name: 'X', occurrences: [1, 3], line: 8 },
    ],
  );
  assert.equal(text.slice(read.cut!.start, read.cut!.end), joinLines('fields:', '  - Author', '  - name: Level', '    choices: [Low, High]', '    default: Low', '  - { name: X, occurrences: [3, 1] }', ''));
});

test('schema errors are clear and carry the line of the template file', () => {
  const cases: Array<[string[], RegExp]> = [
    [['fields: Partner', '---', '[Partner]'], /^t\.md: line 4: `fields` must be a list/],
    [['fields:', '  - name: Partner', '    kind: text', '---', '[Partner]'], /^t\.md: line 6: unknown key `kind` in a field \(known: name, label/],
    [['fields:', '  - name: Partner', '    type: string', '---', '[Partner]'], /^t\.md: line 6: `type`: must be one of text, multiline, date, choice, number, url, slug; got "string"/],
    [['fields:', '  - label: Who', '---', '[Partner]'], /^t\.md: line 5: a field needs a `name`/],
    [['fields:', '  - name: Partner', '---', '[Partnr]'], /^t\.md: line 5: field "Partner": no field of the template has this name/],
    [['fields:', '  - { name: X, occurrences: [3] }', '---', '[X] [X]'], /^t\.md: line 5: field "X": \[X\] occurs 2 times; there is no occurrence 3/],
    [['fields:', '  - { name: X, occurrences: [1] }', '  - { name: X, occurrences: [1, 2] }', '---', '[X] [X]'], /^t\.md: line 6: field "X": occurrence 1 of \[X\] is in two entries/],
    [['fields:', '  - { name: X, shared: true, occurrences: [1] }', '---', '[X]'], /^t\.md: line 5: field "X": give `shared` or `occurrences`, not both/],
    [['fields:', '  - { name: Level, type: choice }', '---', '[Level]'], /^t\.md: line 5: field "Level": `type: choice` needs `choices`/],
    [['fields:', '  - { name: Level, type: text, choices: [a, b] }', '---', '[Level]'], /^t\.md: line 5: field "Level": `choices` need `type: choice`/],
    [['fields:', '  - { name: Level, choices: [a, b], default: c }', '---', '[Level]'], /line 5: field "Level": default "c" is not one of its choices \(a, b\)/],
    [['fields:', '  - { name: Partner Name, derivedFrom: partner-id }', '---', '[Partner Name] [partner-id]'], /^t\.md: line 5: field "Partner Name": a name never derives from a slug/],
    [['fields:', '  - { name: Partner, derivedFrom: Nobody }', '---', '[Partner]'], /line 5: field "Partner": `derivedFrom: Nobody` names no single field/],
    [['fields:', '  - { name: X, occurrences: [2], derivedFrom: "X#2" }', '---', '[X] [X]'], /line 5: field "X": a field cannot derive from itself/],
  ];
  for (const [lines, expected] of cases) {
    const r = team(...lines, '');
    assert.equal(r.ok, false, lines.join(' / '));
    if (!r.ok) assert.match(r.error, expected);
  }
  const good = team('fields:', '  - { name: Partner, label: Partner name, help: As customers know it, shared: true }', '  - { name: partner-id, type: slug, derivedFrom: Partner }', '---', '# [Partner] and [Partner] at /p/[partner-id]', '');
  assert.ok(good.ok);
  if (good.ok) {
    assert.ok(!good.template.body.includes('fields'), 'the schema is cut out of the body');
    assert.equal(good.template.schema?.length, 2);
    const [partner, slug] = templateFields(good.template);
    assert.deepEqual([partner.key, partner.label, partner.help, partner.shared, partner.occurrences.length], ['[Partner]', 'Partner name', 'As customers know it', true, 2]);
    assert.deepEqual([slug.type, slug.derivedFrom], ['slug', '[Partner]']);
  }
});

test('a created document carries template and template_version, never the schema', () => {
  for (const t of builtinTemplates()) {
    const out = renderTemplate(t, { today: TODAY });
    assert.ok(!/^fields:/m.test(out.slice(0, out.indexOf('\n---', 4))), `${t.id}: no fields: key`);
    assert.match(out, new RegExp(`^template: ${t.id}\\ntemplate_version: ${t.version.replace(/\./g, '\\.')}$`, 'm'));
  }
  const r = team('fields:', '  - Partner', '---', '# [Partner]', '');
  assert.ok(r.ok);
  if (r.ok) assert.equal(renderTemplate(r.template, { values: { Partner: 'Acme' }, today: TODAY }), joinLines('---', 'template: t', 'template_version: 1.0.0', `created: ${TODAY}`, 'status: outline', '---', '', '# Acme', ''));
});

test('the linter does not report the values of a template schema as fields', () => {
  const text = joinLines('---', 'fields:', '  - { name: X, help: "~[X] minutes, YYYY-MM-DD" }', 'owner: "[Owner]"', '---', '[X]', '');
  assert.deepEqual(lint(text).filter((f) => f.rule === 'placeholder').map((f) => text.slice(f.startOffset, f.endOffset)), ['[Owner]', '[X]']);
});

test('the [X] case: six occurrences are six fields, six answers, each landing only in its place', () => {
  const page = builtinTemplate('integration-page')!;
  const xs = templateFields(page).filter((f) => f.name === 'X');
  assert.deepEqual(xs.map((f) => f.key), ['[X]#1', '[X]#2', '[X]#3', '[X]#4', '[X]#5', '[X]#6']);
  assert.deepEqual(xs.map((f) => f.label), ['Setup time (minutes)', 'Partner API rate limit', 'Partner concurrent connections', 'Partner webhook events', 'Your API calls limit', 'Your webhooks limit']);
  assert.ok(xs.every((f) => f.type === 'number' && !f.shared && f.occurrences.length === 1));
  const values = Object.fromEntries(xs.map((f, i) => [f.key, String(30 + i)]));
  const out = renderTemplate(page, { values, today: TODAY });
  assert.ok(out.includes('**Setup time:** ~30 minutes'));
  assert.ok(out.includes('- Rate limit: 31 requests per [minute/hour]'));
  assert.ok(out.includes('- Concurrent connections: 32\n'));
  assert.ok(out.includes('- Webhooks: 35 per [minute/hour]'));
  // Without a schema the same six are six fields too, each with its heading and line.
  const bare = templateFields(tpl(page.body));
  const bareXs = bare.filter((f) => f.name === 'X');
  assert.equal(bareXs.length, 6);
  assert.deepEqual(bareXs[0].context.heading, '[Your Product] + [Partner] Integration');
  assert.deepEqual(bareXs.slice(1).map((f) => f.context.heading), Array(5).fill('Limits & Quotas'));
  assert.equal(page.body.split('\n')[bareXs[1].context.line].trim(), '- Rate limit: [X] requests per [minute/hour]');
});

test('without a schema: identifiers share one answer, descriptive fields are one per occurrence', () => {
  const body = joinLines(
    '# [SYSTEM_A] to {{PLAN_LEVEL}}',
    '',
    '## Setup',
    'Connect [SYSTEM_A] ({{PLAN_LEVEL}}) at /p/[partner-name] and /q/[partner-name]; docs: [URL].',
    '',
    '## Use cases',
    '**[Scenario Name]** then **[Scenario Name]**; respond in [SLA time] or [SLA time]; see [URL].',
    '',
  );
  const fields = templateFields(tpl(body));
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of ['[SYSTEM_A]', '{{PLAN_LEVEL}}', '[partner-name]']) assert.equal(byKey.get(key)?.shared, true, key);
  for (const key of ['[URL]#1', '[URL]#2', '[Scenario Name]#1', '[Scenario Name]#2', '[SLA time]#1', '[SLA time]#2']) assert.equal(byKey.get(key)?.shared, false, key);
  assert.deepEqual(byKey.get('[URL]#1')?.context, { heading: 'Setup', line: 3 });
  assert.deepEqual(byKey.get('[URL]#2')?.context, { heading: 'Use cases', line: 6 });
  assert.equal(byKey.get('[URL]#1')?.type, 'url');
  assert.equal(byKey.get('[partner-name]')?.type, 'slug');
  assert.equal(fields.length, 9);
  // A name that covers several fields is ambiguous; NAME#n picks one.
  assert.equal(matchFields(fields, 'URL').length, 2);
  assert.deepEqual(matchFields(fields, 'URL#2').map((f) => f.key), ['[URL]#2']);
  assert.deepEqual(matchFields(fields, '[URL]#1').map((f) => f.key), ['[URL]#1']);
  assert.deepEqual(matchFields(fields, 'SYSTEM_A').map((f) => f.key), ['[SYSTEM_A]']);
});

test('slugs derive from names, never names from slugs (no schema)', () => {
  const fields = templateFields(tpl('# [Partner] launch\n\nSee /p/[partner-name] and {{CLIENT_NAME}} for [CLIENT_NAME].\n'));
  const slug = fields.find((f) => f.key === '[partner-name]')!;
  assert.equal(slug.derivedFrom, '[Partner]');
  assert.equal(fields.find((f) => f.key === '[Partner]')?.derivedFrom, undefined);
  assert.equal(fields.find((f) => f.key === '[CLIENT_NAME]')?.derivedFrom, '{{CLIENT_NAME}}');
  assert.deepEqual(suggestDefaults(fields, { Partner: 'Globex Pay' }, TODAY), { '[partner-name]': 'globex-pay' });
  assert.deepEqual(suggestDefaults(fields, { 'partner-name': 'globex-pay' }, TODAY), {});
});

test('documentFields: the remaining fields of a document, with its template schema when known', () => {
  const page = builtinTemplate('integration-page')!;
  const doc = renderTemplate(page, { values: { '[X]#1': '30', Partner: 'Acme' }, today: TODAY });
  const bare = documentFields(doc);
  assert.equal(bare.filter((f) => f.name === 'X').length, 5);
  assert.equal(bare.find((f) => f.name === 'Your Product')?.shared, false, 'no schema: a descriptive name is per occurrence');
  const withSchema = documentFields(doc, builtinTemplates());
  const product = withSchema.find((f) => f.name === 'Your Product')!;
  assert.deepEqual([product.key, product.shared, product.label], ['[Your Product]', true, 'Your product']);
  assert.equal(withSchema.filter((f) => f.name === 'X').length, 5, 'occurrence numbers of the template do not apply to a document');
});

test('answerEdits: only the answered fields, only where their text still stands, YAML kept valid', () => {
  const text = joinLines('---', 'title: "[Title]"', 'id: doc-[slug]', "note: '[Note]'", '---', 'Setup ~[X] min; rate [X]/s; [SYSTEM_A] and [SYSTEM_A].', '');
  const fields = documentFields(text);
  const edits = answerEdits(text, fields, { '[X]#2': '10', '[SYSTEM_A]': 'Shopify', '[Title]': 'Say "hi"', '[slug]': 'a: b', '[Note]': "it's", '[X]#1': '  ' });
  let out = text;
  for (const e of [...edits].reverse()) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  assert.equal(out, joinLines('---', 'title: "Say \\"hi\\""', 'id: "doc-a: b"', "note: 'it''s'", '---', 'Setup ~[X] min; rate 10/s; Shopify and Shopify.', ''));
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].end <= edits[i].start, 'sorted, non-overlapping');
  // A text changed meanwhile is left alone.
  assert.deepEqual(answerEdits(text.replace('rate [X]', 'rate 5'), fields, { '[X]#2': '10' }), []);
});

test('drift: every field of each shipped template is covered by its schema, which has no errors', () => {
  assert.deepEqual(builtinSchemaErrors(), {});
  for (const t of builtinTemplates()) {
    const groups = fieldGroups(t.body);
    if (groups.length === 0) continue;
    assert.ok(t.schema, `${t.id} declares fields:`);
    for (const g of groups) {
      const specs = specsFor(t.schema, g);
      assert.ok(specs.length > 0, `${t.id}: ${g.key} is in its schema`);
      const rest = specs.find((s) => !s.occurrences);
      const listed = new Set(specs.flatMap((s) => s.occurrences ?? []));
      if (g.spans.length > 1 && !rest) assert.equal(listed.size, g.spans.length, `${t.id}: every occurrence of ${g.key} is described`);
      if (g.spans.length > 1 && rest) assert.notEqual(rest.shared, undefined, `${t.id}: ${g.key} says whether its occurrences share one answer`);
    }
    for (const f of templateFields(t)) assert.ok(f.label.trim() !== '', `${t.id}: ${f.key} has a label`);
  }
});
