/**
 * The form model: sections by heading, typed fields, blocks as toggles, slug derivation,
 * answer checks, the preview (equal to rendering) and Fill Fields' edits on an existing text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  templateForm,
  documentForm,
  documentFields,
  formFields,
  initialAnswers,
  initialToggles,
  derivedAnswers,
  answerProblem,
  answerProblems,
  preview,
  formEdits,
  formFileName,
  applyTextEdits,
  renderTemplate,
  withSchema,
  type TemplateInfo,
} from '../../src/core/templates/index';
import { builtinTemplate } from '../../src/templates/index';
import { joinLines, testTemplate } from './helpers';

const TODAY = '2025-03-01';

const tpl = (body: string, id = 'test'): TemplateInfo => testTemplate(body, id);

/** A template with a `fields:` schema (shared name, a slug that follows it, a number) and fields without one. */
const SAMPLE = withSchema(
  tpl(
    joinLines(
      '---',
      'document: page-[partner-name]',
      'fields:',
      '  - { name: Partner, label: Partner name, help: "As customers know it", shared: true }',
      '  - { name: partner-name, label: Page id, type: slug, derivedFrom: Partner }',
      '  - { name: X, label: Setup time (minutes), type: number }',
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
  ),
).template;

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
  assert.deepEqual(partner?.context, { heading: '[Partner] guide', line: 4 }, '1-based line in the template body (its schema cut out)');
});

test('each field carries its input type, label, help, choices and default (from the schema where it has one)', () => {
  const byText = Object.fromEntries(formFields(templateForm(SAMPLE, TODAY)).map((f) => [f.text, f]));
  assert.equal(byText['YYYY-MM-DD'].type, 'date');
  assert.equal(byText['YYYY-MM-DD'].default, TODAY, 'a date starts as today');
  assert.equal(byText['[Casual / Professional]'].type, 'choice');
  assert.deepEqual(byText['[Casual / Professional]'].choices, ['Casual', 'Professional']);
  assert.equal(byText['[partner-name]'].type, 'slug');
  assert.equal(byText['[partner-name]'].label, 'Page id');
  assert.equal(byText['[partner-name]'].derivedFrom, byText['[Partner]'].key);
  assert.equal(byText['[X]'].type, 'number');
  assert.equal(byText['[Partner]'].type, 'text');
  assert.equal(byText['[Partner]'].label, 'Partner name');
  assert.equal(byText['[Partner]'].help, 'As customers know it');
  assert.equal(byText['[RATE_LIMIT]'].label, 'RATE_LIMIT', 'without a schema entry the label is the name');
  assert.deepEqual(initialAnswers(templateForm(SAMPLE, TODAY)), { [byText['YYYY-MM-DD'].key]: TODAY });
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
  const key = (text: string) => formFields(model).find((f) => f.text === text)?.key ?? text;
  const answers = { [key('[Partner]')]: 'Acme Pay', [key('[X]')]: '30', [key('YYYY-MM-DD')]: '2025-04-02', [key('[partner-name]')]: 'acme-pay' };
  const text = preview(model, answers, { beta: false }, TODAY);
  assert.equal(text, renderTemplate(SAMPLE, { values: answers, keep: [], today: TODAY }));
  assert.match(text, /^# Acme Pay guide$/m);
  assert.match(text, /^Connect Acme Pay in ~30 minutes\.$/m);
  assert.match(text, /^document: page-acme-pay$/m);
  assert.match(text, /^Updated: 2025-04-02$/m);

  const month = templateForm(tpl('Since: YYYY-MM\n'), TODAY);
  const since = formFields(month)[0].key;
  assert.match(preview(month, { [since]: '2025-04-02' }, {}, TODAY), /^Since: 2025-04$/m, 'a month stub gets the month of the picked date');
});

test('slugs follow the name they derive from until edited, never the other way round', () => {
  const model = templateForm(SAMPLE, TODAY);
  const key = (text: string) => formFields(model).find((f) => f.text === text)?.key ?? text;
  const [partner, slug] = [key('[Partner]'), key('[partner-name]')];
  assert.deepEqual(derivedAnswers(model, { [partner]: 'Acme Pay, Inc.' }, new Set(), TODAY), { [slug]: 'acme-pay-inc' });
  assert.deepEqual(derivedAnswers(model, { [partner]: 'Acme Pay, Inc.', [slug]: 'stale' }, new Set(), TODAY), { [slug]: 'acme-pay-inc' }, 'a slug not typed into follows every change');
  assert.deepEqual(derivedAnswers(model, { [partner]: '' }, new Set(), TODAY), { [slug]: '' });
  assert.deepEqual(derivedAnswers(model, { [partner]: 'Acme', [slug]: 'mine' }, new Set([slug]), TODAY), {}, 'an edited slug is left alone');
  // A slug answered first does not fill the name.
  assert.equal(derivedAnswers(model, { [slug]: 'acme' }, new Set([slug]), TODAY)[partner], undefined);
});

test('answers that do not fit their type are reported; blank answers are fine', () => {
  const model = templateForm(SAMPLE, TODAY);
  const key = (text: string) => formFields(model).find((f) => f.text === text)?.key ?? text;
  const [slug, x] = [key('[partner-name]'), key('[X]')];
  assert.deepEqual(answerProblems(model, { [slug]: 'Acme Pay', [x]: 'thirty' }), { [slug]: 'slug', [x]: 'number' });
  assert.deepEqual(answerProblems(model, { [slug]: 'acme-pay', [x]: '30', [key('[Partner]')]: 'anything at all' }), {});
  assert.deepEqual(answerProblems(model, { [slug]: '  ' }), {});
  assert.deepEqual(
    ['30', '1,000', '-2.5', '3 minutes'].map((v) => answerProblem('number', v)),
    [undefined, undefined, undefined, 'number'],
  );
  assert.deepEqual(
    ['https://example.com/docs', '/sources/api.md', 'mailto:a@b.example', 'example.com'].map((v) => answerProblem('url', v)),
    [undefined, undefined, undefined, 'url'],
  );
  assert.equal(answerProblem('text', 'anything'), undefined);
});

test('the suggested file name follows the answers', () => {
  const model = templateForm(SAMPLE, TODAY);
  assert.equal(formFileName(model, {}), 'page.md');
  const partner = formFields(model).find((f) => f.text === '[Partner]')?.key ?? '';
  assert.equal(formFileName(model, { [partner]: 'Acme Pay' }), 'page-acme-pay.md');
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

test('a document form fills the remaining fields of an existing text: an identifier shares one answer, a generic field is one per place', () => {
  const text = joinLines('---', 'status: draft', '---', '# Acme guide', '', 'Owner: [OWNER_NAME]', '', '## Setup', '', 'Takes [X] minutes; ask [OWNER_NAME].', '', '## Limits', '', 'At most [X] calls.', '');
  const model = documentForm('guide.md', text, documentFields(text), TODAY);
  assert.equal(model.view.kind, 'document');
  assert.deepEqual(model.view.toggles, []);
  assert.deepEqual(
    model.view.sections.map((s) => [s.heading, s.fields.map((f) => `${f.text}@${f.context.line}`)]),
    [
      ['Acme guide', ['[OWNER_NAME]@6']],
      ['Setup', ['[X]@10']],
      ['Limits', ['[X]@14']],
    ],
  );
  const [owner, x1, x2] = formFields(model).map((f) => f.key);
  assert.notEqual(x1, x2, 'each [X] is its own field');
  const answers = { [owner]: 'Dana', [x1]: '20', [x2]: '' };
  const edits = formEdits(model, answers);
  assert.equal(edits.length, 3, 'both places of [OWNER_NAME], the first [X]; none for a blank answer');
  const out = preview(model, answers, {}, TODAY);
  assert.equal(out, applyTextEdits(text, edits));
  assert.match(out, /^Owner: Dana$/m);
  assert.match(out, /^Takes 20 minutes; ask Dana\.$/m);
  assert.match(out, /^At most \[X\] calls\.$/m, 'the other [X] is untouched');
});
