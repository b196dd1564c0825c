/**
 * Facts of one chunk, choosing the cheapest path that gives the same answer: chunks that are
 * one fenced block, that hold nothing to report, or that use only plain block syntax skip the
 * parser (`fastpath.ts`); a bullet list is read item by item, each item on those paths or
 * parsed (`list-items.ts`); the others are parsed (`facts.ts`). The unit tests check on every
 * fixture, and on mutated ones, that the answer equals the parser's.
 */
import { parsedFacts, type ChunkFacts, type FactOptions } from './facts';
import { fastFacts } from './fastpath';
import { listItemFacts } from './list-items';
import { mayHoldTemplatedDefinition } from './grammar';

/** Facts of one chunk (`isFence`: the chunk is exactly one fenced code block). */
export function chunkFacts(text: string, isFence: boolean, options: FactOptions): ChunkFacts {
  return fastChunkFacts(text, isFence, options) ?? parsedFacts(text, options);
}

/** Facts of one chunk when a path without the Markdown parser gives them, else undefined. */
export function fastChunkFacts(text: string, isFence: boolean, options: FactOptions): ChunkFacts | undefined {
  // MDX never takes the fast paths: they know no JSX.
  if (options.alwaysParse || options.mdx || (!isFence && mayHoldTemplatedDefinition(text))) return undefined;
  return fastFacts(text, isFence, options) ?? (isFence ? undefined : listItemFacts(text, options));
}
