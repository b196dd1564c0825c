/**
 * A bullet-list chunk read item by item (src/core/list-items.ts) gives what parsing it whole
 * gives, and lists an item could not be read apart from stay whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listItemFacts } from '../../src/core/list-items';
import { parsedFacts } from '../../src/core/facts';
import { buildModel, lintModel, lint } from '../../src/core/index';

const OPTIONS = { patterns: [] };

/** Lists of entries where one entry holds a code block or an unpaired backtick (which the fast paths leave to the parser). */
const SPLIT = [
  '* [#1](https://x.y/1) Add `[Customer name]`\n\n  ```ts\n  const a = [Your key];\n  ```\n* Fixed [Owner] and `a[]`\n* Add {{name}} support\n',
  '## <a id="1-0"></a>1.0 - YYYY-MM-DD\n* [#2](https://x.y/2) Fix `a\n  b` spans\n  * nested [TBD]\n- [ ] a task\n+ [Docs] entry tag\n',
  '- one\n  <!-- a comment\n\n  still -->\n- two [field here]\n  > quote [inside]\n- three\n\n      indented code [x]\n',
  '* a\n  ```\n  open fence [a]\n* b [after an unclosed fence]\n# Heading [h]\n* c\n',
];

/** Lists that must stay whole: a column-1 line an item does not hold, a definition, tabs. */
const WHOLE = [
  '* a\n```\n* inside a top-level fence [x]\n```\n',
  '* a\nlazy [continuation]\n* b\n',
  '1. a\n  ```\n* b [x]\n  ```\n',
  '* a [ref]\n* b\n\n  [ref]: https://x.y\n',
  '* a\n\t```\n* b\n',
  '* only one item `a[]`\n\n  ```\n  [x]\n  ```\n',
];

test('a bullet list read item by item equals the parse of the whole list', () => {
  for (const text of SPLIT) {
    const split = listItemFacts(text, OPTIONS);
    assert.ok(split, `read item by item: ${JSON.stringify(text)}`);
    assert.deepEqual(split, parsedFacts(text, OPTIONS), JSON.stringify(text));
  }
});

test('a list an item cannot be read apart from stays whole', () => {
  for (const text of WHOLE) assert.equal(listItemFacts(text, OPTIONS), undefined, JSON.stringify(text));
});

test('documents of such lists lint as a full parse does', () => {
  for (const text of [...SPLIT, ...WHOLE]) {
    const doc = `# Changelog\n\n${text}\n${text}`;
    assert.deepEqual(lint(doc), lintModel(buildModel(doc, { patterns: [], alwaysParse: true })), JSON.stringify(doc));
  }
});
