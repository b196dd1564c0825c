import type { Severity } from '../../core/types';
import { display } from '../paths';
import type { Formatter } from './formatter';

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** GitHub Actions workflow commands, so findings show as annotations on a pull request. */
export const github: Formatter = {
  description: 'GitHub Actions workflow commands (annotations on a pull request)',
  format(results) {
    return results
      .flatMap((r) => {
        const file = escapeProperty(display(r.file));
        return r.findings.map((f) => {
          const props = `file=${file},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(f.rule)}`;
          return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}`;
        });
      })
      .join('\n');
  },
};
