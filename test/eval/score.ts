/**
 * Scoring: labels are anchored to the text (the exact span and which occurrence of it), so
 * they stay valid whatever the engine does; findings are matched to labels by overlap.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../src/core/index';
import type { CorpusDoc, DocSet } from './corpus';

/** Rules whose findings are fields (the others are about frontmatter, outline and sources). */
export const FIELD_RULES = ['placeholder', 'unchecked-dod', 'conditional'] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

/** Dialects of the contract (`PLACEHOLDERS.md`, incl. version 2); `task` and `conditional` are rules. */
export const CONTRACT_DIALECTS = ['bracket', 'mustache', 'date', 'brace', 'angle', 'conditional', 'task'] as const;

/**
 * One label. `field`: a real unfilled field (the engine should report it). `false`: text an
 * engine reported or may report that is not a field (kept with its `shape` to count patterns).
 * `either`: defensible both ways; reporting it is neither a hit nor a false alarm.
 */
export interface Label {
  /** The exact text of the span, brackets included (absent when `head` or `re` is given). */
  text?: string;
  /**
   * For a long span, instead of `text`: how it begins, its `length` and the first 8 hex digits of
   * the SHA-1 of the whole span (so the label names the span without copying it).
   */
  head?: string;
  length?: number;
  sha1?: string;
  /** Which occurrence of `text` in the document (0-based, default 0). */
  n?: number;
  /** Every occurrence of `text` (for a pattern repeated through a document, such as a changelog tag). */
  all?: boolean;
  /** Instead of `text`: every match of this regular expression (only for `false` and `either` labels). */
  re?: string;
  /** Extra flags for `re` (`m`, `i`, `u`). */
  flags?: string;
  kind: 'field' | 'false' | 'either';
  /** For fields: bracket, mustache, date, brace, angle, conditional, task, or one outside the contract. */
  dialect?: string;
  /** For false alarms: the pattern, e.g. `api-optional-arg`, `changelog-tag`. */
  shape?: string;
  note?: string;
}

/** `labels.json`: labels per document id; a document without an entry has none. */
export interface LabelFile {
  docs: Record<string, { note?: string; labels: Label[] }>;
}

/** A label located in its document. */
export interface PlacedLabel extends Label {
  text: string;
  start: number;
  end: number;
  rule: FieldRule;
}

/** A finding of a field rule, with its text and the dialect it is counted under. */
export interface ScoredFinding {
  rule: FieldRule;
  start: number;
  end: number;
  line: number;
  column: number;
  text: string;
  dialect: string;
  /** tp: matches a field label; fp: a false alarm; neutral: matches an `either` label. */
  verdict: 'tp' | 'fp' | 'neutral';
  /** For false alarms: the labelled shape, or `unlabelled`. */
  shape?: string;
}

/** Everything measured on one document. */
export interface DocScore {
  id: string;
  pkg: string;
  set: DocSet;
  findings: ScoredFinding[];
  labels: (PlacedLabel & { found: boolean; exact: boolean })[];
  /** Findings of rules that are not about fields, by rule (not scored). */
  otherRules: Record<string, number>;
}

/** The rule a label of this dialect is reported by. */
export function ruleOfDialect(dialect: string | undefined): FieldRule {
  if (dialect === 'task') return 'unchecked-dod';
  if (dialect === 'conditional') return 'conditional';
  return 'placeholder';
}

/** Reads the dialect from a field's text, for engines whose findings do not carry one. */
export function inferDialect(text: string, rule: string): string {
  if (rule === 'unchecked-dod') return 'task';
  if (rule === 'conditional' || /^\{\{~?\s*(?:[#/^]|else\b)/.test(text)) return 'conditional';
  if (text.startsWith('{{')) return 'mustache';
  if (/^(?:YYYY|MM|DD)\b|^(?:YYYY|MM|DD)[-/.]/.test(text)) return 'date';
  if (text.startsWith('{')) return 'brace';
  if (text.startsWith('<')) return 'angle';
  if (text.startsWith('[')) return 'bracket';
  return 'other';
}

const DIALECT_ALIASES: [RegExp, string][] = [
  [/cond|block|handlebars|helper/i, 'conditional'],
  [/mustache|double|handlebar/i, 'mustache'],
  [/date/i, 'date'],
  [/brace|curly|single/i, 'brace'],
  [/angle|chevron/i, 'angle'],
  [/bracket|square/i, 'bracket'],
  [/task|dod/i, 'task'],
];

/** The dialect of a finding: the engine's own (normalised) when it gives one, else read from the text. */
export function dialectOf(f: Finding, text: string): string {
  const data = f.data as { dialect?: unknown } | undefined;
  const own = (f as { dialect?: unknown }).dialect ?? data?.dialect;
  if (typeof own === 'string') {
    for (const [re, name] of DIALECT_ALIASES) if (re.test(own)) return name;
    if (/pattern|user|custom/i.test(own)) return 'pattern';
  }
  return inferDialect(text, f.rule);
}

function occurrences(text: string, label: Label): number[] {
  const needle = label.text ?? label.head ?? '';
  const out: number[] = [];
  for (let at = text.indexOf(needle); at >= 0 && needle; at = text.indexOf(needle, at + 1)) {
    out.push(at);
    if (!label.all && out.length > (label.n ?? 0)) return [at];
  }
  return label.all ? out : [];
}

/** The span a label names at `start`, or undefined when a `head` label's length or hash does not hold. */
function spanAt(text: string, label: Label, start: number): { start: number; end: number } | undefined {
  if (label.text !== undefined) return { start, end: start + label.text.length };
  const end = start + (label.length ?? 0);
  const hash = createHash('sha1').update(text.slice(start, end)).digest('hex').slice(0, 8);
  return end <= text.length && hash === label.sha1 ? { start, end } : undefined;
}

/** Locates labels in the text; a label whose text (or occurrence) is missing is an error. */
export function placeLabels(doc: CorpusDoc, labels: readonly Label[], errors: string[]): PlacedLabel[] {
  const out: PlacedLabel[] = [];
  for (const label of labels) {
    const rule = ruleOfDialect(label.dialect);
    if (label.re !== undefined) {
      if (label.kind === 'field') errors.push(`${doc.id}: a field label needs an exact text, not a pattern`);
      const spans = [...doc.text.matchAll(new RegExp(label.re, `g${label.flags ?? ''}`))].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
      if (spans.length === 0) errors.push(`${doc.id}: label pattern /${label.re}/ matches nothing`);
      for (const s of spans) out.push({ ...label, text: doc.text.slice(s.start, s.end), ...s, rule });
      continue;
    }
    const spans = occurrences(doc.text, label).map((at) => spanAt(doc.text, label, at));
    if (spans.length === 0 || spans.some((x) => !x)) errors.push(`${doc.id}: label ${JSON.stringify(label.text ?? label.head)} #${label.n ?? 0} not found`);
    for (const x of spans) if (x) out.push({ ...label, text: doc.text.slice(x.start, x.end), ...x, rule });
  }
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  (a.start < b.end && b.start < a.end) || (a.start === a.end && a.start >= b.start && a.start < b.end);

function scoreFinding(f: Finding, doc: CorpusDoc, placed: readonly PlacedLabel[]): ScoredFinding {
  const rule = f.rule as FieldRule;
  const span = { start: f.startOffset, end: f.endOffset };
  const text = doc.text.slice(span.start, span.end);
  const base = { rule, ...span, line: f.line, column: f.column, text, dialect: dialectOf(f, text) };
  const hits = placed.filter((l) => overlaps(span, l));
  if (hits.some((l) => l.kind === 'field' && l.rule === rule)) return { ...base, verdict: 'tp' };
  if (hits.some((l) => l.kind === 'either')) return { ...base, verdict: 'neutral' };
  const labelled = hits.find((l) => l.kind === 'false');
  const wrongRule = hits.find((l) => l.kind === 'field');
  return { ...base, verdict: 'fp', shape: labelled?.shape ?? (wrongRule ? `reported by ${rule}, labelled ${wrongRule.rule}` : 'unlabelled') };
}

/** Scores one document's findings against its labels. */
export function scoreDoc(doc: CorpusDoc, findings: readonly Finding[], labels: readonly Label[], errors: string[]): DocScore {
  const placed = placeLabels(doc, labels, errors);
  const otherRules: Record<string, number> = {};
  const scored: ScoredFinding[] = [];
  for (const f of findings) {
    if ((FIELD_RULES as readonly string[]).includes(f.rule)) scored.push(scoreFinding(f, doc, placed));
    else otherRules[f.rule] = (otherRules[f.rule] ?? 0) + 1;
  }
  const result = placed.map((l) => {
    const same = findings.filter((f) => f.rule === l.rule && overlaps({ start: f.startOffset, end: f.endOffset }, l));
    return { ...l, found: same.length > 0, exact: same.some((f) => f.startOffset === l.start && f.endOffset === l.end) };
  });
  return { id: doc.id, pkg: doc.pkg, set: doc.set, findings: scored, labels: result, otherRules };
}
