import { plural } from '../../core/display';
import type { Severity } from '../../core/types';
import type { FileResult } from '../lint-file';
import { display } from '../paths';
import type { Formatter } from './formatter';

function counts(results: readonly FileResult[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) for (const f of r.findings) c[f.severity]++;
  return c;
}

/** `3 problems (1 error, 2 warnings) in 4 files.` or `No problems in 4 files.` */
function summary(results: readonly FileResult[]): string {
  const c = counts(results);
  const total = c.error + c.warning + c.information + c.hint;
  const files = plural(results.filter((r) => !r.skipped).length, 'file');
  if (total === 0) return `No problems in ${files}.`;
  const parts = [plural(c.error, 'error'), plural(c.warning, 'warning')];
  if (c.information) parts.push(`${c.information} information`);
  if (c.hint) parts.push(plural(c.hint, 'hint'));
  return `${plural(total, 'problem')} (${parts.join(', ')}) in ${files}.`;
}

/** `path:line:col severity rule message` lines and a summary line. */
export const text: Formatter = {
  description: '`path:line:col severity rule message` lines and a summary (default)',
  format(results, { quiet }) {
    const lines: string[] = [];
    for (const r of results) {
      for (const f of r.findings) lines.push(`${display(r.file)}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
    }
    if (!quiet) lines.push(summary(results));
    return lines.join('\n');
  },
};
