/**
 * The document model every rule reads: frontmatter plus the facts of every chunk, moved to
 * document offsets. Building it re-parses only chunks whose text is not in the cache, so an
 * edit costs one chunk's parse plus a linear pass over the facts.
 */
import { splitChunks, splitChunksUntil, lineStarts, lowerBound, type Chunk } from './chunks';
import { type ChunkFacts, type FieldFact, type TaskFact, type HeadingFact, type CommentFact, type FactOptions } from './facts';
import { chunkFacts } from './chunk-facts';
import { readFrontmatter, type Frontmatter } from './frontmatter';
import type { TagHit } from './grammar';
import type { Message } from './messages';

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
  /** Blocks read without the Markdown parser (too deep or too large for it), with why. */
  degraded: DegradedBlock[];
}

/** A block of the document read without the Markdown parser. */
export interface DegradedBlock {
  start: number;
  end: number;
  /** Why, as a catalogue message (`limits.ts`). */
  reason: Message;
}

/**
 * A cache of chunk facts keyed by chunk text (and fence-ness). Entries live for two
 * generations; a generation is one build (an editor's document: what the last edit did not
 * touch stays) or several (`buildsPerGeneration`: a run over many documents, where docs made
 * from the same template share their unfilled blocks).
 */
export class FactCache {
  private current = new Map<string, ChunkFacts>();
  private previous = new Map<string, ChunkFacts>();
  private builds = 0;

  constructor(private readonly buildsPerGeneration = 1) {}

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

  /** Ends a build: entries not used in this generation are dropped at the end of the next one. */
  sweep(): void {
    if (++this.builds < this.buildsPerGeneration) return;
    this.builds = 0;
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

/**
 * The chunks of the body. An MDX body is one chunk: a JSX element may span blank lines, and a
 * piece of it is not valid MDX on its own.
 */
function bodyChunks(text: string, bodyStart: number, starts: number[], options: FactOptions): Chunk[] {
  if (!options.mdx) return splitChunks(text, bodyStart, starts);
  if (bodyStart >= text.length) return [];
  const line = Math.max(0, lowerBound(starts, bodyStart + 1) - 1);
  return [{ start: bodyStart, end: text.length, line, text: text.slice(bodyStart) }];
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

/**
 * Length of the common prefix of two strings. A binary search over `startsWith`, which
 * compares whole runs natively: a 1 MB document costs a few block compares, not a loop over
 * every character.
 */
export function commonPrefix(a: string, b: string): number {
  let lo = 0; // a[0, lo) equals b[0, lo)
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (a.startsWith(b.slice(lo, mid), lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Length of the common suffix of two strings, not reaching into the first `prefix` characters. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  let lo = 0; // the last `lo` characters are equal
  let hi = Math.min(a.length, b.length) - prefix;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (a.startsWith(b.slice(b.length - mid, b.length - lo), a.length - mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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
export function buildIncremental(
  text: string,
  options: FactOptions,
  cache: FactCache,
  prev: BuildState | undefined,
  split?: Split,
): { model: DocModel; state: BuildState } {
  if (split?.text !== text) split = undefined;
  const frontmatter = split ? split.frontmatter : readFrontmatter(text, options.patterns);
  const bodyStart = bodyStartOf(text, frontmatter);
  let starts: number[] | undefined;
  let entries: BuildState['entries'] | undefined;
  if (prev && prev.bodyStart === bodyStart && prev.entries.length > 0) {
    const p = commonPrefix(prev.text, text);
    if (p === prev.text.length && p === text.length) {
      starts = prev.starts;
      entries = prev.entries;
    } else if (p >= bodyStart && !options.mdx) {
      const q = commonSuffix(prev.text, text, p);
      starts = updateStarts(prev, text, p, prev.text.length - q, text.length - q);
      entries = incrementalEntries(prev, text, starts, options, cache, p, prev.text.length - q);
    }
  }
  if (!starts || !entries) {
    starts = split ? split.starts : lineStarts(text);
    entries = (split ? split.chunks : bodyChunks(text, bodyStart, starts, options)).map((chunk) => ({ chunk, facts: cache.get(chunk, options) }));
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
    degraded: [],
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
    if (facts.degraded) model.degraded.push({ start: chunk.start, end: chunk.end, reason: facts.degraded });
  }
  return model;
}

/** What splitting a text gives: its frontmatter, line starts and body chunks. */
export interface Split {
  text: string;
  frontmatter: Frontmatter | undefined;
  bodyStart: number;
  starts: number[];
  chunks: Chunk[];
}

/**
 * The first parse of one text spread over several calls, so that a large document never blocks
 * its caller for long: the text is split once (resuming at block boundaries when time runs
 * out), its uncached chunks are parsed a budget at a time, and the build that follows reuses
 * the split instead of splitting again.
 */
export class FirstParse {
  private split: Split | undefined;
  private splitFrom: number | undefined;
  private next = 0;

  constructor(
    readonly text: string,
    private readonly options: FactOptions,
    private readonly cache: FactCache,
  ) {}

  /** Works until `budgetMs` has passed; true when every chunk is cached (then `done()` has the split). */
  step(budgetMs: number): boolean {
    const deadline = Date.now() + budgetMs;
    const overdue = () => Date.now() > deadline;
    if (!this.split) {
      const frontmatter = readFrontmatter(this.text, this.options.patterns);
      const bodyStart = bodyStartOf(this.text, frontmatter);
      const starts = lineStarts(this.text);
      // An MDX body is one chunk (bodyChunks); Markdown is split a budget at a time.
      this.split = { text: this.text, frontmatter, bodyStart, starts, chunks: this.options.mdx ? bodyChunks(this.text, bodyStart, starts, this.options) : [] };
      this.splitFrom = this.options.mdx ? undefined : bodyStart;
    }
    const split = this.split;
    while (this.splitFrom !== undefined) {
      const { chunks, stoppedAt } = splitChunksUntil(this.text, this.splitFrom, split.starts, overdue);
      for (const chunk of chunks) split.chunks.push(chunk);
      this.splitFrom = stoppedAt;
      if (stoppedAt !== undefined) return false;
    }
    while (this.next < split.chunks.length) {
      const chunk = split.chunks[this.next++];
      if (this.cache.has(chunk)) continue;
      this.cache.get(chunk, this.options);
      if (overdue()) return this.next >= split.chunks.length;
    }
    return true;
  }

  /** The complete split once `step` returned true, else undefined. */
  done(): Split | undefined {
    return this.splitFrom === undefined && this.split && this.next >= this.split.chunks.length ? this.split : undefined;
  }
}

/** 1-based line and column of an offset. */
export function positionAt(model: Pick<DocModel, 'lineStarts'>, offset: number): { line: number; column: number } {
  const index = lowerBound(model.lineStarts, offset + 1) - 1;
  const line = Math.max(0, index);
  return { line: line + 1, column: offset - model.lineStarts[line] + 1 };
}
