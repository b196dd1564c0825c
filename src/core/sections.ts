/**
 * Sections of a document: headings matched by title, the span each one covers (down to the
 * next heading of the same or a higher level), the task items inside it, and the progress of
 * Definition-of-Done sections. Read by the `unchecked-dod` rule, the outline, the lint
 * context and the editor's status bar and code lenses.
 */
import type { DocModel } from './document';
import type { HeadingFact, TaskFact } from './facts';

const normalized = new Map<string, string>();

/** Normalizes a heading title for matching: no leading number, no trailing colon, lower case. */
export function normalizeHeading(title: string): string {
  let n = normalized.get(title);
  if (n === undefined) {
    if (normalized.size > 10_000) normalized.clear();
    n = normalizeFresh(title);
    normalized.set(title, n);
  }
  return n;
}

function normalizeFresh(title: string): string {
  return title
    .replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '')
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A heading and where its section ends (exclusive): the next heading of the same or a higher level, or the end of the text. */
export interface SectionSpan {
  heading: HeadingFact;
  end: number;
}

/** Spans `[headingStart, sectionEnd)` of the sections whose normalized title is in `titles`. */
export function sectionsTitled(headings: readonly HeadingFact[], titles: ReadonlySet<string>, textLength: number): SectionSpan[] {
  const out: SectionSpan[] = [];
  headings.forEach((h, i) => {
    if (!titles.has(normalizeHeading(h.text))) return;
    const next = headings.slice(i + 1).find((n) => n.depth <= h.depth);
    out.push({ heading: h, end: next ? next.start : textLength });
  });
  return out;
}

/** The task items of a section: after its heading line, before its end (subsections included). */
export function tasksIn(tasks: readonly TaskFact[], section: SectionSpan): TaskFact[] {
  return tasks.filter((t) => t.start >= section.heading.end && t.start < section.end);
}

/** Progress of each Definition-of-Done section: its heading and how many items are checked. */
export function dodProgress(model: DocModel, titles: ReadonlySet<string>): { heading: HeadingFact; end: number; done: number; total: number; firstOpen?: number }[] {
  return sectionsTitled(model.headings, titles, model.text.length).map((section) => {
    const tasks = tasksIn(model.tasks, section);
    const open = tasks.find((t) => !t.checked);
    return { ...section, done: tasks.filter((t) => t.checked).length, total: tasks.length, firstOpen: open?.start };
  });
}

/** The normalized set of DoD titles for a list of configured titles. */
export function dodTitles(titles: readonly string[]): Set<string> {
  return new Set(titles.map(normalizeHeading));
}
