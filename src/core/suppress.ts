/**
 * Suppression comments. In the Markdown body they are HTML comments; in the frontmatter they
 * are YAML comments (`# integration-docs-…`), which never change a value.
 *
 * - `integration-docs-ignore-next [rule…]`: exactly the finding that starts right after the
 *   comment (only spaces or tabs between), e.g. inside a table cell:
 *   `| <!-- integration-docs-ignore-next placeholder -->[X] |`.
 * - `integration-docs-ignore-previous [rule…]`: exactly the finding that ends right before the
 *   comment, e.g. at the end of a YAML value: `title: [Partner] # integration-docs-ignore-previous placeholder`.
 * - `integration-docs-disable-next-line [rule…]`: every finding that starts on the next line.
 * - `integration-docs-disable [rule…]` … `integration-docs-enable [rule…]`: a region.
 * - `integration-docs-disable-file [rule…]`: the whole file.
 *
 * No rule names means every rule.
 */
import type { CommentFact } from './facts';
import { positionAt, type DocModel } from './document';

/** What a directive covers. */
export type DirectiveKind = 'ignore-next' | 'ignore-previous' | 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

/** A suppression directive read from a comment. */
export interface Directive {
  kind: DirectiveKind;
  rules: string[] | 'all';
  /** The comment's span. */
  start: number;
  end: number;
  /** 1-based line the comment ends on. */
  line: number;
}

const DIRECTIVE = /^integration-docs-(disable-next-line|disable-file|disable|enable|ignore-next|ignore-previous)(?:\s+([\s\S]*))?$/;

/** The directive a comment body states, or undefined (`rules` is `all` when none are named). */
export function parseDirective(body: string): { kind: DirectiveKind; rules: string[] | 'all' } | undefined {
  const m = DIRECTIVE.exec(body);
  if (!m) return undefined;
  const names = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
  return { kind: m[1] as DirectiveKind, rules: names.length ? names : 'all' };
}

function directiveOf(comment: CommentFact, model: DocModel): Directive | undefined {
  const parsed = parseDirective(comment.body);
  if (!parsed) return undefined;
  return { ...parsed, start: comment.start, end: comment.end, line: positionAt(model, comment.end).line };
}

/** Every directive of a document: the frontmatter's YAML comments, then the body's HTML comments. */
export function directivesOf(model: DocModel): Directive[] {
  const comments = [...(model.frontmatter?.directives ?? []), ...model.comments];
  return comments.map((c) => directiveOf(c, model)).filter((d): d is Directive => d !== undefined);
}

function covers(d: Directive, rule: string): boolean {
  return d.rules === 'all' || d.rules.includes(rule);
}

/** The offset after `from` past spaces and tabs. */
export function skipBlanksForward(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** The offset before `from` past spaces and tabs. */
export function skipBlanksBack(text: string, from: number): number {
  let i = from;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i;
}

/** Tells whether a finding of `rule` spanning `start..end` (starting on 1-based `line`) is suppressed. */
export type SuppressionTest = (rule: string, start: number, end: number, line: number) => boolean;

/** The suppression test of a model. */
export function suppressions(model: DocModel): SuppressionTest {
  const directives = directivesOf(model);
  if (directives.length === 0) return () => false;
  const anchors = directives.map((d) =>
    d.kind === 'ignore-next' ? skipBlanksForward(model.text, d.end) : d.kind === 'ignore-previous' ? skipBlanksBack(model.text, d.start) : -1,
  );
  return (rule, start, end, line) => {
    let disabled = false;
    for (let i = 0; i < directives.length; i++) {
      const d = directives[i];
      if (!covers(d, rule)) continue;
      switch (d.kind) {
        case 'disable-file':
          return true;
        case 'disable-next-line':
          if (d.line + 1 === line) return true;
          break;
        case 'ignore-next':
          if (anchors[i] === start) return true;
          break;
        case 'ignore-previous':
          if (anchors[i] === end && end > start) return true;
          break;
        default:
          if (d.end <= start) disabled = d.kind === 'disable';
      }
    }
    return disabled;
  };
}
