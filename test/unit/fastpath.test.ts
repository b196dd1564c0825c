/**
 * The fast paths (no parse for code blocks, inert prose and plain chunks) must give exactly
 * what parsing every chunk with remark gives: on every fixture and template, and on thousands
 * of randomly mutated copies of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { buildModel, lintModel, lint } from '../../src/core/index';
import { FIXTURES, ROOT, differential, markdownFiles, read, rng } from './helpers';
import { fastFacts } from '../../src/core/fastpath';
import { parsedFacts, type ChunkFacts } from '../../src/core/facts';
import { splitChunks, lineStarts } from '../../src/core/chunks';
import { fastChunkFacts } from '../../src/core/chunk-facts';

function parsedEverywhere(text: string) {
  return lintModel(buildModel(text, { patterns: [], alwaysParse: true }));
}

function corpus(): [string, string][] {
  const templates = join(ROOT, 'src/templates');
  return [
    ...readdirSync(templates).map((f): [string, string] => [`templates/${f}`, read(join(templates, f))]),
    ...markdownFiles(FIXTURES).map((f): [string, string] => [f, read(join(FIXTURES, f))]),
  ];
}


const SNIPPETS = ['<', '<br>', '< 5', '<YOUR_KEY>', '<https://x.y/[a]>', '\\', '\\[', '\n[ref]: https://x.y "t"\n', '~~', '~', 'https://a.b/[x]', 'a@b.co', '_', '**', '](', '![i](p.png)', '[t][ref]', '> ', '\n> [!NOTE]\n', '[', ']', '{{', '}}', '`', '*', '_', '-', '#', '|', '\n', '\n\n', ' ', '    ', '> ', '- [ ] ', '1. ', '](x)', '<!-- ', ' -->', '\\', 'YYYY-MM-DD', '---\n', '```\n', '[x]', ': ', '[wrapped\nlink](x)', '[a\n  b](c "t")', '[a\n- b](c)', '[a\n# b](c)', '[a\n> b](c)', '<a id="x"></a>', '<a name=x>', '\n===\n', '\n:-\n', '<img src="x"/> ', '[[', ']]', '[[Page|label]]', '\\|', '\n[^1]: ', '\n    '];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    if (random() < 0.3) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 5));
    else out = out.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + out.slice(at);
  }
  return out;
}

test('fast paths equal a full parse on every fixture and template', () => {
  for (const [name, text] of corpus()) {
    assert.deepEqual(lint(text), parsedEverywhere(text), name);
  }
});

test('fast paths equal a full parse on mutated documents', () => {
  const random = rng(Number(process.env.FASTPATH_SEED ?? 1234));
  const docs = corpus();
  const rounds = Number(process.env.FASTPATH_ROUNDS ?? 400);
  for (let i = 0; i < rounds; i++) {
    const [name, base] = docs[i % docs.length];
    // Mutate a window so the test stays fast on long documents.
    const from = Math.floor(random() * Math.max(1, base.length - 1500));
    const text = mutate(base.slice(from, from + 1500), random);
    assert.deepEqual(lint(text), parsedEverywhere(text), `${name} @${from} round ${i}: ${JSON.stringify(text)}`);
  }
});

test('fast paths equal a full parse on cases the fuzz found', () => {
  for (const text of [
    '# T\n\n1. ## Definition of Done\n\n- [ ] Item\n',
    '- a\n    # Nested heading\n\n- [ ] Item\n',
    '> # Quoted heading\n',
    '| Cell |\n|---|\n    | {{#if a}}x{{/if}} |\n',
    '# Heading\n    [X] indented code\n',
    '\uFEFF# T [Field]\n\n```\n[command to verify]\n```\n',
    // A table needs no pipe when its delimiter row has a colon: the indented line after it is code.
    'YYYY-MM-DD\n:-\n    indented [i]\n',
    'Release 2.0\n===========\n  * [a1b2c3](https://x.y/c/a1b2c3) [dist] bump\n',
    // A definition a template engine completes, inside a task item: an item read apart from its list must agree.
    '- [ ] [Generic / owner]: {{ customer_name }}\n- [ ] name\n',
    '- [ ] [wiki]: {{ site.url }}/wiki\n- [x] [docs][wiki]\n',
    '> - [wiki]: {{ site.url }}/wiki\n>\n> See [docs][wiki].\n',
    // An escaped backslash before a bracket leaves the bracket live: a field (the escape generator's round 801).
    'a \\\\[Customer name] b\n',
    '[link](x)]\\\\[Customer name]\n`a \\| b` **bold**\n` `a \\| b`\n\n',
    // An escaped backtick opens no code span: the angle field after the span is text (round 636 of seed 3).
    '| a | \\` `a\\` <Customer name> ` `a\\`\n',
    // Inside a code span a backslash escapes nothing: the span holds a field (round 8745 of seed 7).
    '`\\[Customer name]`a \\| b`\n',
    // Code spans pair by run length and across the lines of a paragraph (rounds 7458 of seed 5 and 13822 of seed 10).
    '# text``a ` b```a \\| b`<Customer name>`\n`a \\| b`\n\n',
    '- `![i](p.png)\n|---|---|\n` <Customer name> &amp; `a \\| b`\n',
    // A lone carriage return in a ```markdown fence's opening line ends that line for the parser (seed 529,560).
    '```markdown {.x}\r# not a heading\n[Customer](./x y "t") [x]([URL])\nkey: {{API_KEY}}\n```\n',
  ]) {
    assert.deepEqual(lint(text), parsedEverywhere(text), JSON.stringify(text));
  }
});

test('the line checks that look for a character before a pattern decide as the patterns did', () => {
  // plainLines, taskOf, heading and headingsOnly skip a pattern when the line lacks a character it
  // needs (its first after the indent, a `[`, a `#`); white space other than spaces and tabs
  // before a marker, and markers after tabs, are where that reading could part from the pattern's.
  for (const text of [
    'Intro line\n\u00A0> not a quote [Customer name]\n',
    'Intro line\n\t> a quote [Customer name]\n',
    'Steps:\n\u00A01. [x] not an item\n',
    'Steps:\n\v- [ ] not an item either\n',
    '- [ ] a\n    - [x] b [Customer name]\n',
    'Text [Customer name]\n  ***\n',
    'Text\n\u00A0---\n[Customer name]\n',
    'Para [a]\n1) [x] item\n2) [ ] next\n',
    'Para\n\f# not a heading [x]\n',
    'a # b\n# Real heading\n<div>\n# after the HTML\n</div>\n',
    '#\r\n# T\r\n   ## Three spaces\r\n',
    'Run `a` then\n#hashtag and # spaced\n',
    '~~~\nfence [x]\n~~~\n',
    '  ``` \n[x]\n',
    '   <div>\n[Customer name]\n',
    'text\n    <!-- comment [x]\n',
  ]) {
    assert.deepEqual(lint(text), parsedEverywhere(text), JSON.stringify(text));
  }
});

/** Facts of one block from the fast path (undefined: it leaves the block to the parser) and from the parser. */
function bothFacts(text: string, fence = false, only?: 'fast' | 'parsed') {
  const norm = (f: ChunkFacts | undefined) => f && { ...f, fields: [...f.fields] };
  return {
    fast: only === 'parsed' ? undefined : norm(fastFacts(text, fence, { patterns: [] })),
    parsed: only === 'fast' ? undefined : norm(parsedFacts(text, { patterns: [] })),
  };
}

test('every block the fast path decides in the fixtures and templates has the facts the parser gives', () => {
  let decided = 0;
  for (const [name, doc] of corpus()) {
    const body = doc.replace(/^---\n[\s\S]*?\n---\n/, (fm) => ' '.repeat(fm.length));
    for (const chunk of splitChunks(body, 0, lineStarts(body))) {
      const { fast, parsed } = bothFacts(chunk.text, chunk.fence !== undefined);
      if (!fast || parsed?.degraded) continue;
      decided++;
      assert.deepEqual(fast, parsed, `${name}: ${JSON.stringify(chunk.text.slice(0, 200))}`);
    }
  }
  assert.ok(decided > 500, `${decided} blocks decided`);
});

test('published-doc shapes take the fast path, with the facts the parser gives', () => {
  for (const text of [
    // release headings with an anchor tag (bracket-dense changelogs), code spans and links in titles
    '## <a id="23-1-0"></a>23.1.0 - 2026-10-29\nThis release changes the pinned API version to `2026-10-28.endive`.\n',
    '# `nwsync` CLI Reference (110.0)\n',
    '## [1.13.3](https://github.com/axios/axios/compare/v1.13.2...v1.13.3) (2026-01-20)\n',
    '<h3 align="center">Sponsors</h3>\n',
    '## Install\n<a id="install"></a>\n\n',
    '### `` a ` b `` and <img src="x.svg" alt="" width="32"> logo\n',
    // code spans holding `|` outside tables, tags with attributes, links whose text has code
    'Returns `string | undefined` (see <a href="#x">below</a>) [Customer name]\n',
    '- [Fixed `daysToWeeks` returning negative 0.](https://example.com/pull/1)\n',
    '[![npm version](https://img.shields.io/npm/v/x.svg)](https://www.npmjs.org/package/x) [Field]\n',
    'A <span class>descriptive words</span> tag\n',
    // wiki links (a team wiki's pages), a table whose code spans keep a pipe escaped
    'See [[Checkout Architecture]] and\n[[Runbooks/Payments|the payments runbook]] for [Customer name].\n',
    '| Check | Command |\n|---|---|\n| Events | `kubectl logs deploy/x \\| grep -c sent` [Field] |\n',
    // footnotes' definitions of one paragraph, continued four columns in
    '[^1]: Binaries are published for `x86_64` and `aarch64`. Windows users can run it\n    under WSL, or use `cli` which wraps [Customer name].\n',
    '[^backfill]: Backfill uses the events API, which keeps 30 days. See the\n    [events API reference](https://x.y/api/events).\n',
    // jsdoc2md's API tables and prose: code elements (scanned as code, entities raw), types linked by their code element
    '| Name | Type | Default |\n| --- | --- | --- |\n| [workers] | <code>number</code> | <code>2</code> |\n| [QueueClass] | <code>string</code> | <code>&quot;FifoQueue&quot;</code> |\n| [policy] | [<code>RetryPolicy</code>](#retrypolicy) | <code>none</code> |\n',
    'Returns <code>[Array.&lt;string&gt;]</code> when `ids` is a list, or <code>{{NAME}}</code>.\n',
    // an HTML link element is masked whole, also the angle field inside it; a link written with a space in its path is no link
    'See <a href="#x">the <Customer name> docs</a> and [Customer name].\n',
    'Read more in [Package layering](../../docs/architecture notes/layering.md) before adding [a package].\n',
    // a job's log in <pre>, blank lines inside (an HTML block of the first kind)
    '<pre>\nJob started 2026-03-14\n\n[INFO] loaded 3,214 rows\n[Customer name]\n</pre>\n\n',
  ]) {
    const { fast, parsed } = bothFacts(text);
    assert.ok(fast, `fast path: ${JSON.stringify(text)}`);
    assert.deepEqual(fast, parsed, JSON.stringify(text));
  }
});

test('ATX headings with blanks after the title, or only a closing sequence, have the parser\'s span and text', () => {
  // Found by the wiki-link generator: the fast path ended a heading before its trailing blanks
  // and read `# ##` as a heading titled "##"; the parser's runs to the line's end, and is empty.
  for (const text of ['# a \n', '# \n', '#  \n', '#\t\n', '## Title  \n\nText [F]\n', '  # a # \n', '# ##\n', '#  #  \n', '#\t#\n', '# # #\n', '# ## #\n', '## #a\n', '# a\r\n']) {
    const { fast, parsed } = bothFacts(text);
    assert.ok(fast, `fast path: ${JSON.stringify(text)}`);
    assert.deepEqual(fast, parsed, JSON.stringify(text));
  }
});

test('shapes only the parser reads go to it (cases the fuzz and published docs found)', () => {
  for (const text of [
    '- [ ] one\r- [ ] [two\nthree]\n', // a lone CR ends a line (seeds 2475, 4428, 8432)
    '| a | b |\n| --- |---:|\n| [x] | y |\nYYYY-MM-DD\nthe [team the API\nnaive partner]\n', // rows without a pipe (seed 7217)
    '| a |\n|---|\n| `x|y` [F] |\n', // a pipe in a code span splits a table cell
    '| a |\n|---|\n| `x\\\\|y` [F] |\n', // so does one after an escaped backslash
    '| a |\n|---|\n| [[x|{{Y}}]] |\n', // and a wiki link's: the field is a cell of its own
    '[[a]](https://x.y) [F]\n', // a link whose text is `[a]`
    '[^1]: a\n    - [x] b\n', // a list inside a footnote's definition
    '[^1]: [-v] turns on logging\n', // a field's context on the label's line
    '- <div>[Customer name]\n', // an HTML block in a list item
    '## Definition ~of~ Done\n', // strikethrough in a title
    '1. Step\n   ```bash\n   # comment\n   ```\n', // a fence in a list item: its `#` is code
    '## **Bold** title\n',
    '## `a` \\<b\\>\n',
    '  1. Step\n    + [x] is lazy text here\n', // a task line indented less than the item above's content (seed 76542)
    '* ~~~ *em* {{name}}\n', // a fence opened right after a list marker: its info string is no prose
    '* ```\n  [Customer name]\n  ```\n',
    '* plain words x\n    ---\n', // a setext underline deep in a list item
    '* a\n     ---\n',
    '* <span>\n  ### a@b.co\n', // an HTML block after a list marker holds the heading line
    '- [x] a\n      * [ ] b\n', // four columns past the item's content: paragraph text, no task
    '* *em*\n    > YYYY-MM-DD\n    [ ] task\n', // a quote deep in a list item
    '* x\n  > ` <!-- c --> ```\n', // a lone backtick does not pair with a run of three
    '> a [x]\n> ---\n', // a setext underline inside a block quote makes a heading of the line above
    '> Title\n> ===\n\ntext\n',
    '> - a [x]\n>   ---\n',
    '>\t   text [Customer name]\n', // a tab after the quote marker reaches the column of indented code (the quoted-list generator's round 355)
    '- - [a]: https://x.y\n', // a definition in a nested list item (the same generator's round 1610 of seed 5)
  ]) {
    assert.equal(fastFacts(text, false, { patterns: [] }), undefined, JSON.stringify(text));
  }
  for (const text of ['[a&nbsp;b]: https://x.y\n', '## <!-- c --> T\n', '## a <b c="|">x</b>\n', '## ![i](p.png) T\n']) {
    const { fast, parsed } = bothFacts(text);
    if (fast) assert.deepEqual(fast, parsed, JSON.stringify(text));
  }
});

test('documents with those shapes lint as a full parse does', () => {
  for (const text of [
    '## Definition of Done\n\n- [ ] one\r- [ ] [two\nthree]\n',
    '## Done\n\n| a | b |\n| --- |---:|\n| [x] | y |\nYYYY-MM-DD\nthe [team the API\nnaive partner]\n',
    '[a&nbsp;b]: https://x.y\n\n[a b] [a&nbsp;b]\n',
    '- <div>[Customer name]\n',
    '- <br>\n  [Customer name]\n',
    '## Definition ~of~ Done\n\n- [ ] x\n',
    '<YOUR_KEY@x.com> [F]\n',
    '## `a` <b title="`">x</b> `c` [F]\n',
    'date: `YYYY-MM-DD` and [see `date: YYYY-MM-DD`](x) [F]\n',
    // A `[` left open at the end of one item, closed in the next: the fields between still count (seeds 66098, 67757).
    '- [ ] first {{else}} [\n- [ ] {Tip: say why} then } ] and {{ owner }}\n',
    '* [x] a [ {{! note}} b {{a b}} c\n  1. ] d\n',
  ]) {
    assert.deepEqual(lint(text), parsedEverywhere(text), JSON.stringify(text));
  }
});

/** Random chunks of lines around whole-line HTML comments (the shapes template sections use). */
function randomCommentChunk(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const lines = [
    '<!-- SECTION: use-cases -->', '<!-- a --> tail [x]', '   <!-- indented -->', '    <!-- four: code or text -->', '<!-- open', 'close -->', '<!-->', '<!--->',
    '<!-- integration-docs-disable-next-line placeholder -->', '<!-- one --> <!-- two -->', '<!-- <your app> -->', '<!-- [Customer name] -->', '- <!-- in an item -->',
    '## Heading [h]', 'Text [Customer name] and {{name}}', '- item [i]', '- [ ] task [t]', '  continued [c]', '| a | b |', '|---|---|', '> quote', '===', '---', '', '',
    'YYYY-MM-DD', '`code [x]`', '1. step', '<div>', 'more text', '<your app name>',
  ];
  const n = 1 + Math.floor(random() * 6);
  return `${Array.from({ length: n }, () => pick(lines)).join('\n')}\n`;
}

/** The fast path's facts of a block, undefined where it leaves the block to the parser. */
const fastOf = (text: string) => bothFacts(text, false, 'fast').fast;
/** The parser's facts of a block, undefined where the parse is degraded (nothing to compare). */
const parsedOf = (text: string) => {
  const { parsed } = bothFacts(text, false, 'parsed');
  return parsed?.degraded ? undefined : parsed;
};

/**
 * A differential test of a chunk generator (`random NAME: …`): on `ROUNDS` chunks (3,000, or the
 * environment variable `env`), every answer the fast path gives equals the parse, and it answers
 * more than a tenth of those `counted` (so the generator keeps exercising it).
 */
function fastPathDecides(name: string, generate: (random: () => number) => string, env: string, seed: number, counted: (t: string) => boolean, what: string): void {
  test(`random ${name}: what the fast path decides equals the parse`, () => {
    const rounds = Number(process.env[env] ?? 3000);
    const decided = differential(generate, Number(process.env.FASTPATH_SEED ?? seed), rounds, fastOf, parsedOf, counted);
    assert.ok(decided > rounds / 10, `${decided} of ${rounds} ${what} decided`);
  });
}

fastPathDecides('chunks with comment lines', randomCommentChunk, 'COMMENT_ROUNDS', 4321, (t) => t.includes('<!--'), 'chunks with comments');

/** Random tables of the shape templates use, with date stubs in their cells and headers that name formats. */
function randomTable(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const cols = 1 + Math.floor(random() * 3);
  const headers = ['Field', 'Value', 'Date format', 'Type', '**Due**', 'Owner', 'Pattern', 'When'];
  const cells = ['YYYY-MM-DD', ' YYYY-MM-DD ', '**YYYY-MM-DD**', 'Due: YYYY-MM-DD', 'Use YYYY-MM-DD', 'MM/DD/YYYY', '[Customer name]', 'x', '', ' ', 'YYYY-MM', 'YYYY-MM-DD (est.)', '<b>YYYY-MM-DD</b> x', '[YYYY-MM-DD](x)', 'a\\|b', '`YYYY-MM-DD`', '- YYYY-MM-DD', '{{date}} YYYY-MM-DD', '*YYYY-MM-DD', 'a YYYY-MM-DD.', 'YYYY-MM-DD | extra'];
  const row = (xs: string[]) => `|${xs.join('|')}|${random() < 0.05 ? ' ' : ''}`;
  const lines = [row(Array.from({ length: cols }, () => ` ${pick(headers)} `)), row(Array.from({ length: random() < 0.05 ? cols + 1 : cols }, () => pick(['---', ':--', '--:', ' :-: '])))];
  const n = 1 + Math.floor(random() * 4);
  for (let i = 0; i < n; i++) lines.push(random() < 0.05 ? pick(['YYYY-MM-DD', '', 'text']) : row(Array.from({ length: random() < 0.05 ? cols + 1 : cols }, () => ` ${pick(cells)} `)));
  return `${lines.join('\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('tables with date stubs', randomTable, 'TABLE_ROUNDS', 987, (t) => /YYYY/.test(t), 'dated tables');

/** Random paragraphs, list items and quotes of prose wrapped inside a link's text, with fields around and lines that may end the paragraph. */
function randomWrappedLink(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  // Mostly what writers wrap; now and then what ends a paragraph or is no link.
  const either = <T>(usual: readonly T[], odd: readonly T[]): T => (random() < 0.75 ? pick(usual) : pick(odd));
  const opens = [['See the [Fastify', 'Read [the', 'Set [Customer name] in [the', '- See [the', '1. Open [the', 'Due YYYY-MM-DD per [the', 'A {{NAME}} [the'], ['![An', 'Use [`api`', '> Read [the', '# About [the', '| a | [the', 'x [[the', '* [ ] Read [the']] as const;
  const middles = [['', 'request', 'docs and', 'object', 'guide to the'], ['**bold**', '`code`', '*em*', 'YYYY-MM-DD', '[Field]', '{{FIELD}}', '<b>', 'a\\', 'x|y', 'line  ']] as const;
  const starts = [['', '', '  ', '   '], ['    ', '> ', '- ', '* ', '# ', '1. ', '2) ', '<div>', '---', '===', '| ', '```', '_', '\t', '+ ', '\n']] as const;
  const closes = [['](x)', '](./Request.md) object', '](https://a.b/c "T")', '](x) and [Customer name]', '](x) on YYYY-MM-DD', '](x) {{FIELD}}'], ['] (x)', '](x', '][ref]', ']', '](<x>)']] as const;
  const lines: string[] = [];
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) {
    let link = either(...opens);
    const breaks = 1 + Math.floor(random() * 2);
    for (let b = 0; b < breaks; b++) link += `\n${either(...starts)}${either(...middles)}`;
    lines.push(link + either(...closes));
    if (random() < 0.3) lines.push(pick(['More text.', '', '- item', '[Customer name] here']));
  }
  // A block quote, its lines marked alike or not.
  const quoted = random() < 0.25 ? lines.join('\n').split('\n').map((l) => `${either(['> '], ['>', '>> ', '> > ', ''])}${l}`) : lines;
  return `${quoted.join('\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('prose wrapped inside a link\'s text', randomWrappedLink, 'LINK_ROUNDS', 2468, (t) => /\[[^\]]*\n[^\]]*\]\(/.test(t), 'wrapped links');

/** Random blocks with anchors and other tags at the start of a line, over headings and prose with fields. */
function randomAnchorChunk(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const anchors = [
    '<a id="x"></a>', "<a name='y'></a>", '<a id=z></a>', '<a id="x"></a> text', '<a id="x" class="c"></a>', '<a  id = "x" ></a>', '<A ID="x"></A>', '<a></a>',
    '<a id="x"/>', '<a id="x">', '<a id="x">  ', '<a id="x">text</a>', '<a href="#x">[Customer name]</a>', '<a id="x"></a>{{FIELD}}', '<a id="a>b"></a>', '<a id="x"\n></a>',
    '<a id=x y></a>', '<a id="x></a>', '<a id="x"></a><!-- c -->', '<a id="x"></a>YYYY-MM-DD', '<abbr>x</abbr>', '<a-b>x', '<a_b id="x"></a_b>', '<div id="x"></div>', '<img src="x"> text', '<br>',
    // Other inline tags opening a line (a contributors list), block-level and raw names in any case, character references.
    '<img src="https://x.y/u/1?v&#x3D;4&amp;s&#x3D;18" alt="avatar" width="18"/> [Ada](https://x.y/ada \'+12/-3 (#7 #8 )\')',
    '<img src="x"/> [Customer name]', '<IMG SRC="x"> {{FIELD}}', '<span>[Field]</span> text', '<span class="a&amp;b">x</span> [y]', '<br/> [Customer name]', '<kbd>Ctrl</kbd> [x]',
    '<pre class="x"> [Field]', '<PRE> text [x]', '<textarea> [x]', '<Script>x</Script> [y]', '<div> [Field]', '<DIV class="c"> text', '<details> [x]', '<p>[Customer name]</p>', '<table> x',
    '<img alt="&#91;Customer name&#93;"> t', '<img alt="&#123;&#123;X&#125;&#125;"> [t]', '<img src="x"> &amp; [Customer name]', '<img src="x"> &#91;Field&#93;', '<img src=x/> YYYY-MM-DD',
    '<custom-tag data-x="1"> [Field]', '<x-y/> text', '<img src="x" /> ', '<img\tsrc="x"> [a]', '<img src="x">\t[a]', '<img src="x"> <img src="y"> [z]',
  ];
  const prefixes = ['', '', '', '- ', '> ', '   ', '    ', '1. ', '* ', '- [ ] '];
  const lines = ['### Heading [h]', '## `api.call([opts])`', 'Text [Customer name] and {{NAME}}', 'More text.', '', '- item [i]', '===', '---', '> quote', '| a | b |', '<div>', '</div>', 'Text &amp; [x]', '[Ada]: https://x.y'];
  const n = 1 + Math.floor(random() * 5);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(random() < 0.5 ? `${pick(prefixes)}${pick(anchors)}` : pick(lines));
  return `${out.join('\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('blocks with anchors at the start of a line', randomAnchorChunk, 'ANCHOR_ROUNDS', 1357, (t) => /^[ ->\d.*[\]]*<[a-z]/im.test(t), 'blocks with anchors');

/** Random chunks opened by a line over a setext underline (or a look-alike), then other blocks. */
function randomSetext(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const titles = [
    '2.0.0 / Wed, 03 Apr 2024', 'sheetkit changes', 'Title', '  Title  `a`  ', 'Title [x]', 'Title {{X}}', 'Title <b>x</b>', 'Title *em* and _u_', 'Title\\', 'Title  ', 'Ünïcode title', '1. item', '2) item',
    '2.0', '10.x', '- list', '> quote', '# atx', 'a | b', '    code', '<div>', 'Text [a](b) link', 'www.example.com', 'YYYY-MM-DD', 'Owner: [Customer name]', 'Title &amp; more', 'A `code [x]` span',
  ];
  const underlines = ['===', '---', '========================', ' ---', '   ===  ', '    ===', '-- -', '=', '-', ':-', '|---|', '***', '___', '--- x', '=\t', '- - -'];
  const rest = ['', '', '- item [x]', '  * [a](b) c', 'text [t]', '===', '---', 'T2', '| a |', '```', '<div>', '# h [h]', '    indented [i]', '[ref]: https://x.y', '> q [q]', '1. one', 'More {{A}} text'];
  const lines = [pick(titles), pick(underlines)];
  for (let i = 0, n = Math.floor(random() * 4); i < n; i++) lines.push(pick(rest));
  return `${lines.join(random() < 0.1 ? '\r\n' : '\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('chunks opened by a setext heading', randomSetext, 'SETEXT_ROUNDS', 3579, (t) => /^[^\n]*\r?\n {0,3}(?:=+|-+)[ \t]*\r?\n/.test(t), 'setext chunks');

/** Random chunks opened by a tag, block-level or not, with fields, comments, blank-ish lines and Markdown inside. */
function randomHtmlBlock(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const openers = [
    '<div>', '<div align="center">', '<DIV>', '</div>', '<div/>', '<p align="center"><img src="x"></p>', '<table>', '<td>[Field]</td>', '<details><summary>More</summary>', '<h3 align="center">Sponsors <br /></h3>',
    '<section id="a">', '<ul><li>[Customer name]</li></ul>', '<divx>', '<span>', '<a id="x"></a>', '<pre>', '<script>', '<!-- c -->', '<!-- open', '<?php', '<![CDATA[', '<!DOCTYPE html>', '<Customer name>',
    '<div <Customer name>>', '<hr>', '<hr/>', '<div\n  class="c">', '<center>{{NAME}}</center>', '<p>YYYY-MM-DD</p>',
    '<pre class="log">', '<PRE>', '<script type="module">', '<style>', '<textarea>', '<pre>x</pre>', '<pre/>', '<pres>', '<!-- YAML', '<!--', '<!-- a -->', '<!-- a --> [Customer name]', '<!-->', '<!--->', '<!---->', '<!-- <Customer name>', '<!-- [Field] -->',
  ];
  const lines = ['-->', '  --> trailing', '--> [Customer name]', 'added: v1.0.0', '<a href="x.html#y">z</a>', 'text # not a heading', '[Customer name]', '  [Field]  ', ' [a] [b] ', '<!-- note -->', '<!-- integration-docs-disable-next-line -->', '<!-- open', '-->', 'text {{NAME}} and [x]', '', '   ', '\t', ' \u00a0', '# heading [h]', '- item [i]', '> quote', '</div>', '  <img src="x">', 'YYYY-MM-DD', '```', '    code [c]', '<Customer name>', '[link]: https://x.y',
    // what ends a block of the first kind (`<pre>`, `<script>`…), or looks as if it did
    '</pre>', '</PRE> after [x]', 'a </script> b', '</style>', '</textarea>', '</pre >', '</pref>', '[INFO] loaded rows', '<pre>[x]</pre>'];
  const indent = pick(['', '', '', ' ', '   ', '    ']);
  const n = Math.floor(random() * 6);
  const body = Array.from({ length: n }, () => pick(lines));
  return `${[indent + pick(openers), ...body].join(random() < 0.1 ? '\r\n' : '\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('chunks opened by a tag', randomHtmlBlock, 'HTML_ROUNDS', 8642, () => true, 'chunks');

/** Random chunks with wiki links (`[[Page]]`, `[[a|b]]`) and look-alikes, in prose, lists, quotes and tables, beside fields. */
function randomWikiChunk(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const wikis = [
    '[[Page]]', '[[Checkout Architecture]]', '[[Runbooks/Payments|the payments runbook]]', '[[a|b]]', '[[ ]]', '[[]]', '[[Page#Section]]', '[[Page]]s', 'x[[y]]z', '![[image.png]]',
    '[[a]](url)', '[[a]][b]', '[[a]][]', '[[a]]:', '[[a]] (url)', '[[[a]]]', '[[a]]]', '[[[a]]', '[[a] b]]', '[[a\nb]]', '[[`a`]]', '[[<b>]]', '[[a\\]]]', '[[a]', '[[a {{FIELD}} b]]',
    '[[a | {{FIELD}} | b]]', '[[a | [Field] | b]]', '[[YYYY-MM-DD]]', '[[Customer name]]', '[see [[a]]](url)', '[x]([[a]])', '[[a]]\\', '[[https://x.y]]', '[[a@b.co]]', '[[a]] and [[b|c]]',
  ];
  const text = ['Text', 'see', 'and [Customer name]', '{{NAME}}', 'on YYYY-MM-DD', '`code [x]`', '[link](https://x.y)', 'a \\| b', '`a \\| b`', '`a | b`', '`a \\\\| b`', '<b>x</b>', 'https://x.y/[a]', ''];
  const prefixes = ['', '', '', '- ', '> ', '1. ', '# ', '- [ ] ', '    '];
  const line = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => (random() < 0.5 ? pick(wikis) : pick(text))).join(' ');
  const out: string[] = [];
  if (random() < 0.3) {
    // A table, its cells holding wiki links, code spans with escaped pipes, fields.
    const cols = 1 + Math.floor(random() * 3);
    const row = () => `| ${Array.from({ length: cols }, line).join(' | ')} |`;
    out.push(row(), `|${Array.from({ length: cols }, () => pick(['---', ':--', '--:'])).join('|')}|`);
    for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) out.push(random() < 0.1 ? line() : row());
  } else {
    for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) out.push(`${pick(prefixes)}${line()}`);
  }
  return `${out.join('\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('chunks with wiki links and escaped pipes', randomWikiChunk, 'WIKI_ROUNDS', 1928, (t) => t.includes('[[') || t.includes('\\|'), 'chunks with wiki links or escaped pipes');

/** Random chunks opened by a footnote's definition (or a look-alike), its lines continued, lazy, or starting blocks of their own. */
function randomFootnote(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const opens = ['[^1]: ', '[^note]: ', '[^a-b_2]: ', '[^1]:  ', '[^1]:   ', '[^1]:    ', '[^1]:\t', '[^1]:', '[^ 1]: ', '[^1] : ', ' [^1]: ', '[^]: ', '[1]: ', '[^1]: - ', '[^1]: # '];
  const words = ['Binaries are published for', '`x86_64` and `aarch64`', 'see [the guide](https://x.y/g)', '[Customer name]', '{{NAME}}', 'YYYY-MM-DD', '[-v] flag', '[^2]', 'https://x.y/[a]', '<b>x</b>', 'a\\', 'x  ', '**bold**', '[optional]', 'Usage:', 'text', ''];
  const conts = ['    ', '    ', '  ', '', '      ', '\t', '        '];
  const starts = ['', '', '', '- ', '> ', '# ', '1. ', '```', '---', '===', '| a |', '<div>', '[ ] '];
  const line = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(words)).join(' ');
  const plain = ['Binaries are published for', '`x86_64` and `aarch64`', 'under WSL, or use', '**bold** text', 'Usage:', 'x  '];
  const firstLine = () => (random() < 0.7 ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(plain)).join(' ') : line());
  const out = [`${random() < 0.7 ? '[^1]: ' : pick(opens)}${firstLine()}`];
  for (let i = 0, n = Math.floor(random() * 4); i < n; i++) out.push(random() < 0.1 ? '' : `${pick(conts)}${random() < 0.8 ? '' : pick(starts)}${line()}`);
  return `${out.join(random() < 0.1 ? '\r\n' : '\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('chunks opened by a footnote\'s definition', randomFootnote, 'FOOTNOTE_ROUNDS', 5791, (t) => t.startsWith('[^'), 'footnotes');

/** Random chunks with `[text](…)` whose destination has a space (no link), beside links, titles, code spans, fields and nested brackets. */
function randomSpacedDestination(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const texts = ['Package layering', 'Ada Ledger', 'the guide', '[Customer name]', 'a [b] c', '`code`', '{{NAME}}', 'YYYY-MM-DD', '', 'x\\', '<b>x</b>', 'a\nb'];
  const dests = [
    '../docs/architecture notes/layering.md', 'https://x.y/Ada Ledger', 'a b', 'a  b c', 'a\tb', 'a "t"', "a 't'", 'a (t)', 'a b "t"', ' a b', 'a )', 'a  ', 'a\nb', 'a b\\', 'a b [x]', 'a b {{X}}',
    'a b `c`', 'a <b>', 'a\u00a0b c', 'a(b) c', '<a b> c', 'a b)', 'x', 'x "t"', 'https://x.y', '', 'a\u0001 b', 'a b](c', 'a YYYY-MM-DD', 'a b\n- c',
  ];
  const tails = ['', '', ' and more', ' [Customer name]', ' on YYYY-MM-DD', ' (see [x](y))', '](z)', ' `a b`', ') text', ' {{X}}'];
  const prefixes = ['', '', '', '- ', '* [ ] ', '> ', '1. ', '# ', '| a | ', '    '];
  // Mostly what writers write (the first few of each); now and then the rest.
  const usually = <T>(xs: readonly T[]): T => (random() < 0.5 ? xs[Math.floor(random() * 3)] : pick(xs));
  const line = () => `${usually(prefixes)}${random() < 0.5 ? 'Read ' : ''}${random() < 0.1 ? '!' : ''}[${usually(texts)}](${usually(dests)})${usually(tails)}`;
  const out = Array.from({ length: 1 + Math.floor(random() * 3) }, line);
  if (random() < 0.2) out.splice(1, 0, pick(['|---|---|', '', 'More text [x].', '[ref]: https://x.y']));
  return `${out.join('\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('chunks with a destination no link can have', randomSpacedDestination, 'SPACED_ROUNDS', 6802, (t) => /\]\([^\s()]+[ \t]+[^\s"'()]/.test(t), 'chunks with spaced destinations');

/** Random chunks with code elements (`<code>`, `<kbd>`, `<a>`…) in prose, headings, lists and tables (jsdoc2md's API tables among them). */
function randomCodeElements(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const usually = <T>(xs: readonly T[]): T => (random() < 0.5 ? xs[Math.floor(random() * 4)] : pick(xs));
  const opens = ['<code>', '<kbd>', '<a href="#x">', '<code class="c">', '<CODE>', '<samp>', '<tt>', '<a id="x"/>', '<code/>', '<code >', '<a\nhref="x">', '<a href="x_y">', '<code title="a|b">', '<codes>'];
  const closes = ['</code>', '</kbd>', '</a>', '</code >', '</CODE>', '</samp>', '</tt>', '</code\n>', '', '</a >', '</codes>'];
  const insides = [
    'number', '[Array.&lt;string&gt;]', '&quot;FifoQueue&quot;', '{ [K in HeaderName]: string; }', '[Customer name]', '{{NAME}}', 'YYYY-MM-DD', '<Customer name>', 'a_b', '__init__', '*x*', 'a | b', 'a \\| b', '`x`',
    '[a](b)', 'https://x.y/[a]', '<b>[x]</b>', '<code>nested</code>', '&lt;T&gt;', 'x\ny', '', ' [x] ', '~x~', '<!-- c -->', '[x](a b)', '&#91;X&#93;',
  ];
  const element = () => `${usually(opens)}${usually(insides)}${usually(closes)}`;
  const words = ['Returns', 'a [Field]', '{{X}}', 'when `ids` is a list', '*em*', 'YYYY-MM-DD', '[link](x)', '&amp;', 'text', '**bold**', '<br>', '[x', 'docs]', '[', ']', '](#x)', '[<code>RetryPolicy</code>](#retrypolicy)', '[a <b>c</b>](x)', '[a <b title="]">](x)', '[<https://x.y>](z)', '[a < 5](x)', '[a <YOUR_KEY>](x)'];
  const line = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => (random() < 0.5 ? element() : pick(words))).join(' ');
  const out: string[] = [];
  if (random() < 0.4) {
    const cols = 1 + Math.floor(random() * 3);
    const row = () => `| ${Array.from({ length: cols }, line).join(' | ')} |`;
    out.push(`| ${Array.from({ length: cols }, () => pick(['Param', 'Type', 'Default', 'Description', '<code>x</code>'])).join(' | ')} |`, `|${Array.from({ length: cols }, () => ' --- ').join('|')}|`);
    for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) out.push(row());
  } else {
    for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) out.push(`${pick(['', '', '', '- ', '> ', '### ', '1. ', '    ', '<div>'])}${line()}`);
  }
  return `${out.join('\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('chunks with code elements', randomCodeElements, 'ELEMENT_ROUNDS', 7913, (t) => /<(?:code|kbd|a|samp|tt)\b/i.test(t), 'chunks with code elements');

/** Random ```markdown fences (the content a docs tool's README shows), their content made of the blocks documents are, nested fences among them. Each chunk of the result, as the splitter cuts it, is compared. */
function randomMarkdownFence(random: () => number, depth = 0): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const blocks = [
    '# Changelog', '## [1.2.0] - 2024-03-01', '### Added', '- Export to [Customer name] format', '- [ ] Task {{PLAN_LEVEL}}', '* [x] Done', 'Text with [Customer name] and {{NAME}}.', 'Due YYYY-MM-DD.',
    '| a | b |\n|---|---|\n| [x] | YYYY-MM-DD |', '> Quote [q]\n> more', '[ref]: https://x.y', 'See [docs][ref] and [ref].', '[Customer name]: https://x.y', '<!-- [hidden] -->', '<div>\n[X]\n</div>',
    '{{#if extra}}\nExtra [x]\n{{/if}}', '{{ template:logo }} {{ name }}', '{{#each items}}{{ name }}{{/each}}', '    indented [code]', '---', 'Title\n===', '1. Step [one]\n2. Step two', '- a\n\n  continued [c]',
    '<Customer name>', 'A `code [x]` span', '[^1]: Note [n]', '<code>[a]</code>', 'First line[2 spaces]\nsecond line\n[EOF]', '> [!NOTE]\n> Alert [x]', '', '\t[tab]', 'a\r\nb [x]',
  ];
  const parts: string[] = [];
  if (random() < 0.1) parts.push(pick(['---\ntitle: [T]\n---', '---\nstatus: draft\n---', '---\nbad: [\n---']));
  for (let i = 0, n = 1 + Math.floor(random() * 5); i < n; i++) {
    if (depth < 3 && random() < 0.1) parts.push(randomMarkdownFence(random, depth + 1).trimEnd());
    else parts.push(pick(blocks));
  }
  const ticks = '`'.repeat(3 + (3 - depth));
  const info = pick(['markdown', 'md', 'Markdown', '', 'gfm', 'markdown title="x"', 'js']);
  return `${ticks}${info}\n${parts.join(random() < 0.8 ? '\n\n' : '\n')}\n${random() < 0.95 ? ticks : ''}\n`;
}

test('random ```markdown fences: their content read chunk by chunk equals the parse of the fence', () => {
  const rounds = Number(process.env.EMBED_ROUNDS ?? 1500);
  const options = { patterns: [] };
  // Each chunk as the document's splitter cuts it (an unclosed fence is no fence chunk).
  const chunksOf = (t: string) => splitChunks(t, 0, lineStarts(t));
  const decided = differential(
    randomMarkdownFence,
    Number(process.env.FASTPATH_SEED ?? 4680),
    rounds,
    (t) => {
      const read = chunksOf(t).map((c) => fastChunkFacts(c.text, c.fence !== undefined, options));
      return read.every((f) => f !== undefined) ? read : undefined;
    },
    (t) => {
      const parsed = chunksOf(t).map((c) => parsedFacts(c.text, options));
      return parsed.some((f) => f.degraded) ? undefined : parsed;
    },
  );
  assert.ok(decided > rounds / 2, `${decided} of ${rounds} fences decided`);
});

/** Random chunks with backslash escapes (of every kind of punctuation, escaped backslashes, hard breaks) beside code spans, tags, links and fields. */
function randomEscapes(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const escapes = ['\\[staging\\]', '\\[', '\\]', '\\`', '\\<', '\\>', '\\(', '\\)', '\\!', '\\*', '\\_', '\\#', '\\|', '\\\\', '\\\\`', '\\{', '\\}', '\\&amp;', '\\-', 'C:\\path', '\\', '\\\n', '\\[Customer name\\]', '\\{\\{X\\}\\}'];
  const others = [
    '`[staging].[Settlements]`', '`a\\`', '`a \\| b`', '``a ` b``', '`', '<b>x</b>', '<https://x.y/a\\b>', '<a title="x\\y">t</a>', '[link](x)', '[a](b c)', '![i](p.png)', '[Customer name]', '{{NAME}}',
    'YYYY-MM-DD', '<Customer name>', 'text', 'by hand.', '[x]', '&amp;', '**bold**', '](', '[', ']',
  ];
  const prefixes = ['', '', '', '> ', '- ', '# ', '| a | ', '1. ', '- [ ] '];
  const line = () => `${pick(prefixes)}${Array.from({ length: 1 + Math.floor(random() * 5) }, () => (random() < 0.4 ? pick(escapes) : pick(others))).join(pick([' ', '', ' ']))}`;
  const out = Array.from({ length: 1 + Math.floor(random() * 3) }, line);
  if (random() < 0.15) out.splice(1, 0, '|---|---|');
  return `${out.join('\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('chunks with backslash escapes', randomEscapes, 'ESCAPE_ROUNDS', 9753, (t) => t.includes('\\'), 'chunks with escapes');

/** Random chunks with character references (named, decimal, hex; valid, unknown, out of range) in headings, prose, lists and tables, beside tags, code and dates. */
function randomEntities(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const refs = [
    '&lt;', '&gt;', '&amp;', '&quot;', '&apos;', '&nbsp;', '&copy;', '&foo;', '&AMP;', '&#91;', '&#93;', '&#123;', '&#42;', '&#95;', '&#x3D;', '&#X3d;', '&#0;', '&#1;', '&#127;', '&#xD800;', '&#1114112;',
    '&#x110000;', '&#65535;', '&#9999999;', '&#12345678;', '&#;', '&#x;', '&amp', '\\&amp;', '&#96;', '&#32;', '&#9;', '&#x2192;', '&#128512;',
  ];
  const words = [
    'lookup(ids, [options = {}]) ⇒', '<code>[Promise.&lt;Object&gt;]</code>', '() =&gt; [Chunk&lt;T&gt;]', '[Customer name]', '{{NAME}}', 'YYYY-MM-DD', '`a &amp; b`', '<a href="x?a=1&amp;b=2">l</a>',
    '[link](x?a&amp;b)', 'https://x.y/?a&amp;b', 'text', '<b>x</b>', '*em*', '[x]', '<Customer name>',
  ];
  const bit = () => (random() < 0.5 ? pick(refs) : pick(words));
  const line = () => Array.from({ length: 1 + Math.floor(random() * 4) }, bit).join(pick([' ', '', ' ']));
  const out: string[] = [];
  if (random() < 0.35) {
    const cols = 1 + Math.floor(random() * 2);
    out.push(`| ${Array.from({ length: cols }, () => pick(['Type', 'Value', 'Date &amp; time', '&#116;ype', 'Format', line()])).join(' | ')} |`, `|${Array.from({ length: cols }, () => '---').join('|')}|`);
    for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) out.push(`| ${Array.from({ length: cols }, () => pick(['YYYY-MM-DD', 'YYYY-MM-DD&nbsp;x', '&nbsp;YYYY-MM-DD', line()])).join(' | ')} |`);
  } else {
    for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) out.push(`${pick(['', '', '# ', '### ', '- ', '> ', '1. ', '- [ ] '])}${line()}`);
  }
  return `${out.join('\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('chunks with character references', randomEntities, 'ENTITY_ROUNDS', 8024, (t) => t.includes('&'), 'chunks with character references');

/** Random block quotes holding lists (a release's tags, notes with steps): items, continuations, tasks, nested markers, headings, fences, lazy lines. */
function randomQuotedList(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const usually = <T>(xs: readonly T[]): T => (random() < 0.6 ? xs[Math.floor(random() * 4)] : pick(xs));
  const prefixes = ['> ', '> ', '>', ' > ', '>  ', '>> ', '> > ', '', '   > ', '>\t'];
  const markers = ['- ', '* ', '1. ', '2) ', '-  ', '-    ', '-     ', '-\t', '', '   ', '  ', '    ', '- - ', '- # ', '- > ', '- ```', '-', '10. ', '+ '];
  const texts = ['[New Feature]', '[Bug Fix] in `api`', 'text [Customer name]', '**Tags:**', '[ ] task', '[x] done', '{{NAME}}', 'YYYY-MM-DD', '---', '===', '<div>', '[a]: https://x.y', 'a | b', '*', '', '[wrapped\nfield]', 'see [docs](x)'];
  const lines: string[] = [];
  for (let i = 0, n = 1 + Math.floor(random() * 5); i < n; i++) lines.push(`${usually(prefixes)}${usually(markers)}${usually(texts)}`);
  return `${lines.join('\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('block quotes holding lists', randomQuotedList, 'QUOTE_ROUNDS', 3141, (t) => /^ {0,3}> ?(?:[-*+]|\d{1,9}[.)]) /m.test(t), 'quoted lists');

/** Random checklists with ordered task items (`1. [x] Legal approved`) after text, other items, blank lines and headings. */
function randomOrderedTasks(random: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const usually = <T>(xs: readonly T[]): T => (random() < 0.6 ? xs[Math.floor(random() * 3)] : pick(xs));
  const numbers = ['1', '2', '3', '01', '10', '0', '999999999', '1234567890'];
  const delimiters = ['.', ')'];
  const indents = ['', '', ' ', '  ', '   ', '    ', '      '];
  const gaps = [' ', '  ', '    ', '     ', '\t'];
  const boxes = ['[x] ', '[ ] ', '[X] ', '[x]', '[-] ', '[x]\t'];
  const others = ['Text [Customer name]', '- [x] bullet task', '* item', '+ [ ] other bullet', '# Checklist', '', '> quote', '| a |', '   continued', '<!-- c -->', '---', 'YYYY-MM-DD'];
  const lines: string[] = [];
  for (let i = 0, n = 1 + Math.floor(random() * 5); i < n; i++) {
    lines.push(random() < 0.6 ? `${usually(indents)}${usually(numbers)}${pick(delimiters)}${usually(gaps)}${usually(boxes)}${pick(['Legal approved', 'Step [one]', '{{NAME}}', ''])}` : pick(others));
  }
  return `${lines.join('\n')}\n${random() < 0.5 ? '\n' : ''}`;
}

fastPathDecides('checklists with ordered task items', randomOrderedTasks, 'ORDERED_ROUNDS', 2718, (t) => /^ {0,3}\d{1,9}[.)] +\[[ xX]\]/m.test(t), 'ordered checklists');
