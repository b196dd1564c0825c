import { BatchLinter, type lint } from '../core/lint';
import { oneLineError } from '../core/display';
import type { Finding, LintOptions } from '../core/types';
import { readDocument, type SkipReason } from './read';
import { fileSourceResolver } from './source-resolver';

/** What linting one file gave. */
export interface FileResult {
  file: string;
  findings: Finding[];
  /** Set when the file was not linted (binary, not UTF-8, too large, special, unreadable, an internal error): the message. */
  skipped?: string;
  /** Why, with `skipped`. */
  reason?: SkipReason;
}

/** An exception of the engine as one line: its class and message (the stack stays out of CI logs). */
export function internalError(e: unknown): string {
  return `not linted: internal error: ${oneLineError(e)} (please report it)`;
}

/** The engine of this thread: the files of one run share the facts of identical blocks. */
const batch = new BatchLinter();
const lintShared: typeof lint = (text, options) => batch.lint(text, options);

/**
 * Reads and lints one file; never throws. With `root`, source paths are checked against the
 * disk. An exception while linting is a failed result naming it, never an empty one.
 */
export function lintFile(file: string, options: LintOptions, maxBytes: number, root?: string, lintText: typeof lint = lintShared): FileResult {
  const read = readDocument(file, maxBytes);
  if ('skipped' in read) return { file, findings: [], skipped: read.skipped, reason: read.reason };
  try {
    return { file, findings: lintText(read.text, root === undefined ? options : { ...options, resolveSource: fileSourceResolver(file, root) }) };
  } catch (e) {
    return { file, findings: [], skipped: internalError(e), reason: 'internal-error' };
  }
}
