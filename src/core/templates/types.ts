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
  /** The template text: frontmatter (template metadata removed) plus body. */
  body: string;
}

/** What kind of field: `[Field]`, `{{FIELD}}` or a date stub such as `YYYY-MM-DD`. */
export type FieldKind = 'bracket' | 'mustache' | 'date';

/** One distinct field of a template; identical fields (same text) are one field. */
export interface TemplateField {
  /** Identifies the field: its text with whitespace collapsed (`[Customer name]`). */
  key: string;
  /** The text of its first occurrence, exactly as written. */
  text: string;
  /** The text without brackets or braces (`Customer name`); what `--set NAME=value` names. */
  name: string;
  /** The choices of a choice list `[A / B / C]`. */
  choices?: string[];
  kind: FieldKind;
  /** Every occurrence in `TemplateInfo.body`, in document order. */
  occurrences: Span[];
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
