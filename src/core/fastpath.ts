/**
 * Facts without the parser, for chunks whose syntax tree is known without building it.
 * remark parses about 0.3 MB/s on the target machines; most of a document is code blocks,
 * prose with nothing to report, or plain lines (headings, paragraphs, bullet and task lists,
 * tables) whose only syntax is the one these functions recognise. Anything else returns
 * `undefined` and goes to the parser. The unit tests hold these paths equal to the parser's.
 *
 * The loops over a chunk's lines index their arrays rather than use `for…of`: until V8 optimizes
 * a function (most of a short CLI run) each step of `for…of` makes an iterator result object.
 */
import type { ChunkFacts, FactOptions, FieldFact, HeadingFact, TaskFact } from './facts';
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';
import { appendFacts, emptyFacts, isMarkdownFence, htmlComments, htmlBlockFields, FORMAT_HEADER, CODE_OPEN, CODE_CLOSE, MAX_EMBED_DEPTH } from './facts';
import { parseHazard } from './limits';
import { scanCode, scanDates, scanProse, scanWhole, normalizeLabel, fieldFact, type FieldHit } from './grammar';
import { DIALECTS } from './dialects';
import { CHARACTER_REFERENCE_SOURCE, headingText, HTML_TAG } from './fast-inline';
import type { Span } from './types';
import { letters, lettersFrom } from './letters';
import { sortByStart } from './spans';
import { lineAt } from './chunks';

const NO_FACTS: ChunkFacts = Object.freeze(emptyFacts()) as ChunkFacts;

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
/** An inline link with nothing a dialect could read in its text or destination. */
const INLINE_LINK = /!?\[[^[\]\n\\{<]*\]\([^\s()\\<>[\]{}]*(?:\s+"[^"\n\\]*")?\)/g;
/** A code span with no bracket, brace or date stub inside, between lone backticks (a run of two or more pairs only with its own length). */
const SAFE_CODE_SPAN = /(?<!`)`(?!`)(?:(?!YYYY|MM\/DD|DD\/MM)[^`\n[{])*`(?!`)/g;
/** A fence line, also one opened inside a list item or block quote (`* ~~~`, `> 1. ````). */
const FENCE_LINE = /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t][\s>]*)*(?:`{3,}|~{3,})/m;
/** Anything a dialect (its probe, from the dialect table) or a rule could report, or a block the plain path does not model (a setext underline also deep in a list item or block quote). */
const INTERESTING = lettersFrom([...new Set(DIALECTS.map((d) => d.probe)), '<!--', '^[ \\t>]*(?:=+|-+)[ \\t]*$', '^\\s*(?:`{3,}|~{3,})'].join('|'), 'mu');

const LONE_CR = /\r(?!\n)/;

/** Whether `text` holds a lone carriage return, which ends a line for the parser and for no line scan here. */
export function hasLoneCr(text: string): boolean {
  return text.includes('\r') && LONE_CR.test(text);
}

/** Facts of a chunk without parsing it, or undefined when only the parser can tell. */
export function fastFacts(text: string, isFence: boolean, options: FactOptions): ChunkFacts | undefined {
  const { patterns } = options;
  if (hasLoneCr(text)) return undefined;
  if (isFence) return fenceFacts(text, options);
  if (patterns.length > 0) return isInert(text, patterns) ? headingsOnly(text) : undefined;
  if (isInert(text, patterns)) return headingsOnly(text) ?? htmlBlockOnly(text);
  return definitionsOnly(text) ?? htmlBlockOnly(text) ?? setextFacts(text, options) ?? simpleFacts(text) ?? footnoteFacts(text);
}

/** A setext underline: `===` (level 1) or `---` (level 2) under the line of a heading. */
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
/** A line that can only be paragraph text: a letter or digit first (not an ordered-list marker), no pipe (no table). */
const SETEXT_TEXT = letters`^ {0,3}(?!\d{1,9}[.)](?:[ \t]|$))[\p{L}\p{N}][^|]*$`;

/**
 * A chunk that opens with a setext heading of one line (`2.0.0 / 2024-04-03` over `=====`, as
 * changelogs in the History.md style are written) and nothing to report in it: the heading, and
 * the facts of what follows, which starts blocks afresh as after a blank line.
 */
function setextFacts(text: string, options: FactOptions): ChunkFacts | undefined {
  const first = text.indexOf('\n');
  if (first === -1) return undefined;
  let second = text.indexOf('\n', first + 1);
  if (second === -1) second = text.length;
  const under = text.slice(first + 1, second).replace(/\r$/, '');
  const underline = SETEXT_UNDERLINE.exec(under);
  const line = text.slice(0, first).replace(/\r$/, '');
  if (!underline || !SETEXT_TEXT.test(line) || !isInert(line, options.patterns)) return undefined;
  const title = headingText(line.trim());
  if (title === null) return undefined;
  const facts = emptyFacts();
  const indent = line.length - line.trimStart().length;
  facts.headings.push({ start: indent, end: first + 1 + under.length, depth: underline[1][0] === '=' ? 1 : 2, text: title.trim() });
  const rest = text.slice(second + 1);
  if (rest.trim() === '') return facts;
  const after = fastFacts(rest, false, options);
  if (!after) return undefined;
  appendFacts(facts, after, (o) => o + second + 1);
  return facts;
}

/**
 * A line that opens an HTML block of CommonMark's sixth kind: a block-level tag name (the
 * parser's own list, in any case), which runs to the next blank line whatever it holds. The
 * name is looked up in a set: the names written into the pattern as a case-blind alternation
 * made its largest compiled code (38 KB, 0.4 ms to compile for each of one- and two-byte text).
 */
const HTML_LINE_TAG = /^ {0,3}<\/?([A-Za-z][A-Za-z0-9]*)(?=[ \t>]|\/>|\r?\n|$)/;
const BLOCK_HTML_NAMES: ReadonlySet<string> = new Set(htmlBlockNames);

function opensBlockHtml(text: string): boolean {
  const m = HTML_LINE_TAG.exec(text);
  return m !== null && BLOCK_HTML_NAMES.has(m[1].toLowerCase());
}
/** A blank line for CommonMark: spaces and tabs only. */
const BLANK_LINE = /\n[ \t]*\r?\n/;

/** The length of `text` without its trailing spaces, tabs and line breaks (a loop: a `$`-anchored pattern is tried at every blank). */
function trimmedLength(text: string): number {
  let end = text.length;
  for (let c = text.charCodeAt(end - 1); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(end - 1)) end--;
  return end;
}

/** A line opening an HTML block of the first kind (`<pre>`, `<script>`, `<style>`, `<textarea>`), which blank lines do not end. */
const RAW_HTML_LINE = new RegExp(`^ {0,3}<(?:${htmlRawNames.join('|')})(?=[ \\t>]|\\r?\\n|$)`, 'i');
/** What ends a block of the first kind: a line holding the end tag of any of its names (not only the one it opened with). */
const RAW_HTML_END = new RegExp(`</(?:${htmlRawNames.join('|')})>`, 'i');

/**
 * Where the HTML block that is all of `text` ends (the end of its last line), or undefined when
 * `text` is not one: a block of the sixth kind with no blank line before its end, one of the
 * first kind with only blank lines after the line that closes it (or no such line: it runs to
 * the end), or a comment (the second kind: it ends with the line that holds `-->`) with only
 * blank lines after it.
 */
function htmlBlockEnd(text: string): number | undefined {
  if (opensBlockHtml(text)) {
    const end = trimmedLength(text);
    return BLANK_LINE.test(text.slice(0, end)) ? undefined : end;
  }
  if (RAW_HTML_LINE.test(text)) return onlyBlanksAfter(text, RAW_HTML_END.exec(text)?.index);
  if (!COMMENT_LINE.test(text) || EMPTY_COMMENT.test(text)) return undefined;
  const close = text.indexOf('-->', text.indexOf('<!--') + 4);
  return close === -1 ? undefined : onlyBlanksAfter(text, close);
}

/** `text`'s trimmed length when nothing but blanks follows the line holding offset `closed` (undefined: never closed, it runs to the end). */
function onlyBlanksAfter(text: string, closed: number | undefined): number | undefined {
  const end = trimmedLength(text);
  if (closed === undefined) return end;
  const lineEnd = text.indexOf('\n', closed);
  return lineEnd === -1 || lineEnd >= end ? end : undefined;
}

/**
 * Facts of a chunk that is one HTML block (`htmlBlockEnd`): `<div>`, `<table>`, `<p
 * align="center">`, `<details>`, or a comment over several lines (`<!-- YAML … -->`). Its facts
 * are those of the parser's HTML node: its comments, the fields of its first line's tags, and
 * lines that are a bracket field alone. A block the parser would not be given (`parseHazard`) is
 * left to the reading it gets instead.
 */
function htmlBlockOnly(text: string): ChunkFacts | undefined {
  const end = htmlBlockEnd(text);
  if (end === undefined || parseHazard(text)) return undefined;
  const facts = emptyFacts();
  for (const c of htmlComments(text.slice(0, end))) facts.comments.push({ start: c.at, end: c.at + c.length, body: c.body });
  htmlBlockFields(text, { start: 0, end }, facts.fields);
  return facts.fields.length > 0 || facts.comments.length > 0 ? facts : NO_FACTS;
}

/** Facts of a chunk of link reference definitions only: their labels, nothing to report. */
function definitionsOnly(text: string): ChunkFacts | undefined {
  if (!text.includes(']:') || text.includes('\\')) return undefined;
  const facts = emptyFacts();
  // Line by line without splitting first: most chunks with `]:` fail on their first line.
  for (let at = 0; at < text.length; ) {
    let nl = text.indexOf('\n', at);
    if (nl === -1) nl = text.length;
    const line = text.slice(at, text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
    at = nl + 1;
    if (line.trim() === '') continue;
    const m = DEFINITION_LINE.exec(line);
    if (!m || m[1].trim() === '' || m[1].startsWith('^')) return undefined;
    facts.definitions.push(normalizeLabel(m[1]));
  }
  return facts;
}

/** The lines between the fence lines of a chunk that is one fenced code block (to its end when it has no closing line). */
function fenceContent(text: string): Span | undefined {
  const firstNl = text.indexOf('\n');
  if (firstNl === -1) return undefined;
  let end = text.trimEnd().lastIndexOf('\n');
  if (end <= firstNl) end = text.length;
  return { start: firstNl + 1, end };
}

/** The content of a chunk that is one ```markdown fence (or an unlabelled fence holding a Markdown document), else undefined. */
export function markdownFenceContent(text: string): Span | undefined {
  const content = fenceContent(text);
  if (!content) return undefined;
  const info = text.slice(0, content.start - 1).replace(/^ {0,3}(?:`{3,}|~{3,})/, '');
  return isMarkdownFence(info, text.slice(content.start, content.end)) ? content : undefined;
}

/**
 * A chunk that is one fenced code block: scan its content lines as code. A ```markdown fence is
 * left to `chunk-facts.ts`, which reads its content as Markdown, unless it is nested deeper than
 * Markdown is read (`MAX_EMBED_DEPTH`): then it is code too.
 */
function fenceFacts(text: string, options: FactOptions): ChunkFacts | undefined {
  const content = fenceContent(text);
  if (!content) return NO_FACTS;
  if ((options.embedDepth ?? 0) < MAX_EMBED_DEPTH && markdownFenceContent(text)) return undefined;
  const fields = fencedCodeFields(text, content);
  if (fields.length === 0) return NO_FACTS;
  const facts = emptyFacts();
  facts.fields = fields;
  return facts;
}

/** The fields of the code of a fenced block, `text[span]` (its lines between the fence lines), as the parser's code node gives them. */
export function fencedCodeFields(text: string, span: Span): FieldFact[] {
  if (!/[[{]|YYYY|MM\/DD|DD\/MM/.test(text.slice(span.start, span.end))) return [];
  const hits: FieldHit[] = [];
  scanCode(text, span, hits);
  return hits.map((h) => fieldFact(h, 'code'));
}

/**
 * Whether a prose chunk cannot hold anything a rule reports: after removing inline links,
 * code spans without brackets or braces and escaped brackets, no task item, bracket, brace,
 * date stub, comment, setext underline or fence is left.
 */
export function isInert(text: string, patterns: readonly RegExp[]): boolean {
  // Each pattern is tried only where the characters it needs are: a call into a pattern costs more than the scan.
  if (text.includes('[') && (text.includes('[ ]') || /^\s*(?:[-*+]|\d+[.)])\s+\[[xX ]\]/m.test(text))) return false;
  if ((text.includes('```') || text.includes('~~~')) && FENCE_LINE.test(text)) return false; // before stripping: ``` would read as an empty code span and a backtick
  const spansLeft = text.replace(SAFE_CODE_SPAN, '');
  // Escapes are read left to right: `\\[` is an escaped backslash before a live bracket.
  const stripped = text.includes('\\`') || spansLeft.includes('`') ? uncertainSpans(text) : spansLeft.replace(/\\[\\[\]{}]/g, '').replace(INLINE_LINK, '');
  if (INTERESTING.test(stripped)) return false;
  for (let k = 0; k < patterns.length; k++) {
    patterns[k].lastIndex = 0;
    if (patterns[k].test(text)) return false;
  }
  return true;
}

/**
 * What `isInert` tests where the parser may pair backticks otherwise than one line at a time (an
 * escaped one, a longer run, one that pairs with a backtick on another line of its paragraph:
 * code spans wrapped at 80 columns). Any stretch may then be code, where a backslash escapes
 * nothing and a date stub or a link's title is read: code spans and escapes stay, and only links
 * with neither go, whose text and destination hold nothing that code reports.
 */
function uncertainSpans(text: string): string {
  return text.replace(INLINE_LINK, (link) => (DATE.test(link) || link.endsWith('")') ? link : ''));
}

interface Line {
  start: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  const raws = text.split('\n');
  for (let k = 0; k < raws.length; k++) {
    const raw = raws[k];
    out.push({ start, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
    start += raw.length + 1;
  }
  return out;
}

/** A `#` that may open a heading inside a list item or block quote, or past an indent. */
const NESTED_HASH = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*#/;

/**
 * The ATX heading on `line`; undefined when there is none; null when only the parser can tell
 * (inline syntax in the title, or a `#` after a list marker, `>` or indent: `1. ## Title`).
 */
function heading(line: Line): HeadingFact | undefined | null {
  if (!line.text.includes('#')) return undefined;
  const m = ATX.exec(line.text);
  if (!m) return NESTED_HASH.test(line.text) ? null : undefined;
  const text = ATX_EMPTY.test(line.text) ? '' : headingText((m[2] ?? '').trim());
  if (text === null) return null;
  const indent = line.text.length - line.text.trimStart().length;
  // The parser's heading runs to the end of its line, blanks after the title included.
  return { start: line.start + indent, end: line.start + line.text.length, depth: m[1].length, text: text.trim() };
}

/** An ATX heading that is only a closing sequence (`# #`, `## ###`): empty, as its `#`s need no blank before them then. */
const ATX_EMPTY = /^ {0,3}#{1,6}[ \t]+#+[ \t]*$/;

/**
 * What follows a line's first `<` when the line starts with an inline tag with more after it
 * on its line (`<a id="x"></a>` over a heading, `- <img src="…"/> [name](…)` in a list of
 * contributors). Only a tag named for a block (CommonMark's kinds 1 and 6: `pre`, `div`, `table`…,
 * in any case) opens an HTML block whatever follows it; any other complete tag opens one only when
 * nothing follows it on its line. So the line is a paragraph with inline HTML, which the plain
 * path reads as it reads a tag inside a line. Used in patterns with the `i` flag.
 */
const NOT_INLINE_TAG_LINE = new RegExp(
  String.raw`(?!(?!(?:${[...htmlRawNames, ...htmlBlockNames].join('|')})(?![A-Za-z0-9-]))[A-Za-z][A-Za-z0-9-]*` +
    String.raw`(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^\s"'=<>\x60]+|'[^'\n]*'|"[^"\n]*"))?)*[ \t]*\/?>[ \t]*\S)`,
);

/** A line that may open an HTML block, also inside a list item or block quote (`* <div>`). */
const HTML_LINE = new RegExp(/^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t][ \t>]*)*</.source + NOT_INLINE_TAG_LINE.source, 'im');

/** Headings of an inert chunk; undefined when one has inline syntax only the parser resolves. */
function headingsOnly(text: string): ChunkFacts | undefined {
  if (!text.includes('#')) return NO_FACTS;
  // An HTML block swallows the lines after it: headings only before the first line that may open one.
  const html = text.includes('<') ? (HTML_LINE.exec(text)?.index ?? text.length) : text.length;
  let facts: ChunkFacts | undefined;
  // Only a line with a `#` may be a heading: each is read as `linesOf` gives it (`lineAt`), the others not at all.
  for (let at = text.indexOf('#'); at !== -1; ) {
    const start = text.lastIndexOf('\n', at - 1) + 1;
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    if (start >= html) return undefined;
    const h = heading({ start, text: lineAt(text, start, end + 1) });
    if (h === null) return undefined;
    if (h) (facts ??= emptyFacts()).headings.push(h);
    at = end === text.length ? -1 : text.indexOf('#', end + 1);
  }
  return facts ?? NO_FACTS;
}

// --- plain chunks --------------------------------------------------------------------------

/**
 * Characters and sequences that bring syntax the plain path does not model. A line that starts
 * with `<` may open an HTML block, except one opened by an inline tag with more after it on its
 * line (`NOT_INLINE_TAG_LINE`), which is a paragraph with inline HTML.
 */
const NOT_PLAIN = new RegExp(/^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t][\s>]*)*(?:~{3}|`{3})|^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t][ \t>]*)*\[[^\]]*\]:|^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*</.source + NOT_INLINE_TAG_LINE.source + /|^\s*(?:[-*+]|\d+[.)])\s+[#>]|^ *\t|^\s*(?:[-*+]|\d+[.)])(?:\t| {5})/.source, 'im');
/** The start of a line that may open a block of its own and so end a paragraph (conservatively: by its first character). */
const BLOCK_START = /[ \t]*(?:[-*+>#<|=_`~]|\d{1,9}[.)])/;
/**
 * An HTML tag in a link's text (`[<code>RetryPolicy</code>](#retrypolicy)`, as jsdoc2md writes
 * types): an open or closing tag with no bracket, brace or pipe anywhere in it, so it ends before
 * the text's `]` and hides none. A `<` that starts no tag, autolink or comment is text; any other
 * `<` (an autolink, a tag holding a `]`) leaves the link unmatched and the chunk to the parser.
 */
const TAG_IN_LINK_TEXT = String.raw`<(?:[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t\n\r"'=<>\x60|[\]{}]+|'[^'\n\r|[\]{}]*'|"[^"\n\r|[\]{}]*"))?)*[ \t]*\/?|\/[A-Za-z][A-Za-z0-9-]*[ \t]*)>`;
/**
 * Inline links and images the plain path masks as the parser would: `[text](dest "title")`. The
 * text may run over lines (prose wrapped at 80 columns: `[Fastify\nrequest](./Request.md)`)
 * when no line it runs onto could start a block of its own and end the paragraph (a list
 * marker, `#`, `>`, `<`, `|`, `=`, `_`, a fence, a blank line), or hold a table; `inlineMasks`
 * also refuses one that starts on a heading or a table row.
 */
const INLINE_LINK_FULL = new RegExp(
  String.raw`!?\[(?:[^[\]\n|\\{<]|<(?![A-Za-z/!?])|${TAG_IN_LINK_TEXT}|\n(?!` + BLOCK_START.source + String.raw`|[ \t]*(?:\n|$)))*\]\([^()\s<>|\\[\]{}]*(?:[ \t]+(?:"[^"\n\\]*"|'[^'\n\\]*'))?\)`,
  'g',
);
/** A line a link cannot run on from: a heading (it ends at its line) or a table row. */
const ENDS_AT_LINE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*#|\|/;
/** A badge: an image that is a link's whole text, `[![alt](image)](href)`. */
const BADGE = /\[!\[[^[\]\n|\\{<`]*\]\([^()\s<>|\\[\]{}`]*\)\]\([^()\s<>|\\[\]{}`]*\)/g;
/**
 * `<` that starts no HTML and no autolink: before anything but a letter, `/`, `!` or `?`
 * ("< 5%", "<-"), or a name running into an underscore (`<YOUR_API_KEY>`, which is no tag
 * name, and no email autolink without an `@`).
 */
const LITERAL_ANGLE = /<(?![A-Za-z/!?])|<[A-Za-z][A-Za-z0-9-]*_[^<>\n@]*>/y;
/**
 * A chunk made only of link reference definitions (`[ref]: https://… "title"`); no `&` in the
 * label (the parser decodes `[a&nbsp;b]` to the label `a b`).
 */
const DEFINITION_LINE = /^ {0,3}\[([^\]\\[^&]?[^\]\\[&]*)\]:[ \t]*(?:<[^<>\n[\]{}]*>|[^\s<()[\]{}][^\s()[\]{}]*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/;
/** URI and email autolinks (`<https://…>`, `<a@b.co>`), as CommonMark defines them, without `|` or backticks. */
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f|`]*|[A-Za-z0-9.!#$%&'*+/=?^_{}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
/**
 * Bare URLs and emails, which GFM links: nothing to report may stand inside them. Searched as
 * `nextBareLink` does: an email can only match where a run of its local-part characters starts
 * (or where the search resumes), so the other positions of a long run are never tried again.
 */
const BARE_LINK = /(?:https?:\/\/|www\.)[^\s<]*|[\w.+-]+@[\w-]+\.[\w.-]+/y;
const BARE_LINK_FROM_RUN = /(?:https?:\/\/|www\.)[^\s<]*|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+/g;
/**
 * A block-quote line the plain path reads as prose: no heading, quote, fence or date inside, at
 * most one list marker (`> - [New Feature]`, a release's tags quoted) followed by one to four
 * spaces and no task box (the plain path's task reading knows no quote), and nothing indented
 * four columns past it (no tab among the blanks: it may count for up to four).
 */
const QUOTE_LINE = /^[ \t]*>/; // deeper than three columns only inside a list item, where it still opens a quote
const PLAIN_QUOTE = /^ {0,3}> ?(?:(?:[-*+]|\d{1,9}[.)]) {1,4}(?![ \t]|\[[ xX]\]))?(?![ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|[ \t]*#|[ \t]*>|[ \t]*`{3}|[ \t]*~{3}| {4}| *\t)/;
/** A thematic break or setext underline: safe only after a blank line (a break, not a heading). */
const RULE_LINE = /^ {0,3}[-*_=](?:[ \t]*[-*_=])*[ \t]*$/;
const TASK = /^( *)([-*+]|\d{1,9}[.)])( {1,4})\[([ xX])\](?=[ \t]+\S)/;
const LIST_LINE = /^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const ORDERED_TASK = /^\s*\d{1,9}[.)][ \t]+\[[ xX]\]/;
/** A task marker with nothing after it on its line: a task only if the item continues. */
const MARKER_THEN_BOX = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+\[[ xX]\]/;
const BARE_TASK = /^\s*[-*+][ \t]+\[[ xX]\][ \t]*$/;
const DATE = /YYYY|MM\/DD|DD\/MM/;

/**
 * A line that may be a table's delimiter row (`|---|:--:|`, also inside a list item or quote):
 * only dashes, colons, pipes, blanks and container markers, with a dash and a pipe or colon.
 */
const TABLE_DELIMITER = /^(?=[^\n]*[|:])[ \t>*+.)\d|:\r-]*-[ \t>*+.)\d|:\r-]*$/m;

/**
 * Whether `text` may hold a table (it has a line that may be a delimiter row). A table needs no
 * pipe when its delimiter row has a colon: GFM reads `a` over `:-` as a table of one column.
 */
export function mayHoldTable(text: string): boolean {
  return (text.includes('|') || text.includes(':-') || text.includes('-:')) && TABLE_DELIMITER.test(text);
}

/**
 * Whether every line after a table's delimiter row, up to the next blank line, holds a `|`: GFM
 * reads any such line as one more row (seed 7217's field ran over two of them).
 */
function rowsKeepPipes(lines: readonly Line[]): boolean {
  let inTable = false;
  for (let k = 0; k < lines.length; k++) {
    const { text } = lines[k];
    if (text.trim() === '') inTable = false;
    else if (inTable && !text.includes('|')) return false;
    else if (TABLE_DELIMITER.test(text)) inTable = true;
  }
  return true;
}

const LIST_MARKER = /^(\s*)([-*+]|\d{1,9}[.)])([ \t]+)/;

/**
 * Whether a task line indented `indent` columns nests under the line before it: a list item whose
 * content starts at or before that column (less than four past it), or a continuation line indented inside an item. A
 * sibling item's deeper content column (`  1. a` then `    + [x] b`) makes it a lazy line instead.
 */
function nestsUnder(prev: string, indent: number): boolean {
  const m = LIST_MARKER.exec(prev);
  // Four columns past that content start it is the paragraph's text (`- [x] a` then `      * [ ] b`).
  if (m) return m[3].length <= 4 && m[1].length + m[2].length + m[3].length <= indent && indent < m[1].length + m[2].length + m[3].length + 4;
  return !LIST_LINE.test(prev) && prev.length - prev.trimStart().length >= 2;
}

/** An ordered item's first line with text after its marker: its indent, number and delimiter. */
const ORDERED_ITEM_LINE = /^( {0,3})(\d{1,9})([.)])[ \t]+\S/;

/**
 * The delimiter of the ordered list item that `line` starts, or undefined when it starts none
 * (or only the parser can tell): after a blank line (or first in the chunk) any number starts one;
 * after text, an ordered item interrupts the paragraph only as `1` (CommonMark), unless it is the
 * next item of the flat list the line above started an item of (`list`, its delimiter: the
 * checklist `1. [x] …` over `2. [ ] …`). Anything else may be a paragraph's lazy text.
 */
function orderedItemStart(line: string, prevBlank: boolean, list: string | undefined, flat: boolean): string | undefined {
  const m = ORDERED_ITEM_LINE.exec(line);
  if (!m) return undefined;
  return prevBlank || m[2] === '1' || (flat && m[1] === '' && list === m[3]) ? m[3] : undefined;
}

/** Whether a character code (a line's first after its indent) may start a list item's marker: `-`, `*`, `+` or a digit. */
function mayStartItem(c: number): boolean {
  return c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57);
}

/** Whether a line whose first character after its indent is `c` may be a setext underline or thematic break, also in a block quote: `-`, `*`, `_`, `=` or `>`. */
function mayStartRule(c: number): boolean {
  return c === 45 || c === 42 || c === 95 || c === 61 || c === 62;
}

/**
 * Line-level checks: no indented code, no lazy task lines, no dates in table rows (unless `table`:
 * the chunk is one table whose cells are known). Each pattern is tried only on lines whose first
 * character (after the indent) or content it needs is there: most lines are prose and need none.
 */
function plainLines(lines: readonly Line[], table = false): boolean {
  let prevBlank = true;
  let prev = '';
  let prevQuote = false;
  // No line so far is indented: every item above is one of a flat list, the one of delimiter `list`.
  let flat = true;
  let list: string | undefined;
  for (let k = 0; k < lines.length; k++) {
    const { text } = lines[k];
    const indent = text.length - text.trimStart().length;
    const blank = indent === text.length;
    const first = text.charCodeAt(indent);
    // A task box's patterns need a `[` and a list marker first.
    const box = mayStartItem(first) && text.includes('[');
    const quote = first === 62 && QUOTE_LINE.test(text); // >
    if (!blank && indent > 0) flat = false;
    const item = blank ? list : first >= 48 && first <= 57 ? orderedItemStart(text, prevBlank, list, flat) : undefined;
    if (!blank && prevBlank && indent >= 4) return false; // indented code (or a continuation)
    // After a heading or a table row an indented line is code, not a continuation.
    if (!blank && indent >= 4 && (prev.includes('|') || ATX.test(prev) || RULE_LINE.test(prev))) return false;
    if (box && (BARE_TASK.test(text) || (ORDERED_TASK.test(text) && item === undefined))) return false;
    if (box && MARKER_THEN_BOX.test(text) && !TASK.test(text)) return false; // "1. 1. [x]", "- - [ ]"
    if (box && indent >= 4 && TASK.test(text) && !nestsUnder(prev, indent)) return false; // a lazy line, not an item
    if (((text.includes('|') && !table) || (mayStartItem(first) && LIST_LINE.test(text))) && DATE.test(text)) return false; // dates read per cell / paragraph
    if (!prevBlank && mayStartRule(first) && RULE_LINE.test(withoutQuoteMarkers(text))) return false; // a setext underline or break, also deep in a list item or block quote
    if (quote && (!PLAIN_QUOTE.test(text) || DATE.test(text) || text.includes('|'))) return false;
    if (!blank && !prevBlank && quote !== prevQuote) return false; // quote starts or lazily continues
    prevBlank = blank;
    list = item;
    if (!blank) {
      prev = text;
      prevQuote = quote;
    }
  }
  return true;
}

/** Bracket fields must stay within one block: no `|` (table cells), and a field that spans lines only within one paragraph. */
function fieldsStayInBlock(text: string, fields: readonly FieldHit[]): boolean {
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k];
    const body = text.slice(f.start, f.end);
    if (body.includes('|')) return false;
    if (!body.includes('\n')) continue;
    const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
    let lineEnd = text.indexOf('\n', f.end);
    if (lineEnd === -1) lineEnd = text.length;
    const lines = text.slice(lineStart, lineEnd).split('\n');
    if (lines.some((l) => l.includes('|') || l.trim() === '') || /^\s*#/.test(lines[0])) return false;
    if (lines.slice(1).some((l) => LIST_LINE.test(l) || /^\s*#/.test(l))) return false;
  }
  return true;
}

/** A line that may start a block of its own, and so end a paragraph. */
const BLOCK_LINE = new RegExp(`^${BLOCK_START.source}`);

/** Block-quote markers at the start of a line (`> `, `>>`, `> > `). */
const QUOTE_MARKERS = /^[ \t]*(?:>[ \t]?)+/;

/** `line` without its indentation and block-quote markers. */
function withoutQuoteMarkers(line: string): string {
  const t = line.trimStart();
  return t.charCodeAt(0) === 62 ? t.replace(QUOTE_MARKERS, '').trimStart() : t; // >
}

/**
 * Whether `line` may end the paragraph `prev` is in: it is blank or may start a block of its own.
 * A line of a quote as deep as the one before is read without its markers.
 */
function mayEndParagraph(line: string, prev: string): boolean {
  const q = QUOTE_MARKERS.exec(line)?.[0];
  const p = q && QUOTE_MARKERS.exec(prev)?.[0];
  const inner = q && p && q.split('>').length === p.split('>').length ? line.slice(q.length) : line;
  return inner.trim() === '' || BLOCK_LINE.test(inner);
}

/**
 * Whether a bracket is still open at a blank line, where a line may start a block of its own, or
 * at the end of a heading or table row. The paragraph (or heading) the bracket opened in ends
 * there, so the parser reads the bracket's two halves apart, while the scan of the chunk would
 * read (or skip) `[…]` whole: `Read [the\n1. docs][ref]`.
 */
function bracketOverBlock(lines: readonly Line[]): boolean {
  let depth = 0;
  let prev = '';
  for (let k = 0; k < lines.length; k++) {
    const { text } = lines[k];
    if (depth > 0 && mayEndParagraph(text, prev)) return true;
    prev = text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 91) depth++; // [
      else if (c === 93 && depth > 0) depth--; // ]
    }
    if (depth > 0 && ENDS_AT_LINE.test(text)) return true; // a heading (or a table row) ends at its line
  }
  return false;
}

/** A line that is an HTML comment opening an HTML block (indented at most three columns). */
const COMMENT_LINE = /^ {0,3}<!--/;
/** `<!-->` and `<!--->`: comments CommonMark closes at once, which the parser decides. */
const EMPTY_COMMENT = /^ {0,3}<!---?>/;

/**
 * The lines of `text` that are an HTML comment closed on its own line (`<!-- SECTION: use-cases -->`):
 * each is an HTML block of that one line, which ends any paragraph above it and holds the rest
 * of its line. Undefined when there is none; null when a comment line is one only the parser can
 * place (it runs on past its line, or the chunk may hold a table, whose rows it might continue).
 */
function commentLines(text: string): Line[] | null | undefined {
  if (!text.includes('<!--')) return undefined;
  const out: Line[] = [];
  const lines = linesOf(text);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (!COMMENT_LINE.test(line.text)) continue;
    if (EMPTY_COMMENT.test(line.text) || !line.text.includes('-->', line.text.indexOf('<!--') + 4)) return null;
    out.push(line);
  }
  if (out.length === 0) return undefined;
  return mayHoldTable(text) ? null : out;
}

/**
 * Facts of a chunk made of plain lines (`plainFacts`) and whole-line HTML comments: the comment
 * lines are read as the parser's HTML blocks (their comments, and an angle field that is the
 * whole line), and the rest as if they were blank lines, which end blocks as they do.
 */
function simpleFacts(text: string): ChunkFacts | undefined {
  const comments = commentLines(text);
  if (comments === null) return undefined;
  if (!comments) return plainFacts(text);
  let body = text;
  for (const line of comments) body = body.slice(0, line.start) + ' '.repeat(line.text.length) + body.slice(line.start + line.text.length);
  const facts = plainFacts(body);
  if (!facts) return undefined;
  const out = facts === NO_FACTS ? emptyFacts() : facts;
  const hits: FieldHit[] = [];
  for (const line of comments) {
    const start = line.start + line.text.length - line.text.trimStart().length;
    const end = line.start + line.text.trimEnd().length;
    for (const c of htmlComments(line.text)) out.comments.push({ start: line.start + c.at, end: line.start + c.at + c.length, body: c.body });
    scanWhole('angle', text, { start, end }, hits);
  }
  if (hits.length === 0) return out;
  out.fields = sortByStart([...out.fields, ...hits.map((h) => fieldFact(h, 'prose'))]);
  return out;
}

/** A footnote's definition opening a chunk: `[^label]:` at the start of its line, then one to three spaces and text. */
const FOOTNOTE_OPEN = /^\[\^[\w-]{1,100}\]:( {1,3})(?=[^ \t\r\n])/;

/**
 * A chunk that is one footnote's definition holding one paragraph (`[^1]: Binaries are published
 * for …` over `    under WSL, or use …`): the paragraph's facts, read by the plain path with
 * the label turned into letters of its length (offsets stay). Each line after the first is a
 * continuation, indented (the definition's content column is four in) or lazy. Left to the
 * parser: a line of the definition that may start a block of its own, a blank line or a tab
 * inside it, another footnote mark, and a first line with a field's opening character or a date
 * stub (the letters would change what its context says).
 */
function footnoteFacts(text: string): ChunkFacts | undefined {
  const open = FOOTNOTE_OPEN.exec(text);
  if (!open || text.includes('[^', 2)) return undefined;
  const lines = text.slice(0, trimmedLength(text)).split('\n');
  const first = lines[0].slice(open[0].length);
  if (BLOCK_LINE.test(first) || /[[{<]/.test(first) || DATE.test(first)) return undefined;
  // Each line after the first, without the definition's indentation, must continue its paragraph.
  for (const line of lines.slice(1)) if (line.includes('\t') || mayEndParagraph(line.replace(/^ {1,4}/, ''), '')) return undefined;
  const label = open[0].length - open[1].length;
  return plainFacts('x'.repeat(label) + text.slice(label));
}

/**
 * A wiki link (`[[Page]]`, `[[Folder/Page|label]]`) on one line, with nothing inside that the
 * parser reads as syntax of its own, and no `(`, `[` or `:` after it (`[[a]](url)` is a link
 * whose text is `[a]`).
 */
const WIKI_LINK = /\[\[([^[\]\n`<\\]*)\]\](?![([:])/y;

/**
 * Whether every `[[` of `text` opens a wiki link: text to the parser (no definition of the chunk
 * can make a link of it), a stretch the field grammar skips whole. In a chunk that may hold a
 * table a `|` inside one is refused: a table's row splits the link into cells, which the grammar
 * reads one by one.
 */
function wikiLinksOnly(text: string): boolean {
  const table = mayHoldTable(text);
  for (let at = text.indexOf('[['); at !== -1; at = text.indexOf('[[', at + 2)) {
    WIKI_LINK.lastIndex = at;
    const m = WIKI_LINK.exec(text);
    if (!m || (table && m[1].includes('|'))) return false;
    at += m[0].length - 2;
  }
  return true;
}

/**
 * Facts of a chunk made of plain lines only: ATX headings, paragraphs, bullet lists with task
 * markers, tables, with code spans, links and tags inside a line that the masks cover — no
 * HTML blocks, character references outside a tag, escapes before markup, setext headings or
 * thematic breaks. Its phrasing is then its raw text, minus task markers and masks.
 */
function plainFacts(text: string): ChunkFacts | undefined {
  if (NOT_PLAIN.test(text) || (text.includes('[[') && !wikiLinksOnly(text))) return undefined;
  if (text.includes('\\') && /[`<]|\]\(/.test(text) && escapesMarkup(text)) return undefined;
  const lines = linesOf(text);
  const cells = DATE.test(text) && text.startsWith('|') ? tableCells(text, lines) : undefined;
  if (cells === null || !plainLines(lines, cells !== undefined) || (mayHoldTable(text) && !rowsKeepPipes(lines))) return undefined;
  if (text.includes('[') && bracketOverBlock(lines)) return undefined;
  const facts = emptyFacts();
  const masks: Span[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const h = heading(line);
    if (h === null) return undefined;
    if (h) facts.headings.push(h);
    const task = taskOf(line);
    if (task) {
      facts.tasks.push(task);
      masks.push({ start: task.markerStart, end: task.markerEnd });
    }
  }
  const hits: FieldHit[] = [];
  if (text.includes('`') && !codeSpans(text, lines, masks, hits, mayHoldTable(text))) return undefined;
  sortByStart(masks);
  const tagHits: FieldHit[] = [];
  const elements: Span[] = [];
  if (!inlineMasks(text, masks, hits, tagHits, elements)) return undefined;
  if (text.includes('&') && !entitiesReadRaw(text, masks, elements)) return undefined;
  sortByStart(masks);
  const codeHits = hits.splice(0);
  scanProse(text, { start: 0, end: text.length }, masks, hits, facts.tags);
  hits.push(...tagHits);
  if (!fieldsStayInBlock(text, hits)) return undefined;
  if (facts.tags.some((t) => text.slice(t.start, t.end).includes('|'))) return undefined; // table cells split it
  if (cells) tableDates(text, cells, masks, hits);
  else scanDates(text, { start: 0, end: text.length }, masks, hits, false);
  // Anything to report that touches a bare URL or email needs the parser's autolinks.
  const bare = text.includes('@') || /https?:|www\./.test(text) ? bareLinks(text, masks) : [];
  if (bare.some((b) => /[`[\]{}]/.test(text.slice(b.start, b.end)))) return undefined; // may pair code spans differently
  if (bare.length && [...hits, ...facts.tags].some((h) => overlaps(bare, h.start, h.end))) return undefined;
  if (hits.length === 0 && codeHits.length === 0) return facts.headings.length || facts.tasks.length || facts.tags.length ? facts : NO_FACTS;
  facts.fields = sortByStart([
    ...hits.map((h) => fieldFact(h, 'prose')),
    ...codeHits.map((h) => fieldFact(h, 'code')),
  ]);
  return facts;
}

/** A character reference (`&amp;`, `&#x3D;`): the parser decodes it in text, the plain path reads text raw. */
const ENTITY = new RegExp(CHARACTER_REFERENCE_SOURCE, 'g');

/**
 * Whether the plain path reads every character reference in `text` as the parser's facts do.
 * Those facts come from the raw source (`() =&gt; [Chunk&lt;T&gt;]` is scanned as written); only
 * a heading's text (`headingText` decodes it) and a table's cells as a whole decode them: a
 * dated cell's text says whether its date stands alone, and a header's which column holds
 * formats. So in a chunk with a table and a date stub, each must stand inside an HTML tag (an
 * attribute's value: `<img src="…?v&#x3D;4">`) or a code element (scanned raw).
 */
function entitiesReadRaw(text: string, masks: readonly Span[], elements: readonly Span[]): boolean {
  if (!DATE.test(text) || !mayHoldTable(text)) return true;
  ENTITY.lastIndex = 0;
  for (let m = ENTITY.exec(text); m; m = ENTITY.exec(text)) {
    const at = m.index;
    const end = at + m[0].length;
    if (elements.some((s) => s.start < at && end <= s.end)) continue;
    const mask = masks.find((s) => s.start < at && end <= s.end && text.charCodeAt(s.start) === 60);
    if (!mask) return false;
    HTML_TAG.lastIndex = mask.start;
    if (HTML_TAG.exec(text)?.[0].length !== mask.end - mask.start) return false;
  }
  return true;
}

/** One table cell as the parser spans it (from its opening pipe; the last one to its closing pipe) and its text between the pipes. */
interface Cell extends Span {
  content: string;
}

/** Characters whose markup may hide a cell's blanks from the parser's plain text of it (a tag's attributes, a link's title). */
const HIDING_MARKUP = /<|\]\(|!\[/;
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;

/**
 * The cells of a chunk that is exactly one table written with a pipe at both ends of every row
 * (the shape templates use): header, delimiter row, then rows, each with the header's number of
 * cells. Undefined when the chunk is not such a table; null when it is one but a dated cell's
 * text is one only the parser can read (markup that may hide blanks, a format column's header
 * with markup).
 */
function tableCells(text: string, lines: readonly Line[]): Cell[][] | null | undefined {
  let last = lines.length;
  while (last > 0 && lines[last - 1].text.trim() === '') last--;
  if (last < 2 || text.includes('\\') || text.includes('`')) return undefined;
  const rows: Cell[][] = [];
  for (const line of lines.slice(0, last)) {
    const t = line.text;
    if (t.length < 2 || t[0] !== '|' || t[t.length - 1] !== '|') return undefined;
    const pipes: number[] = [];
    for (let i = t.indexOf('|'); i !== -1; i = t.indexOf('|', i + 1)) pipes.push(i);
    const row: Cell[] = [];
    for (let i = 0; i + 1 < pipes.length; i++) {
      const end = i + 2 === pipes.length ? pipes[i + 1] + 1 : pipes[i + 1];
      row.push({ start: line.start + pipes[i], end: line.start + end, content: t.slice(pipes[i] + 1, pipes[i + 1]) });
    }
    if (rows.length > 0 && row.length !== rows[0].length) return undefined;
    rows.push(row);
  }
  if (!rows[1].every((c) => DELIMITER_CELL.test(c.content))) return undefined;
  for (const row of rows) for (const c of row) if (DATE.test(c.content) && /\s/.test(c.content.trim()) && HIDING_MARKUP.test(c.content)) return null;
  if (rows[0].some((c) => /[*_[\]<>&~!]/.test(c.content))) return null;
  return [rows[0], ...rows.slice(2)];
}

/** The date stubs of a table's cells, read per cell as the parser's table cells are: a dated cell alone in its cell is a value. */
function tableDates(text: string, rows: readonly Cell[][], masks: readonly Span[], hits: FieldHit[]): void {
  const formats = rows[0].map((c) => FORMAT_HEADER.test(c.content.trim()));
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (formats[i] || !DATE.test(cell.content)) return;
      scanDates(text, cell, masks, hits, /^\s*\S+\s*$/.test(cell.content));
    });
  }
  sortByStart(hits);
}

/**
 * Whether a backslash escape in a chunk with code spans, tags or links changes what their masks
 * would cover: one of a backtick (no code span opens or closes there), `<` (no tag or autolink) or
 * a backslash (what follows it is live, where a pipe splits a table's cell and a backtick may
 * close a span), or — in a chunk with a link — of a bracket, parenthesis or `!` (`\[a](b)` is no
 * link, `\![a](b)` no image). Escapes are read left to right, as CommonMark reads them. Any other
 * escape (`\[staging\]` beside code spans, `\|` in a table's cell, `\#`, a hard break) is text
 * the grammar reads as it reads it in the parser's text.
 */
function escapesMarkup(text: string): boolean {
  const links = text.includes('](');
  for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', i + 2)) {
    const c = text[i + 1];
    if (c === '`' || c === '<' || c === '\\') return true;
    if (links && (c === '[' || c === ']' || c === '(' || c === ')' || c === '!')) return true;
  }
  return false;
}

/** A pipe with no backslash before it: in a table's row, where a cell ends (`\|` is a pipe inside the cell). */
const UNESCAPED_PIPE = /(?:^|[^\\])\|/;

/**
 * Code spans that open and close on one line: masks them and scans their content as code.
 * False when a backtick run may pair across lines, or a span holds an unescaped `|` in a chunk
 * that may hold a table (a row is split into cells before its code spans are read; `\|` stays
 * in its cell, and the plain path lets no other backslash through with a backtick).
 */
function codeSpans(text: string, lines: readonly Line[], masks: Span[], hits: FieldHit[], table: boolean): boolean {
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (!line.text.includes('`')) continue;
    const runs = backtickRuns(line);
    for (let i = 0; i < runs.length; i++) {
      const open = runs[i];
      let j = i + 1;
      while (j < runs.length && runs[j].size !== open.size) j++;
      if (j === runs.length) {
        if (text.indexOf('`'.repeat(open.size), line.start + line.text.length) !== -1) return false;
        continue;
      }
      const close = runs[j];
      const content = { start: open.at + open.size, end: close.at };
      if (table && UNESCAPED_PIPE.test(text.slice(content.start, content.end))) return false;
      masks.push({ start: open.at, end: close.at + close.size });
      scanCode(text, content, hits);
      i = j;
    }
  }
  return true;
}

/** The runs of backticks on a line: where each starts (in the chunk) and how long it is. */
function backtickRuns(line: Line): { at: number; size: number }[] {
  const runs: { at: number; size: number }[] = [];
  const t = line.text;
  for (let i = t.indexOf('`'); i !== -1; i = t.indexOf('`', i)) {
    let e = i + 1;
    while (t.charCodeAt(e) === 96) e++;
    runs.push({ at: line.start + i, size: e - i });
    i = e;
  }
  return runs;
}

function overlaps(masks: readonly Span[], start: number, end: number): boolean {
  return masks.some((m) => m.start < end && m.end > start);
}

/**
 * Adds masks for inline links, images, autolinks and raw HTML tags outside code spans, as the
 * parser's link and html nodes would, and reads a tag that is `<descriptive words>` as the
 * parser does (into `hits`). False (parse instead) when a `](` or `<` is left that these do
 * not explain.
 */
function inlineMasks(text: string, masks: Span[], codeHits: FieldHit[], tagHits: FieldHit[], elements: Span[]): boolean {
  const code = [...masks];
  if (text.includes('](')) {
    const links: Span[] = [];
    for (const re of [BADGE, INLINE_LINK_FULL]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].includes('\n') && !overLines(text, m.index)) continue;
        linkMask(text, { start: m.index, end: m.index + m[0].length }, code, links, masks, codeHits);
      }
    }
    masks.push(...links);
    for (let i = text.indexOf(']('); i !== -1; i = text.indexOf('](', i + 1)) if (!overlaps(masks, i, i + 2) && !noResource(text, i)) return false;
  }
  return !text.includes('<') || angleMasks(text, masks, tagHits, { codeHits, elements });
}

/**
 * `](` that no inline link can follow: a destination (no parentheses, escapes or `<`), blanks,
 * then a character that opens no title and is no `)` (`[Package layering](../docs/architecture
 * notes/layering.md)`, a path with a space). CommonMark's resource fails there, so the brackets
 * and parentheses are text: the parser's text, read as the plain path reads it.
 */
const NO_RESOURCE = /\]\([^\s()<>\\]+[ \t]+[^\s"'()]/y;

function noResource(text: string, at: number): boolean {
  NO_RESOURCE.lastIndex = at;
  return NO_RESOURCE.test(text);
}

/** Whether a link whose text runs over lines may start at `at`: not on a heading or table row, and no table in the chunk. */
function overLines(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  return !ENDS_AT_LINE.test(line) && !mayHoldTable(text);
}

/**
 * Masks the link (or image) at `link` unless a code span crosses its text's brackets (then the
 * code span wins and it is no link). Code spans inside its text are the link's: the parser
 * reads no field there, so their code hits go.
 */
function linkMask(text: string, link: Span, code: readonly Span[], links: Span[], masks: Span[], codeHits: FieldHit[]): void {
  if (overlaps(links, link.start, link.end)) return; // inside a badge already masked
  const textEnd = text.indexOf('](', link.start);
  const inside = (s: Span) => s.start > link.start && s.end <= textEnd;
  const crossing = code.filter((c) => c.start < link.end && c.end > link.start);
  if (!crossing.every(inside)) return;
  links.push(link);
  if (crossing.length === 0) return;
  for (let k = codeHits.length - 1; k >= 0; k--) if (codeHits[k].start >= link.start && codeHits[k].end <= link.end) codeHits.splice(k, 1);
  for (const c of crossing) masks.splice(masks.indexOf(c), 1);
}

/** The end of the tag or autolink at `at`; `at` itself when the `<` is literal; undefined when only the parser can tell. */
function angleEnd(text: string, at: number): { end: number; tag: boolean } | undefined {
  for (const [re, tag] of [[LITERAL_ANGLE, false], [HTML_TAG, true], [AUTOLINK, false]] as const) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) return { end: re === LITERAL_ANGLE ? at : at + m[0].length, tag };
  }
  return undefined;
}

/** Where `angleMasks` puts what code elements hold: their code's fields, and the elements' spans. */
interface ElementOut {
  codeHits: FieldHit[];
  elements: Span[];
}

/** Masks the tags and autolinks of `text` (every `<` outside the masks so far), and code elements whole; see `inlineMasks`. */
function angleMasks(text: string, masks: Span[], hits: FieldHit[], out: ElementOut): boolean {
  const before = [...masks];
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    if (overlaps(before, i, i + 1)) continue;
    const found = angleEnd(text, i);
    if (!found) return false;
    if (found.end === i) continue;
    if (overlaps(before, i, found.end)) return false; // a tag over a code span or link: whichever starts first wins
    const element = found.tag ? elementAt(text, i, found.end, before) : undefined;
    if (element === null) return false;
    if (element) {
      masks.push(element.span);
      out.elements.push(element.span);
      if (element.code) scanCode(text, { start: found.end, end: element.closeAt }, out.codeHits);
      i = element.span.end - 1;
      continue;
    }
    masks.push({ start: i, end: found.end });
    if (found.tag) scanWhole('angle', text, { start: i, end: found.end }, hits);
    i = found.end - 1;
  }
  return true;
}

/** Emphasis or strikethrough that may open or close inside an element: `*`, `~`, or `_` not between letters or digits. */
const MAY_EMPHASIZE = letters`[*~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])`;

/**
 * The code element (`facts.ts`, CODE_OPEN) that the tag at `[at, openEnd)` opens, read as the
 * parser reads it: its opening and closing tags are HTML nodes of one parent, and it is masked
 * whole, what it wraps scanned as code (not for `<a>`). The closing tag is the first tag of its
 * name after it, stepping over other tags and autolinks as `angleMasks` does. Undefined when
 * the tag opens none (another name, or no closing tag in the chunk); null when only the parser
 * can tell: the closing tag may be on a later line, or something between the tags may put them
 * in different parents (emphasis, a table's pipe) or is read apart (a code span, a link).
 */
function elementAt(text: string, at: number, openEnd: number, before: readonly Span[]): { span: Span; closeAt: number; code: boolean } | null | undefined {
  const name = CODE_OPEN.exec(text.slice(at, openEnd))?.[1].toLowerCase();
  if (!name) return undefined;
  let lineEnd = text.indexOf('\n', openEnd);
  if (lineEnd === -1) lineEnd = text.length;
  for (let j = text.indexOf('<', openEnd); j !== -1 && j < lineEnd; j = text.indexOf('<', j + 1)) {
    const found = angleEnd(text, j);
    if (!found) return null;
    if (found.end === j) continue;
    if (found.tag && CODE_CLOSE.exec(text.slice(j, found.end))?.[1].toLowerCase() === name) {
      const span = { start: at, end: found.end };
      const inside = text.slice(at, span.end);
      if (MAY_EMPHASIZE.test(inside) || (inside.includes('|') && mayHoldTable(text)) || overlaps(before, span.start, span.end)) return null;
      return { span, closeAt: j, code: name !== 'a' };
    }
    j = found.end - 1;
  }
  return new RegExp(`</${name}`, 'i').test(text.slice(lineEnd)) ? null : undefined;
}

/**
 * Bare URLs and emails (generously delimited), which the parser may turn into links; not those
 * that start inside a mask (a link's destination, a code span, a tag), which are never text.
 */
function bareLinks(text: string, masks: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (let m = nextBareLink(text, 0); m; ) {
    const at = m.index;
    const mask = masks.find((s) => s.start <= at && s.end > at);
    // After a mask, look again from its end: the match may run on into text.
    const from = mask ? mask.end : at + m[0].length;
    if (!mask) out.push({ start: at, end: from });
    m = nextBareLink(text, from);
  }
  return out;
}

/**
 * The first match of `(?:https?://|www\.)[^\s<]*|[\w.+-]+@[\w-]+\.[\w.-]+` at or after `from`
 * (what a global search of it finds). If an email matches at a position after `from` whose
 * previous character may be in its local part, it matches one character earlier too: so past
 * `from` only run starts are tried, which keeps the search linear in long runs (`a.b.c_d…`).
 */
function nextBareLink(text: string, from: number): RegExpExecArray | null {
  BARE_LINK.lastIndex = from;
  const here = BARE_LINK.exec(text);
  if (here) return here;
  BARE_LINK_FROM_RUN.lastIndex = from;
  return BARE_LINK_FROM_RUN.exec(text);
}

function taskOf(line: Line): TaskFact | undefined {
  if (!line.text.includes('[') || !mayStartItem(line.text.charCodeAt(line.text.length - line.text.trimStart().length))) return undefined;
  const m = TASK.exec(line.text);
  if (!m) return undefined;
  const start = line.start + m[1].length;
  const markerStart = start + m[2].length + m[3].length;
  const end = line.start + line.text.trimEnd().length;
  return {
    start,
    end,
    checked: m[4] !== ' ',
    markerStart,
    markerEnd: markerStart + 3,
    label: line.text.slice(m[0].length).trim(),
  };
}
