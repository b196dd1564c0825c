/**
 * Whether `---` … `---` at the start of a document is frontmatter is remark-frontmatter's call.
 * The core answers it without a parse when the closing fence starts a line; here that answer is
 * held equal to the parser's on generated heads (blanks after fences, CR and CRLF, a BOM, U+2028
 * and U+2029, which JavaScript's `^` takes for line ends and micromark does not).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFrontmatter } from '../../src/core/frontmatter';
import { frontmatterBlock } from '../../src/core/parse';
import { rng } from './helpers';

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;
const PIECES = ['---', '--- ', '---\t', '----', ' ---', '...', 'a: 1', 'title: x', 'x', '', '\u2028', '\u2029', '\r', '\r\n', '\n', '\n', '\n'];

/** The parser's answer for `text`, or undefined when the core does not ask it (no `---` close found). */
function parserSays(text: string): boolean | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close?.[0].startsWith('---')) return undefined;
  return frontmatterBlock(text.slice(0, open[0].length + close.index + close[0].length)) !== undefined;
}

test('frontmatter without a parse is frontmatter where remark-frontmatter finds it', () => {
  const random = rng(2026);
  let asked = 0;
  let declined = 0;
  for (let i = 0; i < 3000; i++) {
    let text = `${random() < 0.1 ? '\uFEFF' : ''}---${random() < 0.2 ? ' ' : ''}${random() < 0.2 ? '\r\n' : '\n'}`;
    const n = 1 + Math.floor(random() * 8);
    for (let k = 0; k < n; k++) text += PIECES[Math.floor(random() * PIECES.length)];
    text += '\n# Body\n';
    const expected = parserSays(text);
    if (expected === undefined) continue;
    asked++;
    if (!expected) declined++;
    assert.equal(readFrontmatter(text, []) !== undefined, expected, JSON.stringify(text));
  }
  assert.ok(asked > 500 && declined > 0, `cases: ${asked}, not frontmatter: ${declined}`);
});
