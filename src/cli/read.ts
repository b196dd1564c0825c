import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { editorLineEnds } from '../core/line-ends';

/** Default largest file the CLI lints (bytes); larger files are skipped with a message. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** A byte count for messages: `512 bytes`, `12.5 KB`, `1.9 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1048576) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

/**
 * Why a file was not linted. The first four are choices (the file is not a document we lint);
 * `unreadable` and `internal-error` are failures: the run did not do what it was asked.
 */
export type SkipReason = 'too-large' | 'binary' | 'not-utf8' | 'special' | 'unreadable' | 'internal-error';

/** How each reason is counted in the summary line. */
export const SKIP_LABELS: Readonly<Record<SkipReason, string>> = {
  'too-large': 'over --max-size',
  binary: 'binary',
  'not-utf8': 'not UTF-8',
  special: 'not a regular file',
  unreadable: 'unreadable',
  'internal-error': 'internal error',
};

/** Whether a reason means the run failed (exit status 2) rather than chose to skip. */
export function isFailure(reason: SkipReason | undefined): boolean {
  return reason === 'unreadable' || reason === 'internal-error';
}

/** The text of a file, or why it was skipped. */
export type ReadResult = { text: string } | { skipped: string; reason: SkipReason };

/** What a path is when it is not a regular file, for messages. */
export function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  ELOOP: 'too many levels of symbolic links',
  EISDIR: 'is a folder',
  ENOTDIR: 'a parent is not a folder',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
};

/** An I/O error for messages: `permission denied (EACCES)`. */
export function describeIoError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code && ERRNO_TEXT[code]) return `${ERRNO_TEXT[code]} (${code})`;
  return code ?? (e as Error).message;
}

/** A file that is not a regular file (a FIFO, a device, a folder): reading it could block. */
export class NotRegularFileError extends Error {}

/**
 * Reads a regular file without ever blocking on a special one: the file is opened
 * non-blocking and checked on the open descriptor (no gap between the check and the read), so
 * a named pipe or a device is refused before any read. `limit` bytes at most (the size is
 * returned instead when the file is larger). Throws `NotRegularFileError` for special files
 * and the I/O error (EACCES, ELOOP…) when the file cannot be opened.
 */
export function readRegularFile(path: string, limit = Infinity): { bytes: Buffer } | { size: number } {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer (not on Windows).
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularFileError(`${kindOf(stat)}, not a regular file`);
    if (stat.size > limit) return { size: stat.size };
    return { bytes: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

/** A read failure as a reason and a message: special file, or unreadable. */
export function readFailure(e: unknown): { skipped: string; reason: SkipReason } {
  if (e instanceof NotRegularFileError) return { skipped: `skipped: ${e.message}`, reason: 'special' };
  return { skipped: `not linted: cannot read it: ${describeIoError(e)}`, reason: 'unreadable' };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a Markdown file as UTF-8, refusing special, binary, non-UTF-8 and oversized files. */
export function readDocument(path: string, maxBytes: number): ReadResult {
  let read;
  try {
    read = readRegularFile(path, maxBytes);
  } catch (e) {
    return readFailure(e);
  }
  if ('size' in read) {
    return { skipped: `skipped: ${formatBytes(read.size)} is over the ${formatBytes(maxBytes)} limit (--max-size)`, reason: 'too-large' };
  }
  const { bytes } = read;
  if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'skipped: binary file', reason: 'binary' };
  try {
    return { text: editorLineEnds(decoder.decode(bytes).replace(/^\uFEFF/, '')) };
  } catch {
    return { skipped: 'skipped: not valid UTF-8', reason: 'not-utf8' };
  }
}
