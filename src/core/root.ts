/**
 * The root folder of a document — what source paths starting with `/` are relative to, and
 * what no source may escape. One rule for the CLI and the editor, so a doc that is clean in one
 * is clean in the other:
 *
 * 1. the nearest folder, from the document's upwards, that holds `.integration-docs.json`;
 * 2. else the nearest that holds `.git` (a folder, or a file in a worktree or submodule);
 * 3. else the fallback (the CLI: the current folder; the editor: the workspace folder).
 *
 * The caller lists the folders to look in (the editor stops at the workspace folder, so
 * nothing outside the workspace is looked at) and says which hold which marker; this module
 * touches no filesystem.
 */
import { CONFIG_FILE } from './config';

/** The files that mark a root, in the order they are looked for. */
export const ROOT_MARKERS: readonly string[] = [CONFIG_FILE, '.git'];

/**
 * Picks the root among `ancestors` (the document's folder first, then each parent): the first
 * that holds the first marker, else the first that holds the second, else `fallback`.
 *
 * ```ts
 * chooseRoot(['/r/docs/a', '/r/docs', '/r'], (d, m) => (d === '/r/docs' && m === '.integration-docs.json') || (d === '/r' && m === '.git'), '/cwd')
 * // '/r/docs'
 * ```
 */
export function chooseRoot<Dir>(ancestors: readonly Dir[], has: (dir: Dir, marker: string) => boolean, fallback: Dir): Dir {
  for (const marker of ROOT_MARKERS) {
    const found = ancestors.find((dir) => has(dir, marker));
    if (found !== undefined) return found;
  }
  return fallback;
}

/**
 * A `/`-separated folder and its parents, up to and including `ceiling` (none when the folder
 * is not inside it), or up to the filesystem root without a ceiling:
 * `posixAncestors('/w/a/b', '/w')` → `['/w/a/b', '/w/a', '/w']`.
 */
export function posixAncestors(dir: string, ceiling?: string): string[] {
  const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  const stop = ceiling === undefined ? undefined : trim(ceiling);
  let current = trim(dir);
  if (stop !== undefined && current !== stop && !current.startsWith(stop === '/' ? '/' : `${stop}/`)) return [];
  const out = [current];
  while (current !== stop && current.lastIndexOf('/') >= 0 && current !== '/') {
    const cut = current.lastIndexOf('/');
    current = cut === 0 ? '/' : current.slice(0, cut);
    out.push(current);
  }
  return out;
}
