/**
 * Suppression comments:
 * `<!-- integration-docs-disable-next-line [rule…] -->`,
 * `<!-- integration-docs-disable [rule…] -->` … `<!-- integration-docs-enable [rule…] -->`,
 * `<!-- integration-docs-disable-file [rule…] -->`. No rule names means every rule.
 */
import type { CommentFact } from './facts';
import { positionAt, type DocModel } from './document';

interface Directive {
  kind: 'disable-next-line' | 'disable' | 'enable' | 'disable-file';
  rules: string[] | 'all';
  offset: number;
  line: number;
}

const DIRECTIVE = /^integration-docs-(disable-next-line|disable-file|disable|enable)(?:\s+([\s\S]*))?$/;

function parse(comment: CommentFact, model: DocModel): Directive | undefined {
  const m = DIRECTIVE.exec(comment.body);
  if (!m) return undefined;
  const names = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
  return {
    kind: m[1] as Directive['kind'],
    rules: names.length ? names : 'all',
    offset: comment.end,
    line: positionAt(model, comment.end).line,
  };
}

function covers(d: Directive, rule: string): boolean {
  return d.rules === 'all' || d.rules.includes(rule);
}

/** A predicate telling whether a finding of `rule` starting at `offset` (on 1-based `line`) is suppressed. */
export function suppressions(model: DocModel): (rule: string, offset: number, line: number) => boolean {
  const directives = model.comments.map((c) => parse(c, model)).filter((d): d is Directive => d !== undefined);
  if (directives.length === 0) return () => false;
  return (rule, offset, line) => {
    let disabled = false;
    for (const d of directives) {
      if (!covers(d, rule)) continue;
      if (d.kind === 'disable-file') return true;
      if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
      if (d.offset <= offset && (d.kind === 'disable' || d.kind === 'enable')) disabled = d.kind === 'disable';
    }
    return disabled;
  };
}
