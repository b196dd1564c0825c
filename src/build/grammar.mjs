// Generates the TextMate injection grammar (syntaxes/placeholders.injection.tmLanguage.json)
// from the dialect table (src/core/dialects.ts, through src/core/highlight.ts, bundled on the
// fly). `node src/build/grammar.mjs --check` exits 1 when the committed file is stale.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Writes (or, with `check`, verifies) the grammar file; returns whether it was current. */
export async function writeGrammar({ check = false } = {}) {
  const outfile = resolve(ROOT, 'dist/build/highlight.cjs');
  await esbuild.build({
    entryPoints: [resolve(ROOT, 'src/core/highlight.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    outfile,
  });
  const require = createRequire(import.meta.url);
  delete require.cache[outfile];
  const { injectionGrammarJson, INJECTION_GRAMMAR_PATH } = require(outfile);
  const target = resolve(ROOT, INJECTION_GRAMMAR_PATH);
  const text = injectionGrammarJson();
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // first generation
  }
  if (current === text) return true;
  if (check) {
    console.error(`${INJECTION_GRAMMAR_PATH} is out of date: run npm run build`);
    return false;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${INJECTION_GRAMMAR_PATH}`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await writeGrammar({ check: process.argv.includes('--check') });
  process.exitCode = ok ? 0 : 1;
}
