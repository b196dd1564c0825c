import { relative } from 'node:path';

/** A file as given to formats that keep it exact (JSON, SARIF): relative to the current folder when inside it, else absolute. */
export function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };

/**
 * A path for one line of text output: as is, unless it holds a control character (a file
 * named with a newline would split the line); then quoted with C-style escapes, as git
 * shows such names: `"bad\nname.md"`.
 */
export function quotePath(path: string): string {
  if (!CONTROL.test(path)) return path;
  const escaped = [...path].map((c) => SHORT[c] ?? (CONTROL.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
  return `"${escaped}"`;
}

/** A file as shown in text output and messages: `display`, quoted when it holds control characters. */
export function shown(file: string): string {
  return quotePath(display(file));
}
