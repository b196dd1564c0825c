/**
 * What one chunk of Markdown says, in chunk-relative offsets: field candidates, Handlebars
 * tags, task items, headings, link definitions and HTML comments. Rules never see the syntax
 * tree; they read these facts, which are cached per chunk text.
 */
import type { Nodes, Root, ListItem, Heading, Code, Html, Table } from 'mdast';
import type { Span } from './types';
import type { Message } from './messages';
import { parseMarkdown, parseMdx } from './parse';
import { lineIndexAt, lineStarts, lowerBound, splitChunks, type Chunk } from './chunks';
import { scanCode, scanDates, scanDestination, scanPatterns, scanProse, scanWhole, normalizeLabel, templatedDefinition, fieldFact, type FieldHit, type FieldFact, type TagHit } from './grammar';
import { readFrontmatter } from './frontmatter';
import { parseHazard } from './limits';
import { degradedFacts } from './degraded';
import { letters } from './letters';
import { sortByStart } from './spans';

export type { FieldFact } from './grammar';

/** A task list item (`- [ ]`, `* [x]`). `start..end` is its first line. */
export interface TaskFact extends Span {
  checked: boolean;
  markerStart: number;
  markerEnd: number;
  label: string;
}

/** A heading: ATX or setext. `start..end` covers the whole heading line(s). */
export interface HeadingFact extends Span {
  depth: number;
  text: string;
}

/** An HTML comment (`<!-- … -->`) outside code. */
export interface CommentFact extends Span {
  body: string;
}

/** Everything the rules need from one chunk. */
export interface ChunkFacts {
  fields: FieldFact[];
  tags: TagHit[];
  tasks: TaskFact[];
  headings: HeadingFact[];
  definitions: string[];
  comments: CommentFact[];
  /** Set when the chunk was read without the Markdown parser, saying why (`degraded.ts`). */
  degraded?: Message;
}

/** Options that change what a chunk yields (part of the cache key). */
export interface FactOptions {
  patterns: readonly RegExp[];
  /** Parse every chunk with remark, skipping the fast paths (to check they lose nothing). */
  alwaysParse?: boolean;
  /** The document is MDX: parsed with remark-mdx, never on the fast paths (they know no JSX). */
  mdx?: boolean;
  /** How many ```markdown fences deep the text is (absent: a document's own text). */
  embedDepth?: number;
}

/** A fresh, empty set of facts. */
export function emptyFacts(): ChunkFacts {
  return { fields: [], tags: [], tasks: [], headings: [], definitions: [], comments: [] };
}

/** Appends the facts `from` (of a piece of a chunk) to `to`, each offset moved by `move` into the chunk. */
export function appendFacts(to: ChunkFacts, from: ChunkFacts, move: (offset: number) => number): void {
  for (const f of from.fields) to.fields.push(fieldFact(f, f.where, move(f.start), move(f.end)));
  for (const t of from.tags) to.tags.push({ ...t, start: move(t.start), end: move(t.end) });
  for (const t of from.tasks) to.tasks.push({ ...t, start: move(t.start), end: move(t.end), markerStart: move(t.markerStart), markerEnd: move(t.markerEnd) });
  for (const h of from.headings) to.headings.push({ ...h, start: move(h.start), end: move(h.end) });
  for (const c of from.comments) to.comments.push({ ...c, start: move(c.start), end: move(c.end) });
  to.definitions.push(...from.definitions);
}

// --- the parsed path -------------------------------------------------------------------

const MASKED_TYPES = new Set([
  'inlineCode',
  'link',
  'image',
  'linkReference',
  'imageReference',
  'footnoteReference',
  'html',
  'inlineMath',
  'break',
  'mdxTextExpression',
]);

/** MDX nodes that are code: ESM (`import`/`export`) and `{expressions}` on their own lines. */
const MDX_CODE = new Set(['mdxjsEsm', 'mdxFlowExpression']);

interface Walk {
  src: string;
  facts: ChunkFacts;
  fields: FieldFact[];
  options: FactOptions;
  /** How many ```markdown fences this text is inside (bounded, so nesting cannot blow up). */
  depth: number;
}

/** Mustache syntax that only a template language has: namespaces, paths, filters, iteration, partials. */
const TEMPLATE_LANGUAGE = /\{\{[~\s]*(?:[\w-]+:[\w-]|[\w$]+\.[\w$]|[^{}\n|]+\|\s*\w|#(?:each|with|for)\b|>\s*\w)/;

/** Fence languages whose content is Markdown, linted with the prose grammar. */
const MARKDOWN_INFO = /^(?:markdown|md|gfm|commonmark)$/i;
/** How deep ```markdown fences are read as Markdown; deeper ones are code. */
export const MAX_EMBED_DEPTH = 2;

/** Whether a fence's info string says its content is Markdown. */
export function isMarkdownInfo(info: string): boolean {
  return MARKDOWN_INFO.test(info.trim().split(/[\s{]/)[0] ?? '');
}

/** The first line of a Markdown document shown whole: a heading (a comment in code is rarely capitalised after `#`), or an email's subject. */
const DOCUMENT_OPENING = letters`^(?:[ \t]*\r?\n)*(?:[ \t]{0,3}(#{1,6})[ \t]+[\p{Lu}\p{N}[{]|Subject:[ \t]+\S)[^\n]*`;
/** A bold label opening a line: "**Status:** …", "**Commit [hash]: [title]**". */
const BOLD_LINE = /^[ \t]*(?:[-*+][ \t]+)?\*\*[^*\n]+\*\*/m;

/**
 * Whether the content of a fence with no info string is a Markdown document (a template's skeleton
 * or an email wrapped in a bare fence): an email's subject line first; or a heading first and,
 * below it, a deeper heading or a bold label (`# {Plan Name}` … `## Scope`, `### [Title]` …
 * `**Score:** …`). Shell comments (`# Install` … `# Run`) stay code.
 */
function markdownDocument(content: string): boolean {
  const first = DOCUMENT_OPENING.exec(content);
  if (!first) return false;
  const level = first[1]?.length;
  if (level === undefined) return true;
  const rest = content.slice(first[0].length);
  if (BOLD_LINE.test(rest)) return true;
  for (const m of rest.matchAll(/^[ \t]{0,3}(#{1,6})[ \t]+\S/gm)) if (m[1].length > level) return true;
  return false;
}

/** Whether a fence holds Markdown: its info string says so, or it has none and its content is a Markdown document. */
export function isMarkdownFence(info: string, content: string): boolean {
  return info.trim() === '' ? markdownDocument(content) : isMarkdownInfo(info);
}

function off(node: Nodes): Span | undefined {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
  return { start: p.start.offset, end: p.end.offset };
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/**
 * Inline HTML elements whose content is not running text: what a code element wraps is code
 * (`<code>{ [P in K]: T }</code>`); what an HTML link wraps is its title, as written elsewhere
 * (`<a href="…/pull/253">[BUGFIX] formulae undefined #253</a>`).
 */
const CODE_ELEMENTS = 'code|kbd|samp|tt|a';
/** An HTML node that opens a code element (the whole node: `<code>`, `<a href="…">`). */
export const CODE_OPEN = new RegExp(`^<(${CODE_ELEMENTS})(?:\\s[^>]*)?>$`, 'i');
/** An HTML node that closes one (`</code>`, `</a >`). */
export const CODE_CLOSE = new RegExp(`^</(${CODE_ELEMENTS})\\s*>$`, 'i');

/**
 * Where each code element's closing tag stands among `children`: for each tag name, the indices
 * of its `</name>` siblings in order (one pass, so a paragraph of many open tags stays linear).
 */
function closingTags(children: readonly Nodes[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  children.forEach((c, j) => {
    const m = c.type === 'html' ? CODE_CLOSE.exec((c as Html).value) : null;
    if (!m) return;
    const name = m[1].toLowerCase();
    const list = out.get(name);
    if (list) list.push(j);
    else out.set(name, [j]);
  });
  return out;
}

/** Masks an inline code element whole and scans what it wraps as code; the index of its closing tag, or -1. */
function codeElement(w: Walk, children: readonly Nodes[], k: number, masks: Span[], closers: () => Map<string, number[]>): number {
  const name = CODE_OPEN.exec((children[k] as Html).value)?.[1].toLowerCase();
  const list = name ? closers().get(name) : undefined;
  const at = list ? lowerBound(list, k + 1) : -1;
  const j = list && at < list.length ? list[at] : -1;
  const open = off(children[k]);
  const close = j === -1 ? undefined : off(children[j]);
  if (!open || !close) return -1;
  masks.push({ start: open.start, end: close.end });
  if (name === 'a') return j;
  const hits: FieldHit[] = [];
  scanCode(w.src, { start: open.end, end: close.start }, hits);
  for (const h of hits) w.fields.push(fieldFact(h, 'code'));
  return j;
}

function collectMasks(node: Nodes, masks: Span[], w: Walk): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  let closers: Map<string, number[]> | undefined;
  const closersOf = () => (closers ??= closingTags(children));
  for (let k = 0; k < children.length; k++) {
    const child = children[k];
    const span = off(child);
    if (child.type === 'html' && span) {
      const end = codeElement(w, children, k, masks, closersOf);
      if (end !== -1) {
        k = end;
        continue;
      }
    }
    if ((child.type as string) === 'mdxJsxTextElement' && span) {
      jsxTags(child, span, masks);
      collectMasks(child, masks, w);
    } else if (MASKED_TYPES.has(child.type) && span) {
      masks.push(span);
      if ((child.type as string) === 'mdxTextExpression') mdxComment(w, child, span);
      if (child.type === 'inlineCode') codeSpan(w, span);
      if (child.type === 'html') inlineHtml(w, child as Html, span);
      if (child.type === 'link' || child.type === 'image') linkParts(w, child, span);
    } else {
      collectMasks(child, masks, w);
    }
  }
}

/** Masks the tags (and so the attributes) of an inline JSX element, not the prose it wraps. */
function jsxTags(node: Nodes, span: Span, masks: Span[]): void {
  const children = 'children' in node ? (node.children as Nodes[]).map(off).filter((c) => c !== undefined) : [];
  if (children.length === 0) {
    masks.push(span);
    return;
  }
  masks.push({ start: span.start, end: children[0].start }, { start: children[children.length - 1].end, end: span.end });
}

/** `{/* … *\/}`, MDX's comment: read like an HTML comment (suppressions, citations). */
function mdxComment(w: Walk, node: Nodes, span: Span): void {
  const m = 'value' in node && typeof node.value === 'string' ? /^\s*\/\*([\s\S]*?)\*\/\s*$/.exec(node.value) : null;
  if (m) w.facts.comments.push({ ...span, body: m[1].trim() });
}

/** An inline HTML node: a comment, a tag, or `<descriptive words>` that CommonMark reads as a tag. */
function inlineHtml(w: Walk, node: Html, span: Span): void {
  comment(w, node, span);
  const hits: FieldHit[] = [];
  scanWhole('angle', w.src, span, hits);
  for (const h of hits) w.fields.push(fieldFact(h, 'prose'));
}

/**
 * An HTML block: its comments, and a first line that is `<descriptive words>` alone, which
 * CommonMark reads as the start of an HTML block.
 */
function htmlBlock(w: Walk, node: Html, span: Span): void {
  comment(w, node, span);
  htmlBlockFields(w.src, span, w.fields);
}

/**
 * The fields of an HTML block at `span` of `src`: those of its first line's tags (`<Customer
 * name>` opening the block), and lines that are a bracket field alone (`bracketLines`).
 */
export function htmlBlockFields(src: string, span: Span, fields: FieldFact[]): void {
  const nl = src.indexOf('\n', span.start);
  const lineEnd = nl === -1 || nl > span.end ? span.end : nl;
  const first = src.slice(span.start, lineEnd);
  const start = span.start + first.length - first.trimStart().length;
  const end = span.start + first.trimEnd().length;
  const hits: FieldHit[] = [];
  if (end > start) scanWhole('angle', src, { start, end }, hits);
  if (lineEnd < span.end) bracketLines(src, lineEnd + 1, span.end, hits, commentSpans(src, span));
  for (const h of hits) fields.push(fieldFact(h, 'prose'));
}

/**
 * The HTML comments of `src` within `span`, in source offsets; a comment left open runs to the
 * span's end (an HTML block of comment kind runs on to the end of the document).
 */
function commentSpans(src: string, span: Span): Span[] {
  const text = src.slice(span.start, span.end);
  if (!text.includes('<!--')) return [];
  const out = htmlComments(text).map((c) => ({ start: span.start + c.at, end: span.start + c.at + c.length }));
  const after = out.length > 0 ? out[out.length - 1].end - span.start : 0;
  const open = text.indexOf('<!--', after);
  if (open !== -1) out.push({ start: span.start + open, end: span.end });
  return out;
}

/**
 * Lines of an HTML block that are a bracket field alone: a template section wrapped in its own
 * tags (`<blockers>`, a line `[Anything waiting on others]`, `</blockers>`), where CommonMark
 * reads the whole section as HTML. Anything else on the line leaves it to the HTML, and nothing
 * inside an HTML comment (`comments`) is a field.
 */
function bracketLines(src: string, from: number, to: number, out: FieldHit[], comments: readonly Span[]): void {
  for (let at = from; at < to; ) {
    const nl = src.indexOf('\n', at);
    const end = nl === -1 || nl > to ? to : nl;
    const line = src.slice(at, end);
    const trimmed = line.trim();
    if (trimmed.startsWith('[') && trimmed.endsWith(']') && !comments.some((c) => c.start < end && c.end > at)) {
      const start = at + line.length - line.trimStart().length;
      scanWhole('bracket', src, { start, end: start + trimmed.length }, out);
    }
    at = end + 1;
  }
}

/** Index of the `]` that closes the bracket opened just before `from` (nesting and escapes counted), or -1. */
function closeOfText(src: string, from: number, limit: number): number {
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * The parts of a link or image that can hold fields: the link text, scanned as prose
 * (`[[Partner] API reference](…)`), and the destination (`([DOCS_URL])`,
 * `(https://example.com/partners/[partner-slug])`). Autolinks have neither.
 */
function linkParts(w: Walk, node: Nodes, span: Span): void {
  const { src } = w;
  const textStart = span.start + (src[span.start] === '!' ? 2 : 1);
  if (src[textStart - 1] !== '[') return;
  const textEnd = closeOfText(src, textStart, span.end);
  if (textEnd === -1) return;
  const hits: FieldHit[] = [];
  if (node.type === 'link' && /[[{]/.test(src.slice(textStart, textEnd))) {
    const masks: Span[] = [];
    collectMasks(node, masks, w);
    sortByStart(masks);
    scanProse(src, { start: textStart, end: textEnd }, masks, hits, [], 'link-text');
    for (const h of hits.splice(0)) w.fields.push(fieldFact(h, 'prose'));
  }
  if (src[textEnd + 1] !== '(') return;
  const dest = destinationAt(src, textEnd + 2, span.end - 1);
  if (!dest) return;
  scanDestination(src, dest, hits);
  for (const h of hits) w.fields.push(fieldFact(h, 'code'));
}

/** The destination that starts at `from` (after blanks): `<…>` or up to the first blank. */
function destinationAt(src: string, from: number, limit: number): Span | undefined {
  let d = from;
  while (d < limit && /\s/.test(src[d])) d++;
  if (src[d] === '<') {
    const close = src.indexOf('>', d);
    return close !== -1 && close <= limit ? { start: d + 1, end: close } : undefined;
  }
  let e = d;
  while (e < limit && !/\s/.test(src[e])) e++;
  return e > d && /[[{]/.test(src.slice(d, e)) ? { start: d, end: e } : undefined;
}

/** A definition's URL: `[ref]: [URL]`. */
function definitionUrl(w: Walk, span: Span): void {
  const colon = closeOfText(w.src, span.start + 1, span.end);
  if (colon === -1 || w.src[colon + 1] !== ':') return;
  const dest = destinationAt(w.src, colon + 2, span.end);
  if (!dest) return;
  const hits: FieldHit[] = [];
  scanDestination(w.src, dest, hits);
  for (const h of hits) w.fields.push(fieldFact(h, 'code'));
  // `- [Metric 1]: [Target]` opening a list item reads as a definition, yet links nowhere: a
  // template's label and value, and the label is a field like the value when it is one by the
  // prose rules. (A definition of its own line may be used by a reference: `[changes]: [URL]`.)
  if (hits.length === 1 && hits[0].start === dest.start && hits[0].end === dest.end && opensListItem(w.src, span.start)) {
    const labelHits: FieldHit[] = [];
    scanWhole('bracket', w.src, { start: span.start, end: colon + 1 }, labelHits);
    for (const h of labelHits) {
      const label = fieldFact(h, 'prose');
      label.refLabel = undefined; // the label is the definition, not a reference to it
      w.fields.push(label);
    }
  }
}

/** Whether `at` is the first text of a list item: only markers (and quote marks) before it on its line. */
function opensListItem(src: string, at: number): boolean {
  const lineStart = src.lastIndexOf('\n', at - 1) + 1;
  return at - lineStart < 40 && /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+$/.test(src.slice(lineStart, at));
}

function codeSpan(w: Walk, span: Span): void {
  let ticks = 0;
  while (span.start + ticks < span.end && w.src.charCodeAt(span.start + ticks) === 96) ticks++;
  if (ticks === 0) ticks = 1;
  const hits: FieldHit[] = [];
  scanCode(w.src, { start: span.start + ticks, end: span.end - ticks }, hits);
  for (const h of hits) w.fields.push(fieldFact(h, 'code'));
}

/** The HTML comments in `html`: where each starts, its length and its trimmed body. */
export function htmlComments(html: string): { at: number; length: number; text: string; body: string }[] {
  const out: { at: number; length: number; text: string; body: string }[] = [];
  const re = /<!--([\s\S]*?)-->/g;
  for (let m = re.exec(html); m; m = re.exec(html)) out.push({ at: m.index, length: m[0].length, text: m[0], body: m[1].trim() });
  return out;
}

function comment(w: Walk, node: Html, span: Span): void {
  for (const c of htmlComments(node.value)) {
    // The node's value may lack container prefixes (`> `) its source has: found again in the source.
    const start = span.start + w.src.slice(span.start, span.end).indexOf(c.text, c.at);
    w.facts.comments.push({ start, end: start + c.length, body: c.body });
  }
}

/** A table column whose header says it holds formats, patterns or types: its date stubs describe a format. */
export const FORMAT_HEADER = /format|pattern|syntax|type|mask/i;

/** A table: each cell is phrasing, read knowing its column's header. */
function table(w: Walk, node: Table): void {
  const header = node.children[0]?.children.map((cell) => plainText(cell)) ?? [];
  for (const row of node.children) {
    row.children.forEach((cell, i) => phrasing(w, cell, undefined, FORMAT_HEADER.test(header[i] ?? '')));
  }
}

/** Scans one phrasing container (paragraph, heading, table cell). */
function phrasing(w: Walk, node: Nodes, skip?: Span, formatColumn = false): void {
  const span = off(node);
  if (!span) return;
  const masks: Span[] = skip ? [skip] : [];
  collectMasks(node, masks, w);
  sortByStart(masks);
  const hits: FieldHit[] = [];
  scanProse(w.src, span, masks, hits, w.facts.tags);
  const wholeCell = node.type === 'tableCell' && !formatColumn;
  if (!formatColumn) scanDates(w.src, span, masks, hits, wholeCell && /^\s*\S+\s*$/.test(plainText(node)));
  for (const h of hits) w.fields.push(fieldFact(h, 'prose'));
  const codeAndComments = masks.filter((m) => /^(`|<!--)/.test(w.src.slice(m.start, m.start + 4)));
  const patternHits: FieldHit[] = [];
  scanPatterns(w.src, span, codeAndComments, w.options.patterns, patternHits);
  for (const h of patternHits) w.fields.push(fieldFact(h, 'pattern'));
}

function codeBlock(w: Walk, node: Code, span: Span): void {
  if (w.depth < MAX_EMBED_DEPTH && markdownInFence(w, node, span) && embedded(w, node, span)) return;
  const raw = w.src.slice(span.start, span.end);
  const fenced = /^\s*(`{3,}|~{3,})/.test(raw);
  let start = span.start;
  let end = span.end;
  if (fenced) {
    const nl = raw.indexOf('\n');
    if (nl === -1) return;
    start = span.start + nl + 1;
    const lastNl = raw.trimEnd().lastIndexOf('\n');
    const closing = raw.slice(lastNl + 1).trim();
    if (lastNl > nl && /^(`{3,}|~{3,})$/.test(closing)) end = span.start + lastNl;
  }
  const hits: FieldHit[] = [];
  scanCode(w.src, { start, end }, hits);
  for (const h of hits) w.fields.push(fieldFact(h, 'code'));
  void node;
}

function taskItem(w: Walk, node: ListItem, span: Span): void {
  const lineEnd = w.src.indexOf('\n', span.start);
  let end = lineEnd === -1 || lineEnd > span.end ? span.end : lineEnd;
  while (end > span.start && /\s/.test(w.src[end - 1])) end--;
  const line = w.src.slice(span.start, end);
  const m = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+)\[([ xX])\]/.exec(line);
  if (!m) return;
  const markerStart = span.start + m[1].length;
  w.facts.tasks.push({
    start: span.start,
    end,
    checked: node.checked === true,
    markerStart,
    markerEnd: markerStart + 3,
    label: line.slice(m[0].length).trim(),
  });
}

function visit(w: Walk, node: Nodes, taskMarker?: Span): void {
  const span = off(node);
  switch (node.type) {
    case 'paragraph':
      if (span) templatedDefinitions(w, span);
      phrasing(w, node, taskMarker);
      return;
    case 'tableCell':
      phrasing(w, node, taskMarker);
      return;
    case 'heading':
      if (span) w.facts.headings.push({ ...span, depth: (node as Heading).depth, text: plainText(node).trim() });
      phrasing(w, node);
      return;
    case 'code':
      if (span) codeBlock(w, node as Code, span);
      return;
    case 'html':
      if (span) htmlBlock(w, node as Html, span);
      return;
    case 'definition':
      w.facts.definitions.push(normalizeLabel(node.label ?? node.identifier));
      if (span) definitionUrl(w, span);
      return;
    case 'listItem':
      return listItem(w, node as ListItem, span);
    case 'table':
      return table(w, node as Table);
    default:
      if (MDX_CODE.has(node.type)) {
        if (span && node.type === 'mdxFlowExpression') mdxComment(w, node, span);
        return;
      }
      if ('children' in node) for (const child of node.children as Nodes[]) visit(w, child);
  }
}

/** Labels of a paragraph's lines that are definitions a template engine completes (`templatedDefinition`): references to them are links. */
function templatedDefinitions(w: Walk, span: Span): void {
  const text = w.src.slice(span.start, span.end);
  if (!text.includes(']:')) return;
  for (const line of text.split('\n')) {
    const label = templatedDefinition(line);
    if (label !== undefined) w.facts.definitions.push(label);
  }
}

function listItem(w: Walk, node: ListItem, span: Span | undefined): void {
  let marker: Span | undefined;
  if (typeof node.checked === 'boolean' && span) {
    taskItem(w, node, span);
    const t = w.facts.tasks[w.facts.tasks.length - 1];
    if (t && t.start === span.start) marker = { start: t.markerStart, end: t.markerEnd };
  }
  node.children.forEach((child, i) => visit(w, child as Nodes, i === 0 ? marker : undefined));
}

/** Parses a chunk and extracts its facts. */
export function parsedFacts(text: string, options: FactOptions, depth = options.embedDepth ?? 0): ChunkFacts {
  const hazard = parseHazard(text);
  if (hazard) return degradedFacts(text, options, hazard);
  return treeFacts(text, options, depth);
}

/** Parses a chunk that `parseHazard` let through (or a block of one) and extracts its facts. */
export function treeFacts(text: string, options: FactOptions, depth = options.embedDepth ?? 0): ChunkFacts {
  // Not valid MDX: read as Markdown rather than not at all (JSX lines are then HTML blocks).
  const tree: Root = (options.mdx && parseMdx(text)) || parseMarkdown(text);
  const facts = emptyFacts();
  const w: Walk = { src: text, facts, fields: facts.fields, options, depth };
  for (const child of tree.children) visit(w, child as Nodes);
  sortByStart(facts.fields);
  return facts;
}

// --- Markdown inside a ```markdown fence ---------------------------------------------------

/** Facts of a body split into chunks as a document's is (`chunks.ts`), each read by `read`. */
function chunkedFacts(body: string, read: (chunk: Chunk) => ChunkFacts): ChunkFacts {
  const facts = emptyFacts();
  for (const chunk of splitChunks(body, 0, lineStarts(body))) appendFacts(facts, read(chunk), (o) => o + chunk.start);
  return facts;
}

/** Whether a code node is a fence that holds Markdown (`isMarkdownFence`); an indented block never is. */
function markdownInFence(w: Walk, node: Code, span: Span): boolean {
  if (node.lang) return isMarkdownInfo(node.lang);
  return /^[ \t]*(?:`{3}|~{3})/.test(w.src.slice(span.start, span.start + 8)) && isMarkdownFence(node.meta ?? '', node.value);
}

/**
 * Fields and block tags of Markdown shown in a fence (a template skeleton), linted with the
 * prose grammar: links, task boxes and references defined inside it are still not fields.
 * Its headings, tasks and comments stay the fence's own (they are not the document's outline).
 * False when the content cannot be mapped back to the source line by line.
 */
function embedded(w: Walk, node: Code, span: Span): boolean {
  const raw = w.src.slice(span.start, span.end);
  const nl = raw.indexOf('\n');
  if (nl === -1 || node.value === '') return true;
  const from = span.start + nl + 1;
  const lines = node.value.split('\n');
  const starts: number[] = [];
  let at = from;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    const lineEnd = w.src.indexOf('\n', at);
    const srcLine = w.src.slice(at, lineEnd === -1 ? span.end : lineEnd).replace(/\r$/, '');
    if (!srcLine.endsWith(line)) return false;
    starts.push(at + srcLine.length - line.length);
    if (lineEnd === -1) break;
    at = lineEnd + 1;
  }
  if (starts.length !== lines.length) return false;
  const inner = markdownFacts(node.value, w.options, w.depth + 1);
  const valueStarts = lineStarts(node.value);
  const map = (v: number) => {
    const k = lineIndexAt(valueStarts, v);
    return starts[k] + (v - valueStarts[k]);
  };
  for (const f of inner.fields) w.fields.push(fieldFact(f, f.where, map(f.start), map(f.end)));
  for (const t of inner.tags) w.facts.tags.push({ ...t, start: map(t.start), end: map(t.end) });
  return true;
}

/**
 * Fields and block tags of a Markdown text on its own (frontmatter included): what a
 * ```markdown fence holds. References resolve through the definitions inside it. The text after
 * the frontmatter is read as a document's body is, chunk by chunk (MDX whole, as its documents
 * are): each chunk parsed, or by `readChunk` (`chunk-facts.ts` gives the cheapest path).
 */
export function markdownFacts(
  text: string,
  options: FactOptions,
  depth: number,
  readChunk: (chunk: Chunk) => ChunkFacts = (chunk) => parsedFacts(chunk.text, options, depth),
): Pick<ChunkFacts, 'fields' | 'tags'> {
  const fm = readFrontmatter(text, options.patterns);
  const bodyStart = fm ? fm.block.end : 0;
  const body = options.mdx ? parsedFacts(text.slice(bodyStart), options, depth) : chunkedFacts(text.slice(bodyStart), readChunk);
  const fields: FieldFact[] = (fm?.fields ?? []).map((f) => fieldFact(f, 'prose'));
  const defined = new Set(body.definitions);
  for (const f of body.fields) {
    if (f.refLabel !== undefined && defined.has(f.refLabel)) continue;
    fields.push(fieldFact(f, f.where, f.start + bodyStart, f.end + bodyStart));
  }
  const tags = body.tags.map((t) => ({ ...t, start: t.start + bodyStart, end: t.end + bodyStart }));
  // Markdown that shows a template language (`{{ template:logo }}`, `{{#each}}`, `{{> partial}}`)
  // is an example of that language: its `{{ name }}` are its variables, not fields to fill.
  const shown = TEMPLATE_LANGUAGE.test(text) ? fields.filter((f) => f.dialect !== 'mustache' || /^\{\{\s*[A-Z][A-Z0-9_]*\s*\}\}$/.test(f.text)) : fields;
  return { fields: sortByStart(shown), tags };
}
