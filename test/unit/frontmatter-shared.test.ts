/**
 * The linter shares YAML reads between documents with the same frontmatter source. A shared read
 * gives the same frontmatter as a fresh one wherever the block sits (a BOM or a `--- ` fence moves
 * it), with errors, values, fields and directives in the document's own offsets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFrontmatter, type Frontmatter } from '../../src/core/frontmatter';

const SOURCES = [
  'title: [Customer name]\nowner: [OWNER]\nstatus: draft\n',
  'fields:\n  - { name: "A", label: "A" } (0.1)\n  - b\n',
  'path: */sources/a.md\n',
  '- a\n- b\n',
  'a: 1\na: 2\n',
  '# integration-docs-disable-next-line field\ntitle: <Partner Name>\ndate: YYYY-MM-DD\n',
];
const HEADS = ['---\n', '\uFEFF---\n', '---  \r\n'];

function plain(fm: Frontmatter | undefined): unknown {
  if (!fm) return fm;
  const { doc, ...rest } = fm;
  return { ...rest, doc: doc ? JSON.stringify(doc.contents) : undefined };
}

test('a shared YAML read gives what a fresh read gives, at every offset', () => {
  for (let round = 0; round < 2; round++) {
    for (const head of HEADS) {
      for (const source of SOURCES) {
        const text = `${head}${source}---\n\n# Body\n`;
        assert.deepEqual(plain(readFrontmatter(text, [/TODO/g], true)), plain(readFrontmatter(text, [/TODO/g])), JSON.stringify(text));
      }
    }
  }
});
