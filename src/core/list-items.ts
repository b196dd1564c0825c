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
 * definitions, which the parser resolves across items, leave the chunk whole.
 */
import type { ChunkFacts, FactOptions } from './facts';
import { emptyFacts, treeFacts } from './facts';
import { fastFacts } from './fastpath';
import { parseHazard } from './limits';

/** A bullet item's first line: marker, 1-4 spaces, text. Its content starts after the spaces. */
const ITEM = /^[-*+]( {1,4})(?=\S)/;
/** An ATX heading in column 1: one line, a block of its own (a release's title above its list). */
const HEADING = /^#{1,6}(?: |$)/;

/** Offsets where the items (and headings) of `text` start, or undefined when it is not such a list of two or more. */
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
      return undefined;
    }
    at = nl + 1;
  }
  return starts.length > 1 ? starts : undefined;
}

/** Adds `shift` to every offset of `from` and appends them to `to`. */
function append(to: ChunkFacts, from: ChunkFacts, shift: number): void {
  for (const f of from.fields) to.fields.push({ ...f, start: f.start + shift, end: f.end + shift });
  for (const t of from.tags) to.tags.push({ ...t, start: t.start + shift, end: t.end + shift });
  for (const t of from.tasks) to.tasks.push({ ...t, start: t.start + shift, end: t.end + shift, markerStart: t.markerStart + shift, markerEnd: t.markerEnd + shift });
  for (const h of from.headings) to.headings.push({ ...h, start: h.start + shift, end: h.end + shift });
  for (const c of from.comments) to.comments.push({ ...c, start: c.start + shift, end: c.end + shift });
  to.definitions.push(...from.definitions);
}

/**
 * Facts of a bullet-list chunk read item by item (see above), or undefined when the chunk is no
 * such list or the parser would decline it as a whole (`parseHazard`: then it stays whole).
 */
export function listItemFacts(text: string, options: FactOptions): ChunkFacts | undefined {
  const starts = itemStarts(text);
  if (!starts || parseHazard(text)) return undefined;
  const facts = emptyFacts();
  for (let i = 0; i < starts.length; i++) {
    const item = text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length);
    append(facts, fastFacts(item, false, options) ?? treeFacts(item, options), starts[i]);
  }
  return facts;
}
