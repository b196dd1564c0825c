/**
 * The bundles build the syntax tree with one compile context per parse instead of a copy per
 * event (`src/build/from-markdown-context.mjs`). Every tree the patched parser builds must equal
 * the one the unpatched libraries build, loaded here from node_modules as they ship.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseMarkdown } from '../../src/core/parse';
import { FIXTURES, ROOT, markdownFiles, read, rng } from './helpers';

/** The build's patch (an ES module the bundler does not bundle here). */
const patch = (): Promise<{ patchFromMarkdown: (source: string) => string }> => import(pathToFileURL(join(ROOT, 'src/build/from-markdown-context.mjs')).href);

/** An ES module from node_modules, unbundled (the bundler leaves an import of a computed specifier alone). */
async function shipped<T>(name: string): Promise<T> {
  const url = pathToFileURL(require.resolve(join(ROOT, 'node_modules', name))).href;
  return (await import(url)) as T;
}

test('the patched tree builder builds the trees the shipped libraries build, on every fixture and template, and on their blocks shuffled', async () => {
  const { fromMarkdown } = await shipped<typeof import('mdast-util-from-markdown')>('mdast-util-from-markdown');
  const { gfm } = await shipped<typeof import('micromark-extension-gfm')>('micromark-extension-gfm');
  const { gfmFromMarkdown } = await shipped<typeof import('mdast-util-gfm')>('mdast-util-gfm');
  const plain = (text: string) => fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const docs = [FIXTURES, join(ROOT, 'src/templates')].flatMap((dir) => markdownFiles(dir).map((f) => read(join(dir, f))));
  assert.ok(docs.length > 50, `${docs.length} documents`);
  const random = rng(5);
  const blocks = docs.flatMap((d) => d.split(/\n\s*\n/));
  const shuffled = Array.from({ length: 40 }, () => Array.from({ length: 12 }, () => blocks[Math.floor(random() * blocks.length)]).join('\n\n'));
  for (const [i, text] of [...docs, ...shuffled].entries()) assert.deepEqual(parseMarkdown(text), plain(text), `document ${i}`);
});

test('the patch fails the build on a version of the library whose compile loop it does not know', async () => {
  const { patchFromMarkdown } = await patch();
  const source = readFileSync(require.resolve(join(ROOT, 'node_modules/mdast-util-from-markdown/lib/index.js')), 'utf8');
  assert.match(patchFromMarkdown(source), /const shared = \{\.\.\.context, sliceSerialize: undefined\};[^]*\.call\(shared, /);
  assert.throws(() => patchFromMarkdown(source.replace('// Note: spread first', '// Note: spread')), /no longer knows its compile loop/);
});
