/**
 * Field identity: which occurrences of a field text share one answer.
 *
 * With a schema (`schema.ts`) its entries decide. Without one (team templates, existing
 * documents), an answer is shared only where the text evidently names one variable:
 *
 * - an identifier-like name: `[SYSTEM_A]`, `[PROJECT_ID]`, `{{PLAN_LEVEL}}`, `{{ customer_name }}`,
 *   `[partner-name]`, `[customerName]` (words joined by `_` or `-`, camelCase, or any Mustache
 *   variable);
 * - everything else — `[X]`, `[URL]`, `[Scenario Name]`, `[SLA time]`, date stubs — is one field
 *   per occurrence, keyed `[X]#1`, `[X]#2`, … and shown with its heading and line.
 *
 * A field text that occurs once is one field either way, keyed by its text.
 */
import type { Span } from '../types';
import { scanTemplate, type TemplateScan } from './scan';
import type { FieldKind, FieldSpec, FieldType, SchemaError, TemplateField } from './types';

/** Collapses runs of whitespace (a field may wrap across lines). */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** All occurrences of one field text (whitespace collapsed), in document order. */
export interface FieldGroup {
  key: string;
  text: string;
  name: string;
  kind: FieldKind;
  choices?: string[];
  /** Whether the dialect reads it as a named variable (`[UPPER_SNAKE]`, `{{name}}`). */
  variable: boolean;
  spans: Span[];
}

/** A template field's kind, read from its finding's dialect row (`dialects.ts`): never from its text. */
export function templateKindOf(data: { dialect?: string; fieldKind?: string } | undefined): FieldKind {
  if (data?.fieldKind === 'date') return 'date';
  return data?.dialect === 'mustache' ? 'mustache' : 'bracket';
}

/** The scan's fields grouped by text, in order of first occurrence. */
export function fieldGroups(text: string, scan: TemplateScan = scanTemplate(text)): FieldGroup[] {
  const byKey = new Map<string, FieldGroup>();
  for (const f of scan.placeholders) {
    const raw = text.slice(f.startOffset, f.endOffset);
    const key = flat(raw);
    const span = { start: f.startOffset, end: f.endOffset };
    const known = byKey.get(key);
    if (known) {
      known.spans.push(span);
      continue;
    }
    const data = f.data?.kind === 'placeholder' ? f.data : undefined;
    const kind = templateKindOf(data);
    const group: FieldGroup = { key, text: raw, name: flat(data?.name ?? raw), kind, variable: data?.fieldKind === 'variable', spans: [span] };
    if (data?.choices) group.choices = data.choices;
    byKey.set(key, group);
  }
  return [...byKey.values()];
}

const IDENTIFIER = /^(?:[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+)$/;

/** Whether a field text evidently names one variable, so all its occurrences share one answer. */
export function isIdentifier(group: Pick<FieldGroup, 'name' | 'kind' | 'variable'>): boolean {
  if (group.kind === 'date') return false;
  return group.variable || group.kind === 'mustache' || IDENTIFIER.test(group.name);
}

/** Whether a field's name is written as a lowercase slug, as in paths and ids: `partner-name`. */
export function isSlugName(name: string): boolean {
  return /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(name);
}

/** The type a field has when no schema says: from its kind, choices and name. */
export function inferType(group: FieldGroup): FieldType {
  if (group.kind === 'date') return 'date';
  if (group.choices) return 'choice';
  if (group.kind === 'bracket' && isSlugName(group.name)) return 'slug';
  if (/\burls?$/i.test(group.name)) return 'url';
  if (/\b(?:paragraphs?|instructions|examples?)\b/i.test(group.name) || group.name.split(' ').length > 10) return 'multiline';
  return 'text';
}

/** Which entries of a schema are about this group: `name` is its name or its full text. */
export function specsFor(specs: readonly FieldSpec[], group: Pick<FieldGroup, 'key' | 'name'>): FieldSpec[] {
  return specs.filter((s) => flat(s.name) === group.key || flat(s.name) === group.name);
}

/** A field of `group` covering the occurrences `numbers` (1-based), described by `spec`. */
function makeField(source: string, group: FieldGroup, numbers: number[], spec: FieldSpec | undefined, scan: TemplateScan): TemplateField {
  const occurrences = numbers.map((n) => group.spans[n - 1]);
  const all = numbers.length === group.spans.length;
  const field: TemplateField = {
    key: all ? group.key : `${group.key}#${numbers[0]}`,
    text: source.slice(occurrences[0].start, occurrences[0].end),
    name: group.name,
    kind: group.kind,
    occurrences,
    label: spec?.label ?? group.name,
    type: spec?.type ?? inferType(group),
    shared: occurrences.length > 1,
    context: contextOf(scan, occurrences[0].start),
  };
  const choices = spec?.choices ?? group.choices;
  if (choices && field.type === 'choice') field.choices = choices;
  if (spec?.help) field.help = spec.help;
  if (spec?.default !== undefined) field.default = spec.default;
  return field;
}

/** The heading above an offset and the offset's 0-based line. */
export function contextOf(scan: Pick<TemplateScan, 'headings' | 'lineStarts'>, offset: number): { heading?: string; line: number } {
  let lo = 0;
  let hi = scan.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (scan.lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  let heading: string | undefined;
  for (const h of scan.headings) {
    if (h.start > offset) break;
    heading = h.text;
  }
  return heading === undefined ? { line: lo } : { heading, line: lo };
}

/**
 * The fields of one group: schema entries with `occurrences` first, then the rest — one field
 * when the rest is shared (the schema says so, or the name is an identifier), else one each.
 */
function groupFields(source: string, group: FieldGroup, specs: readonly FieldSpec[], scan: TemplateScan, useOccurrences: boolean): TemplateField[] {
  const mine = specsFor(specs, group);
  const claimed = new Set<number>();
  const out: TemplateField[] = [];
  for (const spec of mine) {
    if (!spec.occurrences || !useOccurrences) continue;
    const numbers = spec.occurrences.filter((n) => n <= group.spans.length && !claimed.has(n));
    numbers.forEach((n) => claimed.add(n));
    if (numbers.length) out.push(makeField(source, group, numbers, spec, scan));
  }
  const rest = group.spans.map((_, i) => i + 1).filter((n) => !claimed.has(n));
  const restSpec = mine.find((s) => !s.occurrences);
  if (rest.length === 0) return out;
  const shared = restSpec?.shared ?? isIdentifier(group);
  if (shared) out.push(makeField(source, group, rest, restSpec, scan));
  else for (const n of rest) out.push(makeField(source, group, [n], restSpec, scan));
  return out;
}

/**
 * The fields of a text (a template body or a document), in document order. `specs` is the
 * template's schema; `useOccurrences` is false for documents, whose occurrence numbers no
 * longer match the template's once some fields are filled.
 */
export function buildFields(text: string, specs: readonly FieldSpec[] = [], useOccurrences = true): TemplateField[] {
  const scan = scanTemplate(text);
  const groups = fieldGroups(text, scan);
  const fields = groups.flatMap((g) => groupFields(text, g, specs, scan, useOccurrences));
  fields.sort((a, b) => a.occurrences[0].start - b.occurrences[0].start);
  linkDerived(fields, groups, specs);
  return fields;
}

/** Sets `derivedFrom`: the schema's, else a slug field's related name field (see `relatedSource`). */
function linkDerived(fields: TemplateField[], groups: readonly FieldGroup[], specs: readonly FieldSpec[]): void {
  for (const field of fields) {
    const group = groups.find((g) => g.key === flat(field.text));
    const spec = group && specsFor(specs, group).find((s) => specCovers(s, field, group));
    const source = spec?.derivedFrom ? resolveRef(fields, groups, spec.derivedFrom) : specs.length ? undefined : relatedSource(fields, field);
    if (source && source !== field) field.derivedFrom = source.key;
  }
}

/** Whether a schema entry describes this field (same text, and its occurrences if it names some). */
function specCovers(spec: FieldSpec, field: TemplateField, group: FieldGroup): boolean {
  const first = group.spans.findIndex((s) => s.start === field.occurrences[0].start) + 1;
  return spec.occurrences ? spec.occurrences.includes(first) : true;
}

/**
 * The field a reference names: `Partner`, `[Partner]`, `X#2` / `[X]#2` (the field holding that
 * occurrence). Undefined when it names none, or several.
 */
export function resolveRef(fields: readonly TemplateField[], groups: readonly FieldGroup[], ref: string): TemplateField | undefined {
  const m = /^(.*?)#(\d+)$/.exec(flat(ref));
  const base = m ? m[1].trim() : flat(ref);
  const group = groups.filter((g) => g.key === base || g.name === base);
  if (group.length !== 1) return undefined;
  const g = group[0];
  if (m) {
    const span = g.spans[Number(m[2]) - 1];
    return span ? fields.find((f) => f.occurrences.some((o) => o.start === span.start)) : undefined;
  }
  const candidates = fields.filter((f) => flat(f.text) === g.key);
  return candidates.length === 1 ? candidates[0] : undefined;
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

/** The words that decide relatedness: one trailing `name` or `platform` dropped. */
export function relationKey(field: Pick<TemplateField, 'name' | 'type'>): string | undefined {
  if (field.type === 'date' || field.type === 'choice') return undefined;
  const words = fieldWords(field.name);
  if (words.length > 1 && GENERIC_TAIL.has(words[words.length - 1])) words.pop();
  return words.length > 0 && words.length <= 4 ? words.join(' ') : undefined;
}

/**
 * Without a schema, a slug field (`[partner-name]`) derives from the first field of the same
 * words that is not a slug (`[Partner]`), and an identifier from the first identifier-like
 * field of the same words written otherwise (`{{CLIENT_NAME}}` from `[CLIENT_NAME]`). A name
 * never derives from a slug, and a descriptive field derives from nothing.
 */
function relatedSource(fields: readonly TemplateField[], field: TemplateField): TemplateField | undefined {
  const rel = relationKey(field);
  if (rel === undefined) return undefined;
  const slug = field.type === 'slug';
  if (!slug && !isIdentifier({ name: field.name, kind: field.kind, variable: false })) return undefined;
  return fields.find((f) => f !== field && f.type !== 'slug' && relationKey(f) === rel && (slug || flat(f.text) !== flat(field.text)) && fields.indexOf(f) < fields.indexOf(field));
}

/**
 * Whether a schema fits a template: every entry names a field of `body` (and only one field
 * text), its occurrences exist and no two entries claim one, a choice has choices, and
 * `derivedFrom` names a field that is not a slug unless this field is one too.
 */
export function checkSchema(specs: readonly FieldSpec[], body: string): SchemaError[] {
  const groups = fieldGroups(body);
  const errors: SchemaError[] = [];
  const claims = new Map<string, Set<number | 'rest'>>();
  for (const spec of specs) {
    const problem = checkSpec(spec, groups, claims);
    if (problem) errors.push({ line: spec.line, message: `field "${spec.name}": ${problem}` });
  }
  if (errors.length) return errors;
  const fields = buildFields(body, specs);
  for (const spec of specs) {
    if (!spec.derivedFrom) continue;
    const problem = checkDerived(spec, fields, groups);
    if (problem) errors.push({ line: spec.line, message: `field "${spec.name}": ${problem}` });
  }
  return errors;
}

function checkSpec(spec: FieldSpec, groups: readonly FieldGroup[], claims: Map<string, Set<number | 'rest'>>): string | undefined {
  const matched = groups.filter((g) => specsFor([spec], g).length > 0);
  if (matched.length === 0) return `no field of the template has this name (write its text without brackets, e.g. \`Partner\` for \`[Partner]\`)`;
  if (matched.length > 1) return `names ${matched.map((g) => g.key).join(' and ')}; write the full text to pick one`;
  const g = matched[0];
  const taken = claims.get(g.key) ?? new Set<number | 'rest'>();
  claims.set(g.key, taken);
  for (const n of spec.occurrences ?? ['rest' as const]) {
    if (typeof n === 'number' && n > g.spans.length) return `${g.key} occurs ${g.spans.length} time${g.spans.length === 1 ? '' : 's'}; there is no occurrence ${n}`;
    if (taken.has(n)) return n === 'rest' ? `${g.key} is described twice; give each entry its \`occurrences\`` : `occurrence ${n} of ${g.key} is in two entries`;
    taken.add(n);
  }
  if (spec.type === 'choice' && !spec.choices && !g.choices) return '`type: choice` needs `choices` (the field text is not a choice list)';
  return undefined;
}

function checkDerived(spec: FieldSpec, fields: readonly TemplateField[], groups: readonly FieldGroup[]): string | undefined {
  const source = resolveRef(fields, groups, spec.derivedFrom as string);
  if (!source) return `\`derivedFrom: ${spec.derivedFrom}\` names no single field (use the name, or name#n for one occurrence)`;
  const group = groups.find((g) => specsFor([spec], g).length > 0) as FieldGroup;
  const own = fields.filter((f) => flat(f.text) === group.key && specCovers(spec, f, group));
  if (own.includes(source)) return 'a field cannot derive from itself';
  if (source.type === 'slug' && own.some((f) => f.type !== 'slug')) return `a name never derives from a slug: \`${spec.derivedFrom}\` is a slug`;
  return undefined;
}
