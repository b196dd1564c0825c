/**
 * The form model: sections by heading, typed fields, blocks as toggles, slug derivation,
 * answer checks, the preview (equal to rendering) and Fill Fields' edits on an existing text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  templateForm,
  documentForm,
  documentFieldsCompat,
  formFields,
  initialAnswers,
  initialToggles,
  derivedAnswers,
  answerProblems,
  preview,
  formEdits,
  formFileName,
  applyTextEdits,
  renderTemplate,
  type TemplateInfo,
} from '../../src/core/templates/index';
import { builtinTemplate } from '../../src/templates/index';
import { joinLines } from './helpers';

const TODAY = '2025-03-01';

function tpl(body: string, id = 'test'): TemplateInfo {
  return { id, title: 'Test', description: 'A test template', version: '1.0.0', source: 'builtin', body };
}

const SAMPLE = tpl(
  joinLines(
    '---',
    'document: page-[partner-name]',
    '---',
    '# [Partner] guide',
    '',
    'Updated: YYYY-MM-DD',
    '',
    'Tone: [Casual / Professional]',
    '',
    '## Setup',
    '',
    'Connect [Partner] in ~[X] minutes.',
    '',
    '{{#if beta}}',
    'Beta: [Beta note]',
    '{{/if}}',
    '',
    '## Limits',
    '',
    'Rate: [RATE_LIMIT]',
    '',
  ),
  'page',
);
// [Partner] stands for one name in both places, and the slug follows it: the template says so in
// its field schema (without one, a descriptive [Partner] would be one field per place).
SAMPLE.schema = [
  { name: 'Partner', shared: true, line: 1 },
  { name: 'partner-name', type: 'slug', derivedFrom: 'Partner', line: 2 },
];

test('sections group fields by the heading they first occur under, in document order', () => {
  const model = templateForm(SAMPLE, TODAY);
  const outline = model.view.sections.map((s) => [s.heading ?? '(top)', s.fields.map((f) => f.text)]);
  assert.deepEqual(outline, [
    ['(top)', ['[partner-name]']],
    ['[Partner] guide', ['[Partner]', 'YYYY-MM-DD', '[Casual / Professional]']],
    ['Setup', ['[X]', '[Beta note]']],
    ['Limits', ['[RATE_LIMIT]']],
  ]);
  const partner = formFields(model).find((f) => f.text === '[Partner]');
  assert.equal(partner?.occurrences, 2, 'the heading and the Setup line');
  assert.deepEqual(partner?.context, { heading: '[Partner] guide', line: 3 }, 'line is 0-based');
});

test('each field carries its input type, label, choices and default', () => {
  const byText = Object.fromEntries(formFields(templateForm(SAMPLE, TODAY)).map((f) => [f.text, f]));
  assert.equal(byText['YYYY-MM-DD'].type, 'date');
  assert.equal(byText['YYYY-MM-DD'].default, TODAY, 'a date starts as today');
  assert.equal(byText['[Casual / Professional]'].type, 'choice');
  assert.deepEqual(byText['[Casual / Professional]'].choices, ['Casual', 'Professional']);
  assert.equal(byText['[partner-name]'].type, 'slug');
  assert.equal(byText['[Partner]'].type, 'text');
  assert.equal(byText['[Partner]'].label, 'Partner');
  assert.deepEqual(initialAnswers(templateForm(SAMPLE, TODAY)), { 'YYYY-MM-DD': TODAY });
});

test('the {{#if}} blocks are toggles, kept at first, and the preview drops an unticked one cleanly', () => {
  const model = templateForm(SAMPLE, TODAY);
  assert.deepEqual(model.view.toggles, [{ name: 'beta', keep: true }]);
  assert.deepEqual(initialToggles(model), { beta: true });
  const kept = preview(model, {}, { beta: true }, TODAY);
  assert.match(kept, /\nBeta: \[Beta note\]\n/);
  assert.ok(!kept.includes('{{'), 'markers removed');
  const dropped = preview(model, {}, { beta: false }, TODAY);
  assert.ok(!dropped.includes('Beta'), 'block removed');
  assert.ok(!/\n\n\n/.test(dropped), 'no doubled blank lines');
});

test('the preview is exactly the rendered document, with dates written as their field asks', () => {
  const model = templateForm(SAMPLE, TODAY);
  const answers = { '[Partner]': 'Acme Pay', '[X]': '30', 'YYYY-MM-DD': '2025-04-02', '[partner-name]': 'acme-pay' };
  const text = preview(model, answers, { beta: false }, TODAY);
  assert.equal(text, renderTemplate(SAMPLE, { values: answers, keep: [], today: TODAY }));
  assert.match(text, /^# Acme Pay guide$/m);
  assert.match(text, /^Connect Acme Pay in ~30 minutes\.$/m);
  assert.match(text, /^document: page-acme-pay$/m);
  assert.match(text, /^Updated: 2025-04-02$/m);

  const month = templateForm(tpl('Since: YYYY-MM\n'), TODAY);
  assert.match(preview(month, { 'YYYY-MM': '2025-04-02' }, {}, TODAY), /^Since: 2025-04$/m, 'a month stub gets the month of the picked date');
});

test('slugs derive from the name they follow until edited, never the other way round', () => {
  const model = templateForm(SAMPLE, TODAY);
  assert.deepEqual(derivedAnswers(model, { '[Partner]': 'Acme Pay, Inc.' }, new Set(), TODAY), { '[partner-name]': 'acme-pay-inc' });
  assert.deepEqual(derivedAnswers(model, { '[Partner]': '' }, new Set(), TODAY), { '[partner-name]': '' });
  assert.deepEqual(derivedAnswers(model, { '[Partner]': 'Acme', '[partner-name]': 'mine' }, new Set(['[partner-name]']), TODAY), {}, 'an edited slug is left alone');
  // A slug answered first does not fill the name.
  const fromSlug = derivedAnswers(model, { '[partner-name]': 'acme' }, new Set(['[partner-name]']), TODAY);
  assert.equal(fromSlug['[Partner]'], undefined);
});

test('answers that do not fit their type are reported; blank answers are fine', () => {
  const model = templateForm(SAMPLE, TODAY);
  assert.deepEqual(answerProblems(model, { '[partner-name]': 'Acme Pay' }), { '[partner-name]': 'slug' });
  assert.deepEqual(answerProblems(model, { '[partner-name]': 'acme-pay', '[Partner]': 'anything at all' }), {});
  assert.deepEqual(answerProblems(model, { '[partner-name]': '  ' }), {});
});

test('the suggested file name follows the answers', () => {
  const model = templateForm(SAMPLE, TODAY);
  assert.equal(formFileName(model, {}), 'page.md');
  assert.equal(formFileName(model, { '[Partner]': 'Acme Pay' }), 'page-acme-pay.md');
  assert.equal(formFileName(documentForm('x.md', 'text', [], TODAY), {}), undefined);
});

test('a built-in template gives a form whose sections follow its headings', () => {
  const plan = builtinTemplate('implementation-plan');
  assert.ok(plan);
  const model = templateForm(plan, TODAY);
  assert.deepEqual(
    model.view.toggles.map((t) => t.name),
    ['accounting', 'marketing', 'fulfillment', 'HAS_DATA_MIGRATION'],
  );
  const headings = model.view.sections.map((s) => s.heading);
  assert.equal(headings[0], '[PROJECT_NAME]');
  assert.ok(headings.includes('EXECUTIVE SUMMARY'));
  assert.equal(new Set(headings).size, headings.length, 'one section per heading');
  const total = model.view.sections.reduce((n, s) => n + s.fields.length, 0);
  assert.equal(total, model.fields.length, 'every field is in exactly one section');
});

test('a document form fills the remaining fields of an existing text; the edits are the preview', () => {
  const text = joinLines('---', 'status: draft', '---', '# Acme guide', '', 'Owner: [OWNER_NAME]', '', '## Setup', '', 'Takes [X] minutes; ask [OWNER_NAME].', '');
  const model = documentForm('guide.md', text, documentFieldsCompat(text), TODAY);
  assert.equal(model.view.kind, 'document');
  assert.deepEqual(model.view.toggles, []);
  assert.deepEqual(
    model.view.sections.map((s) => [s.heading, s.fields.map((f) => f.text)]),
    [
      ['Acme guide', ['[OWNER_NAME]']],
      ['Setup', ['[X]']],
    ],
  );
  const answers = { '[OWNER_NAME]': 'Dana', '[X]': '' };
  const edits = formEdits(model, answers);
  assert.equal(edits.length, 2, 'both occurrences of [OWNER_NAME] (an identifier: one shared field), none for a blank answer');
  const out = preview(model, answers, {}, TODAY);
  assert.equal(out, applyTextEdits(text, edits));
  assert.match(out, /^Owner: Dana$/m);
  assert.match(out, /^Takes \[X\] minutes; ask Dana\.$/m);
});
