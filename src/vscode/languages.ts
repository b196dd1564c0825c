/**
 * Which editor documents are integration docs: Markdown (`markdown`) and MDX (`mdx`, the id the
 * MDX extension uses; this extension also gives `.mdx` files that id, so they are linted without
 * it). One place for the language ids, the selector of the providers, the workspace glob and the
 * syntax a document is parsed with (`syntaxOf` in the core decides, as for the CLI).
 */
import type * as vscode from 'vscode';
import { MARKDOWN_EXTENSIONS, syntaxOf, type DocumentSyntax } from '../core/syntax';

/** Language ids of the documents the extension lints and outlines. */
export const DOC_LANGUAGES: readonly string[] = ['markdown', 'mdx'];

/** The document selector of the code action, code lens and hover providers. */
export const DOC_SELECTOR: vscode.DocumentFilter[] = DOC_LANGUAGES.map((language) => ({ language }));

/** The files "Lint All Integration Docs" walks: `**\/*.{md,markdown,mdx}`. */
export const DOC_GLOB = `**/*.{${MARKDOWN_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

/** Whether the editor shows `doc` as Markdown or MDX. */
export function isDocLanguage(doc: Pick<vscode.TextDocument, 'languageId'>): boolean {
  return DOC_LANGUAGES.includes(doc.languageId);
}

/** The syntax `doc` is parsed with: MDX for the `mdx` language or a `.mdx` file, else Markdown. */
export function docSyntax(uri: vscode.Uri, languageId?: string): DocumentSyntax {
  return syntaxOf(uri.path, languageId) ?? 'markdown';
}
