import type { HeadingFact } from '../facts';
import type { DocModel } from '../document';
import type { Rule } from './rule';

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

/** Spans `[headingStart, sectionEnd)` of the sections whose title is in `titles`. */
export function sectionsTitled(headings: readonly HeadingFact[], titles: ReadonlySet<string>, textLength: number) {
  const out: { heading: HeadingFact; end: number }[] = [];
  headings.forEach((h, i) => {
    if (!titles.has(normalizeHeading(h.text))) return;
    const next = headings.slice(i + 1).find((n) => n.depth <= h.depth);
    out.push({ heading: h, end: next ? next.start : textLength });
  });
  return out;
}

/** `unchecked-dod`: unchecked task items under a Definition of Done / Success Checklist heading. */
export const uncheckedDod: Rule<'unchecked-dod'> = {
  id: 'unchecked-dod',
  title: 'unchecked Definition-of-Done items',
  description: 'Unchecked items under a Definition of Done / Success Checklist heading.',
  check(model, context, report) {
    for (const { heading, end } of sectionsTitled(model.headings, context.dodHeadings, model.text.length)) {
      for (const task of model.tasks) {
        if (task.checked || task.start < heading.end || task.start >= end) continue;
        report({
          start: task.start,
          end: task.end,
          message: `Unchecked "${heading.text}" item: ${task.label || '(empty)'} — finish it, then check it`,
          data: { kind: 'task', markerStart: task.markerStart, markerEnd: task.markerEnd, label: task.label },
        });
      }
    }
  },
};

/** Progress of each Definition-of-Done section: its heading and how many items are checked. */
export function dodProgress(model: DocModel, titles: ReadonlySet<string>): { heading: HeadingFact; end: number; done: number; total: number; firstOpen?: number }[] {
  return sectionsTitled(model.headings, titles, model.text.length).map(({ heading, end }) => {
    const tasks = model.tasks.filter((t) => t.start >= heading.end && t.start < end);
    const open = tasks.find((t) => !t.checked);
    return { heading, end, done: tasks.filter((t) => t.checked).length, total: tasks.length, firstOpen: open?.start };
  });
}

/** The normalized set of DoD titles for a list of configured titles. */
export function dodTitles(titles: readonly string[]): Set<string> {
  return new Set(titles.map(normalizeHeading));
}
