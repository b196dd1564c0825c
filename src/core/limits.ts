/**
 * Bounds on what the engine hands to the libraries it builds on, so that no document (and no
 * configuration) can make one lint take unbounded time, exhaust the stack or kill the process.
 * The YAML and Markdown parsers recurse on nesting; the limits here stop input before it
 * reaches them, and the caller reads such input in a degraded way and says so once.
 */
import { msg, type Message } from './messages';

/**
 * Deepest YAML nesting the frontmatter parser is given. `yaml` recurses once per level (and
 * `toJS` stringifies complex keys level by level): `sources: [[[[…` 1,000 deep exhausts the
 * stack, 5,000 deep kills Node 20, and `? ? ? …` 200 deep takes seconds. Real frontmatter
 * nests a handful of levels.
 */
export const MAX_YAML_DEPTH = 32;

/** A block scalar header at the end of a line: `key: |`, `- >-`, `text: |2+ # comment`. */
const BLOCK_SCALAR = /(?:^[ \t]*|[:?-][ \t]+)[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/;

interface YamlScan {
  indents: number[];
  flow: number;
  quote: string;
  /** Lines indented deeper than this belong to a block scalar (`|`, `>`); -1 outside one. */
  scalarIndent: number;
}

/**
 * Where YAML source first nests deeper than `max` levels, or -1. An upper bound read line by
 * line: block levels by indentation, plus each flow opener and each compact `- `, `? `, `: `
 * on the line; quoted scalars and block scalars are skipped as `yaml` skips them.
 */
export function yamlTooDeep(source: string, max = MAX_YAML_DEPTH): number {
  const scan: YamlScan = { indents: [], flow: 0, quote: '', scalarIndent: -1 };
  for (let lineStart = 0; lineStart <= source.length; ) {
    let nl = source.indexOf('\n', lineStart);
    if (nl === -1) nl = source.length;
    const at = yamlLine(source, lineStart, nl, scan, max);
    if (at !== -1) return at;
    lineStart = nl + 1;
  }
  return -1;
}

/** Character codes `yamlLine` reads. */
const TAB = 9;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const COMMA = 44;
const DASH = 45;
const COLON = 58;
const QUESTION = 63;
const OPEN_SQUARE = 91;
const BACKSLASH = 92;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;

/** Whether the character at `i` is the line's end (`nl`), a blank or a carriage return: a `-`, `?` or `:` before it is an indicator. */
function spacedAt(source: string, i: number, nl: number): boolean {
  if (i >= nl) return true;
  const c = source.charCodeAt(i);
  return c === SPACE || c === TAB || c === CR;
}

/**
 * One line of `yamlTooDeep`'s scan (character codes: the scan reads every frontmatter whole,
 * most of it a template's field schema).
 */
function yamlLine(source: string, lineStart: number, nl: number, scan: YamlScan, max: number): number {
  let i = lineStart;
  while (i < nl && source.charCodeAt(i) === SPACE) i++;
  const blank = i >= nl || source.charCodeAt(i) === HASH || source.charCodeAt(i) === CR;
  if (scan.scalarIndent >= 0 && (blank || i - lineStart > scan.scalarIndent)) return -1;
  scan.scalarIndent = -1;
  if (!scan.quote && scan.flow === 0 && !blank) {
    while (scan.indents.length && scan.indents[scan.indents.length - 1] >= i - lineStart) scan.indents.pop();
    scan.indents.push(i - lineStart);
  }
  let depth = scan.indents.length + scan.flow;
  let valueStart = true;
  for (; i < nl; i++) {
    const c = source.charCodeAt(i);
    if (scan.quote) {
      if (c === BACKSLASH && scan.quote === '"') i++;
      else if (c === scan.quote.charCodeAt(0)) scan.quote = '';
      continue;
    }
    const spaced = spacedAt(source, i + 1, nl);
    if (c === HASH && (i === lineStart || source.charCodeAt(i - 1) === SPACE || source.charCodeAt(i - 1) === TAB)) break;
    const indicator = (c === DASH || c === QUESTION || c === COLON) && spaced;
    if ((c === DOUBLE_QUOTE || c === SINGLE_QUOTE) && valueStart) scan.quote = c === DOUBLE_QUOTE ? '"' : "'";
    else if (c === OPEN_SQUARE || c === OPEN_CURLY) depth = Math.max(depth, scan.indents.length + ++scan.flow);
    else if ((c === CLOSE_SQUARE || c === CLOSE_CURLY) && scan.flow > 0) scan.flow--;
    else if (indicator) depth++;
    if (depth > max) return i;
    if (c !== SPACE && c !== TAB) valueStart = c === OPEN_SQUARE || c === OPEN_CURLY || c === COMMA || indicator;
  }
  if (!scan.quote && scan.flow === 0 && BLOCK_SCALAR.test(source.slice(lineStart, nl))) scan.scalarIndent = scan.indents[scan.indents.length - 1] ?? 0;
  return -1;
}

/**
 * Bounds on one block handed to the Markdown parser. micromark's cost grows faster than the
 * text in a few shapes: nesting (a line of 2,000 `> - ` took seconds and then overflowed the
 * stack; 20,000 `>` overflowed it), long paragraphs (its text resolver splices its event list
 * once per word: a 1 MB paragraph took about a minute), many label ends in one paragraph
 * (5,000 links side by side: seconds), many lines in one paragraph or container. Blocks past a
 * bound are read without the parser (`degraded.ts`) and the lint says so once.
 */
export const PARSE_LIMITS = {
  /** Block quotes and list items opened on one line (real documents nest a handful). */
  containerDepth: 16,
  /**
   * Container markers over all lines of the block (a `>` counts 4: a block quote's lines cost
   * about four times a list item's): each is checked again on every line it spans.
   */
  containerWork: 16_000,
  /** Characters of one paragraph-like run of lines. */
  runChars: 32 * 1024,
  /** Lines of one paragraph-like run (in a block quote, about 0.25 ms each). */
  runLines: 1_000,
  /** `]` (label ends: links, references, fields) in one paragraph-like run. */
  runLabelEnds: 1_000,
  /** `[` (label starts) in one paragraph-like run: 16,000 of them took 400 ms. */
  runLabelOpens: 1_000,
  /**
   * Words inside open brackets, each counted by its distance from the innermost open `[`.
   * While a label is open, GFM's autolink literal walks back to its start at every word
   * (`previousUnbalanced`), so one 8 KB bracket of words took 140 ms and 32 KB after a stray `[`
   * a second; this bound (about 2 KB of words inside one bracket) keeps a block under about 20 ms.
   */
  runLabelWork: 2_000_000,
} as const;

interface RunCount {
  chars: number;
  lines: number;
  labelEnds: number;
  labelOpens: number;
  /** Offsets of the `[` still open in the run, innermost last. */
  opens: number[];
  labelWork: number;
}

const newRun = (): RunCount => ({ chars: 0, lines: 0, labelEnds: 0, labelOpens: 0, opens: [], labelWork: 0 });

/** Counts the labels of one line's content, `text[from, end)`, and the words inside open ones. */
function countLabels(text: string, from: number, end: number, run: RunCount): void {
  let spaced = true;
  for (let k = from; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 92) k++; // `\[`, `\]`: escaped
    else if (c === 91) {
      run.labelOpens++; // `[`
      if (run.opens.length < 10_000) run.opens.push(k);
    } else if (c === 93) {
      run.labelEnds++; // `]`
      run.opens.pop();
    } else if (spaced && run.opens.length && c > 32) run.labelWork += k - run.opens[run.opens.length - 1]; // a word starts
    spaced = c === 32 || c === 9;
  }
}

/** The fence a line opens or closes (```` ``` ````, `~~~`), given the one open (`''` outside). */
function fenceAfter(text: string, content: number, end: number, open: string): string {
  const c = text[content];
  if (c !== '`' && c !== '~') return open;
  let k = content;
  while (k < end && text[k] === c) k++;
  if (k - content < 3) return open;
  if (open === '') return text.slice(content, k);
  return open[0] === c && k - content >= open.length && text.slice(k, end).trim() === '' ? '' : open;
}

/**
 * Container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) opening line `text[start, end)`: how many,
 * their weight (`>` 4, a list marker 1), whether one is a list marker, and where the content starts.
 */
function containerPrefix(text: string, start: number, end: number): { depth: number; weight: number; item: boolean; content: number } {
  let depth = 0;
  let weight = 0;
  let item = false;
  let i = start;
  for (;;) {
    let j = i;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    const c = text[j];
    const spaced = (k: number) => k >= end || text[k] === ' ' || text[k] === '\t' || text[k] === '\r';
    let next = -1;
    if (c === '>') next = j + 1;
    else if ((c === '-' || c === '*' || c === '+') && spaced(j + 1)) next = j + 1;
    else {
      let k = j;
      while (k < end && k - j < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
      if (k > j && (text[k] === '.' || text[k] === ')') && spaced(k + 1)) next = k + 1;
    }
    if (next === -1) return { depth, weight, item, content: j };
    depth++;
    weight += c === '>' ? 4 : 1;
    item ||= c !== '>';
    i = next;
  }
}

function runProblem(run: RunCount): Message | undefined {
  const L = PARSE_LIMITS;
  if (run.chars > L.runChars) return msg('hazardParagraphSize', Math.round(run.chars / 1024));
  if (run.lines > L.runLines) return msg('hazardParagraphLines', run.lines);
  if (run.labelEnds > L.runLabelEnds) return msg('hazardLabelEnds', run.labelEnds);
  if (run.labelOpens > L.runLabelOpens) return msg('hazardLabelOpens', run.labelOpens);
  if (run.labelWork > L.runLabelWork) return msg('hazardLabelWork');
  return undefined;
}

/**
 * Why the Markdown parser must not be given `text` (one block of a document), or undefined.
 * One pass over the lines: container nesting per line and in all, and the size, lines and
 * label ends of each paragraph-like run (lines up to a blank line or a new container line).
 */
export function parseHazard(text: string): Message | undefined {
  const L = PARSE_LIMITS;
  let work = 0;
  let run = newRun();
  let fence = '';
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const { depth, weight, item, content } = containerPrefix(text, start, end);
    if (depth > L.containerDepth) return msg('hazardNesting', depth);
    work += weight;
    if (work > L.containerWork) return msg('hazardContainers');
    const blank = content >= end || text[content] === '\r';
    // A list item starts a paragraph of its own; `>` lines continue the quote's paragraph.
    if (blank || item || text[content] === '#' || text[content] === '|') {
      const problem = runProblem(run);
      if (problem) return problem;
      run = newRun();
    }
    if (!blank) {
      run.chars += end - content;
      run.lines++;
      const inCode = fence !== '';
      fence = fenceAfter(text, content, end, fence);
      if (!inCode && fence === '') countLabels(text, content, end, run); // code holds no labels
    }
    start = end + 1;
  }
  return runProblem(run);
}
