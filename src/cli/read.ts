import { readFileSync, statSync } from 'node:fs';

/** Default largest file the CLI lints (bytes); larger files are skipped with a message. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** A byte count for messages: `512 bytes`, `12.5 KB`, `1.9 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1048576) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

/** The text of a file, or why it was skipped. */
export type ReadResult = { text: string } | { skipped: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a Markdown file as UTF-8, refusing binary, non-UTF-8 and oversized files. */
export function readDocument(path: string, maxBytes: number): ReadResult {
  const size = statSync(path).size;
  if (size > maxBytes) {
    return { skipped: `skipped: ${formatBytes(size)} is over the ${formatBytes(maxBytes)} limit (--max-size)` };
  }
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'skipped: binary file' };
  try {
    return { text: decoder.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { skipped: 'skipped: not valid UTF-8' };
  }
}
