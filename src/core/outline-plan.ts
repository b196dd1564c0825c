/**
 * The plan of a Kurt-style document, read from the model (never re-parsed): the frontmatter's
 * `sources` and `outline`, the inline citations in HTML comments, and which heading each
 * outline entry is written as.
 *
 * ```markdown
 * ---
 * sources:
 *   - path: /sources/api.md
 *     purpose: "partner API reference"
 * outline:
 *   setup-guide:
 *     sources: [/sources/api.md]
 *     purpose: "step-by-step configuration"
 * ---
 * ## Setup Guide
 * <!-- SECTION: Setup Guide  Sources: /sources/api.md  Why: the steps come from the API docs -->
 * <!-- Source: /sources/api.md -->
 * ```
 */
import type { Node as YamlNode, Pair } from 'yaml';
import type { DocModel } from './document';
import type { HeadingFact, CommentFact } from './facts';
import { isIntegrationFrontmatter, nodeAt, spanOf, isMap, isSeq, isScalar, type Frontmatter } from './frontmatter';
import { normalizeHeading } from './sections';
import type { Span } from './types';
import { letters } from './letters';

/** A path written somewhere in the document, with the span of the path itself. */
export interface PathRef extends Span {
  path: string;
}

/** An entry of the frontmatter `sources` list. */
export interface DeclaredSource extends PathRef {
  purpose: string | undefined;
}

/** An entry of the frontmatter `outline` mapping. */
export interface OutlineEntry {
  id: string;
  purpose: string | undefined;
  sources: PathRef[];
  /** The span of the entry's key (`setup-guide:`), where a "not written" finding goes. */
  key: Span;
}

/** An inline citation: `<!-- Source: /a -->` or `<!-- SECTION: Name  Sources: /a, /b  Why: … -->`. */
export interface Citation extends Span {
  kind: 'source' | 'section';
  /** The section name of a `SECTION` comment. */
  name?: string;
  why?: string;
  paths: PathRef[];
}

/** What the document plans. `outline` is undefined when there is no (non-empty) outline. */
export interface Plan {
  sources: DeclaredSource[];
  outline: OutlineEntry[] | undefined;
  citations: Citation[];
  /** Per outline entry, the index in `model.headings` of the heading that writes it. */
  matches: (number | undefined)[];
}

/** A run of characters that are no letter or digit: what separates the words of a title. */
const NOT_WORD = letters`[^\p{L}\p{N}]+`;

/** The words of a title or id: `Step 1: Setup guide` → `step 1 setup guide`, `setup-guide` → `setup guide`. */
export function titleWords(text: string): string {
  const normal = normalizeHeading(text);
  return normal
    .split(NOT_WORD.for(normal))
    .filter(Boolean)
    .join(' ');
}

/** A heading for an outline id: `setup-guide` → `Setup Guide`. */
export function titleOfId(id: string): string {
  return titleWords(id)
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function pathRef(fm: Frontmatter, node: unknown): PathRef | undefined {
  if (!isScalar(node)) return undefined;
  const path = str(node.value);
  return path ? { path, ...spanOf(fm, node) } : undefined;
}

function readSources(fm: Frontmatter): DeclaredSource[] {
  const node = nodeAt(fm, 'sources');
  const items: unknown[] = isSeq(node) ? node.items : node ? [node] : [];
  const out: DeclaredSource[] = [];
  for (const item of items) {
    const ref = isMap(item) ? pathRef(fm, item.get('path', true)) : pathRef(fm, item);
    if (ref) out.push({ ...ref, purpose: isMap(item) ? str(item.get('purpose')) : undefined });
  }
  return out;
}

function refsOf(fm: Frontmatter, node: unknown): PathRef[] {
  const items: unknown[] = isSeq(node) ? node.items : [node];
  return items.map((n) => pathRef(fm, n)).filter((r): r is PathRef => r !== undefined);
}

function entryOf(fm: Frontmatter, pair: Pair<unknown, unknown>): OutlineEntry | undefined {
  const id = isScalar(pair.key) ? str(String(pair.key.value ?? '')) : undefined;
  if (!id) return undefined;
  const key = spanOf(fm, pair.key as YamlNode);
  const value = pair.value;
  if (isMap(value)) return { id, key, purpose: str(value.get('purpose')), sources: refsOf(fm, value.get('sources', true)) };
  return { id, key, purpose: isScalar(value) ? str(value.value) : undefined, sources: [] };
}

function readOutline(fm: Frontmatter): OutlineEntry[] | undefined {
  const node = nodeAt(fm, 'outline');
  let entries: OutlineEntry[] = [];
  if (isMap(node)) {
    entries = node.items.map((pair) => entryOf(fm, pair)).filter((e): e is OutlineEntry => e !== undefined);
  } else if (isSeq(node)) {
    // A list of ids is read as a mapping of ids to nothing.
    for (const item of node.items) {
      const ref = pathRef(fm, item);
      if (ref) entries.push({ id: ref.path, key: { start: ref.start, end: ref.end }, purpose: undefined, sources: [] });
    }
  }
  const seen = new Set<string>();
  entries = entries.filter((e) => !seen.has(e.id) && seen.add(e.id));
  return entries.length ? entries : undefined;
}

const SECTION = /^SECTION\s*:([\s\S]*)$/i;
const SOURCE = /^Sources?\s*:([\s\S]*)$/i;
const KEYWORD = /\b(Sources?|Why)\s*:/gi;

/** The paths of a comma-separated list inside a comment, with their spans in the document. */
function pathsIn(text: string, from: number, to: number): PathRef[] {
  const out: PathRef[] = [];
  const re = /[^,\s][^,]*/g;
  const list = text.slice(from, to);
  for (let m = re.exec(list); m; m = re.exec(list)) {
    const path = m[0].trim();
    if (path) out.push({ path, start: from + m.index, end: from + m.index + path.length });
  }
  return out;
}

function citationOf(text: string, c: CommentFact): Citation | undefined {
  const open = text.indexOf(c.body, c.start);
  if (open < 0 || open > c.end) return undefined;
  const close = open + c.body.length;
  const source = SOURCE.exec(c.body);
  if (source) return { start: c.start, end: c.end, kind: 'source', paths: pathsIn(text, close - source[1].length, close) };
  const section = SECTION.exec(c.body);
  if (!section) return undefined;
  const restStart = close - section[1].length;
  const rest = section[1];
  const marks = [...rest.matchAll(KEYWORD)];
  const name = rest.slice(0, marks[0]?.index ?? rest.length).trim();
  const citation: Citation = { start: c.start, end: c.end, kind: 'section', paths: [], ...(name ? { name } : {}) };
  marks.forEach((m, i) => {
    const from = m.index + m[0].length;
    const to = marks[i + 1]?.index ?? rest.length;
    if (/^why/i.test(m[1])) citation.why = rest.slice(from, to).trim() || undefined;
    else citation.paths.push(...pathsIn(text, restStart + from, restStart + to));
  });
  return citation;
}

/**
 * The heading a comment belongs to: the last heading before it, except when the comment is
 * separated from the next heading by blank space only and does not itself sit right under the
 * previous one (a marker written above its heading).
 */
export function headingOfComment(model: DocModel, at: Span): number | undefined {
  const blank = (from: number, to: number) => model.text.slice(from, to).trim() === '';
  const next = model.headings.findIndex((h) => h.start >= at.end);
  const before = (next < 0 ? model.headings.length : next) - 1;
  const underPrevious = before >= 0 && blank(model.headings[before].end, at.start);
  if (next >= 0 && !underPrevious && blank(at.end, model.headings[next].start)) return next;
  return before >= 0 ? before : undefined;
}

/**
 * Matches outline entries to headings. First, a `SECTION` comment whose name has the entry's
 * words binds the entry to the comment's heading; then an entry matches the first unclaimed
 * heading (in document order) whose title has the same words as the id (`setup-guide` ↔
 * "Setup Guide", "2. Setup guide:", but not "Step 1: Setup guide" or "Common Use Cases" ↔
 * `use-cases`). Each entry takes at most one heading and each heading at most one entry.
 */
export function matchOutline(model: DocModel, entries: readonly OutlineEntry[], citations: readonly Citation[]): (number | undefined)[] {
  const matches: (number | undefined)[] = entries.map(() => undefined);
  const claimed = new Set<number>();
  const claim = (entry: number, heading: number | undefined) => {
    if (heading === undefined || claimed.has(heading) || matches[entry] !== undefined) return;
    matches[entry] = heading;
    claimed.add(heading);
  };
  const markers = citations.filter((c) => c.kind === 'section' && c.name).map((c) => ({ words: titleWords(c.name ?? ''), heading: headingOfComment(model, c) }));
  entries.forEach((e, i) => {
    const words = titleWords(e.id);
    for (const m of markers) if (m.words === words && m.heading !== undefined && !claimed.has(m.heading)) return claim(i, m.heading);
  });
  const headingWords = model.headings.map((h: HeadingFact) => titleWords(h.text));
  entries.forEach((e, i) => {
    if (matches[i] !== undefined) return;
    const words = titleWords(e.id);
    const found = headingWords.findIndex((w, h) => w === words && w !== '' && !claimed.has(h));
    claim(i, found >= 0 ? found : undefined);
  });
  return matches;
}

const cache = new WeakMap<DocModel, Plan>();

/** The plan of a model (cached per model; a model is never changed after it is built). */
export function readPlan(model: DocModel): Plan {
  const cached = cache.get(model);
  if (cached) return cached;
  const fm = model.frontmatter;
  const usable = fm?.data !== undefined && isIntegrationFrontmatter(fm) ? fm : undefined;
  const citations = model.comments.map((c) => citationOf(model.text, c)).filter((c): c is Citation => c !== undefined);
  const outline = usable ? readOutline(usable) : undefined;
  const plan: Plan = {
    sources: usable ? readSources(usable) : [],
    outline,
    citations,
    matches: outline ? matchOutline(model, outline, citations) : [],
  };
  cache.set(model, plan);
  return plan;
}
