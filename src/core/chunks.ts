/**
 * Splits a Markdown body into independent blocks ("chunks") without parsing it.
 *
 * A chunk boundary is placed only where CommonMark guarantees that no block construct
 * continues across it: at a blank line followed by a line that starts in column 1 (a list
 * item or block quote cannot continue there), and around a fenced code block that starts in
 * column 1. Fences and HTML comments are tracked so that blank lines inside them never split.
 * Each chunk can then be parsed on its own and its result cached by its text, which makes
 * re-linting after an edit proportional to the edited block rather than to the document.
 */

/** One block of the body. `start`/`end` are offsets into the whole text; `line` is 0-based. */
export interface Chunk {
  start: number;
  end: number;
  line: number;
  text: string;
  /** Set when the chunk is exactly one fenced code block starting in column 1. */
  fence?: { info: string };
}

/**
 * Offsets of the first character of every line, in a typed array: after each edit the editor's
 * build copies and shifts them (`document.ts`), and a plain array of a large document's 30,000
 * lines is a large heap object that costs about a millisecond to copy (and the collector to
 * free), where a typed array copies as one block move in microseconds.
 */
export type LineStarts = Int32Array;

/** Offsets of the first character of every line (`[0]`, then one past each line feed from `from`). */
export function lineStarts(text: string, from = 0): LineStarts {
  const starts = [0];
  for (let i = text.indexOf('\n', from); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return Int32Array.from(starts);
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^`]*)$/;

interface FenceState {
  char: string;
  size: number;
  indent: number;
}

/** The character code after at most three leading spaces of `line`: what a fence or an HTML block's line must start with. */
function leadCode(line: string): number {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  return line.charCodeAt(i);
}

function fenceOpen(line: string): (FenceState & { info: string }) | undefined {
  const lead = leadCode(line);
  if (lead !== 96 && lead !== 126) return undefined; // ` or ~: most lines are neither, and a pattern costs more than this test
  const m = FENCE_OPEN.exec(line);
  if (!m) return undefined;
  const marker = m[1];
  if (marker[0] === '~' || !m[2].includes('`')) {
    return { char: marker[0], size: marker.length, indent: line.indexOf(marker[0]), info: m[2].trim() };
  }
  return undefined;
}

function closesFence(line: string, fence: FenceState): boolean {
  const trimmed = line.trimEnd();
  const body = trimmed.trimStart();
  if (trimmed.length - body.length > 3 || body.length < fence.size) return false;
  for (const ch of body) if (ch !== fence.char) return false;
  return true;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function startsInColumnOne(line: string): boolean {
  const c = line.charCodeAt(0);
  return c !== 32 && c !== 9 && !isBlank(line);
}

/** The line from `start` to `next` (the next line's start), without its line feed and a `\r` before it: CRLF documents read like LF ones. */
export function lineAt(text: string, start: number, next: number): string {
  let end = next - 1;
  if (end >= start && text.charCodeAt(end - 1) === 13) end--;
  return text.slice(start, Math.max(start, end));
}

/** A fence the splitter is inside: its opening line's marker and info, that line, and whether it starts in column 1. */
interface OpenFence extends FenceState {
  info: string;
  startLine: number;
  col1: boolean;
}

/** An open fence as the splitter tracks it, built key by key: a spread copy of `opened` took a new shape per fence, and reading it V8's slow generic lookup. */
function openFence(opened: FenceState & { info: string }, startLine: number, col1: boolean): OpenFence {
  return { char: opened.char, size: opened.size, indent: opened.indent, info: opened.info, startLine, col1 };
}

/**
 * Splits `text` from offset `from` (after any frontmatter) into chunks. Every character of
 * `text[from..]` belongs to exactly one chunk; blank separator lines belong to the chunk before.
 */
export function splitChunks(text: string, from: number, starts: LineStarts): Chunk[] {
  return splitChunksUntil(text, from, starts).chunks;
}

/**
 * Like `splitChunks`, but stops at the first chunk boundary for which `stop(offset)` is true
 * (the caller knows the text from there on is split as before). `stoppedAt` is that boundary.
 */
export function splitChunksUntil(
  text: string,
  from: number,
  starts: LineStarts,
  stop?: (offset: number) => boolean,
): { chunks: Chunk[]; stoppedAt: number | undefined } {
  const chunks: Chunk[] = [];
  let stoppedAt: number | undefined;
  // `from` may fall inside line 0 (after a BOM): the first chunk starts there, and line 0 is
  // read from `from` on, as the parser will see it.
  const firstLine = lineIndexAt(starts, from);
  if (from >= text.length && from > 0) return { chunks, stoppedAt };
  let chunkStart = Math.max(from, starts[firstLine]);
  let chunkLine = firstLine;
  let fence: OpenFence | undefined;
  let htmlEnd: string | undefined;
  let prevBlank = false;

  const cut = (lineIndex: number, fenceInfo?: string) => {
    const end = lineIndex < starts.length ? starts[lineIndex] : text.length;
    if (end > chunkStart) {
      const chunk: Chunk = { start: chunkStart, end, line: chunkLine, text: text.slice(chunkStart, end) };
      if (fenceInfo !== undefined) chunk.fence = { info: fenceInfo };
      chunks.push(chunk);
    }
    chunkStart = end;
    chunkLine = lineIndex;
    if (stop && end < text.length && stop(end)) stoppedAt = end;
  };

  for (let li = firstLine; li < starts.length && stoppedAt === undefined; li++) {
    const s = starts[li];
    const next = li + 1 < starts.length ? starts[li + 1] : text.length + 1;
    if (s >= text.length && li > firstLine) break;
    const line = lineAt(text, Math.max(s, from), next);
    if (fence) {
      if (closesFence(line, fence)) {
        const whole = fence.col1 && fence.startLine === chunkLine;
        const info = fence.info;
        fence = undefined;
        if (whole) cut(li + 1, info);
      }
      prevBlank = false;
      continue;
    }
    if (htmlEnd !== undefined) {
      if (line.includes(htmlEnd)) htmlEnd = undefined;
      prevBlank = false;
      continue;
    }
    const blank = isBlank(line);
    const opened = blank ? undefined : fenceOpen(line);
    if (opened && opened.indent === 0 && line[0] !== ' ') {
      // A column-1 fence always starts a new block: cut before it.
      if (li > chunkLine) cut(li);
      fence = openFence(opened, li, true);
    } else if (opened) {
      fence = openFence(opened, li, false);
    } else if (!blank && prevBlank && startsInColumnOne(line) && li > chunkLine) {
      cut(li);
    }
    if (!blank && !opened) htmlEnd = openHtmlBlock(line);
    prevBlank = blank;
  }
  if (stoppedAt === undefined) cut(starts.length);
  return { chunks, stoppedAt };
}

/**
 * HTML that runs past blank lines (CommonMark HTML blocks 1-5): `<pre>`, `<script>`, `<style>`,
 * `<textarea>`, comments, `<?…?>`, `<!X…>`, `<![CDATA[…]]>`. Returns the text that ends it
 * when it is still open at the end of `line`.
 */
function openHtmlBlock(line: string): string | undefined {
  const comment = line.lastIndexOf('<!--');
  if (comment !== -1 && line.indexOf('-->', comment + 4) === -1) return '-->';
  if (leadCode(line) !== 60) return undefined; // <
  const m = /^ {0,3}<(?:(pre|script|style|textarea)(?:\s|>|$)|(\?)|(!\[CDATA\[)|(![A-Za-z]))/i.exec(line);
  if (!m) return undefined;
  const end = m[1] ? `</${m[1].toLowerCase()}>` : m[2] ? '?>' : m[3] ? ']]>' : '>';
  const rest = line.slice(m[0].length);
  return (m[1] ? rest.toLowerCase() : rest).includes(end) ? undefined : end;
}

/** The 0-based line that holds `offset`: the last one starting at or before it. */
export function lineIndexAt(starts: ArrayLike<number>, offset: number): number {
  return Math.max(0, lowerBound(starts, offset + 1) - 1);
}

/** Index of the first element of sorted `arr` that is `>= value`. */
export function lowerBound(arr: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The fenced code block (opening line to closing line, inclusive) containing `offset`, if any. */
export function fenceAround(text: string, offset: number): { start: number; end: number } | undefined {
  const starts = lineStarts(text);
  let fence: (FenceState & { start: number }) | undefined;
  for (let li = 0; li < starts.length; li++) {
    const s = starts[li];
    if (s > offset && !fence) return undefined;
    const next = li + 1 < starts.length ? starts[li + 1] : text.length + 1;
    const line = lineAt(text, s, next);
    if (fence) {
      if (closesFence(line, fence)) {
        const end = Math.min(next, text.length);
        if (offset >= fence.start && offset < end) return { start: fence.start, end };
        fence = undefined;
      }
    } else {
      const opened = fenceOpen(line);
      if (opened) fence = { ...opened, start: s };
    }
  }
  return fence && offset >= fence.start ? { start: fence.start, end: text.length } : undefined;
}
