/**
 * Text edits behind the quick fixes, computed from findings (pure, so the CLI, tests and the
 * extension share them). Edits are `{start, end, newText}` in document offsets, non-overlapping.
 */
import type { Finding, Span } from './types';
import { fenceAround } from './chunks';

/** A replacement of `text[start..end)` by `newText`. */
export interface TextEdit extends Span {
  newText: string;
}

/** Applies non-overlapping edits to a string (used by tests and the CLI). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function lineBounds(text: string, offset: number): { start: number; end: number; next: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  const next = end === -1 ? text.length : end + 1;
  if (end === -1) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end, next };
}

/** `- [ ]` → `- [x]` for a task finding. */
export function markDoneEdit(finding: Finding): TextEdit | undefined {
  if (finding.data?.kind !== 'task') return undefined;
  return { start: finding.data.markerStart + 1, end: finding.data.markerStart + 2, newText: 'x' };
}

/** Removes a marker: its whole line when the marker stands alone on it, else just the marker. */
function removeMarker(text: string, span: Span): TextEdit {
  const line = lineBounds(text, span.start);
  const alone = text.slice(line.start, span.start).trim() === '' && text.slice(span.end, line.end).trim() === '';
  return alone ? { start: line.start, end: line.next, newText: '' } : { start: span.start, end: span.end, newText: '' };
}

/** Removes a whole region of lines from the line of `from` to the line of `to` (inclusive). */
function removeLines(text: string, from: Span, to: Span): TextEdit {
  const first = lineBounds(text, from.start);
  const last = lineBounds(text, to.end === to.start ? to.start : to.end - 1);
  return { start: first.start, end: last.next, newText: '' };
}

/**
 * Resolves a `{{#if}}` block: `keep` keeps the if-branch (the else-branch when the helper is
 * `unless`... inverted accordingly) and removes the markers; otherwise the other branch stays.
 */
export function resolveConditionalEdits(text: string, finding: Finding, keep: boolean): TextEdit[] {
  const data = finding.data;
  if (data?.kind !== 'conditional' || !data.close) return [];
  const keepFirst = data.helper === 'unless' ? !keep : keep;
  const { open, close } = data;
  const elseTag = data.else;
  if (!elseTag) {
    return keepFirst ? [removeMarker(text, open), removeMarker(text, close)] : [removeLines(text, open, close)];
  }
  return keepFirst
    ? [removeMarker(text, open), removeLines(text, elseTag, close)]
    : [removeLines(text, open, elseTag), removeMarker(text, close)];
}

const LIST_ITEM = /^((?:[ \t]*>[ \t]?)*)([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)/;
const QUOTE_PREFIX = /^(?:[ \t]*>[ \t]?)*/;
const TABLE_ROW = /^\s*(?:>\s*)*\|.*\|\s*$|^[^|]*\|[^|]*\|/;

/**
 * Where to put a suppression comment for a finding so that it applies to the finding's line
 * and does not break the list, table or block quote the line sits in:
 * - a list item line: its own line above, indented to the item's content column (it then
 *   belongs to the previous item, so the list stays one list) and carrying any `>` prefix;
 * - a continuation line of a paragraph: at the end of the line above, as an inline comment,
 *   so the paragraph is not split;
 * - a table row: the rule is disabled before the table and enabled again after it (a line
 *   inside a table would end it);
 * - anything else: its own line above, with the same `>` prefix and indentation.
 */
export function suppressionEdits(text: string, finding: Finding, lineEnding = '\n'): TextEdit[] {
  const line = lineBounds(text, finding.startOffset);
  const current = text.slice(line.start, line.end);
  const prev = line.start > 0 ? lineBounds(text, line.start - 1) : undefined;
  const prevText = prev ? text.slice(prev.start, prev.end) : '';
  const comment = `<!-- integration-docs-disable-next-line ${finding.rule} -->`;
  const fence = finding.data?.kind === 'placeholder' && finding.data.inCode ? fenceAround(text, finding.startOffset) : undefined;
  if (fence) return wrapSuppression(text, fence.start, fence.end, finding.rule, lineEnding);
  if (TABLE_ROW.test(current) && (TABLE_ROW.test(prevText) || /^\s*\|?\s*:?-+/.test(prevText))) {
    return tableSuppression(text, line, finding.rule, lineEnding);
  }
  const item = LIST_ITEM.exec(current);
  if (item) {
    const contentColumn = item[2].length + item[3].length + item[4].length;
    const prevIsInList = prev !== undefined && prevText.trim() !== '' && (LIST_ITEM.test(prevText) || /^\s/.test(prevText));
    const indent = prevIsInList ? ' '.repeat(Math.max(item[2].length, contentColumnOfPrevious(prevText, contentColumn))) : item[2];
    return [{ start: line.start, end: line.start, newText: `${item[1]}${indent}${comment}${lineEnding}` }];
  }
  const quote = QUOTE_PREFIX.exec(current)?.[0] ?? '';
  const prevBody = prevText.slice(quote.length).trim();
  const continuation = prev !== undefined && prevBody !== '' && !/^#{1,6}\s|^(?:`{3,}|~{3,})|^<!--|-->$/.test(prevBody) && QUOTE_PREFIX.exec(prevText)?.[0] === quote && !/^\s*(?:#|\||<|`{3}|~{3})/.test(current.slice(quote.length));
  if (continuation && prev) {
    // Before a hard line break ("  " or "\\" at the end) so the break survives.
    const brk = /(?: {2,}|\\)$/.exec(prevText)?.[0].length ?? 0;
    return [{ start: prev.end - brk, end: prev.end - brk, newText: ` ${comment}` }];
  }
  const indent = /^[ \t]*/.exec(current.slice(quote.length))?.[0] ?? '';
  return [{ start: line.start, end: line.start, newText: `${quote}${indent}${comment}${lineEnding}` }];
}

/** The content column of the list item a line belongs to (its own marker, or its indentation). */
function contentColumnOfPrevious(prevText: string, fallback: number): number {
  const item = LIST_ITEM.exec(prevText);
  if (item) return item[2].length + item[3].length + item[4].length;
  const indent = /^[ \t]*/.exec(prevText)?.[0].length ?? 0;
  return indent > 0 ? indent : fallback;
}

function tableSuppression(text: string, row: { start: number }, rule: string, eol: string): TextEdit[] {
  let first = row.start;
  while (first > 0) {
    const prev = lineBounds(text, first - 1);
    if (!/\|/.test(text.slice(prev.start, prev.end)) || text.slice(prev.start, prev.end).trim() === '') break;
    first = prev.start;
  }
  let last = lineBounds(text, row.start);
  while (last.next < text.length) {
    const next = lineBounds(text, last.next);
    const body = text.slice(next.start, next.end);
    if (!/\|/.test(body) || body.trim() === '') break;
    last = next;
  }
  return wrapSuppression(text, first, last.next, rule, eol);
}

/**
 * Disables `rule` before the block `[start, end)` (a table or a fenced code block, where a
 * comment line would end the block or be code) and enables it again after the block.
 */
function wrapSuppression(text: string, start: number, end: number, rule: string, eol: string): TextEdit[] {
  const firstLine = text.slice(start, lineBounds(text, start).end);
  const quote = QUOTE_PREFIX.exec(firstLine)?.[0] ?? '';
  const indent = /^[ \t]*/.exec(firstLine.slice(quote.length))?.[0] ?? '';
  const prefix = quote + indent;
  const endsWithNewline = end > 0 && text[end - 1] === '\n';
  return [
    { start, end: start, newText: `${prefix}<!-- integration-docs-disable ${rule} -->${eol}` },
    { start: end, end, newText: `${endsWithNewline ? '' : eol}${prefix}<!-- integration-docs-enable ${rule} -->${endsWithNewline ? eol : ''}` },
  ];
}
