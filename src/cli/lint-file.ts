import { lint } from '../core/lint';
import type { Finding, LintOptions } from '../core/types';
import { readDocument } from './read';

/** What linting one file gave. */
export interface FileResult {
  file: string;
  findings: Finding[];
  /** Set when the file was not linted (binary, not UTF-8, too large, unreadable). */
  skipped?: string;
}

/** Reads and lints one file; never throws. */
export function lintFile(file: string, options: LintOptions, maxBytes: number): FileResult {
  try {
    const read = readDocument(file, maxBytes);
    if ('skipped' in read) return { file, findings: [], skipped: read.skipped };
    return { file, findings: lint(read.text, options) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { file, findings: [], skipped: `skipped: ${err.code ?? err.message}` };
  }
}
