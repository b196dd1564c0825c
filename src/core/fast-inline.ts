/**
 * Inline shapes the fast paths read without the parser, exactly as CommonMark and GFM define
 * them: raw HTML tags, code spans, and the title of an ATX heading made of text, code spans,
 * tags and plain links. Anything that could read differently returns null (the caller then
 * parses the block); the unit tests and the differential fuzz hold every answer to the parser's.
 */
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { letters } from './letters';

/**
 * An inline HTML open or closing tag on one line, at `lastIndex` (CommonMark's raw HTML
 * grammar: tag name, attributes with unquoted, single- or double-quoted values, optional `/`).
 * No `|` anywhere: in a table row it would split the cell before the tag is read.
 */
export const HTML_TAG =
  /<(?:[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t\n\r"'=<>`|]+|'[^'\n\r|]*'|"[^"\n\r|]*"))?)*[ \t]*\/?|\/[A-Za-z][A-Za-z0-9-]*[ \t]*)>/y;

/** A URI autolink at `lastIndex`: `<https://example.com>`; its text is the URI. */
const URI_AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f]*)>/y;

/** A plain inline link at `lastIndex`: text without inline syntax, destination without spaces, parentheses or escapes. */
const PLAIN_LINK = /\[([^[\]\n\\`<>*_~&!|{}]*)\]\([^\s()<>\\[\]{}|`]*\)/y;

/** A character reference as CommonMark reads one: decimal, hex, or a name (the name's table decides whether it decodes). */
export const CHARACTER_REFERENCE_SOURCE = String.raw`&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));`;
const CHARACTER_REFERENCE = new RegExp(CHARACTER_REFERENCE_SOURCE, 'y');
/** The named references decoded here (their values in HTML's table); any other name is the parser's to look up. */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The character reference at `at` (`&lt;`, `&#91;`, `&#x3D;`) and what it decodes to, as
 * micromark decodes it; undefined when there is none; 'unknown' for a name not in `NAMED`.
 */
export function characterReferenceAt(text: string, at: number): { value: string; end: number } | 'unknown' | undefined {
  CHARACTER_REFERENCE.lastIndex = at;
  const m = CHARACTER_REFERENCE.exec(text);
  if (!m) return undefined;
  const end = at + m[0].length;
  if (m[1] !== undefined) return { value: decodeNumericCharacterReference(m[1], 10), end };
  if (m[2] !== undefined) return { value: decodeNumericCharacterReference(m[2], 16), end };
  return Object.hasOwn(NAMED, m[3]) ? { value: NAMED[m[3]], end } : 'unknown';
}

/** What a GFM literal autolink needs (`www.`, a protocol, an email's `@`): around one, references are not decoded. */
const MAY_AUTOLINK = /www\.|https?:|@/i;

/** Length of the run of backticks at `at`. */
function runAt(text: string, at: number): number {
  let n = 0;
  while (text.charCodeAt(at + n) === 96) n++;
  return n;
}

/**
 * The code span whose opening backtick run starts at `at` on a single line: its end and its
 * content as the parser gives it (one space stripped from each side when both have one and
 * the content is not all spaces); undefined when no run of the same length closes it.
 */
export function codeSpanAt(text: string, at: number, lineEnd = text.length): { end: number; value: string } | undefined {
  const size = runAt(text, at);
  for (let i = text.indexOf('`', at + size); i !== -1 && i < lineEnd; i = text.indexOf('`', i)) {
    const run = runAt(text, i);
    if (run === size) {
      let value = text.slice(at + size, i);
      if (value.length > 1 && value[0] === ' ' && value[value.length - 1] === ' ' && value.trim() !== '') value = value.slice(1, -1);
      return { end: i + run, value };
    }
    i += run;
  }
  return undefined;
}

/** Inline syntax left in a heading's plain text that only the parser resolves: emphasis, strikethrough, escapes, entities, images, links. */
const NOT_PLAIN_TEXT = /[*~\\]|&#?\w+;|!\[|\]\(/;
/** An underscore that could open or close emphasis (not between two letters or digits). */
const EMPHASIS_UNDERSCORE = letters`(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])`;

/**
 * The text an ATX heading's title has once parsed (what mdast's text of the heading is):
 * code spans give their content, raw HTML tags nothing, links their text, character references
 * what they decode to. Null when the title holds syntax only the parser resolves.
 *
 * ```ts
 * headingText('<a id="v2"></a>2.0.0 - 2026-01-02')  // '2.0.0 - 2026-01-02'
 * headingText('`nwsync` CLI Reference')            // 'nwsync CLI Reference'
 * headingText('**Bold**')                           // null
 * ```
 */
export function headingText(title: string): string | null {
  let text = '';
  // The title with every resolved span blanked: what must hold no other inline syntax.
  let rest = '';
  let from = 0;
  for (let i = 0; i < title.length; i++) {
    const c = title.charCodeAt(i);
    if (c !== 96 && c !== 60 && c !== 91 && c !== 38) continue; // ` < [ &
    const resolved = inlineAt(title, i);
    if (!resolved) {
      if (c === 96) i += runAt(title, i) - 1; // a run with no closing run is literal
      continue;
    }
    if (resolved === 'unknown') return null;
    text += title.slice(from, i) + resolved.text;
    rest += `${title.slice(from, i)} ${resolved.plain ?? ''} `;
    from = resolved.end;
    i = resolved.end - 1;
  }
  text += title.slice(from);
  rest += title.slice(from);
  if (NOT_PLAIN_TEXT.test(rest) || EMPHASIS_UNDERSCORE.test(rest)) return null;
  return text;
}

/**
 * The inline construct at `at` (a backtick, `<`, `[` or `&`) in a heading title: its text and
 * end; undefined when the character is literal there; 'unknown' when only the parser can tell.
 */
function inlineAt(title: string, at: number): { text: string; end: number; plain?: string } | 'unknown' | undefined {
  const c = title[at];
  if (c === '&') {
    // A literal autolink (`https://x.y/?a&amp;b`) keeps its references as written.
    if (MAY_AUTOLINK.test(title)) return 'unknown';
    const ref = characterReferenceAt(title, at);
    return ref && ref !== 'unknown' ? { text: ref.value, end: ref.end } : ref;
  }
  if (c === '`') {
    const span = codeSpanAt(title, at);
    return span && { text: span.value, end: span.end };
  }
  if (c === '<') {
    HTML_TAG.lastIndex = at;
    const tag = HTML_TAG.exec(title);
    if (tag) return { text: '', end: at + tag[0].length };
    URI_AUTOLINK.lastIndex = at;
    const link = URI_AUTOLINK.exec(title);
    if (link) return { text: link[1], end: at + link[0].length };
    return /^<[\s\d=]/.test(title.slice(at, at + 2)) ? undefined : 'unknown';
  }
  if (title[at - 1] === '!') return 'unknown';
  PLAIN_LINK.lastIndex = at;
  const link = PLAIN_LINK.exec(title);
  if (link) return { text: link[1], end: at + link[0].length, plain: link[1] };
  return undefined;
}
