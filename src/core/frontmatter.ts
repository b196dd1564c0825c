/**
 * YAML frontmatter: where it is, what it says (with source spans for every value), and the
 * field candidates in its values. Parsed with the `yaml` library, which reports error spans.
 */
import type { Node as YamlNode, Document } from 'yaml';
import { parseDocument, cstParser, isMap, isSeq, isScalar, isPair, visit } from './yaml';
import type { Span } from './types';
import { frontmatterBlock } from './parse';
import { scanDates, scanProse, scanPatterns, fieldHit, type FieldHit } from './grammar';
import { MAX_YAML_DEPTH, yamlTooDeep } from './limits';
import { FIELD_SCHEMA_KEY, skimFieldSchema } from './schema-skim';
import { said, type Message } from './messages';
import { letters } from './letters';
import { sortByStart } from './spans';

/** A YAML problem, with its span in the document. */
export interface YamlProblem extends Span {
  /** In English; `l10n`: the same as a catalogue message (`messages.ts`). */
  message: string;
  l10n: Message;
}

/** The frontmatter block of a document. */
export interface Frontmatter {
  /** The whole block, delimiters included. */
  block: Span;
  /** The YAML between the delimiters. */
  content: Span;
  /** `true` when the closing delimiter is missing. */
  unterminated: boolean;
  /** The parsed value (a plain object when it is a mapping); undefined when YAML is broken. */
  data: Record<string, unknown> | undefined;
  /** The YAML problem, if any: the first syntax error (only it is reported), or why there is no value. */
  errors: YamlProblem[];
  /** The parsed document, for spans of individual values. */
  doc: Document | undefined;
  /** Offset of the content in the document, to turn YAML ranges into document spans. */
  base: number;
  /** The YAML source (the text of `content`). */
  source: string;
  fields: FieldHit[];
  /**
   * YAML comments that are suppression directives (`# integration-docs-disable-next-line …`),
   * in document offsets; `body` is the text after `#`. Other comments are not collected.
   */
  directives: (Span & { body: string })[];
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Whether the closing `---` that CLOSE found at `at` in `rest` (the text after the opening fence
 * line) starts a line as micromark reads lines (after `\n` or `\r`). Then remark-frontmatter
 * reads the block as frontmatter: its opening fence is OPEN's, and its content runs to the first
 * line that is `---` and blanks, which is CLOSE's first match. JavaScript's `^` also matches
 * after U+2028 and U+2029, which micromark reads as text: those cases are left to the parser.
 */
function closesAtLineStart(rest: string, at: number): boolean {
  if (at === 0) return true;
  const before = rest.charCodeAt(at - 1);
  return before === 10 || before === 13;
}

/** Whether `text` opens with a frontmatter fence line (what it then holds decides whether it is frontmatter). */
export function opensFrontmatter(text: string): boolean {
  return OPEN.test(text);
}

/**
 * Finds and parses the frontmatter at the start of `text`, if any. With `shared`, the parsed
 * `doc` and `data` may be shared with other calls on the same YAML: the caller must not change them.
 */
export function readFrontmatter(text: string, patterns: readonly RegExp[], shared = false): Frontmatter | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const contentStart = open[0].length;
  CLOSE.lastIndex = 0;
  const rest = text.slice(contentStart);
  const close = CLOSE.exec(rest);
  if (!close) {
    if (!/^[\w-]+:/m.test(rest.split('\n', 3).join('\n'))) return undefined;
    return unclosedBlock(text, contentStart, open[0].trimEnd().length, patterns);
  }
  const contentEnd = contentStart + close.index;
  let blockEnd = contentEnd + close[0].length;
  // remark-frontmatter decides whether `---` … `---` is frontmatter (YAML's `...` end marker too).
  if (close[0].startsWith('---') && !closesAtLineStart(rest, close.index) && !frontmatterBlock(text.slice(0, blockEnd))) return undefined;
  if (text[blockEnd] === '\r') blockEnd++;
  if (text[blockEnd] === '\n') blockEnd++;
  return parseBlock(text, { start: 0, end: blockEnd }, { start: contentStart, end: contentEnd }, patterns, shared);
}

/**
 * A line an unclosed frontmatter block is taken to go on with: a `key:` (plain or quoted key),
 * a `- item`, or an indented continuation. A blank line, a `# heading` (never read as a YAML
 * comment here) or any other line ends the block.
 */
const YAML_LINE = /^(?:[\w-][\w .-]*:(?:[ \t]|$)|"[^"]*"[ \t]*:(?:[ \t]|$)|'[^']*'[ \t]*:(?:[ \t]|$)|-(?:[ \t]|$)|[ \t]+\S)/;

/**
 * An opening `---` with no closing line. The block is the run of YAML-looking lines after it
 * (leading blank lines included); the body starts at the first line that is not one, so a
 * missing `---` costs one error and never hides the document. The YAML read so far is still
 * scanned for fields; it is not otherwise checked.
 */
function unclosedBlock(text: string, contentStart: number, openEnd: number, patterns: readonly RegExp[]): Frontmatter {
  let end = contentStart;
  let seenYaml = false;
  while (end < text.length) {
    const nl = text.indexOf('\n', end);
    const next = nl === -1 ? text.length : nl + 1;
    const line = text.slice(end, nl === -1 ? text.length : nl).replace(/\r$/, '');
    if (line.trim() === '') {
      if (seenYaml) break;
    } else if (YAML_LINE.test(line)) {
      seenYaml = true;
    } else {
      break;
    }
    end = next;
  }
  const content = { start: contentStart, end };
  const fm = parseBlock(text, { start: 0, end }, content, patterns);
  return {
    ...fm,
    unterminated: true,
    data: undefined,
    doc: undefined,
    errors: [{ start: 0, end: openEnd, ...said('frontmatterNotClosed') }],
  };
}

function parseBlock(text: string, block: Span, content: Span, patterns: readonly RegExp[], shared = false): Frontmatter {
  const source = text.slice(content.start, content.end);
  const fm: Frontmatter = { block, content, unterminated: false, data: undefined, errors: [], doc: undefined, base: content.start, source, fields: [], directives: [] };
  // A source read before was not too deep: only sources that are not are read (and kept).
  const cached = shared ? cachedYaml(source) : undefined;
  const tooDeep = cached ? -1 : yamlTooDeep(source);
  if (tooDeep !== -1) {
    fm.errors.push({ start: content.start + tooDeep, end: content.start + tooDeep + 1, ...said('frontmatterTooDeep', MAX_YAML_DEPTH) });
    return fm;
  }
  fm.directives = directiveComments(source, content.start);
  const read = cached ?? (shared ? sharedYaml(source) : readYaml(source));
  fm.doc = read.doc;
  fm.data = read.data;
  for (const e of read.errors) fm.errors.push({ ...e, start: content.start + e.start, end: content.start + e.end });
  if (read.doc) fm.fields = valueFields(text, read.doc, content.start, patterns);
  return fm;
}

/** What the `yaml` library reads in a frontmatter's source; spans are offsets in the source. */
interface YamlRead {
  doc: Document | undefined;
  data: Record<string, unknown> | undefined;
  errors: YamlProblem[];
}

/**
 * DocFX's overwrite marker, `summary: *content` (the text below the block becomes the value): an
 * alias in YAML, whose anchor no frontmatter defines. Many published SDK READMEs open with one.
 */
const DOCFX_CONTENT = /^([ \t]*[\w.-]+:[ \t]+)\*content([ \t]*\r?)$/gm;

/** `source` with each DocFX marker blanked (offsets kept) unless the frontmatter anchors `&content` itself. */
function withoutDocfxMarkers(source: string): string {
  if (!source.includes('*content') || source.includes('&content')) return source;
  return source.replace(DOCFX_CONTENT, (_m, key: string, end: string) => `${key}        ${end}`);
}

function readYaml(source: string): YamlRead {
  const whole: Span = { start: 0, end: source.length };
  let doc: Document;
  try {
    // logLevel 'error': errors still land in doc.errors, but no warning goes to the process
    // (`[a key]: x` would otherwise print one from toJS).
    doc = parseDocument(withoutDocfxMarkers(source), { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch (e) {
    return { doc: undefined, data: undefined, errors: [{ start: 0, end: 0, ...said('frontmatterUnreadable', String(e)) }] };
  }
  const read: YamlRead = { doc, data: undefined, errors: [] };
  // Only the first is reported: a template's head that is not YAML yet can hold hundreds.
  const first = doc.errors[0];
  if (first) read.errors.push({ start: first.pos[0], end: Math.max(first.pos[1], first.pos[0]), ...yamlMessage(first.message) });
  if (read.errors.length > 0) return read;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (e) {
    // An alias with no anchor (`path: */sources/a.md`) or too many aliases: parsed, but no value.
    read.errors.push({ ...aliasSpan(doc, whole), ...yamlMessage(e instanceof Error ? e.message : String(e)) });
    return read;
  }
  read.data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  // Prose between two rules (`---` / `NodeJS Driver for Snowflake` / `---`, a title or a notice
  // some READMEs set off so) is no YAML meant as frontmatter; a list or a number is a mistake to report.
  const proseBetweenRules = typeof value === 'string' && value.trim().split(/\s+/).length >= 3;
  if (value !== null && value !== undefined && read.data === undefined && !proseBetweenRules) read.errors.push({ ...whole, ...said('frontmatterNotMapping') });
  return read;
}

/**
 * Recent YAML reads by source, for the linter: documents made from one template share their
 * frontmatter, and reading it (often not YAML yet: `[Customer name]` fields) was a third of
 * linting a folder of them. Callers that take a shared read never change its `doc` or `data`.
 */
const recentYaml = new Map<string, YamlRead>();
const RECENT_YAML = 32;

function sharedYaml(source: string): YamlRead {
  const cached = cachedYaml(source);
  if (cached) return cached;
  const read = readSkimmed(source) ?? readYaml(source);
  if (recentYaml.size >= RECENT_YAML) recentYaml.delete(recentYaml.keys().next().value as string);
  recentYaml.set(source, read);
  return read;
}

/**
 * The linter's read of a frontmatter that holds a template's field schema: the schema's value
 * from `js-yaml`, the rest from `yaml` (`schema-skim.ts`). Undefined — read it whole — when the
 * rest has a problem, so the first one reported is the one a whole read reports.
 */
function readSkimmed(source: string): YamlRead | undefined {
  const skim = skimFieldSchema(source);
  if (!skim) return undefined;
  const read = readYaml(skim.rest.text);
  // The rest read as a block mapping whose schema key is now empty, as the skim took it.
  if (read.errors.length > 0 || read.data?.[FIELD_SCHEMA_KEY] !== null || !isMap(read.doc?.contents) || read.doc.contents.flow) return undefined;
  read.data[FIELD_SCHEMA_KEY] = skim.value;
  moveOffsets(read.doc, skim.rest.at, skim.rest.removed);
  return read;
}

/**
 * Moves every offset of `doc` at or after `at` by `by`: the tree of a text cut at `at` then
 * holds the offsets of the whole text. Node ranges are all the core reads of a tree's places
 * (its source tokens are not kept); a range array shared by two nodes moves once.
 */
function moveOffsets(doc: Document, at: number, by: number): void {
  const ranges = new Set<number[]>();
  if (doc.range) ranges.add(doc.range);
  visit(doc, {
    Node(_key, node) {
      if (node.range) ranges.add(node.range);
    },
  });
  for (const range of ranges) {
    for (let i = 0; i < range.length; i++) if (range[i] >= at) range[i] += by;
  }
}

/** The shared read of `source` if it is among the recent ones (then it becomes the most recent). */
function cachedYaml(source: string): YamlRead | undefined {
  const read = recentYaml.get(source);
  if (!read) return undefined;
  recentYaml.delete(source);
  recentYaml.set(source, read);
  return read;
}

/** A CST token of the `yaml` parser that is a comment. */
interface CommentToken {
  type: 'comment';
  offset: number;
  source: string;
}

function isCommentToken(t: object): t is CommentToken {
  const c = t as Partial<CommentToken>;
  return c.type === 'comment' && typeof c.offset === 'number' && typeof c.source === 'string';
}

/**
 * The suppression directives among the YAML comments, read from the `yaml` library's concrete
 * syntax tree (so a `#` inside a quoted or block scalar is never taken for a comment). Only
 * looked for when the source names a directive at all; nesting is already bounded.
 */
function directiveComments(source: string, base: number): (Span & { body: string })[] {
  if (!source.includes('integration-docs-')) return [];
  const out: (Span & { body: string })[] = [];
  const walk = (t: unknown): void => {
    if (Array.isArray(t)) {
      for (const item of t) walk(item);
    } else if (t && typeof t === 'object') {
      if (isCommentToken(t)) {
        const body = t.source.slice(1).trim();
        if (body.startsWith('integration-docs-')) out.push({ start: base + t.offset, end: base + t.offset + t.source.length, body });
        return;
      }
      for (const value of Object.values(t)) if (value && typeof value === 'object') walk(value);
    }
  };
  try {
    for (const token of cstParser().parse(source)) walk(token);
  } catch {
    return [];
  }
  return sortByStart(out);
}

/** Span of the first alias whose anchor is not set before it, else the whole content. */
function aliasSpan(doc: Document, content: Span): Span {
  let span: Span = { start: content.start, end: content.end };
  visit(doc, {
    Alias(_key, node) {
      if (node.range && node.resolve(doc) === undefined) {
        span = { start: content.start + node.range[0], end: content.start + node.range[1] };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return span;
}

function yamlMessage(raw: string): ReturnType<typeof said> {
  const first = raw.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return said('frontmatterInvalidYaml', first);
}

/**
 * A template's field schema (`fields:` at the top level, a list of entries with a `name`; see
 * `templates/schema.ts`): it describes fields, so its values are not fields themselves.
 */
function isFieldSchema(pair: unknown, depth: number): boolean {
  if (depth !== 2 || !isPair(pair) || !isScalar(pair.key) || pair.key.value !== FIELD_SCHEMA_KEY || !isSeq(pair.value)) return false;
  return pair.value.items.some((item) => isMap(item) && item.has('name'));
}

/**
 * The key an agent command's frontmatter gives the synopsis of its arguments in, not text to
 * fill: `argument-hint: "[issue-number] [--draft]"`. Its brackets are optional arguments.
 */
const SYNOPSIS_KEY = /^argument[-_]hint$/i;

function isSynopsis(pair: unknown): boolean {
  return isPair(pair) && isScalar(pair.key) && SYNOPSIS_KEY.test(String(pair.key.value));
}

/** Field candidates in the frontmatter's scalar values (not keys), outside a template's field schema and synopses. */
function valueFields(text: string, doc: Document, base: number, patterns: readonly RegExp[]): FieldHit[] {
  const out: FieldHit[] = [];
  visit(doc, {
    Pair(_key, node, path) {
      return isFieldSchema(node, path.length) || isSynopsis(node) ? visit.SKIP : undefined;
    },
    Scalar(key, node, path) {
      if (key === 'key' || !node.range) return;
      const span = { start: base + node.range[0], end: base + node.range[1] };
      const parentKey = keyOf(path[path.length - 1]);
      scanProse(text, span, linkMasks(text, span), out, [], 'frontmatter');
      const whole = typeof node.value === 'string' && /^\S+$/.test(node.value);
      if (!/format|pattern/i.test(parentKey)) scanDates(text, span, [], out, whole);
      scanPatterns(text, span, [], patterns, out);
    },
    Seq(key, node) {
      if (key !== 'key') flowField(text, node, base, out);
    },
    Map(key, node) {
      if (key !== 'key') flowField(text, node, base, out);
    },
  });
  return sortByStart(out);
}

/**
 * A `{{name}}` field a YAML formatter rewrote as the flow mapping it reads as, `{ { name } }`
 * (Prettier does, on a template's frontmatter): still the template's field.
 */
const REFORMATTED_MUSTACHE = letters`^\{ ?\{ *([\p{L}_][\p{L}\d_.-]*) *\} ?\}$`;

/**
 * An unquoted field that YAML reads as a flow collection: `title: [Partner Name]`,
 * `status: [STATUS]`, `name: {{ customer_name }}`, `date: {YYYY-MM-DD when it was decided}`,
 * `user: { { user_name } }` (`REFORMATTED_MUSTACHE`).
 * The collection counts as one field when its
 * whole source, read as prose, is exactly one field, and — for `[…]` — it holds one plain item
 * with no comma that contains a space or is an ALL-CAPS name. One-word lists stay lists:
 * `tags: [payments]`, `tags: [payments, webhooks]`, `sources: [/a.md, /b.md]`.
 */
function flowField(text: string, node: YamlNode, base: number, out: FieldHit[]): void {
  if (!(isSeq(node) || isMap(node)) || !node.flow || !node.range) return;
  const span = { start: base + node.range[0], end: base + node.range[1] };
  const source = text.slice(span.start, span.end);
  if (source.includes('\n')) return;
  if (isSeq(node)) {
    if (!source.startsWith('[') || !source.endsWith(']') || source.includes(',') || node.items.length !== 1) return;
    const item = node.items[0];
    if (!isScalar(item) || item.type !== 'PLAIN') return;
    const inner = source.slice(1, -1).trim();
    if (!/\s/.test(inner) && !/^[A-Z][A-Z0-9_]*$/.test(inner)) return;
  } else if (!source.startsWith('{') || !source.endsWith('}')) {
    return;
  } else {
    const reformatted = REFORMATTED_MUSTACHE.exec(source);
    if (reformatted) {
      out.push(fieldHit({ start: span.start, end: span.end, text: source }, 'mustache', { kind: 'variable', name: reformatted[1] }));
      return;
    }
  }
  const hits: FieldHit[] = [];
  scanProse(text, span, [], hits, [], 'frontmatter');
  if (hits.length === 1 && hits[0].start === span.start && hits[0].end === span.end) {
    // The whole value is the field; a label the bracket would resolve through is not the value's.
    const hit = fieldHit(hits[0], hits[0].dialect, hits[0]);
    hit.refLabel = undefined;
    out.push(hit);
  }
}

/** Inline links written in a value (`Read [the guide](https://…)`) are links, not fields. */
function linkMasks(text: string, span: Span): Span[] {
  const masks: Span[] = [];
  const re = /!?\[[^[\]\n]*\]\([^\s()]*(?:\s+"[^"\n]*")?\)/g;
  const value = text.slice(span.start, span.end);
  for (let m = re.exec(value); m; m = re.exec(value)) masks.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  return masks;
}

function keyOf(parent: unknown): string {
  if (isPair(parent) && isScalar(parent.key)) return String(parent.key.value);
  return '';
}

/** Values `status` takes in an integration doc. */
export const STATUSES = ['outline', 'draft', 'final'] as const;

/**
 * Whether the frontmatter is an integration doc's, whose `status`, `sources` and `outline` this
 * project defines — not another tool's keys of the same name (an agent skill's `sources:` list of
 * strings, a decision record's `status: accepted`). It is when it names a template or an outline,
 * has one of our statuses (or a field there), or declares a source as a mapping (`path`, `purpose`).
 */
export function isIntegrationFrontmatter(fm: Frontmatter): boolean {
  if (!fm.data) return false;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(fm.data, key);
  // `outline` is a plan as a mapping or a list of section ids: a site generator's `outline: deep`,
  // `outline: false` or `outline: [2, 3]` (heading levels) is its own.
  const outline = fm.data.outline;
  const plan = Array.isArray(outline) ? outline.some((id) => typeof id === 'string') : typeof outline === 'object' && outline !== null;
  if (plan || has('template') || has('template_version')) return true;
  const status = fm.data.status;
  if (typeof status === 'string' && (STATUSES as readonly string[]).includes(status)) return true;
  const statusNode = nodeAt(fm, 'status');
  if (statusNode?.range && fm.fields.some((f) => f.start >= fm.base + statusNode.range![0] && f.end <= fm.base + statusNode.range![1])) return true;
  const sources = fm.data.sources;
  const entries: unknown[] = Array.isArray(sources) ? sources : [sources];
  return entries.some((e) => typeof e === 'object' && e !== null);
}

/** The YAML node at `path` (keys of nested mappings), or undefined. */
export function nodeAt(fm: Frontmatter, ...path: (string | number)[]): YamlNode | undefined {
  const got = fm.doc?.getIn(path, true);
  return got && typeof got === 'object' && 'range' in (got as object) ? (got as YamlNode) : undefined;
}

/**
 * Document span of a YAML node, from its first character to its last non-blank one: a block
 * collection ends where its last value ends, not at the newline (or comment) after it. Falls
 * back to the frontmatter content.
 */
export function spanOf(fm: Frontmatter, node: YamlNode | undefined): Span {
  if (!node?.range) return { start: fm.content.start, end: fm.content.start };
  const start = fm.base + node.range[0];
  let end = fm.base + Math.max(node.range[0], contentEnd(node));
  while (end > start && /\s/.test(fm.source[end - 1 - fm.base] ?? '')) end--;
  return { start, end };
}

/** Source offset (in the YAML) just after the last character of a node's value. */
function contentEnd(node: YamlNode): number {
  const range = node.range as [number, number, number];
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    for (let k = node.items.length - 1; k >= 0; k--) {
      const item = node.items[k] as unknown;
      const last = isPair(item) ? ((item.value ?? item.key) as unknown) : item;
      if (last && typeof last === 'object' && 'range' in last && (last as YamlNode).range) return contentEnd(last as YamlNode);
    }
  }
  return range[1];
}

/** Span of the key of a top-level entry, e.g. `sources:`. */
export function keySpan(fm: Frontmatter, key: string): Span | undefined {
  const contents = fm.doc?.contents;
  if (!isMap(contents)) return undefined;
  for (const pair of contents.items) {
    if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
      return { start: fm.base + pair.key.range[0], end: fm.base + pair.key.range[1] };
    }
  }
  return undefined;
}

export { isMap, isSeq, isScalar };
