/**
 * The one place that builds the Markdown parser: unified + remark-parse + remark-gfm
 * (task lists, tables, footnotes, autolinks) + remark-frontmatter.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** Parses Markdown into an mdast tree with positions. Never throws on any string. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}
