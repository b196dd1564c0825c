/**
 * A chunk that is one top-level bullet list (`* item` lines in column 1, every other line indented
 * into its item) is read item by item when it misses the fast paths as a whole: each item takes
 * the fast paths on its own, and only the items that miss them are parsed. A changelog's release
 * is such a list, and one code block or unpaired backtick in one entry sent all of it to the parser.
 *
 * Each item reads as it does inside the list: a line in column 1 never continues an item (its
 * content is indented), and a bullet with text after it interrupts any paragraph, so every block
 * of the item before it is closed there — fences, HTML and block quotes included. Nothing else
 * may start in column 1 but an ATX heading (one line, closing what is open as an item does), so
 * no block outside the items can hold a later item. Link reference
 * definitions, which the parser resolves across items, leave the chunk whole. A line of text
 * left of its item's content (`LAZY_TEXT`) stays with the item above it.
 *
 * An item that misses the fast paths is read the same way one level down when it has sub-items
 * at its content column (a release entry with one line per change): its head (the lines before
 * the first sub-item) is a block of its own when nothing in it can hold that line (no fence,
 * HTML block or table), and the rest, less the item's indent, is such a list again — which is
 * what the parser reads inside the item. Facts of that rest that span lines (a field or comment
 * whose text would lose the indent) send the item to the parser whole.
 */
import type { ChunkFacts, FactOptions } from './facts';
import { emptyFacts, treeFacts } from './facts';
import { fastFacts, mayHoldTable } from './fastpath';
import { parseHazard } from './limits';
import { lowerBound } from './chunks';

/** A bullet item's first line: marker, 1-4 spaces, text. Its content starts after the spaces. */
const ITEM = /^[-*+]( {1,4})(?=\S)/;
/** An ATX heading in column 1: one line, a block of its own (a release's title above its list). */
const HEADING = /^#{1,6}(?: |$)/;
/**
 * A line left of its item's content that can only be text: a paragraph's lazy continuation, or a
 * paragraph of its own when nothing above it is a paragraph. Either way it opens no block that
 * could hold the next item (no fence, HTML, table, quote, list or heading starts with a letter).
 */
const LAZY_TEXT = /^ {0,3}[A-Za-z(](?!.*\|)/;
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
  for (let at = 0; at < text.length; ) {
    let nl = text.indexOf('\n', at);
    if (nl === -1) nl = text.length;
    const line = text.slice(at, nl);
    const m = ITEM.exec(line);
    if (m || HEADING.test(line)) {
      starts.push(at);
      content = m ? 1 + m[1].length : Infinity;
    } else if (line.trim() !== '' && line.length - line.trimStart().length < content) {
      if (starts.length === 0 || !LAZY_TEXT.test(line)) return undefined;
      // The item may have ended above it (after a fence, say): then no line below it is the item's.
      content = Infinity;
    }
    at = nl + 1;
  }
  return starts.length > 0 ? starts : undefined;
}

/** Appends the facts `from` to `to`, each offset moved by `move`. */
function append(to: ChunkFacts, from: ChunkFacts, move: (offset: number) => number): void {
  for (const f of from.fields) to.fields.push({ ...f, start: move(f.start), end: move(f.end) });
  for (const t of from.tags) to.tags.push({ ...t, start: move(t.start), end: move(t.end) });
  for (const t of from.tasks) to.tasks.push({ ...t, start: move(t.start), end: move(t.end), markerStart: move(t.markerStart), markerEnd: move(t.markerEnd) });
  for (const h of from.headings) to.headings.push({ ...h, start: move(h.start), end: move(h.end) });
  for (const c of from.comments) to.comments.push({ ...c, start: move(c.start), end: move(c.end) });
  to.definitions.push(...from.definitions);
}

/** Facts of the items (and headings) of `text` that start at `starts`, each read on its own. */
function piecesFacts(text: string, starts: readonly number[], options: FactOptions, level: number): ChunkFacts {
  const facts = emptyFacts();
  for (let i = 0; i < starts.length; i++) {
    const piece = text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length);
    const at = starts[i];
    append(facts, fastFacts(piece, false, options) ?? (level < MAX_LEVELS ? subItemFacts(piece, options, level + 1) : undefined) ?? treeFacts(piece, options), (o) => o + at);
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

/** Whether a fact of `text` that cannot be moved line by line (a field, tag or comment) spans lines. */
function spansLines(text: string, facts: ChunkFacts): boolean {
  return [...facts.fields, ...facts.tags, ...facts.comments].some((s) => text.lastIndexOf('\n', s.end - 1) >= s.start);
}

/** Facts of an item read as its head and its sub-items (see above), or undefined when it cannot be. */
function subItemFacts(item: string, options: FactOptions, level: number): ChunkFacts | undefined {
  const m = ITEM.exec(item);
  if (!m) return undefined;
  const column = 1 + m[1].length;
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
  append(facts, fastFacts(head, false, options) ?? treeFacts(head, options), (o) => o);
  append(facts, inner, (o) => split + o + rest.removed[lowerBound(rest.starts, o + 1) - 1]);
  return facts;
}

/**
 * Facts of a bullet-list chunk read item by item (see above), or undefined when the chunk is no
 * such list of two or more or the parser would decline it as a whole (`parseHazard`: then it stays
 * whole). A chunk that is one item is read as its head and sub-items.
 */
export function listItemFacts(text: string, options: FactOptions): ChunkFacts | undefined {
  const starts = itemStarts(text);
  if (!starts || parseHazard(text)) return undefined;
  if (starts.length === 1) return starts[0] === 0 ? subItemFacts(text, options, 1) : undefined;
  return piecesFacts(text, starts, options, 0);
}
