/**
 * The contributed snippets file, generated from the built-in templates by
 * `src/build/snippets.mjs` (run at the end of `npm run build`) and checked by a unit test.
 */
import { snippetsFile } from '../core/templates/index';
import { builtinTemplates } from './index';

/** Where the snippets file lives (relative to the repository root; `contributes.snippets`). */
export const SNIPPETS_PATH = 'snippets/markdown.json';

/** The text of `snippets/markdown.json` for the current templates. */
export function snippetsJson(): string {
  return `${JSON.stringify(snippetsFile(builtinTemplates()), null, 2)}\n`;
}
