/**
 * The one place that builds the Markdown parsers, on unified + remark-parse:
 * - blocks of a document body are parsed with remark-gfm (task lists, tables, footnotes,
 *   autolinks) and without frontmatter — a body block that starts with `---` is a thematic
 *   break, never a frontmatter fence;
 * - the head of a document is parsed with remark-frontmatter to find its YAML block;
 * - an MDX body is parsed with remark-mdx as well, so JSX, `{expressions}` and ESM are nodes of
 *   their own (never prose).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import type { Root } from 'mdast';

const body = unified().use(remarkParse).use(remarkGfm).freeze();
const mdxBody = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();
const head = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

/** Parses Markdown (a document body or a block of it) into an mdast tree with positions. Never throws. */
export function parseMarkdown(text: string): Root {
  return body.parse(text) as Root;
}

/**
 * Parses an MDX body into an mdast tree with MDX nodes (`mdxJsxFlowElement`, `mdxTextExpression`,
 * `mdxjsEsm`, …); undefined when it is not valid MDX (the MDX compiler would reject it too).
 */
export function parseMdx(text: string): Root | undefined {
  try {
    return mdxBody.parse(text) as Root;
  } catch {
    return undefined;
  }
}

/**
 * The span of the YAML frontmatter block (fences included) that remark-frontmatter finds at
 * the start of `head`, or undefined. Pass only the head of a document (up to its closing fence).
 */
export function frontmatterBlock(head_: string): { start: number; end: number } | undefined {
  const first = (head.parse(head_) as Root).children[0];
  if (first?.type !== 'yaml' || first.position?.start.offset === undefined || first.position.end.offset === undefined) return undefined;
  return { start: first.position.start.offset, end: first.position.end.offset };
}
