/**
 * The Markdown parser's libraries (unified, remark-parse, remark-gfm, remark-frontmatter and the
 * micromark stack under them), required by `./parse` on its first parse. They are half of the
 * Node extension host's bundle: there they are a file of their own (dist/lazy/remark.js), so
 * activation does not load them; the first lint does, in a slice of its own.
 */
export { unified } from 'unified';
export { default as remarkParse } from 'remark-parse';
export { default as remarkGfm } from 'remark-gfm';
export { default as remarkFrontmatter } from 'remark-frontmatter';
