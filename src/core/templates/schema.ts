/**
 * The field schema a template may declare in its frontmatter, under `fields:` (README, "Field
 * schema"). It says what each field is (label, help, type, choices, default), which field's
 * answer a slug derives from, and which occurrences of a field text share one answer:
 *
 * ```yaml
 * fields:
 *   - name: Partner                 # the text without brackets, or in full: "[Partner]"
 *     label: Partner name
 *     help: The partner's product name as customers know it
 *     shared: true                  # every occurrence gets this one answer
 *   - name: partner-name
 *     type: slug
 *     derivedFrom: Partner          # its default is the slug of the Partner answer
 *   - name: X
 *     occurrences: [1]              # only the first [X]; the others are entries of their own
 *     label: Setup time (minutes)
 *     type: number
 * ```
 *
 * The schema stays in the template: it is cut out of the template's body, so a document made
 * from the template carries only `template` and `template_version`.
 */
import type { Node, Pair } from 'yaml';
import { isMap, isScalar, isSeq } from '../yaml';
import { readFrontmatter, type Frontmatter } from '../frontmatter';
import { FIELD_SCHEMA_KEY } from '../schema-skim';
import { checkSchema } from './identity';
import { FIELD_TYPES, type FieldSpec, type FieldType, type SchemaError, type TemplateInfo } from './types';

/** The frontmatter key of the schema. */
export const SCHEMA_KEY = FIELD_SCHEMA_KEY;

const SPEC_KEYS = ['name', 'label', 'help', 'type', 'choices', 'default', 'derivedFrom', 'shared', 'occurrences'] as const;

/** What `readSchema` found: the entries, the problems, and the lines to cut from the template. */
export interface SchemaRead {
  specs: FieldSpec[];
  errors: SchemaError[];
  /** The `fields:` entry's whole lines (offsets in the text), when there is one. */
  cut?: { start: number; end: number };
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Reads and checks the shape of `fields:` in a template's frontmatter (not yet whether the fields exist). */
export function readSchema(text: string): SchemaRead {
  const fm = readFrontmatter(text, []);
  const pair = fm?.doc && isMap(fm.doc.contents) ? fm.doc.contents.items.find((p) => isScalar(p.key) && p.key.value === SCHEMA_KEY) : undefined;
  if (!fm || !pair) return { specs: [], errors: [] };
  const at = (node: unknown) => lineAt(text, fm.base + ((node as Node | undefined)?.range?.[0] ?? 0));
  const out: SchemaRead = { specs: [], errors: [], cut: cutSpan(text, fm, pair) };
  const value = pair.value as Node | null;
  if (!isSeq(value)) {
    out.errors.push({ line: at(pair.key), message: '`fields` must be a list of fields (`- name: …`)' });
    return out;
  }
  for (const item of value.items) {
    const spec = readSpec(item as Node, at, out.errors);
    if (spec) out.specs.push(spec);
  }
  return out;
}

/** The whole lines of the `fields:` entry, from its key to the end of its value. */
function cutSpan(text: string, fm: Frontmatter, pair: Pair): { start: number; end: number } {
  const key = pair.key as Node;
  const start = text.lastIndexOf('\n', fm.base + (key.range?.[0] ?? 0) - 1) + 1;
  const valueEnd = fm.base + ((pair.value as Node | null)?.range?.[1] ?? key.range?.[1] ?? 0);
  const nl = text.indexOf('\n', Math.max(start, valueEnd - 1));
  return { start, end: Math.min(nl === -1 ? text.length : nl + 1, fm.content.end) };
}

type LineOf = (node: unknown) => number;

/** One entry: a mapping, or a bare name (`- Author name`). */
function readSpec(item: Node, at: LineOf, errors: SchemaError[]): FieldSpec | undefined {
  if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
    return { name: String(item.value), line: at(item) };
  }
  if (!isMap(item)) {
    errors.push({ line: at(item), message: 'a field must be a mapping with a `name` (or just the name)' });
    return undefined;
  }
  const spec: Partial<FieldSpec> & { line: number } = { line: at(item) };
  const before = errors.length;
  for (const p of item.items) {
    const key = isScalar(p.key) ? String(p.key.value) : '';
    const read = (SPEC_KEYS as readonly string[]).includes(key) ? READERS[key as keyof typeof READERS] : undefined;
    if (!read) {
      errors.push({ line: at(p.key), message: `unknown key \`${key}\` in a field (known: ${SPEC_KEYS.join(', ')})` });
      continue;
    }
    const problem = read(spec, p.value as Node | null);
    if (problem) errors.push({ line: at(p.value ?? p.key), message: `\`${key}\`: ${problem}` });
  }
  if (spec.name === undefined) errors.push({ line: spec.line, message: 'a field needs a `name`: its text without brackets, e.g. `name: Partner`' });
  if (spec.shared !== undefined && spec.occurrences) errors.push({ line: spec.line, message: `field "${spec.name}": give \`shared\` or \`occurrences\`, not both` });
  if (spec.choices && spec.type === undefined) spec.type = 'choice';
  if (spec.choices && spec.type !== 'choice') errors.push({ line: spec.line, message: `field "${spec.name}": \`choices\` need \`type: choice\`` });
  if (spec.default !== undefined && spec.choices && !spec.choices.includes(spec.default)) {
    errors.push({ line: spec.line, message: `field "${spec.name}": default "${spec.default}" is not one of its choices (${spec.choices.join(', ')})` });
  }
  return errors.length === before && spec.name !== undefined ? (spec as FieldSpec) : undefined;
}

function scalarText(node: Node | null): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

type Reader = (spec: Partial<FieldSpec>, node: Node | null) => string | undefined;

const text = (key: 'name' | 'label' | 'help' | 'default' | 'derivedFrom'): Reader => (spec, node) => {
  const v = scalarText(node)?.trim();
  if (!v) return 'must be a non-empty text';
  spec[key] = v;
  return undefined;
};

const READERS: Record<(typeof SPEC_KEYS)[number], Reader> = {
  name: text('name'),
  label: text('label'),
  help: text('help'),
  default: text('default'),
  derivedFrom: text('derivedFrom'),
  type(spec, node) {
    const v = scalarText(node);
    if (!v || !(FIELD_TYPES as readonly string[]).includes(v)) return `must be one of ${FIELD_TYPES.join(', ')}; got ${JSON.stringify(v ?? null)}`;
    spec.type = v as FieldType;
    return undefined;
  },
  choices(spec, node) {
    const list = isSeq(node) ? node.items.map((n) => scalarText(n as Node)?.trim()) : [];
    if (list.length === 0 || list.some((c) => !c)) return 'must be a non-empty list of texts, e.g. [Beginner, Advanced]';
    spec.choices = list as string[];
    return undefined;
  },
  shared(spec, node) {
    if (!isScalar(node) || typeof node.value !== 'boolean') return 'must be true or false';
    spec.shared = node.value;
    return undefined;
  },
  occurrences(spec, node) {
    const list = isSeq(node) ? node.items.map((n) => (isScalar(n) ? n.value : undefined)) : [];
    if (list.length === 0 || list.some((n) => typeof n !== 'number' || !Number.isInteger(n) || n < 1)) return 'must be a list of occurrence numbers from 1, e.g. [1, 3]';
    if (new Set(list).size !== list.length) return 'lists an occurrence twice';
    spec.occurrences = (list as number[]).sort((a, b) => a - b);
    return undefined;
  },
};

/** A template's text without its `fields:` lines, and without its frontmatter when nothing else was in it. */
export function stripSchema(text: string, read: SchemaRead): string {
  if (!read.cut) return text;
  const out = text.slice(0, read.cut.start) + text.slice(read.cut.end);
  const fm = readFrontmatter(out, []);
  if (!fm || out.slice(fm.content.start, fm.content.end).trim() !== '') return out;
  return out.slice(fm.block.end).replace(/^\r?\n/, '');
}

/** `file:line: message` lines for schema errors. */
export function formatSchemaErrors(file: string, errors: readonly SchemaError[]): string[] {
  return errors.map((e) => `${file}:${e.line}: ${e.message}`);
}

/**
 * A template with its schema read and cut out of its body (`schema` set when it declares one),
 * plus the problems found: the schema's shape (`readSchema`) and whether it fits the template's
 * fields (`checkSchema`).
 */
export function withSchema<T extends TemplateInfo>(info: T, check = true): { template: T; errors: SchemaError[] } {
  const read = readSchema(info.body);
  if (!read.cut) return { template: info, errors: [] };
  const body = stripSchema(info.body, read);
  const errors = [...read.errors, ...(check ? checkSchema(read.specs, body) : [])].sort((a, b) => a.line - b.line);
  return { template: { ...info, body, schema: read.specs }, errors };
}
