/**
 * The document model every rule reads: frontmatter plus the facts of every chunk, moved to
 * document offsets. Building it re-parses only chunks whose text is not in the cache, so an
 * edit costs one chunk's parse plus a linear pass over the facts.
 */
import { splitChunks, splitChunksUntil, lineStarts, lineIndexAt, lowerBound, type Chunk, type LineStarts } from './chunks';
import { parsedFacts, type ChunkFacts, type FieldFact, type TaskFact, type HeadingFact, type CommentFact, type FactOptions } from './facts';
import { chunkFacts, fastChunkFacts } from './chunk-facts';
import { CacheThrift } from './cache-thrift';
import { readFrontmatter, opensFrontmatter, type Frontmatter } from './frontmatter';
import { fieldFact, type TagHit } from './grammar';
import type { Message } from './messages';

/** A parsed document, in document offsets. */
export interface DocModel {
  text: string;
  lineStarts: LineStarts;
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
 * from the same template share their unfilled blocks). A cache shared by many documents can be
 * `thrifty`: it keeps only the parser's facts while the documents share too few blocks for
 * keeping all to pay (`cache-thrift.ts`).
 */
export class FactCache {
  private current = generation();
  private previous = generation();
  private builds = 0;
  private readonly thrift: CacheThrift | undefined;

  constructor(
    private readonly buildsPerGeneration = 1,
    thrifty = false,
  ) {
    this.thrift = thrifty ? new CacheThrift() : undefined;
  }

  /** Returns cached facts or computes them. */
  get(chunk: Chunk, options: FactOptions): ChunkFacts {
    const isFence = chunk.fence !== undefined;
    if (this.thrift?.lean) {
      // A lean cache holds only what the parser read: a block the fast paths read is not looked up.
      return fastChunkFacts(chunk.text, isFence, options) ?? this.found(chunk) ?? this.kept(chunk, parsedFacts(chunk.text, options));
    }
    const facts = this.found(chunk);
    this.thrift?.lookedUp(chunk.text.length, facts !== undefined);
    return facts ?? this.kept(chunk, chunkFacts(chunk.text, isFence, options));
  }

  /** The cached facts of `chunk` (now in the current generation), or undefined. */
  private found(chunk: Chunk): ChunkFacts | undefined {
    const kind = kindOf(chunk);
    const current = this.current[kind];
    const facts = current.get(chunk.text);
    if (facts) return facts;
    const previous = this.previous[kind].get(chunk.text);
    if (previous) current.set(chunk.text, previous);
    return previous;
  }

  /** Keeps `facts` as `chunk`'s, in the current generation. */
  private kept(chunk: Chunk, facts: ChunkFacts): ChunkFacts {
    this.current[kindOf(chunk)].set(chunk.text, facts);
    return facts;
  }

  /** Whether the facts of `chunk` are cached. */
  has(chunk: Chunk): boolean {
    const kind = kindOf(chunk);
    return this.current[kind].has(chunk.text) || this.previous[kind].has(chunk.text);
  }

  /** Ends a build: entries not used in this generation are dropped at the end of the next one. */
  sweep(): void {
    this.thrift?.endBuild();
    if (++this.builds < this.buildsPerGeneration) return;
    this.builds = 0;
    this.previous = this.current;
    this.current = generation();
  }

  get size(): number {
    return this.current.prose.size + this.current.fence.size + this.previous.prose.size + this.previous.fence.size;
  }
}

/** One generation of the fact cache: chunk texts to facts, fenced blocks apart (the same text reads differently as one). */
interface Generation {
  prose: Map<string, ChunkFacts>;
  fence: Map<string, ChunkFacts>;
}

/** Which of a generation's maps holds `chunk`'s facts. */
function kindOf(chunk: Chunk): keyof Generation {
  return chunk.fence ? 'fence' : 'prose';
}

function generation(): Generation {
  return { prose: new Map(), fence: new Map() };
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
function bodyChunks(text: string, bodyStart: number, starts: LineStarts, options: FactOptions): Chunk[] {
  if (!options.mdx) return splitChunks(text, bodyStart, starts);
  if (bodyStart >= text.length) return [];
  const line = lineIndexAt(starts, bodyStart);
  return [{ start: bodyStart, end: text.length, line, text: text.slice(bodyStart) }];
}

/** Builds the model of `text`. Pass the same `cache` across edits of one document. */
export function buildModel(text: string, options: FactOptions, cache: FactCache = new FactCache()): DocModel {
  return buildIncremental(text, options, cache, undefined).model;
}

/** What one build leaves for the next: the text, its line starts and its chunks with facts. */
export interface BuildState {
  text: string;
  starts: LineStarts;
  bodyStart: number;
  entries: { chunk: Chunk; facts: ChunkFacts }[];
  /** The model built (the next build reuses its facts before and after the edit). */
  model: DocModel;
}

/**
 * Length of the common prefix of two strings. A binary search comparing slices with `===`,
 * which compares whole runs natively (memcmp): a 1 MB document costs a few block compares, not
 * a loop over every character. (`startsWith` compared character by character on two-byte
 * strings: 0.4-0.8 ms per call on a 1 MB document against 0.05-0.07 ms.)
 */
export function commonPrefix(a: string, b: string): number {
  let lo = 0; // a[0, lo) equals b[0, lo)
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
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
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where two texts differ: `text[p, text.length - q)` replaced `prev[p, prev.length - q)`. */
export interface ChangedSpan {
  p: number;
  q: number;
}

let lastSpan: { prev: string; text: string; span: ChangedSpan } | undefined;

/**
 * The common prefix and suffix of two texts. The last answer is kept: the editor asks for the
 * same pair twice (whether to parse in slices, then the build).
 */
export function changedSpan(prev: string, text: string): ChangedSpan {
  if (lastSpan && lastSpan.prev === prev && lastSpan.text === text) return lastSpan.span;
  const p = commonPrefix(prev, text);
  const span = { p, q: commonSuffix(prev, text, p) };
  lastSpan = { prev, text, span };
  return span;
}

/**
 * Line starts of `text` given those of `prev`, which differs from it only in
 * `prev[p, oldEnd)` → `text[p, newEnd)`: unchanged starts are reused, shifted past the edit.
 */
function updateStarts(prev: BuildState, text: string, p: number, oldEnd: number, newEnd: number): LineStarts {
  const delta = newEnd - oldEnd;
  const old = prev.starts;
  const keep = lowerBound(old, p + 1); // starts <= p are unchanged
  const tail = lowerBound(old, oldEnd + 1); // starts > oldEnd move by delta
  const added: number[] = [];
  let last = old[keep - 1];
  for (let i = text.indexOf('\n', last); i !== -1 && i < newEnd; i = text.indexOf('\n', i + 1)) {
    if (i + 1 > last) added.push((last = i + 1));
  }
  // Block moves of the unchanged starts around the new ones, then a shift in place.
  const starts = new Int32Array(old.length - (tail - keep) + added.length);
  starts.set(old.subarray(0, keep));
  starts.set(added, keep);
  starts.set(old.subarray(tail), keep + added.length);
  if (delta !== 0) for (let j = keep + added.length; j < starts.length; j++) starts[j] += delta;
  return starts;
}

/** Index of the entry whose chunk starts at `start`, searching from index `from`; -1 when none does. */
function entryStartingAt(entries: BuildState['entries'], start: number, from: number): number {
  let lo = from;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid].chunk.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < entries.length && entries[lo].chunk.start === start ? lo : -1;
}

/** The chunks of an incremental build: the old ones kept as they are, those split again, those moved. */
interface Reuse {
  entries: BuildState['entries'];
  /** `entries[0, kept)` are the previous build's, unchanged. */
  kept: number;
  /** `entries[movedAt..]` are the previous build's from `movedFrom` on, moved by the edit. */
  movedAt: number;
  movedFrom: number;
}

/**
 * Chunks of `text` with their facts, reusing `prev`'s where the text did not change: only the
 * chunks around the edited span are split again and looked up in (or added to) the cache.
 */
function incrementalEntries(prev: BuildState, text: string, starts: LineStarts, options: FactOptions, cache: FactCache, p: number, oldEnd: number): Reuse | undefined {
  const delta = text.length - prev.text.length;
  const old = prev.entries;
  // The first chunk that does not end before the edit (chunks are in order).
  let a = 0;
  let hi = old.length;
  while (a < hi) {
    const mid = (a + hi) >>> 1;
    if (old[mid].chunk.end < p) a = mid + 1;
    else hi = mid;
  }
  if (a >= old.length) return undefined;
  // The boundary before chunk `a` may exist only because of its first line (a column-1 fence,
  // a line after a blank one), which the edit may have changed: split again from the chunk
  // before, whose start depends on nothing the edit touched. Its facts come from the cache.
  if (a > 0) a--;
  // Stop at a boundary the old split had too, once the line before it is past the edit.
  const stop = (offset: number) => {
    const k = offset - delta > oldEnd ? entryStartingAt(old, offset - delta, a + 1) : -1;
    if (k === -1) return false;
    const prevLineStart = prev.starts[lowerBound(prev.starts, offset - delta) - 1] ?? 0;
    return prevLineStart >= oldEnd;
  };
  const { chunks, stoppedAt } = splitChunksUntil(text, old[a].chunk.start, starts, stop);
  const entries = old.slice(0, a);
  for (const chunk of chunks) entries.push({ chunk, facts: cache.get(chunk, options) });
  const movedAt = entries.length;
  let movedFrom = old.length;
  if (stoppedAt !== undefined) {
    movedFrom = entryStartingAt(old, stoppedAt - delta, a + 1);
    const lineDelta = lowerBound(starts, stoppedAt) - old[movedFrom].chunk.line;
    for (let j = movedFrom; j < old.length; j++) {
      const c = old[j].chunk;
      // A literal of one shape, not a spread: this runs for every chunk after each edit.
      const chunk: Chunk = { start: c.start + delta, end: c.end + delta, line: c.line + lineDelta, text: c.text };
      if (c.fence) chunk.fence = c.fence;
      entries.push({ chunk, facts: old[j].facts });
    }
  }
  return { entries, kept: a, movedAt, movedFrom };
}

/**
 * The frontmatter of `text` as `prev` read it, when the edit left it alone: a closed block that
 * ends with its line break, edited after it (what it is depends on nothing past its end).
 * A document whose first line opens no frontmatter keeps none while that line stays as it was.
 */
function keptFrontmatter(prev: BuildState, p: number): { frontmatter: Frontmatter | undefined } | undefined {
  const fm = prev.model.frontmatter;
  if (!fm) {
    const firstBreak = prev.text.indexOf('\n');
    return firstBreak !== -1 && p > firstBreak && !opensFrontmatter(prev.text) ? { frontmatter: undefined } : undefined;
  }
  return !fm.unterminated && p >= fm.block.end && prev.text.charCodeAt(fm.block.end - 1) === 10 ? { frontmatter: fm } : undefined;
}

/**
 * Builds the model of `text`, reusing what `prev` (the previous build of the same document)
 * already knows: an edit costs a scan for the changed span, the parse of the chunks it
 * touched, and a pass over the facts after it.
 */
export function buildIncremental(
  text: string,
  options: FactOptions,
  cache: FactCache,
  prev: BuildState | undefined,
  split?: Split,
): { model: DocModel; state: BuildState } {
  if (split?.text !== text) split = undefined;
  if (split?.built) {
    cache.sweep();
    const { entries, model } = split.built;
    return { model, state: { text, starts: split.starts, bodyStart: split.bodyStart, entries, model } };
  }
  const span = prev && !split && !options.mdx ? changedSpan(prev.text, text) : undefined;
  if (prev && span && span.p === prev.text.length && span.p === text.length) return { model: prev.model, state: prev };
  const kept = prev && span ? keptFrontmatter(prev, span.p) : undefined;
  const frontmatter = split ? split.frontmatter : kept ? kept.frontmatter : readFrontmatter(text, options.patterns, true);
  const bodyStart = bodyStartOf(text, frontmatter);
  if (prev && span && prev.bodyStart === bodyStart && prev.entries.length > 0 && span.p >= bodyStart) {
    const oldEnd = prev.text.length - span.q;
    const starts = updateStarts(prev, text, span.p, oldEnd, text.length - span.q);
    const reuse = incrementalEntries(prev, text, starts, options, cache, span.p, oldEnd);
    if (reuse) {
      cache.sweep();
      const model = reassemble(text, starts, frontmatter, prev, reuse);
      return { model, state: { text, starts, bodyStart, entries: reuse.entries, model } };
    }
  }
  const starts = split ? split.starts : lineStarts(text);
  const entries = (split ? split.chunks : bodyChunks(text, bodyStart, starts, options)).map((chunk) => ({ chunk, facts: cache.get(chunk, options) }));
  cache.sweep();
  const model = emptyModel(text, starts, frontmatter);
  addEntries(model, entries, 0, entries.length);
  return { model, state: { text, starts, bodyStart, entries, model } };
}

function emptyModel(text: string, starts: LineStarts, frontmatter: Frontmatter | undefined): DocModel {
  return {
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
}

/** Adds the facts of `entries[from, to)`, moved to document offsets, to `model`. */
function addEntries(model: DocModel, entries: BuildState['entries'], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const { chunk, facts } = entries[i];
    // Every field is copied, also at offset 0: the model's fields all have one shape (`moveField`).
    for (let j = 0; j < facts.fields.length; j++) model.fields.push(moveField(facts.fields[j], chunk.start));
    if (facts.tags.length) moved(facts.tags, 0, chunk.start, model.tags, moveTag);
    if (facts.headings.length) moved(facts.headings, 0, chunk.start, model.headings, moveHeading);
    if (facts.comments.length) moved(facts.comments, 0, chunk.start, model.comments, moveComment);
    if (facts.tasks.length) moved(facts.tasks, 0, chunk.start, model.tasks, moveTask);
    for (let j = 0; j < facts.definitions.length; j++) model.definitions.add(facts.definitions[j]);
    if (facts.degraded) model.degraded.push({ start: chunk.start, end: chunk.end, reason: facts.degraded });
  }
}

/** A copy of a fact moved by `by`. */
type Mover<T> = (item: T, by: number) => T;

/**
 * A field moved to document offsets, in the one shape of a field (`fieldFact`): the rules that
 * read each of the model's fields on every lint (thousands in a large template) and the next
 * edit's move do not go through V8's lookup for objects of many shapes.
 */
const moveField: Mover<FieldFact> = (f, by) => fieldFact(f, f.where, f.start + by, f.end + by);

/**
 * Facts of a fixed shape are moved as literals of that shape: after an edit every fact below it
 * is moved, and spreading them was about half of re-linting a 1 MB document.
 */
const moveHeading: Mover<HeadingFact> = (h, by) => ({ start: h.start + by, end: h.end + by, depth: h.depth, text: h.text });
const moveComment: Mover<CommentFact> = (c, by) => ({ start: c.start + by, end: c.end + by, body: c.body });
const moveTag: Mover<TagHit> = (t, by) => ({ start: t.start + by, end: t.end + by, kind: t.kind, helper: t.helper, name: t.name });
const moveDegraded: Mover<DegradedBlock> = (d, by) => ({ start: d.start + by, end: d.end + by, reason: d.reason });
const moveTask: Mover<TaskFact> = (t, by) => ({ start: t.start + by, end: t.end + by, checked: t.checked, markerStart: t.markerStart + by, markerEnd: t.markerEnd + by, label: t.label });

/** `items[from..]` moved by `by` (the same objects when `by` is 0: models never change their facts). */
function moved<T extends { start: number; end: number }>(items: readonly T[], from: number, by: number, into: T[], move: Mover<T>): void {
  if (by === 0) for (let i = from; i < items.length; i++) into.push(items[i]);
  else for (let i = from; i < items.length; i++) into.push(move(items[i], by));
}

/** How many facts of each kind `entries[0, to)` put into a model. */
function countFacts(entries: BuildState['entries'], to: number): { fields: number; tags: number; headings: number; comments: number; tasks: number; degraded: number } {
  const n = { fields: 0, tags: 0, headings: 0, comments: 0, tasks: 0, degraded: 0 };
  for (let i = 0; i < to; i++) {
    const f = entries[i].facts;
    n.fields += f.fields.length;
    n.tags += f.tags.length;
    n.headings += f.headings.length;
    n.comments += f.comments.length;
    n.tasks += f.tasks.length;
    if (f.degraded) n.degraded++;
  }
  return n;
}

/**
 * The model after an edit, from the previous one: the facts of the chunks before the edit are
 * its own objects, those of the chunks split again are moved from the cache, and those after
 * are its own moved by the edit's length.
 */
function reassemble(text: string, starts: LineStarts, frontmatter: Frontmatter | undefined, prev: BuildState, reuse: Reuse): DocModel {
  const model = emptyModel(text, starts, frontmatter);
  const old = prev.model;
  const head = countFacts(prev.entries, reuse.kept);
  model.fields = old.fields.slice(0, head.fields);
  model.tags = old.tags.slice(0, head.tags);
  model.headings = old.headings.slice(0, head.headings);
  model.comments = old.comments.slice(0, head.comments);
  model.tasks = old.tasks.slice(0, head.tasks);
  model.degraded = old.degraded.slice(0, head.degraded);
  addEntries(model, reuse.entries, reuse.kept, reuse.movedAt);
  if (reuse.movedFrom < prev.entries.length) {
    const by = text.length - prev.text.length;
    const tail = countFacts(prev.entries, reuse.movedFrom);
    moved(old.fields, tail.fields, by, model.fields, moveField);
    moved(old.tags, tail.tags, by, model.tags, moveTag);
    moved(old.headings, tail.headings, by, model.headings, moveHeading);
    moved(old.comments, tail.comments, by, model.comments, moveComment);
    moved(old.degraded, tail.degraded, by, model.degraded, moveDegraded);
    moved(old.tasks, tail.tasks, by, model.tasks, moveTask);
  }
  // Indexed loops: this runs over every chunk of the document after each edit.
  const entries = reuse.entries;
  for (let i = 0; i < entries.length; i++) {
    const definitions = entries[i].facts.definitions;
    for (let j = 0; j < definitions.length; j++) model.definitions.add(definitions[j]);
  }
  return model;
}

/** What splitting a text gives: its frontmatter, line starts and body chunks. */
export interface Split {
  text: string;
  frontmatter: Frontmatter | undefined;
  bodyStart: number;
  starts: LineStarts;
  chunks: Chunk[];
  /** The chunks with their facts and the model they make, once all are assembled. */
  built?: { entries: BuildState['entries']; model: DocModel };
}

/**
 * The first parse of one text spread over several calls, so that a large document never blocks
 * its caller for long: the text is split once (resuming at block boundaries when time runs
 * out), its uncached chunks are parsed a budget at a time, then their facts are assembled into
 * the model a budget at a time; the build that follows takes that model as it is.
 */
export class FirstParse {
  private split: Split | undefined;
  private splitFrom: number | undefined;
  private next = 0;
  private assembling: { entries: BuildState['entries']; model: DocModel } | undefined;

  constructor(
    readonly text: string,
    private readonly options: FactOptions,
    private readonly cache: FactCache,
  ) {}

  /** Works until `overdue()` (after the block that passes it); true when the model is built (then `done()` has the split with it). */
  step(overdue: () => boolean): boolean {
    if (!this.split) {
      const frontmatter = readFrontmatter(this.text, this.options.patterns, true);
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
      if (overdue()) return false;
    }
    return this.assemble(split, overdue);
  }

  /** Adds the facts of the parsed chunks to the model until time runs out; true when all are in. */
  private assemble(split: Split, overdue: () => boolean): boolean {
    if (split.built) return true;
    this.assembling ??= { entries: [], model: emptyModel(this.text, split.starts, split.frontmatter) };
    const { entries, model } = this.assembling;
    while (entries.length < split.chunks.length) {
      const chunk = split.chunks[entries.length];
      entries.push({ chunk, facts: this.cache.get(chunk, this.options) });
      addEntries(model, entries, entries.length - 1, entries.length);
      if (overdue() && entries.length < split.chunks.length) return false;
    }
    split.built = this.assembling;
    return true;
  }

  /** The complete split (with its model) once `step` returned true, else undefined. */
  done(): Split | undefined {
    return this.split?.built ? this.split : undefined;
  }
}

/** 1-based line and column of an offset. */
export function positionAt(model: Pick<DocModel, 'lineStarts'>, offset: number): { line: number; column: number } {
  const line = lineIndexAt(model.lineStarts, offset);
  return { line: line + 1, column: offset - model.lineStarts[line] + 1 };
}
