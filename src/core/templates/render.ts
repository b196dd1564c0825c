/**
 * Renders a template into a new document: answered fields filled everywhere, conditional
 * blocks kept or dropped, and the frontmatter stamped with the template, its version, the
 * creation date and a status. Pure text in, text out; nothing in the template is executed.
 */
import { visit } from '../yaml';
import { readFrontmatter, type Frontmatter } from '../frontmatter';
import type { Span } from '../types';
import { answerFor, templateFields } from './fields';
import { fillScalars, parseYaml, stampFrontmatter, stringifyYaml } from './frontmatter';
import { scanTemplate } from './scan';
import type { RenderOptions, TemplateField, TemplateInfo } from './types';
import { sortByStart } from '../spans';

interface Edit extends Span {
  /** Replacement text; undefined for a deletion. */
  text?: string;
}

/**
 * Renders `info` with `options`:
 *
 * - every occurrence of an answered field is replaced by the answer (`values` is keyed by the
 *   field's key `[Partner]` or its name `Partner`); unanswered fields stay, so the linter keeps
 *   tracking them;
 * - `{{#if name}}` blocks whose name is in `keep` keep their content and lose their marker
 *   lines, the others are removed with their markers; `{{else}}` branches and `{{#unless}}`
 *   follow Handlebars; a marker alone on its line takes its line with it, and blank lines left
 *   doubled where a marker stood are collapsed to one;
 * - the frontmatter is the template's own (fields filled through the YAML tree, so comments,
 *   order and quoting survive) plus `template`, `template_version`, `created` and `status`.
 */
export function renderTemplate(info: TemplateInfo, options: RenderOptions): string {
  const text = info.body;
  const fm = readFrontmatter(text, []);
  const bodyStart = fm ? fm.block.end : text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const answers = new Map<TemplateField, string>();
  for (const field of templateFields(info)) {
    const value = answerFor(field, options.values);
    if (value !== undefined) answers.set(field, value);
  }
  const head = renderHead(info, text, fm, answers, options.today);
  const body = renderBody(text, bodyStart, answers, new Set(options.keep ?? []));
  // A new document ends with exactly one newline, whatever the template file did.
  return `${head}${body.trimEnd()}\n`;
}

function renderHead(info: TemplateInfo, text: string, fm: Frontmatter | undefined, answers: Map<TemplateField, string>, today: string): string {
  const stamp = { template: info.id, template_version: info.version, created: today };
  if (!fm) {
    const doc = parseYaml('');
    stampFrontmatter(doc, stamp);
    return `---\n${stringifyYaml(doc)}---\n\n`;
  }
  if (!fm.doc || fm.errors.length > 0) {
    // Unreadable YAML (team templates with it are rejected earlier): fill as text, stamp nothing.
    return applyEdits(text, 0, fm.block.end, fieldEdits(answers, 0, fm.block.end)).out;
  }
  const fills = new Map<number, Array<[string, string]>>();
  const scalars = scalarStarts(fm);
  for (const [field, value] of answers) {
    for (const occ of field.occurrences) {
      if (occ.start >= fm.block.end) continue;
      const at = scalars.find((r) => r.start <= occ.start - fm.base && occ.end - fm.base <= r.end);
      if (!at) continue;
      const list = fills.get(at.start) ?? [];
      list.push([text.slice(occ.start, occ.end), value]);
      fills.set(at.start, list);
    }
  }
  const doc = fm.doc;
  fillScalars(doc, fills);
  stampFrontmatter(doc, stamp);
  const open = text.slice(0, fm.content.start);
  const close = text.slice(fm.content.end, fm.block.end);
  return `${open}${stringifyYaml(doc)}${close}`;
}

/** Value ranges (in frontmatter content offsets) of every string scalar, to place field fills. */
function scalarStarts(fm: Frontmatter): Span[] {
  const out: Span[] = [];
  if (!fm.doc) return out;
  visit(fm.doc, {
    Scalar(key, node) {
      if (key !== 'key' && node.range && typeof node.value === 'string') out.push({ start: node.range[0], end: node.range[1] });
    },
  });
  return out;
}

function fieldEdits(answers: Map<TemplateField, string>, from: number, to: number): Edit[] {
  const edits: Edit[] = [];
  for (const [field, value] of answers) {
    for (const occ of field.occurrences) if (occ.start >= from && occ.end <= to) edits.push({ ...occ, text: value });
  }
  return edits;
}

/** `{{#if}}` / `{{#unless}}` blocks resolved to deletions, each widened to whole marker lines. */
function conditionalDeletions(text: string, keep: ReadonlySet<string>): Span[] {
  const dels: Span[] = [];
  for (const f of scanTemplate(text).conditionals) {
    const d = f.data;
    if (d?.kind !== 'conditional' || !d.close || (d.helper !== 'if' && d.helper !== 'unless')) continue;
    const truthy = keep.has(d.name);
    const showFirst = d.helper === 'if' ? truthy : !truthy;
    if (showFirst) {
      dels.push(d.open, d.else ? { start: d.else.start, end: d.close.end } : d.close);
    } else {
      dels.push({ start: d.open.start, end: (d.else ?? d.close).end });
      if (d.else) dels.push(d.close);
    }
  }
  return merge(dels.map((s) => wholeLines(text, s)));
}

/** Widens a span to its whole line(s) when only whitespace stands beside it. */
function wholeLines(text: string, span: Span): Span {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const nl = text.indexOf('\n', span.end);
  const lineEnd = nl === -1 ? text.length : nl;
  if (!/^[ \t]*$/.test(text.slice(lineStart, span.start)) || !/^[ \t\r]*$/.test(text.slice(span.end, lineEnd))) return span;
  return { start: lineStart, end: nl === -1 ? text.length : nl + 1 };
}

function merge(spans: Span[]): Span[] {
  const sorted = sortByStart([...spans]);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function renderBody(text: string, bodyStart: number, answers: Map<TemplateField, string>, keep: ReadonlySet<string>): string {
  const dels = conditionalDeletions(text, keep);
  const fills = fieldEdits(answers, bodyStart, text.length).filter((e) => !dels.some((d) => d.start < e.end && e.start < d.end));
  const { out, junctions } = applyEdits(text, bodyStart, text.length, [...dels, ...fills]);
  let result = out;
  for (let i = junctions.length - 1; i >= 0; i--) result = collapseBlankLines(result, junctions[i]);
  return result;
}

/** Applies disjoint edits to `text[from, to)`; returns the text and where deletions joined it. */
function applyEdits(text: string, from: number, to: number, edits: Edit[]): { out: string; junctions: number[] } {
  let out = '';
  let pos = from;
  const junctions: number[] = [];
  for (const e of sortByStart([...edits])) {
    out += text.slice(pos, e.start);
    if (e.text === undefined) junctions.push(out.length);
    else out += e.text;
    pos = e.end;
  }
  return { out: out + text.slice(pos, to), junctions };
}

const BLANK_LINE = /^[ \t\r]*\n$/;

/**
 * At a line start where removed lines used to be, leaves at most one blank line, and none at
 * the very start or end of the text.
 */
function collapseBlankLines(out: string, j: number): string {
  if (j > 0 && out[j - 1] !== '\n') return out;
  let a = j;
  while (a > 0) {
    const ps = out.lastIndexOf('\n', a - 2) + 1;
    if (!BLANK_LINE.test(out.slice(ps, a))) break;
    a = ps;
  }
  let b = j;
  while (b < out.length) {
    const nl = out.indexOf('\n', b);
    const end = nl === -1 ? out.length : nl + 1;
    if (!/^[ \t\r]*\n?$/.test(out.slice(b, end))) break;
    b = end;
  }
  if (a === b) return out;
  const atEdge = a === 0 || b === out.length;
  const blankLines = out.slice(a, b).split('\n').length - 1;
  if (!atEdge && blankLines <= 1) return out;
  return out.slice(0, a) + (atEdge ? '' : '\n') + out.slice(b);
}
