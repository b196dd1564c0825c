import { display } from '../paths';
import type { Formatter } from './formatter';

/** A JSON array of `{file, line, column, endLine, endColumn, rule, severity, message}`. */
export const json: Formatter = {
  description: 'a JSON array of {file, line, column, endLine, endColumn, rule, severity, message}',
  format(results) {
    const rows = results.flatMap((r) => {
      // Once per file, not once per finding: `relative` allocates, and a folder can have thousands.
      const file = display(r.file);
      return r.findings.map((f) => ({
        file,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
      }));
    });
    return JSON.stringify(rows, null, 2);
  },
};
