/**
 * The form model behind "New Document from Template…" and "Fill Fields…": a template's (or an
 * existing document's) fields grouped into sections by the heading they first occur under,
 * each with its label, help, input type, choices, default and context; the template's
 * `{{#if}}` blocks as toggles; a suggested file name; and the document the answers produce.
 * Pure data: the webview, the quick input and the tests all read it.
 *
 * ```ts
 * const model = templateForm(template, '2025-03-01');
 * const answers = { ...initialAnswers(model), '[Partner]': 'Acme' };
 * preview(model, answers, { accounting: false }, '2025-03-01'); // the new document's text
 * ```
 */
import { answerEdits } from './answers';
import { dateFor, suggestDefaults, suggestFileName, templateConditionals, templateFields } from './fields';
import { renderTemplate } from './render';
import type { FieldType, TemplateField, TemplateInfo } from './types';
import { sortByStart } from '../spans';

/** One input of the form. */
export interface FormField {
  /** The field's key: what answers are keyed by. */
  key: string;
  label: string;
  help?: string;
  type: FieldType;
  choices?: string[];
  /** The value the input starts with (today's date for a date without a default). */
  default?: string;
  /** The key of the field it follows until edited (a slug follows its name). */
  derivedFrom?: string;
  /** The field as written in the text (`[X]`). */
  text: string;
  /** Where it first occurs: heading and 1-based line. */
  context: { heading?: string; line: number };
  /** How many places the answer fills. */
  occurrences: number;
}

/** The fields first met under one heading (`heading` undefined: before any heading, e.g. frontmatter). */
export interface FormSection {
  heading?: string;
  fields: FormField[];
}

/** A `{{#if name}}` / `{{#unless name}}` block: kept (`keep` true) or removed. */
export interface FormToggle {
  name: string;
  keep: boolean;
}

/** What the form shows; plain data (it is posted to the webview as is). */
export interface FormView {
  kind: 'template' | 'document';
  /** The template's title, or the document's name. */
  title: string;
  sections: FormSection[];
  toggles: FormToggle[];
}

/** Where the answers go: a template rendered into a new document, or an existing text edited. */
export type FormSource = { kind: 'template'; template: TemplateInfo } | { kind: 'document'; text: string };

export interface FormModel {
  view: FormView;
  source: FormSource;
  fields: readonly TemplateField[];
}

/** Answers keyed by field key; toggles keyed by block name. */
export type Answers = Readonly<Record<string, string>>;
export type Toggles = Readonly<Record<string, boolean>>;

/** Why an answer is not accepted as typed (the extension words it). */
export type AnswerProblem = 'number' | 'url' | 'slug';

function formField(field: TemplateField, today: string): FormField {
  const { heading, line } = field.context;
  const context = heading === undefined ? { line: line + 1 } : { heading, line: line + 1 };
  const out: FormField = { key: field.key, label: field.label, type: field.type, text: field.text, context, occurrences: field.occurrences.length };
  if (field.help) out.help = field.help;
  if (field.choices) out.choices = [...field.choices];
  // A date input holds an ISO date: `today` (or no default) starts as today's.
  const def = field.type === 'date' && (field.default === undefined || field.default === 'today') ? today : field.default;
  if (def !== undefined) out.default = def;
  if (field.derivedFrom) out.derivedFrom = field.derivedFrom;
  return out;
}

/** Fields grouped by the heading they first occur under; sections and fields in document order. */
export function formSections(fields: readonly TemplateField[], today: string): FormSection[] {
  const sections: FormSection[] = [];
  const ordered = [...fields].sort((a, b) => (a.occurrences[0]?.start ?? 0) - (b.occurrences[0]?.start ?? 0));
  for (const field of ordered) {
    const f = formField(field, today);
    const heading = f.context.heading;
    let section = sections.find((s) => s.heading === heading);
    if (!section) sections.push((section = heading === undefined ? { fields: [] } : { heading, fields: [] }));
    section.fields.push(f);
  }
  return sections;
}

/** The form for a new document from `template`: its fields, its blocks (all kept at first). */
export function templateForm(template: TemplateInfo, today: string): FormModel {
  const fields = templateFields(template);
  const toggles = templateConditionals(template).map((name) => ({ name, keep: true }));
  const view: FormView = { kind: 'template', title: template.title, sections: formSections(fields, today), toggles };
  return { view, source: { kind: 'template', template }, fields };
}

/** The form for an existing document's remaining `fields` (as `documentFields(text, templates)` gives them). */
export function documentForm(title: string, text: string, fields: readonly TemplateField[], today: string): FormModel {
  const view: FormView = { kind: 'document', title, sections: formSections(fields, today), toggles: [] };
  return { view, source: { kind: 'document', text }, fields };
}

/** Every form field, in form order. */
export function formFields(model: FormModel): FormField[] {
  return model.view.sections.flatMap((s) => s.fields);
}

/** What the inputs start with: each field's default. */
export function initialAnswers(model: FormModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of formFields(model)) if (f.default !== undefined) out[f.key] = f.default;
  return out;
}

/** The blocks' starting state. */
export function initialToggles(model: FormModel): Record<string, boolean> {
  return Object.fromEntries(model.view.toggles.map((t) => [t.name, t.keep]));
}

/**
 * Values of the fields that follow another (`derivedFrom`: a slug follows its name) and were not
 * `edited` by hand: what that field's answer gives now, or the field's default.
 */
export function derivedAnswers(model: FormModel, answers: Answers, edited: ReadonlySet<string>, today: string): Record<string, string> {
  const following = model.fields.filter((f) => f.derivedFrom !== undefined && !edited.has(f.key));
  const rest: Record<string, string> = { ...answers };
  for (const f of following) delete rest[f.key];
  const suggested = suggestDefaults(model.fields, rest, today);
  const out: Record<string, string> = {};
  for (const f of following) out[f.key] = suggested[f.key] ?? '';
  return out;
}

/** The answers as they go into the text: blank ones dropped, dates written the way their field asks. */
export function answerValues(model: FormModel, answers: Answers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of formFields(model)) {
    const v = answers[f.key];
    if (v === undefined || v.trim() === '') continue;
    out[f.key] = f.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dateFor(f.text, v) : v;
  }
  return out;
}

const CHECKS: Partial<Record<FieldType, RegExp>> = {
  number: /^[-+]?(?:\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.\d+)?$/,
  url: /^(?:https?:\/\/\S+|mailto:\S+|\.{0,2}\/\S*)$/i,
  slug: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
};

/**
 * Why `value` does not fit a field of `type` (`30`, `1,000` are numbers; `https://…`, `mailto:…`
 * and `/path` are URLs; `acme-pay` is a slug), or undefined. A blank value is fine: it leaves
 * the field. The form and the quick input both check answers with it.
 */
export function answerProblem(type: FieldType, value: string): AnswerProblem | undefined {
  const v = value.trim();
  const ok = CHECKS[type];
  return v !== '' && ok && !ok.test(v) ? (type as AnswerProblem) : undefined;
}

/** Answers that do not fit their field's type, keyed by field key. */
export function answerProblems(model: FormModel, answers: Answers): Record<string, AnswerProblem> {
  const out: Record<string, AnswerProblem> = {};
  for (const f of formFields(model)) {
    const problem = answerProblem(f.type, answers[f.key] ?? '');
    if (problem) out[f.key] = problem;
  }
  return out;
}

/** The blocks kept, in template order. */
function kept(model: FormModel, toggles: Toggles): string[] {
  return model.view.toggles.filter((t) => toggles[t.name] ?? t.keep).map((t) => t.name);
}

/** Applies `{start,end,newText}` edits (disjoint) to `text`. */
export function applyTextEdits(text: string, edits: ReadonlyArray<{ start: number; end: number; newText: string }>): string {
  let out = '';
  let pos = 0;
  for (const e of sortByStart([...edits])) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** The edits that put `answers` into an existing document (empty for a template form). */
export function formEdits(model: FormModel, answers: Answers): Array<{ start: number; end: number; newText: string }> {
  if (model.source.kind !== 'document') return [];
  return answerEdits(model.source.text, model.fields, answerValues(model, answers));
}

/** The text the answers produce: the new document, or the edited one. */
export function preview(model: FormModel, answers: Answers, toggles: Toggles, today: string): string {
  if (model.source.kind === 'document') return applyTextEdits(model.source.text, formEdits(model, answers));
  return renderTemplate(model.source.template, { values: answerValues(model, answers), keep: kept(model, toggles), today });
}

/** A file name for the new document (undefined for a document form). */
export function formFileName(model: FormModel, answers: Answers): string | undefined {
  return model.source.kind === 'template' ? suggestFileName(model.source.template, answerValues(model, answers)) : undefined;
}
