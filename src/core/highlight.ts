/**
 * The TextMate grammar injected into Markdown so fields stand out before diagnostics arrive,
 * generated from the dialect table by `src/build/grammar.mjs` (run by `npm run build`) and
 * checked by a unit test. Highlighting is by pattern only: the linter's diagnostics remain
 * the judgement (the grammar cannot see a document's reference definitions).
 */
import { DIALECTS } from './dialects';

/** Where the grammar lives (relative to the repository root; `contributes.grammars`). */
export const INJECTION_GRAMMAR_PATH = 'syntaxes/placeholders.injection.tmLanguage.json';

/** The injection grammar's scope name. */
export const INJECTION_SCOPE = 'integration-docs.placeholders.injection';

/** The grammar: one repository entry per dialect row that highlights, in table order. */
export function injectionGrammar(): Record<string, unknown> {
  const rows = DIALECTS.filter((d) => d.highlight);
  const repository: Record<string, { comment: string; match: string; name: string }> = {};
  for (const d of rows) {
    const h = d.highlight as NonNullable<typeof d.highlight>;
    repository[d.id] = {
      comment: `${d.title} (generated from src/core/dialects.ts): ${d.examples.field.join(', ')}`,
      match: h.match,
      name: h.scope,
    };
  }
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    scopeName: INJECTION_SCOPE,
    injectionSelector: 'L:text.html.markdown -comment -meta.embedded -markup.fenced_code -markup.inline.raw',
    patterns: rows.map((d) => ({ include: `#${d.id}` })),
    repository,
  };
}

/** The text of the grammar file. */
export function injectionGrammarJson(): string {
  return `${JSON.stringify(injectionGrammar(), null, 2)}\n`;
}
