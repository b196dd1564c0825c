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
 * decodes to one. The tokenizer reads the source as written: its constructs start only at
 * `www.`, `http:`/`https:` (any case) or at the letters before an `@`. Blocks without any of
 * these are parsed without both: the same tree, at less cost, since the email construct is
 * tried at every letter and digit of a paragraph's text.
 */
const LITERAL_AUTOLINK_POSSIBLE = /www|http|[@&]/i;

/** Plugin: the GFM mdast extensions without the autolink-literal transform (tokenized autolinks stay). */
function withoutAutolinkTransform(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: (Extension | Extension[])[] };
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).flat().map((ext) => (ext.enter && 'literalAutolink' in ext.enter ? { ...ext, transforms: [] } : ext));
}

/** The constructs of micromark-extension-gfm-autolink-literal, by their names. */
const LITERAL_AUTOLINK_CONSTRUCTS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);

type ConstructMap = Record<string, { name?: string } | { name?: string }[]>;

/** `text`, a syntax extension's map of inline constructs, without the literal-autolink ones. */
function withoutAutolinkConstructs(text: ConstructMap): ConstructMap {
  const kept: ConstructMap = {};
  for (const [code, list] of Object.entries(text)) {
    const constructs = (Array.isArray(list) ? list : [list]).filter((c) => !LITERAL_AUTOLINK_CONSTRUCTS.has(c.name ?? ''));
    if (constructs.length > 0) kept[code] = constructs;
  }
  return kept;
}

/** Plugin: the GFM syntax without literal autolinks, for blocks that cannot hold one (see above). */
function withoutAutolinkSyntax(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: { text?: ConstructMap }[] };
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((ext) => (ext.text ? { ...ext, text: withoutAutolinkConstructs(ext.text) } : ext));
}

type Stack = typeof import('./remark');
interface Parsers {
  stack: Stack;
  body: Processor;
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
    bodyNoAutolinks: unified().use(remarkParse).use(remarkGfm).use(withoutAutolinkTransform).use(withoutAutolinkSyntax).freeze() as unknown as Processor,
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
  return (LITERAL_AUTOLINK_POSSIBLE.test(text) ? p.body : p.bodyNoAutolinks).parse(text) as Root;
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
