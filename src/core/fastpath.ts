/**
 * Facts without the parser, for chunks whose syntax tree is known without building it.
 * remark parses about 0.3 MB/s on the target machines; most of a document is code blocks,
 * prose with nothing to report, or plain lines (headings, paragraphs, bullet and task lists,
 * tables) whose only syntax is the one these functions recognise. Anything else returns
 * `undefined` and goes to the parser. The unit tests hold these paths equal to the parser's.
 */
import type { ChunkFacts, HeadingFact, TaskFact } from './facts';
import { emptyFacts } from './facts';
import { scanCode, scanDates, scanProse, type FieldHit } from './grammar';
import type { Span } from './types';

const NO_FACTS: ChunkFacts = Object.freeze(emptyFacts()) as ChunkFacts;

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const INLINE_LINK = /!?\[[^[\]\n]*\]\([^\s()]*(?:\s+"[^"\n]*")?\)/g;
const SAFE_CODE_SPAN = /`[^`\n[{]*`/g;
const INTERESTING = /[[{]|YYYY|MM\/DD|DD\/MM|<!--|^ {0,3}(?:=+|-+)[ \t]*$|^\s*(?:`{3,}|~{3,})/m;
/** Inline syntax a heading may not contain for its raw text to equal its parsed text. */
const PLAIN_HEADING = /^[^*_`\\&<!]*$/;

/** Facts of a chunk without parsing it, or undefined when only the parser can tell. */
export function fastFacts(text: string, isFence: boolean, patterns: readonly RegExp[]): ChunkFacts | undefined {
  if (isFence) return fenceFacts(text);
  if (patterns.length > 0) return isInert(text, patterns) ? headingsOnly(text) : undefined;
  return isInert(text, patterns) ? headingsOnly(text) : simpleFacts(text);
}

/** A chunk that is one fenced code block: scan its content lines as code. */
function fenceFacts(text: string): ChunkFacts {
  const firstNl = text.indexOf('\n');
  if (firstNl === -1) return NO_FACTS;
  let end = text.trimEnd().lastIndexOf('\n');
  if (end <= firstNl) end = text.length;
  if (!/[[{]/.test(text.slice(firstNl, end))) return NO_FACTS;
  const fields: FieldHit[] = [];
  scanCode(text, { start: firstNl + 1, end }, fields);
  if (fields.length === 0) return NO_FACTS;
  const facts = emptyFacts();
  facts.fields = fields.map((f) => ({ ...f, where: 'code' as const }));
  return facts;
}

/**
 * Whether a prose chunk cannot hold anything a rule reports: after removing inline links,
 * code spans without brackets or braces and escaped brackets, no task item, bracket, brace,
 * date stub, comment, setext underline or fence is left.
 */
export function isInert(text: string, patterns: readonly RegExp[]): boolean {
  if (text.includes('[ ]') || /^\s*(?:[-*+]|\d+[.)])\s+\[[xX ]\]/m.test(text)) return false;
  const stripped = text.replace(/\\[[\]{}]/g, '').replace(SAFE_CODE_SPAN, '').replace(INLINE_LINK, '');
  if (INTERESTING.test(stripped)) return false;
  for (const re of patterns) {
    re.lastIndex = 0;
    if (re.test(text)) return false;
  }
  return true;
}

interface Line {
  start: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
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
  const m = ATX.exec(line.text);
  if (!m) return NESTED_HASH.test(line.text) ? null : undefined;
  const title = (m[2] ?? '').trim();
  if (!PLAIN_HEADING.test(title)) return null;
  const indent = line.text.length - line.text.trimStart().length;
  return { start: line.start + indent, end: line.start + line.text.trimEnd().length, depth: m[1].length, text: title };
}

/** Headings of an inert chunk; undefined when one has inline syntax only the parser resolves. */
function headingsOnly(text: string): ChunkFacts | undefined {
  if (!text.includes('#')) return NO_FACTS;
  const facts = emptyFacts();
  for (const line of linesOf(text)) {
    const h = heading(line);
    if (h === null) return undefined;
    if (h) facts.headings.push(h);
  }
  return facts.headings.length ? facts : NO_FACTS;
}

// --- plain chunks --------------------------------------------------------------------------

/** Characters and sequences that bring syntax the plain path does not model. */
const NOT_PLAIN =
  /[<\\~]|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);|https?:|www\.|\w@\w|\]\(|\]\[|!\[|^ {0,3}\[[^\]]*\]:|\[\[|^\s*>|^\s*`{3}|^\s*(?:[-*+]|\d+[.)])\s+#|^ *\t|^\s*(?:[-*+]|\d+[.)])(?:\t| {5})/im;
/** A thematic break or setext underline: safe only after a blank line (a break, not a heading). */
const RULE_LINE = /^ {0,3}[-*_=](?:[ \t]*[-*_=])*[ \t]*$/;
const TASK = /^( *)([-*+])( {1,4})\[([ xX])\](?=[ \t]+\S)/;
const LIST_LINE = /^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const ORDERED_TASK = /^\s*\d{1,9}[.)][ \t]+\[[ xX]\]/;
/** A task marker with nothing after it on its line: a task only if the item continues. */
const MARKER_THEN_BOX = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+\[[ xX]\]/;
const BARE_TASK = /^\s*[-*+][ \t]+\[[ xX]\][ \t]*$/;
const DATE = /YYYY|MM\/DD|DD\/MM/;

/** Line-level checks: no indented code, no lazy task lines, no dates in table rows. */
function plainLines(lines: readonly Line[]): boolean {
  let prevBlank = true;
  let prev = '';
  for (const { text } of lines) {
    const blank = text.trim() === '';
    const indent = text.length - text.trimStart().length;
    if (!blank && prevBlank && indent >= 4) return false; // indented code (or a continuation)
    // After a heading or a table row an indented line is code, not a continuation.
    if (!blank && indent >= 4 && (prev.includes('|') || ATX.test(prev))) return false;
    if (ORDERED_TASK.test(text) || BARE_TASK.test(text)) return false;
    if (MARKER_THEN_BOX.test(text) && !TASK.test(text)) return false; // "1. 1. [x]", "- - [ ]"

    if (TASK.test(text) && indent >= 4 && !LIST_LINE.test(prev) && prev.length - prev.trimStart().length < 2) return false;
    if (text.includes('|') && DATE.test(text)) return false;
    if (RULE_LINE.test(text) && !prevBlank) return false;
    prevBlank = blank;
    if (!blank) prev = text;
  }
  return true;
}

/** Bracket fields must stay within one block: no `|` (table cells), and a field that spans lines only within one paragraph. */
function fieldsStayInBlock(text: string, fields: readonly FieldHit[]): boolean {
  for (const f of fields) {
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

/**
 * Facts of a chunk made of plain lines only: ATX headings, paragraphs, bullet lists with task
 * markers, tables — no code spans, links, HTML, entities, escapes, block quotes, setext
 * headings or thematic breaks. Its phrasing is then its raw text, minus task markers.
 */
function simpleFacts(text: string): ChunkFacts | undefined {
  if (NOT_PLAIN.test(text)) return undefined;
  const lines = linesOf(text);
  if (!plainLines(lines)) return undefined;
  const facts = emptyFacts();
  const masks: Span[] = [];
  for (const line of lines) {
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
  if (text.includes('`') && !codeSpans(text, lines, masks, hits)) return undefined;
  masks.sort((a, b) => a.start - b.start);
  const codeHits = hits.splice(0);
  scanProse(text, { start: 0, end: text.length }, masks, hits, facts.tags);
  if (!fieldsStayInBlock(text, hits)) return undefined;
  scanDates(text, { start: 0, end: text.length }, masks, hits, false);
  facts.fields = [
    ...hits.map((h) => ({ ...h, where: 'prose' as const })),
    ...codeHits.map((h) => ({ ...h, where: 'code' as const })),
  ].sort((a, b) => a.start - b.start);
  return facts;
}

/**
 * Code spans that open and close on one line: masks them and scans their content as code.
 * False when a backtick run may pair across lines or a span holds `|` (table cells).
 */
function codeSpans(text: string, lines: readonly Line[], masks: Span[], hits: FieldHit[]): boolean {
  for (const line of lines) {
    const runs = [...line.text.matchAll(/`+/g)].map((m) => ({ at: line.start + (m.index ?? 0), size: m[0].length }));
    for (let i = 0; i < runs.length; i++) {
      const open = runs[i];
      const j = runs.findIndex((r, k) => k > i && r.size === open.size);
      if (j === -1) {
        if (text.indexOf('`'.repeat(open.size), line.start + line.text.length) !== -1) return false;
        continue;
      }
      const close = runs[j];
      const content = { start: open.at + open.size, end: close.at };
      if (text.slice(content.start, content.end).includes('|')) return false;
      masks.push({ start: open.at, end: close.at + close.size });
      scanCode(text, content, hits);
      i = j;
    }
  }
  return true;
}

function taskOf(line: Line): TaskFact | undefined {
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
