/**
 * Templates: data only. A template is Markdown text with fields (`[Customer name]`,
 * `{{PLAN_LEVEL}}`, `YYYY-MM-DD`) and Handlebars-style conditionals (`{{#if name}}…{{/if}}`).
 * Nothing in a template is ever executed.
 */
import type { Span } from '../types';

/** Where a template comes from: shipped with the extension, or a team's `*.md` file. */
export type TemplateSource = 'builtin' | 'workspace';

/** A template the pickers and the CLI offer. */
export interface TemplateInfo {
  /** Stable id (`integration-page`); the CLI's `new <id>` and the `template:` frontmatter key. */
  id: string;
  title: string;
  /** One line, shown next to the title. */
  description: string;
  /** A longer line for the quick pick's detail row. */
  detail?: string;
  version: string;
  source: TemplateSource;
  /** The file a workspace template was read from (as given to `parseTeamTemplate`). */
  file?: string;
  /** The template text: frontmatter (template metadata and the `fields:` schema removed) plus body. */
  body: string;
  /** The template's field schema (its frontmatter `fields:`), validated; absent when it declares none. */
  schema?: readonly FieldSpec[];
}

/** What kind of field: `[Field]`, `{{FIELD}}` or a date stub such as `YYYY-MM-DD`. */
export type FieldKind = 'bracket' | 'mustache' | 'date';

/** What a field's answer is: the input a form or a quick input offers for it. */
export type FieldType = 'text' | 'multiline' | 'date' | 'choice' | 'number' | 'url' | 'slug';

/** The field types, in the order the README lists them. */
export const FIELD_TYPES: readonly FieldType[] = ['text', 'multiline', 'date', 'choice', 'number', 'url', 'slug'];

/**
 * One field: one answer, written at each of its occurrences. Identity (which occurrences share
 * an answer) follows the template's `fields:` schema, else the rules of `identity.ts`:
 * identifier-like names (`[SYSTEM_A]`, `{{PLAN_LEVEL}}`, `[partner-name]`) share one answer,
 * every other field (`[X]`, `[URL]`, `[Scenario Name]`) is one field per occurrence.
 */
export interface TemplateField {
  /**
   * Unique per field. A field that covers every occurrence of its text: the text with whitespace
   * collapsed (`[SYSTEM_A]`, `[Customer name]`). Otherwise the text plus `#` and the 1-based number
   * of its first occurrence among identical texts (`[X]#2`).
   */
  key: string;
  /** The text of its first occurrence, exactly as written. */
  text: string;
  /** The text without brackets or braces (`Customer name`); what `--set NAME=value` names. */
  name: string;
  /** The choices of a choice field (a choice list `[A / B / C]`, or the schema's `choices`). */
  choices?: string[];
  kind: FieldKind;
  /** The occurrences this field's answer fills, in `TemplateInfo.body` (or the document), in order. */
  occurrences: Span[];
  /** What a form shows as the field's label (the schema's `label`, else the name). */
  label: string;
  /** A sentence of help (the schema's `help`). */
  help?: string;
  type: FieldType;
  /** The answer offered before the writer types one (the schema's `default`). */
  default?: string;
  /** The key of the field this one's default derives from (a slug from a name, never a name from a slug). */
  derivedFrom?: string;
  /** Whether the answer lands in more than one place (`occurrences.length > 1`). */
  shared: boolean;
  /** Where the first occurrence is: the heading above it and its 0-based line. */
  context: { heading?: string; line: number };
}

/**
 * One entry of a template's `fields:` schema, as read from its frontmatter (see README,
 * "Field schema"). `line` is the 1-based line of the entry in the template file.
 */
export interface FieldSpec {
  /** The field's text without brackets (`Partner`) or in full (`[Partner]`). */
  name: string;
  label?: string;
  help?: string;
  type?: FieldType;
  choices?: string[];
  default?: string;
  /** The `name` (optionally `name#n`) of the field whose answer this one's default comes from. */
  derivedFrom?: string;
  /** `true`: all occurrences (not claimed by another entry) share one answer; `false`: one answer each. */
  shared?: boolean;
  /** The 1-based occurrences (among identical texts) this entry covers; they share one answer. */
  occurrences?: number[];
  line: number;
}

/** A schema problem, with the 1-based line of the template file it is on. */
export interface SchemaError {
  line: number;
  message: string;
}

/** Answers for `renderTemplate`. */
export interface RenderOptions {
  /** Values keyed by field key (`[Partner]`) or name (`Partner`); empty values leave the field. */
  values?: Readonly<Record<string, string>>;
  /** Conditional names whose blocks are kept (`{{#if name}}` true); every other block is dropped. */
  keep?: readonly string[];
  /** Today's date, `YYYY-MM-DD` (the caller's clock: the core reads none). */
  today: string;
}

/** The result of reading a team template file. */
export type ParsedTemplate = { ok: true; template: TemplateInfo } | { ok: false; error: string };
