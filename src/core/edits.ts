/**
 * Text edits behind the quick fixes, computed from findings (pure, so the CLI, tests and the
 * extension share them). Edits are `{start, end, newText}` in document offsets, non-overlapping.
 * Suppression comments are placed by `suppress-edits.ts`; `fixes.ts` turns both into verified
 * quick fixes.
 */
import type { Finding, Span } from './types';

/** A replacement of `text[start..end)` by `newText`. */
export interface TextEdit extends Span {
  newText: string;
}

/**
 * Applies non-overlapping edits to a string (used by tests, the verifier and the CLI). Of two
 * edits at one offset, an insertion lands before the text a replacement puts there.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The line around `offset`: its start, its end before any `\r\n`, and the start of the next line. */
export function lineBounds(text: string, offset: number): { start: number; end: number; next: number } {
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

/**
 * Deletes `text[span)`: whole lines when the span starts its first line and ends its last one
 * (only blanks around it there), else exactly the span, so the rest of a line is never touched.
 */
export function removeSpan(text: string, span: Span): TextEdit {
  const first = lineBounds(text, span.start);
  const last = lineBounds(text, span.end > span.start ? span.end - 1 : span.start);
  const blankBefore = text.slice(first.start, span.start).trim() === '';
  const blankAfter = text.slice(span.end, last.end).trim() === '';
  return blankBefore && blankAfter ? { start: first.start, end: last.next, newText: '' } : { start: span.start, end: span.end, newText: '' };
}

/**
 * Resolves a `{{#if}}` / `{{#unless}}` block. `keepFirst`: the block's own content stays (the
 * part right after the opening tag: shown when an `if` condition is true, when an `unless`
 * condition is false) and the `{{else}}` branch, if any, goes; otherwise the `{{else}}` branch
 * stays, or — without one — the whole block goes. Markers alone on their lines take their line
 * with them; inline markers are removed exactly. The edits never overlap.
 */
export function resolveConditionalEdits(text: string, finding: Finding, keepFirst: boolean): TextEdit[] {
  const data = finding.data;
  if (data?.kind !== 'conditional' || !data.close) return [];
  const { open, close } = data;
  const elseTag = data.else;
  if (!elseTag) {
    return keepFirst ? [removeSpan(text, open), removeSpan(text, close)] : [removeSpan(text, { start: open.start, end: close.end })];
  }
  return keepFirst
    ? [removeSpan(text, open), removeSpan(text, { start: elseTag.start, end: close.end })]
    : [removeSpan(text, { start: open.start, end: elseTag.end }), removeSpan(text, close)];
}
