/**
 * TEMPORARY: stands in for the typed field schema until it lands on main (then this file goes).
 * Reads the schema members of a field when present and falls back to what the untyped field
 * already says; `documentFieldsCompat` / `answerEditsCompat` stand in for `documentFields` /
 * `answerEdits`.
 */
import type { Span } from '../types';
import { answerEdits } from './answers';
import { documentFields, isSlugField } from './fields';
import type { FieldType, TemplateField } from './types';

export type { FieldType };

/** The schema members the form reads (all present once the schema lands). */
export interface SchemaMembers {
  label: string;
  help?: string;
  type: FieldType;
  default?: string;
  derivedFrom?: string;
  context: { heading?: string; line: number };
}

type Maybe = TemplateField & Partial<SchemaMembers>;

/** ATX headings (outside fences) of `text`: offset of the line and the heading text. */
function headings(text: string): { at: number; title: string }[] {
  const out: { at: number; title: string }[] = [];
  let fence = false;
  let at = 0;
  for (const line of text.split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(line)) fence = !fence;
    const m = fence ? null : /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) out.push({ at, title: m[1] });
    at += line.length + 1;
  }
  return out;
}

/** The schema members of `field`, read from it or derived from its untyped data and `text`. */
export function schemaOf(field: TemplateField, text: string): SchemaMembers {
  const f = field as Maybe;
  const type: FieldType = f.type ?? (field.kind === 'date' ? 'date' : field.choices ? 'choice' : isSlugField(field) ? 'slug' : 'text');
  const start = field.occurrences[0]?.start ?? 0;
  const context = f.context ?? {
    heading: headings(text).filter((h) => h.at <= start).pop()?.title,
    line: text.slice(0, start).split('\n').length - 1,
  };
  return { label: f.label ?? field.name, help: f.help, type, default: f.default, derivedFrom: f.derivedFrom, context };
}

/** The remaining fields of an existing document (now the schema's `documentFields`). */
export function documentFieldsCompat(text: string): TemplateField[] {
  return documentFields(text);
}

/** Edits that put each answer into its field's occurrences (now the schema's `answerEdits`). */
export function answerEditsCompat(text: string, fields: readonly TemplateField[], answers: Readonly<Record<string, string>>): Array<Span & { newText: string }> {
  return answerEdits(text, fields, answers);
}
