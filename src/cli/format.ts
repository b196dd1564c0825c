import { relative } from 'node:path';
import type { Finding, Severity } from '../core/types';
import type { FileResult } from './lint-file';

/** Output formats of `integration-docs lint`. */
export type Format = 'text' | 'json' | 'github';

/** A file as shown to the user: relative to the current folder when inside it, else absolute. */
export function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function counts(results: readonly FileResult[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) for (const f of r.findings) c[f.severity]++;
  return c;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `path:line:col severity rule message` lines and a summary line. */
export function formatText(results: readonly FileResult[], quiet: boolean): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) lines.push(`${display(r.file)}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
  }
  if (quiet) return lines.join('\n');
  const c = counts(results);
  const total = c.error + c.warning + c.information + c.hint;
  const files = plural(results.filter((r) => !r.skipped).length, 'file');
  if (total === 0) lines.push(`No problems in ${files}.`);
  else {
    const parts = [plural(c.error, 'error'), plural(c.warning, 'warning')];
    if (c.information) parts.push(`${c.information} information`);
    if (c.hint) parts.push(plural(c.hint, 'hint'));
    lines.push(`${plural(total, 'problem')} (${parts.join(', ')}) in ${files}.`);
  }
  return lines.join('\n');
}

/** A JSON array of `{file, line, column, endLine, endColumn, rule, severity, message}`. */
export function formatJson(results: readonly FileResult[]): string {
  const rows = results.flatMap((r) =>
    r.findings.map((f: Finding) => ({
      file: display(r.file),
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
    })),
  );
  return JSON.stringify(rows, null, 2);
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** GitHub Actions workflow commands, so findings show as annotations on a pull request. */
export function formatGithub(results: readonly FileResult[]): string {
  return results
    .flatMap((r) =>
      r.findings.map((f) => {
        const props = `file=${escapeProperty(display(r.file))},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(f.rule)}`;
        return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}`;
      }),
    )
    .join('\n');
}
