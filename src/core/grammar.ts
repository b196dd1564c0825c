/**
 * The placeholder grammar: what counts as an unfilled field inside a stretch of prose or of
 * code, once the syntax tree has said which is which (`../../README.md#placeholder`).
 *
 * Scanners take the whole source and a span, never a copy, so every reported offset is an
 * offset into the document and a quick fix can replace exactly the field.
 */
import type { Span } from './types';

/** A field candidate found by a scanner. `refLabel` is set for `[text]` that may be a reference. */
export interface FieldHit extends Span {
  text: string;
  /** Label a `[text]`, `[text][]` or `[text][ref]` would resolve through, if defined. */
  refLabel?: string;
}

/** A Handlebars block tag: `{{#if name}}`, `{{else}}`, `{{/if}}`. */
export interface TagHit extends Span {
  kind: 'open' | 'else' | 'close';
  helper: string;
  name: string;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DATE_STUB = /\b(?:YYYY-MM-DD|MM\/DD\/YYYY|DD\/MM\/YYYY|YYYY-MM)\b/g;
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const CODE_MUSTACHE = /^\s*[A-Z][A-Z0-9_]*\s*$/;
const KEBAB = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
const CHAR_CLASS = /^\^?(?:[A-Za-z0-9]-[A-Za-z0-9]|\\.|[_.+\-])+$/;
const DESCRIPTIVE_WORD = /^[\p{L}][\p{L}'’./&-]*[.,?!%]?$|^[-/&]$|^\([\p{L} '’./-]+\)$/u;
const CAPITALIZED = /^\p{Lu}\p{Ll}+(?:\/\p{Lu}\p{Ll}+)*$/u;
const CODE_PUNCTUATION = /[=";`${}\\<>|*:]/;

/** Normalizes a link label as CommonMark does (case-fold, collapse whitespace). */
export function normalizeLabel(label: string): string {
  // A label continued on a block-quote line carries the "> " markers in the source.
  return label.replace(/\n[ \t]*(?:>[ \t]?)*/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether `span` overlaps any of the sorted, disjoint `masks` (binary search: a paragraph may hold thousands). */
function masked(masks: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = masks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (masks[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < masks.length && masks[lo].start < end;
}

// Scans look ahead for a closing `]]` or `}}` and back for an open call's `(`. Without memory
// each look is as long as the line, so a line of 100,000 `[[` or `{{` costs 10^10 steps; these
// remember the last answer per needle, which the next look (further on) can reuse.
const lookahead = new Map<string, { src: string; from: number; at: number }>();

/** `src.indexOf(needle, from)`, reusing the previous search when it covers this one. */
function indexAfter(src: string, needle: string, from: number): number {
  const last = lookahead.get(needle);
  if (last && last.src === src && last.from <= from && (last.at === -1 || last.at >= from)) return last.at;
  const at = src.indexOf(needle, from);
  lookahead.set(needle, { src, from, at });
  return at;
}

/** Up to `pos` in `src`: where its line starts and its last `(` or `)` on that line (-1: none). */
let parens = { src: '', pos: 0, lineStart: 0, last: -1 };

/** Whether the bracket at `i` sits in an open call's argument list: "readFile(path, [options])". */
function inCall(src: string, i: number): boolean {
  let { pos: from, lineStart, last } = parens;
  if (parens.src !== src || from > i) {
    lineStart = src.lastIndexOf('\n', i - 1) + 1;
    from = lineStart;
    last = -1;
  }
  for (let k = from; k < i; k++) {
    const c = src[k];
    if (c === '\n') {
      lineStart = k + 1;
      last = -1;
    } else if (c === '(' || c === ')') {
      last = k;
    }
  }
  parens = { src, pos: i, lineStart, last };
  return last > lineStart && src[last] === '(' && /[\w$.]/.test(src[last - 1]);
}

/** Finds the `]` closing the `[` at `open`, on bracket text without nesting; -1 if none. */
function closingBracket(src: string, open: number, limit: number, singleLine: boolean): number {
  for (let i = open + 1; i < limit; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === ']') return i;
    else if (c === '[') return -1;
    else if (singleLine && c === '\n') return -1;
  }
  return -1;
}

/** Splits a choice list `[A / B / C]` into its choices, or undefined when it is not one. */
export function choicesOf(inner: string): string[] | undefined {
  if (!inner.includes(' / ')) return undefined;
  const parts = inner.split(' / ').map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => p === '' || p.length > 40)) return undefined;
  // "[Casual / Professional / Academic]", "[Active / Passive]" — not "[Runtime / platform]".
  if (parts.length < 3 && !parts.every((p) => /^\p{Lu}/u.test(p))) return undefined;
  return parts;
}

/** Is `inner` (text between brackets in prose) something other than a field? */
function proseNonField(inner: string): boolean {
  const t = inner.trim();
  if (t === '') return true; // "[ ]"
  if (t[0] === '^') return true; // footnote
  if (/^![A-Z]+$/.test(t)) return true; // GitHub alert
  if (!HAS_LETTER_OR_DIGIT.test(t)) return true; // "[...]", "[—]"
  if (/^[\d\s,.\-–]+$/.test(t)) return true; // numeric citation "[1]", "[2, 3]", interval
  if (/^[A-Z][A-Za-z]*[.-]?\d+(?:\.\d+)*$/.test(t)) return true; // citation key "[RFC3339]", "[POSIX.1]"
  if (ANNOTATION.test(t)) return true; // "[optional]", "[deprecated]"
  if (t[0] === ',' || t.endsWith(',') || OPTIONAL_ARGS.test(t)) return true; // "fn(a[, b])", "[b, c, ...]"
  if (/^\p{Ll}+\p{Lu}[\p{L}\d]*$/u.test(t)) return true; // an identifier: "[optionsOrSettings]"
  if (STRING_LIST.test(t)) return true; // "['HS256', 'HS384']"
  return false;
}

const ANNOTATION = /^(?:optional|required|deprecated|experimental|beta|alpha|new|internal|legacy|preview|breaking|wip)$/i;
/** Optional parameters of an API signature: "[stream2, stream3, ...]", "[file...]". */
const OPTIONAL_ARGS = /^[\w$]+(?:\s*,\s*[\w$]+)*(?:\s*,\s*)?(?:\.{3}|…)$/;
const STRING_LIST = /^(['"])[^'"]*\1(?:\s*,\s*(['"])[^'"]*\2)*$/;

/**
 * Scans prose between `span.start` and `span.end`, skipping `masks` (sorted, disjoint spans
 * of code, links, HTML and other syntax), for bracketed fields and mustache fields.
 */
export function scanProse(src: string, span: Span, masks: readonly Span[], out: FieldHit[], tags: TagHit[]): void {
  const { end } = span;
  for (let i = span.start; i < end; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') i = proseBracket(src, i, end, masks, out);
    else if (c === '{' && src[i + 1] === '{') i = mustache(src, i, end, masks, out, tags, false);
  }
}

function proseBracket(src: string, i: number, end: number, masks: readonly Span[], out: FieldHit[]): number {
  if (src[i + 1] === '[') {
    // Wiki link [[Page]]: skip to its closing brackets.
    const close = indexAfter(src, ']]', i + 2);
    return close !== -1 && close < end ? close + 1 : i + 1;
  }
  const close = closingBracket(src, i, end, false);
  if (close === -1) return i;
  if (masked(masks, i, close + 1)) return i;
  const inner = src.slice(i + 1, close);
  if (proseNonField(inner)) return close;
  const before = i > 0 ? src[i - 1] : '';
  // `a[i]`, `mime.types[extension]` in running prose index something; they are not fields.
  if (before && (WORD_CHAR.test(before) || before === ')' || before === ']' || before === '.') && /^[\p{L}\d_$.]+$/u.test(inner)) return close;
  if (inCall(src, i)) return close; // an API signature: "open(path, [options])"

  const hit: FieldHit = { start: i, end: close + 1, text: src.slice(i, close + 1), refLabel: normalizeLabel(inner) };
  out.push(hit);
  if (src[close + 1] !== '[') return close;
  // "[text][ref]" and "[text][]": the pair resolves (or not) through one label, so it is one
  // candidate whose range covers both brackets (a quick fix replaces the whole pair).
  const close2 = closingBracket(src, close + 1, end, false);
  if (close2 === -1 || masked(masks, close + 1, close2 + 1)) return close;
  const ref = src.slice(close + 2, close2);
  if (ref.trim() !== '') hit.refLabel = normalizeLabel(ref);
  hit.end = close2 + 1;
  hit.text = src.slice(i, close2 + 1);
  return close2;
}

/** Handles `{{…}}` at `i`; reports fields and Handlebars tags; returns the index to continue from. */
function mustache(
  src: string,
  i: number,
  end: number,
  masks: readonly Span[],
  out: FieldHit[],
  tags: TagHit[],
  inCode: boolean,
): number {
  const close = indexAfter(src, '}}', i + 2);
  if (close === -1 || close + 2 > end) return i + 1;
  const inner = src.slice(i + 2, close);
  if (inner.includes('\n') || inner.includes('{{')) return i + 1;
  const stop = close + 2;
  if (masked(masks, i, stop)) return i + 1;
  if (i > 0 && src[i - 1] === '$') return close + 1; // GitHub Actions ${{ … }}
  const t = inner.trim();
  const tag = /^([#/])\s*(if|unless|each|with)\b\s*(.*)$/.exec(t);
  if (tag || t === 'else' || /^else\s+if\b/.test(t)) {
    if (!inCode) tags.push(tagHit(i, stop, tag, t));
    return close + 1;
  }
  if (inCode ? CODE_MUSTACHE.test(inner) : isProseMustache(t)) {
    out.push({ start: i, end: stop, text: src.slice(i, stop) });
  }
  return close + 1;
}

function tagHit(start: number, end: number, tag: RegExpExecArray | null, t: string): TagHit {
  if (!tag) return { start, end, kind: 'else', helper: 'if', name: t.replace(/^else\s*/, '') };
  return { start, end, kind: tag[1] === '#' ? 'open' : 'close', helper: tag[2], name: tag[3].trim() };
}

/** `{{ customer_name }}`, `{{PLAN}}` are fields; Helm/Go `{{ .Values.x }}`, pipes and calls are not. */
function isProseMustache(t: string): boolean {
  if (t === '' || /^[.$!>^&]/.test(t)) return false;
  return /^[\p{L}_][\p{L}\p{N}_ -]*$/u.test(t);
}

/**
 * Scans code between `span.start` and `span.end` (an inline code span's content or a fenced
 * block's content lines) for descriptive fields only: text that tells the writer what to put
 * there, never code that merely uses brackets or braces.
 */
export function scanCode(src: string, span: Span, out: FieldHit[]): void {
  const none: Span[] = [];
  const ignoredTags: TagHit[] = [];
  for (let i = span.start; i < span.end; i++) {
    const c = src[i];
    if (c === '[') i = codeBracket(src, i, span, out);
    else if (c === '{' && src[i + 1] === '{') i = mustache(src, i, span.end, none, out, ignoredTags, true);
  }
}

const CONTEXT = 256;

function codeBracket(src: string, i: number, span: Span, out: FieldHit[]): number {
  if (src[i + 1] === '[') return i + 1; // [[ … ]] bash tests, nested lists
  const close = closingBracket(src, i, span.end, true);
  if (close === -1) return i;
  const before = i > span.start ? src[i - 1] : '';
  if (before === '[' || (before && /[\p{L}\p{N}_\])"'`]/u.test(before))) return close; // indexing, types
  const after = close + 1 < span.end ? src[close + 1] : '';
  if (after === '(') return close; // Markdown link syntax shown in code
  // SQL Server names: [dbo].[Orders], [Acme].[dbo].[Order Details]
  if ((after === '.' && src[close + 2] === '[') || (before === '.' && src[i - 2] === ']')) return close;
  // The context is the line around the brackets, at most CONTEXT characters each way: a
  // minified line of brackets would otherwise cost the whole line per bracket.
  let lineStart = i;
  while (lineStart > Math.max(span.start, i - CONTEXT) && src[lineStart - 1] !== '\n') lineStart--;
  let lineEnd = close + 1;
  while (lineEnd < Math.min(span.end, close + 1 + CONTEXT) && src[lineEnd] !== '\n') lineEnd++;
  const context: CodeContext = {
    before,
    after,
    prefix: src.slice(lineStart, i),
    suffix: src.slice(close + 1, lineEnd),
  };
  if (isCodeField(src.slice(i + 1, close), context)) out.push({ start: i, end: close + 1, text: src.slice(i, close + 1) });
  return close;
}

/** Where a bracket stands in a line of code. */
export interface CodeContext {
  /** The character just before `[` and just after `]` ('' at the edges). */
  before: string;
  after: string;
  /** The rest of the line before `[` and after `]`. */
  prefix: string;
  suffix: string;
}

/** A word of a sentence before the bracket: "event to [Partner]", "3. [Partner] responds". */
const IN_SENTENCE = /(?:(?:^|\s)\p{Ll}{2,},? |^\s*(?:\d+\.|[-*+]) )$/u;
/** Code keywords that read like words: "return [Foo]". */
const CODE_KEYWORD = /\b(?:return|yield|await|in|of|new|default|export|typeof|case|throw|raise|assert|print|echo|and|or|not|is|as)\s$/;
/** ALL-CAPS keyword or tag before the bracket: SQL `WHERE [Id]`, Ansible `TASK [Name]`. */
const CAPS_WORD_BEFORE = /(?:^|\s)[A-Z]{2,}\s+$/;
/** ASP.NET route tokens. */
const ROUTE_TOKENS = new Set(['controller', 'action', 'area', 'handler']);
const CAMEL_OR_MEMBER = /^\p{Ll}+\p{Lu}|\p{L}\.\p{L}/u;
/** A message receiver opening an Objective-C / Smalltalk send: `[super viewDidLoad]`, `[self close]`. */
const RECEIVER = /^(?:self|super|this)\b/;

/**
 * Decides whether bracket content in code is a descriptive field (`[command to verify]`,
 * `[PARTNER_API_KEY]`, `/sources/[partner]-api-docs.md`), not code that uses brackets.
 */
export function isCodeField(inner: string, ctx: CodeContext): boolean {
  if (inner === '' || inner !== inner.trim()) return false;
  if (UPPER_SNAKE.test(inner)) return true;
  if (ctx.after === ';' || CAPS_WORD_BEFORE.test(ctx.prefix)) return false; // [obj send]; WHERE [Id]
  if (isPathSegment(inner, ctx)) return true;
  if (/^\s*[\w-]+:\s*$/.test(ctx.prefix)) return false; // YAML flow list: tags: [Payments API, Webhooks]
  if (/^ {2,}\S/.test(ctx.suffix)) return false; // column-aligned output: "* [new tag]      v1.8.0"
  if (CAPITALIZED.test(inner)) return inner.includes('/') || (IN_SENTENCE.test(ctx.prefix) && !CODE_KEYWORD.test(ctx.prefix));
  if (!/\s/.test(inner) || !/^\p{L}/u.test(inner)) return false;
  if (CODE_PUNCTUATION.test(inner)) return false;
  if (/\bfor\b.*\bin\b|\bif\b.*\belse\b|^\w+ in\b/.test(inner)) return false; // comprehensions, mapped types
  if (inner.includes(',') && inner.split(',').every((p) => !/\s/.test(p.trim()))) return false; // [read, write]
  const words = inner.split(/\s+/);
  // [self.tableView reloadData], [super viewDidLoad]; "this" later in a sentence is just a word:
  // [Describe this step], [What triggers this integration?].
  if (RECEIVER.test(words[0]) || words.some((w) => CAMEL_OR_MEMBER.test(w))) return false;
  return words.every((w) => DESCRIPTIVE_WORD.test(w));
}

/**
 * `/sources/[partner]-api-docs.md`, `integration-page-[partner-name]`: a field inside a path or
 * word. A whole path segment of a route file (`app/[provider]/route.ts`, `pages/[id].tsx`) and
 * ASP.NET's `[controller]` are code.
 */
function isPathSegment(inner: string, ctx: CodeContext): boolean {
  if (!KEBAB.test(inner) || inner.length < 4 || CHAR_CLASS.test(inner) || ROUTE_TOKENS.has(inner)) return false;
  const { before, after } = ctx;
  if (before === '/' && (after === '/' || /^\.(?:[cm]?[jt]sx?|vue|svelte|astro)\b/.test(ctx.suffix))) return false;
  const joinsBefore = before !== '' && '/-_.@'.includes(before);
  const joinsAfter = after !== '' && /[-./_\p{L}\p{N}]/u.test(after);
  return (joinsBefore && (after === '' || joinsAfter || /[\s"'`,)\]]/.test(after))) || joinsAfter;
}

/**
 * Finds date stubs (`YYYY-MM-DD`, `MM/DD/YYYY`, `YYYY-MM`) in prose that stand as a value:
 * alone in their cell or line, or after a label ending in a colon. "Dates use the YYYY-MM-DD
 * format" describes a format and is not a field.
 *
 * Linear in the span: a line's bounds and comment-free text are computed once per line, and
 * each match looks only at the text up to the next match (or its label), never at the whole
 * line again.
 */
export function scanDates(src: string, span: Span, masks: readonly Span[], out: FieldHit[], wholeValue: boolean): void {
  const text = src.slice(span.start, span.end);
  const re = DATE_STUB;
  re.lastIndex = 0;
  let line: DateLine | undefined;
  let maskIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    const start = span.start + s;
    const end = span.start + e;
    while (maskIndex < masks.length && masks[maskIndex].end <= start) maskIndex++;
    if (maskIndex < masks.length && masks[maskIndex].start < end) continue; // masked
    let first = false;
    if (!line || s >= line.end) {
      line = dateLine(text, s);
      first = true;
    }
    if (wholeValue || dateIsValue(text, line, s, e, first)) out.push({ start, end, text: m[0] });
  }
}

/** One line of a date scan: its bounds, its text without HTML comments, and what ends it. */
interface DateLine {
  start: number;
  end: number;
  /** The line with `<!--…-->` comments removed, and the removed spans (line offsets). */
  clean: string;
  comments: { start: number; end: number }[];
  /** Index in `clean` of the `)` a trailing `(…)` closes at (only `[\s*_.,;]` after it), or -1. */
  tailParen: number;
  /** Index in `clean` of the last line terminator `.` cannot match before `tailParen`, or -1. */
  tailBarrier: number;
  /** The end of the last run of after-characters measured, to measure each run once. */
  run: { from: number; to: number };
}

const AFTER_CHAR = /[\s*_.,;:)\]|]/;
const TAIL_CHAR = /[\s*_.,;]/;
const DOT_BARRIER = /[\r\u2028\u2029]/;

function dateLine(text: string, at: number): DateLine {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let end = text.indexOf('\n', at);
  if (end === -1) end = text.length;
  const raw = text.slice(start, end);
  const comments: { start: number; end: number }[] = [];
  const re = /<!--.*?-->/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) comments.push({ start: m.index, end: m.index + m[0].length });
  const clean = comments.length ? raw.replace(/<!--.*?-->/g, '') : raw;
  let r = clean.length;
  while (r > 0 && TAIL_CHAR.test(clean[r - 1])) r--;
  const tailParen = r > 0 && clean[r - 1] === ')' ? r - 1 : -1;
  let tailBarrier = -1;
  for (let i = tailParen - 1; i >= 0; i--) {
    if (DOT_BARRIER.test(clean[i])) {
      tailBarrier = i;
      break;
    }
  }
  return { start, end, clean, comments, tailParen, tailBarrier, run: { from: -1, to: -1 } };
}

/**
 * Whether the stub at `text[s, e)` stands as a value. Equivalent to testing the rest of the line
 * (comments removed) against `^[\s*_.,;:)\]|]*(?:\(.*\))?[\s*_.,;]*$` and the line before it
 * against a bare list/emphasis prefix or a `label:` that does not name a format.
 */
function dateIsValue(text: string, line: DateLine, s: number, e: number, first: boolean): boolean {
  if (!afterIsEmpty(text, line, e)) return false;
  // Only the first stub of a line can have nothing but a list marker or emphasis before it.
  if (first && bareBefore(text, line.start, s)) return true;
  const colon = colonBefore(text, line.start, s);
  if (colon === -1) return false;
  let from = colon - 1;
  while (from >= line.start && text[from] !== ':' && text[from] !== '：') from--;
  return !/format|pattern|syntax/i.test(text.slice(from + 1, colon));
}

function afterIsEmpty(text: string, line: DateLine, e: number): boolean {
  let at = e - line.start;
  let removed = 0;
  for (const c of line.comments) {
    if (c.end <= at) removed += c.end - c.start;
    else if (c.start < at) {
      // The stub ends inside a comment: judge the rest of the line as written.
      const after = text.slice(e, line.end).replace(/<!--.*?-->/g, '');
      return /^[\s*_.,;:)\]|]*(?:\(.*\))?[\s*_.,;]*$/.test(after);
    } else break;
  }
  at -= removed;
  const { clean, run } = line;
  let to: number;
  if (at >= run.from && at <= run.to) to = run.to;
  else {
    to = at;
    while (to < clean.length && AFTER_CHAR.test(clean[to])) to++;
    line.run = { from: at, to };
  }
  if (to >= clean.length) return true;
  return clean[to] === '(' && line.tailParen > to && line.tailBarrier < to;
}

/** `text[lineStart, s)` is blank, a list marker and/or an opening emphasis. */
function bareBefore(text: string, lineStart: number, s: number): boolean {
  const ws = (i: number) => {
    while (i < s && /\s/.test(text[i])) i++;
    return i;
  };
  const a = ws(lineStart);
  const markers = [a];
  if (a < s && '-*+'.includes(text[a])) markers.push(a + 1);
  let d = a;
  while (d < s && text[d] >= '0' && text[d] <= '9') d++;
  if (d > a && d < s && (text[d] === '.' || text[d] === ')')) markers.push(d + 1);
  for (const mk of markers) {
    const b = ws(mk);
    const emph = [b];
    if (text.startsWith('**', b) || text.startsWith('__', b)) emph.push(b + 2);
    if (b < s && (text[b] === '*' || text[b] === '_')) emph.push(b + 1);
    if (emph.some((x) => x <= s && ws(x) === s)) return true;
  }
  return false;
}

/** Offset of the `:` that `text[lineStart, s)` ends with (before spaces and an emphasis), or -1. */
function colonBefore(text: string, lineStart: number, s: number): number {
  const back = (i: number) => {
    while (i > lineStart && /\s/.test(text[i - 1])) i--;
    return i;
  };
  const isColon = (i: number) => i > lineStart && (text[i - 1] === ':' || text[i - 1] === '：');
  const a = back(s);
  const options = [a];
  if (a - 2 >= lineStart && (text.startsWith('**', a - 2) || text.startsWith('__', a - 2))) options.push(a - 2);
  if (a - 1 >= lineStart && (text[a - 1] === '*' || text[a - 1] === '_')) options.push(a - 1);
  for (const o of options) {
    const c = back(o);
    if (isColon(c)) return c - 1;
  }
  return -1;
}

/** Runs user patterns (already compiled, global flag) over a span of prose. */
export function scanPatterns(src: string, span: Span, masks: readonly Span[], patterns: readonly RegExp[], out: FieldHit[]): void {
  if (patterns.length === 0) return;
  const text = src.slice(span.start, span.end);
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const start = span.start + m.index;
      const end = start + m[0].length;
      if (!masked(masks, start, end)) out.push({ start, end, text: m[0] });
    }
  }
}
