// Tokenizes Markdown with VS Code's own Markdown grammar plus our injection grammar, using the
// TextMate engine that ships inside code-server, and checks which text gets a placeholder scope:
// fields do, links, task boxes, code spans and ${{ }} do not. Run by run.mjs before the suite.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const CASES = [
  ['# Guide for [Customer name]', ['[Customer name]']],
  ['| **Customer** | [Customer name or "Generic"] |', ['[Customer name or "Generic"]']],
  ['See [the docs](https://example.com) and {{PLAN_LEVEL}} on YYYY-MM-DD.', ['{{PLAN_LEVEL}}', 'YYYY-MM-DD']],
  ['- [ ] Obtain [SYSTEM_A] credentials', ['[SYSTEM_A]']],
  ['{{#if accounting}}', ['{{#if accounting}}']],
  ['`[command]` and ${{ secrets.TOKEN }} and [^1] and [!NOTE]', []],
];

/** Checks the injection grammar; `vscodeDir` is code-server's `lib/vscode`. Returns a summary line. */
export async function checkGrammar(vscodeDir, repoRoot) {
  const require = createRequire(join(vscodeDir, 'package.json'));
  const tm = require('vscode-textmate');
  const onig = require('vscode-oniguruma');
  await onig.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  const files = {
    'text.html.markdown': join(vscodeDir, 'extensions/markdown-basics/syntaxes/markdown.tmLanguage.json'),
    'integration-docs.placeholders.injection': join(repoRoot, 'syntaxes/placeholders.injection.tmLanguage.json'),
  };
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
    loadGrammar: async (scope) => (files[scope] ? tm.parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]) : null),
    getInjections: (scope) => (scope === 'text.html.markdown' ? ['integration-docs.placeholders.injection'] : []),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  let state = tm.INITIAL;
  for (const [line, expected] of CASES) {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const marked = result.tokens.filter((t) => t.scopes.some((s) => s.endsWith('.integration-docs'))).map((t) => line.slice(t.startIndex, t.endIndex));
    assert.deepEqual(marked, expected, `highlighted in ${JSON.stringify(line)}`);
  }
  return `grammar: ${CASES.length} lines tokenized with VS Code's Markdown grammar, placeholders highlighted as expected`;
}
