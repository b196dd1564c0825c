import { lint } from '../core/lint';
import type { Finding, LintOptions } from '../core/types';
import { readDocument } from './read';
import { fileSourceResolver } from './source-resolver';

/** What linting one file gave. */
export interface FileResult {
  file: string;
  findings: Finding[];
  /** Set when the file was not linted (binary, not UTF-8, too large, unreadable). */
  skipped?: string;
}

/** Reads and lints one file; never throws. With `root`, source paths are checked against the disk. */
export function lintFile(file: string, options: LintOptions, maxBytes: number, root?: string): FileResult {
  try {
    const read = readDocument(file, maxBytes);
    if ('skipped' in read) return { file, findings: [], skipped: read.skipped };
    return { file, findings: lint(read.text, root === undefined ? options : { ...options, resolveSource: fileSourceResolver(file, root) }) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { file, findings: [], skipped: `skipped: ${err.code ?? err.message}` };
  }
}
