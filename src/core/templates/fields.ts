/**
 * The fields and conditionals of a template, and the defaults offered while filling them.
 *
 * Related fields (the rule `suggestDefaults` follows): a field's name is split into lowercase
 * words at spaces, punctuation, `_`, `-` and case changes, and one trailing `name` or
 * `platform` is dropped. Fields whose remaining words are equal are related:
 * `[Partner]`, `[Partner Platform]`, `[partner]` and `[partner-name]` all reduce to `partner`;
 * `[Your Product]` and `[your-product]` to `your product`. Choice lists and dates relate to
 * nothing. A related field written as a lowercase slug (`[partner-name]`) is offered the slug
 * of the answer (`northwind-payments`), any other the answer as typed.
 */
import { scanTemplate } from './scan';
import type { FindingData } from '../types';
import type { FieldKind, TemplateField, TemplateInfo } from './types';

/** Collapses runs of whitespace (a field may wrap across lines). */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A field's kind, read from the dialect row that found it (`dialects.ts`), never from its text. */
function kindOf(data: Extract<FindingData, { kind: 'placeholder' }> | undefined): FieldKind {
  if (data?.fieldKind === 'date') return 'date';
  return data?.dialect === 'mustache' ? 'mustache' : 'bracket';
}

/**
 * The distinct fields of a template in document order (frontmatter first). Identical fields
 * share one entry listing all their occurrences, so each is asked once.
 */
export function templateFields(info: Pick<TemplateInfo, 'body'>): TemplateField[] {
  const byKey = new Map<string, TemplateField>();
  for (const f of scanTemplate(info.body).placeholders) {
    const text = info.body.slice(f.startOffset, f.endOffset);
    const key = flat(text);
    const span = { start: f.startOffset, end: f.endOffset };
    const known = byKey.get(key);
    if (known) {
      known.occurrences.push(span);
      continue;
    }
    const data = f.data?.kind === 'placeholder' ? f.data : undefined;
    const field: TemplateField = { key, text, name: flat(data?.name ?? text), kind: kindOf(data), occurrences: [span] };
    if (data?.choices) field.choices = data.choices;
    byKey.set(key, field);
  }
  return [...byKey.values()];
}

/** The distinct names of the template's closed `{{#if name}}` / `{{#unless name}}` blocks, in order. */
export function templateConditionals(info: Pick<TemplateInfo, 'body'>): string[] {
  const names: string[] = [];
  for (const f of scanTemplate(info.body).conditionals) {
    const d = f.data;
    if (d?.kind !== 'conditional' || !d.close || (d.helper !== 'if' && d.helper !== 'unless')) continue;
    if (!names.includes(d.name)) names.push(d.name);
  }
  return names;
}

/** The answer for a field, looked up by key then name; blank answers count as none. */
export function answerFor(field: TemplateField, values: Readonly<Record<string, string>> | undefined): string | undefined {
  if (!values) return undefined;
  const value = Object.prototype.hasOwnProperty.call(values, field.key) ? values[field.key] : Object.prototype.hasOwnProperty.call(values, field.name) ? values[field.name] : undefined;
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/**
 * The fields a user-given name refers to: `Partner`, `[Partner]`, `CLIENT_NAME`,
 * `Customer name or "Generic"` (exact match on name or key; whitespace collapsed).
 */
export function matchFields(fields: readonly TemplateField[], given: string): TemplateField[] {
  const g = flat(given);
  return fields.filter((f) => f.key === g || f.name === g);
}

/** Lowercase words of a name: `Partner Platform` → partner, platform; `CLIENT_NAME` → client, name. */
export function fieldWords(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const GENERIC_TAIL = new Set(['name', 'platform']);

/** The words that decide relatedness, or undefined for fields that relate to nothing. */
function relationKey(field: TemplateField): string | undefined {
  if (field.kind === 'date' || field.choices) return undefined;
  const words = fieldWords(field.name);
  if (words.length > 1 && GENERIC_TAIL.has(words[words.length - 1])) words.pop();
  return words.length > 0 && words.length <= 4 ? words.join(' ') : undefined;
}

/** Whether a field is written as a lowercase slug, as in paths and ids: `[partner-name]`. */
export function isSlugField(field: TemplateField): boolean {
  return field.kind === 'bracket' && /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(field.name);
}

/** A file-name and id friendly form: `Northwind Payments, Inc.` → `northwind-payments-inc`. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** A date as `YYYY-MM-DD` in the local time zone (callers pass their clock: `localDate(new Date())`). */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today's date written the way a date stub asks for it. */
export function dateFor(stub: string, today: string): string {
  const [y, m, d] = today.split('-');
  switch (stub) {
    case 'YYYY-MM':
      return `${y}-${m}`;
    case 'MM/DD/YYYY':
      return `${m}/${d}/${y}`;
    case 'DD/MM/YYYY':
      return `${d}/${m}/${y}`;
    default:
      return today;
  }
}

/**
 * Defaults for the fields not answered yet, keyed by field key: today's date for date stubs,
 * and for a field related to an answered one (see the module comment) that answer, or its
 * slug for a slug field. Call it again after each answer in a step-by-step flow.
 *
 * ```ts
 * suggestDefaults(fields, { '[Partner]': 'Northwind Payments' }, '2025-03-01')
 * // → { 'YYYY-MM-DD': '2025-03-01', '[Partner Platform]': 'Northwind Payments', '[partner]': 'northwind-payments', … }
 * ```
 */
export function suggestDefaults(fields: readonly TemplateField[], answers: Readonly<Record<string, string>>, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  const answeredByRelation = new Map<string, { field: TemplateField; value: string }>();
  for (const f of fields) {
    const value = answerFor(f, answers);
    const rel = relationKey(f);
    if (value !== undefined && rel !== undefined && !answeredByRelation.has(rel)) answeredByRelation.set(rel, { field: f, value });
  }
  for (const f of fields) {
    if (answerFor(f, answers) !== undefined) continue;
    if (f.kind === 'date') {
      out[f.key] = dateFor(f.name, today);
      continue;
    }
    const rel = relationKey(f);
    const source = rel === undefined ? undefined : answeredByRelation.get(rel);
    if (!source) continue;
    const value = isSlugField(f) && !isSlugField(source.field) ? slugify(source.value) : source.value;
    if (value !== '') out[f.key] = value;
  }
  return out;
}

/** Words that name who or what a document is for, in the order a file name prefers them. */
const SUBJECT_WORDS = ['customer', 'client', 'partner', 'project', 'integration'];

/**
 * A file name for a new document: the template id plus the slug of the first answered field
 * naming the customer, client, partner, project or integration (in that order of preference),
 * e.g. `integration-page-acme.md`; just `<id>.md` when none is answered.
 */
export function suggestFileName(info: Pick<TemplateInfo, 'id' | 'body'>, values: Readonly<Record<string, string>> = {}): string {
  const fields = templateFields(info).filter((f) => f.kind !== 'date' && !f.choices);
  for (const word of SUBJECT_WORDS) {
    for (const f of fields) {
      if (fieldWords(f.name)[0] !== word) continue;
      const value = answerFor(f, values);
      const slug = value === undefined ? '' : slugify(value);
      if (slug) return `${info.id}-${slug}.md`;
    }
  }
  return `${info.id}.md`;
}

/** `name` if it is free, else `name-2.md`, `name-3.md`, … (`exists` checks the caller's folder). */
export function uniqueFileName(name: string, exists: (candidate: string) => boolean): string {
  if (!exists(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!exists(candidate)) return candidate;
  }
}

/** Edit distance, for "did you mean" lists. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** Up to `count` names closest to `given` (case-insensitive edit distance, shared words first). */
export function closestNames(names: readonly string[], given: string, count = 3): string[] {
  const g = given.toLowerCase();
  const gWords = new Set(fieldWords(given));
  const score = (n: string) => distance(g, n.toLowerCase()) - (fieldWords(n).some((w) => gWords.has(w)) ? 100 : 0);
  return [...new Set(names)].map((n) => ({ n, s: score(n) })).sort((a, b) => a.s - b.s).slice(0, count).map((x) => x.n);
}
