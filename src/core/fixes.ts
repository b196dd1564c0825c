/**
 * Quick fixes as verified edits. `candidateFixes` proposes the fixes for a finding (a title and
 * text edits); `verifyFix` applies a fix to the text, lints the result and checks that it does
 * exactly what its title says; `fixesFor` and `offeredFixes` return only fixes that pass. The
 * extension's code actions, the CLI and the fuzz all go through here.
 *
 * The check (`verifyFix`):
 * - the edits lie inside the document, do not overlap, split no surrogate pair or `\r\n`;
 * - the text outside the edited ranges is unchanged, and no character outside the span the
 *   fix may delete (`Fix.deletes`) is removed, blanks aside;
 * - every finding maps through the edits: the targeted ones (`Fix.removes`) are gone, findings
 *   inside text the fix deletes may go with it, and every other finding is still there, at its
 *   mapped place, with the same message and severity; no finding appears;
 * - a suppression changes nothing but suppression: linted without honouring suppression
 *   comments, the document reports exactly what it reported before;
 * - the frontmatter parses to the same value, except the change the fix intends
 *   (`Fix.frontmatter`).
 */
import { buildModel, FactCache, bodyStartOf, type DocModel } from './document';
import { lintDetailed, compilePatterns, type LintDetail } from './lint';
import { directivesOf } from './suppress';
import { markDoneEdit, resolveConditionalEdits, type TextEdit } from './edits';
import { verifyFix } from './fix-verify';
import { suppressionPlans, type SuppressionPlan, type SuppressionContext, type SuppressionScope } from './suppress-edits';
import { planFixes, headingFixes } from './plan-fixes';
import type { FactOptions } from './facts';
import type { Finding, LintOptions, Span } from './types';
import { titled, type FixLabel } from './fix-titles';

export { FIX_TITLES, titled, type FixLabel, type FixTitleKey } from './fix-titles';

/** What a fix does, for hosts that treat kinds differently (`create-file` needs the host). */
export type FixKind =
  | 'mark-done'
  | 'keep-branch'
  | 'remove-branch'
  | 'suppress'
  | 'insert-heading'
  | 'remove-outline-entry'
  | 'add-to-outline'
  | 'remove-source'
  | 'create-file';

/** Frontmatter values, as `yaml` reads them (a mapping), or undefined. */
export type FrontmatterValue = Record<string, unknown> | undefined;

/** A quick fix: what it says it does, and the edits that do it. */
export interface Fix {
  /** What the user sees (English); it says exactly what the edits do, and their scope. */
  title: string;
  /** The title as a template key and arguments, for translation. */
  label: FixLabel;
  kind: FixKind;
  /** The finding the fix is for; undefined for a fix offered on a heading ("Add to outline"). */
  finding?: Finding;
  /** Non-overlapping edits of the document text. */
  edits: TextEdit[];
  /** The findings (of the text before) the fix makes go away: the target, and every finding of a broader suppression's scope. */
  removes: Finding[];
  /** The only span whose non-blank characters the edits may delete; absent: they only insert (or change blanks). */
  deletes?: Span;
  /** The fix deletes content: findings lying wholly inside the deleted text go with it. */
  deletesContent?: boolean;
  /** A suppression: the document must lint as before when suppression comments are ignored. */
  suppression?: boolean;
  /** A suppression's scope: one finding, a line, a table, a code block, the file. */
  scope?: SuppressionScope;
  /** A source path the host creates as an empty file (inside the workspace, never overwriting). */
  createFile?: string;
  /** The frontmatter value after the fix, computed from the value before (default: unchanged). */
  frontmatter?: (before: FrontmatterValue) => FrontmatterValue;
  /** The preferred fix of its finding (what "Auto Fix" applies). */
  preferred?: boolean;
}

/** Lint options plus the line ending new lines use. */
export interface FixOptions extends LintOptions {
  eol?: '\n' | '\r\n';
}

/** A document linted once, for proposing and verifying several fixes. */
export interface FixSession {
  text: string;
  options: FixOptions;
  model: DocModel;
  detail: LintDetail;
  factOptions: FactOptions;
  cache: FactCache;
}

/**
 * Lints `text` once for the fixes of its findings. A host that keeps a `Linter` passes the model
 * it built for `text` and its fact cache (both with the same options): nothing is parsed again.
 */
export function fixSession(text: string, options: FixOptions = {}, model?: DocModel, facts?: FactCache): FixSession {
  const factOptions: FactOptions = { patterns: compilePatterns(options.placeholderPatterns), mdx: options.syntax === 'mdx' };
  const cache = facts ?? new FactCache();
  const m = model && model.text === text ? model : buildModel(text, factOptions, cache);
  return { text, options, model: m, detail: lintDetailed(m, options), factOptions, cache };
}

function eolOf(session: FixSession): string {
  return session.options.eol ?? (session.text.includes('\r\n') ? '\r\n' : '\n');
}

/** The text of a document span. */
function textOf(session: FixSession, span: Span): string {
  return session.text.slice(span.start, span.end);
}

/** Keep/remove fixes of an unresolved block; titles say which text stays and under which condition. */
function conditionalFixes(session: FixSession, f: Finding): Fix[] {
  const data = f.data;
  if (data?.kind !== 'conditional' || !data.close) return [];
  const open = textOf(session, data.open);
  const block = { start: data.open.start, end: data.close.end };
  const make = (keepFirst: boolean, title: { title: string; label: FixLabel }): Fix => ({
    ...title,
    kind: keepFirst ? 'keep-branch' : 'remove-branch',
    finding: f,
    edits: resolveConditionalEdits(session.text, f, keepFirst),
    removes: [f],
    deletes: block,
    deletesContent: true,
  });
  // `unless` shows its content when the condition is false.
  const contentWhenTrue = data.helper !== 'unless';
  if (data.else) {
    const elseText = textOf(session, data.else);
    const plainElse = /^\{\{~?\s*else\s*~?\}\}$/.test(elseText);
    return [
      make(true, titled(contentWhenTrue ? 'keepBranchTrue' : 'keepBranchFalse', open, data.name, elseText)),
      make(false, plainElse ? titled(contentWhenTrue ? 'keepBranchFalse' : 'keepBranchTrue', elseText, data.name, open) : titled('keepBranch', elseText, open)),
    ];
  }
  return [
    make(true, titled(contentWhenTrue ? 'keepContentTrue' : 'keepContentFalse', open, data.name)),
    make(false, titled(contentWhenTrue ? 'removeBlockFalse' : 'removeBlockTrue', open, data.name)),
  ];
}

/** The visible findings of `rule` a suppression plan hides, by its scope (computed from the plan, not from a lint). */
function scopeOf(session: FixSession, f: Finding, plan: SuppressionPlan): Finding[] {
  const same = session.detail.findings.filter((g) => g.rule === f.rule);
  switch (plan.scope) {
    case 'finding':
      return [f];
    case 'line':
      return same.filter((g) => g.line === f.line);
    case 'file':
      return same;
    default: {
      const region = plan.region as Span;
      return same.filter((g) => g.startOffset >= region.start && g.startOffset < region.end);
    }
  }
}

function suppressionTitle(f: Finding, plan: SuppressionPlan, hidden: number): { title: string; label: FixLabel } {
  const one = hidden === 1;
  switch (plan.scope) {
    case 'finding':
      return titled('suppressFinding', f.rule);
    case 'line':
      return one ? titled('suppressLine', f.rule, f.line) : titled('suppressLineMany', f.rule, f.line, hidden);
    case 'table':
      return one ? titled('suppressTableOne', f.rule) : titled('suppressTableMany', f.rule, hidden);
    case 'code-block':
      return one ? titled('suppressCodeOne', f.rule) : titled('suppressCodeMany', f.rule, hidden);
    default:
      return one ? titled('suppressFileOne', f.rule) : titled('suppressFileMany', f.rule, hidden);
  }
}

/** The suppression plans of a finding as fixes, narrowest first. */
function suppressionFixes(session: FixSession, f: Finding): Fix[] {
  const fm = session.model.frontmatter;
  const ctx: SuppressionContext = {
    text: session.text,
    eol: eolOf(session),
    directives: directivesOf(session.model),
    frontmatter: fm ? fm.content : undefined,
    bodyStart: bodyStartOf(session.text, fm),
  };
  return suppressionPlans(ctx, f).map((plan) => {
    const removes = scopeOf(session, f, plan);
    return { ...suppressionTitle(f, plan, removes.length), kind: 'suppress', finding: f, edits: plan.edits, removes, suppression: true, scope: plan.scope };
  });
}

/**
 * Every fix proposed for a finding, unverified, in groups: within a group the fixes are
 * alternatives (the first that verifies is offered), groups are offered side by side.
 */
export function candidateFixes(session: FixSession, f: Finding): Fix[][] {
  const groups: Fix[][] = [];
  const done = markDoneEdit(f);
  if (done) groups.push([{ ...titled('markDone'), kind: 'mark-done', finding: f, edits: [done], removes: [f], deletes: done, preferred: true }]);
  for (const fix of conditionalFixes(session, f)) groups.push([fix]);
  groups.push(...planFixes(session, f).map((fix) => [fix]));
  groups.push(suppressionFixes(session, f));
  return groups;
}

/**
 * The verified fixes of one finding. Suppressions: the narrowest form that verifies; a broader
 * one too when it hides more than that; the whole-file form only when nothing narrower works.
 */
export function fixesFor(session: FixSession, f: Finding): Fix[] {
  const out: Fix[] = [];
  for (const group of candidateFixes(session, f)) {
    if (group[0]?.suppression) {
      out.push(...pickSuppressions(session, group));
      continue;
    }
    const ok = group.find((fix) => verifyFix(session, fix).ok);
    if (ok) out.push(ok);
  }
  return out;
}

function pickSuppressions(session: FixSession, group: Fix[]): Fix[] {
  const ok = (fix: Fix) => verifyFix(session, fix).ok;
  const exact = group.filter((fix) => fix.scope === 'finding').find(ok);
  const broader = group.filter((fix) => fix.scope !== 'finding' && fix.scope !== 'file' && (!exact || fix.removes.length > 1)).find(ok);
  const picked = [exact, broader].filter((fix): fix is Fix => fix !== undefined);
  if (picked.length > 0) return picked;
  const file = group.filter((fix) => fix.scope === 'file').find(ok);
  return file ? [file] : [];
}

/** Every verified fix of every finding of `text`, and the "Add to outline" fixes of its unplanned headings. */
export function offeredFixes(text: string, options: FixOptions = {}): Fix[] {
  const session = fixSession(text, options);
  const out: Fix[] = [];
  for (const f of session.detail.findings) out.push(...fixesFor(session, f));
  for (const fix of headingFixes(session)) if (verifyFix(session, fix).ok) out.push(fix);
  return out;
}

/** The verified "Add to outline" fix of the heading at `offset`, if it is unplanned. */
export function headingFixAt(session: FixSession, offset: number): Fix[] {
  return headingFixes(session, offset).filter((fix) => verifyFix(session, fix).ok);
}

export { verifyFix };
export type { Verdict } from './fix-verify';
