/**
 * The quick-fix verifier (see `fixes.ts` for the contract): applies a fix, lints the result and
 * compares it with the document before, finding by finding, mapped through the edits.
 */
import { buildModel } from './document';
import { lintDetailed } from './lint';
import { applyEdits, type TextEdit } from './edits';
import type { Fix, FixSession, FrontmatterValue } from './fixes';
import type { Finding, LintOptions, SourceCheck, Span } from './types';

/** The outcome of a check: `ok`, or what is wrong with the fix. */
export interface Verdict {
  ok: boolean;
  problems: string[];
  /** The text after the fix (when its edits could be applied). */
  after?: string;
}

function splits(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const high = (text.charCodeAt(at - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(at) & 0xfc00) === 0xdc00;
  return high || (text[at - 1] === '\r' && text[at] === '\n');
}

/** Sorted edits, or the problems that make them unusable (out of range, overlapping, splitting a character). */
function checkEdits(text: string, edits: readonly TextEdit[]): { sorted: TextEdit[]; problems: string[] } {
  const problems: string[] = [];
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  sorted.forEach((e, i) => {
    if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) problems.push(`edit ${e.start}..${e.end} is outside the document`);
    if (splits(text, e.start) || splits(text, e.end)) problems.push(`edit ${e.start}..${e.end} splits a character or a line ending`);
    const prev = sorted[i - 1];
    if (prev && (e.start < prev.end || e.start === prev.start)) problems.push(`edits ${prev.start}..${prev.end} and ${e.start}..${e.end} overlap`);
  });
  return { sorted, problems };
}

/** The characters an edit deletes outside the span the fix may delete. */
function deletedOutside(text: string, e: TextEdit, deletes: Span | undefined): string {
  if (!deletes) return text.slice(e.start, e.end);
  const before = text.slice(e.start, Math.min(e.end, Math.max(e.start, deletes.start)));
  const after = text.slice(Math.max(e.start, Math.min(e.end, deletes.end)), e.end);
  return before + after;
}

/** Text outside the edits is unchanged in `after`, and each edit's new text is where it belongs. */
function checkOutside(text: string, after: string, sorted: readonly TextEdit[], fix: Fix): string[] {
  const problems: string[] = [];
  let p = 0;
  let q = 0;
  for (const e of sorted) {
    if (after.slice(q, q + e.start - p) !== text.slice(p, e.start)) problems.push(`text before offset ${e.start} changed`);
    q += e.start - p;
    if (after.slice(q, q + e.newText.length) !== e.newText) problems.push(`edit at ${e.start} did not land as written`);
    q += e.newText.length;
    p = e.end;
    const outside = deletedOutside(text, e, fix.deletes);
    if (outside.trim() !== '') problems.push(`edit ${e.start}..${e.end} deletes text outside what the fix may remove: ${JSON.stringify(outside.slice(0, 40))}`);
    if (fix.suppression && e.start !== e.end) problems.push('a suppression deletes text');
  }
  if (after.slice(q) !== text.slice(p) || after.length - q !== text.length - p) problems.push('text after the last edit changed');
  return problems;
}

type Place = { kind: 'kept'; start: number; end: number } | { kind: 'deleted' } | { kind: 'touched' };

/** Where a span of the text before lands after the (sorted, valid) edits. */
function mapSpan(sorted: readonly TextEdit[], start: number, end: number): Place {
  let shift = 0;
  for (const e of sorted) {
    const deleting = e.end > e.start;
    if (deleting && start >= e.start && end <= e.end && (end > start || start < e.end)) return { kind: 'deleted' };
    if (deleting && e.start < end && e.end > start) return { kind: 'touched' };
    if (!deleting && e.start > start && e.start < end) return { kind: 'touched' };
    if (e.end <= start) shift += e.newText.length - (e.end - e.start);
  }
  return { kind: 'kept', start: start + shift, end: end + shift };
}

function key(f: Finding, start = f.startOffset, end = f.endOffset): string {
  return `${f.rule}|${f.severity}|${start}|${end}|${f.message}`;
}

function describe(k: string): string {
  const [rule, , start, , message] = k.split('|');
  return `${rule} at ${start}: ${message}`;
}

/** Multiset difference `a - b` of keys. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const k of b) counts.set(k, (counts.get(k) ?? 0) + 1);
  return a.filter((k) => {
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    return n === 0;
  });
}

/**
 * The findings expected after the fix: each finding before, mapped through the edits, except
 * those the fix removes and (for a fix that deletes content) those inside deleted text. A
 * finding an edit cuts into, which the fix does not remove, is a problem.
 */
function expected(findings: readonly Finding[], sorted: readonly TextEdit[], fix: Fix, removes: ReadonlySet<string>, problems: string[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    if (removes.has(key(f))) continue;
    const place = mapSpan(sorted, f.startOffset, f.endOffset);
    if (place.kind === 'kept') out.push(key(f, place.start, place.end));
    else if (place.kind === 'touched' || !fix.deletesContent) problems.push(`the edit cuts into another finding (${f.rule} at line ${f.line}: ${f.message})`);
  }
  return out;
}

function compare(label: string, want: readonly string[], got: readonly string[], problems: string[]): void {
  for (const k of minus(got, want)) problems.push(`${label} appears: ${describe(k)}`);
  for (const k of minus(want, got)) problems.push(`${label} disappears: ${describe(k)}`);
}

function stable(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

function checkFrontmatter(session: FixSession, fix: Fix, afterValue: FrontmatterValue, afterHas: boolean, problems: string[]): void {
  const before = session.model.frontmatter;
  if (Boolean(before) !== afterHas) problems.push(afterHas ? 'the fix creates frontmatter' : 'the fix removes the frontmatter');
  const value = before?.data === undefined ? undefined : (structuredClone(before.data) as FrontmatterValue);
  const want = fix.frontmatter ? fix.frontmatter(value) : before?.data;
  if (stable(want) !== stable(afterValue)) problems.push(`frontmatter values change: ${stable(afterValue).slice(0, 200)} instead of ${stable(want).slice(0, 200)}`);
}

/** The lint options of the text after the fix: a file the fix creates exists. */
function optionsAfter(options: LintOptions, fix: Fix): LintOptions {
  const created = fix.createFile;
  const resolve = options.resolveSource;
  if (created === undefined || !resolve) return options;
  return { ...options, resolveSource: (path: string): SourceCheck | undefined => (path === created ? { exists: true, outside: false } : resolve(path)) };
}

/**
 * Checks that a fix does exactly what its title says (see `fixes.ts`). Pure and deterministic:
 * the same session and fix always give the same verdict.
 */
export function verifyFix(session: FixSession, fix: Fix): Verdict {
  try {
    return check(session, fix);
  } catch (e) {
    // A fix whose result cannot be linted is not offered (and the host keeps working).
    return { ok: false, problems: [`linting the result failed: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

function check(session: FixSession, fix: Fix): Verdict {
  const { text } = session;
  const { sorted, problems } = checkEdits(text, fix.edits);
  if (problems.length) return { ok: false, problems };
  if (sorted.length === 0 && fix.createFile === undefined) return { ok: false, problems: ['the fix changes nothing'] };
  const after = applyEdits(text, sorted);
  problems.push(...checkOutside(text, after, sorted, fix));
  const model = buildModel(after, session.factOptions, session.cache);
  const detail = lintDetailed(model, optionsAfter(session.options, fix));
  // By value: the fix's findings may come from another lint of the same text (the editor's).
  const removes = new Set(fix.removes.map((f) => key(f)));
  const visible = expected(session.detail.findings, sorted, fix, removes, problems);
  compare('finding', visible, detail.findings.map((f) => key(f)), problems);
  const target = fix.finding;
  if (target && removes.has(key(target))) {
    const place = mapSpan(sorted, target.startOffset, target.endOffset);
    if (place.kind === 'kept' && detail.findings.some((g) => key(g) === key(target, place.start, place.end))) problems.push('the targeted finding is still reported');
  }
  if (fix.suppression) {
    // Nothing but suppression changes: ignoring suppressions, the same findings as before.
    const all = expected([...session.detail.findings, ...session.detail.suppressed], sorted, fix, new Set(), problems);
    compare('finding (suppressions ignored)', all, [...detail.findings, ...detail.suppressed].map((f) => key(f)), problems);
  } else {
    // No other suppression starts or stops working.
    compare('suppressed finding', expected(session.detail.suppressed, sorted, fix, new Set(), problems), detail.suppressed.map((f) => key(f)), problems);
  }
  checkFrontmatter(session, fix, model.frontmatter?.data, model.frontmatter !== undefined, problems);
  return { ok: problems.length === 0, problems: [...new Set(problems)], after };
}
