/**
 * The placeholder grammar: what counts as an unfilled field inside a stretch of prose, code or
 * a link destination, once the syntax tree has said which is which (`../../README.md#placeholder`).
 * The scanners run the rows of the dialect table (`dialects.ts`) allowed where they are, and
 * label every hit with its dialect, kind and name.
 *
 * Scanners take the whole source and a span, never a copy, so every reported offset is an
 * offset into the document and a quick fix can replace exactly the field.
 */
import type { Span } from './types';
import { dialectOf, matchersFor, type Dialect, type FieldKind, type FieldReading } from './dialects';
import { masked, type RawHit, type ScanState, type ScanWhere, type TagHit } from './matchers';
import { scanCodeDates, scanDates as scanDateStubs } from './dates';
import { sortByStart } from './spans';

export { normalizeLabel, templatedDefinition, mayHoldTemplatedDefinition, choicesOf, isCodeField, type CodeContext, type TagHit, type ScanWhere } from './matchers';

/** A field candidate found by a scanner: where it is, its text, and how its dialect reads it. */
export interface FieldHit extends RawHit {
  /** The dialect row that matched (`bracket`, `mustache`, `brace`, `angle`, `date`, `pattern`). */
  dialect: string;
  kind: FieldKind;
  /** What a fill names the field by: `[Customer name]` → `Customer name`. */
  name: string;
  /** The choices of a choice list `[A / B / C]`. */
  choices?: string[];
}

/** A field candidate with where it was found. */
export interface FieldFact extends FieldHit {
  where: 'prose' | 'code' | 'pattern';
}

/**
 * The one shape of a field: every key a hit may have, always in this order (an absent one is
 * undefined). Rules, moves and quick fixes read thousands of fields; when hits of one kind had
 * their own keys (a `soft` one, a choice list) and the facts were spread copies of them, V8's
 * lookups at those reads saw many shapes and went to its slow generic path (10,000 such misses
 * in a run over the 1 MB bench corpus). Every field object is made here or by `fieldFact`.
 */
export function fieldHit(h: RawHit, dialect: string, reading: FieldReading): FieldHit {
  return { start: h.start, end: h.end, text: h.text, refLabel: h.refLabel, soft: h.soft, dialect, kind: reading.kind, name: reading.name, choices: reading.choices };
}

/** `h` found `where`, in the one shape of a field (see `fieldHit`); `start` and `end` move it. */
export function fieldFact(h: FieldHit, where: FieldFact['where'], start = h.start, end = h.end): FieldFact {
  return { start, end, text: h.text, refLabel: h.refLabel, soft: h.soft, dialect: h.dialect, kind: h.kind, name: h.name, choices: h.choices, where };
}

interface Rows {
  byTrigger: Map<string, Dialect[]>;
  /** Finds the next trigger character (and `\` where escapes count). */
  next: RegExp;
}

function rowsFor(where: ScanWhere, escapes: boolean): Rows {
  const byTrigger = matchersFor(where);
  const chars = [...byTrigger.keys(), ...(escapes ? ['\\'] : [])].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
  return { byTrigger, next: new RegExp(`[${chars}]`, 'g') };
}

const ROWS: Record<ScanWhere, Rows> = {
  prose: rowsFor('prose', true),
  frontmatter: rowsFor('frontmatter', true),
  'link-text': rowsFor('link-text', true),
  code: rowsFor('code', false),
  destination: rowsFor('destination', false),
};

/** Labels hits `out[from..]` with the reading of dialect `d`. */
function label(out: RawHit[], from: number, d: Dialect): void {
  for (let k = from; k < out.length; k++) out[k] = fieldHit(out[k], d.id, d.read(out[k].text));
}

/** Runs the rows of `rows` at every trigger of the state's span. */
function run(state: ScanState, rows: Rows): void {
  const { src } = state;
  const end = state.span.end;
  const re = rows.next;
  for (let i = state.span.start; i < end; i++) {
    re.lastIndex = i;
    // `test`, not `exec`: the class matches one character, so it ends at `lastIndex`, and no
    // match array is made for each of the thousands of triggers a template holds.
    if (!re.test(src) || re.lastIndex > end) return;
    i = re.lastIndex - 1;
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    const dialects = rows.byTrigger.get(c) ?? [];
    for (let k = 0; k < dialects.length; k++) {
      const d = dialects[k];
      const n = state.out.length;
      const next = (d.match as NonNullable<Dialect['match']>)(state, i);
      if (next === -1) continue;
      if (state.out.length > n) label(state.out, n, d);
      i = next;
      break;
    }
  }
}

/**
 * Scans prose between `span.start` and `span.end`, skipping `masks` (sorted, disjoint spans
 * of code, links, HTML and other syntax), for the fields of every dialect allowed in `where`
 * and for Handlebars block tags.
 */
export function scanProse(src: string, span: Span, masks: readonly Span[], out: FieldHit[], tags: TagHit[], where: ScanWhere = 'prose'): void {
  run({ src, span, masks, out, tags, where }, ROWS[where]);
}

/**
 * Scans code between `span.start` and `span.end` (an inline code span's content or a fenced
 * block's content lines) for descriptive fields only: text that tells the writer what to put
 * there, and date stubs that stand as a key's value — never code that merely uses brackets.
 */
export function scanCode(src: string, span: Span, out: FieldHit[]): void {
  const from = out.length;
  run({ src, span, masks: [], out, tags: [], where: 'code' }, ROWS.code);
  const dates = out.length;
  scanCodeDates(src, span, out);
  if (out.length > dates) {
    label(out, dates, dialectOf('date'));
    const tail = sortByStart(out.splice(from));
    out.push(...tail);
  }
}

/** Scans a link destination or definition URL: `([DOCS_URL])`, `(https://x.y/partners/[partner-slug])`. */
export function scanDestination(src: string, span: Span, out: FieldHit[]): void {
  run({ src, span, masks: [], out, tags: [], where: 'destination' }, ROWS.destination);
}

/**
 * Finds date stubs in prose that stand as a value (see `dates.ts`); `wholeValue` says the span
 * is a whole value already (a one-word cell or frontmatter value).
 */
export function scanDates(src: string, span: Span, masks: readonly Span[], out: FieldHit[], wholeValue: boolean): void {
  const from = out.length;
  scanDateStubs(src, span, masks, out, wholeValue);
  label(out, from, dialectOf('date'));
}

/** Runs user patterns (already compiled, global flag) over a span of prose: each is a row of its own. */
export function scanPatterns(src: string, span: Span, masks: readonly Span[], patterns: readonly RegExp[], out: FieldHit[]): void {
  if (patterns.length === 0) return;
  const text = src.slice(span.start, span.end);
  const from = out.length;
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const start = span.start + m.index;
      const end = start + m[0].length;
      if (!masked(masks, start, end)) out.push({ start, end, text: m[0] } as FieldHit);
    }
  }
  label(out, from, dialectOf('pattern'));
}

/**
 * Runs one dialect's matcher at `span.start` and keeps its hit only when it covers the whole
 * span: an inline HTML node that is really `<descriptive words>`.
 */
export function scanWhole(dialectId: string, src: string, span: Span, out: FieldHit[], where: ScanWhere = 'prose'): void {
  const d = dialectOf(dialectId);
  if (!d.match) return;
  const hits: FieldHit[] = [];
  const state: ScanState = { src, span, masks: [], out: hits, tags: [], where };
  if (d.match(state, span.start) === -1 || hits.length !== 1 || hits[0].end !== span.end) return;
  label(hits, 0, d);
  out.push(hits[0]);
}
