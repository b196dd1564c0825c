/**
 * The outline of a document: its heading tree joined with its plan (frontmatter `outline` and
 * `sources`, inline citations) and its open items. One pure function, `buildOutline`, shared by
 * the extension's tree view and `integration-docs outline`.
 *
 * Decisions (see also `matchOutline` in `outline-plan.ts`):
 * - **Matching**: a `SECTION` comment naming an entry binds it to the comment's heading; else an
 *   entry matches the first unclaimed heading whose words equal the id's words (`setup-guide` ↔
 *   "Setup Guide"). No fuzzy matching: "Common Use Cases" does not write `use-cases`.
 * - **Counting**: `placeholders` counts the `placeholder` findings from the heading's start up to
 *   its first child heading (the section's own text); `placeholdersTotal` includes the children.
 *   `dod` is set on a Definition-of-Done section (per `dodHeadings`) and counts its task items.
 * - **Unplanned**: only when the document has a non-empty outline. A heading is unplanned when it
 *   is not planned, is not the document title (the single `#` heading), is not inside a planned
 *   section, does not contain one, and is the outermost such heading (its subsections are not
 *   flagged again). Unplanned headings are shown by the outline, never reported as findings.
 */
import type { DocModel } from './document';
import { positionAt } from './document';
import type { HeadingFact } from './facts';
import { readPlan, headingOfComment, type PathRef, type Plan } from './outline-plan';
import { dodTitles, hasTitle, tasksIn } from './sections';
import { DEFAULT_DOD_HEADINGS, type Finding, type LintOptions, type SourceCheck, type Span } from './types';

/** A source as shown under a section. */
export interface SectionSource {
  path: string;
  purpose: string | undefined;
  /** Undefined when existence was not checked (no resolver, a URL, or outside the workspace). */
  exists: boolean | undefined;
  outside: boolean;
  /** Named by the section's outline entry. */
  planned: boolean;
  /** Cited by a comment in the section's own text (or right above its heading). */
  cited: boolean;
}

/** A section: a heading and the text up to the next heading of the same or a higher level. */
export interface Section {
  title: string;
  level: number;
  /** 1-based line of the heading. */
  line: number;
  /** Offset of the heading (= start of the section). */
  start: number;
  /** End offset of the heading line(s). */
  headingEnd: number;
  /** End offset of the section's own text (the first child heading, or `end`). */
  bodyEnd: number;
  /** End offset of the section, children included. */
  end: number;
  /** The outline entry this heading writes, or null. */
  outlineId: string | null;
  purpose: string | undefined;
  sources: SectionSource[];
  /** Placeholder findings in the section's own text. */
  placeholders: number;
  /** Placeholder findings in the section, children included. */
  placeholdersTotal: number;
  /** Task items of a Definition-of-Done section; null for other sections. */
  dod: { done: number; total: number } | null;
  /** Open items in the section, children included: placeholders plus unchecked DoD items. */
  open: number;
  /** The single `#` heading of the document. */
  isTitle: boolean;
  /** Not in the outline (see the module comment). */
  unplanned: boolean;
  children: Section[];
}

/** A planned section with no heading. */
export interface MissingSection {
  outlineId: string;
  purpose: string | undefined;
  sources: SectionSource[];
  /** The outline entry's key in the frontmatter. */
  key: Span;
  line: number;
}

/** A source of the document: declared in `sources`, named by an outline entry, or cited inline. */
export interface SourceEntry {
  path: string;
  purpose: string | undefined;
  /** Listed under the frontmatter `sources`. */
  declared: boolean;
  exists: boolean | undefined;
  outside: boolean;
  /** 1-based lines of the inline citations. */
  citedAt: number[];
  /** Where it is declared (or first named / cited). */
  span: Span;
  line: number;
}

/** The outline of one document. */
export interface DocOutline {
  title: string | undefined;
  status: string | undefined;
  template: string | undefined;
  /** The frontmatter has a non-empty `outline`. */
  hasOutline: boolean;
  sections: Section[];
  missing: MissingSection[];
  sources: SourceEntry[];
  /** The unplanned sections (the same objects as in the tree), in document order. */
  unplanned: Section[];
  /** Every placeholder finding (frontmatter and text before the first heading included) and DoD items. */
  totals: { placeholders: number; dod: { done: number; total: number } | null };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

type Check = (path: string) => SourceCheck | undefined;

function checker(options: LintOptions): Check {
  const seen = new Map<string, SourceCheck | undefined>();
  return (path) => {
    if (!seen.has(path)) {
      let result: SourceCheck | undefined;
      try {
        result = options.resolveSource?.(path);
      } catch {
        result = undefined;
      }
      seen.set(path, result);
    }
    return seen.get(path);
  };
}

function sourceOf(path: string, plan: Plan, check: Check, planned: boolean, cited: boolean): SectionSource {
  const r = check(path);
  return {
    path,
    purpose: plan.sources.find((s) => s.path === path)?.purpose,
    exists: r && !r.outside ? r.exists : undefined,
    outside: r?.outside ?? false,
    planned,
    cited,
  };
}

interface Builder {
  model: DocModel;
  plan: Plan;
  check: Check;
  placeholders: number[];
  dodTitles: ReadonlySet<string>;
  titleIndex: number;
  entryOf: Map<number, number>;
  /** Per citation, the heading it belongs to (`headingOfComment`). */
  citedIn: (number | undefined)[];
}

function countIn(offsets: readonly number[], start: number, end: number): number {
  let n = 0;
  for (const o of offsets) if (o >= start && o < end) n++;
  return n;
}

function dodOf(b: Builder, h: HeadingFact, end: number): Section['dod'] {
  if (!hasTitle(b.dodTitles, h.text)) return null;
  const tasks = tasksIn(b.model.tasks, { heading: h, end });
  return { done: tasks.filter((t) => t.checked).length, total: tasks.length };
}

function sectionSources(b: Builder, entry: number | undefined, heading: number): SectionSource[] {
  const out: SectionSource[] = [];
  for (const ref of entry === undefined ? [] : (b.plan.outline?.[entry].sources ?? [])) {
    if (!out.some((s) => s.path === ref.path)) out.push(sourceOf(ref.path, b.plan, b.check, true, false));
  }
  for (const [i, c] of b.plan.citations.entries()) {
    if (b.citedIn[i] !== heading) continue;
    for (const ref of c.paths) {
      const known = out.find((s) => s.path === ref.path);
      if (known) known.cited = true;
      else out.push(sourceOf(ref.path, b.plan, b.check, false, true));
    }
  }
  return out;
}

function sectionAt(b: Builder, index: number): Section {
  const { model } = b;
  const h = model.headings[index];
  const nextSibling = model.headings.findIndex((n, i) => i > index && n.depth <= h.depth);
  const end = nextSibling < 0 ? model.text.length : model.headings[nextSibling].start;
  const bodyEnd = index + 1 < model.headings.length && model.headings[index + 1].start < end ? model.headings[index + 1].start : end;
  const entry = b.entryOf.get(index);
  const outlineEntry = entry === undefined ? undefined : b.plan.outline?.[entry];
  const dod = dodOf(b, h, end);
  const own = countIn(b.placeholders, h.start, bodyEnd);
  return {
    title: h.text,
    level: h.depth,
    line: positionAt(model, h.start).line,
    start: h.start,
    headingEnd: h.end,
    bodyEnd,
    end,
    outlineId: outlineEntry?.id ?? null,
    purpose: outlineEntry?.purpose,
    sources: sectionSources(b, entry, index),
    placeholders: own,
    placeholdersTotal: countIn(b.placeholders, h.start, end),
    dod,
    open: 0,
    isTitle: index === b.titleIndex,
    unplanned: false,
    children: [],
  };
}

/** The heading tree: each heading is a child of the nearest earlier heading of a lower level. */
function tree(b: Builder): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  b.model.headings.forEach((_, i) => {
    const s = sectionAt(b, i);
    while (stack.length && stack[stack.length - 1].level >= s.level) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(s);
    stack.push(s);
  });
  return roots;
}

function finishOpen(s: Section): number {
  const childOpen = s.children.reduce((n, c) => n + finishOpen(c), 0);
  s.open = s.placeholders + (s.dod ? s.dod.total - s.dod.done : 0) + childOpen;
  return s.open;
}

function containsPlanned(s: Section): boolean {
  return s.children.some((c) => c.outlineId !== null || containsPlanned(c));
}

function markUnplanned(sections: readonly Section[], out: Section[]): void {
  for (const s of sections) {
    if (s.outlineId !== null) continue;
    if (s.isTitle || containsPlanned(s)) {
      markUnplanned(s.children, out);
    } else {
      s.unplanned = true;
      out.push(s);
    }
  }
}

function flatten(sections: readonly Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    flatten(s.children, out);
  }
  return out;
}

function sourceEntries(model: DocModel, plan: Plan, check: Check): SourceEntry[] {
  const out = new Map<string, SourceEntry>();
  const add = (ref: PathRef, purpose: string | undefined, declared: boolean) => {
    const known = out.get(ref.path);
    if (known) {
      known.declared ||= declared;
      known.purpose ??= purpose;
      return known;
    }
    const r = check(ref.path);
    const entry: SourceEntry = {
      path: ref.path,
      purpose,
      declared,
      exists: r && !r.outside ? r.exists : undefined,
      outside: r?.outside ?? false,
      citedAt: [],
      span: { start: ref.start, end: ref.end },
      line: positionAt(model, ref.start).line,
    };
    out.set(ref.path, entry);
    return entry;
  };
  for (const s of plan.sources) add(s, s.purpose, true);
  for (const e of plan.outline ?? []) for (const ref of e.sources) add(ref, undefined, false);
  for (const c of plan.citations) {
    for (const ref of c.paths) {
      const entry = add(ref, undefined, false);
      const line = positionAt(model, ref.start).line;
      if (!entry.citedAt.includes(line)) entry.citedAt.push(line);
    }
  }
  return [...out.values()];
}

function titleIndexOf(headings: readonly HeadingFact[]): number {
  const top = headings.map((h, i) => (h.depth === 1 ? i : -1)).filter((i) => i >= 0);
  return top.length === 1 ? top[0] : -1;
}

/**
 * Builds the outline of a model. `findings` are the findings of `lintModel(model, options)`
 * (only `placeholder` findings are counted, so a rule turned off counts nothing); `options`
 * gives `dodHeadings` and `resolveSource`.
 *
 * ```ts
 * const linter = new Linter(options);
 * const { model, findings } = linter.lint(text);
 * const outline = buildOutline(model, findings, options);
 * ```
 */
export function buildOutline(model: DocModel, findings: readonly Finding[], options: LintOptions = {}): DocOutline {
  const plan = readPlan(model);
  const check = checker(options);
  const entryOf = new Map<number, number>();
  plan.matches.forEach((h, e) => h !== undefined && entryOf.set(h, e));
  const placeholders = findings.filter((f) => f.rule === 'placeholder').map((f) => f.startOffset);
  const b: Builder = {
    model,
    plan,
    check,
    placeholders,
    dodTitles: dodTitles(options.dodHeadings ?? DEFAULT_DOD_HEADINGS),
    titleIndex: titleIndexOf(model.headings),
    entryOf,
    citedIn: plan.citations.map((c) => headingOfComment(model, c)),
  };
  const sections = tree(b);
  sections.forEach(finishOpen);
  const unplanned: Section[] = [];
  if (plan.outline) markUnplanned(sections, unplanned);
  const all = flatten(sections);
  const dods = all.map((s) => s.dod).filter((d): d is { done: number; total: number } => d !== null);
  const data = model.frontmatter?.data;
  const firstTop = model.headings.find((h) => h.depth === 1);
  return {
    title: str(data?.title) ?? firstTop?.text,
    status: model.status,
    template: str(data?.format_template) ?? str(data?.template),
    hasOutline: plan.outline !== undefined,
    sections,
    missing: (plan.outline ?? [])
      .filter((_, i) => plan.matches[i] === undefined)
      .map((e) => ({
        outlineId: e.id,
        purpose: e.purpose,
        sources: e.sources.map((r) => sourceOf(r.path, plan, check, true, false)),
        key: e.key,
        line: positionAt(model, e.key.start).line,
      })),
    sources: sourceEntries(model, plan, check),
    unplanned,
    totals: {
      placeholders: placeholders.length,
      dod: dods.length ? { done: dods.reduce((n, d) => n + d.done, 0), total: dods.reduce((n, d) => n + d.total, 0) } : null,
    },
  };
}

/** The section whose own text contains `offset` (the innermost one), for "follow the cursor". */
export function sectionAtOffset(outline: Pick<DocOutline, 'sections'>, offset: number): Section | undefined {
  let found: Section | undefined;
  let level: readonly Section[] = outline.sections;
  for (;;) {
    const s = level.find((c) => offset >= c.start && offset < c.end);
    if (!s) return found;
    found = s;
    level = s.children;
  }
}

export { titleWords, titleOfId } from './outline-plan';
export type { Plan, OutlineEntry, DeclaredSource, Citation, PathRef } from './outline-plan';
