/**
 * Quick fixes for the plan (frontmatter `outline` and `sources`): insert a planned heading,
 * remove an outline entry, add an unplanned heading to the outline, create a missing source
 * or remove it from `sources`. Edits are computed from the spans the `yaml` library reports;
 * every fix states the frontmatter value it intends, and `verifyFix` holds it to that.
 */
import type { Node as YamlNode, Pair } from 'yaml';
import { isMap, isSeq, isScalar } from './yaml';
import { readPlan, titleOfId, titleWords, type PathRef } from './outline-plan';
import { buildOutline } from './outline';
import { keySpan, spanOf, nodeAt, type Frontmatter } from './frontmatter';
import { isRemoteSource } from './outline-paths';
import { lineBounds, type TextEdit } from './edits';
import type { Fix, FixSession, FrontmatterValue } from './fixes';
import { titled } from './fix-titles';
import type { Finding, Span } from './types';

function eolOf(session: FixSession): string {
  return session.options.eol ?? (session.text.includes('\r\n') ? '\r\n' : '\n');
}

/** Whether only blanks stand between the start of the line and `offset`. */
function startsLine(text: string, offset: number, allowed = /^[ \t]*$/): boolean {
  return allowed.test(text.slice(lineBounds(text, offset).start, offset));
}

/**
 * Where a new section goes: after the section of the nearest planned entry before it (before
 * the next heading of the same or a higher level), else before the heading of the nearest
 * planned entry after it, else at the end. Comments right above the next heading stay with it.
 */
function headingPlace(session: FixSession, index: number): { at: number; depth: number } {
  const { model } = session;
  const plan = readPlan(model);
  const headings = model.headings;
  const matches = plan.matches;
  for (let j = index - 1; j >= 0; j--) {
    const m = matches[j];
    if (m === undefined) continue;
    const h = headings[m];
    const next = headings.findIndex((g, k) => k > m && g.depth <= h.depth);
    return { at: next < 0 ? session.text.length : aboveComments(session.text, headings[next].start), depth: h.depth };
  }
  for (let j = index + 1; j < matches.length; j++) {
    const m = matches[j];
    if (m !== undefined) return { at: aboveComments(session.text, headings[m].start), depth: headings[m].depth };
  }
  return { at: session.text.length, depth: 2 };
}

/** The start of the run of one-line HTML comments directly above the line at `offset`. */
function aboveComments(text: string, offset: number): number {
  let at = lineBounds(text, offset).start;
  while (at > 0) {
    const prev = lineBounds(text, at - 1);
    const line = text.slice(prev.start, prev.end).trim();
    if (!(line.startsWith('<!--') && line.endsWith('-->'))) break;
    at = prev.start;
  }
  return at;
}

/** A heading inserted at `at` with a blank line between it and the text around. */
function headingEdit(text: string, at: number, heading: string, eol: string): TextEdit {
  if (at < text.length) return { start: at, end: at, newText: `${heading}${eol}${eol}` };
  const lead = text === '' || text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) || text.endsWith('\n') ? eol : `${eol}${eol}`;
  return { start: at, end: at, newText: `${lead}${heading}${eol}` };
}

/** The fixes of a planned section that is not written. */
function outlineFixes(session: FixSession, f: Finding): Fix[] {
  const plan = readPlan(session.model);
  const index = (plan.outline ?? []).findIndex((e) => e.key.start === f.startOffset && e.key.end === f.endOffset);
  if (index < 0 || !plan.outline) return [];
  const entry = plan.outline[index];
  const title = titleOfId(entry.id);
  const out: Fix[] = [];
  if (title !== '') {
    const { at, depth } = headingPlace(session, index);
    const heading = `${'#'.repeat(depth)} ${title}`;
    out.push({ ...titled('insertHeading', heading), kind: 'insert-heading', finding: f, edits: [headingEdit(session.text, at, heading, eolOf(session))], removes: [f], preferred: true });
  }
  const fm = session.model.frontmatter;
  const pair = fm ? pairIndex(fm, entry.key.start) : -1;
  const removal = fm && pair >= 0 ? removeItem(session, fm, 'outline', pair) : undefined;
  if (removal) {
    out.push({
      ...titled('removeOutlineEntry', entry.id),
      kind: 'remove-outline-entry',
      finding: f,
      edits: [removal.edit],
      removes: [f],
      deletes: removal.edit,
      frontmatter: (before) => withoutEntry(before, 'outline', entry.id),
    });
  }
  return out;
}

/**
 * The edit that removes item `index` of the top-level block collection `key` (a `sources`
 * list item or an `outline` entry): its whole lines, or — for the only item — the value
 * replaced by an empty collection, so `key` keeps its type.
 */
function removeItem(session: FixSession, fm: Frontmatter, key: 'sources' | 'outline', index: number): { edit: TextEdit } | undefined {
  const node = nodeAt(fm, key);
  if (!(isMap(node) || isSeq(node)) || node.flow) return undefined;
  const items = node.items as unknown[];
  const item = items[index];
  if (item === undefined) return undefined;
  const { text } = session;
  const first = isMap(node) ? ((item as Pair).key as YamlNode) : (item as YamlNode);
  const last = isMap(node) ? (((item as Pair).value as YamlNode | null) ?? first) : (item as YamlNode);
  if (!first?.range) return undefined;
  const start = spanOf(fm, first).start;
  const end = spanOf(fm, last).end;
  const prefix = isMap(node) ? /^[ \t]*$/ : /^[ \t]*-[ \t]*$/;
  if (!startsLine(text, start, prefix)) return undefined;
  const endLine = lineBounds(text, Math.max(start, end - 1));
  if (items.length > 1) return { edit: { start: lineBounds(text, start).start, end: endLine.next, newText: '' } };
  const keyAt = keySpan(fm, key);
  const colon = keyAt ? text.indexOf(':', keyAt.end) : -1;
  if (colon < 0 || colon > start) return undefined;
  return { edit: { start: colon + 1, end: endLine.end, newText: isMap(node) ? ' {}' : ' []' } };
}

/** The index of the top-level `outline` mapping's pair whose key starts at `keyStart`, or -1. */
function pairIndex(fm: Frontmatter, keyStart: number): number {
  const node = nodeAt(fm, 'outline');
  if (!isMap(node)) return -1;
  return node.items.findIndex((pair) => isScalar(pair.key) && pair.key.range !== undefined && spanOf(fm, pair.key).start === keyStart);
}

/** `before` without outline entry `id` / without `sources` item `index`. */
function withoutEntry(before: FrontmatterValue, key: 'sources' | 'outline', id: string | number): FrontmatterValue {
  if (!before) return before;
  const value = before[key];
  if (key === 'sources' && Array.isArray(value)) return { ...before, sources: value.filter((_, i) => i !== id) };
  if (key === 'outline' && value && typeof value === 'object') {
    const rest = { ...(value as Record<string, unknown>) };
    delete rest[String(id)];
    return { ...before, outline: rest };
  }
  return before;
}

/** Every path reference of the plan, to find the one a `sources` finding is on. */
function refAt(session: FixSession, f: Finding): PathRef | undefined {
  const plan = readPlan(session.model);
  const refs: PathRef[] = [...plan.sources, ...(plan.outline ?? []).flatMap((e) => e.sources), ...plan.citations.flatMap((c) => c.paths)];
  return refs.find((r) => r.start === f.startOffset && r.end === f.endOffset);
}

/** The fixes of a source that does not exist: create it, or (when declared) remove it from `sources`. */
function sourceFixes(session: FixSession, f: Finding): Fix[] {
  const ref = refAt(session, f);
  const check = ref && session.options.resolveSource?.(ref.path);
  if (!ref || !check || check.exists || check.outside) return [];
  const out: Fix[] = [];
  const sameFile = session.detail.findings.filter((g) => g.rule === 'sources' && g.message === f.message);
  if (!isRemoteSource(ref.path) && !/[\\/]$/.test(ref.path)) {
    out.push({ ...titled('createFile', ref.path), kind: 'create-file', finding: f, edits: [], removes: sameFile, createFile: ref.path, preferred: true });
  }
  const fm = session.model.frontmatter;
  const node = fm ? nodeAt(fm, 'sources') : undefined;
  if (fm && isSeq(node)) {
    const index = node.items.findIndex((item) => {
      const pathNode = isMap(item) ? item.get('path', true) : item;
      return isScalar(pathNode) && spanOf(fm, pathNode as YamlNode).start === f.startOffset;
    });
    const removal = index >= 0 ? removeItem(session, fm, 'sources', index) : undefined;
    if (removal) {
      out.push({
        ...titled('removeSource', ref.path),
        kind: 'remove-source',
        finding: f,
        edits: [removal.edit],
        removes: [f],
        deletes: removal.edit,
        frontmatter: (before) => withoutEntry(before, 'sources', index),
      });
    }
  }
  return out;
}

/** The plan fixes of a finding (unverified). */
export function planFixes(session: FixSession, f: Finding): Fix[] {
  if (f.rule === 'outline') return outlineFixes(session, f);
  if (f.rule === 'sources') return sourceFixes(session, f);
  return [];
}

/** `before` with outline entry `id` (no value) inserted after `after` (or first). */
function withEntry(before: FrontmatterValue, id: string, after: string | undefined): FrontmatterValue {
  if (!before) return before;
  const outline = (before.outline ?? {}) as Record<string, unknown>;
  const entries = Object.entries(outline);
  const at = after === undefined ? 0 : entries.findIndex(([k]) => k === after) + 1;
  entries.splice(at, 0, [id, null]);
  return { ...before, outline: Object.fromEntries(entries) };
}

/**
 * "Add to outline" for the unplanned headings (those the outline view flags), or only for the
 * one whose heading line holds `offset`: a new entry, named after the heading's words, placed
 * after the entry of the nearest planned heading above it.
 */
export function headingFixes(session: FixSession, offset?: number): Fix[] {
  const { model, text } = session;
  const fm = model.frontmatter;
  const node = fm ? nodeAt(fm, 'outline') : undefined;
  if (!fm || !isMap(node) || node.flow || node.items.length === 0) return [];
  const outline = buildOutline(model, session.detail.findings, session.options);
  const plan = readPlan(model);
  const pairs = node.items as Pair[];
  const firstKey = pairs[0].key as YamlNode;
  if (!firstKey?.range) return [];
  const firstStart = spanOf(fm, firstKey).start;
  if (!startsLine(text, firstStart)) return [];
  const indent = text.slice(lineBounds(text, firstStart).start, firstStart);
  const eol = eolOf(session);
  const out: Fix[] = [];
  for (const section of outline.unplanned) {
    if (offset !== undefined && (offset < section.start || offset > section.headingEnd)) continue;
    const id = titleWords(section.title).replace(/ /g, '-');
    if (id === '' || plan.outline?.some((e) => e.id === id)) continue;
    const prior = priorEntry(session, section.start);
    const priorEntryOf = prior === undefined ? undefined : plan.outline?.[prior];
    const at = priorEntryOf === undefined ? lineBounds(text, firstStart).start : entryEnd(fm, pairs, pairIndex(fm, priorEntryOf.key.start), text);
    if (at === undefined) continue;
    const priorId = priorEntryOf?.id;
    out.push({
      ...titled('addToOutline', section.title, id),
      kind: 'add-to-outline',
      edits: [{ start: at, end: at, newText: `${indent}${id}:${eol}` }],
      removes: [],
      frontmatter: (before) => withEntry(before, id, priorId),
    });
  }
  return out;
}

/** The outline entry whose heading is the last planned heading before `offset`. */
function priorEntry(session: FixSession, offset: number): number | undefined {
  const plan = readPlan(session.model);
  let best: number | undefined;
  let bestStart = -1;
  plan.matches.forEach((m, i) => {
    const h = m === undefined ? undefined : session.model.headings[m];
    if (h && h.start < offset && h.start > bestStart) {
      best = i;
      bestStart = h.start;
    }
  });
  return best;
}

/** The start of the line after outline entry `index` (its last line included). */
function entryEnd(fm: Frontmatter, pairs: Pair[], index: number, text: string): number | undefined {
  const pair = pairs[index];
  if (!pair) return undefined;
  const last = ((pair.value as YamlNode | null) ?? (pair.key as YamlNode)) as YamlNode;
  const span: Span = spanOf(fm, last);
  return lineBounds(text, Math.max(span.start, span.end - 1)).next;
}
