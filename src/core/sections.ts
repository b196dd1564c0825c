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

/** Each title set's last characters, or null when one is empty (an empty heading matches it). */
const endings = new WeakMap<ReadonlySet<string>, Set<string> | null>();

function endingsOf(titles: ReadonlySet<string>): Set<string> | null {
  let e = endings.get(titles);
  if (e === undefined) {
    e = titles.has('') ? null : new Set([...titles].map((t) => t[t.length - 1]));
    endings.set(titles, e);
  }
  return e;
}

const SPACE = /\s/;

/** Whether `text[i]` is white space (`\s`): ASCII by its code, the rest by the expression. */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return SPACE.test(text[i]);
}

/**
 * Whether `normalizeHeading(title)` is in `titles` (normalized titles). Most headings are not,
 * and most end in an ASCII character: a normalized title that is not empty ends in that
 * character lower-cased (ASCII case is context-free, unlike a final sigma), so a heading whose
 * ending no title has is decided without normalizing it (headings were 1-2% of a long folder's
 * linting otherwise).
 */
export function hasTitle(titles: ReadonlySet<string>, title: string): boolean {
  let end = title.length;
  while (end > 0 && isSpace(title, end - 1)) end--;
  if (end > 0 && (title[end - 1] === ':' || title[end - 1] === '：')) {
    end--;
    while (end > 0 && isSpace(title, end - 1)) end--;
  }
  const ends = endingsOf(titles);
  if (ends && end > 0 && title.charCodeAt(end - 1) < 0x80 && !ends.has(title[end - 1].toLowerCase())) return false;
  return titles.has(normalizeHeading(title));
}

/** Spans `[headingStart, sectionEnd)` of the sections whose normalized title is in `titles`. */
export function sectionsTitled(headings: readonly HeadingFact[], titles: ReadonlySet<string>, textLength: number): SectionSpan[] {
  const out: SectionSpan[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (!hasTitle(titles, h.text)) continue;
    let next = i + 1;
    while (next < headings.length && headings[next].depth > h.depth) next++;
    out.push({ heading: h, end: next < headings.length ? headings[next].start : textLength });
  }
  return out;
}

/**
 * The task items of a section: after its heading line, before its end (subsections included).
 * `tasks` is in document order (a model's are), so the section's are one run of it.
 */
export function tasksIn(tasks: readonly TaskFact[], section: SectionSpan): TaskFact[] {
  let lo = 0;
  let hi = tasks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tasks[mid].start < section.heading.end) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < tasks.length && tasks[end].start < section.end) end++;
  return tasks.slice(lo, end);
}

/** Progress of each Definition-of-Done section: its heading and how many items are checked. */
export function dodProgress(model: DocModel, titles: ReadonlySet<string>): { heading: HeadingFact; end: number; done: number; total: number; firstOpen?: number }[] {
  return sectionsTitled(model.headings, titles, model.text.length).map((section) => {
    const tasks = tasksIn(model.tasks, section);
    const open = tasks.find((t) => !t.checked);
    return { ...section, done: tasks.filter((t) => t.checked).length, total: tasks.length, firstOpen: open?.start };
  });
}

/** The normalized set of DoD titles for a list of configured titles (the same set for the same titles). */
export function dodTitles(titles: readonly string[]): ReadonlySet<string> {
  const key = JSON.stringify(titles);
  let set = titleSets.get(key);
  if (!set) {
    if (titleSets.size >= 16) titleSets.clear();
    set = new Set(titles.map(normalizeHeading));
    titleSets.set(key, set);
  }
  return set;
}

/** Title sets by their configured titles: each lint asks for its set, and `endingsOf` remembers by set. */
const titleSets = new Map<string, ReadonlySet<string>>();
