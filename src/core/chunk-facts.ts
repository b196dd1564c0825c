/**
 * Facts of one chunk, choosing the cheapest path that gives the same answer: chunks that are
 * one fenced block, that hold nothing to report, or that use only plain block syntax skip the
 * parser (`fastpath.ts`); a bullet list is read item by item, each item on those paths or
 * parsed (`list-items.ts`); the others are parsed (`facts.ts`). The unit tests check on every
 * fixture, and on mutated ones, that the answer equals the parser's.
 */
import { appendFacts, emptyFacts, markdownFacts, parsedFacts, type ChunkFacts, type FactOptions } from './facts';
import { fastFacts, hasLoneCr, markdownFenceContent } from './fastpath';
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
  if (isFence) return fastFacts(text, true, options) ?? embeddedFacts(text, options);
  return fastFacts(text, false, options) ?? listItemFacts(text, options);
}

/**
 * Facts of a chunk that is one ```markdown fence (`fastFacts` leaves those here): the fields and
 * block tags of its content, whose chunks (`markdownFacts`) each take the cheapest path here, one
 * fence deeper. Undefined (the fence is parsed) when the content is not Markdown, has CRLF line
 * ends (the parser's code node reads those lines without their `\r`), or the chunk has a lone `\r`.
 */
function embeddedFacts(text: string, options: FactOptions): ChunkFacts | undefined {
  if (hasLoneCr(text)) return undefined;
  const span = markdownFenceContent(text);
  if (!span) return undefined;
  const facts = emptyFacts();
  if (span.end <= span.start) return facts;
  const content = text.slice(span.start, span.end);
  if (content.includes('\r')) return undefined;
  const depth = (options.embedDepth ?? 0) + 1;
  const inner: FactOptions = { ...options, embedDepth: depth };
  const read = markdownFacts(content, inner, depth, (chunk) => chunkFacts(chunk.text, chunk.fence !== undefined, inner));
  appendFacts(facts, { ...emptyFacts(), ...read }, (o) => o + span.start);
  return facts;
}
