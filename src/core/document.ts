/**
 * The document model every rule reads: frontmatter plus the facts of every chunk, moved to
 * document offsets. Building it re-parses only chunks whose text is not in the cache, so an
 * edit costs one chunk's parse plus a linear pass over the facts.
 */
import { splitChunks, lineStarts, lowerBound, type Chunk } from './chunks';
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

/** Builds the model of `text`. Pass the same `cache` across edits of one document. */
export function buildModel(text: string, options: FactOptions, cache: FactCache = new FactCache()): DocModel {
  const starts = lineStarts(text);
  const frontmatter = readFrontmatter(text, options.patterns);
  const bodyStart = frontmatter ? frontmatter.block.end : text.charCodeAt(0) === 0xfeff ? 1 : 0;
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
  for (const chunk of splitChunks(text, bodyStart, starts)) {
    const facts = cache.get(chunk, options);
    if (facts.fields.length) shift(facts.fields, chunk.start, model.fields);
    if (facts.tags.length) shift(facts.tags, chunk.start, model.tags);
    if (facts.headings.length) shift(facts.headings, chunk.start, model.headings);
    if (facts.comments.length) shift(facts.comments, chunk.start, model.comments);
    for (const t of facts.tasks) {
      model.tasks.push({ ...t, start: t.start + chunk.start, end: t.end + chunk.start, markerStart: t.markerStart + chunk.start, markerEnd: t.markerEnd + chunk.start });
    }
    for (const d of facts.definitions) model.definitions.add(d);
  }
  cache.sweep();
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
  const bodyStart = frontmatter ? frontmatter.block.end : 0;
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
