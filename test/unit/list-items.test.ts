/**
 * A bullet-list chunk read item by item (src/core/list-items.ts) gives what parsing it whole
 * gives, and lists an item could not be read apart from stay whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listItemFacts } from '../../src/core/list-items';
import { parsedFacts } from '../../src/core/facts';
import { buildModel, lintModel, lint } from '../../src/core/index';
import { differential } from './helpers';

const OPTIONS = { patterns: [] };

/** Lists of entries where one entry holds a code block or an unpaired backtick (which the fast paths leave to the parser). */
const SPLIT = [
  '* a `b\n  c` [d]\nlazy text [e] after it\n* f {{g}}\n', // a lazy continuation line stays with its item
  '* a\n  ```\n  code [x]\n  ```\nNot lazy: the fence ended the item [y]\n* b `c\n  d`\n',
  '* [#1](https://x.y/1) Add `[Customer name]`\n\n  ```ts\n  const a = [Your key];\n  ```\n* Fixed [Owner] and `a[]`\n* Add {{name}} support\n',
  '## <a id="1-0"></a>1.0 - YYYY-MM-DD\n* [#2](https://x.y/2) Fix `a\n  b` spans\n  * nested [TBD]\n- [ ] a task\n+ [Docs] entry tag\n',
  '- one\n  <!-- a comment\n\n  still -->\n- two [field here]\n  > quote [inside]\n- three\n\n      indented code [x]\n',
  '* a\n  ```\n  open fence [a]\n* b [after an unclosed fence]\n# Heading [h]\n* c\n',
  // A paragraph the list interrupts (the table of contents of a README): a block of its own.
  'text before [x]\n* a\n* b\n',
  '**Table of contents**\n- [Errors](#errors)\n  - [Sub `a`](#sub) `b\n    c`\n\n    - [Deep](#deep) [x]\n- [Next](#next)\n',
  'Text with `a code\n- span` that the item cuts [x]\n- and [link\n- text](y)\n',
  '_Note_ {{x}}\nmore text  \n* a\n* b\n',
];

/** Entries read as their head and sub-items (one level down, or more): a sub-item holds what the fast paths miss. */
const NESTED = [
  '* [#3](https://x.y/3) Update generated code\n  * Add `a` [Field one]\n  * Fix `b\n    c` spans\n  * Add [TBD] and `x[]`\n',
  '* Release notes\n\n  Intro [Owner].\n\n  ### Changes\n\n  * one `a[`\n    * deeper `b\n      c`\n    * deeper [two]\n  ### Additions\n  * three {{name}}\n',
  '*   Wide item\n    * sub one `a\n      b`\n    * sub two [x]\n\n          indented code [y]\n',
  '* a\n  * b `c\n    d` [e]\n    ```\n    fence [f]\n    ```\n* g [h]\n  - [ ] task `i\n    j`\n  - [x] done\n',
  '* `opts` {Object}\n  * `a` {number|null} The timeout, `x\n    y` in ms\n  * `b` {boolean} Enables it for\n  lazy text [Owner] here.\n  * `c` {string} [TBD]\n',
];

/** Entries whose head or sub-items cannot be read apart: they are parsed whole (and still equal the parse). */
const NESTED_WHOLE = [
  '* a\n  ```\n  * inside a fence `x\n    y`\n  ```\n',
  '* a\n  <div>\n  * in html `x\n    y`\n',
  '* a\n  | h | i |\n  |---|---|\n  * row? `x\n    y`\n',
  '* a\n  * b [multi\n    line] `c\n    d`\n',
  '* a\n  * b `c\n    d`\n \u00a0 * nbsp\n',
  '* a\n  * b <!-- one\n    two --> `c\n    d`\n',
];

/** Lists that must stay whole: a column-1 line an item does not hold, a definition, tabs. */
const WHOLE = [
  '* a\n```\n* inside a top-level fence [x]\n```\n',
  '* a\n  ```\nafter a fence [x]\n   <div>\n* b [inside the HTML block]\n', // lines below text left of the item are not the item's
  '* a\n| lazy | row |\n* b\n',
  '| text | before |\n* a\n* b\n',
  '* [a](#a)\n* * *\n  ```\n\n- b [w]\n+ c {{d}}\n', // a rule, not an item: the fence after it is no item's
  '> quote before [x]\n* a\n* b\n',
  '1. ordered before [x]\n* a\n* b\n',
  '1. a\n  ```\n* b [x]\n  ```\n',
  '* a [ref]\n* b\n\n  [ref]: https://x.y\n',
  '* a\n\t```\n* b\n',
];

/** Items holding fenced code at their content column: read as their content cut at the fences. */
const ITEM_CONTENT = [
  '* only one item `a[]`\n\n  ```\n  [x]\n  ```\n',
  '2. Deploy the build for [Customer name]:\n\n   ```bash\n   [ -f secret.txt ] || { echo "missing"; exit 1; }\n   helm upgrade --set tag={{TAG}}\n   ```\n\n   You should see `{"status":"ok"}` on [date].\n',
  '10.  **Audit** the calls `a\n     b`\n     ```js\n     const k = [Your key];\n     ```\n     Then *check* {{owner}}:\n     ~~~\n     YYYY-MM-DD\n     ~~~\n',
  '- Step one\n  ```\n  ```\n  - sub [x] `a\n    b`\n  ```sh\n  run [it]\n    ```\n  > quote [q]\n',
  '1. # Heading [h]\n   ```\n   code\n   ```\n   | a | b |\n   |---|---|\n   | [c] | d |\n',
];

/** Items whose fences only the parser can place: they are parsed whole. */
const ITEM_CONTENT_WHOLE = [
  '- [ ] a task\n  ```\n  [x]\n  ```\n',
  '1. a\n   <div>\n   ```\n   [x]\n   ```\n',
  '1. a\n   | h | i |\n   ```\n   [x]\n   ```\n',
  '1. a\n    ```\n   [x]\n   ```\n   [y]\n',
  '1. a\n   ```\n   [never closed]\n',
  '1. a\n   ```markdown\n   [Customer name]\n   ```\n',
  '1. a\n   - b\n     ```\n   [x]\n   ```\n',
  '1. a\n   ```\n   [x] multi\n   ```\n   [a\n   b]\n',
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

test('an entry with sub-items is read as its head and sub-items, equal to the parse of the whole', () => {
  for (const text of NESTED) {
    const split = listItemFacts(text, OPTIONS);
    assert.ok(split, `read apart: ${JSON.stringify(text)}`);
    assert.deepEqual(split, parsedFacts(text, OPTIONS), JSON.stringify(text));
  }
  for (const text of NESTED_WHOLE) assert.deepEqual(listItemFacts(text, OPTIONS) ?? parsedFacts(text, OPTIONS), parsedFacts(text, OPTIONS), JSON.stringify(text));
});

test('an item holding fenced code is read as its content cut at the fences, equal to the parse of the whole', () => {
  for (const text of ITEM_CONTENT) {
    const split = listItemFacts(text, OPTIONS);
    assert.ok(split, `read apart: ${JSON.stringify(text)}`);
    assert.deepEqual(split, parsedFacts(text, OPTIONS), JSON.stringify(text));
  }
  for (const text of ITEM_CONTENT_WHOLE) assert.equal(listItemFacts(text, OPTIONS), undefined, JSON.stringify(text));
});

/**
 * Lists from `generate` read item by item equal the parse of the whole (LIST_ITEMS_ROUNDS rounds,
 * seed LIST_ITEMS_SEED or `seed`); a tenth of them at least must be read apart.
 */
function readsApartAsParsed(generate: (random: () => number) => string, seed: number): void {
  const rounds = Number(process.env.LIST_ITEMS_ROUNDS ?? 3000);
  const apart = differential(generate, Number(process.env.LIST_ITEMS_SEED ?? seed), rounds, (t) => listItemFacts(t, OPTIONS), (t) => parsedFacts(t, OPTIONS));
  assert.ok(apart > rounds / 10, `${apart} of ${rounds} read apart`);
}

/** Random items built from pieces that decide where a fence belongs (markers, indents, HTML, tables, quotes, lazy lines). */
function randomItem(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const marker = pick(['- ', '* ', '1. ', '2) ', '10. ', '-   ', '1.  ', '- [ ] ']);
  const pad = ' '.repeat(marker.replace('[ ] ', '').length);
  const pieces = [
    'text [Field] `a[]`', '```', '```js', '~~~', '````', ' ```', '  ```', '    ```', '```md', '<div>', '<!-- c', '-->', '| a | b |', '|---|---|',
    '> quote [q]', '- sub [s]', '  ```', '1. sub', 'YYYY-MM-DD', '{{name}}', '[a', 'b]', '`x', 'y`', '', '', '# H [h]', 'lazy [l]', '***', '===', '    code [c]', '\t[t]',
  ];
  const lines = [`${marker}${pick(['first [F]', '```', 'x', '# T', '> q'])}`];
  const n = 1 + Math.floor(random() * 8);
  for (let i = 0; i < n; i++) {
    if (random() < 0.4) {
      // A whole fence at the content column, its code holding fields and look-alike lines.
      const fence = pick(['```', '~~~', '````sh', '```js']);
      lines.push(pad + fence, ...[pick(pieces), pick(['run [x] {y}', '   ```', '  ~~~~', 'YYYY'])].map((p) => (p === '' ? '' : pad + p)), pad + fence.replace(/[a-z]+$/, ''));
      continue;
    }
    const piece = pick(pieces);
    lines.push(piece === '' ? '' : random() < 0.1 ? piece : pad + piece);
  }
  return `${lines.join('\n')}\n`;
}

test('random items holding fences: whatever is read apart equals the parse of the whole', () => readsApartAsParsed(randomItem, 77));

/** Random lists with a paragraph before them, built from pieces that decide where the paragraph ends. */
function randomLedList(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const leads = [
    '**Table of contents**', 'Text [Field] and `a[]`', 'Text with `open', 'Text [open link', '_Note_ {{x}}', '*em* [y]', '__Strong__', '(see below) [z]', 'Text ending in spaces  ', 'Text\\',
    'Text <div>', 'Text <!-- c', 'Text | pipe', 'Title', '===', '---', 'Text [ref] here', 'www.x.y/[a]', '1. ordered [o]', '> quote', '# Heading [h]', '  Indented text [i]', '**', '*a', '_b [c]', 'YYYY-MM-DD',
  ];
  const items = [
    '- [Errors](#errors)', '  - [Sub](#sub) [s]', '', '    - [Deep](#deep)', '* b `c', '  d` [e]', '- - -', '* * *', '+ c {{d}}', '1. ordered', '# H [h]', 'lazy [l]', '  ```', '  code [x]', '- [ ] task',
    '- ` x`', '-   wide [w]', '- link](y) [z]', '      indented [i]', '- <div>', '- text |', '  | a | b |',
  ];
  const lines: string[] = [];
  for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) lines.push(pick(leads));
  lines.push(pick(['- first [F]', '* [a](#a)', '+ x `y']));
  for (let i = 0, n = Math.floor(random() * 8); i < n; i++) lines.push(pick(items));
  return `${lines.join('\n')}\n`;
}

test('random lists after a paragraph: whatever is read apart equals the parse of the whole', () => readsApartAsParsed(randomLedList, 78));

/** Random ordered lists (numbered steps with sub-items, fences, lazy lines), now and then mixed with other markers. */
function randomOrderedList(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const markers = ['1. ', '2. ', '10. ', '3. ', '0. ', '003. ', '1) ', '2) ', '1234567890. ', '- ', '1.  ', '2.\t'];
  const content = [
    'step [Field] and `a[]`', '**Audit** the calls `a', 'b` spans', 'lazy [l] line', '```', '```bash', 'run [it] {{x}}', '~~~', '- sub [s]', '- sub `c', '  d` [e]', '  ```', '  code [c]', '> quote [q]',
    '<div>', '| a | b |', '|---|---|', '# H [h]', '', '', 'YYYY-MM-DD', '[a', 'b]', '    indented [i]', '* * *', '2024. was a year [y]',
  ];
  const lines: string[] = [];
  const same = random() < 0.7 ? pick(['1. ', '2) ']) : undefined;
  for (let i = 0, n = 1 + Math.floor(random() * 4); i < n; i++) {
    const marker = same ? same.replace(/^\d+/, String(i + 1)) : pick(markers);
    lines.push(`${marker}${pick(['first [F]', 'Create the project', '`code` [x]', '**Bold** text'])}`);
    const pad = ' '.repeat(marker.length);
    for (let k = 0, m = Math.floor(random() * 5); k < m; k++) {
      const piece = pick(content);
      lines.push(piece === '' ? '' : random() < 0.15 ? piece : pad + piece);
    }
  }
  return `${lines.join('\n')}\n`;
}

test('random ordered lists: whatever is read apart equals the parse of the whole', () => readsApartAsParsed(randomOrderedList, 79));

test('documents of nested entries lint as a full parse does', () => {
  for (const text of [...NESTED, ...NESTED_WHOLE, ...ITEM_CONTENT, ...ITEM_CONTENT_WHOLE]) {
    const doc = `# Changelog\n\n${text}\n${text}`;
    assert.deepEqual(lint(doc), lintModel(buildModel(doc, { patterns: [], alwaysParse: true })), JSON.stringify(doc));
  }
});
