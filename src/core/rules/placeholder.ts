import type { FieldHit } from '../grammar';
import type { FieldFact } from '../facts';
import { dialectOf } from '../dialects';
import type { Rule, Report } from './rule';
import type { DocModel, DegradedBlock } from '../document';
import { lineIndexAt } from '../chunks';
import { letters, lettersFrom } from '../letters';
import { withLiquidCode } from '../liquid-blocks';
import { english, msg, said } from '../messages';

/** Text between the brackets or braces of a field: `[Customer name]` → `Customer name`. */
export function fieldName(text: string): string {
  for (const d of ['mustache', 'bracket', 'brace', 'angle']) {
    const row = dialectOf(d);
    if (text.length > row.open.length + row.close.length && text.startsWith(row.open) && text.endsWith(row.close)) return row.read(text).name;
  }
  return text;
}

/** The field as shown in a message: whitespace collapsed, long text shortened. */
function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 70 ? `${flat.slice(0, 60)}…${flat.slice(-8)}` : flat;
}

/**
 * Message and data of a field depend only on its text, dialect and where it is: computed once
 * each, kept by where and dialect, then by text (no key is built per field).
 */
type Described = Map<string, Omit<Report, 'start' | 'end'>>;
const described = new Map<string, Map<string, Described>>();
let describedCount = 0;

function describedOf(where: string, dialect: string): Described {
  let byDialect = described.get(where);
  if (!byDialect) described.set(where, (byDialect = new Map()));
  let byText = byDialect.get(dialect);
  if (!byText) byDialect.set(dialect, (byText = new Map()));
  return byText;
}

function describe(hit: FieldHit, where: string): Report {
  let byText = describedOf(where, hit.dialect);
  let d = byText.get(hit.text);
  if (!d) {
    if (++describedCount > 20_000) {
      described.clear();
      describedCount = 0;
      byText = describedOf(where, hit.dialect);
    }
    d = describeFresh(hit, where);
    byText.set(hit.text, d);
  }
  return { start: hit.start, end: hit.end, message: d.message, l10n: d.l10n, data: d.data && { ...d.data } };
}

/** The message and quick-fix data of a field, from its dialect row (`dialects.ts`). */
function describeFresh(hit: FieldHit, where: string): Omit<Report, 'start' | 'end'> {
  const row = dialectOf(hit.dialect);
  const reading = row.read(hit.text);
  const data: Report['data'] = { kind: 'placeholder', text: hit.text, name: reading.name, dialect: row.id, fieldKind: reading.kind };
  if (reading.choices) data.choices = reading.choices;
  if (where === 'code') data.inCode = true;
  const l10n = row.message(shown(hit.text), reading);
  return { message: english(l10n), l10n, data };
}

/** A heading that names a release: "1.4.0", "[2.0.0-beta.1] - 2024-03-01", "v3.2 (2023-11-02)", "Version: 3.12.2", "2016-10-03, Version 0.5.9", "1.0.0 / Wed, 03 Apr 2019", "Unreleased". */
const RELEASE_HEADING = /^(?:\d{4}-\d{2}-\d{2},?\s+)?(?:(?:version|release)\b:?\s*)?(?:\[?v?\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?\]?(?:\s*(?:[-–—(:/]|$))|\[?unreleased\]?$)/i;

/** A document with release headings (two or more) is, or holds, a changelog: its entries open with tags. */
function isChangelog(model: DocModel): boolean {
  let n = 0;
  for (const h of model.headings) if (mayNameRelease(h.text) && RELEASE_HEADING.test(h.text) && ++n >= 2) return true;
  return false;
}

/** Whether a heading starts as `RELEASE_HEADING` needs (`[`, `v`, `r`, a digit, `u`): most do not, and skip the expression. */
function mayNameRelease(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20; // lower case for letters; `[` (0x5b) becomes `{` (0x7b)
  return c === 0x7b || c === 0x76 || c === 0x75 || c === 0x72 || (c >= 0x30 && c <= 0x39);
}

/** `placeholder`: unfilled fields in prose, frontmatter values, inline code and code blocks. */
export const placeholder: Rule<'placeholder'> = {
  id: 'placeholder',
  title: 'unfilled fields',
  description: 'Unfilled template fields: `[Customer name]`, `{{PLAN_LEVEL}}`, `YYYY-MM-DD`.',
  check(model, _context, report) {
    // Each span once: the end of the first field at each start, then any other ends at that start (rare).
    const seen = new Map<number, number>();
    const more = new Set<string>();
    const emit = (hit: FieldHit, where: string) => {
      const end = seen.get(hit.start);
      if (end === undefined) seen.set(hit.start, hit.end);
      else if (end === hit.end || more.has(`${hit.start}:${hit.end}`)) return;
      else more.add(`${hit.start}:${hit.end}`);
      report(describe(hit, where));
    };
    for (const hit of model.frontmatter?.fields ?? []) emit(hit, 'frontmatter');
    const fields = withLiquidCode(model.text, model.fields);
    const decide = softDecider(model, fields);
    for (const fact of fields) if (decide(fact)) emit(fact, fact.where);
    const degraded = model.degraded.filter((d) => holdsField(model, d));
    if (degraded.length) report(degradedNotice(model, degraded));
  },
};

/**
 * Whether a field fact is reported, given what only the whole document can decide (see
 * `RawHit.soft`): a defined reference never is; a soft candidate by the document's kind; an
 * `aside` only when something else in the document is reported; a `word` outside changelogs
 * when something else is, or when two different words are. `fields` are the model's, with
 * Liquid code blocks read as code (`liquid-blocks.ts`).
 */
function softDecider(model: DocModel, fields: readonly FieldFact[]): (fact: FieldFact) => boolean {
  let changelog: boolean | undefined;
  let braces: boolean | undefined;
  let others: boolean | undefined;
  let words: boolean | undefined;
  const referenced = (f: FieldHit) => f.refLabel !== undefined && model.definitions.has(f.refLabel);
  const plain = (f: FieldHit): boolean => {
    if (referenced(f)) return false;
    if (f.soft === 'brace-word') return (braces ??= braceTemplate(model, fields));
    return !f.soft || !(changelog ??= isChangelog(model));
  };
  const anyOther = () => (others ??= !!model.frontmatter?.fields.length || fields.some((f) => f.soft !== 'aside' && f.soft !== 'word' && f.soft !== 'caption' && plain(f)));
  const twoWords = () => (words ??= new Set(fields.filter((f) => f.soft === 'word' && !referenced(f)).map((f) => f.text)).size >= 2);
  let substituted: Set<string> | undefined;
  let legend: Set<string> | undefined;
  return (fact) => {
    if ((substituted ??= substitutedMarkers(model.text, fields)).has(fact.text)) return false;
    if (fact.text.length <= LEGEND_TAG_LENGTH && LEGEND_TAG.test(fact.text) && (legend ??= legendTags(model.text)).has(fact.text)) return false;
    if (fact.soft === 'aside' || (fact.soft === 'caption' && captionsCode(model.text, fact))) return !referenced(fact) && anyOther();
    if (fact.soft === 'caption') return !referenced(fact);
    if (fact.soft === 'word') return plain(fact) && (anyOther() || twoWords());
    return plain(fact);
  };
}

/**
 * Whether the document writes its fields in braces: it has a descriptive brace field
 * (`{Name of the product}`, `{DATE}`), or two different one-word braces that each stand as a
 * label's whole value ("**Started:** {date}", "Session ID: {short-id}").
 */
function braceTemplate(model: DocModel, fields: readonly FieldHit[]): boolean {
  if (fields.some((b) => b.dialect === 'brace' && !b.soft) || model.frontmatter?.fields.some((b) => b.dialect === 'brace' && !b.soft)) return true;
  const values = new Set<string>();
  for (const f of fields) if (f.soft === 'brace-word' && labelValue(model.text, f)) values.add(f.text);
  return values.size >= 2;
}

/** A label at a line's start before a field, and nothing but a cell's end or a comment after it. */
const LABEL_BEFORE = letters`^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?\p{L}[\p{L}\d .'()/-]{0,40}:(?:\*\*|__)?[ \t]+$`;
const VALUE_END = /^(?:\*\*|__)?[ \t]*(?:\r?$|\||<!--)/;

/** Whether a field is a label's whole value on its line (`LABEL_BEFORE`, `VALUE_END`). */
function labelValue(text: string, f: FieldHit): boolean {
  const start = text.lastIndexOf('\n', f.start - 1) + 1;
  const end = text.indexOf('\n', f.end);
  return f.start - start <= 60 && LABEL_BEFORE.test(text.slice(start, f.start)) && VALUE_END.test(text.slice(f.end, end === -1 ? text.length : end));
}

/** Whether a fenced code block opens on the first line with text after the line of `fact`. */
function captionsCode(text: string, fact: FieldHit): boolean {
  const nl = text.indexOf('\n', fact.end);
  return nl !== -1 && /^(?:[ \t]*\r?\n)*[ \t]{0,3}(?:`{3}|~{3})/.test(text.slice(nl + 1, nl + 200));
}

/**
 * What follows a marker the document says something else substitutes ("`[token]` will be
 * replaced by the actual token", "`{x} {y} {z}` are replaced at runtime", "`[id]` is a
 * placeholder for"): the document describes a substitution syntax, and the marker is no field
 * of its own. The imperative "Replace [X] with …" is a field's instruction, and stays one.
 */
const SUBSTITUTED_AFTER = /[`'"*_]*\s*(?:(?:will|would|shall|is|are|gets?|must|should|can)\s+(?:(?:then|be|later|automatically|dynamically)\s+)*(?:replaced|substituted|swapped|populated|interpolated|expanded|filled\s+in)\b|(?:is|are)\s+(?:a\s+|the\s+)?placeholders?\b)/iy;

/** A gap between two markers that lists them ("`{x} {y} {z}`", "`[a]`, `[b]` and `[c]`"). */
const LISTED = /^[`\s,]*(?:(?:and|or)\s*`?)?$/;

/** The texts of fields (and the fields listed just before them) that the document says are substituted. */
function substitutedMarkers(text: string, fields: readonly FieldHit[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < fields.length; i++) {
    SUBSTITUTED_AFTER.lastIndex = fields[i].end;
    if (!SUBSTITUTED_AFTER.test(text)) continue;
    out.add(fields[i].text);
    for (let j = i; j > 0 && fields[j].start - fields[j - 1].end < 40 && LISTED.test(text.slice(fields[j - 1].end, fields[j].start)); j--) out.add(fields[j - 1].text);
  }
  return out;
}

/**
 * A short tag the document explains in a legend, in bold or code at a line's start and then
 * what it means: "- **[P]**: Can run in parallel", "`[US1]` = the first user story". The document
 * uses it as a mark ("- [ ] T003 [P] Configure linting"), not a field. A template's
 * "- **[Feature name]**: [What it does]" is neither short nor explained in words.
 */
const TAG = String.raw`\[[A-Z][A-Z\d]{0,3}\]`;
const LEGEND_LINE = lettersFrom(String.raw`^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__|${'`'})(${TAG})(?:\*\*|__|${'`'})[ \t]*(?:[:=]|[-\u2013\u2014](?=[ \t]))[ \t]*\p{L}`, 'u');

/**
 * A field whose text is a legend's tag (`TAG`): only for one are the legends read. Its length is
 * looked at first: nearly every field is longer, and the expression on each of a large
 * template's 6,000 fields was 1 M instructions of every lint.
 */
const LEGEND_TAG = new RegExp(`^${TAG}$`);
const LEGEND_TAG_LENGTH = 6;

/**
 * The tags the document's legends explain (`LEGEND_LINE`). Only the lines where a bracket closes
 * before bold or code are read: the linter runs this on every edit of the document.
 */
function legendTags(text: string): Set<string> {
  const out = new Set<string>();
  for (const close of [']**', ']__', ']`']) {
    for (let at = text.indexOf(close); at !== -1; at = text.indexOf(close, at + 3)) {
      const lineStart = text.lastIndexOf('\n', at) + 1;
      if (at - lineStart > 12) continue;
      const m = LEGEND_LINE.exec(text.slice(lineStart, at + 200));
      if (m) out.add(m[1]);
    }
  }
  return out;
}

/** The notice's subject, by how many more degraded blocks there are (none, one, more). */
const LINE = ['degradedLine', 'degradedLineAndOne', 'degradedLineAndMany'] as const;
const LINES = ['degradedLines', 'degradedLinesAndOne', 'degradedLinesAndMany'] as const;

/** Longest stretch of a degraded block's first line that its notice underlines. */
const NOTICE_SPAN = 80;

/** Whether a field was found in `block` (model fields are in document order). */
function holdsField(model: DocModel, block: DegradedBlock): boolean {
  const fields = model.fields;
  let lo = 0;
  let hi = fields.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (fields[mid].start < block.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < fields.length && fields[lo].start < block.end;
}

/**
 * One notice per document for its blocks read without the Markdown parser (`degraded.ts`) that
 * hold fields, on the first line of the first: fields there are found, links and code may not
 * be told apart. A block with nothing to report needs no notice.
 */
function degradedNotice(model: DocModel, degraded: DegradedBlock[]): Report {
  const [first, ...rest] = degraded;
  const nl = model.text.indexOf('\n', first.start);
  const lineEnd = Math.min(nl === -1 ? first.end : nl, first.end, first.start + NOTICE_SPAN);
  const line = (offset: number) => lineIndexAt(model.lineStarts, offset) + 1;
  let last = first.end; // the block's last character that is not a line end or blank
  while (last > first.start + 1 && /\s/.test(model.text[last - 1])) last--;
  const [a, b] = [line(first.start), line(last - 1)];
  const more = Math.min(rest.length, 2); // none, one more block, more blocks
  const lines = a === b ? msg(LINE[more], a, rest.length) : msg(LINES[more], a, b, rest.length);
  return {
    start: first.start,
    end: Math.max(lineEnd, Math.min(first.start + 1, first.end)),
    ...said('degradedNotice', lines, first.reason),
    notice: true,
  };
}
