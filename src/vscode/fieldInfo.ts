/**
 * A document's fields as the editor offers them (quick fixes, hovers, the quick input): the
 * core's identity rules (`documentFields`), with the schema of the template the document names
 * in its `template:` key, and the checks a typed answer gets.
 */
import * as vscode from 'vscode';
import { documentFields, type TemplateField, type TemplateInfo } from '../core/templates/index';

/** The fields of a document, memoized for its current version. */
export class DocumentFieldCache {
  private memo: { uri: string; version: number; fields: TemplateField[] } | undefined;

  constructor(private readonly templates: () => readonly TemplateInfo[]) {}

  of(doc: vscode.TextDocument): TemplateField[] {
    const uri = doc.uri.toString();
    if (this.memo?.uri !== uri || this.memo.version !== doc.version) {
      this.memo = { uri, version: doc.version, fields: documentFields(doc.getText(), this.templates()) };
    }
    return this.memo.fields;
  }
}

/** The field one of whose places starts at `offset`. */
export function fieldAt(fields: readonly TemplateField[], offset: number): TemplateField | undefined {
  return fields.find((f) => f.occurrences.some((o) => o.start === offset));
}

/** How a prompt names a field: its label and, when the label is not its text, the text too. */
export function fieldTitle(field: Pick<TemplateField, 'label' | 'name' | 'text'>): string {
  return field.label === field.name ? field.text : `${field.label} ${field.text}`;
}

/** A typed field's problem with a value (an empty value is fine: it leaves the field). */
export function typeProblem(field: Pick<TemplateField, 'type'>, value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (field.type === 'number' && !/^[-+]?(?:\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.\d+)?$/.test(v)) return vscode.l10n.t('Enter a number, e.g. 30 or 1,000');
  if (field.type === 'url' && !/^(?:https?:\/\/\S+|mailto:\S+|\.{0,2}\/\S*)$/i.test(v)) return vscode.l10n.t('Enter a URL starting with https:// (or a path starting with /)');
  return undefined;
}
