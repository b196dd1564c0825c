/**
 * The fields and conditionals of a template or document, and the defaults offered while
 * filling them. Which occurrences share an answer is decided in `identity.ts` (the schema, else
 * identifier-like names); here fields are looked up by what people type and given defaults:
 * a schema `default`, today's date for a date stub, and for a field that derives from another
 * (`derivedFrom`) that field's answer — as a slug for a slug field. A name never takes a
 * slug's answer.
 */
import { readFrontmatter } from '../frontmatter';
import { buildFields, fieldWords, flat, isSlugName, resolveRef } from './identity';
import { scanTemplate } from './scan';
import type { TemplateField, TemplateInfo } from './types';
import { sortByStart } from '../spans';

export { fieldWords };

/**
 * The fields of a template in document order (frontmatter first): its schema's fields, else
 * one field per identifier-like text and one per occurrence of every other text.
 */
export function templateFields(info: Pick<TemplateInfo, 'body' | 'schema'>): TemplateField[] {
  return buildFields(info.body, info.schema ?? []);
}

/**
 * The remaining fields of an existing document, by the same identity rules. When its
 * frontmatter names a `template:` found in `templates`, that template's schema gives labels,
 * help, types and shared answers (occurrence numbers are ignored: filled fields shift them).
 */
export function documentFields(text: string, templates: readonly Pick<TemplateInfo, 'id' | 'schema'>[] = []): TemplateField[] {
  return buildFields(text, schemaOfDocument(text, templates) ?? [], false);
}

/** The schema of the template a document names in its frontmatter, if the caller knows it. */
export function schemaOfDocument(text: string, templates: readonly Pick<TemplateInfo, 'id' | 'schema'>[]): TemplateInfo['schema'] {
  if (templates.length === 0) return undefined;
  const id = readFrontmatter(text, [])?.data?.template;
  return typeof id === 'string' ? templates.find((t) => t.id === id)?.schema : undefined;
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

/** Whether a field covers every occurrence of its text (its key has no `#n`). */
function wholeText(field: TemplateField): boolean {
  return !/#\d+$/.test(field.key) || flat(field.text) === field.key;
}

/**
 * The answer for a field: by its key (`[Partner]`, `[X]#2`), or by its name (`Partner`) when
 * the field covers every occurrence of its text. Blank answers count as none.
 */
export function answerFor(field: TemplateField, values: Readonly<Record<string, string>> | undefined): string | undefined {
  if (!values) return undefined;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(values, k);
  const value = has(field.key) ? values[field.key] : wholeText(field) && has(field.name) ? values[field.name] : undefined;
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/**
 * The fields a user-given name refers to: `Partner`, `[Partner]`, `CLIENT_NAME`,
 * `Customer name or "Generic"`, or one occurrence `X#2` / `[X]#2` (whitespace collapsed).
 * More than one field means the name is ambiguous (see `describeAmbiguity`).
 */
export function matchFields(fields: readonly TemplateField[], given: string): TemplateField[] {
  const g = flat(given);
  const exact = fields.filter((f) => f.key === g || (wholeText(f) && f.name === g));
  if (exact.length) return exact;
  if (/#\d+$/.test(g)) {
    const groups = fieldGroupsOf(fields);
    const one = resolveRef(fields, groups, g);
    if (one) return [one];
  }
  const base = fields.filter((f) => flat(f.text) === g || f.name === g);
  return base;
}

/** Groups (text → spans) rebuilt from fields, for `resolveRef`. */
function fieldGroupsOf(fields: readonly TemplateField[]) {
  const byKey = new Map<string, { key: string; name: string; spans: { start: number; end: number }[] }>();
  for (const f of fields) {
    const key = flat(f.text);
    const g = byKey.get(key) ?? { key, name: f.name, spans: [] };
    g.spans.push(...f.occurrences);
    byKey.set(key, g);
  }
  for (const g of byKey.values()) sortByStart(g.spans);
  return [...byKey.values()].map((g) => ({ ...g, text: g.key, kind: 'bracket' as const, variable: false }));
}

/** The `NAME#n` a person types to target one field of an ambiguous name (`X#2`). */
export function occurrenceRef(field: TemplateField): string {
  const m = /#(\d+)$/.exec(field.key);
  return m && !wholeText(field) ? `${field.name}#${m[1]}` : field.name;
}

/**
 * Lines describing the fields an ambiguous name matched, one each with its target, line
 * (1-based), heading and label: `  X#2  line 504, under "Limits" — Partner API rate limit`.
 */
export function describeAmbiguity(matched: readonly TemplateField[]): string[] {
  const refs = matched.map(occurrenceRef);
  const width = Math.max(...refs.map((r) => r.length));
  return matched.map((f, i) => {
    const where = `line ${f.context.line + 1}${f.context.heading ? `, under "${f.context.heading}"` : ''}`;
    return `  ${refs[i].padEnd(width)}  ${where}${f.label !== f.name ? ` — ${f.label}` : ''}`;
  });
}

/** Whether a field is a slug, as in paths and ids (`[partner-name]`, or the schema's `type: slug`). */
export function isSlugField(field: Pick<TemplateField, 'type' | 'kind' | 'name'>): boolean {
  return field.type === 'slug' || (field.kind === 'bracket' && isSlugName(field.name) && field.type === undefined);
}

/** Today's date for a date stub as written, else the date itself. */
function dateDefault(field: TemplateField, today: string): string | undefined {
  if (field.kind === 'date') return dateFor(field.name, today);
  return field.type === 'date' && field.default === 'today' ? today : undefined;
}

/**
 * Defaults for the fields not answered yet, keyed by field key: the answer of the field it
 * derives from (slugified for a slug field), else its schema default, else today's date for a
 * date stub. Call it again after each answer in a step-by-step flow.
 *
 * ```ts
 * suggestDefaults(fields, { '[Partner]': 'Northwind Payments' }, '2025-03-01')
 * // → { 'YYYY-MM-DD#1': '2025-03-01', '[partner-name]': 'northwind-payments', … }
 * ```
 */
export function suggestDefaults(fields: readonly TemplateField[], answers: Readonly<Record<string, string>>, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const valueOf = (f: TemplateField, depth: number): string | undefined => {
    const given = answerFor(f, answers);
    if (given !== undefined) return given;
    const source = f.derivedFrom === undefined || depth > 4 ? undefined : byKey.get(f.derivedFrom);
    const derived = source && source.type !== 'slug' ? valueOf(source, depth + 1) : source ? answerFor(source, answers) : undefined;
    if (derived !== undefined) return f.type === 'slug' ? slugify(derived) : derived;
    if (f.default !== undefined && f.default !== 'today') return f.default;
    return dateDefault(f, today);
  };
  for (const f of fields) {
    if (answerFor(f, answers) !== undefined) continue;
    const value = valueOf(f, 0);
    if (value !== undefined && value !== '') out[f.key] = value;
  }
  return out;
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

/** Words that name who or what a document is for, in the order a file name prefers them. */
const SUBJECT_WORDS = ['customer', 'client', 'partner', 'project', 'integration'];

/**
 * A file name for a new document: the template id plus the slug of the first answered field
 * naming the customer, client, partner, project or integration (in that order of preference),
 * e.g. `integration-page-acme.md`; just `<id>.md` when none is answered.
 */
export function suggestFileName(info: Pick<TemplateInfo, 'id' | 'body' | 'schema'>, values: Readonly<Record<string, string>> = {}): string {
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
