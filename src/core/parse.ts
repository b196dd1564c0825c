/**
 * The one place that builds the Markdown parsers, on unified + remark-parse, once per process:
 * - blocks of a document body are parsed with remark-gfm (task lists, tables, footnotes,
 *   autolinks) and without frontmatter — a body block that starts with `---` is a thematic
 *   break, never a frontmatter fence;
 * - the head of a document is parsed with remark-frontmatter to find its YAML block;
 * - an MDX body is parsed with remark-mdx as well, so JSX, `{expressions}` and ESM are nodes of
 *   their own (never prose).
 */
import type { Processor } from 'unified';
import type { Root } from 'mdast';
import type { Extension } from 'mdast-util-from-markdown';

/**
 * remark-gfm finds literal autolinks (`www.example.com`, `https://…`, `a@b.co`) in two steps:
 * micromark tokenizes most, then an mdast transform walks every text node of the tree for the
 * rest. Every pattern of that transform needs `www`, `http` or `@` in the node's text, which a
 * block can only hold if its source has one of them or a character reference (`&…;`) that
 * decodes to one. The tokenizer reads the source as written, and each of its constructs needs
 * its own mark: the email one an `@` after its letters, the www one `www.`, the protocol one
 * `http://` or `https://` (any case). So a block is parsed without what it cannot complete: the
 * same tree, at less cost. The email construct is the costly one, tried at the start of every
 * word of a paragraph's text, and most blocks with links have none of its `@`.
 */
const TRANSFORM_POSSIBLE = /www|http|[@&]/i;

/** Plugin: the GFM mdast extensions without the autolink-literal transform (tokenized autolinks stay). */
function withoutAutolinkTransform(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: (Extension | Extension[])[] };
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).flat().map((ext) => (ext.enter && 'literalAutolink' in ext.enter ? { ...ext, transforms: [] } : ext));
}

type ConstructMap = Record<string, { name?: string } | { name?: string }[]>;

/** `text`, a syntax extension's map of inline constructs, without the constructs `names` (micromark's names). */
function withoutConstructs(text: ConstructMap, names: ReadonlySet<string>): ConstructMap {
  const kept: ConstructMap = {};
  for (const [code, list] of Object.entries(text)) {
    const constructs = (Array.isArray(list) ? list : [list]).filter((c) => !names.has(c.name ?? ''));
    if (constructs.length > 0) kept[code] = constructs;
  }
  return kept;
}

/** Plugin: the syntax extensions without the inline constructs `names` (of micromark-extension-gfm-autolink-literal). */
function withoutInlineConstructs(this: Processor, names: ReadonlySet<string>): void {
  const data = this.data() as { micromarkExtensions?: { text?: ConstructMap }[] };
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((ext) => (ext.text ? { ...ext, text: withoutConstructs(ext.text, names) } : ext));
}

const EMAIL = new Set(['emailAutolink']);
const ALL_LITERAL_AUTOLINKS = new Set(['emailAutolink', 'wwwAutolink', 'protocolAutolink']);

type Stack = typeof import('./remark');
interface Parsers {
  stack: Stack;
  body: Processor;
  /** For blocks without an `@`. */
  bodyNoEmail: Processor;
  /** For blocks without any mark of a literal autolink (`TRANSFORM_POSSIBLE`). */
  bodyNoAutolinks: Processor;
  head: Processor;
}
let parsers: Parsers | undefined;

/** The parsers, built on first use. */
function built(): Parsers {
  if (parsers) return parsers;
  // A require, not an import: the bundler then evaluates the parser's libraries on this call, not at load.
  const stack = require('./remark') as Stack;
  const { unified, remarkParse, remarkGfm, remarkFrontmatter } = stack;
  parsers = {
    stack,
    body: unified().use(remarkParse).use(remarkGfm).freeze() as unknown as Processor,
    bodyNoEmail: unified().use(remarkParse).use(remarkGfm).use(withoutInlineConstructs, EMAIL).freeze() as unknown as Processor,
    bodyNoAutolinks: unified().use(remarkParse).use(remarkGfm).use(withoutAutolinkTransform).use(withoutInlineConstructs, ALL_LITERAL_AUTOLINKS).freeze() as unknown as Processor,
    head: unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze() as unknown as Processor,
  };
  return parsers;
}

/** Whether the parser's libraries are loaded (a host that slices its work loads them in a slice of their own). */
export function parserLoaded(): boolean {
  return parsers !== undefined;
}

/** Loads the parser's libraries and builds the parsers now (the first parse would). */
export function loadParser(): void {
  built();
}

let mdxBody: Processor | undefined;

/** The MDX body parser, built on the first MDX document: remark-mdx brings a JavaScript parser (acorn) that Markdown never needs. */
function mdxParser(): Processor {
  const { unified, remarkParse, remarkGfm } = built().stack;
  // A require, not an import: the bundler then evaluates remark-mdx and acorn on this call, not at load.
  mdxBody ??= unified().use(remarkParse).use((require('remark-mdx') as typeof import('remark-mdx')).default).use(remarkGfm).freeze() as unknown as Processor;
  return mdxBody;
}

/** Parses Markdown (a document body or a block of it) into an mdast tree with positions. Never throws. */
export function parseMarkdown(text: string): Root {
  const p = parsers ?? built();
  const processor = text.includes('@') ? p.body : TRANSFORM_POSSIBLE.test(text) ? p.bodyNoEmail : p.bodyNoAutolinks;
  return processor.parse(text) as Root;
}

/**
 * Parses an MDX body into an mdast tree with MDX nodes (`mdxJsxFlowElement`, `mdxTextExpression`,
 * `mdxjsEsm`, …); undefined when it is not valid MDX (the MDX compiler would reject it too).
 */
export function parseMdx(text: string): Root | undefined {
  try {
    return mdxParser().parse(text) as Root;
  } catch {
    return undefined;
  }
}

/**
 * The span of the YAML frontmatter block (fences included) that remark-frontmatter finds at
 * the start of `head`, or undefined. Pass only the head of a document (up to its closing fence).
 */
export function frontmatterBlock(head_: string): { start: number; end: number } | undefined {
  const first = (built().head.parse(head_) as Root).children[0];
  if (first?.type !== 'yaml' || first.position?.start.offset === undefined || first.position.end.offset === undefined) return undefined;
  return { start: first.position.start.offset, end: first.position.end.offset };
}
