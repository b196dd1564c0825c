import { relative } from 'node:path';

/** A file as shown to the user: relative to the current folder when inside it, else absolute. */
export function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
