/**
 * A chunk that is one top-level list (`* item` lines in column 1, or `1.` items of one ordered
 * list — see `ORDERED_ITEM` —, every other line indented into its item) is read item by item when
 * it misses the fast paths as a whole: each item takes
 * the fast paths on its own, and only the items that miss them are parsed. A changelog's release
 * is such a list, and one code block or unpaired backtick in one entry sent all of it to the parser.
 *
 * Each item reads as it does inside the list: a line in column 1 never continues an item (its
 * content is indented), and a bullet with text after it interrupts any paragraph, so every block
 * of the item before it is closed there — fences, HTML and block quotes included. Nothing else
 * may start in column 1 but an ATX heading (one line, closing what is open as an item does), so
 * no block outside the items can hold a later item. Link reference
 * definitions, which the parser resolves across items, leave the chunk whole. A line of text
 * left of its item's content (`LAZY_TEXT`) stays with the item above it; lines of text before
 * the first item (`LEAD_TEXT`) are the paragraph that item interrupts, read as a block of its own.
 *
 * An item that misses the fast paths is read the same way one level down when it has sub-items
 * at its content column (a release entry with one line per change): its head (the lines before
 * the first sub-item) is a block of its own when nothing in it can hold that line (no fence,
 * HTML block or table), and the rest, less the item's indent, is such a list again — which is
 * what the parser reads inside the item. Facts of that rest that span lines (a field or comment
 * whose text would lose the indent) send the item to the parser whole.
 *
 * An item (bullet or ordered) that holds fenced code blocks at its content column (a numbered
 * step with its commands) is read as its content: the item's text less its marker and indent,
 * which is what the parser reads inside it. A fence line there, at the content's left edge, always
 * starts a code block of the item (it interrupts a paragraph and closes any block nested deeper),
 * unless an HTML block or table above it runs on into it: those leave the item to the parser. The
 * content is cut at its fences; each fence is scanned as code in the item's own text (as the
 * parser's code node is), and each stretch between them takes the fast paths or is parsed alone.
 */
import type { ChunkFacts, FactOptions } from './facts';
import { appendFacts, emptyFacts, isMarkdownFence, treeFacts } from './facts';
import { fastFacts, fencedCodeFields, mayHoldTable } from './fastpath';
import { parseHazard } from './limits';
import { lineIndexAt } from './chunks';
import { sortByStart } from './spans';

/** A bullet item's first line: marker, 1-4 spaces, text. Its content starts after the spaces. */
const ITEM = /^[-*+]( {1,4})(?=\S)/;
/**
 * An ordered item's first line: number, `.` or `)`, 1-4 spaces, text. A chunk whose items are all
 * of one ordered list (one delimiter) is read item by item as a bullet list is: a line in column 1
 * that starts with a number and the list's delimiter is its next item, whatever the number.
 */
const ORDERED_ITEM = /^\d{1,9}([.)])( {1,4})(?=\S)/;
/** A thematic break (`* * *`, `- - -`), which a line that looks like an item may be. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** An ATX heading in column 1: one line, a block of its own (a release's title above its list). */
const HEADING = /^#{1,6}(?: |$)/;
/**
 * A line left of its item's content that can only be text: a paragraph's lazy continuation, or a
 * paragraph of its own when nothing above it is a paragraph. Either way it opens no block that
 * could hold the next item (no fence, HTML, table, quote, list or heading starts with a letter).
 */
const LAZY_TEXT = /^ {0,3}[A-Za-z(](?!.*\|)/;
/**
 * A line of the paragraph a list may follow without a blank line (`**Table of contents**` over
 * the list of links it names): text in column 1 that opens no block — as `LAZY_TEXT`, or
 * emphasis. The first bullet with text after it interrupts that paragraph, so it is a block of
 * its own, read before the items.
 */
const LEAD_TEXT = /^(?:[A-Za-z(]|\*{1,2}[A-Za-z]|_{1,2}[A-Za-z])(?!.*\|)/;
/** A line of an item's head that may open an HTML block, which would run on into the sub-items. */
const HTML_START = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*</m;
/** A block quote or HTML comment anywhere in an entry (see `subItemFacts`). */
const QUOTE_OR_COMMENT = /^[ \t]*>|<!--/m;
/** How many levels of sub-items are read apart (the parser's own limits bound the rest). */
const MAX_LEVELS = 8;

/** Offsets where the items (and headings) of `text` start, or undefined when it is not such a list. */
function itemStarts(text: string): number[] | undefined {
  if (text.includes(']:') || text.includes('\t') || text.includes('\r')) return undefined;
  const starts: number[] = [];
  // The column the current item's content starts at; after a heading no line may be indented.
  let content = Infinity;
  let lead = false;
  // 'bullet', or the delimiter of an ordered list ('.' or ')'): one kind of item per chunk.
  let kind: string | undefined;
  for (let at = 0; at < text.length; ) {
    let nl = text.indexOf('\n', at);
    if (nl === -1) nl = text.length;
    const line = text.slice(at, nl);
    const bullet = ITEM.exec(line);
    const m = bullet ?? ORDERED_ITEM.exec(line);
    if (bullet && THEMATIC_BREAK.test(line)) return undefined; // `* * *` is a rule, not an item: it ends the list
    if (m) {
      const itemKind = bullet ? 'bullet' : m[1];
      if ((kind ??= itemKind) !== itemKind) return undefined;
    }
    if (m || HEADING.test(line)) {
      starts.push(at);
      content = m ? m[0].length : Infinity;
    } else if (starts.length === 0 && line.trim() !== '') {
      if (!LEAD_TEXT.test(line)) return undefined;
      lead = true;
    } else if (line.trim() !== '' && line.length - line.trimStart().length < content) {
      // After text in column 1 a paragraph may be open, which only an ordered item `1.` could interrupt.
      if (!LAZY_TEXT.test(line) || kind !== 'bullet') return undefined;
      // The item may have ended above it (after a fence, say): then no line below it is the item's.
      content = Infinity;
    }
    at = nl + 1;
  }
  if (starts.length === 0) return undefined;
  if (!lead) return starts;
  // Only a bullet interrupts the paragraph before it whatever it holds (an ordered item must be `1.`).
  return kind === 'bullet' ? [0, ...starts] : undefined;
}

/** Facts of the items (and headings) of `text` that start at `starts`, each read on its own. */
function piecesFacts(text: string, starts: readonly number[], options: FactOptions, level: number): ChunkFacts {
  const facts = emptyFacts();
  for (let i = 0; i < starts.length; i++) {
    const piece = text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length);
    const at = starts[i];
    appendFacts(facts, fastFacts(piece, false, options) ?? (level < MAX_LEVELS ? itemFacts(piece, options, level + 1) : undefined) ?? treeFacts(piece, options), (o) => o + at);
  }
  return facts;
}

/** Where the first sub-item of `item` (a bullet at its content column `column`) starts, or -1. */
function firstSubItem(item: string, column: number): number {
  const indent = ' '.repeat(column);
  for (let at = item.indexOf('\n') + 1; at > 0 && at < item.length; at = item.indexOf('\n', at) + 1) {
    if (item.startsWith(indent, at) && ITEM.test(item.slice(at + column, at + column + 6))) return at;
  }
  return -1;
}

/**
 * `text` with `column` spaces taken off every line (fewer off a shorter blank line), where each
 * line of the result starts and how many spaces were taken up to it; undefined when a line has
 * anything but spaces left of that column.
 */
function dedent(text: string, column: number): { text: string; starts: number[]; removed: number[] } | undefined {
  const lines = text.split('\n');
  const starts: number[] = [];
  const removed: number[] = [];
  let at = 0;
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let lead = 0;
    while (lead < column && line.charCodeAt(lead) === 32) lead++;
    if (lead < column && lead < line.length) return undefined; // text (or a blank other than spaces) left of the column
    const cut = lead;
    lines[i] = line.slice(cut);
    total += cut;
    starts.push(at);
    removed.push(total);
    at += lines[i].length + 1;
  }
  return { text: lines.join('\n'), starts, removed };
}

/** Offset `o` of a `dedent` result's text, back in the text before the spaces were taken off. */
function undented(d: { starts: number[]; removed: number[] }, o: number): number {
  return o + d.removed[lineIndexAt(d.starts, o)];
}

/** Whether a fact of `text` that cannot be moved line by line (a field, tag or comment) spans lines. */
function spansLines(text: string, facts: ChunkFacts): boolean {
  return [...facts.fields, ...facts.tags, ...facts.comments].some((s) => text.lastIndexOf('\n', s.end - 1) >= s.start);
}

/** Facts of an item read as its head and its sub-items (see above), or undefined when it cannot be. */
function subItemFacts(item: string, options: FactOptions, level: number): ChunkFacts | undefined {
  const m = ANY_ITEM.exec(item);
  if (!m) return undefined;
  const column = m[0].length;
  const split = firstSubItem(item, column);
  if (split === -1) return undefined;
  const head = item.slice(0, split);
  if (/```|~~~/.test(head) || HTML_START.test(head) || mayHoldTable(head)) return undefined;
  // Comments and quotes below an entry keep to the parse of the whole (where a comment is found in a quote depends on the indent).
  if (QUOTE_OR_COMMENT.test(item)) return undefined;
  const rest = dedent(item.slice(split), column);
  const starts = rest && itemStarts(rest.text);
  if (!rest || !starts) return undefined;
  const inner = piecesFacts(rest.text, starts, options, level);
  if (spansLines(rest.text, inner)) return undefined;
  const facts = emptyFacts();
  appendFacts(facts, fastFacts(head, false, options) ?? treeFacts(head, options), (o) => o);
  appendFacts(facts, inner, (o) => split + undented(rest, o));
  return facts;
}

/**
 * Facts of a bullet-list chunk read item by item (see above), or undefined when the chunk is no
 * such list of two or more or the parser would decline it as a whole (`parseHazard`: then it stays
 * whole). A chunk that is one item is read as its head and sub-items.
 */
export function listItemFacts(text: string, options: FactOptions, level = 0): ChunkFacts | undefined {
  if (level >= MAX_LEVELS) return undefined;
  const starts = itemStarts(text);
  // Not a bullet list as above (an ordered item, say): perhaps one item holding fences.
  if ((!starts && !ANY_ITEM.test(text)) || parseHazard(text)) return undefined;
  if (!starts) return contentFacts(text, options, level + 1);
  if (starts.length === 1) return starts[0] === 0 ? itemFacts(text, options, level + 1) : undefined;
  return piecesFacts(text, starts, options, level);
}

/** Facts of one item, read as its head and sub-items or as its content cut at its fences (see above). */
function itemFacts(item: string, options: FactOptions, level: number): ChunkFacts | undefined {
  return subItemFacts(item, options, level) ?? contentFacts(item, options, level);
}

/** A bullet or ordered item's first line with text after the marker; its content starts after the spaces. */
const ANY_ITEM = /^(?:[-*+]|\d{1,9}[.)])( {1,4})(?=\S)/;
/** A task box opening an item's text: the task is the item's, not its content's. */
const TASK_BOX = /^\[[ xX]\]/;
/** A fence line at the content's left edge: its run of backticks or tildes, and its info string. */
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const INDENTED_FENCE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*[ >](?:`{3,}|~{3,})|^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:`{3,}|~{3,})/;

interface Fence {
  /** Offsets in the content: the opening line's start, the closing line's end. */
  start: number;
  end: number;
  /** The content lines' start and the closing line's start (the code between them). */
  codeStart: number;
  closeStart: number;
}

/** The fences at the left edge of `content` (an item's text less its indent), or undefined when one cannot be told without the parser. */
function contentFences(content: string): Fence[] | undefined {
  const fences: Fence[] = [];
  const lines = content.split('\n');
  let at = 0;
  let since = 0; // where the stretch since the last fence starts
  let prev = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const open = FENCE_OPEN.exec(line);
    if (INDENTED_FENCE.test(line)) return undefined; // a fence deeper in: its closing line may stand at the edge
    if (!open || (open[1][0] === '`' && open[2].includes('`'))) {
      at += line.length + 1;
      if (line.trim() !== '') prev = line;
      continue;
    }
    // An HTML block, or a table the fence might not end, above it in the same stretch.
    if (HTML_START.test(content.slice(since, at)) || (prev.includes('|') && lines[i - 1].trim() !== '')) return undefined;
    const close = new RegExp(`^ {0,3}${open[1][0] === '`' ? '`' : '~'}{${open[1].length},}[ \\t]*$`);
    let j = i + 1;
    let closeStart = at + line.length + 1;
    while (j < lines.length && !close.test(lines[j])) closeStart += lines[j++].length + 1;
    if (j === lines.length) return undefined; // unclosed: it runs to the item's end, which the parser decides
    fences.push({ start: at, end: closeStart + lines[j].length, codeStart: at + line.length + 1, closeStart });
    at = closeStart + lines[j].length + 1;
    since = at;
    prev = '';
    i = j;
  }
  return fences;
}

/**
 * Facts of an item read as its content cut at its fences (see above), or undefined when it holds
 * no fence there or cannot be read so: a task item, text left of its content column, a fence the
 * parser must place, a ```markdown fence, or facts of the content that span lines.
 */
function contentFacts(item: string, options: FactOptions, level: number): ChunkFacts | undefined {
  const m = ANY_ITEM.exec(item);
  if (!m || TASK_BOX.test(item.slice(m[0].length)) || item.includes('\t') || item.includes('\r')) return undefined;
  const column = m[0].length;
  const content = dedent(' '.repeat(column) + item.slice(column), column);
  const fences = content && contentFences(content.text);
  if (!content || !fences || fences.length === 0) return undefined;
  const toItem = (o: number) => undented(content, o);
  const inner = emptyFacts();
  const facts = emptyFacts();
  let from = 0;
  for (const fence of [...fences, undefined]) {
    const stretch = content.text.slice(from, fence ? fence.start : content.text.length);
    if (stretch.trim() !== '') {
      const at = from;
      const part = fastFacts(stretch, false, options) ?? listItemFacts(stretch, options, level) ?? treeFacts(stretch, options);
      appendFacts(inner, part, (o) => o + at);
    }
    if (!fence) break;
    if (isMarkdownFence(content.text.slice(fence.start, fence.codeStart).replace(/^(?:`{3,}|~{3,})/, ''), content.text.slice(fence.codeStart, fence.closeStart))) return undefined;
    // The code runs from the line after the opening fence to the line break before the closing one, indent included.
    if (fence.closeStart > fence.codeStart) facts.fields.push(...fencedCodeFields(item, { start: toItem(fence.codeStart - 1) + 1, end: toItem(fence.closeStart - 1) }));
    from = fence.end + 1;
  }
  if (spansLines(content.text, inner)) return undefined;
  appendFacts(facts, inner, toItem);
  sortByStart(facts.fields);
  return facts;
}
