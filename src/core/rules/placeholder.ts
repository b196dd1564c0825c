import type { FieldHit } from '../grammar';
import { choicesOf } from '../grammar';
import type { Rule, Report } from './rule';

/** Text between the brackets or braces of a field: `[Customer name]` → `Customer name`. */
export function fieldName(text: string): string {
  if (text.startsWith('{{')) return text.slice(2, -2).trim();
  if (text.startsWith('[') && text.endsWith(']')) return text.slice(1, -1).trim();
  return text;
}

/** The field as shown in a message: whitespace collapsed, long text shortened. */
function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 70 ? `${flat.slice(0, 60)}…${flat.slice(-8)}` : flat;
}

/** Message and data of a field depend only on its text and where it is: computed once each. */
const described = new Map<string, Omit<Report, 'start' | 'end'>>();

function describe(hit: FieldHit, where: string): Report {
  const key = `${where}\u0000${hit.text}`;
  let d = described.get(key);
  if (!d) {
    if (described.size > 20_000) described.clear();
    const { start: _s, end: _e, ...rest } = describeFresh(hit, where);
    if (where === 'code' && rest.data?.kind === 'placeholder') rest.data.inCode = true;
    d = rest;
    described.set(key, d);
  }
  return { start: hit.start, end: hit.end, message: d.message, data: d.data && { ...d.data } };
}

function describeFresh(hit: FieldHit, where: string): Report {
  const name = fieldName(hit.text);
  const field = shown(hit.text);
  const base = { start: hit.start, end: hit.end };
  if (where === 'pattern') {
    return { ...base, message: `Unfilled placeholder \`${field}\` (a configured pattern): replace it with the value`, data: { kind: 'placeholder', text: hit.text, name } };
  }
  if (/^(?:YYYY|MM|DD)/.test(hit.text)) {
    return { ...base, message: `Unfilled date \`${field}\`: replace it with the date`, data: { kind: 'placeholder', text: hit.text, name } };
  }
  const pair = /^\[([^\]]*)\]\[([^\]]*)\]$/.exec(hit.text);
  if (pair) {
    // "[the manual][manual]" with no `[manual]: url`: a reference to define, or a field to fill.
    const label = (pair[2].trim() === '' ? pair[1] : pair[2]).replace(/\s+/g, ' ').trim();
    return {
      ...base,
      message: `Unfilled placeholder or undefined reference \`${field}\`: define \`[${shown(label)}]: <url>\` or replace it with the value`,
      data: { kind: 'placeholder', text: hit.text, name: pair[1].trim() },
    };
  }
  const choices = hit.text.startsWith('[') ? choicesOf(name) : undefined;
  if (choices) {
    const list = `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
    return { ...base, message: `Unfilled choice \`${field}\`: pick ${list}`, data: { kind: 'placeholder', text: hit.text, name, choices } };
  }
  return { ...base, message: `Unfilled placeholder \`${field}\`: replace it with the value`, data: { kind: 'placeholder', text: hit.text, name } };
}

/** `placeholder`: unfilled fields in prose, frontmatter values, inline code and code blocks. */
export const placeholder: Rule<'placeholder'> = {
  id: 'placeholder',
  title: 'unfilled fields',
  description: 'Unfilled template fields: `[Customer name]`, `{{PLAN_LEVEL}}`, `YYYY-MM-DD`.',
  check(model, _context, report) {
    const seen = new Set<string>();
    const emit = (hit: FieldHit, where: string) => {
      const key = `${hit.start}:${hit.end}`;
      if (seen.has(key)) return;
      seen.add(key);
      report(describe(hit, where));
    };
    for (const hit of model.frontmatter?.fields ?? []) emit(hit, 'frontmatter');
    for (const fact of model.fields) {
      if (fact.refLabel !== undefined && model.definitions.has(fact.refLabel)) continue;
      emit(fact, fact.where);
    }
  },
};
