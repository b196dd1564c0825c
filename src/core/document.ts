/**
 * The document model every rule reads: frontmatter plus the facts of every chunk, moved to
 * document offsets. Building it re-parses only chunks whose text is not in the cache, so an
 * edit costs one chunk's parse plus a linear pass over the facts.
 */
import { splitChunks, splitChunksUntil, lineStarts, lowerBound, type Chunk } from './chunks';
import { chunkFacts, type ChunkFacts, type FieldFact, type TaskFact, type HeadingFact, type CommentFact, type FactOptions } from './facts';
import { readFrontmatter, type Frontmatter } from './frontmatter';
import type { TagHit } from './grammar';

/** A parsed document, in document offsets. */
export interface DocModel {
  text: string;
  lineStarts: number[];
  frontmatter: Frontmatter | undefined;
  /** The frontmatter's `status` when it is a string. */
  status: string | undefined;
  fields: FieldFact[];
  tags: TagHit[];
  tasks: TaskFact[];
  headings: HeadingFact[];
  definitions: Set<string>;
  comments: CommentFact[];
}

/** A cache of chunk facts keyed by chunk text (and fence-ness). */
export class FactCache {
  private current = new Map<string, ChunkFacts>();
  private previous = new Map<string, ChunkFacts>();

  /** Returns cached facts or computes them. */
  get(chunk: Chunk, options: FactOptions): ChunkFacts {
    const key = chunk.fence ? `\u0000${chunk.text}` : chunk.text;
    let facts = this.current.get(key) ?? this.previous.get(key);
    if (!facts) facts = chunkFacts(chunk.text, chunk.fence !== undefined, options);
    this.current.set(key, facts);
    return facts;
  }

  /** Whether the facts of `chunk` are cached. */
  has(chunk: Chunk): boolean {
    const key = chunk.fence ? `\u0000${chunk.text}` : chunk.text;
    return this.current.has(key) || this.previous.has(key);
  }

  /** Ends a build: entries not used by it are dropped at the end of the next one. */
  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}

function shift<T extends { start: number; end: number }>(items: readonly T[], by: number, into: T[]): void {
  for (const it of items) into.push({ ...it, start: it.start + by, end: it.end + by });
}

/**
 * Where the Markdown body starts: after the frontmatter block (closed, or the guessed end of an
 * unclosed one), else after a byte-order mark, else at 0.
 */
export function bodyStartOf(text: string, frontmatter: Frontmatter | undefined): number {
  if (frontmatter) return frontmatter.block.end;
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** Builds the model of `text`. Pass the same `cache` across edits of one document. */
export function buildModel(text: string, options: FactOptions, cache: FactCache = new FactCache()): DocModel {
  return buildIncremental(text, options, cache, undefined).model;
}

/** What one build leaves for the next: the text, its line starts and its chunks with facts. */
export interface BuildState {
  text: string;
  starts: number[];
  bodyStart: number;
  entries: { chunk: Chunk; facts: ChunkFacts }[];
}

/** Length of the common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of two strings, not reaching into the first `prefix` characters. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * Line starts of `text` given those of `prev`, which differs from it only in
 * `prev[p, oldEnd)` → `text[p, newEnd)`: unchanged starts are reused, shifted past the edit.
 */
function updateStarts(prev: BuildState, text: string, p: number, oldEnd: number, newEnd: number): number[] {
  const delta = newEnd - oldEnd;
  const keep = lowerBound(prev.starts, p + 1); // starts <= p are unchanged
  const starts = prev.starts.slice(0, keep);
  for (let i = text.indexOf('\n', starts[starts.length - 1]); i !== -1 && i < newEnd; i = text.indexOf('\n', i + 1)) {
    if (i + 1 > starts[starts.length - 1]) starts.push(i + 1);
  }
  for (let k = lowerBound(prev.starts, oldEnd + 1); k < prev.starts.length; k++) starts.push(prev.starts[k] + delta);
  return starts;
}

/**
 * Chunks of `text` with their facts, reusing `prev`'s where the text did not change: only the
 * chunks around the edited span are split again and looked up in (or added to) the cache.
 */
function incrementalEntries(prev: BuildState, text: string, starts: number[], options: FactOptions, cache: FactCache, p: number, oldEnd: number): BuildState['entries'] | undefined {
  const delta = text.length - prev.text.length;
  const old = prev.entries;
  let a = 0;
  while (a < old.length && old[a].chunk.end < p) a++;
  if (a >= old.length) return undefined;
  // The boundary before chunk `a` may exist only because of its first line (a column-1 fence,
  // a line after a blank one), which the edit may have changed: split again from the chunk
  // before, whose start depends on nothing the edit touched. Its facts come from the cache.
  if (a > 0) a--;
  const oldStartIndex = new Map<number, number>();
  for (let k = a + 1; k < old.length; k++) if (old[k].chunk.start > oldEnd) oldStartIndex.set(old[k].chunk.start, k);
  // Stop at a boundary the old split had too, once the line before it is past the edit.
  const stop = (offset: number) => {
    const k = oldStartIndex.get(offset - delta);
    if (k === undefined) return false;
    const prevLineStart = prev.starts[lowerBound(prev.starts, offset - delta) - 1] ?? 0;
    return prevLineStart >= oldEnd;
  };
  const { chunks, stoppedAt } = splitChunksUntil(text, old[a].chunk.start, starts, stop);
  const entries = old.slice(0, a);
  for (const chunk of chunks) entries.push({ chunk, facts: cache.get(chunk, options) });
  if (stoppedAt !== undefined) {
    const k = oldStartIndex.get(stoppedAt - delta) as number;
    const lineDelta = lowerBound(starts, stoppedAt) - old[k].chunk.line;
    for (let j = k; j < old.length; j++) {
      const c = old[j].chunk;
      entries.push({ chunk: { ...c, start: c.start + delta, end: c.end + delta, line: c.line + lineDelta }, facts: old[j].facts });
    }
  }
  return entries;
}

/**
 * Builds the model of `text`, reusing what `prev` (the previous build of the same document)
 * already knows: an edit costs a scan for the changed span, the parse of the chunks it
 * touched, and a linear pass over the facts.
 */
export function buildIncremental(text: string, options: FactOptions, cache: FactCache, prev: BuildState | undefined): { model: DocModel; state: BuildState } {
  const frontmatter = readFrontmatter(text, options.patterns);
  const bodyStart = bodyStartOf(text, frontmatter);
  let starts: number[] | undefined;
  let entries: BuildState['entries'] | undefined;
  if (prev && prev.bodyStart === bodyStart && prev.entries.length > 0) {
    const p = commonPrefix(prev.text, text);
    if (p === prev.text.length && p === text.length) {
      starts = prev.starts;
      entries = prev.entries;
    } else if (p >= bodyStart) {
      const q = commonSuffix(prev.text, text, p);
      starts = updateStarts(prev, text, p, prev.text.length - q, text.length - q);
      entries = incrementalEntries(prev, text, starts, options, cache, p, prev.text.length - q);
    }
  }
  if (!starts || !entries) {
    starts = lineStarts(text);
    entries = splitChunks(text, bodyStart, starts).map((chunk) => ({ chunk, facts: cache.get(chunk, options) }));
  }
  cache.sweep();
  return { model: assemble(text, starts, frontmatter, entries), state: { text, starts, bodyStart, entries } };
}

function assemble(text: string, starts: number[], frontmatter: Frontmatter | undefined, entries: BuildState['entries']): DocModel {
  const model: DocModel = {
    text,
    lineStarts: starts,
    frontmatter,
    status: typeof frontmatter?.data?.status === 'string' ? frontmatter.data.status : undefined,
    fields: [],
    tags: [],
    tasks: [],
    headings: [],
    definitions: new Set(),
    comments: [],
  };
  for (const { chunk, facts } of entries) {
    if (facts.fields.length) shift(facts.fields, chunk.start, model.fields);
    if (facts.tags.length) shift(facts.tags, chunk.start, model.tags);
    if (facts.headings.length) shift(facts.headings, chunk.start, model.headings);
    if (facts.comments.length) shift(facts.comments, chunk.start, model.comments);
    for (const t of facts.tasks) {
      model.tasks.push({ ...t, start: t.start + chunk.start, end: t.end + chunk.start, markerStart: t.markerStart + chunk.start, markerEnd: t.markerEnd + chunk.start });
    }
    for (const d of facts.definitions) model.definitions.add(d);
  }
  return model;
}

/**
 * Parses uncached chunks of `text` into `cache` until `budgetMs` has passed. Returns true when
 * every chunk is cached, so a following `buildModel` costs no parse. Lets a caller spread the
 * first parse of a large document over several turns of the event loop.
 */
export function warmCache(text: string, options: FactOptions, cache: FactCache, budgetMs: number): boolean {
  const deadline = Date.now() + budgetMs;
  const starts = lineStarts(text);
  const frontmatter = readFrontmatter(text, options.patterns);
  const bodyStart = bodyStartOf(text, frontmatter);
  for (const chunk of splitChunks(text, bodyStart, starts)) {
    if (cache.has(chunk)) continue;
    cache.get(chunk, options);
    if (Date.now() > deadline) return false;
  }
  return true;
}

/** 1-based line and column of an offset. */
export function positionAt(model: Pick<DocModel, 'lineStarts'>, offset: number): { line: number; column: number } {
  const index = lowerBound(model.lineStarts, offset + 1) - 1;
  const line = Math.max(0, index);
  return { line: line + 1, column: offset - model.lineStarts[line] + 1 };
}
