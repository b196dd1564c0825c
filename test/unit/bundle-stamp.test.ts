/**
 * The build's last step (`src/build/bundle-stamp.mjs`): bundles made ASCII-only without changing
 * what any regex matches, and stamped with the id the CLI's code cache names them by
 * (`bundleId` in `src/cli/compile-cache.ts` reads it back).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleId } from '../../src/cli/compile-cache';
import { ROOT } from './helpers';

interface Stamp {
  asciiOnly(code: string): { code: string; left: number };
  stampBundle(file: string, options?: { id?: boolean }): string | undefined;
  bundleIdOf(code: string): string;
  ID_LINE: string;
}

// A runtime path, so the bundler leaves the ES module to Node instead of inlining it.
const load = (): Promise<Stamp> => import(pathToFileURL(join(ROOT, 'src/build/bundle-stamp.mjs')).href);

const NON_ASCII = /[^\x00-\x7f]/;

// Regex literals as a bundle holds them (the characters themselves, written here as escapes):
// classes, ranges, identity escapes, an escaped backslash before a character, astral characters
// with and without the u flag (a quantifier takes a whole code point only with it), group names.
const PATTERNS = [
  '/[\u2019\u2013]/u',
  '/[\u2019\u2013]+/',
  '/\\\u2013x/',
  '/[\\\u2013]/',
  '/\\\\\u2013/',
  '/\u{1F600}+/u',
  '/\u{1F600}+/',
  '/^[\u{1F600}]$/',
  '/^[\u{1F600}]$/u',
  '/[a-\u00e9]/i',
  '/(?<caf\u00e9>x)\\k<caf\u00e9>/u',
  '/[^\\s\u2019]/v',
  '/["\u201c][^"\u201c\u201d]*\\p{L}/u',
];
const PROBES = ['', 'x', 'xx', '\u2019', '\u2013', 'a\u2013b', '\\\u2013', '\u2013x', '\u{1F600}', '\u{1F600}\u{1F600}', '\uD83D', '\uDE00\uDE00', '\u00e9', '\u00c9', 'E', '\u201cWord', '"a', '\u2019 ', ' '];

/** What each pattern of `code` (an array literal's items) finds in each probe. */
function behaviour(code: string): string {
  const patterns = new Function(`return [${code}];`)() as RegExp[];
  return JSON.stringify(patterns.map((p) => [p.flags, PROBES.map((s) => p.exec(s))]));
}

test('regex literals come out ASCII-only and match exactly what they matched', async () => {
  const { asciiOnly } = await load();
  const code = PATTERNS.join(',\n');
  const out = asciiOnly(code);
  assert.equal(out.left, 0);
  assert.doesNotMatch(out.code, NON_ASCII);
  assert.equal(behaviour(out.code), behaviour(code));
  // Each on its own too (a pattern escaped wrongly could hide behind another's match).
  for (const p of PATTERNS) assert.equal(behaviour(asciiOnly(p).code), behaviour(p), p);
  assert.equal(asciiOnly('/\\\u2013x/').code, '/\\u2013x/', 'an identity escape loses its backslash');
  assert.equal(asciiOnly('/\\\\\u2013/').code, '/\\\\\\u2013/', 'an escaped backslash keeps both');
  assert.equal(asciiOnly('/\u{1F600}/').code, '/\\uD83D\\uDE00/', 'an astral character as its two surrogates');
});

test('comments are escaped, strings and division are untouched, template literals are left and counted', async () => {
  const { asciiOnly } = await load();
  const code = '#!/usr/bin/env node\n// it\u2019s\n/** a \u2013 b */\nconst a = 4 / 2 / 1, s = "x";\nconst t = String.raw`\u2192`;\nreturn [a, s, t, /\u2192/.test(t)];\n';
  const out = asciiOnly(code);
  assert.equal(out.left, 1, 'the template literal keeps its arrow: a tag reads its raw text');
  assert.match(out.code, /\/\/ it\\u2019s\n\/\*\* a \\u2013 b \*\//);
  assert.match(out.code, /const a = 4 \/ 2 \/ 1, s = "x";/);
  assert.match(out.code, /String\.raw`\u2192`/);
  const run = (text: string) => JSON.stringify(new Function(text.replace(/^#![^\n]*/, ''))());
  assert.equal(run(out.code), run(code));
  assert.deepEqual(asciiOnly('const x = 1;\n'), { code: 'const x = 1;\n', left: 0 }, 'ASCII text is not even parsed');
});

test('a stamped bundle ends with its id, which the code cache reads back; stamping again changes nothing', async () => {
  const { stampBundle, bundleIdOf, ID_LINE } = await load();
  const dir = mkdtempSync(join(tmpdir(), 'integration-docs-stamp-'));
  try {
    const file = join(dir, 'bundle.js');
    writeFileSync(file, '"use strict";\nmodule.exports = /[\u2019]/u;\n//# sourceMappingURL=bundle.js.map\n');
    assert.equal(stampBundle(file, { id: true }), undefined);
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, NON_ASCII);
    const id = bundleId(text);
    assert.match(id ?? '', /^[0-9a-f]{32}$/);
    assert.equal(id, bundleIdOf(text.slice(0, text.lastIndexOf(ID_LINE) + 1)), 'the id is the hash of the text above it');
    assert.ok(text.includes('//# sourceMappingURL=bundle.js.map\n'), 'the source map comment stays');
    stampBundle(file, { id: true });
    assert.equal(readFileSync(file, 'utf8'), text);
    writeFileSync(file, 'module.exports = `\u2192`;\n');
    assert.match(stampBundle(file) ?? '', /1 non-ASCII character/);
    assert.equal(bundleId(readFileSync(file, 'utf8')), undefined, 'no id unless asked for');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the built bundles are ASCII-only, and those the CLI caches carry an id', () => {
  const cached = ['cli-main.js', 'lazy/remark.js', 'lazy/remark-mdx.js', 'lazy/re2js.js', 'lazy/yaml.js', 'lazy/yaml-events.js'];
  for (const name of ['cli.js', 'cli-worker.js', 'extension.js', 'web/extension.js', ...cached]) {
    const text = readFileSync(join(ROOT, 'dist', name), 'utf8');
    const at = NON_ASCII.exec(text);
    assert.equal(at, null, `dist/${name}: ${JSON.stringify(text.slice((at?.index ?? 0) - 40, (at?.index ?? 0) + 10))}`);
    assert.equal(bundleId(text) !== undefined, cached.includes(name), `dist/${name} has an id`);
  }
});
