/**
 * Answers applied to an existing document: the text edits that write each answered field at
 * its occurrences, and nowhere else. Used by "Fill all" and by the form's "Fill Fields…".
 */
import type { Scalar } from 'yaml';
import { visit } from '../yaml';
import { readFrontmatter, type Frontmatter } from '../frontmatter';
import type { Span } from '../types';
import { flat } from './identity';
import type { TemplateField } from './types';

/** One replacement, in offsets of the document's text. */
export interface AnswerEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * The edits that apply `answers` (keyed by field key; blank answers are skipped) to `text`:
 * one per occurrence of an answered field whose text is still there, sorted and
 * non-overlapping. In the frontmatter, a value is written so the YAML keeps its meaning
 * (escaped inside quotes; a plain value that would change meaning is quoted whole).
 *
 * ```ts
 * answerEdits('~[X] min, [X] MB', documentFields(text), { '[X]#2': '10' })
 * // → [{ start: 10, end: 13, newText: '10' }]
 * ```
 */
export function answerEdits(text: string, fields: readonly TemplateField[], answers: Readonly<Record<string, string>>): AnswerEdit[] {
  const edits: AnswerEdit[] = [];
  for (const field of fields) {
    if (!Object.prototype.hasOwnProperty.call(answers, field.key)) continue;
    const value = answers[field.key];
    if (value === undefined || value.trim() === '') continue;
    const want = flat(field.text);
    for (const occ of field.occurrences) if (flat(text.slice(occ.start, occ.end)) === want) edits.push({ ...occ, newText: value });
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const disjoint = edits.filter((e, i) => i === 0 || e.start >= edits[i - 1].end);
  return yamlSafe(text, disjoint);
}

/** Scalars of the frontmatter (document offsets) with their quoting style. */
function scalars(fm: Frontmatter): Array<Span & { type: string | undefined; value: string }> {
  const out: Array<Span & { type: string | undefined; value: string }> = [];
  if (!fm.doc) return out;
  visit(fm.doc, {
    Scalar(key, node: Scalar) {
      if (key === 'key' || !node.range || typeof node.value !== 'string') return;
      out.push({ start: fm.base + node.range[0], end: fm.base + node.range[1], type: node.type, value: node.value });
    },
  });
  return out;
}

/** Rewrites edits inside frontmatter scalars so the YAML still reads as the intended text. */
function yamlSafe(text: string, edits: AnswerEdit[]): AnswerEdit[] {
  const fm = readFrontmatter(text, []);
  if (!fm?.doc || !edits.some((e) => e.start < fm.block.end)) return edits;
  const list = scalars(fm);
  const out: AnswerEdit[] = [];
  const plainDone = new Set<Span>();
  for (const e of edits) {
    const s = e.start < fm.block.end ? list.find((x) => x.start <= e.start && e.end <= x.end) : undefined;
    if (!s || s.type === 'PLAIN' || s.type === undefined) {
      if (!s) out.push(e);
      else if (!plainDone.has(s)) {
        plainDone.add(s);
        out.push(plainScalar(text, s, edits));
      }
      continue;
    }
    const escaped = s.type === 'QUOTE_DOUBLE' ? JSON.stringify(e.newText).slice(1, -1) : s.type === 'QUOTE_SINGLE' ? e.newText.replace(/'/g, "''") : e.newText;
    out.push({ ...e, newText: escaped });
  }
  return out;
}

/** A plain scalar with all its edits applied: as is when it still reads the same, else quoted whole. */
function plainScalar(text: string, s: Span, edits: readonly AnswerEdit[]): AnswerEdit {
  let value = '';
  let pos = s.start;
  for (const e of edits) {
    if (e.start < s.start || e.end > s.end) continue;
    value += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  value += text.slice(pos, s.end);
  const safe = !/^[\s[\]{}!&*#|>'"%@`,?:-]|:\s|\s#|[\n\r]|\s$/.test(value) && !/^(?:true|false|null|~|yes|no|on|off|[-+.\d][\d._:eE+-]*)$/i.test(value);
  return { start: s.start, end: s.end, newText: safe ? value : JSON.stringify(value) };
}
