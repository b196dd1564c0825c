// Generates the rule catalogue's copies (package.json rule settings, the config JSON schema, the
// README's rule table) from the rule registry with src/build/catalogue.ts, bundled on the fly.
// `node src/build/catalogue.mjs --check` exits 1 when a committed file is stale instead of writing it.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Writes (or, with `check`, verifies) the generated files; returns whether all were current. */
export async function writeCatalogue({ check = false } = {}) {
  const outfile = resolve(ROOT, 'dist/build/catalogue.cjs');
  await esbuild.build({
    entryPoints: [resolve(ROOT, 'src/build/catalogue.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    outfile,
  });
  const require = createRequire(import.meta.url);
  delete require.cache[outfile];
  const { catalogueFiles } = require(outfile);
  let current = true;
  for (const { path, text } of catalogueFiles((p) => readFileSync(resolve(ROOT, p), 'utf8'))) {
    if (readFileSync(resolve(ROOT, path), 'utf8') === text) continue;
    current = false;
    if (check) console.error(`${path} is out of date with the rule registry: run npm run build`);
    else {
      writeFileSync(resolve(ROOT, path), text);
      console.log(`wrote ${path} (rule catalogue)`);
    }
  }
  return current || !check;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ok = await writeCatalogue({ check: process.argv.includes('--check') });
  process.exitCode = ok ? 0 : 1;
}
