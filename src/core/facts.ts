/**
 * What one chunk of Markdown says, in chunk-relative offsets: field candidates, Handlebars
 * tags, task items, headings, link definitions and HTML comments. Rules never see the syntax
 * tree; they read these facts, which are cached per chunk text.
 */
import type { Nodes, Root, ListItem, Heading, Code, Html } from 'mdast';
import type { Span } from './types';
import { parseMarkdown, parseMdx } from './parse';
import { scanCode, scanDates, scanPatterns, scanProse, normalizeLabel, type FieldHit, type TagHit } from './grammar';
import { fastFacts } from './fastpath';

/** A field candidate with where it was found. */
export interface FieldFact extends FieldHit {
  where: 'prose' | 'code' | 'pattern';
}

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
}

/** Options that change what a chunk yields (part of the cache key). */
export interface FactOptions {
  patterns: readonly RegExp[];
  /** Parse every chunk with remark, skipping the fast paths (to check they lose nothing). */
  alwaysParse?: boolean;
  /** The document is MDX: parsed with remark-mdx, never on the fast paths (they know no JSX). */
  mdx?: boolean;
}

/** A fresh, empty set of facts. */
export function emptyFacts(): ChunkFacts {
  return { fields: [], tags: [], tasks: [], headings: [], definitions: [], comments: [] };
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

function collectMasks(node: Nodes, masks: Span[], w: Walk): void {
  if (!('children' in node)) return;
  for (const child of node.children as Nodes[]) {
    const span = off(child);
    if ((child.type as string) === 'mdxJsxTextElement' && span) {
      jsxTags(child, span, masks);
      collectMasks(child, masks, w);
    } else if (MASKED_TYPES.has(child.type) && span) {
      masks.push(span);
      if ((child.type as string) === 'mdxTextExpression') mdxComment(w, child, span);
      if (child.type === 'inlineCode') codeSpan(w, span);
      if (child.type === 'html') comment(w, child as Html, span);
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

function codeSpan(w: Walk, span: Span): void {
  const raw = w.src.slice(span.start, span.end);
  const ticks = /^`+/.exec(raw)?.[0].length ?? 1;
  const hits: FieldHit[] = [];
  scanCode(w.src, { start: span.start + ticks, end: span.end - ticks }, hits);
  for (const h of hits) w.fields.push({ ...h, where: 'code' });
}

function comment(w: Walk, node: Html, span: Span): void {
  const re = /<!--([\s\S]*?)-->/g;
  for (let m = re.exec(node.value); m; m = re.exec(node.value)) {
    const start = span.start + w.src.slice(span.start, span.end).indexOf(m[0], m.index);
    w.facts.comments.push({ start, end: start + m[0].length, body: m[1].trim() });
  }
}

/** Scans one phrasing container (paragraph, heading, table cell). */
function phrasing(w: Walk, node: Nodes, skip?: Span): void {
  const span = off(node);
  if (!span) return;
  const masks: Span[] = skip ? [skip] : [];
  collectMasks(node, masks, w);
  masks.sort((a, b) => a.start - b.start);
  const hits: FieldHit[] = [];
  scanProse(w.src, span, masks, hits, w.facts.tags);
  const wholeCell = node.type === 'tableCell';
  scanDates(w.src, span, masks, hits, wholeCell && /^\s*\S+\s*$/.test(plainText(node)));
  for (const h of hits) w.fields.push({ ...h, where: 'prose' });
  const codeAndComments = masks.filter((m) => /^(`|<!--)/.test(w.src.slice(m.start, m.start + 4)));
  const patternHits: FieldHit[] = [];
  scanPatterns(w.src, span, codeAndComments, w.options.patterns, patternHits);
  for (const h of patternHits) w.fields.push({ ...h, where: 'pattern' });
}

function codeBlock(w: Walk, node: Code, span: Span): void {
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
  for (const h of hits) w.fields.push({ ...h, where: 'code' });
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
      if (span) comment(w, node as Html, span);
      return;
    case 'definition':
      w.facts.definitions.push(normalizeLabel(node.label ?? node.identifier));
      return;
    case 'listItem':
      return listItem(w, node as ListItem, span);
    default:
      if (MDX_CODE.has(node.type)) {
        if (span && node.type === 'mdxFlowExpression') mdxComment(w, node, span);
        return;
      }
      if ('children' in node) for (const child of node.children as Nodes[]) visit(w, child);
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
function parsedFacts(text: string, options: FactOptions): ChunkFacts {
  // Not valid MDX: read as Markdown rather than not at all (JSX lines are then HTML blocks).
  const tree: Root = (options.mdx && parseMdx(text)) || parseMarkdown(text);
  const facts = emptyFacts();
  const w: Walk = { src: text, facts, fields: facts.fields, options };
  for (const child of tree.children) visit(w, child as Nodes);
  facts.fields.sort((a, b) => a.start - b.start);
  return facts;
}

/**
 * Facts of one chunk, choosing the cheapest path that gives the same answer: chunks that are
 * one fenced block, that hold nothing to report, or that use only plain block syntax skip the
 * parser (`fastpath.ts`); the unit tests check on every fixture, and on mutated ones, that the
 * answer equals the parser's.
 */
export function chunkFacts(text: string, isFence: boolean, options: FactOptions): ChunkFacts {
  if (!options.alwaysParse && !options.mdx) {
    const fast = fastFacts(text, isFence, options.patterns);
    if (fast) return fast;
  }
  return parsedFacts(text, options);
}
