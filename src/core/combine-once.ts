/**
 * micromark combines its syntax extensions (CommonMark's constructs plus GFM's) again on every
 * parse, which costs about a quarter of parsing a small block — and the engine parses many small
 * blocks with the same few extension sets. The build routes micromark's own call here
 * (`src/build/esbuild.mjs`), so each set is combined once. The tokenizer only reads the combined
 * object, so every parse can share it.
 */
import { combineExtensions as combine, combineHtmlExtensions } from 'micromark-util-combine-extensions';

type Extension = Parameters<typeof combine>[0][number];
type Combined = ReturnType<typeof combine>;

const memo: { parts: readonly Extension[]; combined: Combined }[] = [];
/**
 * More distinct sets than the engine builds means a caller builds them per call: stop
 * remembering. The engine builds at most 66: a body parser per subset of the six GFM groups a
 * block may leave out (`GFM_GROUPS` in ./parse.ts; a run meets a handful), the head's, MDX's.
 */
const MAX_SETS = 72;

function sameParts(a: readonly Extension[], b: readonly Extension[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `combineExtensions` of micromark-util-combine-extensions, remembered per list of extension objects. */
export function combineExtensions(parts: readonly Extension[]): Combined {
  for (const m of memo) if (sameParts(m.parts, parts)) return m.combined;
  const combined = combine([...parts]);
  if (memo.length < MAX_SETS) memo.push({ parts: [...parts], combined });
  return combined;
}

export { combineHtmlExtensions };
