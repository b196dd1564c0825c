/**
 * Date stubs (`YYYY-MM-DD`, `MM/DD/YYYY`, `DD/MM/YYYY`, `YYYY-MM`) used as a value: in prose,
 * alone in a cell or line or after a label; in code and config, as the value of a key.
 */
import type { Span } from './types';
import type { RawHit } from './matchers';

/** The date stubs, as a source shared with the dialect table (highlighting, probes). */
export const DATE_STUB_SOURCE = '\\b(?:YYYY-MM-DD|MM/DD/YYYY|DD/MM/YYYY|YYYY-MM)\\b';
const DATE_STUB = new RegExp(DATE_STUB_SOURCE, 'g');

/**
 * Finds date stubs (`YYYY-MM-DD`, `MM/DD/YYYY`, `YYYY-MM`) in prose that stand as a value:
 * alone in their cell or line, or after a label ending in a colon. "Dates use the YYYY-MM-DD
 * format" describes a format and is not a field.
 *
 * Linear in the span: a line's bounds and comment-free text are computed once per line, and
 * each match looks only at the text up to the next match (or its label), never at the whole
 * line again.
 */
export function scanDates(src: string, span: Span, masks: readonly Span[], out: RawHit[], wholeValue: boolean): void {
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


/** A key a date stub is the value of, in code or config: `created: `, `date = "`, `"since": "`. */
const CODE_KEY_BEFORE = /(?:^|[\s{,(\[])["']?([A-Za-z_][\w.-]*)["']?[ \t]*[:=][ \t]*["']?$/;
const CODE_VALUE_AFTER = /^["']?[ \t\r]*(?:[,;}\])]|#|\/\/|$)/;
/** A key that names a format rather than holding a date: `format: YYYY-MM-DD`, `DATE_PATTERN = "…"`. */
const FORMAT_KEY = /format|pattern|fmt|layout|mask|regex|style|template|example/i;

/**
 * Finds date stubs in code that stand as the value of a key (`created: YYYY-MM-DD` in YAML,
 * `"date": "YYYY-MM-DD"` in JSON, `since = 'YYYY-MM'`). A stub passed to a function
 * (`format('YYYY-MM-DD')`) or held by a key that names a format is code, not a field.
 */
export function scanCodeDates(src: string, span: Span, out: RawHit[]): void {
  const text = src.slice(span.start, span.end);
  if (!/YYYY|MM\/DD|DD\/MM/.test(text)) return;
  const re = DATE_STUB;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = span.start + m.index;
    const end = start + m[0].length;
    const lineStart = Math.max(span.start, src.lastIndexOf('\n', start - 1) + 1);
    let lineEnd = src.indexOf('\n', end);
    if (lineEnd === -1 || lineEnd > span.end) lineEnd = span.end;
    // A key sits just before its value, and a value ends its line: bounded looks keep this linear.
    if (lineEnd - end > 300) continue;
    const key = CODE_KEY_BEFORE.exec(src.slice(Math.max(lineStart, start - 120), start));
    if (!key || FORMAT_KEY.test(key[1]) || !CODE_VALUE_AFTER.test(src.slice(end, lineEnd))) continue;
    out.push({ start, end, text: m[0] });
  }
}
