/**
 * Where the chunk splitter (`src/core/chunks.ts`) cuts: never inside a fenced code block or an
 * HTML block that runs past blank lines, whose opening line may be indented up to three spaces
 * (four make indented code, which blank lines and a column-1 line end).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitChunks, lineStarts } from '../../src/core/chunks';

/** The first line of each chunk of `text`. */
function heads(text: string): string[] {
  return splitChunks(text, 0, lineStarts(text)).map((c) => c.text.split('\n')[0]);
}

test('a fence or a raw HTML block opened up to three spaces in holds its blank lines; four spaces open neither', () => {
  for (const indent of ['', ' ', '  ', '   ']) {
    assert.ok(!heads(`${indent}\`\`\`\n\n# in the fence\n${indent}\`\`\`\n\nAfter\n`).includes('# in the fence'), `fence after ${indent.length} spaces`);
    assert.ok(!heads(`${indent}~~~\n\n# in the fence\n~~~\n`).includes('# in the fence'), `tilde fence after ${indent.length} spaces`);
    assert.ok(!heads(`${indent}<pre>\n\n# in pre\n</pre>\n`).includes('# in pre'), `<pre> after ${indent.length} spaces`);
    assert.ok(!heads(`${indent}<!-- open\n\n# in the comment\n-->\n`).includes('# in the comment'), `comment after ${indent.length} spaces`);
  }
  assert.deepEqual(heads('    ```\n\n# not fenced\n'), ['    ```', '# not fenced']);
  assert.deepEqual(heads('    <pre>\n\n# not in pre\n'), ['    <pre>', '# not in pre']);
  assert.deepEqual(heads('\u00A0```\n\n# not fenced\n'), ['\u00A0```', '# not fenced']);
  assert.deepEqual(heads('Text <pre> in a line\n\n# next\n'), ['Text <pre> in a line', '# next']);
});
