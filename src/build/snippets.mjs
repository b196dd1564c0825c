// Generates snippets/markdown.json from the template files with the same engine the extension
// uses (src/templates/snippets.ts, bundled on the fly). `node src/build/snippets.mjs --check`
// exits 1 when the committed file is stale instead of writing it.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Writes (or, with `check`, verifies) the snippets file; returns whether it was current. */
export async function writeSnippets({ check = false } = {}) {
  const outfile = resolve(ROOT, 'dist/build/snippets.cjs');
  await esbuild.build({
    entryPoints: [resolve(ROOT, 'src/templates/snippets.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    loader: { '.md': 'text' },
    outfile,
  });
  const require = createRequire(import.meta.url);
  delete require.cache[outfile];
  const { snippetsJson, SNIPPETS_PATH } = require(outfile);
  const target = resolve(ROOT, SNIPPETS_PATH);
  const text = snippetsJson();
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // first generation
  }
  if (current === text) return true;
  if (check) {
    console.error(`${SNIPPETS_PATH} is out of date: run npm run build`);
    return false;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${SNIPPETS_PATH}`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await writeSnippets({ check: process.argv.includes('--check') });
  process.exitCode = ok ? 0 : 1;
}
