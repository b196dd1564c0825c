/**
 * The bench's generated corpora (`test/bench/corpus.ts`) must keep the structure writers write:
 * the marker that makes each line unique may change a line's text, never what the line is. A
 * marker after a definition's title, after a hard break or inside link text over two lines once
 * turned definitions into paragraphs, so the corpus measured blocks no writer writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Nodes } from 'mdast';
import { sources, uniquify } from '../bench/corpus';
import { parseMarkdown } from '../../src/core/parse';
import { ROOT, joinLines } from './helpers';

/** Every node but text, with its depth in the tree (and a heading's level). */
function structure(text: string): string[] {
  const out: string[] = [];
  const walk = (node: Nodes, depth: number) => {
    if (node.type !== 'text') out.push(`${' '.repeat(depth)}${node.type}${node.type === 'heading' ? node.depth : ''}`);
    if ('children' in node) for (const child of node.children) walk(child, depth + 1);
  };
  walk(parseMarkdown(text), 0);
  return out;
}

const withoutFrontmatter = (doc: string) => doc.replace(/^---\n[\s\S]*?\n---\n/, '');

test('uniquify keeps the structure of every template and finished doc the corpora are made of', () => {
  const { templates, finished } = sources(ROOT);
  assert.ok(templates.length >= 5 && finished.length >= 30);
  for (const doc of [...templates, ...finished]) {
    const body = withoutFrontmatter(doc);
    assert.deepEqual(structure(uniquify(body, 7)), structure(body), body.slice(0, 80));
  }
});

test('uniquify marks every prose line, placing the marker where it keeps the line what it is', () => {
  const doc = joinLines(
    'Text ending in a hard break  ',
    'and one ending in a backslash\\',
    '> A quote with [link text',
    '>',
    '> over two lines] and a blank quote line.',
    '',
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
    '',
    '[def]: https://example.com "Title"',
    "[other]: <https://example.com/other> 'Other'",
  );
  assert.equal(
    uniquify(doc, 3),
    joinLines(
      'Text ending in a hard break (3.0)  ',
      'and one ending in a backslash (3.1)\\',
      '> A quote with (3.2) [link text',
      '>',
      '> over two lines] and a blank quote line. (3.3)',
      '',
      '| a | b (3.4) |',
      '|---|---|',
      '| 1 | 2 (3.5) |',
      '',
      '[def]: https://example.com "Title (3.6)"',
      "[other]: <https://example.com/other> 'Other (3.7)'",
    ),
  );
  assert.deepEqual(structure(uniquify(doc, 3)), structure(doc));
});

test('a frontmatter gets one YAML comment, not a marker per line', () => {
  assert.equal(uniquify('---\ntitle: A\n---\nText\n', 4), '---\ntitle: A\n# part 4\n---\nText (4.0)\n');
});
