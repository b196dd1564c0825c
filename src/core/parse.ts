/**
 * The one place that builds the Markdown parsers, on unified + remark-parse, once per process:
 * - blocks of a document body are parsed with remark-gfm (task lists, tables, footnotes,
 *   autolinks) and without frontmatter — a body block that starts with `---` is a thematic
 *   break, never a frontmatter fence —, each without the GFM constructs it cannot complete
 *   (`GFM_GROUPS`): the same tree, at less cost;
 * - the head of a document is parsed with remark-frontmatter to find its YAML block;
 * - an MDX body is parsed with remark-mdx as well, so JSX, `{expressions}` and ESM are nodes of
 *   their own (never prose).
 */
import type { PluggableList, Processor } from 'unified';
import type { Root } from 'mdast';
import type { Extension } from 'mdast-util-from-markdown';

/**
 * The GFM constructs a block cannot complete, left out of the parser that reads it: the same
 * tree, at less cost (each construct is tried wherever its first character or a line start
 * occurs, and most blocks the parser reads hold none of them). One row per construct group:
 * micromark's names for its constructs, and a test that is true whenever the block's source
 * could hold one. A test may say yes too often (the block is then parsed with the construct),
 * never too seldom.
 *
 * - Literal autolinks (`www.example.com`, `https://…`, `a@b.co`) come in two steps: micromark
 *   tokenizes most, then an mdast transform walks every text node for the rest. Every pattern
 *   of that transform needs `www`, `http` or `@` in a node's text, which a block can only hold
 *   if its source has one of them or a character reference (`&…;`) that decodes to one. The
 *   tokenizer reads the source as written: the email construct needs an `@` after its letters,
 *   the www one `www.`, the protocol one `http://` or `https://` (any case). The email construct
 *   is the costly one, tried at the start of every word.
 * - A table's delimiter row holds a `|`, or a colon next to its dashes (`a` over `:-` is a table
 *   of one column; over `---` it is a setext heading); strikethrough needs a `~`; a footnote call
 *   or definition a `[^` (a call's `]` is tried as one only after a `[^`); a task list item's
 *   check a `[` followed by a space, a tab, a line ending, `x` or `X`.
 */
export interface GfmGroup {
  /** micromark's names of the group's constructs. */
  names: readonly string[];
  /** True whenever a block's source could hold one of them. */
  possible: (text: string) => boolean;
  /** Left out, the group takes remark-gfm's autolink walk of the tree with it. */
  transform?: true;
}
const TRANSFORM_POSSIBLE = /www|http|[@&]/i;
const TABLE_POSSIBLE = /\||:-|-:/;
const TASK_CHECK_POSSIBLE = /\[[\t\n\r xX]/;
export const GFM_GROUPS: readonly GfmGroup[] = [
  { names: ['emailAutolink'], possible: (text) => text.includes('@') },
  { names: ['wwwAutolink', 'protocolAutolink'], possible: (text) => TRANSFORM_POSSIBLE.test(text), transform: true },
  { names: ['table'], possible: (text) => TABLE_POSSIBLE.test(text) },
  { names: ['strikethrough'], possible: (text) => text.includes('~') },
  { names: ['gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall'], possible: (text) => text.includes('[^') },
  { names: ['tasklistCheck'], possible: (text) => TASK_CHECK_POSSIBLE.test(text) },
];

/** Plugin: the GFM mdast extensions without the autolink-literal transform (tokenized autolinks stay). */
function withoutAutolinkTransform(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: (Extension | Extension[])[] };
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).flat().map((ext) => (ext.enter && 'literalAutolink' in ext.enter ? { ...ext, transforms: [] } : ext));
}

type Construct = { name?: string };
type ConstructMap = Record<string, Construct | Construct[] | null | undefined>;
/** The fields of a syntax extension that map character codes to constructs. */
const CONSTRUCT_FIELDS = ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text', 'insideSpan'] as const;

/** `map`, one of a syntax extension's maps of constructs, without the constructs `names` (micromark's names). */
function withoutConstructs(map: ConstructMap, names: ReadonlySet<string>): ConstructMap {
  const kept: ConstructMap = {};
  for (const [code, list] of Object.entries(map)) {
    if (!list) continue;
    const constructs = (Array.isArray(list) ? list : [list]).filter((c) => !names.has(c.name ?? ''));
    if (constructs.length > 0) kept[code] = constructs;
  }
  return kept;
}

/** Plugin: the syntax extensions without the constructs `names`. */
function withoutNamedConstructs(this: Processor, names: ReadonlySet<string>): void {
  const data = this.data() as { micromarkExtensions?: Record<string, unknown>[] };
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((ext) => {
    const out = { ...ext };
    for (const field of CONSTRUCT_FIELDS) if (out[field]) out[field] = withoutConstructs(out[field] as ConstructMap, names);
    return out;
  });
}

type Stack = typeof import('./remark');
interface Parsers {
  stack: Stack;
  /** Body parsers by the groups of `GFM_GROUPS` they leave out (bit i: group i), built on first use. */
  body: Map<number, Processor>;
  head: Processor;
}
let parsers: Parsers | undefined;

/** The parsers, built on first use. */
function built(): Parsers {
  if (parsers) return parsers;
  // A require, not an import: the bundler then evaluates the parser's libraries on this call, not at load.
  const stack = require('./remark') as Stack;
  const { unified, remarkParse, remarkFrontmatter } = stack;
  parsers = { stack, body: new Map(), head: unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze() as unknown as Processor };
  return parsers;
}

/** The body parser without the GFM groups of `left` (a bit per row of `GFM_GROUPS`). */
function bodyParser(p: Parsers, left: number): Processor {
  const known = p.body.get(left);
  if (known) return known;
  const groups = GFM_GROUPS.filter((_, i) => left & (1 << i));
  const plugins: PluggableList = [p.stack.remarkParse, p.stack.remarkGfm];
  if (groups.length > 0) plugins.push([withoutNamedConstructs, new Set(groups.flatMap((g) => g.names))]);
  if (groups.some((g) => g.transform)) plugins.push(withoutAutolinkTransform);
  const frozen = p.stack.unified().use(plugins).freeze() as unknown as Processor;
  p.body.set(left, frozen);
  return frozen;
}

/** The GFM groups `text` cannot complete, a bit per row of `GFM_GROUPS`. */
function groupsLeftOut(text: string): number {
  let left = 0;
  for (let i = 0; i < GFM_GROUPS.length; i++) if (!GFM_GROUPS[i].possible(text)) left |= 1 << i;
  return left;
}

/** Whether the parser's libraries are loaded (a host that slices its work loads them in a slice of their own). */
export function parserLoaded(): boolean {
  return parsers !== undefined;
}

/** Loads the parser's libraries now (the first parse would); each body parser is built at the first block that needs it. */
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
  return bodyParser(p, groupsLeftOut(text)).parse(text) as Root;
}

/**
 * Parses as `parseMarkdown` does, with every GFM construct tried whatever the text holds: the
 * tree `parseMarkdown` must give (the unit tests and the fuzz compare the two).
 */
export function parseMarkdownAllConstructs(text: string): Root {
  return bodyParser(parsers ?? built(), 0).parse(text) as Root;
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
