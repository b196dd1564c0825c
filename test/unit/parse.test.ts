/**
 * The parser set up once must parse exactly like remark set up afresh: micromark's extension
 * set is combined once (src/core/combine-once.ts, routed in by the build), and a block is read
 * without the GFM constructs it cannot complete (literal autolinks and their walk, tables,
 * strikethrough, footnotes, task list checks: `GFM_GROUPS` in src/core/parse.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { combineExtensions as combineFresh } from 'micromark-util-combine-extensions';
import { GFM_GROUPS, parseMarkdown } from '../../src/core/parse';
import { combineExtensions } from '../../src/core/combine-once';
import { normalizeLabel } from '../../src/core/matchers';
import { splitChunks, lineStarts } from '../../src/core/chunks';
import { FIXTURES, ROOT, markdownFiles, read, rng } from './helpers';

const fresh = () => unified().use(remarkParse).use(remarkGfm);

function documents(): [string, string][] {
  const templates = join(ROOT, 'src/templates');
  return [
    ...readdirSync(templates).filter((f) => f.endsWith('.md')).map((f): [string, string] => [`templates/${f}`, read(join(templates, f))]),
    ...markdownFiles(FIXTURES).map((f): [string, string] => [f, read(join(FIXTURES, f))]),
  ];
}

test('an extension set is combined once and equals a fresh combination', () => {
  const gfmSet = () => fresh().freeze().data('micromarkExtensions') as Parameters<typeof combineFresh>[0];
  const parts = gfmSet();
  const first = combineExtensions(parts);
  assert.equal(combineExtensions([...parts]), first, 'the same extension objects give the same combined set');
  assert.deepStrictEqual(first, combineFresh(parts));
  assert.notEqual(combineExtensions(gfmSet()), first, 'other extension objects are combined anew');
});

test('blocks and whole documents parse exactly as with a freshly set-up remark', () => {
  let blocks = 0;
  for (const [name, text] of documents()) {
    assert.deepStrictEqual(parseMarkdown(text), fresh().parse(text), name);
    for (const chunk of splitChunks(text, 0, lineStarts(text))) {
      assert.deepStrictEqual(parseMarkdown(chunk.text), fresh().parse(chunk.text), `${name}:${chunk.line + 1}`);
      blocks++;
    }
  }
  assert.ok(blocks > 100);
});

const AUTOLINKISH = ['www.example.com', 'https://a.b/c', 'HTTP://A.B', 'a@b.co', 'mailto:a@b.co', 'xmpp:a@b.co/r', '&#64;', '&commat;', '&#x77;ww.a.b', 'w&#119;w.a.b', '\\@', '[www.a.b](x)', '`www.a.b`', '<a@b.co>', 'ww.a', 'http:', '@', '&amp;'];

test('literal autolinks, also behind character references, are found as by a fresh remark', () => {
  const random = rng(12);
  for (let i = 0; i < 400; i++) {
    const words = Array.from({ length: 1 + Math.floor(random() * 6) }, () => (random() < 0.5 ? AUTOLINKISH[Math.floor(random() * AUTOLINKISH.length)] : 'text'));
    const text = `${random() < 0.3 ? '- [ ] ' : ''}${words.join(random() < 0.5 ? ' ' : '')}\n`;
    assert.deepStrictEqual(parseMarkdown(text), fresh().parse(text), JSON.stringify(text));
  }
});

test('blocks without an @ parse as by a fresh remark, also where the email construct would have been tried', () => {
  // The email construct starts at letters, digits and `+ - . _`: mixed here with emphasis, links,
  // code, escapes, HTML, tables, lists and the marks of the other autolinks (`www.`, `https://`,
  // character references), which the parsers without it (`@` absent) must read the same.
  const random = rng(29);
  const counts = { plain: 0, web: 0 };
  const pieces = ['word', 'x_y', '_a_', '__b__', '*c*', 'a.b', 'a-b', 'a+b', '1.', '-', '+', '.', '_', '\\_', '`c_d`', '[l](u_v)', '[r]', '<b>', '~s~', '~~t~~', '|', 'w.x', 'ww', 'htt', 'mail.to', 'ftp://x.y', 'é', '\n', '\n\n', '\n- ', '\n> ', '\n| a | b |\n|---|---|\n| c | d |'];
  const web = ['www.a.b', 'https://a.b/c_d', 'HTTP://A.B', '[l](https://a.b)', '<https://a.b>', '&amp;', '&#119;ww.a.b', 'http:', 'www'];
  for (let i = 0; i < 1200; i++) {
    const n = 1 + Math.floor(random() * 10);
    const from = random() < 0.5 ? pieces : [...pieces, ...web];
    let text = random() < 0.3 ? '- [ ] ' : '';
    for (let k = 0; k < n; k++) text += from[Math.floor(random() * from.length)] + (random() < 0.6 ? ' ' : '');
    text += '\n';
    assert.deepStrictEqual(parseMarkdown(text), fresh().parse(text), JSON.stringify(text));
    counts[/www|http|&/i.test(text) ? 'web' : 'plain']++;
  }
  assert.ok(counts.plain > 400 && counts.web > 300, JSON.stringify(counts));
});

test('every construct a GFM group names is one of remark-gfm\'s: leaving a group out leaves something out', () => {
  const names = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      const name = (value as { name?: unknown }).name;
      if (typeof name === 'string') names.add(name);
      else Object.values(value).forEach(collect);
    }
  };
  collect(fresh().freeze().data('micromarkExtensions'));
  for (const group of GFM_GROUPS) for (const name of group.names) assert.ok(names.has(name), `${name} (remark-gfm has ${[...names].join(', ')})`);
});

test('blocks parse as by a fresh remark also where a table, strikethrough, footnote or task check nearly occurs', () => {
  // Each GFM group is left out of a block's parser when the block lacks the marks it needs
  // (src/core/parse.ts): near misses of every mark, in and out of containers, must read the
  // same as with every construct tried, and each group must be both kept and left out here.
  const random = rng(41);
  const near = {
    table: ['|', '\\|', 'a | b', ':-', '-:', ':-:', ': -', '- :', '---', '--', ':', '-', '\n:-', '\n-:', '\n| - |', '\n---|---', '\n:-\t'],
    strike: ['~', '~~', '~a~', '~~b~~', '\\~', '~~~', '\n~~~\n'],
    footnote: ['[^1]', '[^a]: note', '[ ^1]', '[\\^1]', '^', '[^', '^]', '![^1]', '[^1]:', '\n[^1]: x'],
    task: ['[ ]', '[x]', '[X]', '[\t]', '[\n]', '[y]', '[ x]', '[]', '[ ', 'x]'],
  };
  const plain = ['word', '*e*', '`c`', '[l](u)', '[r]', '[a [b] c](d)', '<b>', 'é', '1.', '\n', '\n\n', '\n- ', '\n> ', '\n1. ', '\n    ', '\n- [ ] '];
  const kinds = Object.keys(near) as (keyof typeof near)[];
  const named = (name: string) => GFM_GROUPS.find((g) => g.names.includes(name))!;
  const groupOf = { table: named('table'), strike: named('strikethrough'), footnote: named('gfmFootnoteCall'), task: named('tasklistCheck') };
  const seen = Object.fromEntries(kinds.map((k) => [k, { kept: 0, left: 0 }]));
  for (let i = 0; i < 2000; i++) {
    const from = [...plain, ...near[kinds[i % kinds.length]], ...(random() < 0.3 ? near[kinds[Math.floor(random() * kinds.length)]] : [])];
    let text = ['', '- ', '> ', '* [ ] ', '1. '][Math.floor(random() * 5)];
    for (let k = 1 + Math.floor(random() * 9); k > 0; k--) text += from[Math.floor(random() * from.length)] + (random() < 0.5 ? ' ' : '');
    text += '\n';
    assert.deepStrictEqual(parseMarkdown(text), fresh().parse(text), JSON.stringify(text));
    for (const k of kinds) seen[k][groupOf[k].possible(text) ? 'kept' : 'left']++;
  }
  for (const k of kinds) assert.ok(seen[k].kept > 200 && seen[k].left > 200, `${k}: ${JSON.stringify(seen[k])}`);
});

test('normalizeLabel gives what the full normalization gives, also when it skips the replaces', () => {
  // The form CommonMark's label matching needs: block-quote markers after a line break dropped,
  // white space collapsed to one space, trimmed, case-folded.
  const full = (label: string) => label.replace(/\n[ \t]*(?:>[ \t]?)*/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  const random = rng(17);
  const alphabet = ['a', 'B', ' ', ' ', '\t', '\n', '>', '\u00a0', '\ufeff', 'Ä', 'ß', 'İ', '\u2003', 'x'];
  const cases = ['Pay By Bank', ' lead', 'trail ', 'two  spaces', 'line\n> quoted', 'nbsp\u00a0here', 'ΣΊΣΥΦΟΣ', ''];
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const n = Math.floor(random() * 12);
    for (let k = 0; k < n; k++) s += alphabet[Math.floor(random() * alphabet.length)];
    cases.push(s);
  }
  for (const label of cases) assert.equal(normalizeLabel(label), full(label), JSON.stringify(label));
});
