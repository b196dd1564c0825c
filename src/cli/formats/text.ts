import { plural } from '../../core/display';
import type { Severity } from '../../core/types';
import type { FileResult } from '../lint-file';
import { shown } from '../paths';
import { isFailure, SKIP_LABELS } from '../read';
import type { Formatter } from './formatter';

function counts(results: readonly FileResult[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) for (const f of r.findings) c[f.severity]++;
  return c;
}

/** `3 problems (1 error, 2 warnings) in 4 files` or `No problems in 4 files`. */
function problems(linted: readonly FileResult[]): string {
  const c = counts(linted);
  const total = c.error + c.warning + c.information + c.hint;
  const files = plural(linted.length, 'file');
  if (total === 0) return `No problems in ${files}`;
  const parts = [plural(c.error, 'error'), plural(c.warning, 'warning')];
  if (c.information) parts.push(`${c.information} information`);
  if (c.hint) parts.push(plural(c.hint, 'hint'));
  return `${plural(total, 'problem')} (${parts.join(', ')}) in ${files}`;
}

/** `3 files skipped (2 binary, 1 over --max-size)`: a count per reason, in order of first appearance. */
function notLinted(results: readonly FileResult[], what: string): string {
  const byReason = new Map<string, number>();
  for (const r of results) if (r.reason) byReason.set(SKIP_LABELS[r.reason], (byReason.get(SKIP_LABELS[r.reason]) ?? 0) + 1);
  return `${plural(results.length, 'file')} ${what} (${[...byReason].map(([label, n]) => `${n} ${label}`).join(', ')})`;
}

/**
 * The summary line: files that could not be linted first (a run with failures never reads as
 * clean), then the findings in the files linted, then the files skipped and why.
 * `1 file could not be linted (1 unreadable); 2 problems (…) in 3 files; 1 file skipped (1 binary).`
 */
export function summary(results: readonly FileResult[]): string {
  const failed = results.filter((r) => r.skipped && isFailure(r.reason));
  const skipped = results.filter((r) => r.skipped && !isFailure(r.reason));
  const linted = results.filter((r) => !r.skipped);
  const parts: string[] = [];
  if (failed.length) parts.push(notLinted(failed, 'could not be linted'));
  if (!failed.length) parts.push(problems(linted));
  else parts.push(linted.length ? problems(linted).replace(/^No problems/, 'no problems') : 'no file linted');
  if (skipped.length) parts.push(notLinted(skipped, 'skipped'));
  return `${parts.join('; ')}.`;
}

/** `path:line:col severity rule message` lines and a summary line. */
export const text: Formatter = {
  description: '`path:line:col severity rule message` lines and a summary (default)',
  format(results, { quiet }) {
    const lines: string[] = [];
    for (const r of results) {
      const file = shown(r.file);
      for (const f of r.findings) lines.push(`${file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
    }
    if (!quiet) lines.push(summary(results));
    return lines.join('\n');
  },
};
