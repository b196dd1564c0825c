/**
 * Facts of a block read without the Markdown parser, for blocks it cannot take in bounded time
 * or stack (`parseHazard` in `limits.ts`: nesting thousands deep, a paragraph of a megabyte).
 * Fields are still found by the same scanners, over the whole block, with what can be told
 * without a parse masked out: code spans, inline links and their destinations, autolinks,
 * HTML comments and task boxes. Headings (ATX), task items and comments are kept, so the
 * outline, Definition-of-Done items and suppression comments still work. Every step is one
 * linear pass.
 */
import type { ChunkFacts, FactOptions, FieldFact } from './facts';
import type { Span } from './types';
import type { Message } from './messages';
import { scanDates, scanPatterns, scanProse, fieldFact, type FieldHit } from './grammar';
import { sortByStart } from './spans';

/** A code span on one line, an inline link or image with a plain or `<angle>` destination, an autolink. */
const INLINE = /`[^`\n]*`|!?\[[^[\]\n]*\]\((?:<[^<>\n]*>|[^()\s]*)\)|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/g;
/** A task item's box after any block quote and list markers: `- [ ] `, `> 1. [x] `. */
const TASK = /^([ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[([ xX])\](?=[ \t]|$)/;
const ATX_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/;

/** The title of an ATX heading after its opening `#`s: trimmed, a closing `#` sequence dropped (no regex: linear). */
function atxTitle(rest: string): string {
  const t = rest.trim();
  let e = t.length;
  while (e > 0 && t[e - 1] === '#') e--;
  if (e === t.length) return t;
  return e === 0 ? '' : t[e - 1] === ' ' || t[e - 1] === '\t' ? t.slice(0, e).trimEnd() : t;
}

/** HTML comments of `text`, in order (an unclosed one ends the search: it runs to the end). */
function comments(text: string, facts: ChunkFacts, masks: Span[]): void {
  for (let open = text.indexOf('<!--'); open !== -1; ) {
    const close = text.indexOf('-->', open + 4);
    if (close === -1) return;
    const end = close + 3;
    facts.comments.push({ start: open, end, body: text.slice(open + 4, close).trim() });
    masks.push({ start: open, end });
    open = text.indexOf('<!--', end);
  }
}

/** Sorted, disjoint masks from possibly overlapping spans. */
function merge(spans: Span[]): Span[] {
  sortByStart(spans);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Task items and ATX headings, line by line. */
function lines(text: string, facts: ChunkFacts, masks: Span[]): void {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    const task = TASK.exec(line);
    if (task) {
      const markerStart = start + task[1].length;
      const lineEnd = start + line.trimEnd().length;
      facts.tasks.push({ start, end: lineEnd, checked: task[2] !== ' ', markerStart, markerEnd: markerStart + 3, label: line.slice(task[0].length).trim() });
      masks.push({ start: markerStart, end: markerStart + 3 });
    }
    const h = ATX_OPEN.exec(line);
    // The parser's heading runs to the end of its line, blanks after the title included.
    if (h) facts.headings.push({ start: start + line.length - line.trimStart().length, end: start + line.length, depth: h[1].length, text: atxTitle(line.slice(h[0].length)) });
    start = end + 1;
  }
}

/** Facts of `text` without parsing it; `reason` says why (shown once to the user). */
export function degradedFacts(text: string, options: FactOptions, reason: Message): ChunkFacts {
  const facts: ChunkFacts = { fields: [], tags: [], tasks: [], headings: [], definitions: [], comments: [], degraded: reason };
  const spans: Span[] = [];
  comments(text, facts, spans);
  lines(text, facts, spans);
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(text); m; m = INLINE.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  const masks = merge(spans);
  const whole = { start: 0, end: text.length };
  const hits: FieldHit[] = [];
  scanProse(text, whole, masks, hits, facts.tags);
  scanDates(text, whole, masks, hits, false);
  const patternHits: FieldHit[] = [];
  scanPatterns(text, whole, masks, options.patterns, patternHits);
  const fields: FieldFact[] = hits.map((h) => fieldFact(h, 'prose'));
  for (const h of patternHits) fields.push(fieldFact(h, 'pattern'));
  facts.fields = sortByStart(fields);
  return facts;
}
