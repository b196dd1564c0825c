/**
 * VS Code snippets from templates: each field (`templateFields`: one per identifier, one per
 * occurrence of a descriptive text such as `[X]`) becomes one tab stop, and the occurrences of a
 * shared field share its number, so typing fills exactly them. A choice field becomes a snippet
 * choice whose first option is the field text itself, so tabbing past it answers nothing; a
 * `YYYY-MM-DD` stub defaults to today's date through the snippet date variables. Everything else
 * is escaped per the snippet grammar, so `${x}` in a code example stays literal.
 */
import { readFrontmatter } from '../frontmatter';
import { dialectOf } from '../dialects';
import { templateFields } from './fields';
import type { TemplateField, TemplateInfo } from './types';
import { sortByStart } from '../spans';

/** Escapes text outside placeholders, and inside a placeholder's default. */
function escapeText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Escapes one choice of `${1|a,b|}`. */
function escapeChoice(text: string): string {
  return text.replace(/[\\,|]/g, (c) => `\\${c}`);
}

function tabStop(field: TemplateField, n: number, first: boolean, occurrence: string): string {
  if (!first) return `\${${n}}`;
  // The field text comes first: a choice stop tabbed past leaves the field, never the first choice.
  if (field.choices) return `\${${n}|${[occurrence, ...field.choices].map(escapeChoice).join(',')}|}`;
  // A date stub defaults to today through the snippet variables its dialect row gives.
  const today = field.kind === 'date' ? dialectOf('date').snippetDefault?.(field.name) : undefined;
  if (today) return `\${${n}:${today}}`;
  return `\${${n}:${escapeText(occurrence)}}`;
}

/** Snippet options: drop the template's frontmatter when inserting into an existing document. */
export interface SnippetOptions {
  frontmatter?: boolean;
}

/**
 * The template as snippet text for `new vscode.SnippetString(text)`: tab stops numbered in
 * the order they appear in the inserted text, `${1:[Customer name]}` first and `${1}` at every
 * repeat of a shared field.
 */
export function templateSnippet(info: Pick<TemplateInfo, 'body'>, options: SnippetOptions = {}): string {
  const text = info.body;
  const fm = readFrontmatter(text, []);
  const from = options.frontmatter === false && fm ? fm.block.end : 0;
  const stops: Array<{ start: number; end: number; field: TemplateField }> = [];
  for (const field of templateFields(info)) for (const occ of field.occurrences) if (occ.start >= from) stops.push({ ...occ, field });
  sortByStart(stops);
  // Tab stops are numbered in the order they appear in the inserted text, so Tab walks down it.
  const numbers = new Map<TemplateField, number>();
  let out = '';
  let pos = from;
  for (const s of stops) {
    out += escapeText(text.slice(pos, s.start));
    const first = !numbers.has(s.field);
    if (first) numbers.set(s.field, numbers.size + 1);
    out += tabStop(s.field, numbers.get(s.field) as number, first, text.slice(s.start, s.end));
    pos = s.end;
  }
  out += escapeText(text.slice(pos));
  return from > 0 ? out.replace(/^\n+/, '') : out;
}

/** One entry of a VS Code snippets file. */
export interface SnippetEntry {
  prefix: string;
  description: string;
  body: string[];
  isFileTemplate: boolean;
}

/** The prefix a template's snippet is typed with: `idoc-integration-page`. */
export function snippetPrefix(id: string): string {
  return `idoc-${id}`;
}

/** A snippets file (keyed by template title) for `contributes.snippets`. */
export function snippetsFile(templates: readonly TemplateInfo[]): Record<string, SnippetEntry> {
  const out: Record<string, SnippetEntry> = {};
  for (const t of templates) {
    out[t.title] = {
      prefix: snippetPrefix(t.id),
      description: t.description,
      body: templateSnippet(t).replace(/\n$/, '').split('\n'),
      isFileTemplate: true,
    };
  }
  return out;
}
