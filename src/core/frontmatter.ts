/**
 * YAML frontmatter: where it is, what it says (with source spans for every value), and the
 * field candidates in its values. Parsed with the `yaml` library, which reports error spans.
 */
import { parseDocument, isMap, isSeq, isScalar, isPair, visit, type Node as YamlNode, type Document } from 'yaml';
import type { Span } from './types';
import { scanDates, scanProse, scanPatterns, type FieldHit } from './grammar';

/** A YAML problem, with its span in the document. */
export interface YamlProblem extends Span {
  message: string;
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
  /** YAML syntax errors; only the first is reported. */
  errors: YamlProblem[];
  /** The parsed document, for spans of individual values. */
  doc: Document | undefined;
  /** Offset of the content in the document, to turn YAML ranges into document spans. */
  base: number;
  fields: FieldHit[];
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Finds and parses the frontmatter at the start of `text`, if any. */
export function readFrontmatter(text: string, patterns: readonly RegExp[]): Frontmatter | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const contentStart = open[0].length;
  CLOSE.lastIndex = 0;
  const rest = text.slice(contentStart);
  const close = CLOSE.exec(rest);
  if (!close) {
    if (!/^[\w-]+:/m.test(rest.split('\n', 3).join('\n'))) return undefined;
    const end = text.length;
    return {
      block: { start: 0, end },
      content: { start: contentStart, end },
      unterminated: true,
      data: undefined,
      errors: [{ start: 0, end: open[0].trimEnd().length, message: 'Frontmatter is not closed: add a line `---` after it' }],
      doc: undefined,
      base: contentStart,
      fields: [],
    };
  }
  const contentEnd = contentStart + close.index;
  let blockEnd = contentEnd + close[0].length;
  if (text[blockEnd] === '\r') blockEnd++;
  if (text[blockEnd] === '\n') blockEnd++;
  return parseBlock(text, { start: 0, end: blockEnd }, { start: contentStart, end: contentEnd }, patterns);
}

function parseBlock(text: string, block: Span, content: Span, patterns: readonly RegExp[]): Frontmatter {
  const source = text.slice(content.start, content.end);
  const fm: Frontmatter = { block, content, unterminated: false, data: undefined, errors: [], doc: undefined, base: content.start, fields: [] };
  let doc: Document;
  try {
    doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    fm.errors.push({ start: content.start, end: content.start, message: `Frontmatter could not be read: ${String(e)}` });
    return fm;
  }
  fm.doc = doc;
  for (const err of doc.errors) {
    const [s, e] = err.pos;
    fm.errors.push({ start: content.start + s, end: content.start + Math.max(e, s), message: yamlMessage(err.message) });
  }
  if (fm.errors.length === 0) {
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    fm.data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    if (value !== null && value !== undefined && fm.data === undefined) {
      fm.errors.push({ start: content.start, end: content.end, message: 'Frontmatter must be a mapping of keys to values' });
    }
  }
  fm.fields = valueFields(text, doc, content.start, patterns);
  return fm;
}

function yamlMessage(raw: string): string {
  const first = raw.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `Frontmatter is not valid YAML: ${first}`;
}

/** Field candidates in the frontmatter's scalar values (not keys). */
function valueFields(text: string, doc: Document, base: number, patterns: readonly RegExp[]): FieldHit[] {
  const out: FieldHit[] = [];
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || !node.range) return;
      const span = { start: base + node.range[0], end: base + node.range[1] };
      const parentKey = keyOf(path[path.length - 1]);
      scanProse(text, span, linkMasks(text, span), out, []);
      const whole = typeof node.value === 'string' && /^\S+$/.test(node.value);
      if (!/format|pattern/i.test(parentKey)) scanDates(text, span, [], out, whole);
      scanPatterns(text, span, [], patterns, out);
    },
  });
  return out;
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

/** The YAML node at `path` (keys of nested mappings), or undefined. */
export function nodeAt(fm: Frontmatter, ...path: (string | number)[]): YamlNode | undefined {
  const got = fm.doc?.getIn(path, true);
  return got && typeof got === 'object' && 'range' in (got as object) ? (got as YamlNode) : undefined;
}

/** Document span of a YAML node; falls back to the frontmatter content. */
export function spanOf(fm: Frontmatter, node: YamlNode | undefined): Span {
  if (!node?.range) return { start: fm.content.start, end: fm.content.start };
  return { start: fm.base + node.range[0], end: fm.base + node.range[1] };
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
