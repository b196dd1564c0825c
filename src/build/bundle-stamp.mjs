/**
 * The last step of a build, for the bundles Node loads (src/build/esbuild.mjs): each is made
 * ASCII-only, and each bundle the CLI loads through its code cache gets its id on its last line.
 *
 * - **ASCII only.** esbuild escapes non-ASCII characters in strings and names, but keeps them in
 *   regex literals (the field grammar's `’`, `–`, `✓`…) and comments. One such character is
 *   enough for Node to decode the whole file on its slow UTF-8 path and for V8 to keep and scan
 *   the source as a two-byte string: reading cli-main.js took 4.8 ms instead of 2.5 ms, and a run
 *   of the CLI over 120 finished docs 1.2% more instructions. Each character is rewritten as the
 *   `\u` escape that means the same in its place: in a regex literal, `\uXXXX` (an astral
 *   character as its two surrogates, which a `u` regex reads as one code point, and an identity
 *   escape `\’` as the character itself); comments are text. A template literal is left alone
 *   (a tag sees its raw text): anything left is reported, and a unit test keeps the bundles ASCII.
 * - **The id.** The CLI's code cache names a file by its bundle's text (src/cli/compile-cache.ts).
 *   Hashing it at run time meant loading node:crypto and hashing a megabyte of JavaScript on
 *   every run (9 ms, 2.7% of the instructions of that run); the build hashes it once instead.
 *
 * Acorn (already in the tree for MDX) tells regex literals and comments apart from the rest: no
 * pattern can.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, tokTypes } from 'acorn';

/** What the last line of a stamped bundle starts with; the id (32 hex digits) follows. */
export const ID_LINE = '\n// integration-docs bundle ';

const NON_ASCII = /[^\x00-\x7f]/;

/** `\uXXXX` for one UTF-16 unit. */
const unit = (code) => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The escapes of one code point: `\uXXXX`, or two of them for an astral character. */
const escapeOf = (char) => (char.length === 2 ? unit(char.charCodeAt(0)) + unit(char.charCodeAt(1)) : unit(char.charCodeAt(0)));

/**
 * A regex literal's text with every non-ASCII character escaped. An identity escape (`\’`, valid
 * without the `u` flag only) means the character itself, so its backslash goes with it.
 */
export function escapeRegexLiteral(text) {
  return text.replace(/(\\*)([^\x00-\x7f])/gu, (_, slashes, char) => slashes.slice(slashes.length % 2) + escapeOf(char));
}

/** A comment's text with every non-ASCII character written as its escape (it is only read by people). */
const escapeComment = (text) => text.replace(/[^\x00-\x7f]/gu, escapeOf);

/**
 * `code` (a script or CommonJS module) with the non-ASCII characters of its regex literals and
 * comments escaped; `left`: how many non-ASCII characters remain (in template literals).
 */
export function asciiOnly(code) {
  if (!NON_ASCII.test(code)) return { code, left: 0 };
  const spans = [];
  parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    onToken: (token) => {
      if (token.type === tokTypes.regexp && NON_ASCII.test(code.slice(token.start, token.end))) spans.push([token.start, token.end, escapeRegexLiteral]);
    },
    onComment: (_block, text, start, end) => {
      if (NON_ASCII.test(text)) spans.push([start, end, escapeComment]);
    },
  });
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end, escape] of spans) {
    out += code.slice(at, start) + escape(code.slice(start, end));
    at = end;
  }
  out += code.slice(at);
  return { code: out, left: [...out.matchAll(/[^\x00-\x7f]/gu)].length };
}

/** The id of a bundle's text: the first 32 hex digits of its SHA-256. */
export const bundleIdOf = (code) => createHash('sha256').update(code).digest('hex').slice(0, 32);

/**
 * Rewrites `file` ASCII-only and, with `id`, with its id line last; returns a warning when
 * non-ASCII characters remain (the file still works, only loads slower).
 */
export function stampBundle(file, { id = false } = {}) {
  const original = readFileSync(file, 'utf8');
  // A file stamped before (not one esbuild just wrote) keeps one id line, the new one.
  const { code, left } = asciiOnly(original.replace(new RegExp(`${ID_LINE}[0-9a-f]{32}\\n$`), '\n'));
  const stamped = id ? `${code.replace(/\n?$/, '')}${ID_LINE}${bundleIdOf(code)}\n` : code;
  if (stamped !== original) writeFileSync(file, stamped);
  return left > 0 ? `${file}: ${left} non-ASCII character(s) left in template literals; Node reads the file as UTF-16` : undefined;
}
