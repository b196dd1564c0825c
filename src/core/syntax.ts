/**
 * Which Markdown a document is written in: CommonMark + GFM, or MDX (Docusaurus, Mintlify,
 * Nextra pages), where JSX, `{expressions}` and `import`/`export` lines are code, never fields.
 * Decided by the editor's language id or the file extension, the same way in the CLI and VS Code.
 */

/** The syntax a document is parsed with. */
export type DocumentSyntax = 'markdown' | 'mdx';

/** File extensions of the documents the CLI walks and the editor lints. */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.mdx'];

/**
 * The syntax of a document from its file name and, in the editor, its language id (`mdx` from an
 * MDX extension, or `markdown`); undefined for a document that is neither.
 *
 * ```ts
 * syntaxOf('docs/intro.mdx')              // 'mdx'
 * syntaxOf('Untitled-1', 'markdown')      // 'markdown'
 * syntaxOf('page.mdx', 'markdown')        // 'mdx' (the file is MDX whatever the editor calls it)
 * ```
 */
export function syntaxOf(fileName: string, languageId?: string): DocumentSyntax | undefined {
  const lower = fileName.toLowerCase();
  if (languageId === 'mdx' || lower.endsWith('.mdx')) return 'mdx';
  if (languageId === 'markdown' || MARKDOWN_EXTENSIONS.some((ext) => lower.endsWith(ext))) return 'markdown';
  return undefined;
}
