/**
 * Where a suppression comment for a finding goes, in each of its forms (see `suppress.ts`):
 * exactly one finding, one line, a table, a code block, the whole file. Pure text arithmetic
 * on top of the model's facts; `fixes.ts` verifies every plan before it is offered.
 *
 * Two rules hold for every form:
 * - In the frontmatter the comment is a YAML comment (`# …`), never an HTML comment: the YAML
 *   (and so every value) stays what it was.
 * - A directive already aimed at the same place is extended (`… placeholder conditional`)
 *   instead of getting a second comment in front of it, which would take its place.
 */
import type { Finding, Span } from './types';
import { skipBlanksBack, skipBlanksForward, type Directive } from './suppress';
import { fenceAround } from './chunks';
import { lineBounds, type TextEdit } from './edits';

/** What the planners need to know about the document. */
export interface SuppressionContext {
  text: string;
  /** The line ending new lines use. */
  eol: string;
  /** The document's suppression directives (`directivesOf(model)`). */
  directives: readonly Directive[];
  /** The frontmatter's YAML content, when there is frontmatter. */
  frontmatter?: Span;
  /** Where the Markdown body starts (after the frontmatter). */
  bodyStart: number;
}

/** How much a suppression covers. */
export type SuppressionScope = 'finding' | 'line' | 'table' | 'code-block' | 'file';

/** One way to suppress a finding. `region`: the span a table or code-block form covers. */
export interface SuppressionPlan {
  scope: SuppressionScope;
  edits: TextEdit[];
  region?: Span;
}

const LIST_ITEM = /^((?:[ \t]*>[ \t]?)*)([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)/;
const QUOTE_PREFIX = /^(?:[ \t]*>[ \t]?)*/;
const TABLE_ROW = /^\s*(?:>\s*)*\|.*\|\s*$|^[^|]*\|[^|]*\|/;

function inFrontmatter(ctx: SuppressionContext, offset: number): boolean {
  return ctx.frontmatter !== undefined && offset >= ctx.frontmatter.start && offset < ctx.frontmatter.end;
}

/** Adds `rule` to an existing directive comment (HTML or YAML). */
function extend(text: string, d: Directive, rule: string): TextEdit {
  if (text[d.start] === '#') return { start: d.end, end: d.end, newText: ` ${rule}` };
  let at = d.end - 3; // before `-->`
  while (at > d.start && /[ \t\r\n]/.test(text[at - 1])) at--;
  return { start: at, end: at, newText: ` ${rule}` };
}

/** A directive of `kind` that already names rules and satisfies `where`. */
function existing(ctx: SuppressionContext, kind: Directive['kind'], where: (d: Directive) => boolean): Directive | undefined {
  return ctx.directives.find((d) => d.kind === kind && d.rules !== 'all' && where(d));
}

/**
 * Exactly this finding: `<!-- integration-docs-ignore-next RULE -->` right before it or
 * `<!-- integration-docs-ignore-previous RULE -->` right after it in the body (a comment at
 * the start of a line would open an HTML block, so both are planned); in the frontmatter a
 * trailing YAML comment `# integration-docs-ignore-previous RULE` when the finding ends its line.
 */
function exactPlans(ctx: SuppressionContext, f: Finding): SuppressionPlan[] {
  const { text } = ctx;
  const plan = (edits: TextEdit[]): SuppressionPlan => ({ scope: 'finding', edits });
  if (inFrontmatter(ctx, f.startOffset)) {
    const line = lineBounds(text, f.endOffset > f.startOffset ? f.endOffset - 1 : f.startOffset);
    if (text.slice(f.endOffset, line.end).trim() !== '') return [];
    const prev = existing(ctx, 'ignore-previous', (d) => skipBlanksBack(text, d.start) === f.endOffset);
    return [plan([prev ? extend(text, prev, f.rule) : { start: line.end, end: line.end, newText: ` # integration-docs-ignore-previous ${f.rule}` }])];
  }
  const next = existing(ctx, 'ignore-next', (d) => skipBlanksForward(text, d.end) === f.startOffset);
  const prev = existing(ctx, 'ignore-previous', (d) => skipBlanksBack(text, d.start) === f.endOffset);
  const before = plan([next ? extend(text, next, f.rule) : { start: f.startOffset, end: f.startOffset, newText: `<!-- integration-docs-ignore-next ${f.rule} -->` }]);
  const after = plan([prev ? extend(text, prev, f.rule) : { start: f.endOffset, end: f.endOffset, newText: `<!-- integration-docs-ignore-previous ${f.rule} -->` }]);
  return f.endOffset > f.startOffset ? [before, after] : [before];
}

/** Every finding of the rule on the finding's line: a `disable-next-line` comment above it. */
function linePlan(ctx: SuppressionContext, f: Finding): SuppressionPlan {
  const merged = existing(ctx, 'disable-next-line', (d) => d.line + 1 === f.line);
  if (merged) return { scope: 'line', edits: [extend(ctx.text, merged, f.rule)] };
  if (inFrontmatter(ctx, f.startOffset)) {
    const line = lineBounds(ctx.text, f.startOffset);
    const indent = /^[ \t]*/.exec(ctx.text.slice(line.start, line.end))?.[0] ?? '';
    return { scope: 'line', edits: [{ start: line.start, end: line.start, newText: `${indent}# integration-docs-disable-next-line ${f.rule}${ctx.eol}` }] };
  }
  return { scope: 'line', edits: nextLineEdits(ctx.text, f, ctx.eol) };
}

/**
 * The rule in the whole file: `<!-- integration-docs-disable-file RULE -->` where the body
 * starts (an existing one is extended).
 */
function filePlan(ctx: SuppressionContext, f: Finding): SuppressionPlan {
  const merged = existing(ctx, 'disable-file', () => true);
  if (merged) return { scope: 'file', edits: [extend(ctx.text, merged, f.rule)] };
  const at = ctx.bodyStart;
  const newline = at > 0 && ctx.text[at - 1] !== '\n';
  const comment = `<!-- integration-docs-disable-file ${f.rule} -->`;
  return { scope: 'file', edits: [{ start: at, end: at, newText: newline ? `${ctx.eol}${comment}${ctx.eol}` : `${comment}${ctx.eol}` }] };
}

/**
 * Every way to suppress a finding, narrowest first: exactly the finding, its line (or the table
 * or code block it sits in, where a comment line would break the block), the whole file.
 */
export function suppressionPlans(ctx: SuppressionContext, f: Finding): SuppressionPlan[] {
  const { text } = ctx;
  const fence = !inFrontmatter(ctx, f.startOffset) && f.startOffset >= ctx.bodyStart ? fenceAround(text, f.startOffset) : undefined;
  if (fence) return [{ scope: 'code-block', region: fence, edits: wrapSuppression(text, fence.start, fence.end, f.rule, ctx.eol) }, filePlan(ctx, f)];
  const plans = [...exactPlans(ctx, f)];
  const frontmatterLine = ctx.frontmatter !== undefined && f.startOffset < ctx.bodyStart;
  if (!frontmatterLine || inFrontmatter(ctx, f.startOffset)) {
    const table = frontmatterLine ? undefined : tableAround(text, f.startOffset);
    plans.push(table ? { scope: 'table', region: table, edits: wrapSuppression(text, table.start, table.end, f.rule, ctx.eol) } : linePlan(ctx, f));
  }
  plans.push(filePlan(ctx, f));
  return plans;
}

/**
 * Where a `disable-next-line` comment for a body finding goes so that it applies to the
 * finding's line and does not break the list or block quote the line sits in:
 * - a list item line: its own line above, indented to the item's content column (it then
 *   belongs to the previous item, so the list stays one list) and carrying any `>` prefix;
 * - a continuation line of a paragraph: at the end of the line above, as an inline comment,
 *   so the paragraph is not split;
 * - anything else: its own line above, with the same `>` prefix and indentation.
 */
function nextLineEdits(text: string, finding: Finding, lineEnding: string): TextEdit[] {
  const line = lineBounds(text, finding.startOffset);
  const current = text.slice(line.start, line.end);
  const prev = line.start > 0 ? lineBounds(text, line.start - 1) : undefined;
  const prevText = prev ? text.slice(prev.start, prev.end) : '';
  const comment = `<!-- integration-docs-disable-next-line ${finding.rule} -->`;
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

/** The table whose row holds `offset` (from its first to past its last line), if the line is a table row. */
function tableAround(text: string, offset: number): Span | undefined {
  const row = lineBounds(text, offset);
  const current = text.slice(row.start, row.end);
  const prev = row.start > 0 ? lineBounds(text, row.start - 1) : undefined;
  const prevText = prev ? text.slice(prev.start, prev.end) : '';
  if (!(TABLE_ROW.test(current) && (TABLE_ROW.test(prevText) || /^\s*\|?\s*:?-+/.test(prevText)))) return undefined;
  let first = row.start;
  while (first > 0) {
    const p = lineBounds(text, first - 1);
    if (!/\|/.test(text.slice(p.start, p.end)) || text.slice(p.start, p.end).trim() === '') break;
    first = p.start;
  }
  let last = row;
  while (last.next < text.length) {
    const next = lineBounds(text, last.next);
    const body = text.slice(next.start, next.end);
    if (!/\|/.test(body) || body.trim() === '') break;
    last = next;
  }
  return { start: first, end: last.next };
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
